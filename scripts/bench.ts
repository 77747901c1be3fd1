/**
 * `npm run bench`: parse throughput and peak memory on a large log (a benchmark, not a test).
 * Builds a log of at least 100 MB (`BENCH_MB` to change) by repeating the real captures in
 * content/traces, then times, each in a fresh process and best of 3:
 *   1. walk: each line found with indexOf and sliced out, with nothing parsed;
 *   2. split: `text.split('\n')`;
 *   3. parseLog with no `onLine`: the summary only;
 *   4. parseLog with an `onLine` that receives every line with its tokens;
 *   5. parseLog feeding every line to a findings collector;
 *   6. the one analysis (`createLogAnalysis`: summary, findings and series) fed 64 KB chunks,
 *      with an `onLine` that reads each line's kind and problem: what the analyzer's worker and
 *      the CLI run.
 * and reports MB/s, the ratio to both baselines, the CPU time (best of the 3) and its ratio to
 * split's (steadier than the clock when the machine is busy), and peak resident memory as a
 * multiple of the log's size. Every row must count the same lines (a trailing newline starts no line).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MB = 1024 * 1024;
const targetBytes = Number(process.env.BENCH_MB ?? 100) * MB;
const root = path.resolve(import.meta.dirname, '..');

const modes = {
	walk: 'baseline: indexOf line walk',
	split: "baseline: text.split('\\n')",
	summary: 'parseLog (summary only)',
	lines: 'parseLog + onLine (tokens)',
	findings: 'parseLog + findings',
	analysis: 'analysis, 64 KB chunks',
} as const;

// The analyzer's worker reads a file's stream, whose chunks are 64 KB.
const chunkChars = 64 * 1024;
type Mode = keyof typeof modes;

interface Result {
	seconds: number;
	/** CPU time (user and system): on a shared, busy machine a steadier figure than the clock. */
	cpuSeconds: number;
	lines: number;
	peakRss: number;
}

function captureFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return captureFiles(full);
		return entry.name.endsWith('.txt') ? [full] : [];
	});
}

/** Runs one mode on the log in this (fresh) process and prints a `Result` as JSON. */
async function child(mode: Mode, file: string): Promise<void> {
	const text = readFileSync(file, 'utf8');
	// Loaded before the clock starts, so module loading is not timed.
	const { parseLog, createFindingsCollector, createLogAnalysis } = await import('../src/trace/index.ts');
	const started = performance.now();
	const cpuStarted = process.cpuUsage();
	let lines = 0;
	if (mode === 'walk') {
		// Finds each newline with indexOf, as parseLog does, and slices out each line (which
		// parseLog no longer does: it reads lines in place); nothing is parsed. The lengths are
		// summed and checked so that the slices are used.
		let start = 0;
		let chars = 0;
		for (;;) {
			const nl = text.indexOf('\n', start);
			// A last line without a newline is a line; the empty rest after a final newline is not.
			if (nl < 0 && start === text.length) break;
			chars += text.slice(start, nl < 0 ? text.length : nl).length;
			lines++;
			if (nl < 0) break;
			start = nl + 1;
		}
		if (chars + lines < text.length) throw new Error('the walk missed text');
	} else if (mode === 'split') {
		const parts = text.split('\n');
		// `a\n` splits into ['a', '']: the empty string after the last newline is not a line.
		lines = parts.at(-1) === '' ? parts.length - 1 : parts.length;
	} else if (mode === 'summary') {
		lines = parseLog(text).lineCount;
	} else if (mode === 'analysis') {
		let problems = 0;
		const analysis = createLogAnalysis({
			onLine: (line) => {
				if (line.kind !== 'other' && line.problem !== null) problems++;
			},
		});
		for (let at = 0; at < text.length; at += chunkChars) analysis.push(text.slice(at, at + chunkChars));
		const result = analysis.end();
		lines = result.summary.lineCount;
		if (result.findings.length === 0 || problems !== result.summary.problemCount) {
			throw new Error('the analysis missed findings or problems');
		}
	} else if (mode === 'findings') {
		const collector = createFindingsCollector();
		lines = parseLog(text, (line) => collector.add(line)).lineCount;
		if (collector.result().length === 0) throw new Error('no findings on the captures');
	} else {
		let tokens = 0;
		lines = parseLog(text, (line) => {
			tokens += line.tokens.length;
		}).lineCount;
		if (tokens === 0) throw new Error('no tokens seen');
	}
	const seconds = (performance.now() - started) / 1000;
	const cpu = process.cpuUsage(cpuStarted);
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	const peakRss = process.resourceUsage().maxRSS * 1024;
	process.stdout.write(JSON.stringify({ seconds, cpuSeconds, lines, peakRss } satisfies Result));
}

