/**
 * Checks every page of a built site without a browser: `node scripts/check-site.ts <distDir> [--base /sub/]`.
 *
 * Each HTML file under distDir is parsed (parse5) and checked:
 * - every internal link (`href`, `src`, `srcset`, form `action`, `formaction`, `poster`, `data`)
 *   leads to a built file, and its `#anchor` to an id on that page; under `--base /sub/` an
 *   address from the root must start with that base; the 404 page, served at any address,
 *   links from the root only; every sitemap address is a built page;
 * - `<html lang>` is set, there is exactly one `h1`, every `<img>` has `alt`, no id repeats;
 * - no script outside what the build emits: an inline script is JSON data
 *   (`type="application/json"`, which must parse), a module Astro bundled (`type="module"`),
 *   or the layout's classic script in `<head>`, the same text on every page that has it;
 *   no `on…=` handler attributes and no `javascript:` addresses;
 * - html-validate passes, with the rules in .htmlvalidate.json.
 *
 * Exits 1 with the list of problems, one a line, prefixed with the page's path under distDir.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface CheckOptions {
	/** The path the site is served under, `/` or `/sub/`. */
	base?: string;
	/** html-validate rules; omitted, the HTML checker does not run. */
	htmlValidate?: ConfigData;
}

export interface CheckResult {
	/** How many HTML pages were checked. */
	pages: number;
	/** How many internal addresses were checked. */
	links: number;
	/** One line each: `page: what is wrong`. */
	problems: string[];
}

/** Attributes holding one address, by element (`*`: any element). */
const addressAttributes: [element: string, attribute: string][] = [
	['*', 'href'],
	['*', 'src'],
	['form', 'action'],
	['*', 'formaction'],
	['video', 'poster'],
	['object', 'data'],
];

interface Page {
	/** Path under distDir, for messages. */
	file: string;
	/** The address it is served at, base included. */
	url: string;
	html: string;
	document: DefaultTreeAdapterMap['document'];
}

interface Link {
	page: Page;
	/** The tag and attribute it came from, for messages: `<a href="…">`. */
	where: string;
	raw: string;
}

function htmlFiles(dir: string, under = ''): string[] {
	const files: string[] = [];
	for (const entry of readdirSync(path.join(dir, under), { withFileTypes: true })) {
		const rel = under ? `${under}/${entry.name}` : entry.name;
		if (entry.isDirectory()) files.push(...htmlFiles(dir, rel));
		else if (entry.name.endsWith('.html')) files.push(rel);
	}
	return files.sort();
}

/** `a/b/index.html` is served at `<base>a/b/`, `404.html` at `<base>404.html`. */
function pageUrl(file: string, base: string): string {
	return (
		base + (file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file)
	);
}

function* elements(node: Node): Generator<Element> {
	if ('tagName' in node) yield node;
	if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
	// A <template>'s content is a separate document: its ids and headings are not the page's.
}

function attr(el: Element, name: string): string | undefined {
	return el.attrs.find((a) => a.name === name)?.value;
}

