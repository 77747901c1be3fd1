/**
 * Two runs of a program, side by side: the measures that decide between them (GC work per
 * second and per allocated MB, stop-the-world pauses, the GC's CPU share, heaps, assists, the
 * scheduler's queues and idle Ps), each with its change and whether that is better, worse or the
 * same within a stated tolerance; and the caveats that limit what the comparison can say.
 * Pure: it reads two analyses (`createLogAnalysis`), never lines.
 */
import type { LogAnalysis } from './analysis.ts';
import { intersectEras } from './era.ts';
import type { LogSummary } from './log.ts';
import type { LogStats } from './stats.ts';
import type { Era } from './types.ts';

/** What a comparison reads of each run. */
export type ComparedRun = Pick<LogAnalysis<unknown>, 'summary' | 'stats'>;

export const compareMeasureKeys = [
	'cycles-per-second',
	'cycles-per-allocated-mb',
	'pause-p50',
	'pause-p95',
	'pause-p99',
	'pause-max',
	'gc-cpu-percent',
	'heap-goal',
	'peak-live-heap',
	'assist-percent',
	'runnable',
	'idle-procs',
] as const;
export type CompareMeasureKey = (typeof compareMeasureKeys)[number];

/** The unit a measure is in. */
export type MeasureUnit = 'per-second' | 'per-mb' | 'ms' | 'percent' | 'MB' | 'goroutines' | 'Ps';

/** The kind of line a measure needs. */
type SourceKind = 'gctrace' | 'gcpacertrace' | 'schedtrace';

/**
 * Within this, a change is "same": the larger of `absolute` (in the measure's unit) and
 * `relative` × the before value. The absolute floors are the runtime's own print precision
 * (whole percent, whole MB) or a noise floor (a tenth of a goroutine on average).
 */
interface Tolerance {
	relative: number;
	absolute: number;
}

interface MeasureSpec {
	key: CompareMeasureKey;
	unit: MeasureUnit;
	/** Which way is better; `null` when neither is (idle Ps: spare capacity, or less work). */
	better: 'lower' | 'higher' | null;
	tolerance: Tolerance;
	source: SourceKind;
	read(stats: LogStats): number | null;
}

const TEN_PERCENT = 0.1;

const measureSpecs: readonly MeasureSpec[] = [
	{
		key: 'cycles-per-second',
		unit: 'per-second',
		better: 'lower',
		tolerance: { relative: TEN_PERCENT, absolute: 0 },
		source: 'gctrace',
		read: (s) => s.gc.cyclesPerSecond,
	},
	{
		key: 'cycles-per-allocated-mb',
		unit: 'per-mb',
		better: 'lower',
		tolerance: { relative: TEN_PERCENT, absolute: 0 },
		source: 'gctrace',
		read: (s) => s.gc.cyclesPerAllocatedMB,
	},
	...(['p50', 'p95', 'p99', 'max'] as const).map((p): MeasureSpec => ({
		key: `pause-${p}`,
		unit: 'ms',
		better: 'lower',
		// The runtime prints pauses to two significant digits, and to the microsecond.
		tolerance: { relative: TEN_PERCENT, absolute: 0.002 },
		source: 'gctrace',
		read: (s) => s.gc.pauseMs?.[p] ?? null,
	})),
	{
		key: 'gc-cpu-percent',
		unit: 'percent',
		better: 'lower',
		// Printed as a whole, truncated percent.
		tolerance: { relative: 0, absolute: 1 },
		source: 'gctrace',
		read: (s) => s.gc.cpuPercent,
	},
	{
		key: 'heap-goal',
		unit: 'MB',
		better: 'lower',
		// Printed in whole MB.
		tolerance: { relative: TEN_PERCENT, absolute: 1 },
		source: 'gctrace',
		read: (s) => s.gc.heapGoalMB?.p50 ?? null,
	},
	{
		key: 'peak-live-heap',
		unit: 'MB',
		better: 'lower',
		tolerance: { relative: TEN_PERCENT, absolute: 1 },
		source: 'gctrace',
		read: (s) => s.gc.peakLiveHeapMB,
	},
	{
		key: 'assist-percent',
		unit: 'percent',
		better: 'lower',
		// Go 1.18+ prints the utilization as a whole, truncated percent.
		tolerance: { relative: TEN_PERCENT, absolute: 1 },
		source: 'gcpacertrace',
		read: (s) => s.pacer.assistPercent?.mean ?? null,
	},
	{
		key: 'runnable',
		unit: 'goroutines',
		better: 'lower',
		tolerance: { relative: TEN_PERCENT, absolute: 0.1 },
		source: 'schedtrace',
		read: (s) => s.sched.runnable?.mean ?? null,
	},
	{
		key: 'idle-procs',
		unit: 'Ps',
		better: null,
		tolerance: { relative: TEN_PERCENT, absolute: 0.1 },
		source: 'schedtrace',
		read: (s) => s.sched.idleProcs?.mean ?? null,
	},
];

/**
 * How a measure moved: `better`/`worse` by its better direction, `same` within its tolerance,
 * `changed` when neither direction is better, `missing` when a run lacks it.
 */
export type MeasureDirection = 'better' | 'worse' | 'same' | 'changed' | 'missing';

export interface MeasureChange {
	key: CompareMeasureKey;
	unit: MeasureUnit;
	better: 'lower' | 'higher' | null;
	tolerance: Tolerance;
	before: number | null;
	after: number | null;
	/** after − before, or `null` when either is missing. */
	change: number | null;
	/** after / before, or `null` when either is missing or before is 0. */
	ratio: number | null;
	direction: MeasureDirection;
}

