/**
 * Findings: a teaching linter over a whole log. Each rule looks for one pattern a Go developer
 * would want pointed out (a growing live heap, queues that never drain, long pauses…), states
 * its threshold and why, and names the lesson that teaches how to read it.
 *
 * The collector streams: it keeps a few numbers per rule and at most `maxFindingLines` line
 * numbers per finding, never the lines, so a 200 MB log costs no more memory than a short one.
 * Values are read by token key, so every era the parsers support is covered.
 */
import { parseLog, type LogLine } from './log.ts';
import type { FieldKey } from './types.ts';

export const findingKinds = [
	'heap-growth',
	'goroutine-leak',
	'long-pause',
	'gc-cpu',
	'forced-gc',
	'thread-growth',
	'runqueue-imbalance',
] as const;
export type FindingKind = (typeof findingKinds)[number];

/** A rule as stated on the analyze page: what it looks for, its threshold and why. Plain text. */
export interface FindingRule {
	kind: FindingKind;
	title: string;
	looksFor: string;
	threshold: string;
	reason: string;
	/** The lesson's URL slug: the lesson is at `/lessons/<slug>/`. */
	lesson: string;
}

/** One finding raised on a log. `message`: plain text with this log's own figures. */
export interface Finding {
	kind: FindingKind;
	message: string;
	/** Triggering line numbers, ascending, at most `maxFindingLines`. */
	lines: number[];
	/** All triggering lines, listed or not. */
	lineCount: number;
}

/** Receives a log's lines in order; `result` may be called at any point, and again later. */
export interface FindingsCollector {
	add(line: LogLine): void;
	result(): Finding[];
}

/** How many triggering line numbers a finding lists; `lineCount` counts them all. */
export const maxFindingLines = 50;

// Thresholds, each explained in its rule below.
const HEAP_RUN_CYCLES = 10;
const HEAP_RUN_RISES = 5;
const HEAP_DIP_ALLOWED = 0.1;
const HEAP_MIN_GROWTH_MB = 4;
const LEAK_WAITING_PER_P = 50;
const LEAK_MIN_MS = 3000;
const LEAK_MIN_LINES = 3;
const PAUSE_MS = 10;
const GC_CPU_PERCENT = 25;
const GC_CPU_SKIP_S = 1;
const THREAD_RISES = 5;
const THREAD_GROWTH = 10;
const IMBALANCE_MIN_WAITING = 16;
const IMBALANCE_RATIO = 4; // "a quarter" in the rule's text
const IMBALANCE_LINES = 3;

