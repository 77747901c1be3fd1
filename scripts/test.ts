/**
 * `npm test`: every check, in order, stopping at the first that fails: the type checks, the
 * unit tests, the production build, then the browser tests against the built site.
 */
import { spawnSync } from 'node:child_process';

const steps: [name: string, command: string][] = [
	['type check', 'npm run --silent check'],
	['unit tests', 'npm run --silent test:unit'],
	['build', 'npm run --silent build'],
	['browser tests', 'npm run --silent test:e2e'],
];

for (const [name, command] of steps) {
	console.log(`\n=== ${name}: ${command}`);
	const { status } = spawnSync(command, { shell: true, stdio: 'inherit' });
	if (status !== 0) {
		console.error(`\n${name} failed (exit ${status}); later steps did not run.`);
		process.exit(status || 1);
	}
}
