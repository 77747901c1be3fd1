/**
 * Screenshots that guard the look: each page template's representative page (e2e/site-pages.ts,
 * never the random sample) at 360 and 1280 px, in the light and dark schemes, compared with the
 * reference images in e2e/screenshots/ (`<template>-<width>-<scheme>.png`). A change that moves,
 * recolours or breaks a page fails here and shows its diff in the test report; after a deliberate
 * change, `npm run test:screenshots:update` writes the new images, to be looked at in review.
 *
 * The images are this machine's kind: Debian's Chromium and fonts. Everything that differs between
 * runs is fixed first: seeds in the address, the teach form's seed, the test server's origin,
 * fonts loaded, widgets started, carets and animations off (Playwright's defaults).
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { representativePages } from './site-pages.ts';

/** Where the reference images are kept (playwright.config.ts names the same folder). */
const imagesDir = path.join(import.meta.dirname, 'screenshots');
/** The viewport's height: one screen. */
const screen = 800;

/**
 * The widths compared, each with the height of the part of a page compared: tall pages are
 * clipped to their first screens (three of a phone's, two of a desktop's), since the rest repeats
 * the same components (a lesson's sections, a field page's examples) and would only make the
 * images larger.
 */
const widths = [
	{ width: 360, maxHeight: 3 * screen },
	{ width: 1280, maxHeight: 2 * screen },
];
const schemes = ['light', 'dark'] as const;
/** The fixed seed of the practice, worksheet and teach pages, which otherwise draw a fresh one. */
const seed = 'screenshots';

interface Setup {
	/** The address to open, when not the template's representative page as is. */
	path?: string;
	/** Custom elements that start only when the reader uses them, not waited for. */
	startsOnDemand?: string;
	/** Waits for the page's widgets to reach the state compared, and fixes what would vary. */
	ready?: (page: Page) => Promise<void>;
}

/** What a template needs before it looks the same every run; templates not named need nothing more. */
const setups: Record<string, Setup> = {
	'/lessons/[slug]/': {
		ready: async (page) => {
			await expect(page.getByRole('button', { name: 'Mark this lesson as done' })).toBeVisible();
			await expect(page.locator('.quiz-score').first()).not.toBeEmpty();
		},
	},
	'/reference/[format]/[field]/': {
		ready: async (page) => {
			await expect(page.getByRole('button', { name: /^Copy link to this line/ }).first()).toBeVisible();
		},
	},
	'/analyze/': {
		startsOnDemand: 'compare-runs',
		ready: async (page) => {
			await expect(page.getByRole('button', { name: 'Analyze the pasted text' })).toBeVisible();
			await expect(page.locator('.example-button').first()).toBeVisible();
		},
	},
	'/explain/': {
		startsOnDemand: 'trace-explorer',
		ready: async (page) => {
			await expect(page.getByRole('button', { name: /^Copy link to this line/ }).first()).toBeVisible();
		},
	},
	'/practice/': {
		path: `/practice/?seed=${seed}`,
		ready: async (page) => {
			await expect(page.locator(`.practice-set[data-seed="${seed}"]`)).toBeAttached();
		},
	},
	'/teach/worksheet/': {
		path: `/teach/worksheet/?seed=${seed}`,
		ready: async (page) => {
			await expect(page.locator(`practice-worksheet[data-seed="${seed}"]`)).toBeAttached();
		},
	},
	'/teach/': {
		ready: async (page) => {
			// The form draws a fresh seed on every visit, and its link names the test server's origin.
			await page.locator('#teach-seed').fill(seed);
			await page.locator('#teach-seed').blur();
			await expect(page.locator('.teach-link')).toContainText(`seed=${seed}`);
			await page.locator('.teach-link').evaluate((link) => {
				const site = new URL(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')!.href).origin;
				link.textContent = link.textContent!.replace(location.origin, site);
			});
		},
	},
	'/search/': {
		path: '/search/?q=schedticks',
		ready: async (page) => {
			await expect(page.locator('.search-results li').first()).toBeVisible();
			await page.locator('#main').focus();
		},
	},
};

/** `/reference/[format]/[field]/` at 360 px, dark → `reference-format-field-360-dark.png`; `/` → `home-…`. */
function imageName(route: string, width: number, scheme: string): string {
	const template = route.replace(/[[\]]/g, '').split('/').filter(Boolean).join('-') || 'home';
	return `${template}-${width}-${scheme}.png`;
}

/** One page per template (its first representative), so each image name is one page's. */
const compared = representativePages().filter((p, i, all) => all.findIndex((q) => q.route === p.route) === i);

async function settle(page: Page, startsOnDemand = ''): Promise<void> {
	await page.waitForFunction(
		(onDemand) => document.querySelectorAll(`:not(:defined)${onDemand ? `:not(${onDemand})` : ''}`).length === 0,
		startsOnDemand,
	);
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

test('every reference image is of a page template compared here', () => {
	const names = new Set(
		compared.flatMap(({ route }) => widths.flatMap(({ width }) => schemes.map((s) => imageName(route, width, s)))),
	);
	const stale = readdirSync(imagesDir).filter((file) => !names.has(file));
	expect(stale, `images in ${path.relative(process.cwd(), imagesDir)} of no template: delete them`).toEqual([]);
});

for (const { route, path: pagePath } of compared) {
	const setup = setups[route] ?? {};
	for (const { width, maxHeight } of widths) {
		test(`${route} looks as it did (${width} px, light and dark)`, async ({ page }) => {
			await page.setViewportSize({ width, height: screen });
			await page.emulateMedia({ colorScheme: 'light' });
			await page.goto(setup.path ?? pagePath);
			await settle(page, setup.startsOnDemand);
			await setup.ready?.(page);
			for (const scheme of schemes) {
				await page.emulateMedia({ colorScheme: scheme });
				const height = await page.evaluate(() => document.documentElement.scrollHeight);
				await expect(page).toHaveScreenshot(imageName(route, width, scheme), {
					fullPage: true,
					// Generous for a loaded machine: a tall page's screenshot and comparison take seconds.
					timeout: 20_000,
					// Rendering here is exact (two runs match pixel for pixel). The allowance is a count, not
					// a share of the image, so that one button's colour or padding (about 900 pixels and up)
					// fails on a tall page as on a short one; it leaves room for the odd anti-aliased pixel on
					// a fresh machine of the same kind.
					maxDiffPixels: 100,
					threshold: 0.05,
					clip: height > maxHeight ? { x: 0, y: 0, width, height: maxHeight } : undefined,
				});
			}
		});
	}
}
