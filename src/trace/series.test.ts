// Tests for the analyzer's time series: on every real capture the rows are exactly the log's
// timed gctrace, schedtrace and pacer controller lines, with their parsed values and line
// numbers; older eras (synthetic lines, written from the format reference) give sensible series.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseLog } from './log.ts';
import { createSeriesCollector, maxLocalRunqueueSeries } from './series.ts';
import type { LogLine } from './log.ts';
import type { LogSeries } from './series.ts';
import type { FieldKey } from './types.ts';

const TRACES = new URL('../../content/traces/', import.meta.url);

const captures = readdirSync(TRACES, { recursive: true, encoding: 'utf8' })
	.filter((file) => file.endsWith('.txt'))
	.sort();

function analyse(text: string): { lines: LogLine[]; series: LogSeries } {
	const collector = createSeriesCollector();
	const lines: LogLine[] = [];
	parseLog(text, (line) => {
		lines.push(line);
		collector.add(line);
	});
	return { lines, series: collector.result() };
}

function value(line: LogLine, key: FieldKey): unknown {
	return line.tokens.find((token) => token.key === key)?.value;
}

/** NaN for a field the line does not print, as the series stores it. */
function num(line: LogLine, key: FieldKey): number {
	const v = value(line, key);
	return typeof v === 'number' ? v : Number.NaN;
}

