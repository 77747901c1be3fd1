/**
 * Series of a log for the analyzer's charts: one row per gctrace cycle line, schedtrace line,
 * pacer controller line, scavtrace line and inittrace line, each row with the line number it
 * came from.
 *
 * The collector reads fields by catalogue key, so every era the parsers support works: a field
 * an era does not print leaves its column NaN (drawn as a gap), and a kind of line the log
 * lacks leaves its group empty. Columns are typed arrays that grow by doubling, so a 200 MB log
 * with a million schedtrace lines costs a few bytes a number, and the result is structured-
 * cloneable (a Web Worker can post it).
 */
import {
	createSchedSampler,
	fieldNumber,
	fieldValue,
	markUtilization,
	stwPauseMs,
	type SchedSample,
} from './derived.ts';
import type { LogLine } from './log.ts';
import type { FieldKey } from './types.ts';

/**
 * Rows of one kind of line, one column per plotted field. The x of each row (`time`) is in the
 * clock that kind of line prints, said on each group in `LogSeries`: the kinds do not share one.
 */
export interface SeriesGroup<C extends string> {
	/** Rows, in log order. */
	length: number;
	/** Where the row sits on the chart's x axis; its unit depends on the group. */
	time: Float64Array;
	/** The 1-based log line number of each row. */
	lineNo: Float64Array;
	/** Plotted values by column name; NaN where the line does not print the field. */
	columns: Record<C, Float64Array>;
}

type GcColumn =
	| 'heapStart'
	| 'heapEnd'
	| 'heapLive'
	| 'heapGoal'
	| 'gcCpuPercent'
	| 'stwSweepTermination'
	| 'stwMarkTermination'
	| 'stw';

type SchedColumn = 'runqueue' | 'idleprocs' | 'threads' | 'gomaxprocs';

type PacerColumn = 'utilization' | 'utilizationGoal';

/** scavtrace (Go 1.14+) values in KiB: `work` up to Go 1.20, `workBg` and `workEager` after. */
type ScavColumn = 'work' | 'workBg' | 'workEager' | 'released';

type InitColumn = 'clock' | 'start';

/** The most Ps whose local run queues are kept (and drawn) one series each. */
export const maxLocalRunqueueSeries = 16;

export interface LogSeries {
	/** Go 1.5+ `gc N @…s` lines. Heap in MB, pauses in ms, CPU in percent. */
	gc: SeriesGroup<GcColumn>;
	/** gctrace cycle lines with no time (the Go 1.1–1.4 format): not charted, only counted. */
	gcUntimed: number;
	/**
	 * schedtrace lines (a scheddetail dump's header line included); time is `SCHED Nms` / 1000,
	 * seconds since the runtime's first schedtrace call, not since the program started.
	 */
	sched: SeriesGroup<SchedColumn> & {
		/**
		 * Local run queue of P0, P1, … up to `maxLocalRunqueueSeries`; NaN where P is absent.
		 * Float32 (exact for queue lengths) halves the biggest part of a long schedtrace log.
		 */
		localRunqueues: Float32Array[];
		/** The most Ps any line printed a run queue for (may exceed the series kept). */
		procCount: number;
		/**
		 * Go 1.25+: `schedticks` per second of P0, P1, … up to `maxLocalRunqueueSeries`: the
		 * difference from the previous line that printed `schedticks`, over the difference in
		 * `SCHED Nms`. NaN on the first such line, where a P is missing from either line, where
		 * GOMAXPROCS changed between the two, and where a count or the time went down (a new
		 * program's output in the same log).
		 */
		schedticksPerSecond: Float64Array[];
	};
	/** Pacer controller lines: mark utilization (assumed background share plus measured assists) against its goal, in percent. */
	pacer: SeriesGroup<PacerColumn>;
	/** Pacer controller lines with no gc line after them to take a time from. */
	pacerUnplaced: number;
	/**
	 * Go 1.14+ `scav …` lines, in KiB. They print no time, so `time` is the line's place among
	 * the log's scav lines: 1, 2, 3, … (one per completed sweep, that is per GC cycle, plus
	 * one per forced scavenge).
	 */
	scav: SeriesGroup<ScavColumn>;
	/** Scavenger lines of the older `scvg…` forms (Go 1.2–1.13): not charted, only counted. */
	scvgUncharted: number;
	/**
	 * inittrace lines, one row per package in the order they ran; `time` is the row's place
	 * (1, 2, 3, …) and `packages` the import paths. `clock` and `start` in ms.
	 */
	init: SeriesGroup<InitColumn> & { packages: string[] };
}

/** Collects a log's series line by line; `result()` may be called at any point, and again. */
export interface SeriesCollector {
	add(line: LogLine): void;
	result(): LogSeries;
}

const INITIAL_CAPACITY = 64;

