// The lessons' "try it" boxes run the GC lab inline: each experiment runs the real Go runtime
// (WebAssembly) in the lesson, and its questions are checked against the lines that run printed.
// The expected answers here are read from those lines with regular expressions, apart from the core.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';

interface GcLine {
	cycle: number;
	seconds: number;
	percent: number;
	wallMs: number;
	live: number;
	goal: number;
}

function gcLines(lines: string[]): GcLine[] {
	return lines.flatMap((line) => {
		const m = /^gc (\d+) @([\d.]+)s (\d+)%: ([\d.+]+) ms clock, .* (\d+)->(\d+)->(\d+) MB, (\d+) MB goal/.exec(line);
		if (!m) return [];
		const wallMs = m[4]!.split('+').reduce((sum, v) => sum + Number(v), 0);
		return [{ cycle: +m[1]!, seconds: +m[2]!, percent: +m[3]!, wallMs, live: +m[7]!, goal: +m[8]! }];
	});
}

/** Presses Run and waits for the last of the experiment's runs to end; each run's lines. */
async function runExperiment(page: Page, lesson: string, runs: number): Promise<{ box: Locator; lines: string[][] }> {
	await page.goto(`/lessons/${lesson}/`);
	const box = page.locator('try-it');
	const questions = box.getByRole('button', { name: 'Check my answers' });
	await expect(questions).toBeDisabled();
	// Nothing of the lab is downloaded before the reader asks for it.
	const wasm = page.waitForRequest(/gclab\.wasm$/);
	await box.getByRole('button', { name: 'Run the experiment' }).click();
	await wasm;
	await expect(box.getByRole('status').filter({ hasText: /ended\. Answer the questions/ })).toBeVisible({
		timeout: 60_000 * runs,
	});
	await expect(questions).toBeEnabled();
	const lines: string[][] = [];
	for (let n = 1; n <= runs; n++) {
		const panel = box.locator(`[data-part="run-${n}"]`);
		await expect(panel.locator('[data-chart="heap"] canvas')).toBeVisible();
		lines.push(await panel.locator('[data-part="lines"] .trace-code').allTextContents());
	}
	return { box, lines };
}

async function expectFeedback(box: Locator, question: string, verdict: 'Right' | 'Not quite'): Promise<void> {
	await expect(box.locator(`[data-feedback="${question}"]`)).toHaveText(new RegExp(`^${verdict}: `));
}

test.describe.configure({ timeout: 240_000 });

test('reading gctrace: the last gc line’s start time and goal, read from the reader’s own run', async ({ page }) => {
	const { box, lines } = await runExperiment(page, 'reading-gctrace', 1);
	const gc = gcLines(lines[0]!);
	expect(gc.length).toBeGreaterThanOrEqual(3);
	const last = gc.at(-1)!;
	await box.getByLabel(/How many seconds after the program started/).fill(`${last.seconds + 1}`);
	await box.getByLabel('What heap goal does that line print, in MB?').fill(`${last.goal} MB`);
	await box.getByRole('button', { name: 'Check my answers' }).click();
	await expectFeedback(box, 'last-start', 'Not quite');
	await expect(box.locator('[data-feedback="last-start"]')).toContainText(
		`The answer from these lines: ${last.seconds} s.`,
	);
	await expectFeedback(box, 'last-goal', 'Right');
	await box.getByLabel(/How many seconds after the program started/).fill(`${last.seconds}s`);
	await box.getByRole('button', { name: 'Check my answers' }).click();
	await expectFeedback(box, 'last-start', 'Right');
	await expect(box.getByText(/The @ time is when the cycle began/)).toBeVisible();
});

test('doubling GOGC: two runs, and fewer cycles a second with a higher goal, as their lines show', async ({ page }) => {
	const { box, lines } = await runExperiment(page, 'a-gc-trace-under-load', 2);
	const [a, b] = lines.map((l) => gcLines(l).at(-1)!) as [GcLine, GcLine];
	const ratio = b.cycle / b.seconds / (a.cycle / a.seconds);
	// What the runtime should do at twice the GOGC: about half as many cycles, a higher goal.
	expect(ratio).toBeLessThan(0.8);
	expect(b.goal).toBeGreaterThan(a.goal);
	await box.getByRole('radio', { name: 'fewer cycles a second' }).check();
	await box.getByRole('radio', { name: 'lower' }).check();
	await box.getByRole('button', { name: 'Check my answers' }).click();
	await expectFeedback(box, 'cycles-per-second', 'Right');
	await expect(box.locator('[data-feedback="cycles-per-second"]')).toContainText(`gc ${b.cycle} @${b.seconds}s`);
	await expectFeedback(box, 'heap-goal', 'Not quite');
	await expect(box.locator('[data-feedback="heap-goal"]')).toContainText(`${a.goal} MB at GOGC=100 and ${b.goal} MB`);
});

test('a memory limit under the live heap: the collector runs back to back, as the lines show', async ({ page }) => {
	const { box, lines } = await runExperiment(page, 'the-pacer', 1);
	const gc = gcLines(lines[0]!);
	const rests = gc.slice(1).map((c, i) => Math.max(0, (c.seconds - gc[i]!.seconds) * 1000 - gc[i]!.wallMs));
	const backToBack = rests.filter((r, i) => r < gc[i]!.wallMs).length;
	expect(backToBack, `rests ${rests.join(', ')} ms`).toBeGreaterThan(rests.length / 2);
	await box.getByRole('radio', { name: /hardly rests/ }).check();
	await box.getByLabel(/What share of the CPU/).fill(`${gc.at(-1)!.percent}%`);
	await box.getByRole('button', { name: 'Check my answers' }).click();
	await expectFeedback(box, 'rest', 'Right');
	await expectFeedback(box, 'gc-cpu', 'Right');
});

test('a leak: the live heap climbs, the finding appears, and the answers come from the lines', async ({ page }) => {
	const { box, lines } = await runExperiment(page, 'memory-leaks', 1);
	const gc = gcLines(lines[0]!);
	const growth = gc.at(-1)!.live - gc[0]!.live;
	expect(growth).toBeGreaterThanOrEqual(6);
	await expect(box.locator('[data-finding="heap-growth"]')).toBeVisible();
	await box.getByLabel(/By how many MB did the live heap grow/).fill(String(growth));
	await box.getByRole('radio', { name: 'no' }).check();
	await box.getByRole('button', { name: 'Check my answers' }).click();
	await expectFeedback(box, 'live-growth', 'Right');
	await expectFeedback(box, 'finding', 'Not quite');
	// The run's lines, finding, charts and feedback are as accessible as the lesson around them.
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		expect(await axeViolations(page, { include: 'try-it' }), colorScheme).toEqual([]);
	}
});

test('without JavaScript, a box says what the experiment is and links it in the lab with its settings', async ({
	browser,
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/lessons/a-gc-trace-under-load/');
	const box = page.getByRole('region', { name: 'Try it: Double GOGC' });
	await expect(box).toContainText('first with GOGC=100, then with GOGC=200');
	await expect(box.getByRole('link', { name: 'run 1, GOGC=100' })).toHaveAttribute(
		'href',
		'/lab/?gogc=100&memlimit=none&rate=20&size=4096&live=8&leak=0&seconds=5',
	);
	await expect(box.getByRole('link', { name: 'run 2, GOGC=200' })).toHaveAttribute('href', /\/lab\/\?gogc=200&/);
	await expect(box.getByRole('button', { name: 'Run the experiment' })).toBeHidden();
	await expect(box.getByRole('radio', { name: 'fewer cycles a second' })).toBeDisabled();
	await context.close();
});
