/**
 * Link previews, read from the built files (no browser needed): every page names its own card
 * image with an absolute URL under the site's address and base path, the image is in dist/, and
 * the Open Graph and Twitter card tags are all there.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const dist = path.resolve(import.meta.dirname, '..', 'dist');

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return e.name === 'og' || e.name === 'pagefind' ? [] : htmlFiles(full);
		return e.name.endsWith('.html') ? [full] : [];
	});
}

function meta(html: string, attr: 'property' | 'name', key: string): string | undefined {
	const tag = new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`).exec(html);
	return tag?.[1].replaceAll('&amp;', '&');
}

/** The home page's canonical URL is the site's address with its base path: every image lives under it. */
const siteRoot = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(path.join(dist, 'index.html'), 'utf8'))![1];

test('every page has an absolute og:image that exists in dist/, and the card tags', () => {
	const pages = htmlFiles(dist);
	expect(pages.length).toBeGreaterThan(150);
	const images = new Map<string, string>();
	for (const file of pages) {
		const page = path.relative(dist, file);
		const html = readFileSync(file, 'utf8');
		const image = meta(html, 'property', 'og:image');
		expect(image, `${page}: og:image`).toBeDefined();
		expect(image!.startsWith(siteRoot), `${page}: ${image} is not under ${siteRoot}`).toBe(true);
		const imageFile = path.join(dist, decodeURIComponent(image!.slice(siteRoot.length)));
		const bytes = readFileSync(imageFile);
		// A JPEG (it starts FF D8 FF) with a picture in it, not an empty file.
		expect(bytes.subarray(0, 3).toString('hex'), `${page}: ${imageFile} is a JPEG`).toBe('ffd8ff');
		expect(bytes.length, `${page}: ${imageFile} has a picture in it`).toBeGreaterThan(5_000);
		expect(images.get(image!), `${page} shares its card with ${images.get(image!)}`).toBeUndefined();
		images.set(image!, page);
		for (const key of ['og:title', 'og:description', 'og:url', 'og:type', 'og:image:alt']) {
			expect(meta(html, 'property', key), `${page}: ${key}`).toBeTruthy();
		}
		expect(meta(html, 'property', 'og:url')!.startsWith(siteRoot), `${page}: og:url is absolute`).toBe(true);
		expect(meta(html, 'name', 'twitter:card'), `${page}: twitter:card`).toBe('summary_large_image');
		expect(meta(html, 'name', 'twitter:image'), `${page}: twitter:image`).toBe(image);
		for (const key of ['twitter:title', 'twitter:description', 'twitter:image:alt']) {
			expect(meta(html, 'name', key), `${page}: ${key}`).toBeTruthy();
		}
	}
});

test('a field page, a lesson and another page each point at their own kind of card', () => {
	const image = (page: string) => meta(readFileSync(path.join(dist, page), 'utf8'), 'property', 'og:image');
	expect(image('reference/gctrace/heap-live/index.html')).toBe(`${siteRoot}og/reference/gctrace/heap-live.jpg`);
	expect(image('lessons/reading-gctrace/index.html')).toBe(`${siteRoot}og/lessons/reading-gctrace.jpg`);
	expect(image('explain/index.html')).toBe(`${siteRoot}og/explain.jpg`);
	expect(image('index.html')).toBe(`${siteRoot}og/index.jpg`);
});
