/**
 * The built site's pages, grouped by the page template (src/pages) that makes them, and the
 * pages the browser checks each run: every template's representatives plus a seeded random
 * sample of the rest. scripts/check-site.ts checks every page without a browser.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const pagesDir = path.join(root, 'src', 'pages');

/** The built site's pages, read from its sitemap, as paths (`/`, `/reference/`). */
function sitemapPaths(): string[] {
	const files = readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f));
	const paths = new Set<string>();
	for (const file of files) {
		const xml = readFileSync(path.join(dist, file), 'utf8');
		for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.add(new URL(loc!).pathname);
	}
	if (paths.size === 0) throw new Error(`no pages in the sitemap under ${dist}: run npm run build first`);
	return [...paths].sort();
}

export interface PageTemplate {
	/** Its route, as src/pages spells it: `/reference/[format]/[field]/`. */
	route: string;
	/** Every built page it makes, in sitemap order. */
	pages: string[];
}

/** Where the 404 template is checked: an address nothing is built at, as a reader meets it. */
const missingPage = '/no-such-page/';

/** Every `.astro` page under src/pages as a route (`.ts` files there are data endpoints, not pages). */
function routes(dir = pagesDir, prefix = '/'): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory()) found.push(...routes(path.join(dir, entry.name), `${prefix}${entry.name}/`));
		else if (entry.name === 'index.astro') found.push(prefix);
		else if (entry.name.endsWith('.astro')) found.push(`${prefix}${entry.name.slice(0, -'.astro'.length)}/`);
	}
	return found;
}

function routePattern(route: string): RegExp {
	const source = route
		.split('/')
		.map((part) => (part.startsWith('[...') ? '.+' : part.startsWith('[') ? '[^/]+' : part.replace(/\W/g, '\\$&')))
		.join('/');
	return new RegExp(`^${source}$`);
}

/** The page templates, each with the pages it makes; a page goes to its most specific route. */
export function pageTemplates(): PageTemplate[] {
	const all = routes()
		// Fewer parameters first: a fixed route wins over a parameter one.
		.sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0) || a.localeCompare(b));
	const templates = all.map((route) => ({ route, pattern: routePattern(route), pages: [] as string[] }));
	for (const page of sitemapPaths()) {
		const template = templates.find((t) => t.pattern.test(page));
		if (!template) throw new Error(`${page} is in the sitemap but no page in src/pages makes it`);
		template.pages.push(page);
	}
	const notFound = templates.find((t) => t.route === '/404/');
	if (notFound) notFound.pages.push(missingPage);
	return templates.map(({ route, pages }) => ({ route, pages }));
}

/** Pages every run checks in place of their template's first: the richest of their template. */
const representatives = ['/lessons/reading-schedtrace/', '/reference/schedtrace/local-runqueues/'];

/** A template's representatives: the pages named above, else its first page. */
function representativesOf(pages: string[]): string[] {
	const named = pages.filter((p) => representatives.includes(p));
	return named.length > 0 ? named : pages.slice(0, 1);
}

/** Each template's representatives alone, the same every run (the screenshots compare these). */
export function representativePages(): CheckedPage[] {
	return pageTemplates().flatMap(({ route, pages }) =>
		representativesOf(pages).map((p) => ({ route, path: p, why: 'representative' as const })),
	);
}

/** The seed of this run's sample: E2E_SAMPLE_SEED (the config sets a fresh one when unset). */
function sampleSeed(): number {
	const seed = Number(process.env.E2E_SAMPLE_SEED);
	if (!Number.isInteger(seed)) throw new Error('E2E_SAMPLE_SEED is not set: run through playwright.config.ts');
	return seed;
}

/** mulberry32: small, fast and the same on every machine for a seed. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
}

export interface CheckedPage {
	route: string;
	path: string;
	/** Why this page: always checked, or drawn by the seed. */
	why: 'representative' | 'sample';
}

/**
 * The pages the browser checks this run: each template's representative (its first page, unless named above),
 * and from each template of many pages a seeded sample of about √n / 3 more (158 field pages: 5).
 */
export function checkedPages(seed = sampleSeed()): CheckedPage[] {
	const next = random(seed);
	const chosen: CheckedPage[] = [];
	for (const { route, pages } of pageTemplates()) {
		const fixed = representativesOf(pages);
		for (const p of fixed) chosen.push({ route, path: p, why: 'representative' });
		const rest = pages.filter((p) => !fixed.includes(p));
		const size = Math.min(rest.length, Math.ceil(Math.sqrt(pages.length) / 3));
		for (let i = 0; i < size; i++) {
			const [p] = rest.splice(Math.floor(next() * rest.length), 1);
			chosen.push({ route, path: p!, why: 'sample' });
		}
	}
	return chosen;
}