export const findingRules: readonly FindingRule[] = [
	{
		kind: 'heap-growth',
		title: 'Live heap keeps growing',
		looksFor:
			'The live heap of each gctrace cycle (the last of the three heap numbers, the memory still ' +
			'reachable when marking ended) setting new highs cycle after cycle.',
		threshold:
			`At least ${HEAP_RUN_CYCLES} consecutive cycles in which the live heap never falls more than ` +
			`${HEAP_DIP_ALLOWED * 100}% below its highest value so far, with at least ${HEAP_RUN_RISES} new ` +
			`highs, ending at least twice as large and at least ${HEAP_MIN_GROWTH_MB} MB larger than it began.`,
		reason:
			'A program that holds a steady amount of data has a live heap that levels off: what one request ' +
			'allocates is garbage by the next cycle. A live heap that keeps climbing means every cycle finds ' +
			'more memory still referenced, which is what a memory leak looks like, unless the program is ' +
			'meant to accumulate data (a cache filling up, a data set loading). The 10% allowance ignores ' +
			'the ups and downs of work in flight; the 2× and 4 MB floors keep small heaps, printed in whole ' +
			'MB, from raising on rounding.',
		lesson: 'memory-leaks',
	},
	{
		kind: 'goroutine-leak',
		title: 'Run queues never drain',
		looksFor:
			'schedtrace lines, up to the end of the log, in which no P is idle and many runnable goroutines ' +
			'wait in the global and local run queues.',
		threshold:
			`Every schedtrace line from some point to the end of the log, at least ${LEAK_MIN_LINES} lines ` +
			`covering at least ${LEAK_MIN_MS / 1000} seconds, shows idleprocs=0 and at least ` +
			`${LEAK_WAITING_PER_P} goroutines per P waiting (runqueue plus the local queues).`,
		reason:
			'Once requests stop, a healthy service has nothing left to run: its goroutines return or block, ' +
			'the queues drain and the Ps go idle. Queues that stay long with no idle P to the end of the log ' +
			'mean something inside the program keeps making goroutines runnable, typically leaked goroutines ' +
			'that loop on a timer or sleep and are never told to stop. Under steady load long queues are ' +
			'expected, so it points to a leak only if the load had stopped. A goroutine blocked forever never ' +
			'enters a run queue, so this rule cannot see that kind of leak; a scheddetail dump can.',
		lesson: 'spotting-a-goroutine-leak',
	},
	{
		kind: 'long-pause',
		title: 'Long stop-the-world pauses',
		looksFor:
			'GC cycles whose stop-the-world phases (sweep termination plus mark termination, wall clock) ' +
			'last long; before Go 1.5 the whole collection stopped the world.',
		threshold: `A cycle whose stop-the-world wall-clock time adds up to more than ${PAUSE_MS} ms.`,
		reason:
			'While the world is stopped no goroutine runs, so a pause adds straight to the latency of every ' +
			'request in flight. Go 1.5’s concurrent collector was designed to keep pauses under 10 ms, and ' +
			'since Go 1.8 they are usually well under 1 ms. A longer pause often means the world took long to ' +
			'stop (a goroutine in a loop with no preemption point before Go 1.14, or a machine with no CPU to ' +
			'spare), and is worth investigating.',
		lesson: 'wall-clock-and-cpu-time',
	},
	{
		kind: 'gc-cpu',
		title: 'High GC CPU share',
		looksFor:
			'The GC CPU share printed on each gctrace line (the % after the time), which is cumulative: GC ' +
			'CPU time since the program started over GOMAXPROCS × elapsed time, idle-time marking excluded.',
		threshold:
			`A share above ${GC_CPU_PERCENT}% on any cycle that started at least ${GC_CPU_SKIP_S} s into the run ` +
			'(the first second averages over too little time to mean much).',
		reason:
			'The pacer sizes the background mark workers to use 25% of GOMAXPROCS while a cycle runs. A ' +
			'share above 25% since the start is more than those workers could use even if the GC never ' +
			'stopped, so the rest came from goroutines made to assist with marking (slowing the code that ' +
			'allocates) and from pauses. Usual causes are a high allocation rate for the heap goal: a low ' +
			'GOGC, or a GOMEMLIMIT close to the live heap. A healthy service usually shows a few percent.',
		lesson: 'a-gc-trace-under-load',
	},
	{
		kind: 'forced-gc',
		title: 'Forced collections',
		looksFor:
			'gctrace lines ending in (forced), cycles the program asked for, and GC forced lines, the ' +
			'periodic collection the runtime starts itself.',
		threshold: 'Any forced cycle or GC forced line: each is worth knowing about when reading the log.',
		reason:
			'(forced) marks a cycle started by runtime.GC or debug.FreeOSMemory (from Go 1.26 also a ' +
			'goroutine-leak check; in Go 1.5–1.8 also GODEBUG=gcstoptheworld cycles). runtime.GC blocks its ' +
			'caller until a whole cycle has finished, and debug.FreeOSMemory also returns memory to the ' +
			'operating system; called often, on a timer or per request, they spend CPU the pacer would not ' +
			'have spent. A GC forced line is different: sysmon starts a collection when none has run for two ' +
			'minutes, which is normal in a program that allocates little; that cycle’s own line has no ' +
			'(forced).',
		lesson: 'reading-gctrace',
	},
	{
		kind: 'thread-growth',
		title: 'Thread count keeps growing',
		looksFor: 'The threads= count of schedtrace lines reaching new highs again and again.',
		threshold:
			`threads= reaches a new high at least ${THREAD_RISES} times and ends at least ${THREAD_GROWTH} ` +
			'above its first value in the log.',
		reason:
			'The runtime starts an OS thread (M) when a P needs one and none is idle, mostly because ' +
			'goroutines are blocked in system calls or cgo calls, each holding its thread. Threads are kept ' +
			'for reuse and rarely exit, so the count is a high-water mark that settles a few above GOMAXPROCS ' +
			'in a healthy program. One that keeps rising means ever more threads blocked at once: blocking ' +
			'calls piling up, or goroutines locked to their threads with runtime.LockOSThread. Past 10,000 ' +
			'threads the program crashes (debug.SetMaxThreads).',
		lesson: 'reading-schedtrace',
	},
	{
		kind: 'runqueue-imbalance',
		title: 'Run queues unbalanced across Ps',
		looksFor: 'schedtrace local run queues where one P holds many goroutines and another few or none.',
		threshold:
			`At least ${IMBALANCE_LINES} consecutive schedtrace lines in which the same P has at least ` +
			`${IMBALANCE_MIN_WAITING} goroutines waiting and another P at most a quarter as many.`,
		reason:
			'A goroutine made runnable goes on the local queue of the P that readied it, and other Ps take ' +
			'from that queue only when they run out of work of their own, stealing half of it. One snapshot ' +
			'can catch any mix, but one P keeping a long queue line after line while another keeps a short ' +
			'one means work is made runnable on one P faster than the others take it, often one goroutine ' +
			'starting or waking all the others; the goroutines queued there wait longer than they need to.',
		lesson: 'more-ps',
	},
];

