/**
 * `npm run size` (after `npm run build`): what each kind of page downloads, gzipped.
 *
 * For every lesson, the home page, a field page, /explain/ and /analyze/ it follows the page's
 * scripts (inline and external, classic and module) through every chunk they import, and the
 * preloads the page names. JavaScript "at load" is everything a visit downloads before the reader
 * does anything: the scripts and all they import statically, chunks included. "On use" is what
 * they load later (dynamic imports, workers) when the reader starts using a widget: /explain/'s
 * explorer, the analyzer, a lesson's GC lab behind its Run button. The page weight is what a
 * first visit downloads: HTML, stylesheets, the fonts they name, images and icons, the web app
 * manifest with the icon Chromium fetches from it, and the JavaScript at load.
 *
 * Budgets (flagged with "over"): a lesson's JavaScript at load at most 15 KB; any page's weight at
 * most 40 KB. Code a reader's action downloads is listed, not budgeted (the GC lab's is small
 * beside the Go runtime it then fetches). Then the chunks of a lesson, /explain/, /analyze/ and
 * the home page are listed, and what the service worker fetches for offline use once a page has
 * loaded. `DIST` overrides dist/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.resolve(root, process.env.DIST ?? 'dist');
const KB = 1024;
const lessonJsBudget = 15 * KB;
const pageBudget = 40 * KB;

const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** The built lesson pages, as paths under dist/. */
function lessonPages(): string[] {
	const dir = path.join(dist, 'lessons');
	return readdirSync(dir, { withFileTypes: true })
		.filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'index.html')))
		.map((e) => `lessons/${e.name}/index.html`)
		.sort();
}

/** A field page: the first `reference/<trace>/<field>/index.html`. */
function fieldPage(): string {
	const dir = path.join(dist, 'reference');
	for (const trace of readdirSync(dir).sort()) {
		if (!existsSync(path.join(dir, trace)) || !trace.match(/^[a-z]+$/)) continue;
		const fields = readdirSync(path.join(dir, trace), { withFileTypes: true })
			.filter((e) => e.isDirectory() && existsSync(path.join(dir, trace, e.name, 'index.html')))
			.map((e) => e.name)
			.sort();
		if (fields.length > 0) return `reference/${trace}/${fields[0]}/index.html`;
	}
	throw new Error('no field page under dist/reference/');
}

interface Reference {
	file: string;
	/** Fetched when the importing code runs (a static import), not later. */
	atLoad: boolean;
}

