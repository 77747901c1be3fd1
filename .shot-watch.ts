import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { chromiumLaunch } from './scripts/chromium.ts';

const out = process.argv[2]!;
const child = spawn(process.execPath, ['src/cli/explain.ts', '--watch', '--port', '4502', '--godebug', 'gctrace=1,schedtrace=250', '--', '/tmp/watch-bin/gcdemo', '-d', '30s', '-ring'], { stdio: ['ignore', 'ignore', 'pipe'] });
const address = await new Promise<string>((resolve) => {
	let err = '';
	child.stderr!.on('data', (c: Buffer) => {
		err += c.toString();
		const m = /analyzer is at (\S+)/.exec(err);
		if (m) resolve(m[1]!);
	});
});
const browser = await chromium.launch(chromiumLaunch);
for (const [width, scheme] of [[1280, 'light'], [1280, 'dark'], [360, 'light'], [360, 'dark']] as const) {
	const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
	const page = await context.newPage();
	await page.goto(address);
	await page.locator('[data-chart="heap"] canvas').waitFor();
	await page.waitForTimeout(2500);
	await page.screenshot({ path: `${out}/watch-${width}-${scheme}-top.png` });
	await page.locator('[data-chart="heap"]').screenshot({ path: `${out}/watch-${width}-${scheme}-heap.png` });
	await page.locator('[data-chart="runqueues"]').screenshot({ path: `${out}/watch-${width}-${scheme}-runq.png` });
	await page.locator('[data-part="findings"]').screenshot({ path: `${out}/watch-${width}-${scheme}-findings.png` });
	await context.close();
}
await browser.close();
child.kill('SIGINT');
