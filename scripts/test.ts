/**
 * `npm test`: every check, in order, stopping at the first that fails: missing system tools
 * installed, the type checks, the lint checks, the unit tests, the production build, every built
 * page checked without a browser (scripts/check-site.ts), the site built and checked again under a
 * sub-path, then the browser tests against the built site.
 */
import { spawnSync } from 'node:child_process';

const steps: [name: string, commands: string[]][] = [
	// Chromium, Go, Python and unzip, installed when missing: one step, first, so nothing later stops for them.
	['system tools', ['node scripts/tools.ts chromium go python unzip']],
	['type check', ['npm run --silent check']],
	[
		'lint',
		['npm run --silent lint:deps', 'npm run --silent lint', 'npm run --silent format:check', 'npm run --silent knip'],
	],
	['unit tests', ['npm run --silent test:unit']],
	['build', ['npm run --silent build']],
	['site check', ['node scripts/check-site.ts dist']],
	// The same site built for a sub-path (as a GitHub Pages project site is served), its links checked;
	// e2e/base-path.spec.ts then clicks through it.
	[
		'sub-path build',
		['npm run --silent build:base', 'node scripts/check-site.ts dist-base --base /godebug-explained/'],
	],
	['browser tests', ['npm run --silent test:e2e']],
];

for (const [name, commands] of steps) {
	const started = performance.now();
	// The lint checks all run, so one run lists every finding; other steps stop at their first failure.
	const failed: string[] = [];
	for (const command of commands) {
		console.log(`\n=== ${name}: ${command}`);
		const { status } = spawnSync(command, { shell: true, stdio: 'inherit' });
		if (status === 0) continue;
		failed.push(`${command} (exit ${status})`);
		if (name !== 'lint') break;
	}
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	if (failed.length === 0) {
		console.log(`\n${name} passed in ${seconds} s.`);
		continue;
	}
	console.error(`\n${name} failed in ${seconds} s: ${failed.join('; ')}; later steps did not run.`);
	process.exit(1);
}
