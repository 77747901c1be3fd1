/**
 * Every page template, checked fully in the browser: axe in both colour schemes, the keyboard,
 * and the same content without JavaScript. Each run checks each template's representatives and
 * a seeded random sample of its other pages (e2e/site-pages.ts; the seed is printed, and
 * E2E_SAMPLE_SEED repeats it). Links, anchors, ids, alt text, headings and markup are checked
 * on every page, without a browser, by scripts/check-site.ts.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkedPages, pageTemplates } from './site-pages.ts';
import { axeViolations } from './axe.ts';

// Scripts only add behaviour: with JavaScript off, every page shows the same content.
// A region that exists only to host a script's output is marked `data-script-output`.
async function mainText(page: Page): Promise<string> {
	return page.locator('main').evaluate((main) => {
		const copy = main.cloneNode(true) as HTMLElement;
		for (const el of copy.querySelectorAll('[data-script-output]')) el.remove();
		return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
	});
}

/** Each page, loaded with JavaScript off (one context for them all), shows the text it showed with it on. */
async function expectSameWithoutJs(browser: Browser, pages: { path: string; textWithJs: string }[]): Promise<void> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const off = await context.newPage();
	for (const { path: pagePath, textWithJs } of pages) {
		await off.goto(pagePath);
		const offText = await mainText(off);
		expect.soft(offText.length, pagePath).toBeGreaterThan(100);
		expect.soft(offText, pagePath).toBe(textWithJs);
	}
	await context.close();
}

async function textWithJs(page: Page, pagePath: string): Promise<{ path: string; textWithJs: string }> {
	await page.goto(pagePath);
	return { path: pagePath, textWithJs: await mainText(page) };
}

test('every page template in src/pages makes a built page, and each has pages checked this run', () => {
	const checked = checkedPages();
	for (const { route, pages } of pageTemplates()) {
		expect(pages.length, `${route} makes no page in the sitemap`).toBeGreaterThan(0);
		expect(checked.filter((c) => c.route === route).length, route).toBeGreaterThan(0);
	}
});

