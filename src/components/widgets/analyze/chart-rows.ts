/**
 * The rows a chart draws (and its data table lists): a series group's columns as uPlot's
 * aligned arrays, sorted by time, downsampled when large. DOM-free, so node --test covers it.
 *
 * Downsampling rule: above `maxRows` rows, the time range is cut into `buckets` equal slices
 * (about one per pixel of a wide chart), and in each slice the row holding each series' minimum
 * and the row holding its maximum are kept, whole. Spikes and dips survive, and every kept
 * point is a real line of the log, with its line number.
 */

export interface ChartRows {
	/** Time in seconds, ascending. */
	x: number[];
	/** One array per series, aligned with `x`; `null` where the line does not print the field. */
	ys: (number | null)[][];
	/** The log line of each row. */
	lineNo: number[];
	/** Rows before downsampling. */
	total: number;
	downsampled: boolean;
}

const defaultBuckets = 800;
const defaultMaxRows = 2 * defaultBuckets;

export function chartRows(
	x: ArrayLike<number>,
	ys: readonly ArrayLike<number>[],
	lineNo: ArrayLike<number>,
	buckets = defaultBuckets,
	maxRows = defaultMaxRows,
): ChartRows {
	const n = x.length;
	let kept: number[];
	const downsampled = n > maxRows;
	if (!downsampled) {
		kept = Array.from({ length: n }, (_, i) => i);
	} else {
		let lo = Infinity;
		let hi = -Infinity;
		for (let i = 0; i < n; i++) {
			lo = Math.min(lo, x[i]!);
			hi = Math.max(hi, x[i]!);
		}
		const width = hi > lo ? (hi - lo) / buckets : 1;
		// Per bucket and series: the index of the min and of the max (-1: none yet).
		const minAt = new Int32Array(buckets * ys.length).fill(-1);
		const maxAt = new Int32Array(buckets * ys.length).fill(-1);
		for (let i = 0; i < n; i++) {
			const b = Math.min(buckets - 1, Math.floor((x[i]! - lo) / width));
			for (let s = 0; s < ys.length; s++) {
				const v = ys[s]![i]!;
				if (Number.isNaN(v)) continue;
				const k = b * ys.length + s;
				if (minAt[k] === -1 || v < ys[s]![minAt[k]!]!) minAt[k] = i;
				if (maxAt[k] === -1 || v > ys[s]![maxAt[k]!]!) maxAt[k] = i;
			}
		}
		const set = new Set<number>();
		for (const i of minAt) if (i >= 0) set.add(i);
		for (const i of maxAt) if (i >= 0) set.add(i);
		kept = [...set];
	}
	kept.sort((a, b) => x[a]! - x[b]! || a - b);
	return {
		x: kept.map((i) => x[i]!),
		ys: ys.map((column) => kept.map((i) => (Number.isNaN(column[i]!) ? null : column[i]!))),
		lineNo: kept.map((i) => lineNo[i]!),
		total: n,
		downsampled,
	};
}
