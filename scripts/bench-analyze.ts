/**
 * `npm run bench:analyze`: how the /analyze/ page copes with big logs (a benchmark, not a test).
 * For each size (100 MB and 200 MB; 1 GB too with `--gb`, or the sizes in `BENCH_SIZES_MB`,
 * e.g. `BENCH_SIZES_MB=100,1024`) it builds a log from the real captures in content/traces,
 * repeated to the size, in bench-data/ (or reuses it), serves dist/ (run `npm run build` first),
 * opens /analyze/ in Chromium, sets the file on the page's file input and measures, `BENCH_RUNS`
 * times (default 3; 1 for 1 GB), printing the median of each figure in a table:
 *   - first chart: setting the file to the first figure drawn (target: under 1 s);
 *   - complete: setting the file to every chart drawn from the whole log (targets: 200 MB under
 *     5 s, 1 GB under 25 s);
 *   - tab CPU: CPU seconds the renderer process (page and worker) used meanwhile, from /proc: on
 *     a busy shared machine the times above stretch, this much less;
 *   - longest main-thread task, from a 'longtask' PerformanceObserver (target: none over 50 ms);
 *   - tab memory: the peak resident memory of the tab's renderer process, which holds the page
 *     and its worker (Chromium's SystemInfo.getProcessInfo names the process; its VmRSS is read
 *     from /proc every 50 ms), as a multiple of the log (target: under 1.5×), and how much of
 *     it the analysis added to the tab at rest on the page (idle: just before the file is set;
 *     the renderers of an empty /analyze/ tab hold about 400 MB on this machine before a byte is
 *     read). The JS heaps alone (page + worker, CDP Runtime.getHeapUsage) are printed beside
 *     it, at the end of a run.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright';
import { chromiumLaunch } from './chromium.ts';
import { startSite } from './site-server.ts';

const MB = 1024 * 1024;
const root = path.resolve(import.meta.dirname, '..');
const sizesMb = process.env.BENCH_SIZES_MB
	? process.env.BENCH_SIZES_MB.split(',').map(Number)
	: [100, 200, ...(process.argv.includes('--gb') ? [1024] : [])];
const runsOf = (mb: number): number => Number(process.env.BENCH_RUNS ?? (mb >= 1024 ? 1 : 3));

function captureFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return captureFiles(full);
		return entry.name.endsWith('.txt') ? [full] : [];
	});
}

/** The benchmark log, built as scripts/bench.ts builds it, kept in bench-data/ for reuse. */
function benchLog(targetMb: number): string {
	const dir = path.join(root, 'bench-data');
	const file = path.join(dir, `analyze-${targetMb}mb.log`);
	if (existsSync(file)) return file;
	mkdirSync(dir, { recursive: true });
	const corpus = Buffer.from(
		captureFiles(path.join(root, 'content', 'traces'))
			.map((f) => readFileSync(f, 'utf8').replace(/\n?$/, '\n'))
			.join(''),
	);
	// Written copy by copy: a gigabyte is longer than a JavaScript string may be.
	const fd = openSync(file, 'w');
	for (let written = 0; written < targetMb * MB; written += corpus.length) writeSync(fd, corpus);
	closeSync(fd);
	return file;
}

/** Where the built site is served during this run. */
let origin = '';

interface Run {
	firstChart: number;
	complete: number;
	longestTask: number;
	longTasks: number;
	peakRss: number;
	/** The tab's resident memory just before the file was set. */
	idleRss: number;
	jsHeap: number;
	/** CPU seconds the tab's renderer process (page and worker) used from setting the file to complete. */
	cpu: number;
	status: string;
}

/** Resident memory of process `pid` in bytes, or 0 once it is gone. */
function rssOf(pid: number): number {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** CPU time process `pid` has used, in seconds (user + system, from /proc). */
function cpuOf(pid: number): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		// utime and stime, fields 14 and 15 of stat (11 and 12 after the command), in clock ticks.
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return 0;
	}
}

/** The renderer processes' ids: the page (and its worker) live in one of them. */
async function rendererPids(cdp: CDPSession): Promise<number[]> {
	const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
	return info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/**
 * The used JS heap of every page and worker target, summed (CDP Runtime.getHeapUsage, sent to
 * each target through the browser session).
 */
async function jsHeaps(cdp: CDPSession): Promise<number> {
	const { targetInfos } = (await cdp.send('Target.getTargets')) as {
		targetInfos: { targetId: string; type: string }[];
	};
	let total = 0;
	for (const target of targetInfos.filter((t) => t.type === 'page' || t.type === 'worker')) {
		const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
			sessionId: string;
		};
		const reply = new Promise<number>((resolve) => {
			const listener = (event: { sessionId: string; message: string }) => {
				const message = JSON.parse(event.message) as { id: number; result?: { usedSize: number } };
				if (event.sessionId !== sessionId || message.id !== 1) return;
				cdp.off('Target.receivedMessageFromTarget', listener);
				resolve(message.result?.usedSize ?? 0);
			};
			cdp.on('Target.receivedMessageFromTarget', listener);
		});
		await cdp.send('Target.sendMessageToTarget', {
			sessionId,
			message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }),
		});
		total += await reply;
		await cdp.send('Target.detachFromTarget', { sessionId });
	}
	return total;
}

