/**
 * Every page template, checked fully in the browser: axe in both colour schemes, the keyboard,
 * and the same content without JavaScript. Each run checks each template's representatives and
 * a seeded random sample of its other pages (e2e/site-pages.ts; the seed is printed, and
 * E2E_SAMPLE_SEED repeats it). Links, anchors, ids, alt text, headings and markup are checked
 * on every page, without a browser, by scripts/check-site.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkedPages, pageTemplates } from './site-pages.ts';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axeViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze();
	return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
}

// Scripts only add behaviour: with JavaScript off, every page shows the same content.
// A region that exists only to host a script's output is marked `data-script-output`.
async function mainText(page: Page): Promise<string> {
	return page.locator('main').evaluate((main) => {
		const copy = main.cloneNode(true) as HTMLElement;
		for (const el of copy.querySelectorAll('[data-script-output]')) el.remove();
		return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
	});
}

async function expectSameWithoutJs(browser: Browser, pagePath: string): Promise<void> {
	const withJs = await browser.newContext({ javaScriptEnabled: true });
	const withoutJs = await browser.newContext({ javaScriptEnabled: false });
	const on = await withJs.newPage();
	const off = await withoutJs.newPage();
	await on.goto(pagePath);
	await off.goto(pagePath);
	const offText = await mainText(off);
	expect(offText.length).toBeGreaterThan(100);
	expect(offText).toBe(await mainText(on));
	await withJs.close();
	await withoutJs.close();
}

test('every page template in src/pages makes a built page, and each has pages checked this run', () => {
	const checked = checkedPages();
	for (const { route, pages } of pageTemplates()) {
		expect(pages.length, `${route} makes no page in the sitemap`).toBeGreaterThan(0);
		expect(checked.filter((c) => c.route === route).length, route).toBeGreaterThan(0);
	}
});

for (const { route, path: pagePath, why } of checkedPages()) {
	test.describe(`${route} (${why}: ${pagePath})`, () => {
		test('axe finds no WCAG 2.2 A/AA violations, in the light and the dark scheme', async ({ page }) => {
			test.slow(); // axe takes seconds on a long lesson, twice
			for (const colorScheme of ['light', 'dark'] as const) {
				await page.emulateMedia({ colorScheme });
				await page.goto(pagePath);
				expect.soft(await axeViolations(page), colorScheme).toEqual([]);
			}
		});

		test('the same content shows with JavaScript off', async ({ browser }) => {
			await expectSameWithoutJs(browser, pagePath);
		});

		test('Tab reaches the skip link first, then every control, each visibly focused', async ({ page }) => {
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
				const all = document.querySelectorAll<HTMLElement>(
					'a[href], button, input, select, textarea, summary, [tabindex]',
				);
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
			const reached = new Set<string>();
			const unfocusable: string[] = [];
			for (let presses = 0; presses < wanted.length + shadowStops + 20; presses++) {
				await page.keyboard.press('Tab');
				const stop = await page.evaluate(() => {
					let el = document.activeElement as HTMLElement | null;
					if (!el || el === document.body) return null;
					// Focus inside a shadow root (an embedded <godebug-line>): the element that really has it.
					while (el.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
					const style = getComputedStyle(el);
					const ring =
						(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none';
					const radio = el instanceof HTMLInputElement && el.type === 'radio' ? el : null;
					return {
						key: radio ? `radio:${radio.name}` : (el.dataset.e2eStop ?? ''),
						shown: el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0,
						ring,
						name: `<${el.tagName.toLowerCase()}> ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`,
					};
				});
				if (stop === null) break;
				if (presses === 0) expect(stop.name, 'the first stop').toBe('<a> Skip to content');
				if (stop.key && reached.has(stop.key)) break; // back at the start
				if (stop.key) reached.add(stop.key);
				if (!stop.shown || !stop.ring)
					unfocusable.push(`${stop.name}: ${stop.shown ? 'no focus ring' : 'not visible'}`);
			}
			expect(unfocusable, 'stops that do not show where the focus is').toEqual([]);
			expect(wanted.filter((key) => !reached.has(key)).length, 'controls Tab never reaches').toBe(0);
		});
	});
}

// Each lesson is its own mix of MDX components, each with its own script: every lesson, every run.
const sampled = new Set(checkedPages().map((c) => c.path));
for (const lesson of pageTemplates().find((t) => t.route === '/lessons/[slug]/')?.pages ?? []) {
	if (sampled.has(lesson)) continue;
	test(`/lessons/[slug]/ (every lesson: ${lesson}) › the same content shows with JavaScript off`, async ({
		browser,
	}) => {
		await expectSameWithoutJs(browser, lesson);
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