/**
 * A growable Float64Array (or Float32Array, for small whole numbers). A result is a view of
 * the column's own array, not a copy (a copy would double the series' memory at the end of a
 * big log); the next `set` after one copies the array first, so later rows never alias a
 * result already handed out.
 */
class Column<A extends Float64Array | Float32Array = Float64Array> {
	data: A;
	private readonly make: (size: number) => A;
	/** `data` is viewed by a result. */
	private shared = false;

	constructor(make: (size: number) => A = (size) => new Float64Array(size) as A) {
		this.make = make;
		this.data = make(INITIAL_CAPACITY);
	}

	set(i: number, value: number): void {
		if (i >= this.data.length || this.shared) {
			let size = this.data.length;
			while (size <= i) size *= 2;
			const next = this.make(size);
			next.set(this.data);
			this.data = next;
			this.shared = false;
		}
		this.data[i] = value;
	}

	/** The first `length` values, as they stay: later rows never change them. */
	slice(length: number): A {
		this.shared = true;
		return this.data.subarray(0, length) as A;
	}
}

/** Rows of growable columns that grow together. */
class Group<C extends string> {
	length = 0;
	readonly time = new Column();
	readonly lineNo = new Column();
	readonly columns: Record<C, Column>;

	constructor(names: readonly C[]) {
		this.columns = Object.fromEntries(names.map((name) => [name, new Column()])) as Record<C, Column>;
	}

	/** Starts a row; every column gets NaN until set. */
	push(time: number, lineNo: number): number {
		const i = this.length++;
		this.time.set(i, time);
		this.lineNo.set(i, lineNo);
		for (const name in this.columns) this.columns[name].set(i, Number.NaN);
		return i;
	}

	result(): SeriesGroup<C> {
		const columns = {} as Record<C, Float64Array>;
		for (const name in this.columns) columns[name] = this.columns[name].slice(this.length);
		return {
			length: this.length,
			time: this.time.slice(this.length),
			lineNo: this.lineNo.slice(this.length),
			columns,
		};
	}
}

const GC_COLUMNS: Record<Exclude<GcColumn, 'stw'>, FieldKey> = {
	heapStart: 'gctrace/heap-start',
	heapEnd: 'gctrace/heap-end',
	heapLive: 'gctrace/heap-live',
	heapGoal: 'gctrace/heap-goal',
	gcCpuPercent: 'gctrace/gc-cpu-percent',
	stwSweepTermination: 'gctrace/wall-sweep-termination',
	stwMarkTermination: 'gctrace/wall-mark-termination',
};

/** The number `key` prints on this line, or NaN (a gap in the chart). */
function num(line: LogLine, key: FieldKey): number {
	return fieldNumber(line, key) ?? Number.NaN;
}

