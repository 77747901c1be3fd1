/**
 * Takes screenshots of built pages in Chromium for a person to look at:
 * `node scripts/screenshot.ts OUT_DIR PATH...` writes 1280 px and 360 px shots, in light and
 * dark schemes, and one with JavaScript off, for each path. Needs `npm run preview` running
 * (PREVIEW_URL, default http://127.0.0.1:4321).
 */
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromiumLaunch } from './chromium.ts';

const [outDir, ...paths] = process.argv.slice(2);
if (!outDir || paths.length === 0) {
	console.error('usage: node scripts/screenshot.ts OUT_DIR PATH...');
	process.exit(2);
}
const base = process.env.PREVIEW_URL ?? 'http://127.0.0.1:4321';
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch(chromiumLaunch);
const variants = [
	{ name: '1280-light', width: 1280, scheme: 'light', js: true },
	{ name: '1280-dark', width: 1280, scheme: 'dark', js: true },
	{ name: '360-light', width: 360, scheme: 'light', js: true },
	{ name: '360-dark', width: 360, scheme: 'dark', js: true },
	{ name: '1280-nojs', width: 1280, scheme: 'light', js: false },
] as const;
for (const p of paths) {
	for (const v of variants) {
		const context = await browser.newContext({
			viewport: { width: v.width, height: 900 },
			colorScheme: v.scheme,
			javaScriptEnabled: v.js,
		});
		const page = await context.newPage();
		await page.goto(new URL(p, base).href);
		const slug = p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
		const file = path.join(outDir, `${slug}-${v.name}.png`);
		await page.screenshot({ path: file, fullPage: true });
		console.log(file);
		await context.close();
	}
}
await browser.close();
