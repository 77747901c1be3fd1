// The published CLI as a user gets it: packed with `npm pack` (which builds it), installed from
// the tarball into an empty folder without the network, and run there by the machine's own Node
// (not this repository's), on a capture file and on standard input.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { publishedSite } from '../src/present/urls.ts';

const root = path.resolve(import.meta.dirname, '..');
const packageDir = path.join(root, 'packages', 'cli');
const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const leakCapture = path.join(root, 'content', 'traces', 'schedtrace', 'go1.26-p1-leak.txt');
const dir = mkdtempSync(path.join(tmpdir(), 'cli-package-'));
const app = path.join(dir, 'app');
after(() => rmSync(dir, { recursive: true, force: true }));

/** The environment without what `npm run` adds (its npm_config_* would steer the npm runs below). */
const plainEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
/** PATH without the `node_modules/.bin` folders npm puts first, so `node` is the machine's own. */
const userPath = (process.env.PATH ?? '')
	.split(path.delimiter)
	.filter((entry) => !entry.endsWith(`node_modules${path.sep}.bin`))
	.join(path.delimiter);
const userEnv = { ...plainEnv, PATH: userPath, NO_COLOR: '1', GODEBUG_EXPLAINED_SITE: '' };

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
	const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, env: userEnv, ...options });
	return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

let tarball = '';
before(() => {
	// npm pack runs the package's prepack script, which builds the bundle from src/cli.
	const pack = run('npm', ['pack', '--pack-destination', dir], { cwd: packageDir, env: plainEnv });
	assert.equal(pack.status, 0, pack.stderr);
	tarball = path.join(
		dir,
		readdirSync(dir).find((f) => f.endsWith('.tgz'))!,
	);
	mkdirSync(app);
	const install = run(
		'npm',
		['install', '--offline', '--no-audit', '--no-fund', '--cache', path.join(dir, 'npm-cache'), tarball],
		{ cwd: app },
	);
	assert.equal(install.status, 0, install.stderr);
});

/** The installed command, as the shell finds it after `npm install`. */
const installed = (name = 'godebug-explained') => path.join(app, 'node_modules', '.bin', name);

test('the tarball holds the bundle, its manifest and its README, and nothing else', () => {
	const list = run('tar', ['-tzf', tarball]);
	assert.equal(list.status, 0, list.stderr);
	assert.deepEqual(list.stdout.trim().split('\n').toSorted(), [
		'package/README.md',
		'package/dist/godebug-explained.js',
		'package/package.json',
	]);
	assert.equal(manifest.dependencies, undefined);
	assert.equal(manifest.engines.node, '>=20');
	assert.deepEqual(Object.keys(manifest.bin), ['godebug-explained', 'godebug-explain']);
	// The registry's link is the site the command's own links go to.
	assert.equal(manifest.homepage, publishedSite);
	// Plain JavaScript that needs nothing but Node's own modules.
	const bundle = readFileSync(
		path.join(app, 'node_modules', 'godebug-explained', 'dist', 'godebug-explained.js'),
		'utf8',
	);
	assert.match(bundle, /^#!\/usr\/bin\/env node\n/);
	const imports = [...bundle.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']/g)].map(
		(m) => m[1] ?? m[2],
	);
	assert.ok(imports.length > 0);
	assert.deepEqual(
		imports.filter((name) => !name.startsWith('node:')),
		[],
	);
	const readme = readFileSync(path.join(app, 'node_modules', 'godebug-explained', 'README.md'), 'utf8');
	for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'EXIT STATUS', 'EXAMPLES'])
		assert.match(readme, new RegExp(`^## ${section}$`, 'm'));
});

test('the installed command annotates a capture, with full URLs of field pages and lessons', (t) => {
	const node = run('node', ['--version']);
	t.diagnostic(`run by the machine's Node ${node.stdout.trim()}`);
	const r = run(installed(), [leakCapture]);
	assert.equal(r.status, 0, r.stderr);
	assert.equal(r.stderr, '');
	assert.match(r.stdout, /^ {4}1 {2}SCHED 0ms: gomaxprocs=1 /);
	assert.match(
		r.stdout,
		/\n {7}Global run queue +\d+ +[A-Z][^\n]+\n +https:\/\/godebug-explained\.dev\/reference\/schedtrace\/runqueue\/\n/,
	);
	assert.match(r.stdout, /\n {4}Runnable goroutines keep coming back\n/);
	assert.match(r.stdout, /\n {6}lesson: https:\/\/godebug-explained\.dev\/lessons\/spotting-a-goroutine-leak\/\n/);
	// The same output from the Node this repository pins, and from the alias.
	assert.equal(run(process.execPath, [installed(), leakCapture]).stdout, r.stdout);
	assert.equal(run(installed('godebug-explain'), [leakCapture]).stdout, r.stdout);
});

