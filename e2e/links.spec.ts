import { expect, test } from '@playwright/test';
import { sitemapPaths } from './site-pages.ts';

test('every internal link on every page leads to a page that exists', async ({ request, baseURL }) => {
	test.setTimeout(180_000);
	const checked = new Map<string, number>();
	for (const path of sitemapPaths()) {
		const html = await (await request.get(path)).text();
		for (const [, raw] of html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)) {
			const url = new URL(raw.replaceAll('&amp;', '&'), new URL(path, baseURL));
			if (url.origin !== new URL(baseURL!).origin) continue;
			url.hash = '';
			const key = url.pathname + url.search;
			if (!checked.has(key)) checked.set(key, (await request.get(key)).status());
			expect(checked.get(key), `${key} linked from ${path}`).toBe(200);
		}
	}
	expect(checked.size).toBeGreaterThan(100);
});
