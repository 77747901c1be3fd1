import { expect, test } from '@playwright/test';
import { sitemapPaths } from './site-pages.ts';

// Scripts only add behaviour: with JavaScript off, every page shows the same content.
// A region that exists only to host a script's output is marked `data-script-output`.
async function mainText(page: import('@playwright/test').Page): Promise<string> {
	return page.locator('main').evaluate((main) => {
		const copy = main.cloneNode(true) as HTMLElement;
		for (const el of copy.querySelectorAll('[data-script-output]')) el.remove();
		return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
	});
}

for (const path of sitemapPaths()) {
	test(`${path} has the same content with JavaScript off`, async ({ browser }) => {
		const withJs = await browser.newContext({ javaScriptEnabled: true });
		const withoutJs = await browser.newContext({ javaScriptEnabled: false });
		const on = await withJs.newPage();
		const off = await withoutJs.newPage();
		await on.goto(path);
		await off.goto(path);
		const offText = await mainText(off);
		expect(offText.length).toBeGreaterThan(100);
		expect(offText).toBe(await mainText(on));
		await withJs.close();
		await withoutJs.close();
	});
}
