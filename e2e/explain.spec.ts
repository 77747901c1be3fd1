// /explain/ reads its text from the address (`?line=`): a link holding more than the page ever
// puts in one is refused with a message, and a long real line fits a 360 px screen.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const tracesDir = path.resolve(import.meta.dirname, '..', 'content', 'traces');
const captureLine = (file: string, lineNo: number): string =>
	readFileSync(path.join(tracesDir, file), 'utf8').split('\n')[lineNo - 1]!;

const status = (page: import('@playwright/test').Page) => page.locator('.explain-status');

test('a ?line= longer than any link the page makes is refused, and the page stays responsive', async ({
	page,
	request,
}) => {
	// A real line repeated to about 1 MB of address: what no link from this page holds. The
	// test server refuses addresses that long, as many do; the browser does not, so the page
	// is served for it here as a host with a longer limit would.
	const html = await (await request.get('/explain/')).text();
	await page.route(/\/explain\/\?line=/, (route) => route.fulfill({ contentType: 'text/html', body: html }));
	const line = captureLine('schedtrace/go1.26-p2-load.txt', 3);
	const text = Array.from({ length: Math.ceil(1_000_000 / line.length) }, () => line).join('\n');
	await page.goto(`/explain/?line=${encodeURIComponent(text)}`);
	await expect(status(page)).toHaveText(
		/^This link holds more than a shared link may: [\d,]+ KB of text, and this page reads at most 5,000 characters from a link\. Paste the lines instead\.$/,
	);
	await expect(page.locator('.explain-results trace-line')).toHaveCount(0);
	await expect(page.locator('#explain-input')).toHaveValue('');
	const started = Date.now();
	await page.locator('#explain-input').fill(line);
	await expect(page.locator('.explain-results trace-line')).toHaveCount(1);
	expect(Date.now() - started).toBeLessThan(3000);
});

test('a ?line= just over the limit, once decoded, is refused too; one under it is explained', async ({ page }) => {
	const line = captureLine('schedtrace/go1.26-p2-load.txt', 3);
	const over = Array.from({ length: Math.ceil(5001 / line.length) }, () => line).join('\n');
	await page.goto(`/explain/?line=${encodeURIComponent(over)}`);
	await expect(status(page)).toContainText(`${over.length.toLocaleString('en')} characters of text`);
	const under = Array.from({ length: 10 }, () => line).join('\n');
	expect(under.length).toBeLessThan(4000);
	await page.goto(`/explain/?line=${encodeURIComponent(under)}`);
	await expect(page.locator('.explain-results trace-line')).toHaveCount(10);
});

test('at 360 px a long schedtrace line fits the screen', async ({ page }) => {
	// No 8-P capture exists; the 2-P Go 1.26 lines are the longest real schedtrace lines.
	await page.setViewportSize({ width: 360, height: 800 });
	const line = captureLine('schedtrace/go1.26-p2-load.txt', 3);
	expect(line).toMatch(/^SCHED \d+ms: .* schedticks=\[ \d+ \d+ \]$/);
	await page.goto(`/explain/?line=${encodeURIComponent(line)}`);
	await expect(page.locator('.explain-results trace-line')).toHaveCount(1);
	const [scroll, client] = await page.evaluate(() => [
		document.documentElement.scrollWidth,
		document.documentElement.clientWidth,
	]);
	expect(scroll).toBeLessThanOrEqual(client);
});