describe('series of real captures', () => {
	assert.ok(captures.length >= 20, 'the captures are found');
	for (const file of captures) {
		test(file, () => {
			const { lines, series } = analyse(readFileSync(new URL(file, TRACES), 'utf8'));
			const byNo = (no: number): LogLine => lines[no - 1]!;

			const gcLines = lines.filter((l) => l.kind === 'gctrace' && l.form === 'gc-cycle');
			assert.equal(series.gc.length, gcLines.length);
			assert.equal(series.gcUntimed, 0);
			assert.deepEqual(
				[...series.gc.lineNo],
				gcLines.map((l) => l.lineNo),
			);
			gcLines.forEach((line, i) => {
				assert.equal(series.gc.time[i], num(line, 'gctrace/since-start'));
				assert.equal(series.gc.columns.heapStart[i], num(line, 'gctrace/heap-start'));
				assert.equal(series.gc.columns.heapEnd[i], num(line, 'gctrace/heap-end'));
				assert.equal(series.gc.columns.heapLive[i], num(line, 'gctrace/heap-live'));
				assert.equal(series.gc.columns.heapGoal[i], num(line, 'gctrace/heap-goal'));
				assert.equal(series.gc.columns.gcCpuPercent[i], num(line, 'gctrace/gc-cpu-percent'));
				const stw = num(line, 'gctrace/wall-sweep-termination') + num(line, 'gctrace/wall-mark-termination');
				assert.ok(Number.isFinite(stw), `line ${line.lineNo} prints both pauses`);
				assert.equal(series.gc.columns.stw[i], stw);
			});

			const schedLines = lines.filter((l) => l.kind === 'schedtrace');
			assert.equal(series.sched.length, schedLines.length);
			assert.deepEqual(
				[...series.sched.lineNo],
				schedLines.map((l) => l.lineNo),
			);
			schedLines.forEach((line, i) => {
				assert.equal(series.sched.time[i], num(line, 'schedtrace/elapsed') / 1000);
				assert.equal(series.sched.columns.runqueue[i], num(line, 'schedtrace/runqueue'));
				assert.equal(series.sched.columns.idleprocs[i], num(line, 'schedtrace/idleprocs'));
				assert.equal(series.sched.columns.threads[i], num(line, 'schedtrace/threads'));
				const locals = value(line, 'schedtrace/local-runqueues');
				if (Array.isArray(locals)) {
					assert.deepEqual(
						series.sched.localRunqueues.map((column) => column[i]),
						locals,
					);
				}
			});

			// Each controller line takes the time of the first gc line after it.
			const controllers = lines.filter((l) => l.form === 'pacer-controller');
			assert.equal(series.pacer.length + series.pacerUnplaced, controllers.length);
			controllers.slice(0, series.pacer.length).forEach((line, i) => {
				assert.equal(series.pacer.lineNo[i], line.lineNo);
				const gcLine = gcLines.find((l) => l.lineNo > line.lineNo)!;
				assert.equal(series.pacer.time[i], num(gcLine, 'gctrace/since-start'));
				assert.equal(series.pacer.columns.utilization[i], num(line, 'gcpacertrace/cpu-utilization'));
				assert.equal(series.pacer.columns.utilizationGoal[i], num(line, 'gcpacertrace/cpu-utilization-goal'));
				assert.equal(byNo(line.lineNo).kind, 'gcpacertrace');
			});
			for (let i = 1; i < series.pacer.length; i++) {
				assert.ok(series.pacer.time[i]! >= series.pacer.time[i - 1]!, 'pacer times ascend');
			}

			// schedticks rates: each line's counts minus the previous ticks line's, per second.
			let previous: LogLine | null = null;
			schedLines.forEach((line, i) => {
				const ticks = value(line, 'schedtrace/schedticks');
				if (!Array.isArray(ticks)) {
					for (const column of series.sched.schedticksPerSecond) assert.ok(Number.isNaN(column[i]!));
					return;
				}
				ticks.forEach((count, p) => {
					const before = previous ? (value(previous, 'schedtrace/schedticks') as number[])[p] : undefined;
					const rate = series.sched.schedticksPerSecond[p]![i]!;
					if (previous === null || before === undefined) assert.ok(Number.isNaN(rate), `line ${line.lineNo}`);
					else {
						const seconds = (num(line, 'schedtrace/elapsed') - num(previous, 'schedtrace/elapsed')) / 1000;
						assert.equal(rate, (count - before) / seconds, `line ${line.lineNo} P${p}`);
					}
				});
				previous = line;
			});

			// scav lines in log order, x being the line's place among them.
			const scavLines = lines.filter((l) => l.form === 'scav');
			assert.deepEqual(
				[...series.scav.lineNo],
				scavLines.map((l) => l.lineNo),
			);
			assert.deepEqual(
				[...series.scav.time],
				scavLines.map((_, i) => i + 1),
			);
			assert.equal(series.scvgUncharted, lines.filter((l) => l.kind === 'scavtrace' && l.form !== 'scav').length);
			scavLines.forEach((line, i) => {
				assert.equal(series.scav.columns.released[i], num(line, 'scavtrace/heap-released'));
				assert.equal(series.scav.columns.work[i], num(line, 'scavtrace/work'));
				assert.equal(series.scav.columns.workBg[i], num(line, 'scavtrace/work-bg'));
				assert.equal(series.scav.columns.workEager[i], num(line, 'scavtrace/work-eager'));
			});

			const initLines = lines.filter((l) => l.kind === 'inittrace');
			assert.deepEqual(
				[...series.init.lineNo],
				initLines.map((l) => l.lineNo),
			);
			assert.deepEqual(
				series.init.packages,
				initLines.map((l) => value(l, 'inittrace/package')),
			);
			initLines.forEach((line, i) => {
				assert.equal(series.init.columns.clock[i], num(line, 'inittrace/clock'));
				assert.equal(series.init.columns.start[i], num(line, 'inittrace/start'));
			});
		});
	}

	test('a Go 1.26 schedtrace capture gives a schedticks rate per P from the second line on', () => {
		const { lines, series } = analyse(readFileSync(new URL('schedtrace/go1.26-p2-load.txt', TRACES), 'utf8'));
		assert.equal(series.sched.schedticksPerSecond.length, 2);
		const [p0] = series.sched.schedticksPerSecond;
		assert.ok(Number.isNaN(p0![0]!), 'no rate for the first line');
		// Lines 1 and 3: SCHED 0ms … [ 0 3 ] and SCHED 1004ms … [ 110995 25440 ].
		assert.equal(lines[2]!.lineNo, series.sched.lineNo[1]);
		assert.equal(p0![1], (110995 - 0) / 1.004);
		assert.equal(series.sched.schedticksPerSecond[1]![1], (25440 - 3) / 1.004);
		// The load stops after about 6 s: P0 then starts no goroutine at all (579619 three times).
		assert.ok(p0!.slice(1).every((rate) => rate >= 0));
		assert.deepEqual([...p0!.slice(-2)], [0, 0]);
	});

	test('the scavtrace captures chart every scav line; the inittrace ones every package', () => {
		for (const file of ['scavtrace/go1.19-gcdemo.txt', 'scavtrace/go1.26-gcdemo.txt']) {
			const { series } = analyse(readFileSync(new URL(file, TRACES), 'utf8'));
			assert.ok(series.scav.length > 40, file);
			assert.ok(
				series.scav.columns.released.every((v) => v > 0),
				file,
			);
		}
		const { series } = analyse(readFileSync(new URL('inittrace/go1.26-web.txt', TRACES), 'utf8'));
		assert.equal(series.init.packages[0], 'internal/bytealg');
		assert.equal(series.init.columns.clock[2], 0.062); // init runtime @0.042 ms, 0.062 ms clock
	});

	test('a pacer capture has a timed pacer point for each cycle', () => {
		const { series } = analyse(readFileSync(new URL('gcpacertrace/go1.26-web-load.txt', TRACES), 'utf8'));
		assert.ok(series.pacer.length > 10);
		assert.ok(series.pacer.columns.utilizationGoal.every((goal) => goal === 25));
	});

	test('a scheddetail dump gives each P its runqsize at the header’s time', () => {
		const { lines, series } = analyse(readFileSync(new URL('scheddetail/go1.26-p2-load.txt', TRACES), 'utf8'));
		assert.ok(series.sched.length > 0);
		assert.equal(series.sched.procCount, 2);
		const headers = lines.filter((l) => l.form === 'sched-detail-header');
		headers.forEach((header, row) => {
			const ps = lines.filter((l) => l.form === 'detail-p' && l.dump === header.lineNo);
			for (const p of ps) {
				const id = num(p, 'scheddetail/p-id');
				assert.equal(series.sched.localRunqueues[id]![row], num(p, 'scheddetail/p-runqsize'));
			}
		});
	});
});

