import { expect, test } from '@playwright/test';
import { sitemapPaths } from './site-pages.ts';

test('every internal link on every page leads to a page that exists', async ({ page }) => {
	const checked = new Map<string, number>();
	for (const path of sitemapPaths()) {
		await page.goto(path);
		const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		for (const href of hrefs) {
			const url = new URL(href);
			if (url.origin !== new URL(page.url()).origin) continue;
			url.hash = '';
			const key = url.pathname + url.search;
			if (!checked.has(key)) checked.set(key, (await page.request.get(key)).status());
			expect(checked.get(key), `${key} linked from ${path}`).toBe(200);
		}
	}
	expect(checked.size).toBeGreaterThan(0);
});
