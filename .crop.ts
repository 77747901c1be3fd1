import { chromium } from '@playwright/test';
import { chromiumLaunch } from './scripts/chromium.ts';
// Crops a tall screenshot into pieces by loading it in the browser.
const [file, out, top, height] = process.argv.slice(2);
const browser = await chromium.launch(chromiumLaunch);
const page = await browser.newPage({ viewport: { width: 1280, height: Number(height) } });
await page.goto(`file://${file}`);
const size = await page.evaluate(() => { const i = document.querySelector('img')!; return [i.naturalWidth, i.naturalHeight]; });
await page.setViewportSize({ width: size[0]!, height: Number(height) });
await page.evaluate((y) => window.scrollTo(0, y), Number(top));
await page.screenshot({ path: out! });
console.log(size);
await browser.close();