function run(mode: Mode, file: string): Result {
	const out = execFileSync(process.execPath, [import.meta.filename, mode, file], {
		encoding: 'utf8',
		maxBuffer: MB,
	});
	return JSON.parse(out) as Result;
}

async function main(): Promise<void> {
	const [, , mode, file] = process.argv;
	if (mode) return child(mode as Mode, file);

	const captures = captureFiles(path.join(root, 'content', 'traces'));
	if (captures.length === 0) throw new Error('no captures under content/traces');
	const corpus = captures.map((f) => readFileSync(f, 'utf8').replace(/\n?$/, '\n')).join('');
	const copies = Math.ceil(targetBytes / Buffer.byteLength(corpus));
	const dir = mkdtempSync(path.join(tmpdir(), 'godebug-bench-'));
	const logFile = path.join(dir, 'bench.log');
	writeFileSync(logFile, corpus.repeat(copies));
	const size = statSync(logFile).size;
	console.log(
		`log: ${(size / MB).toFixed(1)} MB, ${captures.length} captures repeated ${copies} times; ` +
			'each row is the best of 3 runs in a fresh process',
	);

	try {
		const best = {} as Record<Mode, Result>;
		const bestCpu = {} as Record<Mode, number>;
		for (const m of Object.keys(modes) as Mode[]) {
			const runs = [run(m, logFile), run(m, logFile), run(m, logFile)];
			best[m] = runs.sort((a, b) => a.seconds - b.seconds)[0];
			bestCpu[m] = Math.min(...runs.map((r) => r.cpuSeconds));
		}
		const lineCounts = new Set(Object.values(best).map((r) => r.lines));
		if (lineCounts.size !== 1) throw new Error(`line counts differ: ${[...lineCounts].join(', ')}`);

		const mbps = (r: Result) => size / MB / r.seconds;
		const percent = (r: Result, base: Result) => `${((base.seconds / r.seconds) * 100).toFixed(0)}%`;
		console.log(
			`${'mode'.padEnd(30)} ${'MB/s'.padStart(7)}  ${'seconds'.padStart(7)}  ` +
				`${'vs walk'.padStart(7)}  ${'vs split'.padStart(8)}  ${'cpu s'.padStart(6)}  ` +
				`${'cpu vs split'.padStart(12)}  peak RSS`,
		);
		for (const m of Object.keys(modes) as Mode[]) {
			const r = best[m];
			const cpuPercent = `${((bestCpu.split / bestCpu[m]) * 100).toFixed(0)}%`;
			console.log(
				`${modes[m].padEnd(30)} ${mbps(r).toFixed(1).padStart(7)}  ${r.seconds.toFixed(3).padStart(7)}  ` +
					`${percent(r, best.walk).padStart(7)}  ${percent(r, best.split).padStart(8)}  ` +
					`${bestCpu[m].toFixed(3).padStart(6)}  ${cpuPercent.padStart(12)}  ` +
					`${(r.peakRss / MB).toFixed(0)} MB (${(r.peakRss / size).toFixed(2)}× the log)`,
			);
		}
		console.log(`${[...lineCounts][0]} lines in every row`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
