// The site built under a base path (`npm run build:base`, into dist-base/) and served under that
// path by a plain static server, as GitHub Pages serves a project site at /<repo>/: a reader
// goes through lessons, reference, search, explain, analyze and practice, and every address the
// pages use, links, scripts, styles, the search index, the worker and fetched files, is inside the
// base and found. Skipped when there is no base build.
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startSite, type SiteServer } from '../scripts/site-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const distBase = path.join(root, 'dist-base');
const built = existsSync(path.join(distBase, 'sitemap-index.xml'));

/** The base the build was made with, read from its own sitemap (`…/godebug-explained/sitemap-0.xml`). */
function builtBase(): string {
	const index = readFileSync(path.join(distBase, 'sitemap-index.xml'), 'utf8');
	const loc = /<loc>([^<]+)<\/loc>/.exec(index)![1]!;
	return new URL('.', loc).pathname;
}

test.describe('under a base path', () => {
	test.skip(!built, 'no base build in dist-base/ (npm run build:base)');

	let base = '/';
	let origin = '';
	let server: SiteServer | undefined;

	test.beforeAll(async () => {
		base = builtBase();
		expect(base, 'dist-base/ is built under a base path, not at the root').not.toBe('/');
		server = await startSite(['--dir', 'dist-base', '--base', base]);
		origin = server.origin;
	});

	test.afterAll(() => {
		server?.stop();
	});

	/** Every request the page makes to the site, with its status; checked at the end of each test. */
	function watch(page: Page): { requests: string[]; broken: string[] } {
		const seen = { requests: [] as string[], broken: [] as string[] };
		page.on('response', (response) => {
			const url = new URL(response.url());
			if (url.origin !== origin) return;
			seen.requests.push(url.pathname);
			if (!url.pathname.startsWith(base)) seen.broken.push(`${url.pathname}: outside ${base}`);
			else if (response.status() >= 400) seen.broken.push(`${url.pathname}: ${response.status()}`);
		});
		// A request cut short by following a link is not a broken address; a missing file answers 404 above.
		page.on('requestfailed', (request) => {
			const error = request.failure()?.errorText;
			if (error !== 'net::ERR_ABORTED') seen.broken.push(`${request.url()}: ${error}`);
		});
		page.on('pageerror', (error) => seen.broken.push(`script error: ${error.message}`));
		return seen;
	}

	const at = (p: string) => `${origin}${base}${p}`;

	test('the site root outside the base is not the site', async ({ request }) => {
		expect((await request.get(`${origin}/lessons/`)).status()).toBe(404);
		expect((await request.get(at('lessons/'))).status()).toBe(200);
	});

	test('lessons: from the home page to a lesson, its styles and scripts, and a link written in its text', async ({
		page,
	}) => {
		const seen = watch(page);
		await page.goto(at(''));
		await page.getByRole('navigation').getByRole('link', { name: 'Lessons' }).first().click();
		await expect(page).toHaveURL(at('lessons/'));
		await page.locator('main').getByRole('link', { name: '1. What GODEBUG is' }).first().click();
		await expect(page).toHaveURL(at('lessons/what-is-godebug/'));
		expect(seen.requests.some((p) => p.startsWith(`${base}_astro/`) && p.endsWith('.css'))).toBe(true);
		// A Markdown link in the lesson's MDX, written from the site's root.
		await page.locator('main').getByRole('link', { name: 'Giving memory back' }).first().click();
		await expect(page).toHaveURL(at('lessons/giving-memory-back/'));
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(seen.broken).toEqual([]);
	});

	test('reference: a format, a field, and a link in the field text', async ({ page }) => {
		const seen = watch(page);
		await page.goto(at('reference/'));
		await page.locator('main').getByRole('link', { name: 'inittrace' }).first().click();
		await expect(page).toHaveURL(at('reference/inittrace/'));
		await page.locator('main').getByRole('link', { name: 'Start time', exact: true }).first().click();
		await expect(page).toHaveURL(at('reference/inittrace/start/'));
		// `[clock](/reference/inittrace/clock/)` in content/fields/inittrace/start.md.
		await page.locator('main').getByRole('link', { name: 'clock', exact: true }).first().click();
		await expect(page).toHaveURL(at('reference/inittrace/clock/'));
		expect(seen.broken).toEqual([]);
	});

	test('search: the index loads from under the base and its results lead to pages there', async ({ page }) => {
		const seen = watch(page);
		await page.goto(at(''));
		await page.getByRole('searchbox', { name: 'Search the site' }).fill('needspinning');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(`${at('search/')}?q=needspinning`);
		const first = page.locator('.search-results li a').first();
		await expect(first).toHaveAttribute('href', `${base}reference/schedtrace/needspinning/`);
		expect(seen.requests.some((p) => p.startsWith(`${base}pagefind/`))).toBe(true);
		// The index's own results lead inside the base too, and the field is not listed twice.
		const hrefs = await page
			.locator('.search-results li a')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
		expect(hrefs.length).toBeGreaterThan(1);
		expect(hrefs.filter((href) => !href.startsWith(base))).toEqual([]);
		expect(hrefs.filter((href) => href === `${base}reference/schedtrace/needspinning/`)).toHaveLength(1);
		await first.click();
		await expect(page).toHaveURL(at('reference/schedtrace/needspinning/'));
		expect(seen.broken).toEqual([]);
	});

	test('explain: a pasted line links its fields, and the copied link opens it again', async ({ page, context }) => {
		const seen = watch(page);
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const line =
			'gc 1 @0.019s 0%: 0.014+0.54+0.003 ms clock, 0.056+0.10/0.25/0.38+0.012 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 4 P';
		await page.goto(at('explain/'));
		await page.getByRole('textbox', { name: 'Trace lines' }).fill(line);
		const shown = page.locator('.explain-results trace-line');
		await expect(shown).toHaveCount(1);
		// Each field's explanation links its reference page; the tokens link to their explanation in the page.
		const pages = await shown
			.locator('a')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href')!).filter((href) => !href.startsWith('#')));
		expect(pages).toContain(`${base}reference/gctrace/heap-goal/`);
		expect(pages.filter((href) => !href.startsWith(base))).toEqual([]);
		await shown.getByRole('button', { name: /Copy link to this line/ }).click();
		await expect(shown.getByRole('status')).toHaveText('Link copied.');
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied.startsWith(at('explain/?line='))).toBe(true);
		await page.goto(copied);
		await expect(page.getByRole('textbox', { name: 'Trace lines' })).toHaveValue(line);
		expect(seen.broken).toEqual([]);
	});

	test('analyze: an example capture is fetched, analysed in the worker, and its finding links a lesson', async ({
		page,
	}) => {
		const seen = watch(page);
		await page.goto(at('analyze/'));
		const item = page.locator('[data-capture="schedtrace/go1.26-p2-leak.txt"]');
		await item.getByRole('button', { name: 'Analyze schedtrace/go1.26-p2-leak.txt' }).click();
		const finding = page.locator('[data-finding="goroutine-leak"]');
		await expect(finding).toBeVisible();
		expect(seen.requests).toContain(`${base}analyze/captures/schedtrace/go1.26-p2-leak.txt`);
		expect(seen.requests.some((p) => p.startsWith(`${base}_astro/analyze-worker`))).toBe(true);
		await finding.getByRole('link').first().click();
		await expect(page).toHaveURL(new RegExp(`^${at('lessons/')}[a-z-]+/`));
		expect(seen.broken).toEqual([]);
	});

	test('practice: the lines are fetched, a question is answered, and its feedback links the reference', async ({
		page,
	}) => {
		const seen = watch(page);
		await page.goto(at('practice/?seed=base-path&topics=scheduler,gc&count=4'));
		// The page's fixed set is wired first; wait for the set the address asks for, or the answer lands on a set about to be replaced.
		const question = page
			.locator('.practice-set[data-seed="base-path"] .quiz-question[data-wired][data-type="choice"]')
			.first();
		await expect(question).toBeVisible();
		expect(seen.requests).toContain(`${base}practice/lines.json`);
		await question.getByRole('radio').first().check();
		await question.getByRole('button', { name: 'Check' }).click();
		await expect(question.locator('.quiz-feedback')).toContainText(/Right|Not right/);
		await expect(question.locator('.quiz-feedback a').first()).toHaveAttribute(
			'href',
			new RegExp(`^${base}reference/`),
		);
		expect(seen.broken).toEqual([]);
	});

	test('the canonical address and the sitemap name pages under the base', async ({ page, request }) => {
		await page.goto(at('lessons/the-pacer/'));
		const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
		expect(new URL(canonical!).pathname).toBe(`${base}lessons/the-pacer/`);
		const sitemap = await (await request.get(at('sitemap-0.xml'))).text();
		const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
		expect(locs.length).toBeGreaterThan(100);
		expect(locs.filter((p) => !p.startsWith(base))).toEqual([]);
	});
});
