/**
 * No page is wider than the screen: every built page at 360 px, each template's representative
 * also at 768 px and in the dark scheme, and the states that once slid sideways on a phone (an
 * 8-P schedtrace line on /explain/, a capture analysed on /analyze/). Long trace lines scroll
 * inside their own box; the page never does. Pages load a few at a time in tabs of one browser.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkedPages, pageTemplates } from './site-pages.ts';

const root = path.resolve(import.meta.dirname, '..');
const tracesDir = path.join(root, 'content', 'traces');

interface Overflow {
	scrollWidth: number;
	innerWidth: number;
	/** The element (or the text in it) reaching furthest past the right edge, and how far. */
	widest: string;
}

/** How far the document reaches past the viewport, and which element reaches furthest, or null when it fits. */
async function overflowOf(page: Page): Promise<Overflow | null> {
	return page.evaluate(() => {
		const { scrollWidth } = document.documentElement;
		if (scrollWidth <= window.innerWidth) return null;
		// What a scrolling or clipping box holds cannot widen the page; that box itself can.
		const clipped = (el: Element | null): boolean => {
			for (let a = el; a && a !== document.body; a = a.parentElement)
				if (getComputedStyle(a).overflowX !== 'visible') return true;
			return false;
		};
		let widest: Element | null = null;
		let right = window.innerWidth + 0.5;
		const consider = (el: Element, rect: DOMRect, from: Element | null) => {
			const r = rect.right + window.scrollX;
			// Outermost first: a child flush with its parent's right edge does not replace it.
			if (r > right && !clipped(from)) {
				widest = el;
				right = r;
			}
		};
		for (const el of document.body.querySelectorAll('*')) consider(el, el.getBoundingClientRect(), el.parentElement);
		// An unbreakable word sticks out of its element's box, not the box itself: measure the text too.
		const range = document.createRange();
		const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let text = texts.nextNode(); text; text = texts.nextNode()) {
			range.selectNodeContents(text);
			consider(text.parentElement!, range.getBoundingClientRect(), text.parentElement);
		}
		const describe = (el: Element): string => {
			const id = el.id ? `#${el.id}` : '';
			const classes = [...el.classList].map((c) => `.${c}`).join('');
			const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
			return `<${el.tagName.toLowerCase()}${id}${classes}> “${text}”`;
		};
		return {
			scrollWidth,
			innerWidth: window.innerWidth,
			widest: widest ? `${describe(widest)} reaching ${Math.round(right)} px` : 'no element reaches past the edge',
		};
	});
}

/** Boxes that scroll sideways at this width but that the keyboard cannot reach, so cannot scroll. */
async function unreachableScrollers(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
		const found: string[] = [];
		for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
			if (el.scrollWidth <= el.clientWidth + 1) continue;
			const { overflowX } = getComputedStyle(el);
			if ((overflowX !== 'auto' && overflowX !== 'scroll') || !el.checkVisibility()) continue;
			if (el.tabIndex >= 0 || el.querySelector(focusable)) continue;
			found.push(`<${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}>`);
		}
		return found;
	});
}

interface Screen {
	width: number;
	colorScheme: 'light' | 'dark';
}

/** Loads the pages a few tabs at a time in one context, and names every page wider than its screen. */
async function overflowing(browser: Browser, paths: string[], { width, colorScheme }: Screen): Promise<string[]> {
	const failures: string[] = [];
	const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
	const queue = [...paths];
	const tabs = 3;
	await Promise.all(
		Array.from({ length: Math.min(tabs, queue.length) }, async () => {
			const page = await context.newPage();
			for (let next = queue.shift(); next; next = queue.shift()) {
				await page.goto(next, { waitUntil: 'load' });
				const where = `${next} at ${width} px (${colorScheme})`;
				const [found, boxes] = await Promise.all([overflowOf(page), unreachableScrollers(page)]);
				if (found) failures.push(`${where} is ${found.scrollWidth} px wide: ${found.widest}`);
				for (const box of boxes) failures.push(`${where}: ${box} scrolls sideways but the keyboard cannot reach it`);
			}
		}),
	);
	await context.close();
	return failures;
}

// Every page at 360 px in the light scheme, in chunks the workers share.
const allPages = pageTemplates().flatMap((t) => t.pages);
const chunks = 4;
for (let chunk = 0; chunk < chunks; chunk++) {
	test(`at 360 px no page is wider than the screen (pages ${chunk + 1} of every ${chunks})`, async ({ browser }) => {
		test.slow(); // about fifty pages
		const paths = allPages.filter((_, i) => i % chunks === chunk);
		expect(paths.length).toBeGreaterThan(0);
		expect(await overflowing(browser, paths, { width: 360, colorScheme: 'light' })).toEqual([]);
	});
}

// Each template's representative in the other scheme, and at a tablet's width in both.
const representatives = checkedPages()
	.filter((c) => c.why === 'representative')
	.map((c) => c.path);
for (const screen of [
	{ width: 360, colorScheme: 'dark' },
	{ width: 768, colorScheme: 'light' },
	{ width: 768, colorScheme: 'dark' },
] as const) {
	test(`at ${screen.width} px in the ${screen.colorScheme} scheme no template’s representative is wider than the screen`, async ({
		browser,
	}) => {
		expect(await overflowing(browser, representatives, screen)).toEqual([]);
	});
}

/** The longest line of a real 8-P capture: eight run queues and eight schedticks values. */
function eightProcLine(): string {
	const lines = readFileSync(path.join(tracesDir, 'schedtrace', 'go1.26-p8-load.txt'), 'utf8')
		.split('\n')
		.filter((l) => /^SCHED \d+ms: gomaxprocs=8 .* schedticks=\[( \d+){8} \]$/.test(l));
	return lines.reduce((a, b) => (b.length > a.length ? b : a));
}

for (const width of [360, 768]) {
	test(`at ${width} px /explain/ fits an 8-P schedtrace line and its eight-value fields`, async ({ page }) => {
		await page.setViewportSize({ width, height: 800 });
		await page.goto(`/explain/?line=${encodeURIComponent(eightProcLine())}`);
		const line = page.locator('.explain-results trace-line');
		await expect(line.locator('.field[data-key="schedtrace/schedticks"] .field-value')).toBeVisible();
		expect(await overflowOf(page)).toBeNull();
		expect(await unreachableScrollers(page)).toEqual([]);
		// The line wraps between its fields, so all of it reads inside its box without scrolling.
		const box = line.locator('.trace-code-wrap');
		const [scroll, client] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
		expect(scroll).toBeLessThanOrEqual(client);
	});
}

test('at 360 px /analyze/ fits with a capture analysed, its command line and its lines included', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto('/analyze/');
	// The example with the longest command line, analysed from the site as a reader would.
	const commands = page.locator('[data-capture] .provenance code:last-child');
	const lengths = await commands.evaluateAll((codes) => codes.map((c) => c.textContent!.length));
	const longest = page.locator('[data-capture]').nth(lengths.indexOf(Math.max(...lengths)));
	await longest.getByRole('button', { name: /^Analyze / }).click();
	await expect(page.locator('[data-part="results"]')).toBeVisible();
	await expect(page.locator('[data-part="lines"]')).toBeVisible();
	expect(await overflowOf(page)).toBeNull();
	expect(await unreachableScrollers(page)).toEqual([]);
});
