// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

// The public address; link previews and the sitemap need absolute URLs.
const site = process.env.SITE_URL ?? 'https://godebug-explained.dev';

export default defineConfig({
	site,
	trailingSlash: 'always',
	integrations: [mdx(), sitemap()],
	// Pages must be complete without JavaScript, so nothing is prefetched or hydrated by default.
	prefetch: false,
	devToolbar: { enabled: false },
	server: { host: '127.0.0.1' },
});
