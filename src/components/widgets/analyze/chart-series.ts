/**
 * The series the analyzer's charts draw, collected in bounded memory however long the log:
 * the core's series collector runs over windows of lines, and each window's rows are thinned
 * into at most `thinBuckets` stretches of the log per group, each keeping the rows that hold
 * every series' lowest and highest value (whole rows, with their line numbers). A group of no
 * more rows than that is kept whole, exactly as the core collects it. DOM-free, so node --test
 * covers it; the analyzer's worker runs it.
 *
 * A window ends only where the core's collector holds no state a later line needs: before a
 * `SCHED` line or outside a scheddetail dump. The state that does carry over is handed on:
 * the last plain schedtrace line is given to the next window again (its schedticks make the
 * next rate; the repeated row is dropped), and so are pacer lines still waiting for a gc line.
 */
import { createSeriesCollector, maxLocalRunqueueSeries, type LogLine, type LogSeries } from '../../../trace/index.ts';

type SeriesCollector = ReturnType<typeof createSeriesCollector>;

const has = (line: LogLine, key: string): boolean => line.tokens.some((t) => t.key === key);

/** Stretches of the log per group; a group of more rows than this is thinned. */
const thinBuckets = 1024;

type GroupName = 'gc' | 'sched' | 'pacer' | 'scav' | 'init';
const groupNames: readonly GroupName[] = ['gc', 'sched', 'pacer', 'scav', 'init'];

/** The charts' series: the core's `LogSeries`, thinned, and how many rows each group had. */
export type ChartSeries = LogSeries & { read: Record<GroupName, number> };

interface Row {
	time: number;
	lineNo: number;
	/**
	 * The group's columns in a fixed order (for sched: named, then Ps' run queues, then rates).
	 * A plain array, not a typed one: a kept row's copy then lives in the JS heap, where a young
	 * collection frees it, rather than outside it until a full one (see readPieces).
	 */
	values: number[];
	/** The inittrace package. */
	pkg?: string;
}

/** One stretch of a group's rows: the first row, and the rows holding each column's extremes. */
class Bucket {
	first: Row | null = null;
	readonly min: (Row | null)[];
	readonly max: (Row | null)[];

	constructor(columns: number) {
		this.min = new Array<Row | null>(columns).fill(null);
		this.max = new Array<Row | null>(columns).fill(null);
	}

	add(row: Row): void {
		this.first ??= row;
		const { values } = row;
		for (let c = 0; c < values.length; c++) {
			const v = values[c]!;
			if (Number.isNaN(v)) continue;
			// Strictly lower or higher: among equal values the earliest row stays.
			if (this.min[c] === null || v < this.min[c]!.values[c]!) this.min[c] = row;
			if (this.max[c] === null || v > this.max[c]!.values[c]!) this.max[c] = row;
		}
	}

	/** As `add`, for a row in a reused array: copied only if this bucket keeps it. */
	offer(time: number, lineNo: number, values: Float64Array, pkg: string | undefined): void {
		let row: Row | null = null;
		if (this.first === null) row = this.first = { time, lineNo, values: Array.from(values), pkg };
		for (let c = 0; c < values.length; c++) {
			const v = values[c]!;
			if (Number.isNaN(v)) continue;
			const low = this.min[c]!;
			const high = this.max[c]!;
			if (low === null || v < low.values[c]!) this.min[c] = row ??= { time, lineNo, values: Array.from(values), pkg };
			if (high === null || v > high.values[c]!) this.max[c] = row ??= { time, lineNo, values: Array.from(values), pkg };
		}
	}

	/** The rows to draw, in log order: the one row while unthinned, else each extreme's row. */
	rows(whole: boolean): Row[] {
		if (whole) return this.first ? [this.first] : [];
		const set = new Set<Row>();
		for (const row of this.min) if (row) set.add(row);
		for (const row of this.max) if (row) set.add(row);
		return [...set].sort((a, b) => a.lineNo - b.lineNo);
	}
}

/** A group's rows, kept in at most `buckets` stretches of equal row counts that double as needed. */
class Thinner {
	/** Rows read. */
	count = 0;
	/** Rows per stretch: 1 while the group is kept whole. */
	private width = 1;
	private buckets: Bucket[] = [];

	private readonly columns: number;
	private readonly maxBuckets: number;

	constructor(columns: number, maxBuckets: number) {
		this.columns = columns;
		this.maxBuckets = maxBuckets;
	}

