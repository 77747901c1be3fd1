// The analyzer's charts in a browser: each chart draws for the lines a log has and says so when
// it has none; the data table lists one row per cycle or schedtrace line; a table row's button
// and a click on the plot both select that line; axe is clean with the tables open, light and dark.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { axeViolations } from './axe.ts';

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
	// The log has no schedtrace, pacer, scav or init lines: those charts are not shown, and one
	// sentence says which lines would add them.
	for (const id of ['runqueues', 'schedticks', 'procs', 'pacer', 'scavenger', 'init']) {
		await expect(chart(page, id)).toBeHidden();
	}
	await expect(page.locator('[data-charts-missing]')).toHaveText(
		'Lines from GODEBUG schedtrace=1000, gcpacertrace=1, scavtrace=1 or inittrace=1 would add more charts.',
	);
	// gctrace's @ counts from the program's start, and the axis says so.
	await expect(chart(page, 'heap').locator('[data-chart-plot]')).toHaveAttribute(
		'aria-label',
		/against seconds since program start \(gc @\)/,
	);
});

test('a schedtrace-only capture: run queue, schedticks and Ps charts draw, and no empty gctrace charts', async ({
	page,
}) => {
	const file = 'schedtrace/go1.26-p2-load.txt';
	const sched = lineNumbers(file, SCHED_LINE);
	await analyze(page, file);
	// The first thing under the heading is a chart, not blocks saying there is nothing to draw.
	const visible = page.locator('[data-chart]:visible');
	await expect(visible).toHaveCount(3);
	await expect(visible.first()).toHaveAttribute('data-chart', 'runqueues');
	for (const id of ['heap', 'pauses', 'gc-cpu', 'pacer', 'scavenger', 'init'])
		await expect(chart(page, id)).toBeHidden();
	await expect(page.locator('[data-part="charts"]')).not.toContainText('nothing to draw');
	await expect(page.locator('[data-charts-missing]')).toHaveText(
		'Lines from GODEBUG gctrace=1, gcpacertrace=1, scavtrace=1 or inittrace=1 would add more charts.',
	);
	// SCHED counts from the first schedtrace line, and the axis says so.
	await expect(chart(page, 'runqueues').locator('[data-chart-plot]')).toHaveAttribute(
		'aria-label',
		/against seconds since first SCHED line/,
	);
	for (const id of ['runqueues', 'schedticks', 'procs']) {
		await expect(chart(page, id).locator('canvas').first()).toBeVisible();
		const rows = await openTable(page, id);
		await expect(rows).toHaveCount(sched.length);
	}
	// Global queue plus P0 and P1 (GOMAXPROCS=2).
	await expect(chart(page, 'runqueues').locator('.analyze-chart-table-wrap thead th')).toHaveText([
		'Line',
		'Since first SCHED line (s)',
		'Global run queue',
		'P0 local',
		'P1 local',
	]);
	// schedticks per second: from the second line on, each P's count difference over the time
	// difference, computed here from the capture's own text.
	const texts = captureLines(file).filter((line) => SCHED_LINE.test(line));
	const ticks = (line: string) =>
		line
			.match(/schedticks=\[ ([\d ]+) \]/)![1]!
			.split(' ')
			.map(Number);
	const ms = (line: string) => Number(line.match(/^SCHED (\d+)ms/)![1]);
	const rate = (i: number, p: number) =>
		(ticks(texts[i]!)[p]! - ticks(texts[i - 1]!)[p]!) / ((ms(texts[i]!) - ms(texts[i - 1]!)) / 1000);
	const tickRows = chart(page, 'schedticks').locator('.analyze-chart-table-wrap tbody tr');
	await expect(tickRows.nth(0).locator('td')).toHaveText(['0', '–', '–']);
	const second = (await tickRows.nth(1).locator('td').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
	expect(second[1]).toBeCloseTo(rate(1, 0), 3);
	expect(second[2]).toBeCloseTo(rate(1, 1), 3);
});

test('a scavtrace capture shows the scavenger chart, placed by scav line order', async ({ page }) => {
	const file = 'scavtrace/go1.26-gcdemo.txt';
	const scav = lineNumbers(file, /^scav /);
	await analyze(page, file);
	await expect(chart(page, 'scavenger').locator('canvas').first()).toBeVisible();
	await expect(page.locator('[data-chart]:visible')).toHaveCount(1);
	await expect(chart(page, 'scavenger').locator('[data-chart-plot]')).toHaveAttribute(
		'aria-label',
		/against scav line, in log order/,
	);
	const rows = await openTable(page, 'scavenger');
	await expect(rows).toHaveCount(scav.length);
	expect((await rows.locator('button[data-line]').allTextContents()).map(Number)).toEqual(scav);
	// x is the line's place among the scav lines; the released memory is the line's `KiB now`.
	const first = captureLines(file)[scav[0]! - 1]!;
	await expect(rows.first().locator('td').nth(0)).toHaveText('1');
	await expect(rows.first().locator('td').nth(1)).toHaveText(
		Number(first.match(/(\d+) KiB now/)![1]).toLocaleString('en-US'),
	);
});

test('an inittrace capture shows the init bar chart, slowest package first', async ({ page }) => {
	const file = 'inittrace/go1.26-web.txt';
	const inits = captureLines(file)
		.map((line, i) => ({ line, no: i + 1, m: line.match(/^init (\S+) @[\d.]+ ms, ([\d.]+) ms clock/) }))
		.filter((x) => x.m);
	const slowest = [...inits].sort((a, b) => Number(b.m![2]) - Number(a.m![2]) || a.no - b.no)[0]!;
	await analyze(page, file);
	const bars = chart(page, 'init').locator('.analyze-init-bars li');
	await expect(bars).toHaveCount(Math.min(20, inits.length));
	await expect(bars.first().getByRole('button')).toHaveText(slowest.m![1]!);
	await expect(bars.first()).toContainText(`${slowest.m![2]} ms`);
	await expect(page.locator('[data-chart]:visible')).toHaveCount(1);
	// The table lists every package in the order they ran.
	const rows = await openTable(page, 'init');
	await expect(rows).toHaveCount(inits.length);
	await expect(rows.first().locator('td').first()).toHaveText(inits[0]!.m![1]!);
	// A bar's button shows its line.
	await bars.first().getByRole('button').click();
	await expect(
		page.locator('[data-part="detail"]').getByRole('heading', { name: `Line ${slowest.no}`, exact: true }),
	).toBeVisible();
});

test('a pacer capture draws mark utilization against its goal', async ({ page }) => {
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
		expect(await axeViolations(page, { include: '[data-part="charts"]' })).toEqual([]);
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

test('a log with more cycles than a chart can show is thinned, and the caption says so', async ({ page }) => {
	const file = 'gctrace/go1.26-gcdemo.txt';
	const lines = readFileSync(path.join(tracesDir, file), 'utf8').replace(/\n?$/, '\n');
	const perCopy = lineNumbers(file, GC_LINE).length;
	const copies = Math.ceil(3000 / perCopy);
	const lineCount = lines.split('\n').length - 1;
	await page.goto('/analyze/');
	await page
		.locator('#analyze-file')
		.setInputFiles({ name: 'repeated.log', mimeType: 'text/plain', buffer: Buffer.from(lines.repeat(copies)) });
	await expect(page.locator('[data-part="status"]')).toContainText('Analysed repeated.log');
	const note = chart(page, 'heap').locator('[data-chart-note]');
	await expect(note).toContainText('Thinned to what the chart can show');
	await expect(note).toContainText(`of ${(perCopy * copies).toLocaleString('en-US')} lines are drawn`);
	const rows = await openTable(page, 'heap');
	const drawn = (await rows.locator('button[data-line]').allTextContents()).map(Number);
	// The copies repeat the same cycles at the same times: each time slice keeps one row of them.
	expect(drawn.length).toBeGreaterThan(1);
	expect(drawn.length).toBeLessThan(perCopy * copies);
	// Every point drawn is a gc line of the log.
	const capture = captureLines(file);
	for (const n of drawn) expect(capture[(n - 1) % lineCount]).toMatch(GC_LINE);
});