/** A capped, ascending list of line numbers with a count of them all. */
class LineList {
	lines: number[] = [];
	count = 0;
	add(lineNo: number): void {
		this.count++;
		if (this.lines.length < maxFindingLines) this.lines.push(lineNo);
	}
}

/** The numeric value of the first token with `key`, or `undefined`. */
function numberOf(line: LogLine, key: FieldKey): number | undefined {
	for (const t of line.tokens) {
		if (t.key === key) return typeof t.value === 'number' ? t.value : undefined;
	}
	return undefined;
}

function has(line: LogLine, key: FieldKey): boolean {
	return line.tokens.some((t) => t.key === key && t.value !== false);
}

function listOf(line: LogLine, key: FieldKey): readonly number[] | undefined {
	for (const t of line.tokens) {
		if (t.key === key) return Array.isArray(t.value) ? (t.value as readonly number[]) : undefined;
	}
	return undefined;
}

/** Milliseconds as the runtime prints them, without trailing zeros. */
function ms(n: number): string {
	return `${Number(n.toFixed(3))} ms`;
}

function plural(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "line 3", "lines 3 and 5", "lines 3, 5 and 9", "lines 3, 5, 9 and 20 more". */
function lineNames(list: LineList, shown = 3): string {
	const first = list.lines.slice(0, shown);
	const rest = list.count - first.length;
	if (list.count === 1) return `line ${first[0]}`;
	if (rest === 0) return `lines ${first.slice(0, -1).join(', ')} and ${first[first.length - 1]}`;
	return `lines ${first.join(', ')} and ${plural(rest, 'more')}`;
}

interface Rule {
	add(line: LogLine): void;
	finding(): Finding | null;
}

function finding(kind: FindingKind, message: string, list: LineList): Finding {
	return { kind, message, lines: list.lines.slice(), lineCount: list.count };
}

/** The live heap of a gctrace cycle, in MB, in every era. */
function liveHeap(line: LogLine): number | undefined {
	if (line.form === 'gc-cycle') return numberOf(line, 'gctrace/heap-live');
	if (line.form !== 'gc-cycle-legacy') return undefined;
	// Go 1.3–1.4 (times in µs) read the heap after the pause before sweeping, so it is not the
	// live heap; their first heap number estimates the previous cycle's live heap instead.
	if (has(line, 'gctrace/legacy-mark-us')) return numberOf(line, 'gctrace/legacy-heap-before');
	return numberOf(line, 'gctrace/legacy-heap-after');
}

interface HeapRun {
	startLine: number;
	start: number;
	max: number;
	maxLine: number;
	rises: number;
	cycles: LineList;
}

function heapGrowthRule(): Rule {
	let run: HeapRun | null = null;
	let best: HeapRun | null = null;
	const qualifies = (r: HeapRun) =>
		r.cycles.count >= HEAP_RUN_CYCLES &&
		r.rises >= HEAP_RUN_RISES &&
		r.max - r.start >= HEAP_MIN_GROWTH_MB &&
		r.max >= 2 * r.start;
	const keep = (r: HeapRun | null) => {
		if (r && qualifies(r) && (best === null || r.max - r.start > best.max - best.start)) best = r;
	};
	return {
		add(line) {
			const live = liveHeap(line);
			if (live === undefined) return;
			if (run === null || live < run.max * (1 - HEAP_DIP_ALLOWED)) {
				keep(run);
				run = { startLine: line.lineNo, start: live, max: live, maxLine: line.lineNo, rises: 0, cycles: new LineList() };
			} else if (live > run.max) {
				run.rises++;
				run.max = live;
				run.maxLine = line.lineNo;
			}
			run.cycles.add(line.lineNo);
		},
		finding() {
			const r = run !== null && qualifies(run) && (best === null || run.max - run.start > best.max - best.start) ? run : best;
			if (r === null) return null;
			return finding(
				'heap-growth',
				`The live heap grew from ${r.start} MB at line ${r.startLine} to ${r.max} MB at line ${r.maxLine}, ` +
					`over ${r.cycles.count} cycles that never fell back more than ${HEAP_DIP_ALLOWED * 100}% and set ` +
					`${plural(r.rises, 'new high')}. Each collection found more memory still referenced. Unless the ` +
					'program is meant to keep this data, look for what holds on to it: a map or slice that only ' +
					'grows, a cache without eviction, goroutines that never exit.',
				r.cycles,
			);
		},
	};
}

function goroutineLeakRule(): Rule {
	// The run of qualifying schedtrace lines that reaches the latest one.
	let lines = new LineList();
	let startElapsed = 0;
	let lastElapsed = 0;
	let lastLine = 0;
	let minWaiting = 0;
	let maxWaiting = 0;
	return {
		add(line) {
			if (line.kind !== 'schedtrace') return;
			const idle = numberOf(line, 'schedtrace/idleprocs');
			const procs = numberOf(line, 'schedtrace/gomaxprocs');
			const global = numberOf(line, 'schedtrace/runqueue');
			const elapsed = numberOf(line, 'schedtrace/elapsed');
			if (idle === undefined || procs === undefined || global === undefined || elapsed === undefined) return;
			let waiting = global;
			for (const n of listOf(line, 'schedtrace/local-runqueues') ?? []) waiting += n;
			if (idle !== 0 || waiting < LEAK_WAITING_PER_P * Math.max(1, procs)) {
				lines = new LineList();
				return;
			}
			if (lines.count === 0) {
				startElapsed = elapsed;
				minWaiting = maxWaiting = waiting;
			}
			minWaiting = Math.min(minWaiting, waiting);
			maxWaiting = Math.max(maxWaiting, waiting);
			lastElapsed = elapsed;
			lastLine = line.lineNo;
			lines.add(line.lineNo);
		},
		finding() {
			if (lines.count < LEAK_MIN_LINES || lastElapsed - startElapsed < LEAK_MIN_MS) return null;
			return finding(
				'goroutine-leak',
				`From line ${lines.lines[0]} (${startElapsed} ms) to the last schedtrace line, line ${lastLine} ` +
					`(${lastElapsed} ms), no P was idle and ${minWaiting.toLocaleString('en-US')} to ` +
					`${maxWaiting.toLocaleString('en-US')} goroutines were waiting in the run queues. If the load ` +
					'had stopped by then, something inside the program keeps making goroutines runnable: look for ' +
					'goroutines started per request that loop and are never told to stop.',
				lines,
			);
		},
	};
}

function stwPause(line: LogLine): { total: number; parts: string } | undefined {
	if (line.form === 'gc-cycle') {
		const sweep = numberOf(line, 'gctrace/wall-sweep-termination');
		const mark = numberOf(line, 'gctrace/wall-mark-termination');
		if (sweep === undefined || mark === undefined) return undefined;
		return { total: sweep + mark, parts: `sweep termination ${ms(sweep)} + mark termination ${ms(mark)}` };
	}
	if (line.form !== 'gc-cycle-legacy') return undefined;
	// Before Go 1.5 the whole collection was one pause: the sum of its printed phases.
	let total = 0;
	let any = false;
	for (const t of line.tokens) {
		if (typeof t.value !== 'number' || t.key === null) continue;
		if (t.key.endsWith('-ms') && t.key.startsWith('gctrace/legacy-')) total += t.value;
		else if (t.key.endsWith('-us') && t.key.startsWith('gctrace/legacy-')) total += t.value / 1000;
		else continue;
		any = true;
	}
	return any ? { total, parts: 'the whole collection, before Go 1.5' } : undefined;
}

function longPauseRule(): Rule {
	const lines = new LineList();
	let cycles = 0;
	let worst = { total: 0, parts: '', line: 0 };
	return {
		add(line) {
			const pause = stwPause(line);
			if (pause === undefined) return;
			cycles++;
			if (pause.total <= PAUSE_MS) return;
			lines.add(line.lineNo);
			if (pause.total > worst.total) worst = { ...pause, line: line.lineNo };
		},
		finding() {
			if (lines.count === 0) return null;
			return finding(
				'long-pause',
				`${lines.count} of ${plural(cycles, 'cycle')} stopped the world for more than ${PAUSE_MS} ms. The ` +
					`longest, at line ${worst.line}, stopped it for ${ms(worst.total)} (${worst.parts}); every ` +
					'goroutine waited that long.',
				lines,
			);
		},
	};
}

function gcCpuRule(): Rule {
	const lines = new LineList();
	let worst = { percent: 0, line: 0, at: 0 };
	let last = { percent: 0, line: 0 };
	return {
		add(line) {
			if (line.form !== 'gc-cycle') return;
			const percent = numberOf(line, 'gctrace/gc-cpu-percent');
			const at = numberOf(line, 'gctrace/since-start');
			if (percent === undefined || at === undefined) return;
			last = { percent, line: line.lineNo };
			if (at < GC_CPU_SKIP_S || percent <= GC_CPU_PERCENT) return;
			lines.add(line.lineNo);
			if (percent > worst.percent) worst = { percent, line: line.lineNo, at };
		},
		finding() {
			if (lines.count === 0) return null;
			return finding(
				'gc-cpu',
				`The GC’s share of CPU since the start reached ${worst.percent}% at line ${worst.line} ` +
					`(${worst.at} s into the run), above the ${GC_CPU_PERCENT}% the background workers use; ` +
					`${plural(lines.count, 'cycle')} printed more than ${GC_CPU_PERCENT}%, and the last cycle, ` +
					`line ${last.line}, printed ${last.percent}%. Compare the assist time in the cpu numbers with ` +
					'the background time to see who did the marking.',
				lines,
			);
		},
	};
}

function forcedGcRule(): Rule {
	const lines = new LineList();
	const forced = new LineList();
	const periodic = new LineList();
	let leakChecks = 0;
	return {
		add(line) {
			if (line.form === 'gc-cycle' && has(line, 'gctrace/forced')) {
				forced.add(line.lineNo);
				if (has(line, 'gctrace/leak-check')) leakChecks++;
			} else if (line.kind === 'gc-forced' || has(line, 'scavtrace/scvg-gc-forced')) {
				periodic.add(line.lineNo);
			} else return;
			lines.add(line.lineNo);
		},
		finding() {
			if (lines.count === 0) return null;
			const parts: string[] = [];
			if (forced.count > 0) {
				const checks =
					leakChecks > 0 ? ` (${leakChecks} of them ${leakChecks === 1 ? 'was a goroutine-leak check' : 'were goroutine-leak checks'})` : '';
				parts.push(
					`${plural(forced.count, 'cycle was', 'cycles were')} forced by the program${checks}, at ` +
						`${lineNames(forced)}: runtime.GC or debug.FreeOSMemory, each a full cycle the pacer did ` +
						'not ask for.',
				);
			}
			if (periodic.count > 0) {
				parts.push(
					`${plural(periodic.count, 'GC forced line')}, at ${lineNames(periodic)}, ` +
						`${periodic.count === 1 ? 'is' : 'are'} sysmon’s periodic collection after two minutes ` +
						'without one: normal when the program allocates little.',
				);
			}
			return finding('forced-gc', parts.join(' '), lines);
		},
	};
}

function threadGrowthRule(): Rule {
	const rises = new LineList();
	let first: { value: number; line: number } | null = null;
	let max = 0;
	let maxLine = 0;
	return {
		add(line) {
			if (line.kind !== 'schedtrace') return;
			const threads = numberOf(line, 'schedtrace/threads');
			if (threads === undefined) return;
			if (first === null) {
				first = { value: threads, line: line.lineNo };
				max = threads;
				maxLine = line.lineNo;
			} else if (threads > max) {
				max = threads;
				maxLine = line.lineNo;
				rises.add(line.lineNo);
			}
		},
		finding() {
			if (first === null || rises.count < THREAD_RISES || max - first.value < THREAD_GROWTH) return null;
			return finding(
				'thread-growth',
				`threads= rose from ${first.value} at line ${first.line} to ${max} at line ${maxLine}, reaching a ` +
					`new high ${plural(rises.count, 'time')}. Look for goroutines blocked in system calls or cgo ` +
					'calls, or locked to their threads, that pile up over time.',
				rises,
			);
		},
	};
}

interface Skew {
	p: number;
	light: number;
	lines: LineList;
	min: number;
	max: number;
}

function runqueueImbalanceRule(): Rule {
	const lines = new LineList();
	let streak: Skew | null = null;
	let longest: Skew | null = null;
	return {
		add(line) {
			if (line.kind !== 'schedtrace') return;
			const queues = listOf(line, 'schedtrace/local-runqueues');
			if (queues === undefined || queues.length < 2) return;
			let heavy = 0;
			let light = 0;
			queues.forEach((n, i) => {
				if (n > queues[heavy]) heavy = i;
				if (n < queues[light]) light = i;
			});
			const most = queues[heavy];
			if (most < IMBALANCE_MIN_WAITING || queues[light] * IMBALANCE_RATIO > most) {
				streak = null;
				return;
			}
			if (streak === null || streak.p !== heavy) streak = { p: heavy, light, lines: new LineList(), min: most, max: most };
			streak.lines.add(line.lineNo);
			streak.min = Math.min(streak.min, most);
			streak.max = Math.max(streak.max, most);
			if (streak.lines.count === IMBALANCE_LINES) for (const n of streak.lines.lines) lines.add(n);
			else if (streak.lines.count > IMBALANCE_LINES) lines.add(line.lineNo);
			if (streak.lines.count >= IMBALANCE_LINES && (longest === null || streak.lines.count > longest.lines.count)) {
				longest = streak;
			}
		},
		finding() {
			if (longest === null) return null;
			const l: Skew = longest;
			return finding(
				'runqueue-imbalance',
				`For ${l.lines.count} consecutive lines from line ${l.lines.lines[0]}, P${l.p}’s local run queue ` +
					`held ${l.min} to ${l.max} goroutines while another P’s held a quarter of that ` +
					`or less; ${plural(lines.count, 'line')} in all show such a run. Look for one goroutine that ` +
					'starts or wakes most of the others.',
				lines,
			);
		},
	};
}

const ruleFactories: Record<FindingKind, () => Rule> = {
	'heap-growth': heapGrowthRule,
	'goroutine-leak': goroutineLeakRule,
	'long-pause': longPauseRule,
	'gc-cpu': gcCpuRule,
	'forced-gc': forcedGcRule,
	'thread-growth': threadGrowthRule,
	'runqueue-imbalance': runqueueImbalanceRule,
};

/** A streaming findings collector: `add` every line of a log in order, then read `result`. */
export function createFindingsCollector(): FindingsCollector {
	const rules = findingKinds.map((kind) => ruleFactories[kind]());
	return {
		add(line) {
			if (line.kind === 'other' || line.kind === 'inittrace') return;
			for (const rule of rules) rule.add(line);
		},
		result() {
			const found: Finding[] = [];
			for (const rule of rules) {
				const f = rule.finding();
				if (f !== null) found.push(f);
			}
			return found;
		},
	};
}

/** The findings of a whole log held in a string. */
export function findFindings(text: string): Finding[] {
	const collector = createFindingsCollector();
	parseLog(text, (line) => collector.add(line));
	return collector.result();
}
