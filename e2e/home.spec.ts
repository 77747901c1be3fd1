import { expect, test } from '@playwright/test';

test('the home page renders with no console errors', async ({ page }) => {
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(err.message));
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('GODEBUG');
	await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
	await expect(page.getByRole('contentinfo')).toBeVisible();
	expect(errors).toEqual([]);
});

test('sections that are not built yet are named but not linked', async ({ page }) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Site' });
	for (const name of ['Lessons', 'Reference', 'Explain a line', 'Analyze a log']) {
		await expect(nav).toContainText(name);
	}
	// Every link in the navigation leads to a page that exists.
	for (const href of await nav.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
		const response = await page.request.get(href!);
		expect(response.status(), href!).toBe(200);
	}
});

test('the skip link is the first stop for the keyboard and moves focus to the content', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
	await expect(page.locator('main')).toBeFocused();
});

test('the home page fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/');
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('the page follows the system colour scheme', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/');
	const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
	await page.emulateMedia({ colorScheme: 'dark' });
	const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
	expect(light).toBe('rgb(255, 255, 255)');
	expect(dark).not.toBe(light);
});
