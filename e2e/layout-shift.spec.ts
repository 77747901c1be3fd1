import { expect, test, type Page } from '@playwright/test';

// Nothing on a page moves as its scripts start: the widgets' controls (Check, Reset, the done
// toggle, Copy link, Projector view) and the closed lesson menu take their final place in the
// built HTML. Scripts are held back so the page is painted as served before they run; the sum
// of the layout shifts the browser reports (as Lighthouse's CLS counts them) stays near 0
// (under 0.02; Lighthouse calls under 0.1 good).

/** Layout-shift entries from the first paint on, not caused by input. */
async function layoutShifts(page: Page): Promise<{ value: number; nodes: string[] }[]> {
	return page.evaluate(() => (window as unknown as { shifts: { value: number; nodes: string[] }[] }).shifts);
}

/** `startsOnDemand`: custom elements that start only when the reader uses them (not waited for). */
async function openAndUpgrade(page: Page, path: string, startsOnDemand = ''): Promise<void> {
	await page.route('**/_astro/*.js', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 400));
		await route.continue();
	});
	await page.addInitScript(() => {
		const shifts: { value: number; nodes: string[] }[] = [];
		(window as unknown as { shifts: typeof shifts }).shifts = shifts;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & {
				value: number;
				hadRecentInput: boolean;
				sources?: { node?: Node }[];
			})[]) {
				if (entry.hadRecentInput) continue;
				const nodes = (entry.sources ?? []).map((s) =>
					s.node instanceof Element
						? `${s.node.localName}${s.node.id ? `#${s.node.id}` : ''}${[...s.node.classList].map((c) => `.${c}`).join('')}`
						: String(s.node),
				);
				shifts.push({ value: entry.value, nodes });
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
	await page.goto(path, { waitUntil: 'load' });
	// Every widget on the page has started.
	await page.waitForFunction(
		(onDemand) => document.querySelectorAll(`:not(:defined)${onDemand ? `:not(${onDemand})` : ''}`).length === 0,
		startsOnDemand,
	);
	// Layout shifts are reported after the frame that shows them.
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
	await page.waitForTimeout(200);
}

const viewports = [
	{ name: 'phone', width: 412, height: 823 },
	{ name: 'desktop', width: 1280, height: 800 },
];

const pages = [
	{
		what: 'a lesson',
		path: '/lessons/what-is-godebug/',
		started: async (page: Page) => {
			await expect(page.getByRole('button', { name: 'Mark this lesson as done' })).toBeAttached();
			await expect(page.locator('.lesson-list [data-lesson-state="what-is-godebug"]')).toHaveText('Visited');
			await expect(page.getByRole('button', { name: 'Projector view' })).toBeVisible();
		},
	},
	{
		// Arriving at the quiz puts its controls in view as they start.
		what: 'a lesson, at its quiz',
		path: '/lessons/what-is-godebug/#quiz-what-is-godebug-heading',
		started: async (page: Page) => {
			await expect(page.getByRole('button', { name: 'Check' }).first()).toBeVisible();
			await expect(page.getByRole('button', { name: 'Reset this quiz' })).toBeVisible();
			await expect(page.locator('.quiz-score')).not.toBeEmpty();
		},
	},
	{
		what: 'a field page',
		path: '/reference/gctrace/heap-goal/',
		started: async (page: Page) => {
			await expect(page.getByRole('button', { name: /^Copy link to this line/ }).first()).toBeVisible();
		},
	},
	{
		what: 'the analyzer',
		path: '/analyze/',
		// The comparison's code loads as the reader reaches its form (its form shows at once).
		startsOnDemand: 'compare-runs',
		started: async (page: Page) => {
			await expect(page.getByRole('button', { name: 'Analyze the pasted text' })).toBeVisible();
			await expect(page.getByRole('button', { name: /^Analyze .+\.txt$/ }).first()).toBeVisible();
			await expect(page.getByRole('button', { name: 'Compare the two runs' })).toBeVisible();
		},
	},
	{
		what: 'the practice page',
		path: '/practice/?seed=layout',
		// The set the address asks for replaces the page's fixed set, whose height differs.
		maxShift: 0.1,
		started: async (page: Page) => {
			await expect(page.locator('.practice-set[data-seed="layout"]')).toBeAttached();
			await expect(page.getByRole('button', { name: 'Check' }).first()).toBeVisible();
		},
	},
	{
		what: 'the line explainer',
		path: '/explain/',
		// Loaded as the reader reaches the form, or at once for an address with a line.
		startsOnDemand: 'trace-explorer',
		started: async (page: Page) => {
			await expect(page.getByRole('button', { name: /^Copy link to this line/ }).first()).toBeVisible();
		},
	},
];

for (const viewport of viewports) {
	for (const { what, path, started, startsOnDemand, maxShift = 0.02 } of pages) {
		test(`${what} does not move as its widgets start (${viewport.name})`, async ({ page }) => {
			await page.setViewportSize({ width: viewport.width, height: viewport.height });
			await openAndUpgrade(page, path, startsOnDemand);
			await started(page);
			const shifts = await layoutShifts(page);
			const total = shifts.reduce((sum, s) => sum + s.value, 0);
			expect(total, `layout shifts: ${JSON.stringify(shifts)}`).toBeLessThan(maxShift);
		});
	}
}