function text(node: Node): string {
	if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
	return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

function insideHead(el: Element): boolean {
	for (let p = el.parentNode; p && 'tagName' in p; p = p.parentNode) if (p.tagName === 'head') return true;
	return false;
}

/** The addresses of a `srcset`: each candidate is an address, then optionally a width or density. */
function srcsetAddresses(value: string): string[] {
	return value
		.split(',')
		.map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
		.filter(Boolean);
}

/** The file under distDir an address path (base removed, decoded) is served from, or undefined. */
function servedFile(distDir: string, sitePath: string): string | undefined {
	const rel = sitePath.replace(/^\/+/, '');
	const file = path.join(distDir, rel);
	if (!path.resolve(file).startsWith(path.resolve(distDir))) return undefined;
	if (sitePath.endsWith('/') || rel === '') {
		return existsSync(path.join(file, 'index.html')) ? path.join(rel, 'index.html') : undefined;
	}
	if (!existsSync(file)) return undefined;
	if (statSync(file).isFile()) return rel;
	// `/reference` for `/reference/`: a static host redirects to the slash.
	return existsSync(path.join(file, 'index.html')) ? path.join(rel, 'index.html') : undefined;
}

export async function checkSite(distDir: string, options: CheckOptions = {}): Promise<CheckResult> {
	const base = options.base ?? '/';
	if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`--base must start and end with "/": ${base}`);
	if (!existsSync(distDir) || !statSync(distDir).isDirectory()) throw new Error(`no built site at ${distDir}`);
	const files = htmlFiles(distDir);
	if (files.length === 0) throw new Error(`no HTML files under ${distDir}: build the site first`);

	const problems: string[] = [];
	const pages: Page[] = files.map((file) => {
		const html = readFileSync(path.join(distDir, file), 'utf8');
		return { file, url: pageUrl(file, base), html, document: parse(html) };
	});
	/** Ids of each page, by its path under distDir. */
	const ids = new Map<string, Set<string>>();
	const links: Link[] = [];
	/** Classic inline scripts in <head>: text → pages. */
	const headScripts = new Map<string, string[]>();

	for (const page of pages) {
		const report = (message: string) => problems.push(`${page.file}: ${message}`);
		const pageIds = new Set<string>();
		const repeated = new Set<string>();
		let h1s = 0;
		let lang: string | undefined;
		for (const el of elements(page.document)) {
			const id = attr(el, 'id');
			if (id !== undefined) {
				if (pageIds.has(id)) repeated.add(id);
				pageIds.add(id);
			}
			// An old-style anchor is a link target too.
			const name = el.tagName === 'a' ? attr(el, 'name') : undefined;
			if (name) pageIds.add(name);
			if (el.tagName === 'html') lang = attr(el, 'lang');
			if (el.tagName === 'h1') h1s++;
			if (el.tagName === 'img' && attr(el, 'alt') === undefined) {
				report(`<img src="${attr(el, 'src') ?? ''}"> has no alt text (alt="" if it is decoration)`);
			}
			for (const { name: attrName } of el.attrs) {
				if (/^on/i.test(attrName)) report(`<${el.tagName} ${attrName}="…">: an inline event handler`);
			}
			for (const [tag, attrName] of addressAttributes) {
				if (tag !== '*' && tag !== el.tagName) continue;
				const value = attr(el, attrName);
				if (value !== undefined) links.push({ page, where: `<${el.tagName} ${attrName}="${value}">`, raw: value });
			}
			const srcset = attr(el, 'srcset');
			if (srcset !== undefined) {
				for (const raw of srcsetAddresses(srcset))
					links.push({ page, where: `<${el.tagName} srcset="…${raw}…">`, raw });
			}
			if (el.tagName === 'script' && attr(el, 'src') === undefined) {
				const type = (attr(el, 'type') ?? '').trim().toLowerCase();
				const code = text(el);
				if (type === 'application/json' || type === 'application/ld+json') {
					try {
						JSON.parse(code);
					} catch (error) {
						report(`<script type="${type}"> is not valid JSON: ${(error as Error).message}`);
					}
				} else if (type === 'module') {
					// What Astro emits for a component's <script> small enough to inline.
				} else if (type === '' || type === 'text/javascript') {
					if (!insideHead(el)) report(`an inline classic <script> outside <head>: ${code.trim().slice(0, 60)}…`);
					else headScripts.set(code, [...(headScripts.get(code) ?? []), page.file]);
				} else {
					report(`an inline <script type="${type}">, which the build does not emit`);
				}
			}
		}
		ids.set(page.file, pageIds);
		if (!lang?.trim()) report('<html> has no lang');
		if (h1s !== 1) report(`${h1s} <h1> elements; a page has exactly one`);
		for (const id of repeated) report(`id "${id}" is used more than once`);
	}

	// The layout's classic script is the same on every page; any other is one the build did not emit.
	if (headScripts.size > 1) {
		const [layout] = [...headScripts].sort((a, b) => b[1].length - a[1].length)[0]!;
		for (const [code, files] of headScripts) {
			if (code === layout) continue;
			for (const file of files) {
				problems.push(
					`${file}: an inline classic <script> in <head> unlike the layout's (on ${headScripts.get(layout)!.length} pages): ${code.trim().slice(0, 60)}…`,
				);
			}
		}
	}

	const origin = 'http://site.invalid';
	let checked = 0;
	for (const { page, where, raw } of links) {
		const report = (message: string) => problems.push(`${page.file}: ${where} ${message}`);
		const value = raw.trim();
		if (/^javascript:/i.test(value)) {
			report('is a javascript: address');
			continue;
		}
		// Another site, or mail, data and the like: not ours to check here.
		if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) continue;
		if (value === '') continue;
		checked++;
		if (value.startsWith('/') && !value.startsWith(base)) {
			report(`does not start with the base path ${base}`);
			continue;
		}
		if (page.file === '404.html' && !value.startsWith('/') && !value.startsWith('#')) {
			report('is relative, but the 404 page is served at any address');
			continue;
		}
		const url = new URL(value, origin + page.url);
		if (!url.pathname.startsWith(base)) {
			report(`leads to ${url.pathname}, outside the base path ${base}`);
			continue;
		}
		let sitePath: string;
		try {
			sitePath = decodeURIComponent(url.pathname.slice(base.length - 1));
		} catch {
			report('is not a valid address');
			continue;
		}
		const target = servedFile(distDir, sitePath);
		if (target === undefined) {
			report(`leads to ${url.pathname}, which is not in the build`);
			continue;
		}
		const fragment = url.hash.slice(1);
		// `#top` and `#` go to the top of any page; a text fragment is not an id.
		if (fragment === '' || fragment === 'top' || fragment.startsWith(':~:')) continue;
		const targetIds = ids.get(target.split(path.sep).join('/'));
		if (targetIds === undefined) continue; // not an HTML page: no ids to check
		let id: string;
		try {
			id = decodeURIComponent(fragment);
		} catch {
			id = fragment;
		}
		if (!targetIds.has(id)) report(`leads to #${id}, which is not an id on ${url.pathname}`);
	}

	// Every address in the sitemap is a built page, under the base.
	for (const file of readdirSync(distDir).filter((f) => /^sitemap.*\.xml$/.test(f))) {
		const xml = readFileSync(path.join(distDir, file), 'utf8');
		for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
			const { pathname } = new URL(loc!);
			if (!pathname.startsWith(base)) problems.push(`${file}: ${loc} is outside the base path ${base}`);
			else if (servedFile(distDir, decodeURIComponent(pathname.slice(base.length - 1))) === undefined) {
				problems.push(`${file}: ${loc} is not in the build`);
			}
		}
	}

	if (options.htmlValidate) {
		const validator = new HtmlValidate(new StaticConfigLoader(options.htmlValidate));
		for (const page of pages) {
			const result = await validator.validateString(page.html, page.file);
			for (const m of result.results.flatMap((r) => r.messages)) {
				problems.push(
					`${page.file}:${m.line}:${m.column}: ${m.message} (html-validate ${m.ruleId}; ${m.selector ?? ''})`,
				);
			}
		}
	}

	return { pages: pages.length, links: checked, problems };
}

