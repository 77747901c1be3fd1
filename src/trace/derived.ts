/**
 * Quantities worked out from printed fields, each defined once: the findings, the analyzer's
 * series and the quiz's measures all read them from here. Also the one way to read a field's
 * value from a parsed line, and the assembly of scheddetail dumps into scheduler samples.
 */
import type { LogLine } from './log.ts';
import { G_SCAN_BIT } from './scheddetail/status.ts';
import type { FieldKey, FieldValue, ParsedLine, Token } from './types.ts';

type Tokens = Pick<ParsedLine, 'tokens'>;

/** The token that prints `key` on this line (a line prints each key at most once), or `undefined`. */
export function fieldToken(line: Tokens, key: FieldKey): Token | undefined {
	for (const t of line.tokens) if (t.key === key) return t;
	return undefined;
}

/** The value printed for `key`, or `undefined` when the line does not print it. */
export function fieldValue(line: Tokens, key: FieldKey): FieldValue | undefined {
	return fieldToken(line, key)?.value;
}

/** The value of `key` when it is a number. */
export function fieldNumber(line: Tokens, key: FieldKey): number | undefined {
	const value = fieldValue(line, key);
	return typeof value === 'number' ? value : undefined;
}

/** The value of `key` when it is a bracket list of numbers. */
function fieldNumbers(line: Tokens, key: FieldKey): readonly number[] | undefined {
	const value = fieldValue(line, key);
	return Array.isArray(value) ? (value as readonly number[]) : undefined;
}

/** A quantity that is the sum (or difference) of two printed fields of one line. */
export interface FieldCombination {
	fields: readonly [FieldKey, FieldKey];
	/** 1: first + second; -1: first − second. */
	sign: 1 | -1;
}

/** Stop-the-world wall time of a Go 1.5+ cycle, ms: sweep termination plus mark termination. */
export const stwWall: FieldCombination = {
	fields: ['gctrace/wall-sweep-termination', 'gctrace/wall-mark-termination'],
	sign: 1,
};

/** CPU time charged to the two stop-the-world phases, ms (GOMAXPROCS × each phase's wall time). */
export const stwCpu: FieldCombination = {
	fields: ['gctrace/cpu-sweep-termination', 'gctrace/cpu-mark-termination'],
	sign: 1,
};

/**
 * Heap the sweep will free, MB: heap-end − heap-live (`H1 − H2` of `H0->H1->H2 MB`). H2 counts
 * what was allocated during the cycle, so H0 − H2 would also subtract that, which nobody freed.
 */
export const heapFreed: FieldCombination = {
	fields: ['gctrace/heap-end', 'gctrace/heap-live'],
	sign: -1,
};

/** The combination's value on this line; NaN when the line lacks a field. */
function combined(q: FieldCombination, line: Tokens): number {
	const a = fieldNumber(line, q.fields[0]) ?? Number.NaN;
	const b = fieldNumber(line, q.fields[1]) ?? Number.NaN;
	return a + q.sign * b;
}

/**
 * How long a gc line's cycle stopped the world, in ms: the two stop-the-world phases from Go 1.5,
 * and before Go 1.5, when the whole collection was one pause, the sum of its printed phases.
 * `undefined` for other lines or when the figures are missing.
 */
export function stwPauseMs(line: LogLine | ParsedLine): number | undefined {
	if (line.form === 'gc-cycle') {
		const wall = combined(stwWall, line);
		return Number.isNaN(wall) ? undefined : wall;
	}
	if (line.form !== 'gc-cycle-legacy') return undefined;
	let total = 0;
	let any = false;
	for (const t of line.tokens) {
		if (typeof t.value !== 'number' || t.key === null || !t.key.startsWith('gctrace/legacy-')) continue;
		if (t.key.endsWith('-ms')) total += t.value;
		else if (t.key.endsWith('-us')) total += t.value / 1000;
		else continue;
		any = true;
	}
	return any ? total : undefined;
}

/** The share of CPU, in percent, a cycle's background mark workers aim for. */
export const GC_CPU_PERCENT = 25;

/**
 * The share of CPU, in percent, the background mark workers use while a cycle marks at this
 * GOMAXPROCS: gcControllerState.startCycle (mgcpacer.go, Go 1.19–1.27) rounds GOMAXPROCS × 0.25
 * to dedicated workers, and only when that is more than 30% off takes the whole number below
 * and adds a fractional worker to make up 25%.
 */
export function backgroundMarkShare(procs: number): number {
	if (!(procs >= 1)) return GC_CPU_PERCENT;
	const goal = procs * (GC_CPU_PERCENT / 100);
	const dedicated = Math.floor(goal + 0.5);
	const error = dedicated / goal - 1;
	if (error < -0.3 || error > 0.3) return GC_CPU_PERCENT;
	return (dedicated / procs) * 100;
}

/**
 * A pacer controller line's mark CPU utilization and its goal, in percent; Go 1.5–1.17 print
 * them as fractions. `undefined` for other gcpacertrace lines.
 */
export function markUtilization(
	line: Tokens & Pick<ParsedLine, 'form'>,
): { utilization: number; goal: number } | undefined {
	const read = (key: FieldKey) => fieldNumber(line, key) ?? Number.NaN;
	if (line.form === 'pacer-controller') {
		return { utilization: read('gcpacertrace/cpu-utilization'), goal: read('gcpacertrace/cpu-utilization-goal') };
	}
	if (line.form === 'pacer-controller-legacy') {
		return {
			utilization: read('gcpacertrace/actual-utilization') * 100,
			goal: read('gcpacertrace/goal-utilization') * 100,
		};
	}
	return undefined;
}

