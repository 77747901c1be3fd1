/**
 * `npm run build`: Astro's build, then the steps that work on its output, in order: the GC lab's
 * WebAssembly built with the machine's Go (scripts/build-lab.ts), each page's style-attribute
 * policy narrowed (scripts/csp-style-attributes.ts), the search index (Pagefind), and the service
 * worker last, so it precaches the finished files.
 * `node scripts/build-site.ts dist-base` builds into another folder (with BASE_PATH set, a build
 * for a sub-path, as `npm run build:base` does).
 */
import { spawnSync } from 'node:child_process';

const out = process.argv[2] ?? 'dist';
const steps = [
	`astro build --outDir ${out}`,
	`node scripts/build-lab.ts ${out}`,
	`node scripts/csp-style-attributes.ts ${out}`,
	`pagefind --site ${out}`,
	`node scripts/service-worker.ts ${out}`,
];
for (const step of steps) {
	const { status } = spawnSync(step, { shell: true, stdio: 'inherit' });
	if (status !== 0) {
		console.error(`build: "${step}" failed (exit ${status}).`);
		process.exit(status ?? 1);
	}
}
