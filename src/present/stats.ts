/**
 * The words for a log's distributions (the core's `LogStats`): pause and cycle percentiles, the
 * pause histogram, the GC's CPU share, heaps, assists and run queues. Written once for the CLI
 * and the analyzer.
 */
import type { Distribution, HistogramBucket, LogStats } from '../trace/index.ts';
import { plural } from './summary.ts';

/** How the percentiles are defined, said beside them. */
export const percentileDefinition =
	'Percentiles are nearest-rank: p95 is the value at rank ⌈0.95 × n⌉ counting from the smallest, ' +
	'so each is a figure the log printed.';

/** A number of milliseconds as the runtime prints pauses: to the microsecond below 1 ms. */
export function msText(ms: number): string {
	if (ms === 0) return '0 ms';
	if (ms < 1) return `${Number(ms.toFixed(3))} ms`;
	if (ms < 100) return `${Number(ms.toPrecision(3))} ms`;
	return `${Math.round(ms).toLocaleString('en')} ms`;
}

/** A figure with up to three significant digits (whole numbers from 100). */
export function figureText(value: number): string {
	if (value === 0) return '0';
	if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en');
	return String(Number(value.toPrecision(value >= 1 || value <= -1 ? 3 : 2)));
}

/** `p50 0.11 ms, p95 0.17 ms, p99 0.2 ms, max 0.2 ms`. */
function percentilesText(d: Distribution, unit: (v: number) => string): string {
	return `p50 ${unit(d.p50)}, p95 ${unit(d.p95)}, p99 ${unit(d.p99)}, max ${unit(d.max)}`;
}

/** One labelled fact about a log's distributions. */
export interface StatFact {
	label: string;
	value: string;
}

const mb = (v: number) => `${figureText(v)} MB`;
const percent = (v: number) => `${figureText(v)}%`;
const count = (v: number) => figureText(v);

/** The facts a log's distributions give, for the lines it has; empty when it has none of them. */
export function statFacts(stats: LogStats): StatFact[] {
	const facts: StatFact[] = [];
	const { gc, pacer, sched } = stats;
	if (gc.pauseMs) {
		facts.push({
			label: 'Stop-the-world pauses',
			value:
				`${percentilesText(gc.pauseMs, msText)} over ${plural(gc.pauseMs.count, 'cycle')} ` +
				'(each cycle’s sweep termination plus mark termination, wall clock)',
		});
	}
	if (gc.intervalMs) {
		const rate = gc.cyclesPerSecond === null ? '' : `; ${figureText(gc.cyclesPerSecond)} cycles a second`;
		facts.push({
			label: 'Time between cycles',
			value: `${percentilesText(gc.intervalMs, msText)} over ${plural(gc.intervalMs.count, 'interval')}${rate}`,
		});
	}
	if (gc.allocatedMB !== null) {
		const perMB =
			gc.cyclesPerAllocatedMB === null ? '' : `: ${figureText(gc.cyclesPerAllocatedMB * 100)} cycles per 100 MB`;
		facts.push({
			label: 'Allocated (estimate)',
			value:
				`about ${mb(gc.allocatedMB)} from the first cycle’s start to the last’s${perMB} ` +
				'(what each cycle freed plus the live heap’s growth; the runtime prints whole MB)',
		});
	}
	if (gc.cpuPercent !== null) {
		facts.push({
			label: 'GC CPU share',
			value:
				`${percent(gc.cpuPercent)} of the available CPU since the program started, by the last gc line ` +
				'(printed truncated: 0% means under 1%)',
		});
	}
	if (gc.heapGoalMB) {
		const peak = gc.peakLiveHeapMB === null ? '' : `; peak live heap ${mb(gc.peakLiveHeapMB)}`;
		facts.push({
			label: 'Heap',
			value: `goal p50 ${mb(gc.heapGoalMB.p50)}, max ${mb(gc.heapGoalMB.max)}${peak}`,
		});
	}
	if (pacer.assistPercent) {
		const d = pacer.assistPercent;
		facts.push({
			label: 'Mark assists',
			value:
				`mean ${percent(d.mean)} of the CPU during mark, p95 ${percent(d.p95)}, max ${percent(d.max)} ` +
				`over ${plural(d.count, 'pacer line')} (mark utilization less the 25% assumed for the background workers)`,
		});
	}
	if (sched.runnable) {
		const d = sched.runnable;
		facts.push({
			label: 'Run queue',
			value:
				`mean ${count(d.mean)} goroutines waiting to run (global plus local queues), ` +
				`p95 ${count(d.p95)}, max ${count(d.max)} over ${plural(d.count, 'sample')}`,
		});
	}
	if (sched.idleProcs) {
		const d = sched.idleProcs;
		facts.push({
			label: 'Idle Ps',
			value: `mean ${count(d.mean)}, min ${count(d.min)}, max ${count(d.max)} over ${plural(d.count, 'sample')}`,
		});
	}
	return facts;
}

/** A histogram bucket's range: `0.1–0.2 ms`, `under 0.01 ms`, `100 ms or more`. */
export function bucketText(b: HistogramBucket): string {
	if (b.from === 0 && b.to !== null) return `under ${msText(b.to)}`;
	if (b.to === null) return `${msText(b.from)} or more`;
	return `${msText(b.from).replace(' ms', '')}–${msText(b.to)}`;
}

/** The histogram's buckets from the first that holds a pause to the last; empty without pauses. */
export function shownBuckets(histogram: readonly HistogramBucket[]): HistogramBucket[] {
	const first = histogram.findIndex((b) => b.count > 0);
	if (first === -1) return [];
	const last = histogram.findLastIndex((b) => b.count > 0);
	return histogram.slice(first, last + 1);
}
