import { expect, test } from '@playwright/test';
import { pageTemplates } from './site-pages.ts';

test('a field page explains the field, shows a real line with it selected, and can be linked', async ({ page }) => {
	await page.goto('/reference/schedtrace/local-runqueues/');
	await expect(page).toHaveTitle(/Local run queues/);
	await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /One number per P/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Local run queues');
	await expect(page.locator('trace-line a.tok.is-selected')).toHaveAttribute('data-key', 'schedtrace/local-runqueues');
	await expect(page.locator('trace-line figcaption')).toContainText('schedtrace/go1.26-p2-leak.txt, line 11');
	await expect(page.getByRole('heading', { name: 'Lessons that teach it' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Copy link', exact: true })).toBeVisible();
});

test('a format page lists every field in print order, each with an anchor', async ({ page }) => {
	await page.goto('/reference/schedtrace/');
	const anchors = await page.locator('.field-list > li').evaluateAll((lis) => lis.map((li) => li.id));
	expect(anchors.slice(0, 3)).toEqual(['elapsed', 'gomaxprocs', 'idleprocs']);
	await page.goto('/reference/schedtrace/#needspinning');
	await expect(page.locator('#needspinning')).toBeInViewport();
});

test('search finds a printed token on its field page first', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('searchbox', { name: 'Search the site' }).fill('needspinning');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/search\/\?q=needspinning/);
	const first = page.locator('.search-results li a').first();
	await expect(first).toHaveAttribute('href', /\/reference\/schedtrace\/needspinning\//);
});

test('a field page says where to watch the same quantity in production', async ({ page }) => {
	await page.goto('/reference/gctrace/heap-goal/');
	const section = page.getByRole('region', { name: 'Watch it in production' });
	await expect(section).toContainText('/gc/heap/goal:bytes');
	await expect(section).toContainText('NextGC');
	await expect(section).toContainText('go_memstats_next_gc_bytes');
	await expect(section).toContainText('“Heap” counter');
	// Long Go identifiers wrap on a phone rather than widen the page.
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	// Where nothing carries a field, the page says so.
	await page.goto('/reference/schedtrace/spinningthreads/');
	await expect(page.getByRole('region', { name: 'Watch it in production' })).toContainText(
		'No runtime/metrics metric, runtime.MemStats field or Prometheus name carries this.',
	);
	await page.getByRole('link', { name: 'Every field’s way to production' }).click();
	await expect(page).toHaveURL(/\/reference\/production\/$/);
});

test('the production cross-walk has every field in one table that scrolls on its own at 360 px', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/reference/production/');
	const region = page.getByRole('region', { name: 'Every field and where to watch it in production' });
	const rows = region.locator('tbody th[scope="row"]');
	const fieldPages = pageTemplates().find((t) => t.route === '/reference/[format]/[field]/')!.pages;
	await expect(rows).toHaveCount(fieldPages.length);
	const heapGoal = region.locator('tr', { has: page.locator('a[href$="/reference/gctrace/heap-goal/"]') });
	await expect(heapGoal).toContainText('/gc/heap/goal:bytes');
	await expect(heapGoal).toContainText('go_memstats_next_gc_bytes');
	// The page itself does not scroll sideways; the table's region does, from the keyboard too.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
	expect(widths.scroll).toBeGreaterThan(widths.client);
	await region.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
