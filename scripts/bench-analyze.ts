/**
 * `npm run bench:analyze`: how the /analyze/ page copes with a 100 MB log (a benchmark, not a
 * test). Builds the log the core benchmark uses (the real captures repeated to at least
 * `BENCH_MB` MB, default 100) in bench-data/ or reuses it, serves dist/ (run `npm run build`
 * first), opens /analyze/ in Chromium, sets the file on the page's file input and reports:
 *   - the time from setting the file to the charts on screen (target: under 5 s);
 *   - the page's longest main-thread task, from 'longtask' performance entries (target: none
 *     over 100 ms; the analysis itself runs in a worker).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunch } from './chromium.ts';

const MB = 1024 * 1024;
const root = path.resolve(import.meta.dirname, '..');
const targetMb = Number(process.env.BENCH_MB ?? 100);
const port = Number(process.env.BENCH_PORT ?? 4399);

function captureFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return captureFiles(full);
		return entry.name.endsWith('.txt') ? [full] : [];
	});
}

/** The benchmark log, built as scripts/bench.ts builds it, kept in bench-data/ for reuse. */
function benchLog(): string {
	const dir = path.join(root, 'bench-data');
	const file = path.join(dir, `analyze-${targetMb}mb.log`);
	if (existsSync(file)) return file;
	mkdirSync(dir, { recursive: true });
	const corpus = captureFiles(path.join(root, 'content', 'traces'))
		.map((f) => readFileSync(f, 'utf8').replace(/\n?$/, '\n'))
		.join('');
	writeFileSync(file, corpus.repeat(Math.ceil((targetMb * MB) / Buffer.byteLength(corpus))));
	return file;
}

async function waitForServer(url: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`the server at ${url} did not start`);
}

async function main(): Promise<void> {
	if (!existsSync(path.join(root, 'dist', 'analyze', 'index.html')))
		throw new Error('no dist/analyze/: run npm run build first');
	const file = benchLog();
	const size = statSync(file).size;
	const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve-dist.ts'), String(port)], {
		stdio: 'ignore',
	});
	const browser = await chromium.launch(chromiumLaunch);
	try {
		await waitForServer(`http://127.0.0.1:${port}/`);
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.addInitScript(() => {
			const tasks: number[] = [];
			(window as unknown as { longTasks: number[] }).longTasks = tasks;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) tasks.push(entry.duration);
			}).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(`http://127.0.0.1:${port}/analyze/`);
		// Long tasks while the page loaded are not the analysis's.
		await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
		const started = performance.now();
		await page.locator('#analyze-file').setInputFiles(file);
		// Charts are drawn one per task; they are all on screen once every figure has a state.
		await page.waitForFunction(
			() => {
				const figures = [...document.querySelectorAll<HTMLElement>('[data-part="charts"] [data-chart]')];
				return figures.length > 0 && figures.every((f) => f.dataset.chartState);
			},
			undefined,
			{ timeout: 120_000, polling: 50 },
		);
		const seconds = (performance.now() - started) / 1000;
		// Let any task that drawing started finish and be reported.
		await page.waitForTimeout(1000);
		const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
		const status = await page.locator('[data-part="status"]').textContent();
		const longest = tasks.length ? Math.max(...tasks) : 0;
		console.log(`log: ${(size / MB).toFixed(1)} MB (${path.relative(root, file)})`);
		console.log(`page: ${status}`);
		console.log(`set file -> charts on screen: ${seconds.toFixed(2)} s (target < 5 s)`);
		const listed = tasks.length
			? ` (${tasks.map((t) => t.toFixed(0)).join(', ')} ms), longest ${longest.toFixed(0)} ms`
			: '';
		console.log(`main-thread long tasks (over 50 ms): ${tasks.length}${listed} (target: none over 100 ms)`);
	} finally {
		await browser.close();
		server.kill();
	}
}

await main();
