import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { axeViolations } from './axe.ts';

const root = path.resolve(import.meta.dirname, '..');
const tracesDir = path.join(root, 'content', 'traces');
const before = 'combined/go1.26-gcdemo-gogc50.txt';
const after = 'combined/go1.26-gcdemo-gogc400.txt';

interface CliMeasure {
	key: string;
	direction: string;
}

/** The comparison as the CLI makes it (e2e never imports src/). */
function cliComparison(b: string, a: string): { measures: CliMeasure[]; verdict: string[] } {
	const run = spawnSync(
		process.execPath,
		['src/cli/explain.ts', '--compare', '--json', path.join(tracesDir, b), path.join(tracesDir, a)],
		{ cwd: root, encoding: 'utf8' },
	);
	if (run.status !== 0) throw new Error(`the CLI failed: ${run.stderr}`);
	return (JSON.parse(run.stdout) as { compare: { measures: CliMeasure[]; verdict: string[] } }).compare;
}

const section = (page: Page) => page.locator('compare-runs');
const results = (page: Page) => section(page).locator('[data-part="compare-results"]');

test('two chosen files: the measures side by side, as the CLI compares them, a verdict and overlaid charts', async ({
	page,
}) => {
	await page.goto('/analyze/');
	await section(page).getByLabel('Choose a log file').first().setInputFiles(path.join(tracesDir, before));
	await section(page).getByLabel('Choose a log file').last().setInputFiles(path.join(tracesDir, after));
	await section(page).getByRole('button', { name: 'Compare the two runs' }).click();
	await expect(results(page)).toBeVisible();
	const cli = cliComparison(before, after);
	const shown = await results(page)
		.locator('tr[data-measure]')
		.evaluateAll((rows) =>
			rows.map((r) => ({ key: r.getAttribute('data-measure'), direction: r.getAttribute('data-direction') })),
		);
	expect(shown).toEqual(cli.measures.map((m) => ({ key: m.key, direction: m.direction })));
	// GOGC=400 against 50: fewer cycles, four times the heap goal; the words say so without colour.
	const goal = results(page).locator('tr[data-measure="heap-goal"]');
	await expect(goal).toContainText('2 MB');
	await expect(goal).toContainText('16 MB');
	await expect(goal.locator('td').last()).toHaveText('worse');
	await expect(results(page).locator('tr[data-measure="cycles-per-second"] td').last()).toHaveText('better');
	const verdict = results(page).locator('[data-part="compare-verdict"] p');
	await expect(verdict).toHaveText(cli.verdict);
	await expect(verdict.filter({ hasText: 'A trade: the collector ran less often' })).toBeVisible();
	// Heap, heap goal, pauses and idle Ps: both runs on each chart.
	await expect(results(page).locator('[data-part="compare-charts"] figure canvas')).toHaveCount(4);
	await expect(results(page).locator('[data-part="compare-charts"] figcaption').first()).toContainText('Live heap');
	await expect(results(page).locator('.u-legend').first()).toContainText('Before');
	await expect(results(page).locator('.u-legend').first()).toContainText('After');
});

test('the example pair loads from the site by keyboard, and nothing leaves the site', async ({ page, baseURL }) => {
	const outside: string[] = [];
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== new URL(baseURL!).origin)
			outside.push(r.url());
	});
	await page.goto('/analyze/');
	await section(page).getByRole('button', { name: 'Try GOGC=50 against GOGC=400' }).focus();
	await page.keyboard.press('Enter');
	await expect(results(page)).toBeVisible();
	await expect(section(page).locator('[data-part="compare-status"]')).toContainText(
		'Compared go1.26-gcdemo-gogc50.txt (before) with go1.26-gcdemo-gogc400.txt (after)',
	);
	expect(outside).toEqual([]);
});

test('pasted logs compare too; a missing one, or one with no trace lines, is told what is expected', async ({
	page,
}) => {
	await page.goto('/analyze/');
	await section(page)
		.getByLabel('or paste it')
		.first()
		.fill(
			'gc 1 @0.010s 0%: 0.1+0.2+0.01 ms clock, 0.2+0/0.1/0+0.02 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n',
		);
	await section(page).getByRole('button', { name: 'Compare the two runs' }).click();
	await expect(section(page).locator('[data-part="compare-status"]')).toHaveText(
		'No log for “after”: choose a file or paste its text.',
	);
	await expect(results(page)).toBeHidden();
	await section(page).getByLabel('or paste it').last().fill('listening on :8080\n');
	await section(page).getByRole('button', { name: 'Compare the two runs' }).click();
	await expect(section(page).locator('[data-part="compare-status"]')).toContainText(
		'No trace lines: the one line in the pasted after text is not Go runtime trace output.',
	);
});

