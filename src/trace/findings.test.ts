import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
	backgroundMarkShare,
	createFindingsCollector,
	createLogParser,
	findFindings,
	findingKinds,
	findingRules,
	isFieldKey,
	maxFindingLines,
	type Finding,
	type FindingKind,
} from './index.ts';
import { createRandom } from './test-support.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const traces = path.join(root, 'content', 'traces');
const capture = (file: string) => readFileSync(path.join(traces, file), 'utf8');
/** Every capture, from the provenance list, so a new capture is covered by its scenario name. */
const allCaptures: string[] = JSON.parse(capture('captures.json')).map((c: { file: string }) => c.file);
/** `schedtrace/go1.26-p2-leak.txt` → `p2-leak`. */
const scenario = (file: string) => path.basename(file, '.txt').replace(/^go1\.\d+-/, '');
const capturesOf = (test: (scenario: string) => boolean) => allCaptures.filter((f) => test(scenario(f)));

const kinds = (found: Finding[]) => found.map((f) => f.kind);
const only = (found: Finding[], kind: FindingKind) => found.find((f) => f.kind === kind);

// Crafted logs are built from real Go 1.26 and Go 1.19 lines of the captures, with only the
// numbers a rule reads changed.

/** Crafted: a Go 1.26 gc line (gctrace/go1.26-gcdemo-retain.txt line 5) with chosen figures. */
function gcLine(
	n: number,
	o: { at?: number; cpu?: number; clock?: string; live?: number; forced?: boolean; procs?: number } = {},
): string {
	const live = o.live ?? 1;
	return (
		`gc ${n} @${(o.at ?? n * 0.05).toFixed(3)}s ${o.cpu ?? 0}%: ${o.clock ?? '0.18+1.5+0.003'} ms clock, ` +
		`0.37+0.056/0.47/0.67+0.006 ms cpu, ${live + 3}->${live + 3}->${live} MB, ${2 * live + 4} MB goal, ` +
		`0 MB stacks, 0 MB globals, ${o.procs ?? 2} P${o.forced ? ' (forced)' : ''}`
	);
}

/** Crafted: a Go 1.26 schedtrace line (schedtrace/go1.26-p2-leak.txt line 3) with chosen figures. */
function schedLine(
	ms: number,
	o: { idle?: number; threads?: number; global?: number; local?: [number, number]; ticks?: [number, number] } = {},
): string {
	const [a, b] = o.local ?? [0, 0];
	const [t0, t1] = o.ticks ?? [151072, 148541];
	return (
		`SCHED ${ms}ms: gomaxprocs=2 idleprocs=${o.idle ?? 0} threads=${o.threads ?? 7} spinningthreads=0 ` +
		`needspinning=1 idlethreads=2 runqueue=${o.global ?? 0} [ ${a} ${b} ] schedticks=[ ${t0} ${t1} ]`
	);
}

const log = (lines: string[]) => `${lines.join('\n')}\n`;
/**
 * Read from the printed gc lines, not through the rule: a lab run (one P, so its background worker
 * share is 25%) has a cycle at least 1 s in whose GC CPU share since the start is above 25%.
 */
