/**
 * `npm run size` (after `npm run build`): what each kind of page downloads, gzipped.
 *
 * For every lesson, the home page, a field page, /explain/ and /analyze/ it follows the page's
 * module scripts (inline and external) through every chunk they import. JavaScript "at load" is
 * what the page's scripts import statically; "on use" is what they load later (dynamic imports,
 * workers), which a page like /explain/ fetches only when the reader starts using it. The page
 * weight is what a first visit downloads: HTML, stylesheets, fonts and the JavaScript at load.
 *
 * Budgets (flagged with "over"): a lesson's JavaScript, at load and on use together, at most
 * 15 KB; any page's weight at most 40 KB. Then the chunks of a lesson, /explain/, /analyze/ and
 * the home page are listed. `DIST` overrides dist/.
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
		if (!/type="module"/.test(attrs)) continue;
		const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
		if (src) visit(path.join(dist, src), true);
		else {
			inline += 1;
			chunks.set(`inline ${inline}`, { name: '(inline module)', gzip: gzip(match[2]), atLoad: true });
			for (const ref of referencesOf(match[2], pageFile)) visit(ref.file, ref.atLoad);
		}
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
	const all = [...chunks.values()];
	const sum = (list: Chunk[]) => list.reduce((n, c) => n + c.gzip, 0);
	return {
		page,
		html: gzip(html),
		css,
		fonts,
		jsAtLoad: sum(all.filter((c) => c.atLoad)),
		jsOnUse: sum(all.filter((c) => !c.atLoad)),
		chunks: all,
	};
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const weight = (r: Report) => r.html + r.css + r.fonts + r.jsAtLoad;

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

const columns = ['JS at load', 'JS on use', 'HTML', 'CSS+fonts', 'page'];
console.log(`gzip sizes; budgets: a lesson's JS ${kb(lessonJsBudget)}, a page ${kb(pageBudget)}\n`);
console.log(`${''.padEnd(10)}${columns.map((c) => c.padStart(11)).join('')}`);
let over = 0;
for (const { label, report: r } of rows) {
	const flags: string[] = [];
	if (label === 'lesson' && r.jsAtLoad + r.jsOnUse > lessonJsBudget) flags.push('over: lesson JS');
	if (weight(r) > pageBudget) flags.push('over: page weight');
	over += flags.length;
	const cells = [r.jsAtLoad, r.jsOnUse, r.html, r.css + r.fonts, weight(r)].map((n) => kb(n).padStart(11));
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
