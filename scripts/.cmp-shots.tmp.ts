import { chromium } from '@playwright/test';
import { chromiumLaunch } from '/work/wt/compare/scripts/chromium.ts';
const base = 'http://127.0.0.1:4416';
const browser = await chromium.launch(chromiumLaunch);
for (const [w, scheme] of [[1280, 'light'], [1280, 'dark'], [360, 'light'], [360, 'dark']] as const) {
	const page = await (await browser.newContext({ viewport: { width: w, height: 900 }, colorScheme: scheme })).newPage();
	await page.goto(`${base}/analyze/`);
	await page.getByRole('button', { name: 'Try GOGC=50 against GOGC=400' }).click();
	await page.locator('compare-runs canvas').nth(3).waitFor();
	await page.locator('compare-runs').screenshot({ path: `/tmp/cmp-shot-compare-${w}-${scheme}.png` });
	await page.locator('#analyze-file').setInputFiles('/work/wt/compare/content/traces/combined/go1.26-gcdemo-gogc100.txt');
	await page.locator('[data-part="summary"] .pause-histogram').waitFor();
	await page.locator('[data-part="summary"]').screenshot({ path: `/tmp/cmp-shot-summary-${w}-${scheme}.png` });
	await page.context().close();
}
await browser.close();
