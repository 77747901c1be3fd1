import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

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

for (const scheme of ['light', 'dark'] as const) {
	test(`a comparison is accessible (axe, ${scheme} scheme) and fits 360 px`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.setViewportSize({ width: 360, height: 800 });
		await page.goto('/analyze/');
		await section(page).getByRole('button', { name: 'Try GOGC=50 against GOGC=400' }).click();
		await expect(results(page).locator('canvas')).toHaveCount(4);
		const axe = await new AxeBuilder({ page })
			.include('compare-runs')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(axe.violations).toEqual([]);
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
