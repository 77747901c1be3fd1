import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeLog, createLogAnalysis } from './analysis.ts';
import { pauseBucketEdgesMs, type Distribution } from './stats.ts';

const read = (path: string) => readFileSync(new URL(`../../content/traces/${path}`, import.meta.url), 'utf8');

/** Nearest-rank percentiles of plain numbers, worked out here without the core. */
function expected(values: number[]): Distribution {
	const sorted = [...values].sort((a, b) => a - b);
	const rank = (p: number) => sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
	return {
		count: sorted.length,
		min: sorted[0]!,
		p50: rank(50),
		p95: rank(95),
		p99: rank(99),
		max: sorted.at(-1)!,
		mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
	};
}

function assertClose(actual: Distribution | null, want: Distribution): void {
	assert.ok(actual !== null);
	const { mean, ...rest } = actual;
	const { mean: wantMean, ...wantRest } = want;
	assert.deepEqual(rest, wantRest);
	assert.ok(Math.abs(mean - wantMean) < 1e-9, `mean ${mean} ≈ ${wantMean}`);
}

/** Go 1.5+ gc lines read with a regular expression: `@` seconds, the three clock phases, heaps. */
function gcLines(text: string) {
	const re =
		/^gc \d+ @([\d.]+)s \d+%[^:]*: ([\d.]+)\+([\d.]+)\+([\d.]+) ms clock.*?, (\d+)->(\d+)->(\d+) MB, (\d+) MB goal/gm;
	return [...text.matchAll(re)].map((m) => ({
		at: Number(m[1]),
		// Sweep termination and mark termination stop the world; the middle phase is concurrent mark.
		pause: Math.round((Number(m[2]) + Number(m[4])) * 1000) / 1000,
		start: Number(m[5]),
		end: Number(m[6]),
		live: Number(m[7]),
		goal: Number(m[8]),
	}));
}

const gcCaptures = [
	'gctrace/go1.26-gcdemo.txt',
	'gctrace/go1.19-web-load.txt',
	'gctrace/go1.27-gcdemo-ring.txt',
	'combined/go1.19-gcdemo-gc-pacer-scav.txt',
	'gcpacertrace/go1.26-web-load.txt',
];

for (const path of gcCaptures) {
	test(`${path}: pause, interval and heap figures agree with a separate reading of the gc lines`, () => {
		const text = read(path);
		const lines = gcLines(text);
		assert.ok(lines.length > 10, 'the capture has gc cycles');
		const { gc } = analyzeLog(text).stats;
		assert.equal(gc.cycles, lines.length);
		assertClose(gc.pauseMs, expected(lines.map((l) => l.pause)));
		const intervals = lines.slice(1).map((l, i) => Math.round((l.at - lines[i]!.at) * 1000));
		assertClose(gc.intervalMs, expected(intervals));
		assert.ok(Math.abs(gc.spanSeconds! - (lines.at(-1)!.at - lines[0]!.at)) < 1e-9);
		assert.ok(Math.abs(gc.cyclesPerSecond! - (lines.length - 1) / (lines.at(-1)!.at - lines[0]!.at)) < 1e-9);
		assertClose(gc.heapGoalMB, expected(lines.map((l) => l.goal)));
		assert.equal(gc.peakLiveHeapMB, Math.max(...lines.map((l) => l.live)));
		// Allocation: all a cycle freed before the last one started, and the live heap's growth.
		const freed = lines.slice(0, -1).reduce((sum, l) => sum + l.end - l.live, 0);
		assert.equal(gc.allocatedMB, freed + lines.at(-1)!.start - lines[0]!.start);
		const lastCpu = [...text.matchAll(/^gc \d+ @[\d.]+s (\d+)%/gm)].at(-1)![1];
		assert.equal(gc.cpuPercent, Number(lastCpu));
		// Every pause is in exactly one bucket, the one its edges hold.
		assert.equal(
			gc.pauseHistogram.reduce((sum, b) => sum + b.count, 0),
			lines.length,
		);
		for (const b of gc.pauseHistogram) {
			const inside = lines.filter((l) => l.pause >= b.from && (b.to === null || l.pause < b.to)).length;
			assert.equal(b.count, inside, `bucket ${b.from}–${b.to}`);
		}
	});
}