/** Goroutines waiting to run: the global run queue plus every P's local run queue. */
export function runnableGoroutines(s: { runqueue: number; local: readonly number[] }): number {
	let n = s.runqueue;
	for (const q of s.local) n += q;
	return n;
}

/** The scheduler figures of a schedtrace line or of a whole scheddetail dump. */
export interface SchedSample {
	/** The SCHED line's number. */
	lineNo: number;
	/** A plain schedtrace line, or a dump (its header with its P and G lines). */
	source: 'schedtrace' | 'dump';
	/** `SCHED Nms`, and the header's counts; NaN when the line does not print them. */
	elapsed: number;
	gomaxprocs: number;
	idleprocs: number;
	threads: number;
	runqueue: number;
	/** Each P's local queue length, by P id: the bracket, or a dump's P lines; empty when not printed. */
	local: number[];
	/** Each P's schedule ticks (schedticks=, or a dump's P lines), or `null` when not printed. */
	ticks: number[] | null;
	/** A dump's goroutines; `null` for a schedtrace line, or from a sampler not counting them. */
	goroutines: DumpGoroutines | null;
}

/** The G lines of one dump, counted: never the lines themselves. */
export interface DumpGoroutines {
	/** G lines that are not dead. */
	live: number;
	/** Live goroutines per wait reason (status 4), and per status for leaked ones. */
	byReason: Map<string, number>;
}

/** Turns a log's schedtrace lines and scheddetail dumps into `SchedSample`s, in log order. */
export interface SchedSampler {
	add(line: LogLine): void;
	/** Ends the dump in progress, if any (its later lines are then ignored). */
	flush(): void;
}

/**
 * A plain schedtrace line becomes a sample at once; a dump's header gathers its P and G lines
 * (tied to it by `line.dump`) and becomes a sample at the next SCHED line or at `flush`. A big
 * dump is mostly G lines: without `countGoroutines` they are skipped.
 */
export function createSchedSampler(
	onSample: (s: SchedSample) => void,
	{ countGoroutines = true }: { countGoroutines?: boolean } = {},
): SchedSampler {
	let dump: SchedSample | null = null;
	const flush = () => {
		if (dump !== null) onSample(dump);
		dump = null;
	};
	return {
		add(line) {
			if (line.kind === 'schedtrace') {
				flush();
				const s = sampleOf(line);
				if (line.form === 'sched-detail-header') {
					const goroutines = countGoroutines ? { live: 0, byReason: new Map<string, number>() } : null;
					dump = { ...s, source: 'dump', ticks: [], goroutines };
				} else onSample(s);
			} else if (dump !== null && line.dump === dump.lineNo) {
				if (line.form === 'detail-p') addP(dump, line);
				else if (line.form === 'detail-g' && dump.goroutines !== null) addG(dump.goroutines, line);
			}
		},
		flush,
	};
}

function sampleOf(line: LogLine): SchedSample {
	const read = (key: FieldKey) => fieldNumber(line, key) ?? Number.NaN;
	const ticks = fieldNumbers(line, 'schedtrace/schedticks');
	return {
		lineNo: line.lineNo,
		source: 'schedtrace',
		elapsed: read('schedtrace/elapsed'),
		gomaxprocs: read('schedtrace/gomaxprocs'),
		idleprocs: read('schedtrace/idleprocs'),
		threads: read('schedtrace/threads'),
		runqueue: read('schedtrace/runqueue'),
		local: [...(fieldNumbers(line, 'schedtrace/local-runqueues') ?? [])],
		ticks: ticks ? [...ticks] : null,
		goroutines: null,
	};
}

/** A dump's P line: its local run queue and schedule ticks, at the P's id. */
function addP(dump: SchedSample, line: LogLine): void {
	const p = fieldNumber(line, 'scheddetail/p-id') ?? dump.local.length;
	const size = fieldNumber(line, 'scheddetail/p-runqsize');
	if (size !== undefined) dump.local[p] = size;
	const ticks = fieldNumber(line, 'scheddetail/p-schedtick');
	if (ticks === undefined) dump.ticks = null;
	else if (dump.ticks !== null) dump.ticks[p] = ticks;
}

/**
 * G statuses that are not a live goroutine (runtime2.go): _Gidle (0, just allocated), _Gdead (6,
 * exited or never used, kept on a free list for reuse) and, from Go 1.26, _Gdeadextra (11).
 */
const notLive = new Set([0, 6, 11]);
const G_WAITING = 4;
const G_LEAKED = 10;

/** A dump's G line, counted by wait reason when it waits. */
function addG(gs: DumpGoroutines, line: LogLine): void {
	const status = fieldNumber(line, 'scheddetail/g-status');
	if (status === undefined) return;
	const base = status & ~G_SCAN_BIT;
	if (notLive.has(base)) return;
	gs.live++;
	let reason: string | undefined;
	if (base === G_WAITING) {
		const printed = fieldValue(line, 'scheddetail/g-wait-reason');
		reason = typeof printed === 'string' && printed !== '' ? printed : 'no wait reason printed';
	} else if (base === G_LEAKED) reason = 'leaked (status 10)';
	if (reason !== undefined) gs.byReason.set(reason, (gs.byReason.get(reason) ?? 0) + 1);
}
