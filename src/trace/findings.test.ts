import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
	createFindingsCollector,
	createLogParser,
	findFindings,
	findingKinds,
	findingRules,
	maxFindingLines,
	type Finding,
	type FindingKind,
} from './index.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const traces = path.join(root, 'content', 'traces');
const capture = (file: string) => readFileSync(path.join(traces, file), 'utf8');
const allCaptures = readdirSync(traces, { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.flatMap((d) => readdirSync(path.join(traces, d.name)).map((f) => `${d.name}/${f}`));

const kinds = (found: Finding[]) => found.map((f) => f.kind);
const only = (found: Finding[], kind: FindingKind) => found.find((f) => f.kind === kind);

// Crafted logs are built from real Go 1.26 and Go 1.19 lines of the captures, with only the
// numbers a rule reads changed.

/** Crafted: a Go 1.26 gc line (gctrace/go1.26-gcdemo-retain.txt line 5) with chosen figures. */
function gcLine(n: number, o: { at?: number; cpu?: number; clock?: string; live?: number; forced?: boolean } = {}): string {
	const live = o.live ?? 1;
	return (
		`gc ${n} @${(o.at ?? n * 0.05).toFixed(3)}s ${o.cpu ?? 0}%: ${o.clock ?? '0.18+1.5+0.003'} ms clock, ` +
		`0.37+0.056/0.47/0.67+0.006 ms cpu, ${live + 3}->${live + 3}->${live} MB, ${2 * live + 4} MB goal, ` +
		`0 MB stacks, 0 MB globals, 2 P${o.forced ? ' (forced)' : ''}`
	);
}

/** Crafted: a Go 1.26 schedtrace line (schedtrace/go1.26-p2-leak.txt line 3) with chosen figures. */
function schedLine(ms: number, o: { idle?: number; threads?: number; global?: number; local?: [number, number] } = {}): string {
	const [a, b] = o.local ?? [0, 0];
	return (
		`SCHED ${ms}ms: gomaxprocs=2 idleprocs=${o.idle ?? 0} threads=${o.threads ?? 7} spinningthreads=0 ` +
		`needspinning=1 idlethreads=2 runqueue=${o.global ?? 0} [ ${a} ${b} ] schedticks=[ 151072 148541 ]`
	);
}

const log = (lines: string[]) => `${lines.join('\n')}\n`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('rules', () => {
	test('one rule per kind, each stated in full, with a lesson that exists', () => {
		const slugs = new Set(
			readdirSync(path.join(root, 'content', 'lessons'), { withFileTypes: true })
				.filter((d) => d.isDirectory())
				.map((d) => d.name.replace(/^\d+-/, '')),
		);
		assert.deepEqual(findingRules.map((r) => r.kind), [...findingKinds]);
		for (const rule of findingRules) {
			assert.ok(slugs.has(rule.lesson), `${rule.kind}: lesson ${rule.lesson} exists`);
			for (const text of [rule.title, rule.looksFor, rule.threshold, rule.reason]) {
				assert.ok(text.length > 10, `${rule.kind}: text present`);
				assert.doesNotMatch(text, /[<>`*\n]/, `${rule.kind}: plain text`);
			}
		}
	});
});

describe('heap-growth', () => {
	test('raised on a live heap that climbs over many cycles, with the run’s figures and lines', () => {
		// Crafted: the live heap climbs 1, 2, … 12 MB.
		const found = findFindings(log(range(12).map((i) => gcLine(i + 1, { live: i + 1 }))));
		const f = only(found, 'heap-growth');
		assert.ok(f);
		assert.match(f.message, /from 1 MB at line 1 to 12 MB at line 12, over 12 cycles/);
		assert.deepEqual(f.lines, range(12).map((i) => i + 1));
		assert.equal(f.lineCount, 12);
	});
	test('small dips do not end a run; a fall back does', () => {
		// Crafted: climbing with a 5% dip at 20 MB still raises.
		const dip = [10, 12, 14, 16, 18, 20, 19, 22, 24, 26, 28];
		assert.ok(only(findFindings(log(dip.map((live, i) => gcLine(i + 1, { live })))), 'heap-growth'));
		// Crafted: a sawtooth that falls back to 10 MB every 5 cycles never raises.
		const saw = range(30).map((i) => 10 + (i % 5) * 3);
		assert.equal(only(findFindings(log(saw.map((live, i) => gcLine(i + 1, { live })))), 'heap-growth'), undefined);
	});
	test('not raised on a flat heap, too few cycles, or growth within rounding', () => {
		assert.equal(only(findFindings(capture('gctrace/go1.26-gcdemo.txt')), 'heap-growth'), undefined);
		// Crafted: 9 cycles of growth.
		assert.equal(only(findFindings(log(range(9).map((i) => gcLine(i + 1, { live: 2 * i + 1 })))), 'heap-growth'), undefined);
		// Crafted: 0 to 3 MB over 20 cycles: under the 4 MB floor.
		const creep = range(20).map((i) => Math.floor(i / 6));
		assert.equal(only(findFindings(log(creep.map((live, i) => gcLine(i + 1, { live })))), 'heap-growth'), undefined);
	});
	test('the -retain captures raise it, and both eras agree', () => {
		for (const file of ['gctrace/go1.19-gcdemo-retain.txt', 'gctrace/go1.26-gcdemo-retain.txt']) {
			const f = only(findFindings(capture(file)), 'heap-growth');
			assert.ok(f, file);
			assert.match(f.message, /to 29 MB/);
		}
	});
	test('Go 1.4 lines: the first heap number is the previous cycle’s live heap', () => {
		// Crafted from the Go 1.4 line of the format reference, with heap numbers changed. The
		// second number (before sweeping) stays high, so only the first can show growth.
		const legacy = (n: number, before: number) =>
			`gc${n}(1): 2+0+198+3 us, ${before} -> 40 MB, 18 (19-1) objects, 2 goroutines, 15/0/0 sweeps, 0(0) handoff, 0(0) steal, 0/0/0 yields`;
		const found = findFindings(log(range(12).map((i) => legacy(i + 1, 2 * (i + 1)))));
		assert.match(only(found, 'heap-growth')?.message ?? '', /from 2 MB at line 1 to 24 MB at line 12/);
		assert.equal(only(findFindings(log(range(12).map((i) => legacy(i + 1, 5)))), 'heap-growth'), undefined);
	});
});

describe('goroutine-leak', () => {
	for (const go of ['go1.19', 'go1.26']) {
		for (const p of ['p1', 'p2']) {
			test(`raised on ${go}-${p}-leak and not on ${go}-${p}-load`, () => {
				const leak = only(findFindings(capture(`schedtrace/${go}-${p}-leak.txt`)), 'goroutine-leak');
				assert.ok(leak);
				// Every SCHED line after the first (which is at 0 ms, before any load) and the
				// listener's line 1 or 2.
				assert.equal(leak.lines[leak.lines.length - 1], 11);
				assert.ok(leak.lineCount >= 8);
				assert.equal(only(findFindings(capture(`schedtrace/${go}-${p}-load.txt`)), 'goroutine-leak'), undefined);
			});
		}
	}
	test('not raised when the queues drain before the end, or for less than 3 seconds', () => {
		const busy = (ms: number) => schedLine(ms, { global: 1282, local: [114, 123] });
		// Crafted: busy for 4 s, then idle with empty queues.
		assert.equal(only(findFindings(log([1, 2, 3, 4].map((s) => busy(s * 1000)).concat(schedLine(5000, { idle: 2 })))), 'goroutine-leak'), undefined);
		// Crafted: busy for the last 2 s only.
		assert.equal(only(findFindings(log([schedLine(1000, { idle: 2 }), busy(2000), busy(3000), busy(4000)])), 'goroutine-leak'), undefined);
		// Crafted: the same 4 s, busy to the end.
		assert.ok(only(findFindings(log([schedLine(1000, { idle: 2 }), ...[2, 3, 4, 5].map((s) => busy(s * 1000))])), 'goroutine-leak'));
		// Crafted: no idle P but few goroutines waiting, as under load.
		assert.equal(only(findFindings(log([1, 2, 3, 4, 5].map((s) => schedLine(s * 1000, { global: 1, local: [2, 0] })))), 'goroutine-leak'), undefined);
	});
});

describe('long-pause', () => {
	test('raised on a cycle whose stop-the-world phases add up to more than 10 ms', () => {
		// Crafted: 8.5 ms sweep termination + 2.0 ms mark termination; the concurrent 3.1 ms does not count.
		const found = findFindings(log([gcLine(1), gcLine(2, { clock: '8.5+3.1+2.0' }), gcLine(3)]));
		const f = only(found, 'long-pause');
		assert.ok(f);
		assert.deepEqual(f.lines, [2]);
		assert.match(f.message, /1 of 3 cycles .* line 2, stopped it for 10\.5 ms \(sweep termination 8\.5 ms \+ mark termination 2 ms\)/);
	});
	test('not raised by a long concurrent mark or a pause of exactly 10 ms', () => {
		assert.equal(only(findFindings(log([gcLine(1, { clock: '0.2+250+0.1' }), gcLine(2, { clock: '9+1+1' })])), 'long-pause'), undefined);
		for (const file of allCaptures) assert.equal(only(findFindings(capture(file)), 'long-pause'), undefined, file);
	});
	test('Go 1.4 and earlier: the whole collection is the pause', () => {
		// Crafted from the reference's Go 1.4 line: 2+0+19800+3 µs = 19.805 ms.
		const line = 'gc1(1): 2+0+19800+3 us, 0 -> 0 MB, 18 (19-1) objects, 2 goroutines, 15/0/0 sweeps, 0(0) handoff, 0(0) steal, 0/0/0 yields';
		assert.match(only(findFindings(line), 'long-pause')?.message ?? '', /19\.805 ms/);
		// Crafted from the reference's Go 1.1 line: 4+3+2 ms.
		const old = 'gc1(1): 4+3+2 ms, 0 -> 0 MB 16 -> 18 (19-1) objects, 0(0) handoff, 0(0) steal, 0/0/0 yields';
		assert.equal(only(findFindings(old), 'long-pause'), undefined);
	});
});

describe('gc-cpu', () => {
	test('raised when the cumulative share passes 25% after the first second', () => {
		// Crafted: the share climbs to 31% by 2 s.
		const found = findFindings(log([gcLine(1, { at: 0.5, cpu: 12 }), gcLine(2, { at: 1.5, cpu: 27 }), gcLine(3, { at: 2, cpu: 31 }), gcLine(4, { at: 2.5, cpu: 24 })]));
		const f = only(found, 'gc-cpu');
		assert.ok(f);
		assert.deepEqual(f.lines, [2, 3]);
		assert.match(f.message, /reached 31% at line 3 \(2 s into the run\).*line 4, printed 24%/);
	});
	test('not raised at 25% or in the first second', () => {
		assert.equal(only(findFindings(log([gcLine(1, { at: 0.2, cpu: 60 }), gcLine(2, { at: 3, cpu: 25 })])), 'gc-cpu'), undefined);
		for (const file of allCaptures) assert.equal(only(findFindings(capture(file)), 'gc-cpu'), undefined, file);
	});
});

describe('forced-gc', () => {
	test('raised on (forced) cycles and on GC forced lines, told apart', () => {
		// Crafted: a forced cycle, then sysmon's periodic notice and its unmarked cycle.
		const found = findFindings(log([gcLine(1), gcLine(2, { forced: true }), 'GC forced', gcLine(3, { at: 121 })]));
		const f = only(found, 'forced-gc');
		assert.ok(f);
		assert.deepEqual(f.lines, [2, 3]);
		assert.match(f.message, /^1 cycle was forced by the program, at line 2: .* 1 GC forced line, at line 3, is sysmon’s periodic/);
	});
	test('the leak-check capture names its goroutine-leak check', () => {
		const f = only(findFindings(capture('gctrace/go1.26-gcdemo-leakcheck.txt')), 'forced-gc');
		assert.match(f?.message ?? '', /3 cycles were forced by the program \(1 of them was a goroutine-leak check\)/);
	});
	test('Go 1.2–1.3: the scavenger’s GC forced line counts as periodic', () => {
		assert.match(only(findFindings('scvg3: GC forced\n'), 'forced-gc')?.message ?? '', /1 GC forced line, at line 1/);
	});
	test('not raised on a log without forced cycles', () => {
		assert.equal(only(findFindings(capture('gctrace/go1.26-web-load.txt')), 'forced-gc'), undefined);
	});
});

describe('thread-growth', () => {
	test('raised when threads= keeps reaching new highs', () => {
		// Crafted: 7 threads, then 9, 11, 13, 15, 18.
		const found = findFindings(log([7, 9, 9, 11, 13, 12, 15, 18].map((threads, i) => schedLine(i * 1000, { threads }))));
		const f = only(found, 'thread-growth');
		assert.ok(f);
		assert.deepEqual(f.lines, [2, 4, 5, 7, 8]);
		assert.match(f.message, /rose from 7 at line 1 to 18 at line 8, reaching a new high 5 times/);
	});
	test('not raised by start-up growth or one jump', () => {
		for (const file of allCaptures) assert.equal(only(findFindings(capture(file)), 'thread-growth'), undefined, file);
		// Crafted: one jump from 7 to 50, which then stays.
		assert.equal(only(findFindings(log([7, 50, 50, 50, 50, 50, 50].map((threads, i) => schedLine(i * 1000, { threads })))), 'thread-growth'), undefined);
		// Crafted: 6 small rises, 7 to 13, under the 10-thread floor.
		assert.equal(only(findFindings(log([7, 8, 9, 10, 11, 12, 13].map((threads, i) => schedLine(i * 1000, { threads })))), 'thread-growth'), undefined);
	});
});

describe('runqueue-imbalance', () => {
	test('raised when the same P keeps the long queue for 3 lines', () => {
		// Crafted: P1 holds 120–200 goroutines while P0 holds 0–30.
		const queues: [number, number][] = [[40, 41], [0, 120], [30, 200], [3, 150], [90, 95]];
		const f = only(findFindings(log(queues.map((local, i) => schedLine(i * 1000, { local })))), 'runqueue-imbalance');
		assert.ok(f);
		assert.deepEqual(f.lines, [2, 3, 4]);
		assert.match(f.message, /For 3 consecutive lines from line 2, P1’s local run queue held 120 to 200 goroutines/);
	});
	test('not raised when the long queue moves between Ps, lasts 2 lines, or is short', () => {
		const none = (queues: [number, number][]) =>
			assert.equal(only(findFindings(log(queues.map((local, i) => schedLine(i * 1000, { local })))), 'runqueue-imbalance'), undefined);
		none([[120, 0], [0, 130], [140, 0], [0, 120]]);
		none([[120, 0], [130, 0], [10, 10], [140, 0], [150, 3]]);
		none([[15, 0], [12, 0], [14, 0], [13, 1]]);
		for (const file of allCaptures) assert.equal(only(findFindings(capture(file)), 'runqueue-imbalance'), undefined, file);
	});
});

describe('every capture', () => {
	test('raises only what a Go developer would point out, in plain text', () => {
		const expected = (file: string): FindingKind[] => {
			const k: FindingKind[] = [];
			if (file.includes('retain')) k.push('heap-growth');
			if (file.includes('-leak.txt')) k.push('goroutine-leak');
			// gcdemo calls runtime.GC and debug.FreeOSMemory halfway through (the web service does not).
			if (file.includes('gcdemo') && /^(gctrace|combined)\//.test(file)) k.push('forced-gc');
			return k;
		};
		for (const file of allCaptures) {
			const found = findFindings(capture(file));
			assert.deepEqual(kinds(found), expected(file), file);
			for (const f of found) {
				assert.doesNotMatch(f.message, /[<>`*\n]/, `${file} ${f.kind}: plain text`);
				assert.ok(f.lines.length > 0 && f.lines.length <= maxFindingLines);
				assert.deepEqual(f.lines, [...f.lines].sort((a, b) => a - b));
				assert.ok(f.lineCount >= f.lines.length);
			}
		}
	});
});

describe('the collector', () => {
	test('keeps at most 50 line numbers per finding over 100,000 triggering lines', () => {
		const collector = createFindingsCollector();
		const parser = createLogParser((line) => collector.add(line));
		// Crafted: 50,000 forced cycles with 12 ms pauses, and 50,000 GC forced lines.
		for (let chunk = 0; chunk < 100; chunk++) {
			const lines: string[] = [];
			for (let i = 0; i < 500; i++) lines.push(gcLine(chunk * 500 + i + 1, { clock: '11+1+1', forced: true }), 'GC forced');
			parser.push(log(lines));
		}
		parser.end();
		const found = collector.result();
		const forced = only(found, 'forced-gc')!;
		assert.equal(forced.lineCount, 100_000);
		assert.equal(forced.lines.length, maxFindingLines);
		assert.deepEqual(forced.lines.slice(0, 3), [1, 2, 3]);
		const pause = only(found, 'long-pause')!;
		assert.equal(pause.lineCount, 50_000);
		assert.equal(pause.lines.length, maxFindingLines);
		assert.match(forced.message, /50,000 cycles were forced .* at lines 1, 3, 5 and 49,997 more/);
	});
	test('result can be read mid-stream and again later', () => {
		const collector = createFindingsCollector();
		const parser = createLogParser((line) => collector.add(line));
		parser.push(`${gcLine(1, { forced: true })}\n`);
		assert.equal(only(collector.result(), 'forced-gc')?.lineCount, 1);
		parser.push(`${gcLine(2, { forced: true })}\n`);
		parser.end();
		assert.equal(only(collector.result(), 'forced-gc')?.lineCount, 2);
	});
	test('no findings on an empty log or on text that is not trace output', () => {
		assert.deepEqual(findFindings(''), []);
		assert.deepEqual(findFindings('hello\nworld\n'), []);
	});
});
