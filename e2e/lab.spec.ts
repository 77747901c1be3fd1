// The GC lab runs the real Go runtime (examples/lab, built for WebAssembly by the site build) in a
// worker: its gctrace and pacer lines stream onto the page, each parses, the charts draw, and the
// collector answers GOGC as the runtime should.
import { expect, test, type Page } from '@playwright/test';
import { parseLine } from '../src/trace/index.ts';
import { axeViolations } from './axe.ts';

/** Runs the lab with the settings in `query` until the program ends; the page's lines and figures. */
async function run(page: Page, query: string): Promise<{ lines: string[]; allocatedMB: number; cycles: number }> {
	await page.goto(`/lab/${query}`);
	const lab = page.locator('gc-lab');
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(lab).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
	// Lines stream in while the program still runs.
	await expect.poll(async () => Number(await lab.getAttribute('data-lines')), { timeout: 15_000 }).toBeGreaterThan(0);
	expect(await lab.getAttribute('data-state')).toBe('running');
	await expect(lab).toHaveAttribute('data-state', 'ended', { timeout: 40_000 });
	await expect(page.getByRole('status').filter({ hasText: 'The run ended after' })).toBeVisible();
	const lines = await page
		.locator('[data-part="lines"] .trace-code, [data-part="lines"] .lab-line-other')
		.allTextContents();
	return {
		lines,
		allocatedMB: Number(await lab.getAttribute('data-allocated-mb')),
		cycles: Number(await lab.getAttribute('data-cycles')),
	};
}

test('a run streams real gctrace and pacer lines that all parse, annotated, and the charts draw', async ({ page }) => {
	// A run of a few seconds, then axe twice over some hundred annotated lines: a minute on a busy machine.
	test.setTimeout(180_000);
	const { lines, cycles } = await run(page, '?gogc=100&rate=20&live=4&seconds=4');
	expect(cycles).toBeGreaterThan(2);
	expect(lines.some((l) => l.startsWith('gc '))).toBe(true);
	expect(lines.some((l) => l.startsWith('pacer: '))).toBe(true);
	for (const line of lines) {
		const parsed = parseLine(line);
		expect(parsed.problem, line).toBeNull();
		expect(parsed.kind, line).not.toBe('other');
		expect(
			parsed.tokens.filter((t) => t.key === null).map((t) => t.text),
			line,
		).toEqual([]);
	}
	// The page says where it ran: the runtime's own version, and one P.
	await expect(page.locator('[data-fact="go"]')).toContainText(/^go1\.\d+.* \(js\/wasm\)$/);
	await expect(page.locator('[data-fact="gomaxprocs"]')).toHaveText('1');
	await expect(
		page.locator('[data-part="lines"] .trace-code a.tok[data-key="gctrace/heap-goal"]').first(),
	).toBeVisible();
	await expect(page.locator('[data-chart="heap"] canvas')).toBeVisible();
	await expect(page.locator('[data-chart="pacer"] canvas')).toBeVisible();
	await expect(page.locator('gc-lab')).toHaveAttribute('data-problems', '0');
	// The run's output (lines, findings, charts and their tables) is as accessible as the page around it.
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		expect(await axeViolations(page), colorScheme).toEqual([]);
	}
});

test('a higher GOGC collects fewer times per megabyte allocated', async ({ page }) => {
	test.slow();
	const low = await run(page, '?gogc=50&rate=20&live=4&seconds=4');
	const high = await run(page, '?gogc=400&rate=20&live=4&seconds=4');
	expect(low.allocatedMB).toBeGreaterThan(10);
	expect(high.allocatedMB).toBeGreaterThan(10);
	const perMB = (r: { cycles: number; allocatedMB: number }) => r.cycles / r.allocatedMB;
	// GOGC=400 lets the heap grow to five times the live heap before a cycle, GOGC=50 to one and a
	// half times: far fewer cycles for the same allocation, whatever the machine's speed.
	expect(perMB(high)).toBeLessThan(perMB(low) / 2);
});

test('bad settings in the address are clamped, with a message, and Stop ends a run', async ({ page }) => {
	await page.goto('/lab/?gogc=lots&seconds=600');
	await expect(page.getByText('GOGC “lots” is not a number')).toBeVisible();
	await expect(page.getByText('Run time 600 s is above what the lab runs')).toBeVisible();
	await expect(page.getByLabel('Run time (s)')).toHaveValue('20');
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(page).toHaveURL(/\/lab\/\?gogc=100&memlimit=none&.*seconds=20$/);
	const lab = page.locator('gc-lab');
	await expect(lab).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
	await expect.poll(async () => Number(await lab.getAttribute('data-lines')), { timeout: 15_000 }).toBeGreaterThan(0);
	await page.getByRole('button', { name: 'Stop' }).click();
	await expect(lab).toHaveAttribute('data-state', 'ended');
	await expect(page.getByRole('status').filter({ hasText: 'Stopped after' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
	// The lines so far go to the analyzer in its link's fragment, and it reads them there.
	await page.getByRole('button', { name: 'Open them in the analyzer' }).click();
	await expect(page).toHaveURL(/\/analyze\/#log=/);
	await expect(page.locator('[data-kind-count="gctrace"]')).not.toHaveText('0');
});