const labGcCpuAboveWorkers = (text: string) => {
	const cycles = [...text.matchAll(/^gc \d+ @([\d.]+)s (\d+)%:.* (\d+) P/gm)];
	assert.ok(cycles.length > 0 && cycles.every(([, , , procs]) => procs === '1'), 'a lab run with one P');
	return cycles.some(([, at, percent]) => Number(at) >= 1 && Number(percent) > 25);
};
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('rules', () => {
	test('one rule per kind, each stated in full, with a lesson that exists and the fields it reads', () => {
		const slugs = new Set(
			readdirSync(path.join(root, 'content', 'lessons'), { withFileTypes: true })
				.filter((d) => d.isDirectory())
				.map((d) => d.name.replace(/^\d+-/, '')),
		);
		assert.deepEqual(
			findingRules.map((r) => r.kind),
			[...findingKinds],
		);
		for (const rule of findingRules) {
			assert.ok(slugs.has(rule.lesson), `${rule.kind}: lesson ${rule.lesson} exists`);
			for (const text of [rule.title, rule.looksFor, rule.threshold, rule.reason]) {
				assert.ok(text.length > 10, `${rule.kind}: text present`);
				assert.doesNotMatch(text, /[<>`*\n]/, `${rule.kind}: plain text`);
			}
			assert.ok(rule.fields.length > 0 && rule.fields.every(isFieldKey), `${rule.kind}: fields in the catalogue`);
		}
	});
	test('each rule says what the pattern means and what to run next, with one complete command', () => {
		for (const rule of findingRules) {
			for (const text of [rule.means, rule.next.action]) {
				assert.ok(text.length > 20, `${rule.kind}: decision text present`);
				assert.doesNotMatch(text, /[<>`*\n]/, `${rule.kind}: plain text`);
			}
			const { command } = rule.next;
			// Copied as it is: no placeholder left to fill in, no line break, and only this machine's service.
			assert.doesNotMatch(command, /[<>\n]|\.\.\.|…/, `${rule.kind}: complete command`);
			assert.match(command, /^(curl|go|grep) /, `${rule.kind}: starts with the tool it runs`);
			for (const url of command.match(/https?:\/\/[^\s']+/g) ?? []) {
				assert.match(
					url,
					/^http:\/\/127\.0\.0\.1:4000\/debug\/pprof\//,
					`${rule.kind}: ${url} is the local pprof endpoint`,
				);
			}
		}
	});
});

describe('heap-growth', () => {
	test('raised on a live heap that climbs over the whole log, with its quarters and lines', () => {
		// Crafted: the live heap climbs 1, 2, … 12 MB.
		const f = only(findFindings(log(range(12).map((i) => gcLine(i + 1, { live: i + 1 })))), 'heap-growth');
		assert.ok(f);
		assert.match(f.message, /each quarter of the log’s 12 cycles, the live heap was 2, 5, 8 and 11 MB/);
		assert.match(f.message, /from 1 MB at line 1 to 12 MB at line 12 and had not levelled off/);
		// The new highs after the first quarter, the warm-up.
		assert.deepEqual(
			f.lines,
			range(9).map((i) => i + 4),
		);
		assert.equal(f.lineCount, 9);
	});
	test('a heap that fills and then stays flat is not growing, however steep the filling', () => {
		// Crafted: 0 to 12 MB over the first 20 cycles, then flat at 12 MB for 40, as a ring buffer does.
		const ring = range(60).map((i) => Math.min(12, Math.floor(i * 0.6)));
		assert.equal(only(findFindings(log(ring.map((live, i) => gcLine(i + 1, { live })))), 'heap-growth'), undefined);
		// Crafted: the same filling, and the log ends while it still climbs: that is growth.
		assert.ok(only(findFindings(log(ring.slice(0, 20).map((live, i) => gcLine(i + 1, { live })))), 'heap-growth'));
	});
	test('not raised on a sawtooth, too few cycles, or growth within rounding', () => {
		// Crafted: a sawtooth that falls back to 10 MB every 5 cycles.
		const saw = range(30).map((i) => 10 + (i % 5) * 3);
		assert.equal(only(findFindings(log(saw.map((live, i) => gcLine(i + 1, { live })))), 'heap-growth'), undefined);
		// Crafted: 11 cycles of growth.
		assert.equal(
			only(findFindings(log(range(11).map((i) => gcLine(i + 1, { live: 2 * i + 1 })))), 'heap-growth'),
			undefined,
		);
		// Crafted: 0 to 3 MB over 20 cycles: under the 4 MB floor.
		const creep = range(20).map((i) => Math.floor(i / 6));
		assert.equal(only(findFindings(log(creep.map((live, i) => gcLine(i + 1, { live })))), 'heap-growth'), undefined);
	});
	test('every -retain and capstone-leak capture raises it, and no other capture does (-ring fills and levels off)', () => {
		const retain = capturesOf((s) => s.endsWith('retain') || s === 'capstone-leak');
		const ring = capturesOf((s) => s.endsWith('ring'));
		assert.ok(retain.length >= 6 && ring.length >= 3);
		for (const file of allCaptures) {
			const f = only(findFindings(capture(file)), 'heap-growth');
			if (!retain.includes(file)) {
				assert.equal(f, undefined, file);
				continue;
			}
			assert.ok(f, file);
			// The last cycle's live heap, as printed.
			const last = [...capture(file).matchAll(/->(\d+) MB,/g)].at(-1)![1];
			assert.match(f.message, new RegExp(`to ${last} MB at line \\d+ and had not levelled off`), file);
		}
	});
	test('a long log keeps every other cycle once it has 4,096, and still judges the whole of it', () => {
		// Crafted: 10,000 cycles, the live heap climbing 1 MB every 500 cycles.
		const climb = range(10_000).map((i) => gcLine(i + 1, { live: 1 + Math.floor(i / 500) }));
		const f = only(findFindings(log(climb)), 'heap-growth');
		assert.match(f?.message ?? '', /10,000 cycles \(every 4th cycle kept for these figures\)/);
		assert.match(f?.message ?? '', /to 20 MB at line 9997/);
		// Crafted: the same climb over the first 2,000 cycles, then flat to the end.
		const plateau = range(10_000).map((i) => gcLine(i + 1, { live: 1 + Math.floor(Math.min(i, 1999) / 100) }));
		assert.equal(only(findFindings(log(plateau)), 'heap-growth'), undefined);
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
	// The capstone's leak has its own test below: its queues can be caught empty.
	const leaks = capturesOf((s) => s.endsWith('-leak') && !s.startsWith('capstone'));
	const loads = capturesOf((s) => s.endsWith('-load'));
	test('raised on every -leak capture, ending at its last SCHED line, with what it cannot know', () => {
		assert.ok(leaks.length >= 9);
		for (const file of leaks) {
			const text = capture(file);
			const lastSched = text.split('\n').findLastIndex((l) => l.startsWith('SCHED')) + 1;
			const f = only(findFindings(text), 'goroutine-leak');
			assert.ok(f, file);
			assert.equal(f.lines.at(-1), lastSched, file);
			assert.match(
				f.message,
				/In the last 3(\.\d)? seconds of the log, from line \d+ \(SCHED \d+ms\) to line \d+/,
				file,
			);
			assert.match(f.message, /cannot show whether the load had really stopped/, file);
			// From Go 1.25 the ticks are printed, and they climb by well over 100,000 a second.
			if (/schedticks=/.test(text))
				assert.match(f.message, /ticks of all Ps climbed by about \d{3},\d{3} a second/, file);
			else assert.doesNotMatch(f.message, /ticks/, file);
		}
	});
	test('not raised on any -load capture: after the load the Ps go idle, the queues empty, the ticks stop', () => {
		assert.ok(loads.length >= 9);
		for (const file of loads) assert.equal(only(findFindings(capture(file)), 'goroutine-leak'), undefined, file);
	});
	test('eight Ps on two cores: a leak with no idle P, or with idle Ps and long queues on one line', () => {
		const none = only(findFindings(capture('schedtrace/go1.26-p8-leak.txt')), 'goroutine-leak');
		assert.match(none?.message ?? '', /No P was idle on any of these lines/);
		// Go 1.27: SCHED 7037ms shows idleprocs=2 and 2,402 goroutines waiting at once.
		const some = only(findFindings(capture('schedtrace/go1.27-p8-leak.txt')), 'goroutine-leak');
		assert.match(some?.message ?? '', /all 4 lines show 1,246 to 9,868 goroutines waiting/);
	});
	test('an idle moment and then queues again is named', () => {
		const f = only(findFindings(capture('schedtrace/go1.27-p2-leak.txt')), 'goroutine-leak');
		assert.match(
			f?.message ?? '',
			/At line 8, 1 P was idle with empty queues, yet at line 9, 7,248 goroutines were waiting again/,
		);
	});
	// Quoted from the tutorial (its leak run and its healthy run, GOMAXPROCS=1); not captures.
	const tutorialLeak = [
		'SCHED 13074ms: gomaxprocs=1 idleprocs=0 threads=5 spinningthreads=0 idlethreads=1 runqueue=0 [37]',
		'SCHED 14084ms: gomaxprocs=1 idleprocs=1 threads=5 spinningthreads=0 idlethreads=1 runqueue=0 [0]',
		'SCHED 15091ms: gomaxprocs=1 idleprocs=1 threads=5 spinningthreads=0 idlethreads=1 runqueue=0 [0]',
		'SCHED 16097ms: gomaxprocs=1 idleprocs=0 threads=5 spinningthreads=0 idlethreads=1 runqueue=129 [225]',
	];
	const tutorialHealthy = [
		'SCHED 8047ms: gomaxprocs=1 idleprocs=0 threads=4 spinningthreads=0 idlethreads=1 runqueue=0 [62]',
		'SCHED 9056ms: gomaxprocs=1 idleprocs=0 threads=4 spinningthreads=0 idlethreads=1 runqueue=32 [0]',
		'SCHED 10065ms: gomaxprocs=1 idleprocs=1 threads=4 spinningthreads=0 idlethreads=1 runqueue=0 [0]',
		'SCHED 11068ms: gomaxprocs=1 idleprocs=1 threads=4 spinningthreads=0 idlethreads=1 runqueue=0 [0]',
	];
	test('raised on the tutorial’s four leak lines (quoted from the tutorial): queues back after idle lines', () => {
		const f = only(findFindings(log(tutorialLeak)), 'goroutine-leak');
		assert.ok(f);
		assert.deepEqual(f.lines, [1, 4]);
		assert.match(
			f.message,
			/2 of these 4 lines show 37 to 354 goroutines waiting in the run queues with GOMAXPROCS at 1, the last line among them/,
		);
		assert.match(
			f.message,
			/At line 2, the P was idle with empty queues, yet at line 4, 354 goroutines were waiting again/,
		);
	});
	test('not raised on the tutorial’s healthy lines (quoted from the tutorial): busy, then quiet to the end', () => {
		assert.equal(only(findFindings(log(tutorialHealthy)), 'goroutine-leak'), undefined);
	});
	test('queues must come back seconds apart and the last line must not be quiet', () => {
		const busy = (ms: number, ticks?: [number, number]) => schedLine(ms, { global: 1282, local: [114, 123], ticks });
		const quiet = (ms: number, ticks?: [number, number]) => schedLine(ms, { idle: 2, ticks });
		// Crafted: busy for 4 s, then a quiet last line.
		assert.equal(
			only(findFindings(log([1, 2, 3, 4].map((s) => busy(s * 1000)).concat(quiet(5000)))), 'goroutine-leak'),
			undefined,
		);
		// Crafted: less than 3 s of lines.
		assert.equal(only(findFindings(log([busy(1000), busy(2000), busy(3000)])), 'goroutine-leak'), undefined);
		// Crafted: queues on two lines 1 s apart at the end, after quiet lines (flat ticks): one burst.
		const burst = [quiet(1000), quiet(2000), quiet(3000), busy(4000), busy(5000)];
		assert.equal(only(findFindings(log(burst)), 'goroutine-leak'), undefined);
		// Crafted: the same with queues 2 s apart.
		assert.ok(
			only(findFindings(log([quiet(1000), quiet(2000), busy(3000), quiet(4000), busy(5000)])), 'goroutine-leak'),
		);
		// Crafted: 25 goroutines per P is the floor: 49 waiting with 2 Ps are not enough.
		const few = (ms: number) => schedLine(ms, { global: 40, local: [9, 0] });
		assert.equal(only(findFindings(log([1, 2, 3, 4, 5].map((s) => few(s * 1000)))), 'goroutine-leak'), undefined);
		assert.ok(
			only(
				findFindings(log([1, 2, 3, 4, 5].map((s) => few(s * 1000).replace('[ 9 0 ]', '[ 10 0 ]')))),
				'goroutine-leak',
			),
		);
	});
	test('from Go 1.25, ticks climbing on every line stand in for a second queue', () => {
		const busy = (ms: number, ticks: [number, number]) => schedLine(ms, { global: 1282, local: [114, 123], ticks });
		const quiet = (ms: number, ticks: [number, number]) => schedLine(ms, { idle: 2, ticks });
		// Crafted: one line with long queues, and the ticks climbing by 300,000 a second to the end.
		const climbing = [
			busy(1000, [0, 0]),
			quiet(2000, [150_000, 150_000]),
			quiet(3000, [300_000, 300_000]),
			quiet(4000, [450_000, 450_000]),
		];
		const f = only(findFindings(log(climbing)), 'goroutine-leak');
		assert.match(f?.message ?? '', /climbed by about 300,000 a second over these lines, up to the last one/);
		assert.deepEqual(f?.lines, [1, 4]);
		// Crafted: the same, with flat ticks over the last second: the program went quiet.
		const settled = climbing.slice(0, 3).concat(quiet(4000, [300_000, 300_000]));
		assert.equal(only(findFindings(log(settled)), 'goroutine-leak'), undefined);
	});
	test('a second run in the same log is judged on its own lines', () => {
		const busy = (ms: number) => schedLine(ms, { global: 1282, local: [114, 123] });
		// Crafted: a leaking run, then a new run (SCHED back to 0 ms) with one second of lines.
		const lines = [1, 2, 3, 4].map((s) => busy(s * 1000)).concat(busy(0), busy(1000));
		assert.equal(only(findFindings(log(lines)), 'goroutine-leak'), undefined);
	});
});

describe('blocked-goroutines', () => {
	const blocks = capturesOf((s) => s.endsWith('-block'));
	test('raised on every -block capture, naming the wait reason that grows, with the dumps', () => {
		assert.ok(blocks.length >= 3);
		for (const file of blocks) {
			const f = only(findFindings(capture(file)), 'blocked-goroutines');
			assert.ok(f, file);
			const headers = capture(file)
				.split('\n')
				.flatMap((l, i) => (l.startsWith('SCHED') ? [i + 1] : []));
			assert.ok(
				f.lines.every((n) => headers.includes(n)),
				`${file}: lines are dump headers`,
			);
			assert.match(
				f.message,
				/goroutines waiting on “chan receive” went from 0 in the first dump to 640 in the last/,
				file,
			);
			assert.match(f.message, /cannot show whether something will still wake them/, file);
		}
		const f = only(findFindings(capture('scheddetail/go1.26-p2-block.txt')), 'blocked-goroutines')!;
		assert.match(
			f.message,
			/^Over 7 scheddetail dumps, from line 1 to line 2352, the goroutines that are not dead went from 4 to 646;/,
		);
		assert.deepEqual(f.lines, [14, 187, 519, 1023, 1681]);
	});
	test('not raised on a healthy service’s dumps, nor on any capture without dumps', () => {
		for (const file of allCaptures.filter((f) => !blocks.includes(f))) {
			assert.equal(only(findFindings(capture(file)), 'blocked-goroutines'), undefined, file);
		}
	});
	/** Crafted: a Go 1.26 dump (scheddetail/go1.26-p2-block.txt lines 14, 15 and 24) with `n` G lines of a status. */
	const dump = (ms: number, n: number, status = '4(chan receive)') => [
		`SCHED ${ms}ms: gomaxprocs=2 idleprocs=2 threads=6 spinningthreads=0 needspinning=0 idlethreads=2 runqueue=0 gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false`,
		'  P0: status=0 schedtick=138 syscalltick=197 m=nil runqsize=0 gfreecnt=4 timerslen=0',
		'  G1: status=4(IO wait) m=nil lockedm=nil',
		...range(n).map((i) => `  G${100 + i}: status=${status} m=nil lockedm=nil`),
	];
	test('dead goroutines are not counted, goroutines being scanned are, and a drained pile is no leak', () => {
		const grow = [0, 50, 100, 150, 200];
		assert.ok(only(findFindings(log(grow.flatMap((n, i) => dump(i * 1000, n)))), 'blocked-goroutines'));
		// Crafted: the same G lines dead (status 6), kept by the runtime for reuse.
		assert.equal(
			only(findFindings(log(grow.flatMap((n, i) => dump(i * 1000, n, '6()')))), 'blocked-goroutines'),
			undefined,
		);
		// Crafted: waiting while the GC scans their stacks (4096 + 4) still counts.
		assert.ok(
			only(findFindings(log(grow.flatMap((n, i) => dump(i * 1000, n, '4100(chan receive)')))), 'blocked-goroutines'),
		);
		// Crafted: they pile up, then go away.
		assert.equal(
			only(findFindings(log([...grow, 10].flatMap((n, i) => dump(i * 1000, n)))), 'blocked-goroutines'),
			undefined,
		);
		// Crafted: three dumps are too few; growth under 100 is a small pool.
		assert.equal(
			only(findFindings(log([0, 100, 200].flatMap((n, i) => dump(i * 1000, n)))), 'blocked-goroutines'),
			undefined,
		);
		assert.equal(
			only(findFindings(log([0, 30, 60, 90].flatMap((n, i) => dump(i * 1000, n)))), 'blocked-goroutines'),
			undefined,
		);
	});
});
describe('long-pause', () => {
	test('raised on a cycle whose stop-the-world phases add up to more than 10 ms', () => {
		// Crafted: 8.5 ms sweep termination + 2.0 ms mark termination; the concurrent 3.1 ms does not count.
		const found = findFindings(log([gcLine(1), gcLine(2, { clock: '8.5+3.1+2.0' }), gcLine(3)]));
		const f = only(found, 'long-pause');
		assert.ok(f);
		assert.deepEqual(f.lines, [2]);
		assert.match(
			f.message,
			/1 of 3 cycles stopped the world for more than 10 ms\. That cycle, at line 2, stopped it for 10\.5 ms \(sweep termination 8\.5 ms \+ mark termination 2 ms\)/,
		);
	});
	test('not raised by a long concurrent mark or a pause of exactly 10 ms', () => {
		assert.equal(
			only(findFindings(log([gcLine(1, { clock: '0.2+250+0.1' }), gcLine(2, { clock: '9+1+1' })])), 'long-pause'),
			undefined,
		);
	});
	test('on the captures, raised exactly on the cycles whose printed pauses add up to more than 10 ms', () => {
		for (const file of allCaptures) {
			// The clock triple of each gc line, read here with a pattern, independently of the parser.
			const long = capture(file)
				.split('\n')
				.flatMap((l, i) => {
					const m = /^gc \d+ @[\d.]+s \d+%: ([\d.]+)\+[\d.]+\+([\d.]+) ms clock/.exec(l);
					return m && Number(m[1]) + Number(m[2]) > 10 ? [i + 1] : [];
				});
			assert.deepEqual(only(findFindings(capture(file)), 'long-pause')?.lines ?? [], long, file);
		}
	});
	test('a forced cycle of Go 1.5–1.8 is named as a stopped-world collection', () => {
		// Crafted from the format test's Go 1.8 forced line, its mark termination made 13 ms.
		const line = 'gc 4 @0.311s 1%: 0.009+0+13 ms clock, 0.072+0/0/0+10 ms cpu, 2->2->0 MB, 2 MB goal, 8 P (forced)';
		assert.match(
			only(findFindings(line), 'long-pause')?.message ?? '',
			/13\.009 ms .* It was a forced cycle; from Go 1\.5 to 1\.8/,
		);
		assert.doesNotMatch(only(findFindings(line.replace(' (forced)', '')), 'long-pause')?.message ?? 'x', /forced/);
	});
	test('Go 1.4 and earlier: the whole collection is the pause', () => {
		// Crafted from the reference's Go 1.4 line: 2+0+19800+3 µs = 19.805 ms.
		const line =
			'gc1(1): 2+0+19800+3 us, 0 -> 0 MB, 18 (19-1) objects, 2 goroutines, 15/0/0 sweeps, 0(0) handoff, 0(0) steal, 0/0/0 yields';
		assert.match(only(findFindings(line), 'long-pause')?.message ?? '', /19\.805 ms/);
		// Crafted from the reference's Go 1.1 line: 4+3+2 ms.
		const old = 'gc1(1): 4+3+2 ms, 0 -> 0 MB 16 -> 18 (19-1) objects, 0(0) handoff, 0(0) steal, 0/0/0 yields';
		assert.equal(only(findFindings(old), 'long-pause'), undefined);
	});
});

describe('gc-cpu', () => {
	test('the background workers’ share follows gcControllerState.startCycle', () => {
		// Worked by hand from startCycle (mgcpacer.go, Go 1.19–1.27): round(P × 0.25) dedicated
		// workers; 1–3 and 6 are more than 30% off, so they get a fractional worker up to 25%.
		const shares = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16, 64].map((p) => Number(backgroundMarkShare(p).toFixed(2)));
		assert.deepEqual(shares, [25, 25, 25, 25, 20, 25, 28.57, 25, 22.22, 30, 25, 25]);
	});
	test('raised when the cumulative share passes the workers’ share after the first second', () => {
		// Crafted: the share climbs to 31% by 2 s, with GOMAXPROCS=2 (25%).
		const found = findFindings(
			log([
				gcLine(1, { at: 0.5, cpu: 12 }),
				gcLine(2, { at: 1.5, cpu: 27 }),
				gcLine(3, { at: 2, cpu: 31 }),
				gcLine(4, { at: 2.5, cpu: 24 }),
			]),
		);
		const f = only(found, 'gc-cpu');
		assert.ok(f);
		assert.deepEqual(f.lines, [2, 3]);
		assert.match(
			f.message,
			/reached 31% at line 3 \(2 s into the run\), above the 25% the background mark workers use at GOMAXPROCS=2.*line 4, printed 24%/,
		);
	});
	test('GOMAXPROCS=10 runs 3 dedicated workers, 30%; GOMAXPROCS=5 runs 1, 20%', () => {
		// Crafted: 28% at GOMAXPROCS=10 is within what the workers use; 31% is not.
		assert.equal(
			only(
				findFindings(log([gcLine(1, { at: 2, cpu: 28, procs: 10 }), gcLine(2, { at: 3, cpu: 30, procs: 10 })])),
				'gc-cpu',
			),
			undefined,
		);
		assert.match(
			only(findFindings(gcLine(1, { at: 2, cpu: 31, procs: 10 })), 'gc-cpu')?.message ?? '',
			/above the 30% the background mark workers use at GOMAXPROCS=10/,
		);
		// Crafted: 22% at GOMAXPROCS=5 is more than its one worker uses.
		assert.match(
			only(findFindings(gcLine(1, { at: 2, cpu: 22, procs: 5 })), 'gc-cpu')?.message ?? '',
			/above the 20% the background mark workers use at GOMAXPROCS=5/,
		);
	});
	test('not raised at the workers’ share or in the first second', () => {
		assert.equal(
			only(findFindings(log([gcLine(1, { at: 0.2, cpu: 60 }), gcLine(2, { at: 3, cpu: 25 })])), 'gc-cpu'),
			undefined,
		);
		// The lab's program under a memory limit below its live heap (lab-memlimit) runs the collector back
		// to back on one P: a real case for this finding, where it may be raised.
		for (const file of capturesOf((s) => !s.endsWith('lab-memlimit'))) {
			assert.equal(only(findFindings(capture(file)), 'gc-cpu'), undefined, file);
		}
	});
});

describe('forced-gc', () => {
	test('raised on (forced) cycles and on GC forced lines, told apart', () => {
		// Crafted: a forced cycle, then sysmon's periodic notice and its unmarked cycle.
		const found = findFindings(log([gcLine(1), gcLine(2, { forced: true }), 'GC forced', gcLine(3, { at: 121 })]));
		const f = only(found, 'forced-gc');
		assert.ok(f);
		assert.deepEqual(f.lines, [2, 3]);
		assert.match(
			f.message,
			/^1 cycle was forced by the program, at line 2: .* 1 GC forced line, at line 3, is sysmon’s periodic/,
		);
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
		const found = findFindings(
			log([7, 9, 9, 11, 13, 12, 15, 18].map((threads, i) => schedLine(i * 1000, { threads }))),
		);
		const f = only(found, 'thread-growth');
		assert.ok(f);
		assert.deepEqual(f.lines, [2, 4, 5, 7, 8]);
		assert.match(
			f.message,
			/rose from 7 at line 1 to 18 at line 8 with GOMAXPROCS at 2, reaching a new high 5 times above 6/,
		);
	});
	test('not raised by start-up growth or one jump', () => {
		for (const file of allCaptures) assert.equal(only(findFindings(capture(file)), 'thread-growth'), undefined, file);
		// Crafted: one jump from 7 to 50, which then stays.
		assert.equal(
			only(
				findFindings(log([7, 50, 50, 50, 50, 50, 50].map((threads, i) => schedLine(i * 1000, { threads })))),
				'thread-growth',
			),
			undefined,
		);
		// Crafted: 6 small rises, 7 to 13, under the 10-thread floor.
		assert.equal(
			only(
				findFindings(log([7, 8, 9, 10, 11, 12, 13].map((threads, i) => schedLine(i * 1000, { threads })))),
				'thread-growth',
			),
			undefined,
		);
		// Crafted: GOMAXPROCS=64 starting up, 4 to 68 threads in 7 steps: a thread per P and the runtime's own.
		const big = [4, 20, 36, 50, 60, 66, 68, 68].map(
			(threads, i) =>
				`SCHED ${i * 1000}ms: gomaxprocs=64 idleprocs=0 threads=${threads} spinningthreads=0 needspinning=1 idlethreads=2 runqueue=0 [ ${Array(64).fill(0).join(' ')} ] schedticks=[ ${Array(64).fill(5).join(' ')} ]`,
		);
		assert.equal(only(findFindings(log(big)), 'thread-growth'), undefined);
		// Crafted: the same service then keeps adding threads, 75 to 90.
		const grown = [75, 80, 84, 87, 90].map((threads, i) =>
			big[7].replace('threads=68', `threads=${threads}`).replace('SCHED 7000ms', `SCHED ${8000 + i * 1000}ms`),
		);
		assert.match(
			only(findFindings(log([...big, ...grown])), 'thread-growth')?.message ?? '',
			/rose from 4 at line 1 to 90 at line 13 with GOMAXPROCS at 64, reaching a new high 5 times above 68/,
		);
	});
});

describe('runqueue-imbalance', () => {
	test('raised when the same P keeps the long queue for 3 lines', () => {
		// Crafted: P1 holds 120–200 goroutines while P0 holds 0–30.
		const queues: [number, number][] = [
			[40, 41],
			[0, 120],
			[30, 200],
			[3, 150],
			[90, 95],
		];
		const f = only(findFindings(log(queues.map((local, i) => schedLine(i * 1000, { local })))), 'runqueue-imbalance');
		assert.ok(f);
		assert.deepEqual(f.lines, [2, 3, 4]);
		assert.match(f.message, /For 3 consecutive lines from line 2, P1’s local run queue held 120 to 200 goroutines/);
	});
	test('not raised when the long queue moves between Ps, lasts 2 lines, or is short', () => {
		const none = (queues: [number, number][]) =>
			assert.equal(
				only(findFindings(log(queues.map((local, i) => schedLine(i * 1000, { local })))), 'runqueue-imbalance'),
				undefined,
			);
		none([
			[120, 0],
			[0, 130],
			[140, 0],
			[0, 120],
		]);
		none([
			[120, 0],
			[130, 0],
			[10, 10],
			[140, 0],
			[150, 3],
		]);
		none([
			[15, 0],
			[12, 0],
			[14, 0],
			[13, 1],
		]);
		for (const file of allCaptures)
			assert.equal(only(findFindings(capture(file)), 'runqueue-imbalance'), undefined, file);
	});
});

describe('scheddetail dumps', () => {
	/** Crafted: a Go 1.26 dump (scheddetail/go1.26-p2-load.txt lines 15–17) with chosen queues, and an M line between. */
	const dump = (ms: number, runqueue: number, [a, b]: [number, number]) => [
		`SCHED ${ms}ms: gomaxprocs=2 idleprocs=0 threads=7 spinningthreads=0 needspinning=1 idlethreads=2 runqueue=${runqueue} gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false`,
		`  P0: status=1 schedtick=17574 syscalltick=51245 m=6 runqsize=${a} gfreecnt=23 timerslen=0`,
		`  P1: status=1 schedtick=121521 syscalltick=50222 m=3 runqsize=${b} gfreecnt=15 timerslen=0`,
		'  M0: p=1 curg=1 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=1',
	];
	test('the P lines’ queue lengths count, up to the last dump', () => {
		// Crafted: a small global queue, long local queues, in 4 dumps over 3 s.
		const found = findFindings(log([1, 2, 3, 4].flatMap((s) => dump(s * 1000, 2, [60, 70]))));
		const leak = only(found, 'goroutine-leak');
		assert.ok(leak);
		assert.deepEqual(leak.lines, [1, 5, 9, 13]);
		assert.match(leak.message, /all 4 lines show 132 goroutines waiting in the run queues/);
		// The P lines' schedule ticks count too: here they do not move.
		assert.match(leak.message, /ticks of all Ps climbed by only about 0 a second/);
		assert.match(leak.message, /No P was idle/);
		// Crafted: the same dumps with one P holding them all: the imbalance is seen too.
		const skewed = findFindings(log([1, 2, 3, 4].flatMap((s) => dump(s * 1000, 2, [130, 0]))));
		assert.deepEqual(only(skewed, 'runqueue-imbalance')?.lines, [1, 5, 9, 13]);
		// Crafted: the header alone (global queue 2) is no leak.
		assert.equal(
			only(findFindings(log([1, 2, 3, 4].flatMap((s) => dump(s * 1000, 2, [60, 70]).slice(0, 1)))), 'goroutine-leak'),
			undefined,
		);
	});
});

describe('every capture', () => {
	test('raises only what a Go developer would point out, in plain text', () => {
		const expected = (file: string): FindingKind[] => {
			const s = scenario(file);
			const k: FindingKind[] = [];
			// The capstone's leaked heartbeats keep a record of every beat, so the heap grows too.
			if (s.endsWith('retain') || s === 'capstone-leak') k.push('heap-growth');
			if (s.endsWith('-leak') && !s.startsWith('capstone')) k.push('goroutine-leak');
			if (s === 'capstone-leak' && /schedticks=/.test(capture(file))) k.push('goroutine-leak');
			if (s.endsWith('-block')) k.push('blocked-goroutines');
			// A real pause longer than 10 ms is checked against the printed figures above.
			if (only(findFindings(capture(file)), 'long-pause')) k.push('long-pause');
			// The lab's program under a memory limit below its live heap keeps the collector busy on one P.
			if (s.endsWith('lab-memlimit') && labGcCpuAboveWorkers(capture(file))) k.push('gc-cpu');
			// gcdemo calls runtime.GC and debug.FreeOSMemory halfway through (the web service does not).
			if (s.startsWith('gcdemo') && /^(gctrace|combined)\//.test(file)) k.push('forced-gc');
			return k;
		};
		for (const file of allCaptures) {
			const found = findFindings(capture(file));
			assert.deepEqual(kinds(found), expected(file), file);
			for (const f of found) {
				assert.doesNotMatch(f.message, /[<>`*\n]|NaN|undefined|Infinity/, `${file} ${f.kind}: plain text`);
				assert.ok(f.lines.length > 0 && f.lines.length <= maxFindingLines);
				assert.deepEqual(
					f.lines,
					[...f.lines].sort((a, b) => a - b),
				);
				assert.ok(f.lineCount >= f.lines.length);
			}
		}
	});
	test('captures.json lists every capture file', () => {
		const files = readdirSync(traces, { withFileTypes: true })
			.filter((d) => d.isDirectory())
			.flatMap((d) => readdirSync(path.join(traces, d.name)).map((f) => `${d.name}/${f}`));
		assert.deepEqual([...allCaptures].sort(), files.sort());
	});
});

describe('the capstone service', () => {
	const leaking = capturesOf((s) => s === 'capstone-leak');
	const fixed = capturesOf((s) => s === 'capstone-fixed');
	test('its leak is raised before the fix, from both traces where the release prints the ticks', () => {
		assert.ok(leaking.length >= 3 && fixed.length === leaking.length);
		for (const file of leaking) {
			const text = capture(file);
			const found = kinds(findFindings(text));
			// The leaked heartbeats keep their records: gctrace's live heap climbs in every release.
			assert.ok(found.includes('heap-growth'), file);
			// 4,000 goroutines that wake every 10 ms can all have run at the instant of a line, so
			// the queues may read empty; from Go 1.25 the climbing schedule ticks still show them.
			if (/schedticks=/.test(text)) assert.ok(found.includes('goroutine-leak'), file);
		}
	});
	test('and nothing is raised after it: the same load, with each heartbeat stopped with its request', () => {
		for (const file of fixed) {
			const found = kinds(findFindings(capture(file))).filter((k) => k !== 'long-pause');
			assert.deepEqual(found, [], file);
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
			for (let i = 0; i < 500; i++)
				lines.push(gcLine(chunk * 500 + i + 1, { clock: '11+1+1', forced: true }), 'GC forced');
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
		assert.match(forced.message, /50,000 cycles were forced .* at lines 1, 3, 5 and 49,997 more(?!s)/);
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

describe('damaged input', () => {
	test('random edits of real logs never throw and keep findings well formed', () => {
		const next = createRandom(20261126);
		const alphabet = '0123456789 .+->/[]%@=ms\n';
		for (const file of [
			'schedtrace/go1.26-p2-leak.txt',
			'gctrace/go1.19-gcdemo-retain.txt',
			'combined/go1.26-gcdemo-gc-sched.txt',
			'scheddetail/go1.27-p2-block.txt',
		]) {
			const text = capture(file);
			for (let round = 0; round < 200; round++) {
				const chars = [...text];
				for (let edits = 0; edits < 20; edits++) {
					chars[Math.floor(next() * chars.length)] = alphabet[Math.floor(next() * alphabet.length)];
				}
				for (const f of findFindings(chars.join(''))) {
					assert.ok(findingKinds.includes(f.kind));
					assert.ok(f.lines.length <= maxFindingLines && f.lineCount >= f.lines.length);
					assert.doesNotMatch(f.message, /NaN|undefined|Infinity/);
				}
			}
		}
	});
});

describe('goroutine-leak on damaged input', () => {
	test('a damaged log repeating one SCHED time is still judged on its last seconds', () => {
		// Crafted: 20,000 lines all at SCHED 5000ms, then lines 1 s apart with long queues.
		const same = range(20_000).map(() => schedLine(5000, { idle: 2 }));
		const busy = [6, 7, 8, 9].map((s) => schedLine(s * 1000, { global: 1282, local: [114, 123] }));
		const f = only(findFindings(log([...same, ...busy])), 'goroutine-leak');
		assert.match(f?.message ?? '', /from line 20001 \(SCHED 6000ms\) to line 20004 \(SCHED 9000ms\)/);
	});
});
