/**
 * `/embed.js` on someone else's page: a bare HTML file on another origin (a tiny server on a free
 * port) loads the site's script and quotes real captured lines in `<godebug-line>`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';

const capture = (file: string, lineNo: number) =>
	readFileSync(new URL(`../content/traces/${file}`, import.meta.url), 'utf8').split('\n')[lineNo - 1];
const gcLine = capture('gctrace/go1.26-gcdemo-retain.txt', 37);
const schedLine = capture('schedtrace/go1.26-p2-leak.txt', 3);
const otherLine = 'listening on :8080';
// A dump's P line begins with two spaces, as the runtime prints it.
const pLine = capture('scheddetail/go1.26-p2-load.txt', 16);

let blog: Server;
let blogUrl = '';

test.beforeAll(async ({ baseURL }) => {
	// A host page with loud styles of its own, which must not reach the annotation.
	const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog post</title>
<style>body { font: 22px Georgia, serif; color: rgb(200, 0, 0); } a { color: rgb(0, 160, 0); } dd, p { margin: 3em; }
godebug-line { font-family: Georgia, serif; white-space: pre; letter-spacing: 3px; }</style>
<script type="module" src="${baseURL}/embed.js"></script></head>
<body><p>Here is what the collector printed:</p>
<godebug-line id="gc">${gcLine}</godebug-line>
<godebug-line id="sched">${schedLine}</godebug-line>
<godebug-line id="other">${otherLine}</godebug-line>
<godebug-line id="dump">
${pLine}
</godebug-line>
</body></html>`;
	blog = createServer((_request, res) => {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
	});
	await new Promise<void>((resolve) => blog.listen(0, '127.0.0.1', resolve));
	blogUrl = `http://127.0.0.1:${(blog.address() as AddressInfo).port}/post.html`;
});

test.afterAll(() => new Promise<void>((resolve) => blog.close(() => resolve())));

/** A module script from another origin needs CORS; static hosts such as GitHub Pages send it for every file. */
async function allowCrossOrigin(page: Page) {
	await page.route('**/embed.js', async (route) => {
		const response = await route.fetch();
		await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
	});
}

test('annotates a gctrace line with links to the field pages on the site', async ({ page, baseURL, request }) => {
	await allowCrossOrigin(page);
	await page.goto(blogUrl);
	const gc = page.locator('#gc');
	const heapLive = gc.locator('a.tok[data-key="gctrace/heap-live"]');
	await expect(heapLive).toHaveText('26');
	await expect(heapLive).toHaveAttribute('href', `${baseURL}/reference/gctrace/heap-live/`);
	// Every field of the line is a link to its page on the site, and those pages exist.
	const hrefs = await gc.locator('a.tok').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
	expect(hrefs.length).toBeGreaterThan(15);
	for (const href of hrefs) expect(href).toMatch(new RegExp(`^${baseURL}/reference/gctrace/[a-z-]+/$`));
	expect((await request.get(hrefs[0])).status()).toBe(200);
	// The annotation lives in a shadow root; the element's own text is the line as written.
	expect(await gc.evaluate((el) => el.shadowRoot !== null)).toBe(true);
	expect(await gc.evaluate((el) => el.textContent)).toBe(gcLine);
	// The field list is there too, each meaning next to its field.
	await gc.getByText(/What each of its \d+ fields means/).click();
	await expect(gc.locator('.trace-fields a[href$="/reference/gctrace/heap-live/"]')).toBeVisible();
});

test('annotates a schedtrace line', async ({ page, baseURL }) => {
	await allowCrossOrigin(page);
	await page.goto(blogUrl);
	const runqueue = page.locator('#sched a.tok[data-key="schedtrace/runqueue"]');
	await expect(runqueue).toHaveText('1282');
	await expect(runqueue).toHaveAttribute('href', `${baseURL}/reference/schedtrace/runqueue/`);
	await expect(page.locator('#sched figcaption')).toContainText('schedtrace');
});

test('a line that is not trace output keeps its text and gets a short note', async ({ page }) => {
	await allowCrossOrigin(page);
	await page.goto(blogUrl);
	const other = page.locator('#other');
	await expect(other.locator('.trace-code')).toHaveText(otherLine);
	await expect(other.locator('.trace-note')).toContainText('not runtime trace output');
});

test("the host page's styles stay outside; light and dark follow the reader", async ({ page }) => {
	await allowCrossOrigin(page);
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto(blogUrl);
	const frame = page.locator('#gc .godebug-embed');
	await expect(frame).toBeVisible();
	const style = (selector: string) =>
		page.locator(selector).evaluate((el) => {
			const s = getComputedStyle(el);
			return { color: s.color, background: s.backgroundColor, font: s.fontFamily, letterSpacing: s.letterSpacing };
		});
	const light = await style('#gc .godebug-embed');
	expect(light.color).not.toBe('rgb(200, 0, 0)');
	expect(light.font).not.toContain('Georgia');
	expect(light.letterSpacing).toBe('normal');
	expect((await style('#gc .credit a')).color).not.toBe('rgb(0, 160, 0)');
	await page.emulateMedia({ colorScheme: 'dark' });
	const dark = await style('#gc .godebug-embed');
	expect(dark.background).not.toBe(light.background);
	expect(dark.color).not.toBe(light.color);
});

test('a scheddetail P line keeps its two leading spaces and is annotated', async ({ page }) => {
	await allowCrossOrigin(page);
	await page.goto(blogUrl);
	await expect(page.locator('#dump figcaption')).toContainText('scheddetail');
	await expect(page.locator('#dump a.tok[href$="/reference/scheddetail/p-schedtick/"]')).toBeVisible();
	await expect(page.locator('#dump .trace-note')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the lines are shown as written', async ({ page }) => {
		await page.goto(blogUrl);
		await expect(page.locator('#gc')).toHaveText(gcLine);
		await expect(page.locator('#sched')).toHaveText(schedLine);
		expect(await page.locator('#gc').evaluate((el) => el.shadowRoot)).toBeNull();
	});
});

test('the embed page gives the snippet with the published address and a live example', async ({ page }) => {
	await page.goto('/embed/');
	const snippet = page.locator('pre.snippet');
	await expect(snippet).toContainText(/<script type="module" src="https?:\/\/[^"]+\/embed\.js"><\/script>/);
	await expect(snippet).toContainText(`<godebug-line>${gcLine}</godebug-line>`);
	await expect(page.locator('.example godebug-line').first().locator('a.tok').first()).toBeVisible();
	// Its styles apply under the site's own content security policy: the frame is padded.
	const padding = await page
		.locator('.example godebug-line')
		.first()
		.locator('.godebug-embed')
		.evaluate((el) => getComputedStyle(el).paddingTop);
	expect(padding).not.toBe('0px');
});