describe('schedticks rates across resets (synthetic Go 1.25+ lines)', () => {
	const sched = (ms: number, procs: number, ticks: number[]) =>
		`SCHED ${ms}ms: gomaxprocs=${procs} idleprocs=0 threads=5 spinningthreads=0 needspinning=0 idlethreads=1 runqueue=0 [ ${ticks.map(() => 0).join(' ')} ] schedticks=[ ${ticks.join(' ')} ]`;
	test('no rate across a GOMAXPROCS change, a time that goes back, or a count that goes down', () => {
		const { series } = analyse(
			[
				sched(0, 2, [0, 0]),
				sched(1000, 2, [100, 50]),
				sched(2000, 4, [200, 60, 5, 5]), // GOMAXPROCS changed
				sched(3000, 4, [300, 70, 15, 25]),
				sched(0, 4, [1, 1, 1, 1]), // a second program: the clock starts again
				sched(500, 4, [51, 0, 11, 21]), // P1's count went down
			].join('\n'),
		);
		const rates = series.sched.schedticksPerSecond;
		assert.equal(rates.length, 4);
		const at = (row: number) => rates.map((column) => column[row]!);
		assert.ok(at(0).every(Number.isNaN));
		assert.deepEqual(at(1).slice(0, 2), [100, 50]);
		assert.ok(Number.isNaN(at(1)[2]!), 'P2 did not exist yet');
		assert.ok(at(2).every(Number.isNaN), 'GOMAXPROCS changed');
		assert.deepEqual(at(3), [100, 10, 10, 20]);
		assert.ok(at(4).every(Number.isNaN), 'time went back');
		assert.deepEqual(
			at(5).map((v) => (Number.isNaN(v) ? null : v)),
			[100, null, 20, 40],
		);
	});
});