	/** Takes a row whose values are in `values`, an array the caller reuses. */
	offer(time: number, lineNo: number, values: Float64Array, pkg?: string): void {
		let b = Math.floor(this.count / this.width);
		if (b >= this.maxBuckets) {
			this.halve();
			b = Math.floor(this.count / this.width);
		}
		this.count++;
		(this.buckets[b] ??= new Bucket(this.columns)).offer(time, lineNo, values, pkg);
	}

	/** Merges neighbouring stretches in pairs: twice the rows per stretch, half the stretches. */
	private halve(): void {
		const merged: Bucket[] = [];
		for (let i = 0; i < this.buckets.length; i += 2) {
			const bucket = new Bucket(this.columns);
			for (const part of [this.buckets[i], this.buckets[i + 1]]) {
				if (!part) continue;
				for (const row of part.rows(this.width === 1)) bucket.add(row);
				bucket.first ??= part.first;
			}
			merged.push(bucket);
		}
		this.buckets = merged;
		this.width *= 2;
	}

	rows(): Row[] {
		return this.buckets.flatMap((bucket) => bucket.rows(this.width === 1));
	}
}

const gcColumns = [
	'heapStart',
	'heapEnd',
	'heapLive',
	'heapGoal',
	'gcCpuPercent',
	'stwSweepTermination',
	'stwMarkTermination',
	'stw',
] as const;
const schedColumns = ['runqueue', 'idleprocs', 'threads', 'gomaxprocs'] as const;
const pacerColumns = ['utilization', 'utilizationGoal'] as const;
const scavColumns = ['work', 'workBg', 'workEager', 'released'] as const;
const initColumns = ['clock', 'start'] as const;
const P = maxLocalRunqueueSeries;

export interface ChartSeriesCollector {
	add(line: LogLine): void;
	/** The series so far, without the lines of the window in progress (at most `windowLines`). */
	snapshot(): ChartSeries;
	/** The series of the whole log; call once, after the last line. */
	end(): ChartSeries;
}

