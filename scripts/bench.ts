/**
 * `npm run bench`: parse throughput and peak memory on a large log (a benchmark, not a test).
 * Builds a log of at least 100 MB by repeating the real captures in content/traces, then, each
 * in a fresh process, times (1) a baseline that only splits the text into lines and
 * (2) `parseLog`, and reports MB/s and peak resident memory.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MB = 1024 * 1024;
const targetBytes = Number(process.env.BENCH_MB ?? 100) * MB;
const root = path.resolve(import.meta.dirname, '..');

function captureFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return captureFiles(full);
		return entry.name.endsWith('.txt') ? [full] : [];
	});
}

async function child(mode: string, file: string): Promise<void> {
	const text = readFileSync(file, 'utf8');
	const started = performance.now();
	let lines = 0;
	if (mode === 'split') {
		// The same line walk parseLog does, with nothing parsed.
		let start = 0;
		for (;;) {
			const nl = text.indexOf('\n', start);
			const line = text.slice(start, nl < 0 ? text.length : nl);
			if (line.length >= 0) lines++;
			if (nl < 0) break;
			start = nl + 1;
		}
	} else {
		const { parseLog } = await import('../src/trace/index.ts');
		lines = parseLog(text).lineCount;
	}
	const seconds = (performance.now() - started) / 1000;
	const peakRss = process.resourceUsage().maxRSS * 1024;
	process.stdout.write(JSON.stringify({ seconds, lines, peakRss }));
}

async function main(): Promise<void> {
	const [, , mode, file] = process.argv;
	if (mode) return child(mode, file);

	const captures = captureFiles(path.join(root, 'content', 'traces'));
	if (captures.length === 0) throw new Error('no captures under content/traces');
	const corpus = captures.map((f) => readFileSync(f, 'utf8').replace(/\n?$/, '\n')).join('');
	const copies = Math.ceil(targetBytes / Buffer.byteLength(corpus));
	const dir = mkdtempSync(path.join(tmpdir(), 'godebug-bench-'));
	const logFile = path.join(dir, 'bench.log');
	writeFileSync(logFile, corpus.repeat(copies));
	const size = statSync(logFile).size;
	console.log(`log: ${(size / MB).toFixed(1)} MB, ${captures.length} captures repeated ${copies} times`);

	const run = (m: string) =>
		JSON.parse(execFileSync(process.execPath, [import.meta.filename, m, logFile], { encoding: 'utf8' })) as {
			seconds: number;
			lines: number;
			peakRss: number;
		};
	try {
		const rows = [];
		for (const m of ['split', 'parse']) {
			const best = [run(m), run(m), run(m)].sort((a, b) => a.seconds - b.seconds)[0];
			rows.push({ m, ...best });
		}
		const [split, parse] = rows;
		for (const r of rows) {
			const name = r.m === 'split' ? 'split into lines (baseline)' : 'parseLog';
			console.log(
				`${name.padEnd(28)} ${(size / MB / r.seconds).toFixed(1).padStart(7)} MB/s  ` +
					`${r.seconds.toFixed(2)} s  ${r.lines} lines  peak RSS ${(r.peakRss / MB).toFixed(0)} MB ` +
					`(${(r.peakRss / size).toFixed(2)}× the log)`,
			);
		}
		console.log(`parseLog runs at ${((split.seconds / parse.seconds) * 100).toFixed(0)}% of the baseline's throughput`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
