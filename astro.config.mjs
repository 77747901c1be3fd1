// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { traceLanguages, traceTransformer } from './src/highlight/trace-highlight.ts';
import { movedLessons, publishedSite } from './src/present/urls.ts';
import { baseLinks } from './src/site/base-links.ts';

// The public address; link previews and the sitemap need absolute URLs.
const site = process.env.SITE_URL ?? publishedSite;
// The path the site is served under: `/` on a domain's root, `/<repo>/` for a GitHub Pages project site.
const base = process.env.BASE_PATH || '/';

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	integrations: [
		mdx(),
		// A moved lesson's old address only sends readers on; search engines get the new one.
		sitemap({ filter: (page) => !Object.keys(movedLessons).some((slug) => page.endsWith(`/lessons/${slug}/`)) }),
		baseLinks(),
	],
	markdown: {
		shikiConfig: {
			// Both schemes; global.css switches to the dark colours with the system setting.
			themes: { light: 'github-light-default', dark: 'github-dark-default' },
			langs: traceLanguages,
			transformers: [traceTransformer],
		},
	},
	// Pages must be complete without JavaScript, so nothing is prefetched or hydrated by default.
	prefetch: false,
	devToolbar: { enabled: false },
	server: { host: '127.0.0.1' },
	vite: {
		build: {
			rolldownOptions: {
				// Astro marks each MDX entry's propagated-assets module with a "use astro:head-inject" directive
				// that nothing reads any more, and Rolldown warns, once per lesson, that bundling may drop it.
				// Dropping it is harmless; until Astro stops emitting it
				// (https://github.com/withastro/astro/issues/18087) this one warning is left out, all others shown.
				onLog(level, log, handler) {
					const headInject = log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"');
					if (!headInject) handler(level, log);
				},
			},
		},
	},
	// Stylesheets as files, never inlined: Astro does not hash the styles of components inside MDX
	// lessons, so inlined they would be blocked; as files, 'self' allows them all.
	build: { inlineStylesheets: 'never' },
	// Content security policy, written by Astro into every page as a <meta>: scripts only by the
	// hashes Astro computes for the scripts it emits (its bundled files come from 'self').
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"connect-src 'self'",
				"img-src 'self' data:",
				"worker-src 'self'",
				"manifest-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			styleDirective: {
				resources: [
					{ resource: "'self'", kind: 'element' },
					// Shiki colours code with style attributes; after the build, scripts/csp-style-attributes.ts
					// narrows this to the hashes of the ones each page carries.
					{ resource: "'unsafe-inline'", kind: 'attribute' },
				],
			},
		},
	},
});
