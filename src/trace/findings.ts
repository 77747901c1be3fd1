/**
 * Findings: a teaching linter over a whole log. Each rule looks for one pattern a Go developer
 * would want pointed out (a growing live heap, queues that never drain, long pauses…), states
 * its threshold and why, and names the lesson that teaches how to read it.
 *
 * The collector streams: it keeps a few numbers per rule and at most `maxFindingLines` line
 * numbers per finding, never the lines, so a 200 MB log costs no more memory than a short one.
 * Values are read by token key, so every era the parsers support is covered.
 */
import {
	backgroundMarkShare,
	createSchedSampler,
	GC_CPU_PERCENT,
	fieldNumber,
	fieldValue,
	stwPauseMs,
	stwWall,
	type DumpGoroutines,
	type SchedSample as DerivedSample,
} from './derived.ts';
import { parseLog, type LogLine } from './log.ts';
import type { FieldKey } from './types.ts';

export const findingKinds = [
	'heap-growth',
	'goroutine-leak',
	'blocked-goroutines',
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
	/** The fields the rule reads, for pages that link them. */
	fields: readonly FieldKey[];
	/** What the pattern most often means, in a sentence or two: the decision guide's middle column. */
	means: string;
	/** What to run next to confirm it, and the exact command (for a service serving net/http/pprof on 127.0.0.1:4000). */
	next: FindingNext;
}

