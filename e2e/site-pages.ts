/** The built site's pages, read from its sitemap, as paths (`/`, `/reference/`). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(import.meta.dirname, '..', 'dist');

export function sitemapPaths(): string[] {
	const files = readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f));
	const paths = new Set<string>();
	for (const file of files) {
		const xml = readFileSync(path.join(dist, file), 'utf8');
		for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.add(new URL(loc).pathname);
	}
	if (paths.size === 0) throw new Error(`no pages in the sitemap under ${dist}: run npm run build first`);
	return [...paths].sort();
}
