/**
 * The distributions of a log, derived once for every front end: stop-the-world pauses and the
 * time between GC cycles (percentiles and a pause histogram), the GC's CPU share, the heap goal
 * and the peak live heap, an estimate of what the program allocated, the mark assists' share of
 * CPU from the pacer's lines, and the scheduler's run queues and idle Ps.
 *
 * Percentiles are nearest-rank: the p-th percentile of n values is the value at rank ⌈p × n / 100⌉
 * in ascending order, so every figure is a value the log printed (a real pause, not a blend).
 *
 * Exact, yet bounded: values are counted by value, never kept one per line. The runtime prints
 * pauses to the microsecond at most (fmtNSAsMS: two significant digits, whole ms from 10 ms), the
 * `@` time to the millisecond, heaps in whole MB and queues as whole numbers, so the distinct
 * values stay few however long the log is.
 */
import { createSchedSampler, GC_CPU_PERCENT, markUtilization, runnableGoroutines, stwPauseMs } from './derived.ts';
import type { LogLine } from './log.ts';

/** Nearest-rank summary of a set of values; `mean` is the arithmetic mean. */
export interface Distribution {
	count: number;
	min: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	mean: number;
}

/** One bucket of the pause histogram: pauses in `[from, to)` ms (`to` null: no upper bound). */
export interface HistogramBucket {
	from: number;
	to: number | null;
	count: number;
}

/**
 * Pause histogram bucket edges in ms, 1-2-5 steps per decade from 10 µs to 100 ms: every log gets
 * the same buckets, so two runs line up. The runtime prints pauses to the microsecond.
 */
export const pauseBucketEdgesMs: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];

/** Everything `stats.ts` works out about a log. Plain numbers and arrays: structured-cloneable and JSON. */
export interface LogStats {
	gc: {
		/** gctrace cycle lines, every era. */
		cycles: number;
		/** Cycles marked `(forced)`. */
		forcedCycles: number;
		/** Stop-the-world pause of each cycle, ms: the sweep termination plus mark termination wall clock (Go 1.5+; before, the whole collection). */
		pauseMs: Distribution | null;
		pauseHistogram: HistogramBucket[];
		/** Time from one cycle's start (`@`) to the next one's, ms; a time going back (a new program in the log) is skipped. */
		intervalMs: Distribution | null;
		/** Seconds from the first cycle's `@` to the last's (summed over runs when the time goes back). */
		spanSeconds: number | null;
		/** Cycles per second over that span: intervals / span. */
		cyclesPerSecond: number | null;
		/**
		 * Heap allocated from the first cycle's start to the last's, MB: what each cycle freed
		 * (heap-end − heap-live) plus the live heap's growth (last heap-start − first heap-start).
		 * The runtime prints whole MB (truncated), so this is an estimate.
		 */
		allocatedMB: number | null;
		/** Cycles (intervals) per allocated MB over the same stretch. */
		cyclesPerAllocatedMB: number | null;
		/** The last cycle's GC CPU share, percent: the runtime's own figure since the program started. */
		cpuPercent: number | null;
		/** Heap goal of each cycle, MB. */
		heapGoalMB: Distribution | null;
		/** The most the heap held live after a cycle's mark (heap-live), MB. */
		peakLiveHeapMB: number | null;
	};
	pacer: {
		/**
		 * Mark assists' share of CPU during each cycle's mark, percent: the pacer's mark utilization
		 * minus the 25% (gcBackgroundUtilization) it assumes the background workers took.
		 */
		assistPercent: Distribution | null;
	};
	sched: {
		/** schedtrace lines and scheddetail dumps. */
		samples: number;
		/** Goroutines waiting to run at each sample: the global run queue plus every P's local one. */
		runnable: Distribution | null;
		/** Idle Ps at each sample. */
		idleProcs: Distribution | null;
	};
}

/** Counts values by value; a distribution of them at the end. */
class ValueCounts {
	private readonly counts = new Map<number, number>();
	private n = 0;
	private sum = 0;

	add(value: number): void {
		if (!Number.isFinite(value)) return;
		this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
		this.n++;
		this.sum += value;
	}

	/** Values ascending with their counts. */
	private sorted(): [number, number][] {
		return [...this.counts].sort((a, b) => a[0] - b[0]);
	}

	distribution(): Distribution | null {
		if (this.n === 0) return null;
		const sorted = this.sorted();
		const at = (p: number) => valueAtRank(sorted, Math.max(1, Math.ceil((p * this.n) / 100)));
		return {
			count: this.n,
			min: sorted[0]![0],
			p50: at(50),
			p95: at(95),
			p99: at(99),
			max: sorted[sorted.length - 1]![0],
			mean: this.sum / this.n,
		};
	}

	histogram(edges: readonly number[]): HistogramBucket[] {
		const buckets: HistogramBucket[] = [
			{ from: 0, to: edges[0]!, count: 0 },
			...edges.map((from, i) => ({ from, to: edges[i + 1] ?? null, count: 0 })),
		];
		for (const [value, count] of this.counts) {
			const i = edges.findIndex((edge) => value < edge);
			buckets[i === -1 ? buckets.length - 1 : i]!.count += count;
		}
		return buckets;
	}
}