/** Tab from the top of the page reaches the skip link first, then every visible control, each with a focus ring. */
async function expectKeyboardReachesEverything(page: Page, pagePath: string): Promise<void> {
	// Until the network is quiet: /practice/ fetches its lines, then replaces its controls.
	await page.goto(pagePath, { waitUntil: 'networkidle' });
	// Start from the top of the page, as on arrival, even where a script has moved the focus (/search/).
	await page.evaluate(() => {
		document.body.tabIndex = -1;
		document.body.focus();
		document.body.removeAttribute('tabindex');
	});
	// What the keyboard must reach: visible controls not taken out of the tab order; one stop per radio group.
	const { keys: wanted, shadowStops } = await page.evaluate(() => {
		const keys = new Set<string>();
		const all = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]');
		all.forEach((el, i) => {
			if (el.tabIndex < 0 || el.closest('[inert]') || (el as HTMLButtonElement).disabled) return;
			if (el instanceof HTMLInputElement && el.type === 'hidden') return;
			if (!el.checkVisibility({ visibilityProperty: true })) return;
			el.dataset.e2eStop = String(i);
			keys.add(el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : String(i));
		});
		// Links inside embedded lines' shadow roots are stops too, though not counted as wanted.
		let shadowStops = 0;
		for (const host of document.querySelectorAll('*'))
			shadowStops += host.shadowRoot?.querySelectorAll('a[href], button').length ?? 0;
		return { keys: [...keys], shadowStops };
	});
	// Each focus change is described as it happens, so the keys are pressed in batches between reads.
	await page.evaluate(() => {
		const stops: unknown[] = [];
		(window as unknown as { e2eStops: unknown[] }).e2eStops = stops;
		document.addEventListener(
			'focusin',
			() => {
				let el = document.activeElement as HTMLElement | null;
				if (!el || el === document.body) return;
				// Focus inside a shadow root (an embedded <godebug-line>): the element that really has it.
				while (el.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
				const style = getComputedStyle(el);
				const ring =
					(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none';
				const radio = el instanceof HTMLInputElement && el.type === 'radio' ? el : null;
				stops.push({
					key: radio ? `radio:${radio.name}` : (el.dataset.e2eStop ?? ''),
					shown: el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0,
					ring,
					name: `<${el.tagName.toLowerCase()}> ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`,
				});
			},
			true,
		);
	});
	type Stop = { key: string; shown: boolean; ring: boolean; name: string };
	const reached = new Set<string>();
	const unfocusable: string[] = [];
	const batch = 10;
	let read = 0;
	let done = false;
	for (let presses = 0; !done && presses < wanted.length + shadowStops + 20; presses += batch) {
		for (let i = 0; i < batch; i++) await page.keyboard.press('Tab');
		const stops = await page.evaluate((from) => (window as unknown as { e2eStops: Stop[] }).e2eStops.slice(from), read);
		for (const stop of stops) {
			if (read++ === 0) expect(stop.name, 'the first stop').toBe('<a> Skip to content');
			if (stop.key && reached.has(stop.key)) {
				done = true; // back at the start
				break;
			}
			if (stop.key) reached.add(stop.key);
			if (!stop.shown || !stop.ring) unfocusable.push(`${stop.name}: ${stop.shown ? 'no focus ring' : 'not visible'}`);
		}
	}
	expect(unfocusable, 'stops that do not show where the focus is').toEqual([]);
	expect(wanted.filter((key) => !reached.has(key)).length, 'controls Tab never reaches').toBe(0);
}

// One test per page, so its context is made once: the keyboard, axe in each scheme, then the same
// content without JavaScript, each a step of its own in the report.
for (const { route, path: pagePath, why } of checkedPages()) {
	test(`${route} (${why}: ${pagePath}): the keyboard reaches every control, the content shows without JavaScript, and axe finds nothing, light and dark`, async ({
		page,
		browser,
	}) => {
		test.slow(); // axe takes seconds on a long lesson, twice
		await test.step('Tab reaches the skip link first, then every control, each visibly focused', async () => {
			await expectKeyboardReachesEverything(page, pagePath);
		});
		let shown = { path: pagePath, textWithJs: '' };
		for (const colorScheme of ['light', 'dark'] as const) {
			await test.step(`axe finds no WCAG 2.2 A/AA violations in the ${colorScheme} scheme`, async () => {
				await page.emulateMedia({ colorScheme });
				if (colorScheme === 'light') shown = await textWithJs(page, pagePath);
				else await page.goto(pagePath);
				expect.soft(await axeViolations(page), colorScheme).toEqual([]);
			});
		}
		await test.step('the same content shows with JavaScript off', async () => {
			await expectSameWithoutJs(browser, [shown]);
		});
	});
}

// Each lesson is its own mix of MDX components, each with its own script: every lesson, every run,
// the ones not checked above in two tests.
const sampled = new Set(checkedPages().map((c) => c.path));
const otherLessons = (pageTemplates().find((t) => t.route === '/lessons/[slug]/')?.pages ?? []).filter(
	(lesson) => !sampled.has(lesson),
);
for (const half of [0, 1]) {
	const lessons = otherLessons.filter((_, i) => i % 2 === half);
	test(`/lessons/[slug]/ (the other lessons, part ${half + 1} of 2: ${lessons.join(' ')}): the same content shows with JavaScript off`, async ({
		page,
		browser,
	}) => {
		const withJs = [];
		for (const lesson of lessons) withJs.push(await textWithJs(page, lesson));
		await expectSameWithoutJs(browser, withJs);
	});
}

// Every kind of field, coloured for its group, in both schemes: one real line of each format.
test('/explain/ showing a real line of every format is axe clean, light and dark', async ({ page }) => {
	test.slow(); // two axe runs over two dozen annotated lines
	const traces = path.resolve(import.meta.dirname, '..', 'content', 'traces');
	const formats = ['gctrace', 'schedtrace', 'scheddetail', 'gcpacertrace', 'scavtrace', 'inittrace'];
	const lines = formats.flatMap((format) => {
		const [first] = readdirSync(path.join(traces, format)).sort();
		return readFileSync(path.join(traces, format, first!), 'utf8')
			.split('\n')
			.filter(Boolean)
			.slice(0, 4);
	});
	const text = lines.join('\n');
	expect(text.length).toBeLessThan(5000);
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await page.goto(`/explain/?line=${encodeURIComponent(text)}`);
		await expect(page.locator('.explain-results trace-line')).toHaveCount(lines.length);
		expect.soft(await axeViolations(page), colorScheme).toEqual([]);
	}
});
