/**
 * After `astro build` and Pagefind: generates dist/sw.js with Workbox, so that after one visit every
 * page of the site (lessons, reference, /explain/, /analyze/ with its example captures, /practice/,
 * search) works with the network off. Every page and file it needs is precached with a revision,
 * so a new release replaces the cache whole; the old worker serves the old release until the
 * reader accepts the new one (see src/components/widgets/offline/).
 *
 * Every URL here is relative to dist/: Workbox resolves them against the worker's own address, so
 * the worker serves a build made for any base path (`/` or `/sub/`) unchanged.
 */
import path from 'node:path';
import { generateSW } from 'workbox-build';

// The build folder: dist/, or the one given (`npm run build:base` builds into dist-base/).
const dist = path.resolve(import.meta.dirname, '..', process.argv[2] ?? 'dist');

const { count, size, warnings } = await generateSW({
	globDirectory: dist,
	swDest: path.join(dist, 'sw.js'),
	globPatterns: [
		'**/*.{html,css,js,json,txt,svg,png,webmanifest}',
		// Search works offline too: Pagefind's loader, its WebAssembly and the index itself.
		'pagefind/pagefind-entry.json',
		'pagefind/wasm.en.pagefind',
		'pagefind/**/*.{pf_meta,pf_index,pf_fragment}',
	],
	globIgnores: [
		'sw.js',
		// Pagefind's own UIs and highlighter: the site's search page uses none of them.
		'pagefind/pagefind-*ui.*',
		'pagefind/pagefind-highlight.js',
		// The GC lab's runtime (about 0.8 MB gzipped) is fetched only when a reader starts a run: cached
		// then, below, not with every visit.
		'lab/wasm_exec.js',
	],
	// Files under _astro/ carry a content hash in their names: no revision needed.
	dontCacheBustURLsMatching: /^_astro\//,
	// Pages read their state from the query (`/explain/?line=…`, `/practice/?seed=…`); the file is the same.
	ignoreURLParametersMatching: [/./],
	maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
	runtimeCaching: [
		{
			// The lab's WebAssembly and its loader, kept from the first run for the next one offline; the
			// network first, so that online the two always come from the same release.
			urlPattern: ({ url }) => /\/lab\/(gclab\.wasm|wasm_exec\.js)$/.test(url.pathname),
			handler: 'NetworkFirst',
			options: { cacheName: 'gc-lab' },
		},
		{
			// A page this release does not have (a newer release's) comes from the network; offline,
			// this release's not-found page answers rather than the browser's error page.
			urlPattern: ({ request }) => request.mode === 'navigate',
			handler: 'NetworkOnly',
			options: { precacheFallback: { fallbackURL: '404.html' } },
		},
	],
	navigateFallback: null,
	cleanupOutdatedCaches: true,
	// The first visit is controlled at once, so its later fetches (the analyzer's worker and
	// captures, Pagefind) are cached; a release waits for the reader (no skipWaiting).
	clientsClaim: true,
	skipWaiting: false,
	inlineWorkboxRuntime: true,
	sourcemap: false,
	mode: 'production',
});

for (const warning of warnings) console.warn(`service worker: ${warning}`);
console.log(
	`service worker: ${path.basename(dist)}/sw.js precaches ${count} files, ${(size / 1024 / 1024).toFixed(1)} MiB`,
);
