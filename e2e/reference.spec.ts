import { expect, test } from '@playwright/test';

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
