// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { traceLanguages, traceTransformer } from './src/highlight/trace-highlight.ts';
import { baseLinks } from './src/site/base-links.ts';

// The public address; link previews and the sitemap need absolute URLs.
const site = process.env.SITE_URL ?? 'https://godebug-explained.dev';
// The path the site is served under: `/` on a domain's root, `/<repo>/` for a GitHub Pages project site.
const base = process.env.BASE_PATH || '/';

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	integrations: [mdx(), sitemap(), baseLinks()],
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
});
