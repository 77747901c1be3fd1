/**
 * `npm test`: every check, stopping at the first step that fails: missing system tools installed;
 * then, side by side on the machine's two cores, the unit tests and, in order, the type checks, the
 * lint checks, the production build, every built page checked without a browser
 * (scripts/check-site.ts) and the site built and checked again under a sub-path; then the browser
 * tests against the built site. A step's output is printed whole when it ends, so the two lanes'
 * output never interleaves.
 */
import { spawn, spawnSync } from 'node:child_process';

type Step = [name: string, commands: string[]];

// Chromium, Go, Python and unzip, installed when missing: one step, first, so nothing later stops for them.
const tools: Step = ['system tools', ['node scripts/tools.ts chromium go python unzip']];
// Two lanes at once. The unit tests touch neither dist/ nor .astro/, which the other lane writes in order.
const lanes: Step[][] = [
	[
		['type check', ['npm run --silent check']],
		[
			'lint',
			['npm run --silent lint:deps', 'npm run --silent lint', 'npm run --silent format:check', 'npm run --silent knip'],
		],
		['build', ['npm run --silent build']],
		['site check', ['node scripts/check-site.ts dist']],
		// The same site built for a sub-path (as a GitHub Pages project site is served), its links checked;
		// e2e/base-path.spec.ts then clicks through it.
		[
			'sub-path build',
			['npm run --silent build:base', 'node scripts/check-site.ts dist-base --base /godebug-explained/'],
		],
	],
	[['unit tests', ['npm run --silent test:unit']]],
];
const browserTests: Step = ['browser tests', ['npm run --silent test:e2e']];

interface Outcome {
	ok: boolean;
	summary: string;
}

function seconds(since: number): string {
	return ((performance.now() - since) / 1000).toFixed(1);
}

/** One command, its output kept (stdout and stderr in the order written) or passed straight through. */
function run(command: string, passThrough: boolean): Promise<{ status: number | null; output: string }> {
	if (passThrough) return Promise.resolve({ ...spawnSync(command, { shell: true, stdio: 'inherit' }), output: '' });
	return new Promise((resolve) => {
		const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
		const chunks: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.on('close', (status) => resolve({ status, output: Buffer.concat(chunks).toString() }));
	});
}

/** A step's commands in order. The lint checks all run, so one run lists every finding; other steps stop at their first failure. */
async function runStep([name, commands]: Step, passThrough = false): Promise<Outcome> {
	const started = performance.now();
	const failed: string[] = [];
	let printed = '';
	for (const command of commands) {
		const header = `\n=== ${name}: ${command}\n`;
		if (passThrough) process.stdout.write(header);
		const { status, output } = await run(command, passThrough);
		printed += passThrough ? '' : header + output;
		if (status === 0) continue;
		failed.push(`${command} (exit ${status})`);
		if (name !== 'lint') break;
	}
	process.stdout.write(printed);
	if (failed.length === 0) {
		const summary = `${name} passed in ${seconds(started)} s.`;
		process.stdout.write(`\n${summary}\n`);
		return { ok: true, summary };
	}
	const summary = `${name} failed in ${seconds(started)} s: ${failed.join('; ')}`;
	process.stderr.write(`\n${summary}\n`);
	return { ok: false, summary };
}

/** A lane's steps in order, until one fails. */
async function runLane(steps: Step[]): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	for (const step of steps) {
		const outcome = await runStep(step);
		outcomes.push(outcome);
		if (!outcome.ok) break;
	}
	return outcomes;
}

const started = performance.now();
const stop = (outcomes: Outcome[]) => {
	const failed = outcomes.filter((o) => !o.ok).map((o) => o.summary);
	if (failed.length === 0) return;
	console.error(`\nnpm test failed after ${seconds(started)} s: ${failed.join('; ')}. Later steps did not run.`);
	process.exit(1);
};

stop([await runStep(tools, true)]);
stop((await Promise.all(lanes.map(runLane))).flat());
stop([await runStep(browserTests, true)]);
console.log(`\nnpm test passed in ${seconds(started)} s.`);
