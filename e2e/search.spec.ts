// Site search as a reader uses it: a word no page contains is said so (Pagefind alone answers it
// with the pages of its first letters), a token copied from a trace line leads to its field page
// first, the start of a word still finds pages, and the page is accessible with and without JavaScript.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';

/** Opens the search page for `query` and waits until the search has answered. */
async function search(page: Page, query: string): Promise<void> {
	await page.goto(`/search/?q=${encodeURIComponent(query)}`);
	await expect(page.locator('.search-status')).not.toHaveText(/^$|Searching/);
}

const results = (page: Page) => page.locator('.search-results > li');

for (const word of ['xyzzy', 'blorptastic']) {
	test(`a word no page contains, “${word}”, finds no page and says so`, async ({ page }) => {
		await search(page, word);
		await expect(page.locator('.search-status')).toHaveText(`No page contains “${word}”.`);
		await expect(results(page)).toHaveCount(0);
		await expect(page.locator('.search-hint')).toContainText('search for the start of a word');
	});
}

test('a query with one word no page contains finds no page, naming that word', async ({ page }) => {
	await search(page, 'heap xyzzy');
	await expect(page.locator('.search-status')).toHaveText('No page contains “xyzzy”.');
	await expect(results(page)).toHaveCount(0);
});

test('a misspelt token suggests the token meant, and the suggestion searches for it', async ({ page }) => {
	await search(page, 'idelprocs');
	await expect(page.locator('.search-status')).toHaveText('No page contains “idelprocs”.');
	await page.locator('.search-hint').getByRole('link', { name: 'idleprocs' }).click();
	await expect(page).toHaveURL(/\/search\/\?q=idleprocs$/);
	await expect(results(page).first().getByRole('link')).toHaveText('Field: Idle Ps (schedtrace)');
});

const tokens: [query: string, field: string, label: string][] = [
	['needspinning', '/reference/schedtrace/needspinning/', 'Need spinning (schedtrace)'],
	['schedticks', '/reference/schedtrace/schedticks/', 'Schedule ticks (schedtrace)'],
	['gcwaiting', '/reference/scheddetail/gcwaiting/', 'GC waiting (scheddetail)'],
	['idleprocs', '/reference/schedtrace/idleprocs/', 'Idle Ps (schedtrace)'],
	['MB goal', '/reference/gctrace/heap-goal/', 'Heap goal (gctrace)'],
	// Copied with their values: the field by its token, and the pages with that very token.
	['needspinning=1', '/reference/schedtrace/needspinning/', 'Need spinning (schedtrace)'],
	['4 MB goal', '/reference/gctrace/heap-goal/', 'Heap goal (gctrace)'],
];
for (const [query, field, label] of tokens) {
	test(`the printed token “${query}” puts its field page first, then the pages that use it`, async ({ page }) => {
		await search(page, query);
		const first = results(page).first();
		await expect(first.getByRole('link')).toHaveAttribute('href', field);
		await expect(first.getByRole('link')).toHaveText(`Field: ${label}`);
		await expect(first.locator('code').first()).toBeVisible();
		// The field page is not listed a second time among the pages.
		await expect(page.locator(`.search-results a[href="${field}"]`)).toHaveCount(1);
		expect(await results(page).count()).toBeGreaterThan(1);
	});
}

test('the start of a word still finds the pages with it: “sched” finds schedtrace and the scheduler', async ({
	page,
}) => {
	await search(page, 'sched');
	await expect(page.locator('.search-status')).toHaveText(/^\d+ pages match “sched”\.$/);
	const hrefs = await results(page)
		.getByRole('link')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	expect(hrefs).toContain('/reference/schedtrace/');
	expect(hrefs).toContain('/lessons/reading-schedtrace/');
	await expect(results(page).first().locator('mark').first()).toHaveText(/^sched/i);
});

test('another form of a word finds the pages with it: “scheduling” finds the scheduler', async ({ page }) => {
	await search(page, 'scheduling');
	await expect(page.locator('.search-status')).toHaveText(/^\d+ pages match “scheduling”\.$/);
	await expect(results(page).first().locator('mark').first()).toHaveText(/^schedul/i);
});

test('a dashed query finds the words it joins, and a field’s name finds the fields of that name', async ({ page }) => {
	await search(page, 'gc-forced');
	await expect(page.locator('.search-status')).toHaveText(/^\d+ pages match “gc-forced”\.$/);
	await search(page, 'heap-goal');
	await expect(results(page).nth(0).getByRole('link')).toHaveText('Field: Heap goal (gctrace)');
	await expect(results(page).nth(1).getByRole('link')).toHaveText('Field: Heap goal (gcpacertrace)');
});

test('the header search leads here, and a new search on this page replaces the results', async ({ page }) => {
	await page.goto('/lessons/');
	await page.getByRole('searchbox', { name: 'Search the site' }).fill('gcwaiting');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/search\/\?q=gcwaiting$/);
	await expect(results(page).first().getByRole('link')).toHaveText('Field: GC waiting (scheddetail)');
	const box = page.getByRole('searchbox', { name: 'Search fields and lessons' });
	await expect(box).toHaveValue('gcwaiting');
	await box.fill('xyzzy');
	await box.press('Enter');
	await expect(page).toHaveURL(/\/search\/\?q=xyzzy$/);
	await expect(page.locator('.search-status')).toHaveText('No page contains “xyzzy”.');
	await expect(results(page)).toHaveCount(0);
});

test('axe finds nothing with results and with none, in both schemes; the two search forms are told apart', async ({
	page,
}) => {
	test.slow();
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		for (const query of ['needspinning', 'idelprocs']) {
			await search(page, query);
			expect(await axeViolations(page, { bestPractice: true }), `${query}, ${colorScheme}`).toEqual([]);
		}
	}
	await expect(page.getByRole('search')).toHaveCount(2);
	await expect(page.getByRole('search', { name: 'Search fields and lessons' })).toHaveCount(1);
});

test('without JavaScript the page says search needs it and links the reference and the lessons', async ({
	browser,
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/search/?q=needspinning');
	const note = page.locator('.search-needs-js');
	await expect(note).toBeVisible();
	await expect(note).toContainText('needs JavaScript');
	await expect(note.getByRole('link', { name: 'reference' })).toHaveAttribute('href', '/reference/');
	await expect(note.getByRole('link', { name: 'lessons' })).toHaveAttribute('href', '/lessons/');
	await context.close();
	// With JavaScript the note is not shown: the search answers instead.
	const withJs = await browser.newPage();
	await search(withJs, 'needspinning');
	await expect(withJs.locator('.search-needs-js')).toBeHidden();
	await withJs.close();
});
