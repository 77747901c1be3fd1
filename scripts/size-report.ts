/**
 * `npm run size` (after `npm run build`): the JavaScript each kind of page downloads, gzipped.
 * For a lesson page, /explain/, /analyze/ and the home page, it follows the page's module
 * scripts (inline and external) and every chunk they import, statically or dynamically, plus
 * workers they start, and prints the total gzip size and the chunks. `DIST` overrides dist/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.resolve(root, process.env.DIST ?? 'dist');

/** A lesson with a quiz, when one exists: the page the budget is about. */
function lessonPage(): string {
	const dir = path.join(dist, 'lessons');
	const slugs = readdirSync(dir, { withFileTypes: true })
		.filter((e) => e.isDirectory())
		.map((e) => e.name);
	const withQuiz = slugs.find((slug) =>
		readFileSync(path.join(dir, slug, 'index.html'), 'utf8').includes('<trace-quiz'),
	);
	return `lessons/${withQuiz ?? slugs[0]}/index.html`;
}

/** The files a chunk imports or starts as a worker, as paths under dist/. */
function referencesOf(code: string, from: string): string[] {
	const found = new Set<string>();
	const patterns = [
		/\bimport\s*(?:[^'"`()]*?\bfrom\s*)?["'`]([^"'`]+\.js)["'`]/g,
		/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g,
		/new URL\(\s*["'`]([^"'`]+\.js)["'`]/g,
		/["'`](\/_astro\/[^"'`]+\.js)["'`]/g,
	];
	for (const pattern of patterns) {
		for (const match of code.matchAll(pattern)) {
			const spec = match[1];
			const file = spec.startsWith('/') ? path.join(dist, spec) : path.resolve(path.dirname(from), spec);
			if (existsSync(file)) found.add(file);
		}
	}
	return [...found];
}

interface Report {
	total: number;
	chunks: { name: string; gzip: number }[];
}

function pageReport(page: string): Report {
	const html = readFileSync(path.join(dist, page), 'utf8');
	const seen = new Map<string, number>();
	const chunks: { name: string; gzip: number }[] = [];
	let total = 0;
	const visit = (file: string) => {
		if (seen.has(file)) return;
		const code = readFileSync(file, 'utf8');
		const gzip = gzipSync(code, { level: 9 }).length;
		seen.set(file, gzip);
		total += gzip;
		chunks.push({ name: path.relative(dist, file), gzip });
		for (const ref of referencesOf(code, file)) visit(ref);
	};
	const pageFile = path.join(dist, page);
	for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const attrs = match[1];
		if (!/type="module"/.test(attrs)) continue;
		const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
		if (src) visit(path.join(dist, src));
		else {
			const gzip = gzipSync(match[2], { level: 9 }).length;
			total += gzip;
			chunks.push({ name: '(inline module)', gzip });
			for (const ref of referencesOf(match[2], pageFile)) visit(ref);
		}
	}
	return { total, chunks };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (!existsSync(path.join(dist, 'index.html'))) {
	console.error(`size: no ${path.relative(root, dist)}/index.html; run npm run build first`);
	process.exit(2);
}
const pages: [string, string][] = [
	['lesson', lessonPage()],
	['/explain/', 'explain/index.html'],
	['/analyze/', 'analyze/index.html'],
	['home', 'index.html'],
];
for (const [label, page] of pages) {
	const { total, chunks } = pageReport(page);
	console.log(`${label.padEnd(10)} ${kb(total).padStart(9)} gzip  (${page})`);
	for (const c of chunks.sort((a, b) => b.gzip - a.gzip))
		console.log(`             ${kb(c.gzip).padStart(9)}  ${c.name}`);
}
// `<godebug-line>` on other people's pages: one standalone module, nothing else to fetch.
const embedGzip = gzipSync(readFileSync(path.join(dist, 'embed.js')), { level: 9 }).length;
console.log(`${'embed.js'.padEnd(10)} ${kb(embedGzip).padStart(9)} gzip  (embed.js)`);