describe('series of older eras (synthetic lines from the format reference)', () => {
	test('Go 1.5 gc lines and legacy pacer lines: utilization in percent, at the gc time', () => {
		const { series } = analyse(
			[
				'pacer: assist ratio=+1.500000e+000 (scan 3 MB in 7->8 MB) workers=1+0',
				'pacer: H_m_prev=4194304 h_t=+7.000000e-001 H_T=7130316 h_a=+8.750000e-001 H_a=7864320 h_g=+1.000000e+000 H_g=8388608 u_a=+2.700000e-001 u_g=+2.500000e-001 W_a=3145728 goalΔ=+3.000000e-001 actualΔ=+1.750000e-001 u_a/u_g=+1.080000e+000',
				'gc 6 @0.412s 3%: 0.10+1.3+0.030+0.55+0.18 ms clock, 0.40+1.3+0+0.21/0.50/0.33+0.72 ms cpu, 7->7->4 MB, 8 MB goal, 4 P',
			].join('\n'),
		);
		assert.equal(series.gc.length, 1);
		assert.deepEqual([...series.gc.time], [0.412]);
		assert.deepEqual([...series.gc.columns.heapGoal], [8]);
		assert.ok(Math.abs(series.gc.columns.stw[0]! - 0.28) < 1e-12, 'sweep + mark termination');
		assert.equal(series.pacer.length, 1);
		assert.deepEqual([...series.pacer.time], [0.412]);
		assert.deepEqual([...series.pacer.lineNo], [2]);
		assert.ok(Math.abs(series.pacer.columns.utilization[0]! - 27) < 1e-9);
		assert.ok(Math.abs(series.pacer.columns.utilizationGoal[0]! - 25) < 1e-9);
	});

	test('Go 1.1–1.4 gc lines have no time: counted, not charted', () => {
		const { series } = analyse(
			[
				'gc1(1): 0+0+0 ms, 0 -> 0 MB 16 -> 18 (19-1) objects, 0(0) handoff, 0(0) steal, 0/0/0 yields',
				'gc1(1): 2+0+198+3 us, 0 -> 0 MB, 18 (19-1) objects, 2 goroutines, 15/0/0 sweeps, 0(0) handoff, 0(0) steal, 0/0/0 yields',
			].join('\n'),
		);
		assert.equal(series.gc.length, 0);
		assert.equal(series.gcUntimed, 2);
	});

	test('schedtrace of every era; Ps appearing later start with gaps', () => {
		const { series } = analyse(
			[
				'SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]',
				'SCHED 1009ms: gomaxprocs=1 idleprocs=0 threads=4 spinningthreads=0 idlethreads=1 runqueue=32 [62]',
				'SCHED 2018ms: gomaxprocs=4 idleprocs=2 threads=5 idlethreads=0 runqueue=0 [1 0 0 7]',
				'SCHED 3027ms: gomaxprocs=4 idleprocs=3 threads=7 spinningthreads=0 needspinning=0 idlethreads=3 runqueue=0 [ 0 0 1 0 ] schedticks=[ 3 0 0 0 ]',
			].join('\n'),
		);
		assert.deepEqual([...series.sched.time], [0, 1.009, 2.018, 3.027]);
		assert.deepEqual([...series.sched.columns.runqueue], [0, 32, 0, 0]);
		assert.deepEqual([...series.sched.columns.threads], [2, 4, 5, 7]);
		assert.equal(series.sched.procCount, 4);
		assert.deepEqual([...series.sched.localRunqueues[0]!], [1, 62, 1, 0]);
		assert.deepEqual([...series.sched.localRunqueues[3]!], [Number.NaN, Number.NaN, 7, 0]);
	});

	test(`local run queues beyond P${maxLocalRunqueueSeries - 1} are counted, not kept`, () => {
		const queues = Array.from({ length: 40 }, (_, p) => p).join(' ');
		const { series } = analyse(
			`SCHED 0ms: gomaxprocs=40 idleprocs=0 threads=41 spinningthreads=0 idlethreads=0 runqueue=0 [${queues}]`,
		);
		assert.equal(series.sched.procCount, 40);
		assert.equal(series.sched.localRunqueues.length, maxLocalRunqueueSeries);
		assert.equal(series.sched.localRunqueues[15]![0], 15);
	});

	test('a log without trace lines gives empty series; a pacer line with no gc after it is unplaced', () => {
		const { series } = analyse(
			'hello\npacer: 26% CPU (25 exp.) for 1+2+3 B work (4 B exp.) in 5 B -> 6 B (∆goal -1, cons/mark 0)\n',
		);
		assert.equal(series.gc.length, 0);
		assert.equal(series.sched.length, 0);
		assert.equal(series.pacer.length, 0);
		assert.equal(series.pacerUnplaced, 1);
	});

	test('the result is structured-cloneable and grows past its first capacity', () => {
		const lines = Array.from(
			{ length: 1000 },
			(_, i) =>
				`SCHED ${i * 10}ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=0 idlethreads=0 runqueue=${i} [0 ${i % 7}]`,
		);
		const { series } = analyse(lines.join('\n'));
		const copy = structuredClone(series);
		assert.equal(copy.sched.length, 1000);
		assert.equal(copy.sched.columns.runqueue[999], 999);
		assert.equal(copy.sched.localRunqueues[1]![999], 999 % 7);
		assert.equal(copy.sched.lineNo[999], 1000);
	});

	test('a result stays as it was when more lines follow, and the next one has them too', () => {
		const sched = (i: number) =>
			`SCHED ${i * 10}ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=0 idlethreads=0 runqueue=${i} [0 ${i % 7}]`;
		const collector = createSeriesCollector();
		const feed = (from: number, to: number) => {
			const text = Array.from({ length: to - from }, (_, k) => sched(from + k)).join('\n');
			parseLog(text, (line) => collector.add(line));
		};
		feed(0, 10);
		const first = collector.result();
		const firstRows = Array.from(first.sched.columns.runqueue);
		// Rows written after a result, within the capacity it was read from and beyond it.
		feed(10, 20);
		const second = collector.result();
		feed(20, 200);
		const third = collector.result();
		assert.equal(first.sched.length, 10);
		assert.deepEqual(Array.from(first.sched.columns.runqueue), firstRows);
		assert.deepEqual(
			Array.from(second.sched.columns.runqueue),
			Array.from({ length: 20 }, (_, i) => i),
		);
		assert.deepEqual(
			Array.from(third.sched.columns.runqueue),
			Array.from({ length: 200 }, (_, i) => i),
		);
		assert.deepEqual(
			Array.from(first.sched.localRunqueues[1]!),
			Array.from({ length: 10 }, (_, i) => i % 7),
		);
	});
});