/**
 * The repository's html-validate rules: `html-validate:recommended`, less what the build
 * writes on purpose (JSON holds no comments, so the reasons are here):
 * - `no-inline-style` off: Shiki, Astro's highlighter, colours each code block for both
 *   schemes with inline custom properties (`style="color:…;--shiki-dark:…"`);
 * - `long-title` off: a field page's title names the field, its format and the site; its
 *   length is a search-snippet preference, not a markup error;
 * - `valid-id` relaxed: heading slugs Astro makes from a lesson's headings may start with a
 *   digit or a dash ("-1-or-nil…"), which HTML allows;
 * - `form-dup-name` shares `checkbox` names: /teach/'s topic checkboxes submit one value per
 *   ticked box under one name, as checkbox groups do;
 * - `prefer-native-element` excludes `listbox`: /analyze/'s line list holds annotated lines
 *   by the thousand, which a `<select>` can neither show nor page through.
 */
export function htmlValidateConfig(): ConfigData {
	return JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '.htmlvalidate.json'), 'utf8')) as ConfigData;
}

if (import.meta.main) {
	const args = process.argv.slice(2);
	const baseAt = args.indexOf('--base');
	const base = baseAt === -1 ? '/' : args[baseAt + 1];
	const dist = args.find((a, i) => !a.startsWith('--') && (baseAt === -1 || i !== baseAt + 1));
	if (!dist || base === undefined) {
		console.error('usage: node scripts/check-site.ts <distDir> [--base /sub/]');
		process.exit(2);
	}
	const started = performance.now();
	let result: CheckResult;
	try {
		result = await checkSite(path.resolve(dist), { base, htmlValidate: htmlValidateConfig() });
	} catch (error) {
		console.error(`check-site: ${(error as Error).message}`);
		process.exit(2);
	}
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const summary = `${result.pages} pages, ${result.links} internal addresses, base ${base}, in ${seconds} s`;
	if (result.problems.length > 0) {
		console.error(result.problems.join('\n'));
		console.error(`\ncheck-site: ${result.problems.length} problems in ${summary}.`);
		process.exit(1);
	}
	console.log(`check-site: no problems in ${summary}.`);
}
