/**
 * After `astro build`: narrows each page's content security policy for style attributes from
 * `'unsafe-inline'` (what astro.config.mjs asks Astro for) to the hashes of the attributes that
 * page really carries, Shiki's colours (`style="color:#…;--shiki-dark:#…"`): `'unsafe-hashes'`
 * plus one hash per distinct value, or `'none'` on a page without any. Astro hashes `<script>` and
 * `<style>` elements but not attributes. A style attribute added to a page at run time is refused.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

// The build folder: dist/, or the one given (`npm run build:base` builds into dist-base/).
const dist = path.resolve(import.meta.dirname, '..', process.argv[2] ?? 'dist');
const ASKED = "style-src-attr 'unsafe-inline'";

/** The distinct values of the page's `style` attributes, as the browser decodes them. */
function styleAttributes(html: string): Set<string> {
	const values = new Set<string>();
	const visit = (node: DefaultTreeAdapterTypes.ParentNode): void => {
		for (const child of node.childNodes) {
			if ('attrs' in child) for (const attr of child.attrs) if (attr.name === 'style') values.add(attr.value);
			if ('childNodes' in child) visit(child);
			if ('content' in child) visit(child.content);
		}
	};
	visit(parse(html));
	return values;
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => path.join(entry.parentPath, entry.name));
}

let pages = 0;
for (const file of htmlFiles(dist)) {
	const html = readFileSync(file, 'utf8');
	const at = html.indexOf(ASKED);
	if (at < 0 || html.indexOf(ASKED, at + 1) >= 0) {
		throw new Error(`${path.relative(dist, file)}: expected one policy with "${ASKED}" (see astro.config.mjs)`);
	}
	const hashes = [...styleAttributes(html)]
		.map((value) => `'sha256-${createHash('sha256').update(value).digest('base64')}'`)
		.sort();
	const narrowed = hashes.length === 0 ? "style-src-attr 'none'" : `style-src-attr 'unsafe-hashes' ${hashes.join(' ')}`;
	writeFileSync(file, html.slice(0, at) + narrowed + html.slice(at + ASKED.length));
	pages++;
}
console.log(`content security policy: style attributes allowed by hash on ${pages} pages`);