/** The next step a finding calls for: a sentence, and one complete command to copy. */
interface FindingNext {
	action: string;
	command: string;
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
const HEAP_MIN_CYCLES = 12;
const HEAP_QUARTER_RISE = 0.1;
const HEAP_MIN_GROWTH_MB = 4;
/** Cycles kept for the quarters; beyond, every other one is dropped (the quarters stay even). */
const HEAP_KEPT_CYCLES = 4096;
const LEAK_STRETCH_MS = 3000;
const LEAK_MIN_LINES = 3;
const LEAK_WAITING_PER_P = 25;
const LEAK_APART_MS = 2000;
const LEAK_TICKS_PER_S = 10_000;
const LEAK_MAX_LINES = 2 * LEAK_STRETCH_MS;
const BLOCKED_MIN_DUMPS = 4;
const BLOCKED_RISES = 3;
const BLOCKED_MIN_GROWTH = 100;
const BLOCKED_KEPT = 0.9;
/** Distinct wait reasons tracked; the runtime has a fixed table of a few dozen (damaged input may not). */
const BLOCKED_MAX_REASONS = 256;
const PAUSE_MS = 10;
const GC_CPU_SKIP_S = 1;
const THREAD_RISES = 5;
const THREAD_GROWTH = 10;
const THREAD_SPARE = 4;
const IMBALANCE_MIN_WAITING = 16;
const IMBALANCE_RATIO = 4; // "a quarter" in the rule's text
const IMBALANCE_LINES = 3;

export const findingRules: readonly FindingRule[] = [
	{
		kind: 'heap-growth',
		title: 'Live heap keeps growing',
		looksFor:
			'The live heap of every gctrace cycle in the log (the last of the three heap numbers), ' +
			'averaged over each quarter of the cycles.',
		threshold:
			`At least ${HEAP_MIN_CYCLES} cycles. After the first quarter (the warm-up), each quarter’s average ` +
			`live heap is at least ${HEAP_QUARTER_RISE * 100}% above the quarter before, and the last quarter’s ` +
			`is at least ${HEAP_MIN_GROWTH_MB} MB above the second’s.`,
		reason:
			'A program that holds a steady amount of data has a live heap that levels off once its working ' +
			'set (buffers, caches, pools) is full: from then on what one request allocates is garbage by the ' +
			'next cycle. Judging the whole log rather than a run of cycles keeps that filling from counting: ' +
			'a heap that climbs for a while and then stays flat is not growing. A live heap still climbing in ' +
			'every quarter means every cycle finds more memory still referenced, which is what a memory leak ' +
			'looks like, unless the program is meant to accumulate data (a cache still filling, a data set ' +
			'loading); a log that ends before the heap levels off cannot tell these apart, and growth that ' +
			'starts only in the last quarter is not judged. The 10% step ignores the ups and downs of work in ' +
			'flight; the 4 MB floor keeps small heaps, printed in whole MB, from raising on rounding.',
		means:
			'Every cycle finds more memory still referenced: a leak (a map, slice or cache that only grows, ' +
			'goroutines that keep what they hold) unless the program is meant to accumulate data.',
		next: {
			action:
				'Take two heap profiles a minute or so apart and compare them: what grew between them is what the ' +
				'program keeps.',
			command:
				'curl -s -o before.pb.gz http://127.0.0.1:4000/debug/pprof/heap; sleep 60; ' +
				'curl -s -o after.pb.gz http://127.0.0.1:4000/debug/pprof/heap; ' +
				'go tool pprof -top -sample_index=inuse_space -diff_base before.pb.gz after.pb.gz',
		},
		lesson: 'memory-leaks',
		fields: ['gctrace/heap-live', 'gctrace/legacy-heap-before', 'gctrace/legacy-heap-after'],
	},
	{
		kind: 'goroutine-leak',
		title: 'Runnable goroutines keep coming back',
		looksFor:
			'The last seconds of schedtrace lines (or scheddetail dumps): goroutines waiting in the global and ' +
			'local run queues, idle Ps, and how fast the schedule ticks climb where they are printed (schedtrace ' +
			'from Go 1.25, every dump).',
		threshold:
			`In the last ${LEAK_STRETCH_MS / 1000} seconds of the log (at least ${LEAK_MIN_LINES} lines), at ` +
			`least ${LEAK_WAITING_PER_P} goroutines per P waiting on two lines at least ${LEAK_APART_MS / 1000} ` +
			`seconds apart, or on one line with the ticks of all Ps climbing by at least ` +
			`${LEAK_TICKS_PER_S.toLocaleString('en-US')} a second between every two of those lines; and the ` +
			'last line is not quiet: goroutines are waiting on it, or the ticks climbed that fast just before it.',
		reason:
			'Once requests stop, a healthy service has nothing left to run: its goroutines return or block, ' +
			'the queues drain, the Ps go idle and the schedule ticks stop moving, to the end of the log. ' +
			'Leaked goroutines that loop on a timer or sleep keep becoming runnable with no input: the queues ' +
			'fill again after idle moments (a P can be idle with empty queues at the instant of one line and ' +
			'hundreds of goroutines wait on the next), and the ticks keep climbing by hundreds of thousands a ' +
			'second. With more Ps than CPU cores a leaking service may never show an idle P, so idle Ps are ' +
			'not required. The log cannot say whether the load had stopped: a service still under load at its ' +
			'last line looks the same, so this points to a leak only if the load ended some seconds before the ' +
			'log did. The floor of 25 per P ignores the few goroutines any busy service has waiting at an ' +
			'instant; two lines 2 seconds apart keep one burst from counting. A goroutine blocked forever never ' +
			'enters a run queue, so this rule cannot see that kind of leak; the blocked goroutines rule can, in ' +
			'scheddetail dumps.',
		means:
			'Goroutines the program started (often one per request) are still alive and keep waking up with no ' +
			'input: they loop or sleep and nothing tells them to stop.',
		next: {
			action:
				'Once the load has stopped, ask the program for its goroutines grouped by stack: the leaked ones are ' +
				'the group whose count matches the requests served, and its stack names the function that started them.',
			command: "curl -s 'http://127.0.0.1:4000/debug/pprof/goroutine?debug=1' | head -20",
		},
		lesson: 'spotting-a-goroutine-leak',
		fields: [
			'schedtrace/idleprocs',
			'schedtrace/runqueue',
			'schedtrace/local-runqueues',
			'schedtrace/schedticks',
			'scheddetail/p-runqsize',
			'scheddetail/p-schedtick',
		],
	},
	{
		kind: 'blocked-goroutines',
		title: 'Blocked goroutines keep piling up',
		looksFor:
			'The G lines of scheddetail dumps: in each dump, the goroutines that are not dead, counted by ' +
			'status and, for waiting ones (status 4), by wait reason.',
		threshold:
			`At least ${BLOCKED_MIN_DUMPS} dumps, in which the goroutines waiting for one reason reach a new ` +
			`high at least ${BLOCKED_RISES} times, end at least ${BLOCKED_MIN_GROWTH} above and at least twice ` +
			`their count in the first dump, and are still within ${Math.round((1 - BLOCKED_KEPT) * 100)}% of ` +
			'their highest count in the last dump.',
		reason:
			'A goroutine blocked forever (on a channel nobody sends on or closes, a lock nobody releases, a ' +
			'select with no case that can proceed) never becomes runnable, so schedtrace never shows it; a dump ' +
			'lists it, with its wait reason, until the program exits. Goroutines of one wait reason that rise ' +
			'from dump to dump and never fall back, even once the program has gone quiet, are what such a leak ' +
			'looks like. Goroutines waiting for work rise the same way while a pool grows to its size or clients ' +
			'hold connections open, so the floor of 100 ignores small pools, and the finding points to a leak ' +
			'only if nothing should be keeping that many. Dead goroutines (status 6, and 11 from Go 1.26) are ' +
			'not counted: the runtime keeps exited goroutines on free lists to reuse them (gfput and gfget in ' +
			'proc.go), so their lines are not a leak.',
		means:
			'Goroutines wait for something that will never come: a channel no one sends on or closes, a lock no ' +
			'one releases.',
		next: {
			action:
				'Ask the program for its goroutines grouped by stack: the blocked ones make one large group, and the ' +
				'top of its stack shows what they wait on (chanrecv for a channel, semacquire or lock for a lock).',
			command: "curl -s 'http://127.0.0.1:4000/debug/pprof/goroutine?debug=1' | head -20",
		},
		lesson: 'the-detailed-dump',
		fields: ['scheddetail/g-status', 'scheddetail/g-wait-reason'],
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
		means:
			'The world took long to stop or to restart: a goroutine slow to reach a preemption point, or a machine ' +
			'with no CPU to spare for the collector (other processes, a CPU quota).',
		next: {
			action:
				'Record five seconds of execution trace and look at the stop-the-world bands in its timeline: what ' +
				'was running just before each long one, and whether the process had CPU.',
			command: "curl -s -o trace.out 'http://127.0.0.1:4000/debug/pprof/trace?seconds=5' && go tool trace trace.out",
		},
		lesson: 'wall-clock-and-cpu-time',
		fields: ['gctrace/wall-sweep-termination', 'gctrace/wall-mark-termination'],
	},
	{
		kind: 'gc-cpu',
		title: 'High GC CPU share',
		looksFor: 'The GC CPU share of each gctrace line (the % after the time since start) and its GOMAXPROCS (the # P).',
		threshold:
			`A share above what the background mark workers use at that GOMAXPROCS (${GC_CPU_PERCENT}% for most ` +
			'values, from 20% at GOMAXPROCS=5 to 30% at GOMAXPROCS=10), on any cycle that started at least ' +
			`${GC_CPU_SKIP_S} s into the run (the first second averages over too little time to mean much).`,
		reason:
			'At the start of each cycle the pacer (gcControllerState.startCycle in mgcpacer.go) aims the ' +
			'background mark workers at 25% of GOMAXPROCS: it runs GOMAXPROCS × 0.25 dedicated workers, ' +
			'rounded to the nearest whole number, and only when that rounding is more than 30% off (GOMAXPROCS ' +
			'of 1 to 3, and 6) does it take the whole number below and add a fractional worker to make up ' +
			'exactly 25%. So GOMAXPROCS=10 runs 3 dedicated workers (30%) and GOMAXPROCS=5 runs 1 (20%). A share ' +
			'since the start above the workers’ share is more than those workers could use even if the GC ' +
			'never stopped marking, so the rest came from goroutines made to assist with marking (slowing the ' +
			'code that allocates) and from pauses. Usual causes are a high allocation rate for the heap goal: a ' +
			'low GOGC, or a GOMEMLIMIT close to the live heap. A healthy service usually shows a few percent.',
		means:
			'The program allocates fast for its heap goal: the collector runs so often that goroutines are made to ' +
			'assist. A low GOGC or a GOMEMLIMIT close to the live heap has the same effect.',
		next: {
			action:
				'Find what allocates most and allocate less there; or give the collector more room with GOGC or ' +
				'GOMEMLIMIT, and compare the two runs.',
			command: 'go tool pprof -top -sample_index=alloc_space http://127.0.0.1:4000/debug/pprof/heap',
		},
		lesson: 'a-gc-trace-under-load',
		fields: [
			'gctrace/gc-cpu-percent',
			'gctrace/procs',
			'gctrace/since-start',
			'gctrace/cpu-assist',
			'gctrace/cpu-background',
		],
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
		means:
			'The program itself calls runtime.GC or debug.FreeOSMemory; a GC forced line alone only means the ' +
			'program allocates little.',
		next: {
			action: 'Find the calls in the code, and ask whether each is needed: the pacer usually does better.',
			command: "grep -rn --include='*.go' -e 'runtime.GC()' -e 'debug.FreeOSMemory()' .",
		},
		lesson: 'reading-gctrace',
		fields: ['gctrace/forced', 'gctrace/leak-check', 'gctrace/periodic-gc-notice', 'scavtrace/scvg-gc-forced'],
	},
	{
		kind: 'thread-growth',
		title: 'Thread count keeps growing',
		looksFor: 'The threads= count of schedtrace lines reaching new highs again and again.',
		threshold:
			`Above GOMAXPROCS + ${THREAD_SPARE} (a thread per P, sysmon, the template thread and a couple to ` +
			`spare), threads= reaches a new high at least ${THREAD_RISES} times and ends at least ` +
			`${THREAD_GROWTH} above both that level and its first value in the log.`,
		reason:
			'The runtime starts an OS thread (M) when a P needs one and none is idle, mostly because ' +
			'goroutines are blocked in system calls or cgo calls, each holding its thread. Threads are kept ' +
			'for reuse and rarely exit, so the count is a high-water mark that settles a few above GOMAXPROCS ' +
			'in a healthy program. One that keeps rising means ever more threads blocked at once: blocking ' +
			'calls piling up, or goroutines locked to their threads with runtime.LockOSThread. Past 10,000 ' +
			'threads the program crashes (debug.SetMaxThreads).',
		means:
			'More and more goroutines are blocked in system calls or cgo calls at once, or locked to their threads, ' +
			'each holding an OS thread.',
		next: {
			action:
				'List the goroutines in a system call or locked to a thread, with their stacks: the call that piles ' +
				'up is on most of them.',
			command:
				"curl -s 'http://127.0.0.1:4000/debug/pprof/goroutine?debug=2' | grep -E -A8 '^goroutine .*(syscall|locked to thread)' | head -60",
		},
		lesson: 'reading-schedtrace',
		fields: ['schedtrace/threads', 'schedtrace/gomaxprocs'],
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
		means:
			'One goroutine makes many others runnable on its own P faster than the other Ps steal them, so those ' +
			'goroutines wait longer than they need to.',
		next: {
			action:
				'Record five seconds of execution trace and look at which goroutine unblocks the others (the ' +
				'goroutine analysis and the timeline of that P).',
			command: "curl -s -o trace.out 'http://127.0.0.1:4000/debug/pprof/trace?seconds=5' && go tool trace trace.out",
		},
		lesson: 'generating-a-scheduler-trace',
		fields: ['schedtrace/local-runqueues', 'scheddetail/p-runqsize'],
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

const numberOf = fieldNumber;

/** Whether the line prints `key` (a marker such as `(forced)` is `true`). */
function has(line: LogLine, key: FieldKey): boolean {
	const value = fieldValue(line, key);
	return value !== undefined && value !== false;
}

/** Milliseconds as the runtime prints them, without trailing zeros. */
function ms(n: number): string {
	return `${Number(n.toFixed(3))} ms`;
}

/** "5" or "5 to 9". */
function between(min: number, max: number): string {
	const n = (v: number) => v.toLocaleString('en-US');
	return min === max ? n(min) : `${n(min)} to ${n(max)}`;
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
	return `lines ${first.join(', ')} and ${rest.toLocaleString('en-US')} more`;
}

interface Rule {
	/** A gctrace, schedtrace, scheddetail or GC-forced line. */
	add?(line: LogLine): void;
	/** A schedtrace line, or a scheddetail dump once its P lines are in. */
	sample?(s: SchedSample): void;
	finding(): Finding | null;
}

/** The scheduler figures of a schedtrace line or a whole scheddetail dump, as the rules read them. */
interface SchedSample {
	/** The SCHED line's number. */
	lineNo: number;
	elapsed: number;
	gomaxprocs: number;
	idleprocs: number;
	threads: number;
	runqueue: number;
	/** Each P's local queue length: the bracket, or a dump's P lines; empty when not printed. */
	local: number[];
	/** The sum of every P's schedule ticks (schedticks=, or a dump's P lines), or `null` when not printed. */
	ticks: number | null;
	/** A dump's goroutines by what they do; `null` for a schedtrace line. */
	goroutines: DumpGoroutines | null;
}

/** The rules' view of a sample; `null` when the SCHED line lacks one of its counts. */
function ruleSample(s: DerivedSample): SchedSample | null {
	const { lineNo, elapsed, gomaxprocs, idleprocs, threads, runqueue, local, ticks, goroutines } = s;
	if ([elapsed, gomaxprocs, idleprocs, threads, runqueue].some(Number.isNaN)) return null;
	const ticksSum = ticks === null ? null : ticks.reduce((sum, n) => sum + n, 0);
	return { lineNo, elapsed, gomaxprocs, idleprocs, threads, runqueue, local, ticks: ticksSum, goroutines };
}

function finding(kind: FindingKind, message: string, list: LineList): Finding {
	return { kind, message, lines: list.lines.slice(), lineCount: list.count };
}

/** A rate for a message, to three significant figures: "115,000". */
function roughly(n: number): string {
	return Number(n.toPrecision(3)).toLocaleString('en-US');
}

/** A figure for a message: whole numbers as they are, others to one decimal. */
function figure(n: number): string {
	return Number(n.toFixed(1)).toLocaleString('en-US');
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

function heapGrowthRule(): Rule {
	// Every cycle's live heap and line while they fit; then every other one, and so on, so the
	// kept cycles stay evenly spread over the whole log.
	let live: number[] = [];
	let lines: number[] = [];
	let stride = 1;
	let cycles = 0;
	return {
		add(line) {
			const value = liveHeap(line);
			if (value === undefined) return;
			if (cycles % stride === 0) {
				if (live.length === HEAP_KEPT_CYCLES) {
					live = live.filter((_, i) => i % 2 === 0);
					lines = lines.filter((_, i) => i % 2 === 0);
					stride *= 2;
				}
				if (cycles % stride === 0) {
					live.push(value);
					lines.push(line.lineNo);
				}
			}
			cycles++;
		},
		finding() {
			if (cycles < HEAP_MIN_CYCLES) return null;
			const n = live.length;
			const starts = [0, 1, 2, 3].map((q) => Math.floor((q * n) / 4));
			const averages = starts.map((from, q) => {
				const to = q === 3 ? n : starts[q + 1];
				let sum = 0;
				for (let i = from; i < to; i++) sum += live[i];
				return sum / (to - from);
			});
			const rising = (q: number) =>
				averages[q] >= averages[q - 1] * (1 + HEAP_QUARTER_RISE) && averages[q] > averages[q - 1];
			if (!rising(2) || !rising(3) || averages[3] - averages[1] < HEAP_MIN_GROWTH_MB) return null;
			// The lines: new highs after the warm-up.
			const highs = new LineList();
			let high = -Infinity;
			let highLine = 0;
			for (let i = 0; i < n; i++) {
				if (live[i] > high) {
					high = live[i];
					highLine = lines[i];
					if (i >= starts[1]) highs.add(lines[i]);
				}
			}
			const sampled =
				stride > 1 ? ` (every ${stride === 2 ? 'other' : `${stride}th`} cycle kept for these figures)` : '';
			return finding(
				'heap-growth',
				`Averaged over each quarter of the log’s ${plural(cycles, 'cycle')}${sampled}, the live heap was ` +
					`${averages.slice(0, 3).map(figure).join(', ')} and ${figure(averages[3])} MB: after the first ` +
					`quarter (the warm-up) it kept rising, setting a new high on ${plural(highs.count, 'cycle')}. It went ` +
					`from ${live[0]} MB at line ${lines[0]} to ` +
					`${live[n - 1]} MB at line ${lines[n - 1]}` +
					(high > live[n - 1] ? `, its highest ${high} MB at line ${highLine},` : '') +
					' and had not levelled off when the log ended. Each collection found more memory still ' +
					'referenced. Unless the program is meant to keep this data (a cache still filling, a data set ' +
					'loading; a longer log would show whether it levels off), look for what holds on to it: a map or ' +
					'slice that only grows, a cache without eviction, goroutines that never exit.',
				highs,
			);
		},
	};
}

/** One schedtrace line or dump of the goroutine-leak rule's stretch. */
interface LeakEntry {
	lineNo: number;
	elapsed: number;
	procs: number;
	idle: number;
	waiting: number;
	ticks: number | null;
	/** Schedule ticks a second since the line before, when both print them. */
	rate: number | null;
}

/** "the P was", "all 8 Ps were", "2 Ps were". */
function idlePs(e: LeakEntry): string {
	if (e.idle !== e.procs) return plural(e.idle, 'P was', 'Ps were');
	return e.procs === 1 ? 'the P was' : `all ${e.procs} Ps were`;
}

function goroutineLeakRule(): Rule {
	// The shortest tail of the log that spans LEAK_STRETCH_MS with LEAK_MIN_LINES lines: at one
	// line a second, a handful of entries; at schedtrace=1, a few thousand.
	let entries: LeakEntry[] = [];
	let head = 0;
	const busy = (e: LeakEntry) => e.waiting >= LEAK_WAITING_PER_P * Math.max(1, e.procs);
	const ticking = (e: LeakEntry) => e.rate !== null && e.rate >= LEAK_TICKS_PER_S;
	return {
		sample({ lineNo, elapsed, gomaxprocs, idleprocs, runqueue, local, ticks }) {
			let waiting = runqueue;
			for (const n of local) waiting += n;
			let prev: LeakEntry | undefined = entries[entries.length - 1];
			if (prev !== undefined && elapsed < prev.elapsed) {
				// A new run of the program in the same log: only its own lines count.
				entries = [];
				head = 0;
				prev = undefined;
			}
			let rate: number | null = null;
			if (
				prev?.ticks != null &&
				ticks !== null &&
				prev.procs === gomaxprocs &&
				elapsed > prev.elapsed &&
				ticks >= prev.ticks
			) {
				rate = ((ticks - prev.ticks) / (elapsed - prev.elapsed)) * 1000;
			}
			entries.push({ lineNo, elapsed, procs: gomaxprocs, idle: idleprocs, waiting, ticks, rate });
			while (entries.length - head > LEAK_MIN_LINES && elapsed - entries[head + 1].elapsed >= LEAK_STRETCH_MS) head++;
			// schedtrace prints at most one line a millisecond; more lines than that in the stretch
			// (a damaged log repeating one time) must not grow without bound.
			if (entries.length - head > LEAK_MAX_LINES) head++;
			if (head > 1024 && head * 2 > entries.length) {
				entries = entries.slice(head);
				head = 0;
			}
		},
		finding() {
			const stretch = entries.slice(head);
			if (stretch.length < LEAK_MIN_LINES) return null;
			const first = stretch[0];
			const last = stretch[stretch.length - 1];
			if (last.elapsed - first.elapsed < LEAK_STRETCH_MS) return null;
			const busyLines = stretch.filter(busy);
			if (busyLines.length === 0 || !(busy(last) || ticking(last))) return null;
			const apart = busyLines[busyLines.length - 1].elapsed - busyLines[0].elapsed >= LEAK_APART_MS;
			const allTicking = stretch.slice(1).every(ticking);
			if (!apart && !allTicking) return null;

			const lines = new LineList();
			for (const e of stretch) if (busy(e) || e === last) lines.add(e.lineNo);
			const counts = busyLines.map((e) => e.waiting);
			const procs = new Set(stretch.map((e) => e.procs));
			const parts: string[] = [
				`In the last ${figure((last.elapsed - first.elapsed) / 1000)} seconds of the log, from line ` +
					`${first.lineNo} (SCHED ${first.elapsed}ms) to line ${last.lineNo} (SCHED ${last.elapsed}ms), ` +
					`runnable goroutines kept coming back: ${busyLines.length === stretch.length ? `all ${stretch.length}` : `${busyLines.length} of these ${stretch.length}`} lines show ` +
					`${between(Math.min(...counts), Math.max(...counts))} goroutines waiting in the run queues` +
					(procs.size === 1 ? ` with GOMAXPROCS at ${[...procs][0]}` : '') +
					(busy(last) && busyLines.length < stretch.length ? ', the last line among them' : '') +
					'.',
			];
			// An idle moment followed by queues again: what the lesson asks a reader to notice.
			const lull = stretch.findIndex((e) => e.idle > 0 && e.waiting === 0);
			const back = lull >= 0 ? stretch.slice(lull + 1).find(busy) : undefined;
			if (lull >= 0 && back !== undefined) {
				parts.push(
					`At line ${stretch[lull].lineNo}, ${idlePs(stretch[lull])} idle with empty ` +
						`queues, yet at line ${back.lineNo}, ${back.waiting.toLocaleString('en-US')} goroutines were waiting again.`,
				);
			} else if (stretch.every((e) => e.idle === 0)) {
				parts.push('No P was idle on any of these lines.');
			}
			if (stretch.every((e) => e.ticks !== null && e.procs === first.procs) && last.ticks! >= first.ticks!) {
				const rate = ((last.ticks! - first.ticks!) / (last.elapsed - first.elapsed)) * 1000;
				parts.push(
					rate >= LEAK_TICKS_PER_S
						? `The schedule ticks of all Ps climbed by about ${roughly(rate)} a second over these lines` +
								`${ticking(last) ? ', up to the last one' : ''}.`
						: `The schedule ticks of all Ps climbed by only about ${roughly(rate)} a second over these lines, ` +
								'so few goroutines actually ran.',
				);
			}
			parts.push(
				'If the load had stopped by then, something inside the program keeps making goroutines runnable: ' +
					'look for goroutines started per request that loop or sleep and are never told to stop. The log ' +
					'cannot show whether the load had really stopped: a service still under load at the end of the ' +
					'log looks the same.',
			);
			return finding('goroutine-leak', parts.join(' '), lines);
		},
	};
}

/** How one wait reason's goroutines changed over the dumps. */
interface ReasonTrack {
	first: number;
	last: number;
	max: number;
	/** The dumps in which it reached a new high. */
	rises: LineList;
}

function blockedGoroutinesRule(): Rule {
	const reasons = new Map<string, ReasonTrack>();
	let dumps = 0;
	let firstLive = { count: 0, line: 0 };
	let lastLive = { count: 0, line: 0 };
	return {
		sample({ lineNo, goroutines }) {
			if (goroutines === null) return;
			dumps++;
			if (dumps === 1) firstLive = { count: goroutines.live, line: lineNo };
			lastLive = { count: goroutines.live, line: lineNo };
			for (const [reason, track] of reasons) if (!goroutines.byReason.has(reason)) track.last = 0;
			for (const [reason, count] of goroutines.byReason) {
				let track = reasons.get(reason);
				if (track === undefined) {
					if (reasons.size >= BLOCKED_MAX_REASONS) continue;
					// A reason first seen in a later dump had no goroutines in the earlier ones.
					const start = dumps === 1 ? count : 0;
					track = { first: start, last: start, max: start, rises: new LineList() };
					reasons.set(reason, track);
				}
				if (count > track.max) {
					track.max = count;
					track.rises.add(lineNo);
				}
				track.last = count;
			}
		},
		finding() {
			if (dumps < BLOCKED_MIN_DUMPS) return null;
			const growing = [...reasons]
				.filter(
					([, t]) =>
						t.rises.count >= BLOCKED_RISES &&
						t.last - t.first >= BLOCKED_MIN_GROWTH &&
						t.last >= 2 * t.first &&
						t.last >= t.max * BLOCKED_KEPT,
				)
				.sort(([, a], [, b]) => b.last - b.first - (a.last - a.first));
			if (growing.length === 0) return null;
			const described = growing.map(
				([reason, t]) =>
					`goroutines waiting on “${reason}” went from ${t.first.toLocaleString('en-US')} in the first dump ` +
					`to ${t.last.toLocaleString('en-US')} in the last, reaching a new high in ${plural(t.rises.count, 'dump')}` +
					(t.last < t.max
						? ` and staying within ${Math.round((1 - BLOCKED_KEPT) * 100)}% of its highest, ${t.max.toLocaleString('en-US')}`
						: ' and never falling back'),
			);
			return finding(
				'blocked-goroutines',
				`Over ${plural(dumps, 'scheddetail dump')}, from line ${firstLive.line} to line ${lastLive.line}, ` +
					`the goroutines that are not dead went from ${firstLive.count.toLocaleString('en-US')} to ` +
					`${lastLive.count.toLocaleString('en-US')}; ${described.join('; ')}. A goroutine ` +
					'blocked forever stays in every later dump and never shows in a run queue. Look for what these ' +
					'goroutines wait on that will never come (a channel no one sends on or closes, a lock no one ' +
					'releases), typically in goroutines started per request. The dumps cannot show whether something ' +
					'will still wake them: a pool of workers, or clients holding connections open, can grow the same ' +
					'way. Dead goroutines, kept by the runtime for reuse, are not counted.',
				growing[0][1].rises,
			);
		},
	};
}

/** The phases a cycle's pause adds up (`stwPauseMs`), in words: written for the longest only. */
function stwPauseParts(line: LogLine): string {
	if (line.form !== 'gc-cycle') return 'the whole collection, before Go 1.5';
	const [sweep, mark] = stwWall.fields.map((key) => numberOf(line, key)!);
	return `sweep termination ${ms(sweep)} + mark termination ${ms(mark)}`;
}

function longPauseRule(): Rule {
	const lines = new LineList();
	let cycles = 0;
	let worst = { total: 0, parts: '', line: 0, forced: false };
	return {
		add(line) {
			const total = stwPauseMs(line);
			if (total === undefined) return;
			cycles++;
			if (total <= PAUSE_MS) return;
			lines.add(line.lineNo);
			if (total > worst.total) {
				worst = { total, parts: stwPauseParts(line), line: line.lineNo, forced: has(line, 'gctrace/forced') };
			}
		},
		finding() {
			if (lines.count === 0) return null;
			return finding(
				'long-pause',
				`${lines.count} of ${plural(cycles, 'cycle')} stopped the world for more than ${PAUSE_MS} ms. ` +
					`${lines.count === 1 ? 'That cycle' : 'The longest'}, at line ${worst.line}, stopped it for ` +
					`${ms(worst.total)} (${worst.parts}); every goroutine waited that long.` +
					(worst.forced
						? ' It was a forced cycle; from Go 1.5 to 1.8, runtime.GC ran the whole collection with the world stopped.'
						: ''),
				lines,
			);
		},
	};
}

function gcCpuRule(): Rule {
	const lines = new LineList();
	let worst = { percent: 0, line: 0, at: 0, share: 0, procs: 0 };
	let last = { percent: 0, line: 0 };
	return {
		add(line) {
			if (line.form !== 'gc-cycle') return;
			const percent = numberOf(line, 'gctrace/gc-cpu-percent');
			const at = numberOf(line, 'gctrace/since-start');
			if (percent === undefined || at === undefined) return;
			const procs = numberOf(line, 'gctrace/procs') ?? 0;
			const share = backgroundMarkShare(procs);
			last = { percent, line: line.lineNo };
			if (at < GC_CPU_SKIP_S || percent <= share) return;
			lines.add(line.lineNo);
			if (percent > worst.percent) worst = { percent, line: line.lineNo, at, share, procs };
		},
		finding() {
			if (lines.count === 0) return null;
			const workers = worst.procs >= 1 ? ` at GOMAXPROCS=${worst.procs}` : '';
			return finding(
				'gc-cpu',
				`The GC’s share of CPU since the start reached ${worst.percent}% at line ${worst.line} ` +
					`(${worst.at} s into the run), above the ${figure(worst.share)}% the background mark workers use${workers}; ` +
					`${plural(lines.count, 'cycle')} printed more than their workers’ share, and the last cycle, ` +
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
			} else if (line.kind === 'gc-forced' || (line.kind === 'scavtrace' && has(line, 'scavtrace/scvg-gc-forced'))) {
				periodic.add(line.lineNo);
			} else return;
			lines.add(line.lineNo);
		},
		finding() {
			if (lines.count === 0) return null;
			const parts: string[] = [];
			if (forced.count > 0) {
				const checks =
					leakChecks > 0
						? ` (${leakChecks} of them ${leakChecks === 1 ? 'was a goroutine-leak check' : 'were goroutine-leak checks'})`
						: '';
				parts.push(
					`${plural(forced.count, 'cycle was', 'cycles were')} forced by the program${checks}, at ` +
						`${lineNames(forced)}: ${forced.count === 1 ? 'a call' : 'calls'} to runtime.GC or ` +
						`debug.FreeOSMemory${leakChecks > 0 ? ', or a goroutine-leak profile from runtime/pprof' : ''}, ` +
						`${forced.count === 1 ? 'a full cycle' : 'each a full cycle'} the pacer did not ask for, with ` +
						'its caller waiting until the cycle ended.',
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
	let procs = 0; // the largest GOMAXPROCS seen
	return {
		sample({ lineNo, threads, gomaxprocs }) {
			procs = Math.max(procs, gomaxprocs);
			if (first === null) {
				first = { value: threads, line: lineNo };
				max = threads;
				maxLine = lineNo;
			} else if (threads > max) {
				max = threads;
				maxLine = lineNo;
				// Start-up growth to a thread per P and the runtime's own threads is expected.
				if (threads > procs + THREAD_SPARE) rises.add(lineNo);
			}
		},
		finding() {
			if (first === null || rises.count < THREAD_RISES) return null;
			if (max - Math.max(first.value, procs + THREAD_SPARE) < THREAD_GROWTH) return null;
			return finding(
				'thread-growth',
				`threads= rose from ${first.value} at line ${first.line} to ${max} at line ${maxLine} with ` +
					`GOMAXPROCS at ${procs}, reaching a new high ${plural(rises.count, 'time')} above ` +
					`${procs + THREAD_SPARE}. Look for goroutines blocked in system calls or cgo calls, or locked ` +
					'to their threads, that pile up over time.',
				rises,
			);
		},
	};
}

interface Skew {
	p: number;
	lines: LineList;
	min: number;
	max: number;
}

function runqueueImbalanceRule(): Rule {
	const lines = new LineList();
	let streak: Skew | null = null;
	let longest: Skew | null = null;
	return {
		sample({ lineNo, local: queues }) {
			if (queues.length < 2) return;
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
			if (streak === null || streak.p !== heavy) streak = { p: heavy, lines: new LineList(), min: most, max: most };
			streak.lines.add(lineNo);
			streak.min = Math.min(streak.min, most);
			streak.max = Math.max(streak.max, most);
			if (streak.lines.count === IMBALANCE_LINES) for (const n of streak.lines.lines) lines.add(n);
			else if (streak.lines.count > IMBALANCE_LINES) lines.add(lineNo);
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
					`held ${between(l.min, l.max)} goroutines while another P’s held a quarter of that ` +
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
	'blocked-goroutines': blockedGoroutinesRule,
	'long-pause': longPauseRule,
	'gc-cpu': gcCpuRule,
	'forced-gc': forcedGcRule,
	'thread-growth': threadGrowthRule,
	'runqueue-imbalance': runqueueImbalanceRule,
};

/** A streaming findings collector: `add` every line of a log in order, then read `result`. */
export function createFindingsCollector(): FindingsCollector {
	const rules = findingKinds.map((kind) => ruleFactories[kind]());
	const sampler = createSchedSampler((s) => {
		const sample = ruleSample(s);
		if (sample !== null) for (const rule of rules) rule.sample?.(sample);
	});
	return {
		add(line) {
			if (line.kind === 'other' || line.kind === 'inittrace') return;
			sampler.add(line);
			for (const rule of rules) rule.add?.(line);
		},
		result() {
			// A dump still open at the end is complete: a later P line of it (after a mid-stream
			// result) is not counted.
			sampler.flush();
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
