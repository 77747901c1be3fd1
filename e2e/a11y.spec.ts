import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sitemapPaths } from './site-pages.ts';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const path of sitemapPaths()) {
	for (const colorScheme of ['light', 'dark'] as const) {
		test(`axe finds no WCAG 2.2 A/AA violations on ${path} (${colorScheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme });
			await page.goto(path);
			const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze();
			const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
			expect(summary).toEqual([]);
		});
	}
}