export function createChartSeries(options: { windowLines?: number; buckets?: number } = {}): ChartSeriesCollector {
	const windowLines = options.windowLines ?? 1 << 16;
	const buckets = options.buckets ?? thinBuckets;
	const thinners = {
		gc: new Thinner(gcColumns.length, buckets),
		sched: new Thinner(schedColumns.length + 2 * P, buckets),
		pacer: new Thinner(pacerColumns.length, buckets),
		scav: new Thinner(scavColumns.length, buckets),
		init: new Thinner(initColumns.length, buckets),
	};
	/** The last line number taken from each group, so a row given to two windows counts once. */
	const lastLine: Record<GroupName, number> = { gc: 0, sched: 0, pacer: 0, scav: 0, init: 0 };
	let gcUntimed = 0;
	let scvgUncharted = 0;
	let pacerUnplaced = 0;
	let procCount = 0;
	let localSeries = 0;
	let tickSeries = 0;

	let collector: SeriesCollector = createSeriesCollector();
	let linesInWindow = 0;
	let inDump = false;
	let lastPlainSched: LogLine | null = null;
	/** Pacer lines since the last gc line; null once too many to carry (they stay unplaced). */
	let waitingPacers: LogLine[] | null = [];

	const scratch = {
		gc: new Float64Array(gcColumns.length),
		sched: new Float64Array(schedColumns.length + 2 * P),
		pacer: new Float64Array(pacerColumns.length),
		scav: new Float64Array(scavColumns.length),
		init: new Float64Array(initColumns.length),
	};

	/** Whether row `lineNo` of group `name` is new (a row given to two windows counts once). */
	function isNew(name: GroupName, lineNo: number): boolean {
		if (lineNo <= lastLine[name]) return false;
		lastLine[name] = lineNo;
		return true;
	}

	function merge(w: LogSeries): void {
		gcUntimed += w.gcUntimed;
		scvgUncharted += w.scvgUncharted;
		procCount = Math.max(procCount, w.sched.procCount);
		localSeries = Math.max(localSeries, w.sched.localRunqueues.length);
		tickSeries = Math.max(tickSeries, w.sched.schedticksPerSecond.length);
		const rowsOf = <C extends string>(
			name: Exclude<GroupName, 'sched'>,
			group: LogSeries[typeof name],
			columns: readonly C[],
		) => {
			const cols = columns.map((c) => (group.columns as Record<C, Float64Array>)[c]);
			const values = scratch[name];
			const thinner = thinners[name];
			for (let i = 0; i < group.length; i++) {
				const lineNo = group.lineNo[i]!;
				if (!isNew(name, lineNo)) continue;
				for (let k = 0; k < cols.length; k++) values[k] = cols[k]![i]!;
				// scav and init rows are placed by their place among the log's rows of that kind.
				const time = name === 'scav' || name === 'init' ? thinner.count + 1 : group.time[i]!;
				thinner.offer(time, lineNo, values, name === 'init' ? w.init.packages[i] : undefined);
			}
		};
		rowsOf('gc', w.gc, gcColumns);
		rowsOf('pacer', w.pacer, pacerColumns);
		rowsOf('scav', w.scav, scavColumns);
		rowsOf('init', w.init, initColumns);
		const s = w.sched;
		const values = scratch.sched;
		const named = schedColumns.map((c) => s.columns[c]);
		for (let i = 0; i < s.length; i++) {
			const lineNo = s.lineNo[i]!;
			if (!isNew('sched', lineNo)) continue;
			values.fill(Number.NaN);
			for (let k = 0; k < named.length; k++) values[k] = named[k]![i]!;
			for (let p = 0; p < s.localRunqueues.length; p++) values[named.length + p] = s.localRunqueues[p]![i]!;
			for (let p = 0; p < s.schedticksPerSecond.length; p++) {
				values[named.length + P + p] = s.schedticksPerSecond[p]![i]!;
			}
			thinners.sched.offer(s.time[i]!, lineNo, values);
		}
	}

	/** Ends the window: its rows go to the thinners, and a new collector takes what carries over. */
	function rotate(): void {
		const done = collector.result();
		merge(done);
		collector = createSeriesCollector();
		linesInWindow = 0;
		if (lastPlainSched) collector.add(lastPlainSched);
		if (waitingPacers) for (const line of waitingPacers) collector.add(line);
		else {
			pacerUnplaced += done.pacerUnplaced;
			waitingPacers = [];
		}
	}

	function result(): ChartSeries {
		const column = (rows: Row[], k: number) => Float64Array.from(rows, (r) => r.values[k]!);
		const group = <C extends string>(name: GroupName, columns: readonly C[]) => {
			const rows = thinners[name].rows();
			return {
				rows,
				length: rows.length,
				time: Float64Array.from(rows, (r) => r.time),
				lineNo: Float64Array.from(rows, (r) => r.lineNo),
				columns: Object.fromEntries(columns.map((c, k) => [c, column(rows, k)])) as Record<C, Float64Array>,
			};
		};
		const { rows: _gc, ...gc } = group('gc', gcColumns);
		const { rows: schedRows, ...sched } = group('sched', schedColumns);
		const { rows: _pacer, ...pacer } = group('pacer', pacerColumns);
		const { rows: _scav, ...scav } = group('scav', scavColumns);
		const { rows: initRows, ...init } = group('init', initColumns);
		return {
			gc,
			gcUntimed,
			sched: {
				...sched,
				localRunqueues: Array.from({ length: localSeries }, (_, p) =>
					Float32Array.from(schedRows, (r) => r.values[schedColumns.length + p]!),
				),
				procCount,
				schedticksPerSecond: Array.from({ length: tickSeries }, (_, p) =>
					column(schedRows, schedColumns.length + P + p),
				),
			},
			pacer,
			pacerUnplaced,
			scav,
			scvgUncharted,
			init: { ...init, packages: initRows.map((r) => r.pkg ?? '?') },
			read: Object.fromEntries(groupNames.map((name) => [name, thinners[name].count])) as Record<GroupName, number>,
		};
	}

	return {
		add(line: LogLine): void {
			if (linesInWindow >= windowLines && (line.kind === 'schedtrace' || !inDump)) rotate();
			collector.add(line);
			linesInWindow++;
			// Each condition is the core collector's own (series.ts), so the state handed on is what it keeps.
			if (line.kind === 'schedtrace') {
				inDump = line.form === 'sched-detail-header';
				// Only a line whose counts make the next rate (setTickRates) replaces the last one.
				if (!inDump && has(line, 'schedtrace/elapsed') && has(line, 'schedtrace/schedticks')) lastPlainSched = line;
			} else if (line.kind === 'scheddetail' && line.form !== 'detail-p') {
				// A dump's P lines come first: after them the sample needs nothing more, and the
				// window may end even if no SCHED line follows.
				inDump = false;
			} else if (line.kind === 'gctrace' && line.form === 'gc-cycle' && has(line, 'gctrace/since-start')) {
				// The core places waiting pacer lines at any timed cycle line (addGc).
				waitingPacers = [];
			} else if (line.kind === 'gcpacertrace' && waitingPacers) {
				if (waitingPacers.length < 4096) waitingPacers.push(line);
				else waitingPacers = null;
			}
		},
		snapshot: result,
		end(): ChartSeries {
			const last = collector.result();
			merge(last);
			pacerUnplaced += last.pacerUnplaced;
			collector = createSeriesCollector();
			return result();
		},
	};
}