test('the histogram’s buckets are the same for every log, log-scale from 10 µs to 100 ms', () => {
	const { pauseHistogram } = analyzeLog(read('gctrace/go1.26-gcdemo.txt')).stats.gc;
	assert.deepEqual(
		pauseHistogram.map((b) => [b.from, b.to]),
		[[0, 0.01], ...pauseBucketEdgesMs.map((from, i) => [from, pauseBucketEdgesMs[i + 1] ?? null])],
	);
	const empty = analyzeLog('hello\n').stats.gc;
	assert.equal(empty.pauseMs, null);
	assert.equal(empty.pauseHistogram.length, pauseBucketEdgesMs.length + 1);
	assert.ok(empty.pauseHistogram.every((b) => b.count === 0));
});

test('assist share: each pacer controller line’s mark utilization less the 25% assumed for the workers', () => {
	for (const path of ['gcpacertrace/go1.26-web-load.txt', 'gcpacertrace/go1.19-web-load.txt']) {
		const text = read(path);
		const utilizations = [...text.matchAll(/^pacer: (\d+)% CPU \(25 exp\.\)/gm)].map((m) => Number(m[1]) - 25);
		assert.ok(utilizations.length > 10);
		assertClose(analyzeLog(text).stats.pacer.assistPercent, expected(utilizations));
	}
	assert.equal(analyzeLog(read('gctrace/go1.26-gcdemo.txt')).stats.pacer.assistPercent, null);
});

test('run queue and idle Ps: from every schedtrace line, global plus local queues', () => {
	const text = read('schedtrace/go1.26-p8-load.txt');
	const rows = [...text.matchAll(/^SCHED \d+ms: .*?idleprocs=(\d+) .*?runqueue=(\d+) \[([\d ]+)\]/gm)];
	assert.ok(rows.length > 5);
	const { sched } = analyzeLog(text).stats;
	assert.equal(sched.samples, rows.length);
	assertClose(
		sched.runnable,
		expected(rows.map((m) => Number(m[2]) + m[3]!.split(' ').reduce((sum, n) => sum + Number(n), 0))),
	);
	assertClose(sched.idleProcs, expected(rows.map((m) => Number(m[1]))));
});

test('nearest rank: with 1..100 ms pauses, p50 is 50, p95 is 95 and p99 is 99', () => {
	const lines = Array.from(
		{ length: 100 },
		(_, i) =>
			`gc ${i + 1} @${(i + 1).toFixed(3)}s 1%: ${i + 1}+0.10+0 ms clock, 1+0/0/0+0 ms cpu, 4->5->1 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 2 P`,
	);
	const { gc } = analyzeLog(`${lines.join('\n')}\n`).stats;
	assert.deepEqual(
		[gc.pauseMs?.p50, gc.pauseMs?.p95, gc.pauseMs?.p99, gc.pauseMs?.max, gc.pauseMs?.min],
		[50, 95, 99, 100, 1],
	);
	assert.equal(gc.intervalMs?.p50, 1000);
	assert.equal(gc.cyclesPerSecond, 1);
	// Each cycle freed 4 MB; the live heap did not grow: 99 cycles' worth before the last start.
	assert.equal(gc.allocatedMB, 99 * 4);
});

test('two programs in one log: the time going back starts a new run, not a negative interval', () => {
	const text = read('gctrace/go1.26-gcdemo.txt');
	const one = analyzeLog(text).stats.gc;
	const two = analyzeLog(text + text).stats.gc;
	assert.equal(two.cycles, one.cycles * 2);
	assert.equal(two.intervalMs!.count, one.intervalMs!.count * 2);
	assert.equal(two.intervalMs!.min, one.intervalMs!.min);
	assert.ok(Math.abs(two.spanSeconds! - one.spanSeconds! * 2) < 1e-9);
	assert.equal(two.allocatedMB, one.allocatedMB! * 2);
});

test('pushed in chunks, the distributions are the same as for the whole text', () => {
	const text = read('combined/go1.26-gcdemo-gc-sched.txt');
	const analysis = createLogAnalysis({ series: null });
	for (let i = 0; i < text.length; i += 501) analysis.push(text.slice(i, i + 501));
	assert.deepEqual(analysis.end().stats, analyzeLog(text).stats);
});