export function createSeriesCollector(): SeriesCollector {
	const gc = new Group<GcColumn>([...(Object.keys(GC_COLUMNS) as GcColumn[]), 'stw']);
	const sched = new Group<SchedColumn>(['runqueue', 'idleprocs', 'threads', 'gomaxprocs']);
	const pacer = new Group<PacerColumn>(['utilization', 'utilizationGoal']);
	const scav = new Group<ScavColumn>(['work', 'workBg', 'workEager', 'released']);
	const init = new Group<InitColumn>(['clock', 'start']);
	const packages: string[] = [];
	let scvgUncharted = 0;
	const localRunqueues: Column<Float32Array>[] = [];
	const tickRates: Column[] = [];
	// The last line that printed schedticks: its time (ms), GOMAXPROCS and counts.
	let lastTicks: { elapsed: number; procs: number; ticks: readonly number[] } | null = null;
	const float32 = (size: number): Float32Array => new Float32Array(size);
	let procCount = 0;
	let gcUntimed = 0;
	// Pacer controller lines print just before their cycle's `gc N @…s` line (the format
	// reference §6: assist ratio, controller, gc line, sweep done), so each waits for the next
	// gc line and takes its time: the nearest timed line of the same cycle.
	let pendingPacer: { lineNo: number; utilization: number; goal: number }[] = [];

	/** Sets P `p`'s local run queue in sched row `row`, for the first Ps only. */
	function setLocalRunqueue(row: number, p: number, value: number): void {
		procCount = Math.max(procCount, p + 1);
		if (p >= maxLocalRunqueueSeries) return;
		while (localRunqueues.length <= p) {
			const column = new Column(float32);
			// Rows before this P first appeared stay NaN.
			for (let i = 0; i < sched.length; i++) column.set(i, Number.NaN);
			localRunqueues.push(column);
		}
		localRunqueues[p]!.set(row, value);
	}

	/** Sets sched row `row`'s schedticks rates from this line's counts and the last ones. */
	function setTickRates(row: number, elapsed: number, procs: number, ticks: readonly number[]): void {
		const last = lastTicks;
		lastTicks = { elapsed, procs, ticks };
		const seconds = last ? (elapsed - last.elapsed) / 1000 : Number.NaN;
		// A changed GOMAXPROCS re-creates or re-inits Ps (procresize): no rate across it.
		const comparable = last !== null && seconds > 0 && last.procs === procs;
		for (let p = 0; p < Math.min(ticks.length, maxLocalRunqueueSeries); p++) {
			while (tickRates.length <= p) {
				const column = new Column();
				for (let i = 0; i < sched.length; i++) column.set(i, Number.NaN);
				tickRates.push(column);
			}
			const before = last?.ticks[p];
			const delta = before === undefined ? Number.NaN : ticks[p]! - before;
			tickRates[p]!.set(row, comparable && delta >= 0 ? delta / seconds : Number.NaN);
		}
	}

	function addGc(line: LogLine): void {
		const time = fieldNumber(line, 'gctrace/since-start');
		if (time === undefined) {
			gcUntimed++;
			return;
		}
		const row = gc.push(time, line.lineNo);
		for (const [name, key] of Object.entries(GC_COLUMNS) as [GcColumn, FieldKey][]) {
			gc.columns[name].set(row, num(line, key));
		}
		// The two stop-the-world phases of a cycle; NaN (no point) if either is missing.
		gc.columns.stw.set(row, stwPauseMs(line) ?? Number.NaN);
		for (const p of pendingPacer) {
			const pacerRow = pacer.push(time, p.lineNo);
			pacer.columns.utilization.set(pacerRow, p.utilization);
			pacer.columns.utilizationGoal.set(pacerRow, p.goal);
		}
		pendingPacer = [];
	}

	/** A schedtrace line, or a scheddetail dump (its P lines give each P's `runqsize`) at its header's time. */
	function addSched(s: SchedSample): void {
		if (Number.isNaN(s.elapsed)) return;
		const row = sched.push(s.elapsed / 1000, s.lineNo);
		sched.columns.runqueue.set(row, s.runqueue);
		sched.columns.idleprocs.set(row, s.idleprocs);
		sched.columns.threads.set(row, s.threads);
		sched.columns.gomaxprocs.set(row, s.gomaxprocs);
		for (const column of localRunqueues) column.set(row, Number.NaN);
		for (const column of tickRates) column.set(row, Number.NaN);
		s.local.forEach((value, p) => setLocalRunqueue(row, p, value));
		// Rates come from the schedticks bracket (Go 1.25+) only.
		if (s.source === 'schedtrace' && s.ticks !== null) setTickRates(row, s.elapsed, s.gomaxprocs, s.ticks);
	}
	// The charts show no goroutine counts: the sampler need not read the G lines.
	const sampler = createSchedSampler(addSched, { countGoroutines: false });

	function addPacer(line: LogLine): void {
		const u = markUtilization(line);
		if (u !== undefined) pendingPacer.push({ lineNo: line.lineNo, ...u });
	}

	function addScav(line: LogLine): void {
		if (line.form !== 'scav') {
			scvgUncharted++;
			return;
		}
		const row = scav.push(scav.length + 1, line.lineNo);
		scav.columns.work.set(row, num(line, 'scavtrace/work'));
		scav.columns.workBg.set(row, num(line, 'scavtrace/work-bg'));
		scav.columns.workEager.set(row, num(line, 'scavtrace/work-eager'));
		scav.columns.released.set(row, num(line, 'scavtrace/heap-released'));
	}

	function addInit(line: LogLine): void {
		const name = fieldValue(line, 'inittrace/package');
		const row = init.push(init.length + 1, line.lineNo);
		packages.push(typeof name === 'string' ? name : '?');
		init.columns.clock.set(row, num(line, 'inittrace/clock'));
		init.columns.start.set(row, num(line, 'inittrace/start'));
	}

	return {
		add(line: LogLine): void {
			if (line.kind === 'gctrace' && line.form === 'gc-cycle') addGc(line);
			else if (line.kind === 'gctrace' && line.form === 'gc-cycle-legacy') gcUntimed++;
			else if (line.kind === 'schedtrace' || line.kind === 'scheddetail') sampler.add(line);
			else if (line.kind === 'gcpacertrace') addPacer(line);
			else if (line.kind === 'scavtrace') addScav(line);
			else if (line.kind === 'inittrace') addInit(line);
		},
		result(): LogSeries {
			// A dump still open is complete: a later P line of it (after a mid-stream result) is not counted.
			sampler.flush();
			return {
				gc: gc.result(),
				gcUntimed,
				sched: {
					...sched.result(),
					localRunqueues: localRunqueues.map((column) => column.slice(sched.length)),
					procCount,
					schedticksPerSecond: tickRates.map((column) => column.slice(sched.length)),
				},
				pacer: pacer.result(),
				pacerUnplaced: pendingPacer.length,
				scav: scav.result(),
				scvgUncharted,
				init: { ...init.result(), packages: packages.slice() },
			};
		},
	};
}
