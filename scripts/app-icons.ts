/**
 * Draws the installed app's icons (public/icons/*.png, named in public/manifest.webmanifest) from
 * public/favicon.svg with Chromium: `npm run icons`. Run it when the favicon changes and commit the
 * PNGs; the build does not redraw them. The maskable icon fills its square and keeps the mark
 * inside the central 80 % that every launcher shape shows.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromiumLaunch } from './chromium.ts';

const publicDir = path.resolve(import.meta.dirname, '..', 'public');
const outDir = path.join(publicDir, 'icons');
const favicon = readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8');
const background = /<rect[^>]*fill="([^"]+)"/.exec(favicon)?.[1];
if (!background) throw new Error('public/favicon.svg: no filled <rect> to take the background colour from');

/** The favicon's mark at 80 % on a full-bleed square of its own colour. */
function maskable(svg: string): string {
	const inner = svg.replace(/^<svg[^>]*>|<\/svg>\s*$/g, '');
	return (
		'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
		`<rect width="32" height="32" fill="${background}"/>` +
		`<g transform="translate(3.2 3.2) scale(0.8)">${inner}</g></svg>`
	);
}

const icons = [
	{ file: 'icon-192.png', size: 192, svg: favicon },
	{ file: 'icon-512.png', size: 512, svg: favicon },
	{ file: 'icon-maskable-512.png', size: 512, svg: maskable(favicon) },
];

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch(chromiumLaunch);
try {
	for (const icon of icons) {
		const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
		const sized = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
		await page.setContent(`<body style="margin:0">${sized}</body>`);
		await page.locator('svg').screenshot({ path: path.join(outDir, icon.file), omitBackground: true });
		await page.close();
		console.log(`public/icons/${icon.file}`);
	}
} finally {
	await browser.close();
}