test('npx godebug-explained --json reads standard input and prints the documented records', () => {
	const input = readFileSync(leakCapture, 'utf8');
	const r = run('npx', ['--offline', 'godebug-explained', '--json'], { cwd: app, input });
	assert.equal(r.status, 0, r.stderr);
	const records = r.stdout
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line));
	const lines = records.slice(0, -1);
	assert.equal(lines.length, input.trimEnd().split('\n').length);
	for (const rec of lines) assert.deepEqual(Object.keys(rec), ['line', 'kind', 'era', 'fields', 'problem']);
	const field = lines[0].fields.find((f: { key: string }) => f.key === 'schedtrace/gomaxprocs');
	const at = input.indexOf('gomaxprocs=') + 'gomaxprocs='.length;
	assert.deepEqual(field, { key: 'schedtrace/gomaxprocs', start: at, end: at + 1, text: '1', value: 1 });
	const { summary } = records.at(-1);
	assert.deepEqual(Object.keys(summary), ['lines', 'era', 'kinds', 'problems', 'problemCount', 'findings', 'stats']);
	assert.equal(summary.lines, lines.length);
	// A schedtrace log: run queues and idle Ps, no gc cycles.
	assert.equal(summary.stats.sched.samples, lines.filter((rec) => rec.kind === 'schedtrace').length);
	assert.equal(summary.stats.gc.pauseMs, null);
	assert.deepEqual(
		summary.findings.map((f: Record<string, unknown>) => [f.kind, f.lesson]),
		[['goroutine-leak', 'https://godebug-explained.dev/lessons/spotting-a-goroutine-leak/']],
	);
});

test('--help, --version and --site', () => {
	const help = run(installed(), ['--help']);
	assert.equal(help.status, 0);
	assert.match(help.stdout, /^usage: godebug-explained \[--json\] \[--site URL\] \[FILE\.\.\.\]/);
	assert.match(help.stdout, /--site URL/);
	const version = run(installed(), ['--version']);
	assert.equal(version.stdout, `godebug-explained ${manifest.version}\n`);
	const site = run(installed(), ['--site', 'https://you.github.io/godebug-explained/', leakCapture]);
	assert.match(
		site.stdout,
		/lesson: https:\/\/you\.github\.io\/godebug-explained\/lessons\/spotting-a-goroutine-leak\/\n/,
	);
});

test('a binary file, a missing file and an unknown option: one clear line and exit status 2', () => {
	const binary = path.join(dir, 'app.bin');
	writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]));
	const cases: [string[], RegExp][] = [
		[
			[binary],
			/^godebug-explained: .*app\.bin: binary data \(a NUL byte at byte 7\); expected a text log of GODEBUG output$/,
		],
		[[path.join(dir, 'missing.log')], /^godebug-explained: .*missing\.log: no such file$/],
		[['--colour'], /^godebug-explained: unknown option "--colour"; usage: godebug-explained /],
	];
	for (const [args, message] of cases) {
		const r = run(installed(), args);
		assert.equal(r.status, 2, args.join(' '));
		assert.equal(r.stdout, '');
		assert.match(r.stderr.trimEnd(), message);
		assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
	}
});

test('--watch of a pipe works from the package with a built site named, and says what it needs without one', () => {
	const site = path.join(dir, 'site');
	mkdirSync(path.join(site, 'analyze'), { recursive: true });
	writeFileSync(path.join(site, 'analyze', 'index.html'), '<!doctype html><title>analyzer</title>');
	const gcLine =
		'gc 1 @0.010s 0%: 0.1+0.2+0.01 ms clock, 0.2+0/0.1/0+0.02 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n';
	const watched = run(installed(), ['--watch', '-'], {
		input: gcLine,
		env: { ...userEnv, GODEBUG_EXPLAINED_SITE_DIR: site },
	});
	assert.equal(watched.status, 0, watched.stderr);
	assert.equal(watched.stdout, gcLine);
	assert.match(
		watched.stderr,
		/^godebug-explained: the live analyzer is at http:\/\/127\.0\.0\.1:\d+\/analyze\/#watch /,
	);
	assert.match(watched.stderr, /godebug-explained: the input ended; 1 line · 1 GC cycle/);
	const without = run(installed(), ['--watch', '-'], { input: gcLine });
	assert.equal(without.status, 2);
	assert.match(without.stderr, /this package does not carry the site: .*GODEBUG_EXPLAINED_SITE_DIR/);
});
