// Pages download their widgets' heavy code only when a reader uses them: a first visit to the
// home page or /analyze/ fetches none of the trace core's analysis, and what a reader does before
// that code has arrived is done once it has.
import { expect, test, type Page } from '@playwright/test';

/** The site's scripts the page has requested so far, by file name. */
function scriptsOf(page: Page): string[] {
	const names: string[] = [];
	page.on('request', (r) => {
		const name = new URL(r.url()).pathname.split('/').pop() ?? '';
		if (name.endsWith('.js')) names.push(name);
	});
	return names;
}

test('the home page downloads the quiz generator only for a reader with a field due for review', async ({ page }) => {
	const requested = scriptsOf(page);
	await page.goto('/');
	await page.waitForLoadState('networkidle');
	const firstVisit = [...requested];
	expect(firstVisit.length).toBeGreaterThan(0);
	// Nothing is due for a reader who has answered nothing.
	await expect(page.locator('.review-due')).toBeEmpty();

	// A gctrace field answered wrong two days ago is due today.
	const lastAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
	const stored = {
		version: 1,
		quizzes: {},
		missed: {},
		fields: { 'gctrace/gc-cpu-percent': { box: 1, right: 0, wrong: 1, lastAt, lastWrongAt: lastAt } },
	};
	await page.evaluate((value) => localStorage.setItem('godebug-explained:quiz', value), JSON.stringify(stored));
	requested.length = 0;
	await page.reload();
	await expect(page.locator('.review-due')).toHaveText('1 field is due for review today. Review them now.');
	// What the first visit did without: the generator, and the part of the core it needs.
	expect(requested.filter((name) => !firstVisit.includes(name))).not.toEqual([]);
});

test('/analyze/ fetches the comparison only when the reader reaches it', async ({ page }) => {
	const atArrival = scriptsOf(page);
	await page.goto('/analyze/');
	await page.waitForLoadState('networkidle');
	expect(atArrival.filter((name) => /^(?:compare-runs|analyzer-view)\./.test(name))).toEqual([]);
	const arrived = [...atArrival];
	// The form shows at once, before its code.
	const compare = page.locator('compare-runs');
	await expect(compare.getByRole('button', { name: 'Compare the two runs' })).toBeVisible();
	await compare.getByLabel('or paste it').first().focus();
	await expect.poll(() => atArrival.some((name) => name.startsWith('compare-runs.'))).toBe(true);
	// With it, the core's analysis, none of which the page fetched at arrival.
	expect(atArrival.filter((name) => !arrived.includes(name)).length).toBeGreaterThan(1);
});

/** Holds the comparison's code back from the page until the returned function is called. */
async function holdComparisonCode(page: Page): Promise<() => void> {
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/compare-runs\.[^/]*\.js$/, async (route) => {
		await held;
		await route.continue();
	});
	return () => release();
}

test('a comparison asked for before its code has arrived is made once it has', async ({ page }) => {
	await page.goto('/analyze/');
	// Hold the comparison's code back until both logs are in and Compare is pressed.
	const release = await holdComparisonCode(page);
	const compare = page.locator('compare-runs');
	const gcLine =
		'gc 1 @0.010s 0%: 0.1+0.2+0.01 ms clock, 0.2+0/0.1/0+0.02 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n';
	await compare.getByLabel('or paste it').first().fill(gcLine);
	await compare.getByLabel('or paste it').last().fill('listening on :8080\n');
	await compare.getByRole('button', { name: 'Compare the two runs' }).click();
	await expect(compare.locator('[data-part="compare-status"]')).toBeEmpty();
	release();
	await expect(compare.locator('[data-part="compare-status"]')).toContainText(
		'No trace lines: the one line in the pasted after text is not Go runtime trace output.',
	);
});

test('the example pair pressed before the code has arrived is compared once it has', async ({ page }) => {
	await page.goto('/analyze/');
	const release = await holdComparisonCode(page);
	const compare = page.locator('compare-runs');
	await compare.getByRole('button', { name: 'Try GOGC=50 against GOGC=400' }).click();
	release();
	await expect(compare.locator('[data-part="compare-results"]')).toBeVisible();
	await expect(compare.locator('[data-part="compare-status"]')).toContainText(
		'Compared go1.26-gcdemo-gogc50.txt (before) with go1.26-gcdemo-gogc400.txt (after)',
	);
});
