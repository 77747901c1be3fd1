// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { traceLanguages, traceTransformer } from './src/highlight/trace-highlight.ts';

// The public address; link previews and the sitemap need absolute URLs.
const site = process.env.SITE_URL ?? 'https://godebug-explained.dev';

export default defineConfig({
	site,
	trailingSlash: 'always',
	integrations: [mdx(), sitemap()],
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
});