/** The files a chunk imports or starts as a worker, as paths under dist/. */
function referencesOf(code: string, from: string): Reference[] {
	const found = new Map<string, boolean>();
	const patterns: [RegExp, boolean][] = [
		[/\bimport\s*(?:[^'"`()]*?\bfrom\s*)?["'`]([^"'`]+\.js)["'`]/g, true],
		[/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g, false],
		[/new URL\(\s*["'`]([^"'`]+\.js)["'`]/g, false],
		// Chunk lists for preloading dynamic imports (Vite's `__vite__mapDeps`).
		[/["'`](\/?_astro\/[^"'`]+\.js)["'`]/g, false],
	];
	for (const [pattern, atLoad] of patterns) {
		for (const match of code.matchAll(pattern)) {
			const spec = match[1];
			const file = /^\/?_astro\//.test(spec)
				? path.join(dist, spec)
				: spec.startsWith('/')
					? path.join(dist, spec)
					: path.resolve(path.dirname(from), spec);
			if (existsSync(file)) found.set(file, (found.get(file) ?? false) || atLoad);
		}
	}
	return [...found].map(([file, atLoad]) => ({ file, atLoad }));
}

interface Chunk {
	name: string;
	gzip: number;
	atLoad: boolean;
}

interface Report {
	page: string;
	html: number;
	css: number;
	fonts: number;
	/** Images and icons (`<img>` not loaded lazily, `<link rel="icon">`), the app manifest and its icon. */
	images: number;
	jsAtLoad: number;
	jsOnUse: number;
	chunks: Chunk[];
}

function pageReport(page: string): Report {
	const pageFile = path.join(dist, page);
	const html = readFileSync(pageFile, 'utf8');
	const chunks = new Map<string, Chunk>();
	/** Visits a chunk; a chunk reached at load is at load even if also imported dynamically. */
	const visit = (file: string, atLoad: boolean) => {
		const known = chunks.get(file);
		if (known && (known.atLoad || !atLoad)) return;
		const code = readFileSync(file, 'utf8');
		chunks.set(file, { name: path.relative(dist, file), gzip: known?.gzip ?? gzip(code), atLoad });
		for (const ref of referencesOf(code, file)) visit(ref.file, atLoad && ref.atLoad);
	};
	let inline = 0;
	for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const attrs = match[1];
		const type = /\btype="([^"]*)"/.exec(attrs)?.[1];
		// Classic scripts and modules run; JSON and other data blocks do not.
		if (type !== undefined && type !== 'module' && !/javascript/.test(type)) continue;
		const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
		if (src) visit(path.join(dist, src), true);
		else {
			inline += 1;
			chunks.set(`inline ${inline}`, {
				name: type === 'module' ? '(inline module)' : '(inline script)',
				gzip: gzip(match[2]),
				atLoad: true,
			});
			for (const ref of referencesOf(match[2], pageFile)) visit(ref.file, ref.atLoad);
		}
	}
	for (const match of html.matchAll(/<link\b[^>]*rel="(?:modulepreload|preload)"[^>]*>/g)) {
		const href = /\bhref="([^"]+)"/.exec(match[0])?.[1];
		if (href?.endsWith('.js') && href.startsWith('/')) visit(path.join(dist, href), true);
	}
	let css = 0;
	let fonts = 0;
	for (const match of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)) {
		const href = /\bhref="([^"]+)"/.exec(match[0])?.[1];
		if (!href || !href.startsWith('/')) continue;
		const sheet = readFileSync(path.join(dist, href), 'utf8');
		css += gzip(sheet);
		for (const font of sheet.matchAll(/url\(\s*["']?(\/[^"')]+\.(?:woff2?|ttf|otf))["']?\s*\)/g)) {
			const fontFile = path.join(dist, font[1]);
			if (existsSync(fontFile)) fonts += readFileSync(fontFile).length; // already compressed
		}
	}
	let images = 0;
	const imageRefs = [
		...[...html.matchAll(/<img\b[^>]*>/g)]
			.filter((m) => !/\bloading="lazy"/.test(m[0]))
			.map((m) => /\bsrc="([^"]+)"/.exec(m[0])?.[1]),
		...[...html.matchAll(/<link\b[^>]*rel="(?:icon|shortcut icon)"[^>]*>/g)].map(
			(m) => /\bhref="([^"]+)"/.exec(m[0])?.[1],
		),
	];
	// Chromium fetches the web app manifest as the page loads, and one of its icons to decide whether
	// the site can be installed (Lighthouse's network log shows the smallest "any" icon).
	const manifestHref = /<link\b[^>]*rel="manifest"[^>]*>/.exec(html)?.[0].match(/\bhref="([^"]+)"/)?.[1];
	if (manifestHref?.startsWith('/') && existsSync(path.join(dist, manifestHref))) {
		const manifestFile = path.join(dist, manifestHref);
		const manifest = readFileSync(manifestFile, 'utf8');
		images += gzip(manifest);
		const icons = (
			(JSON.parse(manifest) as { icons?: { src: string; sizes?: string; purpose?: string }[] }).icons ?? []
		)
			.filter((icon) => (icon.purpose ?? 'any').split(/\s+/).includes('any'))
			.sort((a, b) => parseInt(a.sizes ?? '0', 10) - parseInt(b.sizes ?? '0', 10));
		if (icons[0]) {
			const iconFile = path.resolve(path.dirname(manifestFile), icons[0].src);
			if (existsSync(iconFile)) images += readFileSync(iconFile).length;
		}
	}
	for (const src of new Set(imageRefs)) {
		if (!src?.startsWith('/')) continue;
		const file = path.join(dist, src.split(/[?#]/)[0]);
		if (!existsSync(file)) continue;
		const bytes = readFileSync(file);
		// SVG is text, served compressed; raster formats are compressed already.
		images += file.endsWith('.svg') ? gzip(bytes) : bytes.length;
	}
	const all = [...chunks.values()];
	const sum = (list: Chunk[]) => list.reduce((n, c) => n + c.gzip, 0);
	return {
		page,
		html: gzip(html),
		css,
		fonts,
		images,
		jsAtLoad: sum(all.filter((c) => c.atLoad)),
		jsOnUse: sum(all.filter((c) => !c.atLoad)),
		chunks: all,
	};
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const weight = (r: Report) => r.html + r.css + r.fonts + r.images + r.jsAtLoad;

if (!existsSync(path.join(dist, 'index.html'))) {
	console.error(`size: no ${path.relative(root, dist)}/index.html; run npm run build first`);
	process.exit(2);
}

const lessons = lessonPages().map((page) => ({ label: 'lesson', report: pageReport(page) }));
const others = [
	{ label: 'home', report: pageReport('index.html') },
	{ label: 'field', report: pageReport(fieldPage()) },
	{ label: '/explain/', report: pageReport('explain/index.html') },
	{ label: '/analyze/', report: pageReport('analyze/index.html') },
];
const rows = [...others.slice(0, 1), ...lessons, ...others.slice(1)];

const columns = ['JS at load', 'JS on use', 'HTML', 'CSS+other', 'page'];
console.log(
	`gzip sizes; budgets: a lesson's JS at load ${kb(lessonJsBudget)}, a page ${kb(pageBudget)}` +
		` (CSS+other: stylesheets, fonts, images, icons, app manifest)\n`,
);
console.log(`${''.padEnd(10)}${columns.map((c) => c.padStart(11)).join('')}`);
let over = 0;
for (const { label, report: r } of rows) {
	const flags: string[] = [];
	if (label === 'lesson' && r.jsAtLoad > lessonJsBudget) flags.push('over: lesson JS');
	if (weight(r) > pageBudget) flags.push('over: page weight');
	over += flags.length;
	const cells = [r.jsAtLoad, r.jsOnUse, r.html, r.css + r.fonts + r.images, weight(r)].map((n) => kb(n).padStart(11));
	console.log(`${label.padEnd(10)}${cells.join('')}  ${r.page}${flags.length ? `  ← ${flags.join(', ')}` : ''}`);
}
console.log(over === 0 ? '\nevery page within budget' : `\n${over} over budget`);

// The chunks of one page of each kind; a lesson with a quiz stands for the lessons.
const lessonWithQuiz =
	lessons.find((l) => readFileSync(path.join(dist, l.report.page), 'utf8').includes('<trace-quiz')) ?? lessons[0];
for (const { label, report } of [lessonWithQuiz, others[2], others[3], others[0]]) {
	console.log(`\n${label} (${report.page}):`);
	for (const c of report.chunks.sort((a, b) => Number(b.atLoad) - Number(a.atLoad) || b.gzip - a.gzip))
		console.log(`  ${kb(c.gzip).padStart(9)}  ${c.atLoad ? 'at load' : 'on use '}  ${c.name}`);
}
// `<godebug-line>` on other people's pages: one standalone module, nothing else to fetch.
const embedGzip = gzipSync(readFileSync(path.join(dist, 'embed.js')), { level: 9 }).length;
console.log(`${'embed.js'.padEnd(10)} ${kb(embedGzip).padStart(9)} gzip  (embed.js)`);

// Not part of any page's weight: once a page has loaded, its service worker fetches the whole site
// for offline reading (scripts/service-worker.ts), in the background.
const workerFile = path.join(dist, 'sw.js');
if (existsSync(workerFile)) {
	const worker = readFileSync(workerFile, 'utf8');
	const urls = [...new Set([...worker.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1]))];
	let precached = 0;
	for (const url of urls) {
		const file = path.join(dist, url);
		if (!existsSync(file)) continue;
		const bytes = readFileSync(file);
		precached += /\.(?:html|css|js|json|txt|svg|webmanifest)$/.test(file) ? gzip(bytes) : bytes.length;
	}
	console.log(
		`${'sw.js'.padEnd(10)} ${kb(gzip(worker)).padStart(9)} gzip; after a page has loaded it precaches ` +
			`${urls.length} files, ${(precached / KB / KB).toFixed(1)} MB gzip, for offline reading (no page's weight)`,
	);
}