test('both logs travel in one share link, and the link opens the same comparison', async ({ page, context }) => {
	await page.goto('/analyze/');
	await section(page).getByRole('button', { name: 'Try GOGC=50 against GOGC=400' }).click();
	await expect(results(page)).toBeVisible();
	const measures = () =>
		results(page)
			.locator('tr[data-measure]')
			.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-measure'), r.textContent]));
	const made = await measures();
	await section(page).getByRole('button', { name: 'Make a link to share both logs' }).click();
	const link = await section(page).getByLabel('Share link to both logs').inputValue();
	expect(new URL(link).hash).toMatch(/^#before=[\w-]+&after=[\w-]+$/);
	await expect(section(page).locator('[data-part="compare-share-message"]')).toContainText(
		'Both logs travel in the part of the address after #',
	);
	// Opened afresh, as the person it was sent to would.
	const other = await context.newPage();
	await other.goto(link);
	await expect(results(other)).toBeVisible();
	await expect(section(other).locator('[data-part="compare-status"]')).toHaveText(
		'Compared the shared before log (before) with the shared after log (after).',
	);
	expect(
		await results(other)
			.locator('tr[data-measure]')
			.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-measure'), r.textContent])),
	).toEqual(made);
	await expect(results(other).locator('[data-part="compare-charts"] figure canvas')).toHaveCount(4);
	// The pasted boxes hold the logs, to edit and compare again.
	expect(await section(other).getByLabel('or paste it').first().inputValue()).toMatch(/^gc 1 @/m);
});

test('a comparison link that is cut off, or logs too large for one, are told plainly', async ({ page }) => {
	await page.goto('/analyze/');
	await section(page).getByRole('button', { name: 'Try GOGC=50 against GOGC=400' }).click();
	await section(page).getByRole('button', { name: 'Make a link to share both logs' }).click();
	const link = new URL(await section(page).getByLabel('Share link to both logs').inputValue());
	const cut = link.hash.slice(0, link.hash.length - 40);
	await page.goto('/analyze/');
	await page.evaluate((hash) => (location.hash = hash), cut);
	await expect(section(page).locator('[data-part="compare-status"]')).toHaveText(
		/^This link carries logs that cannot be read: the link’s “after” log (does not decompress|is not text|is not valid base64url text); it may have been cut off or changed\. Ask for a new link, or give this section the two logs\.$/,
	);
	await expect(results(page)).toBeHidden();
	// A real capture followed by lines that do not compress (random hex): far past a link's length.
	const capture = readFileSync(path.join(tracesDir, before), 'utf8');
	const noise = Array.from({ length: 3000 }, (_, i) => `${i} ${randomBytes(24).toString('hex')}`).join('\n');
	for (const box of [0, 1])
		await section(page)
			.getByLabel('Choose a log file')
			.nth(box)
			.setInputFiles({ name: `noisy-${box}.log`, mimeType: 'text/plain', buffer: Buffer.from(`${capture}${noise}\n`) });
	await section(page).getByRole('button', { name: 'Compare the two runs' }).click();
	await expect(results(page)).toBeVisible();
	await section(page).getByRole('button', { name: 'Make a link to share both logs' }).click();
	await expect(section(page).locator('[data-part="compare-share-message"]')).toContainText(
		/^These logs are too large to share in a link: together they would need [\d.]+ KB in the address/,
	);
	await expect(section(page).getByLabel('Share link to both logs')).toBeHidden();
});

for (const scheme of ['light', 'dark'] as const) {
	test(`a comparison is accessible (axe, ${scheme} scheme) and fits 360 px`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width: 360, height: 800 });
		await page.goto('/analyze/');
		await section(page).getByRole('button', { name: 'Try GOGC=50 against GOGC=400' }).click();
		await expect(results(page).locator('canvas')).toHaveCount(4);
		expect(await axeViolations(page, { include: 'compare-runs' })).toEqual([]);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
}

test('without JavaScript the section explains itself and shows no dead form', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/analyze/');
	await expect(page.getByRole('heading', { name: 'Compare two runs' })).toBeVisible();
	await expect(page.getByText('npm run explain -- --compare before.log after.log')).toBeVisible();
	await expect(section(page).locator('[data-part="compare-form"]')).toBeHidden();
	await context.close();
});
