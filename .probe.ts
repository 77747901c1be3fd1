import { chromium } from '@playwright/test';
import { chromiumLaunch } from './scripts/chromium.ts';
const browser = await chromium.launch(chromiumLaunch);
const page = await browser.newPage({ colorScheme: 'dark' });
await page.goto('http://127.0.0.1:4502/analyze/').catch(() => {});
console.log(await page.evaluate(() => {
	const c = document.createElement('canvas').getContext('2d')!;
	c.fillStyle = '#123456';
	c.fillStyle = 'light-dark(#1b1f24, #e6e9ef)';
	return [c.fillStyle, getComputedStyle(document.documentElement).getPropertyValue('--text')];
}));
await browser.close();
