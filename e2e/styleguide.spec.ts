/**
 * /styleguide/ shows every token and component in both colour schemes at once: its two panels
 * keep their own scheme whatever the reader's system prefers, and it fits a phone.
 */
import { expect, test } from '@playwright/test';

/** Relative luminance of a computed `rgb(...)` colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
	const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
		const v = Number(c) / 255;
		return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

for (const colorScheme of ['light', 'dark'] as const) {
	test(`with the system in the ${colorScheme} scheme, one panel is light and one dark`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await page.goto('/styleguide/');
		const colours = async (scheme: string) =>
			page.locator(`.sg-panel[data-scheme="${scheme}"]`).evaluate((panel) => {
				const style = getComputedStyle(panel);
				const primary = getComputedStyle(panel.querySelector('.button-primary')!);
				return { bg: style.backgroundColor, text: style.color, primary: primary.backgroundColor };
			});
		const light = await colours('light');
		const dark = await colours('dark');
		expect(luminance(light.bg)).toBeGreaterThan(0.8);
		expect(luminance(light.text)).toBeLessThan(0.05);
		expect(luminance(dark.bg)).toBeLessThan(0.05);
		expect(luminance(dark.text)).toBeGreaterThan(0.8);
		// Components take the panel's scheme too, not only the panel's own box.
		expect(light.primary).not.toBe(dark.primary);
	});
}

test('every component is shown in each panel, and the page fits a 360 px screen', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto('/styleguide/');
	for (const scheme of ['light', 'dark']) {
		const panel = page.locator(`.sg-panel[data-scheme="${scheme}"]`);
		for (const selector of [
			'.button-primary',
			'.button-quiet',
			'.button-small',
			'.chip',
			'.callout-info',
			'.callout-warning',
			'figure.code-block figcaption',
			'.card',
		]) {
			await expect(panel.locator(selector).first(), `${scheme}: ${selector}`).toBeVisible();
		}
	}
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
