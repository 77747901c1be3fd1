// The analyzer's charts in a browser: each chart draws for the lines a log has and says so when
// it has none; the data table lists one row per cycle or schedtrace line; a table row's button
// and a click on the plot both select that line; axe is clean with the tables open, light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const tracesDir = path.resolve(import.meta.dirname, '..', 'content', 'traces');

function captureLines(file: string): string[] {
	return readFileSync(path.join(tracesDir, file), 'utf8').split('\n');
}

/** 1-based numbers of the lines matching `pattern` (the runtime's own line shapes). */
function lineNumbers(file: string, pattern: RegExp): number[] {
	return captureLines(file).flatMap((line, i) => (pattern.test(line) ? [i + 1] : []));
}

const GC_LINE = /^gc \d+ @[\d.]+s /;
const SCHED_LINE = /^SCHED \d+ms: /;

async function analyze(page: Page, file: string): Promise<void> {
	await page.goto('/analyze/');
	await page.locator('#analyze-file').setInputFiles(path.join(tracesDir, file));
	await expect(page.locator('[data-part="results"]')).toBeVisible();
}

const chart = (page: Page, id: string) => page.locator(`[data-chart="${id}"]`);

async function openTable(page: Page, id: string) {
	await chart(page, id).getByText('Data as a table').click();
	return chart(page, id).locator('.analyze-chart-table-wrap tbody tr');
}

test('a gctrace capture: heap, pause and GC CPU charts draw, one table row per cycle', async ({ page }) => {
	const file = 'gctrace/go1.26-gcdemo.txt';
	const cycles = lineNumbers(file, GC_LINE);
	expect(cycles.length).toBeGreaterThan(10);
	await analyze(page, file);
	for (const id of ['heap', 'pauses', 'gc-cpu']) {
		await expect(chart(page, id).locator('canvas').first()).toBeVisible();
		const rows = await openTable(page, id);
		await expect(rows).toHaveCount(cycles.length);
		const numbers = await rows.locator('button[data-line]').allTextContents();
		expect(numbers.map(Number)).toEqual(cycles);
	}
	// The log has no schedtrace or pacer lines: one sentence each, no canvas.
	for (const id of ['runqueues', 'procs', 'pacer']) {
		await expect(chart(page, id).locator('canvas')).toHaveCount(0);
		await expect(chart(page, id).locator('[data-chart-note]')).toContainText('This log has no');
	}
});

test('a schedtrace capture: run queue and Ps charts draw, one table row per SCHED line', async ({ page }) => {
	const file = 'schedtrace/go1.26-p2-load.txt';
	const sched = lineNumbers(file, SCHED_LINE);
	await analyze(page, file);
	for (const id of ['runqueues', 'procs']) {
		await expect(chart(page, id).locator('canvas').first()).toBeVisible();
		const rows = await openTable(page, id);
		await expect(rows).toHaveCount(sched.length);
	}
	// Global queue plus P0 and P1 (GOMAXPROCS=2).
	await expect(chart(page, 'runqueues').locator('.analyze-chart-table-wrap thead th')).toHaveText([
		'Line',
		'Time (s)',
		'Global run queue',
		'P0 local',
		'P1 local',
	]);
	await expect(chart(page, 'heap').locator('canvas')).toHaveCount(0);
	await expect(chart(page, 'heap').locator('[data-chart-note]')).toContainText('no gctrace cycle lines');
});

test('a pacer capture draws mark CPU use against its goal', async ({ page }) => {
	const file = 'gcpacertrace/go1.26-web-load.txt';
	const controllers = lineNumbers(file, /^pacer: \d+% CPU/);
	await analyze(page, file);
	await expect(chart(page, 'pacer').locator('canvas').first()).toBeVisible();
	const rows = await openTable(page, 'pacer');
	// Every controller line but one left at the end of the log has a gc line after it.
	const placed = controllers.filter((no) => lineNumbers(file, GC_LINE).some((gc) => gc > no));
	await expect(rows).toHaveCount(placed.length);
	await expect(rows.first().locator('td').nth(2)).toHaveText('25');
});

test('a table row’s line button selects that line in the line browser', async ({ page }) => {
	const file = 'combined/go1.26-gcdemo-gc-sched.txt';
	const lines = captureLines(file);
	const third = lineNumbers(file, GC_LINE)[2]!;
	await analyze(page, file);
	await openTable(page, 'heap');
	const button = chart(page, 'heap').getByRole('button', { name: `Show line ${third}`, exact: true });
	await button.focus();
	await page.keyboard.press('Enter');
	const detail = page.locator('[data-part="detail"]');
	await expect(detail.getByRole('heading', { name: `Line ${third}`, exact: true })).toBeVisible();
	await expect(detail.locator('.trace-code')).toHaveText(lines[third - 1]!);
});

test('clicking a point of a chart selects the line it came from', async ({ page }) => {
	const file = 'combined/go1.26-gcdemo-gc-sched.txt';
	const lines = captureLines(file);
	await analyze(page, file);
	const over = chart(page, 'procs').locator('.u-over');
	await over.scrollIntoViewIfNeeded();
	const box = (await over.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	// The legend names the line the cursor is on; clicking selects that line.
	const legendTime = chart(page, 'procs').locator('.u-legend .u-series').first();
	await expect(legendTime).toContainText(/line \d+/);
	const lineNo = Number((await legendTime.textContent())!.match(/line (\d+)/)![1]);
	expect(lines[lineNo - 1]).toMatch(SCHED_LINE);
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	const detail = page.locator('[data-part="detail"]');
	await expect(detail.getByRole('heading', { name: `Line ${lineNo}`, exact: true })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`charts and their open tables are axe clean (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await analyze(page, 'combined/go1.26-gcdemo-gc-sched.txt');
		for (const id of ['heap', 'runqueues']) await openTable(page, id);
		const result = await new AxeBuilder({ page })
			.include('[data-part="charts"]')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});
}

test('the charts follow a change of colour scheme', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await analyze(page, 'gctrace/go1.26-gcdemo.txt');
	// The first series' colour, read back from the legend marker uPlot styles with it.
	const seriesColour = () =>
		chart(page, 'heap').evaluate((figure) => {
			const marker = figure.querySelector<HTMLElement>('.u-legend .u-marker');
			return marker ? getComputedStyle(marker).borderColor : 'no marker';
		});
	await expect(chart(page, 'heap').locator('canvas').first()).toBeVisible();
	const light = await seriesColour();
	await page.emulateMedia({ colorScheme: 'dark' });
	await expect.poll(seriesColour).not.toBe(light);
});