/** What limits a comparison: the runs may differ in more than the change being judged. */
export type CompareCaveat =
	/** No Go release prints both logs' lines in their shapes: the runs used different releases. */
	| { kind: 'go-release'; before: Era | null; after: Era | null }
	/** The runs printed different GOMAXPROCS values. */
	| { kind: 'gomaxprocs'; before: number[]; after: number[] }
	/** The time the runs' traces cover differs by more than a quarter. */
	| { kind: 'duration'; beforeSeconds: number; afterSeconds: number }
	/** One run has lines of this kind and the other has none: its measures cannot be compared. */
	| { kind: 'missing-lines'; lineKind: SourceKind; missingIn: 'before' | 'after' }
	/** A run has few cycles: its p95 and p99 are its longest pauses, and one pause moves them. */
	| { kind: 'few-cycles'; before: number; after: number };

/** A run with fewer cycles than this gets the `few-cycles` caveat (p95 is then the maximum). */
export const fewCycles = 20;

/** Durations further apart than this ratio get the `duration` caveat. */
const durationRatio = 1.25;

export interface Comparison {
	measures: MeasureChange[];
	caveats: CompareCaveat[];
}

function directionOf(spec: MeasureSpec, before: number, after: number): MeasureDirection {
	const allowed = Math.max(spec.tolerance.absolute, spec.tolerance.relative * Math.abs(before));
	// Exactly 10% is within 10%: allow for the float error of the means and rates.
	if (Math.abs(after - before) <= allowed * (1 + 1e-9)) return 'same';
	if (spec.better === null) return 'changed';
	return after < before === (spec.better === 'lower') ? 'better' : 'worse';
}

function measure(spec: MeasureSpec, before: LogStats, after: LogStats): MeasureChange {
	const b = spec.read(before);
	const a = spec.read(after);
	const both = a !== null && b !== null;
	return {
		key: spec.key,
		unit: spec.unit,
		better: spec.better,
		tolerance: spec.tolerance,
		before: b,
		after: a,
		change: both ? a - b : null,
		ratio: both && b !== 0 ? a / b : null,
		direction: both ? directionOf(spec, b, a) : 'missing',
	};
}

/** Seconds a run's trace covers: the longer of its gctrace and schedtrace spans; `null` without either. */
function coveredSeconds(summary: LogSummary): number | null {
	const spans: number[] = [];
	if (summary.gctraceSinceStart) spans.push(summary.gctraceSinceStart.last - summary.gctraceSinceStart.first);
	if (summary.schedtraceElapsed) spans.push((summary.schedtraceElapsed.last - summary.schedtraceElapsed.first) / 1000);
	return spans.length ? Math.max(...spans) : null;
}

const sourceCounts = (summary: LogSummary): Record<SourceKind, number> => ({
	gctrace: summary.kindCounts.gctrace,
	gcpacertrace: summary.kindCounts.gcpacertrace,
	// A dump's header is a schedtrace line too.
	schedtrace: summary.kindCounts.schedtrace,
});

function caveatsOf(before: ComparedRun, after: ComparedRun): CompareCaveat[] {
	const caveats: CompareCaveat[] = [];
	const eraB = before.summary.era;
	const eraA = after.summary.era;
	if (eraB !== null && eraA !== null && eraB.length > 0 && eraA.length > 0 && intersectEras(eraB, eraA).length === 0)
		caveats.push({ kind: 'go-release', before: eraB, after: eraA });
	const procsB = before.summary.gomaxprocs;
	const procsA = after.summary.gomaxprocs;
	if (procsB.length > 0 && procsA.length > 0 && procsB.join() !== procsA.join())
		caveats.push({ kind: 'gomaxprocs', before: [...procsB], after: [...procsA] });
	const secondsB = coveredSeconds(before.summary);
	const secondsA = coveredSeconds(after.summary);
	if (secondsB !== null && secondsA !== null) {
		const longer = Math.max(secondsA, secondsB);
		const shorter = Math.min(secondsA, secondsB);
		if (longer > shorter * durationRatio)
			caveats.push({ kind: 'duration', beforeSeconds: secondsB, afterSeconds: secondsA });
	}
	const countsB = sourceCounts(before.summary);
	const countsA = sourceCounts(after.summary);
	for (const lineKind of ['gctrace', 'gcpacertrace', 'schedtrace'] as const) {
		if ((countsB[lineKind] === 0) !== (countsA[lineKind] === 0))
			caveats.push({ kind: 'missing-lines', lineKind, missingIn: countsB[lineKind] === 0 ? 'before' : 'after' });
	}
	const cyclesB = before.stats.gc.pauseMs?.count ?? 0;
	const cyclesA = after.stats.gc.pauseMs?.count ?? 0;
	if (cyclesB > 0 && cyclesA > 0 && Math.min(cyclesB, cyclesA) < fewCycles)
		caveats.push({ kind: 'few-cycles', before: cyclesB, after: cyclesA });
	return caveats;
}

/** Compares a run before a change with the run after it. */
export function compareAnalyses(before: ComparedRun, after: ComparedRun): Comparison {
	return {
		measures: measureSpecs.map((spec) => measure(spec, before.stats, after.stats)),
		caveats: caveatsOf(before, after),
	};
}
