import { chromium } from '@playwright/test';
const [url, out, width = '1280', scheme = 'light', js = '1', ...offsets] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 800 }, colorScheme: scheme, javaScriptEnabled: js === '1' });
const page = await ctx.newPage();
await page.goto(url);
console.log('height', await page.evaluate(() => document.documentElement.scrollHeight));
for (const y of offsets.length ? offsets : ['0']) {
  await page.evaluate((y) => window.scrollTo(0, Number(y)), y);
  await page.screenshot({ path: `${out}-${y}.png` });
}
await browser.close();