/** The value at 1-based `rank` among values sorted ascending with their counts. */
function valueAtRank(sorted: [number, number][], rank: number): number {
	let seen = 0;
	for (const [value, count] of sorted) {
		seen += count;
		if (seen >= rank) return value;
	}
	return sorted[sorted.length - 1]![0];
}

/** A figure printed to the microsecond (ms with three decimals), without float noise from sums. */
function toMicros(ms: number): number {
	return Math.round(ms * 1000) / 1000;
}

/** Collects a log's distributions line by line. */
export interface StatsCollector {
	add(line: LogLine): void;
	result(): LogStats;
}

export function createStatsCollector(): StatsCollector {
	const pauses = new ValueCounts();
	const intervals = new ValueCounts();
	const heapGoals = new ValueCounts();
	const assists = new ValueCounts();
	const runnable = new ValueCounts();
	const idle = new ValueCounts();
	let cycles = 0;
	let forced = 0;
	let samples = 0;
	let span = 0;
	let intervalCount = 0;
	let lastTime: number | null = null;
	let cpuPercent: number | null = null;
	let peakLive: number | null = null;
	// Allocation: freed per cycle, plus the growth of heap-start over each run of rising time.
	let freed = 0;
	let firstStart: number | null = null;
	let lastStart: number | null = null;
	let growth = 0;
	let allocatedKnown = true;
	// What the last cycle freed: it counts once the next cycle of the same run starts.
	let pendingFreed = 0;

	const sampler = createSchedSampler(
		(s) => {
			samples++;
			if (!Number.isNaN(s.runqueue)) runnable.add(runnableGoroutines(s));
			idle.add(s.idleprocs);
		},
		{ countGoroutines: false },
	);

	function addCycle(line: LogLine): void {
		cycles++;
		const pause = stwPauseMs(line);
		if (pause !== undefined) pauses.add(toMicros(pause));
		// One pass over the tokens: a gc line prints each key once.
		let time: number | undefined;
		let start: number | undefined;
		let end: number | undefined;
		let live: number | undefined;
		let goal: number | undefined;
		let cpu: number | undefined;
		for (const t of line.tokens) {
			if (t.key === 'gctrace/forced') {
				if (t.value === true) forced++;
				continue;
			}
			if (typeof t.value !== 'number') continue;
			if (t.key === 'gctrace/since-start') time = t.value;
			else if (t.key === 'gctrace/heap-start') start = t.value;
			else if (t.key === 'gctrace/heap-end') end = t.value;
			else if (t.key === 'gctrace/heap-live') live = t.value;
			else if (t.key === 'gctrace/heap-goal') goal = t.value;
			else if (t.key === 'gctrace/gc-cpu-percent') cpu = t.value;
		}
		if (line.form !== 'gc-cycle') return;
		if (cpu !== undefined) cpuPercent = cpu;
		if (goal !== undefined) heapGoals.add(goal);
		if (live !== undefined) peakLive = Math.max(peakLive ?? live, live);
		if (time === undefined) return;
		const continues = lastTime !== null && time >= lastTime;
		if (continues) {
			const ms = Math.round((time - lastTime!) * 1000);
			intervals.add(ms);
			span += time - lastTime!;
			intervalCount++;
		} else if (firstStart !== null && lastStart !== null) {
			// A new program's cycles: the growth of the run before is complete.
			growth += lastStart - firstStart;
			firstStart = null;
		}
		lastTime = time;
		if (start === undefined || end === undefined || live === undefined) {
			allocatedKnown = false;
			return;
		}
		if (continues) freed += pendingFreed;
		pendingFreed = end - live;
		if (firstStart === null) firstStart = start;
		lastStart = start;
	}

	return {
		add(line) {
			if (line.kind === 'gctrace' && (line.form === 'gc-cycle' || line.form === 'gc-cycle-legacy')) addCycle(line);
			else if (line.kind === 'schedtrace' || line.kind === 'scheddetail') sampler.add(line);
			else if (line.kind === 'gcpacertrace') {
				const u = markUtilization(line);
				if (u !== undefined && Number.isFinite(u.utilization)) assists.add(u.utilization - GC_CPU_PERCENT);
			}
		},
		result() {
			sampler.flush();
			const allocated =
				allocatedKnown && intervalCount > 0 && firstStart !== null && lastStart !== null
					? freed + growth + (lastStart - firstStart)
					: null;
			return {
				gc: {
					cycles,
					forcedCycles: forced,
					pauseMs: pauses.distribution(),
					pauseHistogram: pauses.histogram(pauseBucketEdgesMs),
					intervalMs: intervals.distribution(),
					spanSeconds: intervalCount > 0 ? Math.round(span * 1000) / 1000 : null,
					cyclesPerSecond: intervalCount > 0 && span > 0 ? intervalCount / span : null,
					allocatedMB: allocated,
					cyclesPerAllocatedMB: allocated !== null && allocated > 0 ? intervalCount / allocated : null,
					cpuPercent,
					heapGoalMB: heapGoals.distribution(),
					peakLiveHeapMB: peakLive,
				},
				pacer: { assistPercent: assists.distribution() },
				sched: { samples, runnable: runnable.distribution(), idleProcs: idle.distribution() },
			};
		},
	};
}