async function runOnce(browser: Browser, file: string): Promise<Run> {
	const cdpBrowser = await browser.newBrowserCDPSession();
	const before = new Set(await rendererPids(cdpBrowser));
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	try {
		await page.addInitScript(() => {
			const tasks: number[] = [];
			(window as unknown as { longTasks: number[] }).longTasks = tasks;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) tasks.push(entry.duration);
			}).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(`${origin}/analyze/`);
		const pids = (await rendererPids(cdpBrowser)).filter((pid) => !before.has(pid));
		let peakRss = 0;
		const sampler = setInterval(() => {
			peakRss = Math.max(
				peakRss,
				pids.reduce((sum, pid) => sum + rssOf(pid), 0),
			);
		}, 50);
		// Long tasks while the page loaded are not the analysis's.
		await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
		const cpuBefore = pids.reduce((sum, pid) => sum + cpuOf(pid), 0);
		const idleRss = pids.reduce((sum, pid) => sum + rssOf(pid), 0);
		const started = performance.now();
		await page.locator('#analyze-file').setInputFiles(file);
		await page.waitForFunction(
			() => document.querySelector('[data-part="charts"] [data-chart][data-chart-state]') !== null,
			undefined,
			{ timeout: 600_000, polling: 20 },
		);
		const firstChart = (performance.now() - started) / 1000;
		// Complete: the whole log is read (the status says "Analysed") and every figure drawn
		// from it (charts drawn while reading mark their root `data-charts="partial"`).
		await page.waitForFunction(
			() => {
				const root = document.querySelector<HTMLElement>('[data-part="charts"]');
				const figures = [...document.querySelectorAll<HTMLElement>('[data-part="charts"] [data-chart]')];
				const status = document.querySelector('[data-part="status"]')?.textContent ?? '';
				return (
					status.startsWith('Analysed') &&
					root?.dataset.charts !== 'partial' &&
					figures.length > 0 &&
					figures.every((f) => f.hidden || f.dataset.chartState)
				);
			},
			undefined,
			{ timeout: 600_000, polling: 20 },
		);
		const complete = (performance.now() - started) / 1000;
		const cpu = pids.reduce((sum, pid) => sum + cpuOf(pid), 0) - cpuBefore;
		const jsHeap = await jsHeaps(cdpBrowser);
		// Let any task that drawing started finish and be reported.
		await page.waitForTimeout(1000);
		clearInterval(sampler);
		const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
		return {
			firstChart,
			complete,
			longestTask: tasks.length ? Math.max(...tasks) : 0,
			longTasks: tasks.length,
			peakRss,
			idleRss,
			jsHeap,
			cpu,
			status: (await page.locator('[data-part="status"]').textContent()) ?? '',
		};
	} finally {
		await page.close();
		await cdpBrowser.detach().catch(() => {});
	}
}

const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main(): Promise<void> {
	if (!existsSync(path.join(root, 'dist', 'analyze', 'index.html')))
		throw new Error('no dist/analyze/: run npm run build first');
	const server = await startSite();
	origin = server.origin;
	const browser = await chromium.launch(chromiumLaunch);
	const rows: string[][] = [];
	try {
		for (const mb of sizesMb) {
			const file = benchLog(mb);
			const size = statSync(file).size;
			const runs: Run[] = [];
			for (let i = 0; i < runsOf(mb); i++) {
				const run = await runOnce(browser, file);
				console.log(
					`${(size / MB).toFixed(0)} MB run ${i + 1}: first chart ${run.firstChart.toFixed(2)} s, complete ${run.complete.toFixed(2)} s (tab CPU ${run.cpu.toFixed(1)} s), ` +
						`longest task ${run.longestTask.toFixed(0)} ms (${run.longTasks} over 50 ms), tab ${(run.peakRss / MB).toFixed(0)} MB ` +
						`(${(run.idleRss / MB).toFixed(0)} MB idle), ` +
						`JS heaps ${(run.jsHeap / MB).toFixed(0)} MB; page: ${run.status}`,
				);
				runs.push(run);
			}
			const m = (pick: (r: Run) => number) => median(runs.map(pick));
			rows.push([
				mb >= 1024 ? `${mb / 1024} GB` : `${mb} MB`,
				String(runs.length),
				`${m((r) => r.firstChart).toFixed(2)} s`,
				`${m((r) => r.complete).toFixed(2)} s`,
				`${m((r) => r.cpu).toFixed(1)} s`,
				`${m((r) => r.longestTask).toFixed(0)} ms`,
				`${(m((r) => r.peakRss) / MB).toFixed(0)} MB (${(m((r) => r.peakRss) / size).toFixed(2)}×)`,
				`${(m((r) => r.peakRss - r.idleRss) / MB).toFixed(0)} MB (${(m((r) => r.peakRss - r.idleRss) / size).toFixed(2)}×)`,
				`${(m((r) => r.jsHeap) / MB).toFixed(0)} MB`,
			]);
		}
	} finally {
		await browser.close();
		server.stop();
	}
	const head = [
		'log',
		'runs',
		'first chart',
		'complete',
		'tab CPU',
		'longest task',
		'tab memory (peak RSS)',
		'above idle',
		'JS heaps at end',
	];
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
	console.log(
		`\nmedians; targets: first chart < 1 s, complete < 5 s at 200 MB and < 25 s at 1 GB, no task over 50 ms, memory < 1.5× the log`,
	);
	console.log(line(head));
	console.log(line(widths.map((w) => '-'.repeat(w))));
	for (const row of rows) console.log(line(row));
}

await main();
