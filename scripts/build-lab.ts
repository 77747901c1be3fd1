/**
 * The GC lab's WebAssembly, for /lab/: builds examples/lab with the machine's Go for
 * GOOS=js GOARCH=wasm into `<out>/lab/gclab.wasm`, and copies that same Go installation's
 * `wasm_exec.js` (the loader the runtime expects, never edited) beside it. Run by
 * scripts/build-site.ts after `astro build`; `node scripts/build-lab.ts [out]` alone rebuilds them.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureTool, go } from './tools.ts';

const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(root, process.argv[2] ?? 'dist', 'lab');

// Missing Go: installed with apt-get when that can work, else one line saying how.
ensureTool(go);

function goOutput(args: string[]): string {
	const { status, stdout, stderr } = spawnSync('go', args, { encoding: 'utf8' });
	if (status !== 0) {
		console.error(`build-lab: "go ${args.join(' ')}" failed:\n${stderr}`);
		process.exit(1);
	}
	return stdout.trim();
}

const goroot = goOutput(['env', 'GOROOT']);
// Go 1.24 moved the loader from misc/wasm/ to lib/wasm/.
const loader = ['lib/wasm/wasm_exec.js', 'misc/wasm/wasm_exec.js']
	.map((file) => path.join(goroot, file))
	.find((file) => existsSync(file));
if (!loader) {
	console.error(`build-lab: no wasm_exec.js in this Go installation (${goroot}): it cannot build for the browser.`);
	process.exit(1);
}

mkdirSync(out, { recursive: true });
const wasm = path.join(out, 'gclab.wasm');
// -trimpath keeps this machine's paths out of the binary; -s -w drop the symbol table and DWARF,
// which the runtime's own tracebacks do not need.
const build = spawnSync('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', wasm, '.'], {
	cwd: path.join(root, 'examples', 'lab'),
	env: { ...process.env, GOOS: 'js', GOARCH: 'wasm' },
	stdio: 'inherit',
});
if (build.status !== 0) {
	console.error('build-lab: building examples/lab for GOOS=js GOARCH=wasm failed.');
	process.exit(1);
}
copyFileSync(loader, path.join(out, 'wasm_exec.js'));

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const size = statSync(wasm).size;
console.log(
	`build-lab: ${path.relative(root, wasm)} (${goOutput(['env', 'GOVERSION'])}): ${mib(size)}, ` +
		`${mib(gzipSync(readFileSync(wasm)).length)} gzipped`,
);
