/**
 * The words for a comparison of two runs (the core's `compareAnalyses`): each measure's name,
 * values and change, each caveat, and a plain-language verdict that says what changed and what
 * two traces cannot tell. Written once for the CLI and the analyzer.
 */
import {
	describeEra,
	fewCycles,
	type CompareCaveat,
	type CompareMeasureKey,
	type Comparison,
	type MeasureChange,
	type MeasureDirection,
	type MeasureUnit,
} from '../trace/index.ts';
import { figureText, msText } from './stats.ts';

/** Each measure's name, as a table row's heading. */
export const measureLabels: Record<CompareMeasureKey, string> = {
	'cycles-per-second': 'GC cycles per second',
	'cycles-per-allocated-mb': 'GC cycles per 100 MB allocated',
	'pause-p50': 'Stop-the-world pause, p50',
	'pause-p95': 'Stop-the-world pause, p95',
	'pause-p99': 'Stop-the-world pause, p99',
	'pause-max': 'Stop-the-world pause, max',
	'gc-cpu-percent': 'GC CPU share (since start)',
	'heap-goal': 'Heap goal (p50)',
	'peak-live-heap': 'Peak live heap',
	'assist-percent': 'Mark assists’ CPU share (mean)',
	runnable: 'Goroutines waiting to run (mean)',
	'idle-procs': 'Idle Ps (mean)',
};

/** Each measure inside a sentence, after "more"/"fewer" (counts) or "higher"/"lower". */
const measurePhrases: Record<CompareMeasureKey, { phrase: string; counted: boolean }> = {
	'cycles-per-second': { phrase: 'GC cycles per second', counted: true },
	'cycles-per-allocated-mb': { phrase: 'GC cycles per 100 MB allocated', counted: true },
	'pause-p50': { phrase: 'p50 pause', counted: false },
	'pause-p95': { phrase: 'p95 pause', counted: false },
	'pause-p99': { phrase: 'p99 pause', counted: false },
	'pause-max': { phrase: 'longest pause', counted: false },
	'gc-cpu-percent': { phrase: 'GC CPU share', counted: false },
	'heap-goal': { phrase: 'heap goal', counted: false },
	'peak-live-heap': { phrase: 'peak live heap', counted: false },
	'assist-percent': { phrase: 'share of CPU in mark assists', counted: false },
	runnable: { phrase: 'goroutines waiting to run, on average', counted: true },
	'idle-procs': { phrase: 'idle Ps, on average', counted: true },
};

/** Per 100 MB reads better than 0.0123 per MB. */
const PER_MB_SCALE = 100;

/** A measure's value with its unit; `none` when the run lacks it. */
export function measureValueText(unit: MeasureUnit, value: number | null): string {
	if (value === null) return 'none';
	switch (unit) {
		case 'ms':
			return msText(value);
		case 'percent':
			return `${figureText(value)}%`;
		case 'MB':
			return `${figureText(value)} MB`;
		case 'per-mb':
			return figureText(value * PER_MB_SCALE);
		default:
			return figureText(value);
	}
}

/**
 * The change: `+12.5 ms (×1.4)`, `−3 MB (−20%)`, `−1 point` for percentages (a change of a share
 * is in points, not in percent); empty when a run lacks the measure.
 */
export function changeText(m: MeasureChange): string {
	if (m.change === null) return '';
	if (m.change === 0) return 'no change';
	const sign = m.change > 0 ? '+' : '−';
	const magnitude = Math.abs(m.change);
	const size =
		m.unit === 'percent'
			? `${figureText(magnitude)} ${magnitude === 1 ? 'point' : 'points'}`
			: measureValueText(m.unit, magnitude);
	if (m.ratio === null) return `${sign}${size}`;
	const relative =
		m.ratio >= 2 || (m.ratio > 0 && m.ratio <= 0.5)
			? `×${figureText(m.ratio)}`
			: `${m.ratio >= 1 ? '+' : '−'}${Math.round(Math.abs(m.ratio - 1) * 100)}%`;
	return `${sign}${size} (${relative})`;
}

/** Which way is better, for the table. */
export function betterText(m: Pick<MeasureChange, 'better'>): string {
	return m.better ?? 'neither';
}

/** The direction, as a word that does not need colour. */
export function directionText(direction: MeasureDirection): string {
	return {
		better: 'better',
		worse: 'worse',
		same: 'same',
		changed: 'changed',
		missing: 'not in both',
	}[direction];
}

/** The tolerance, as said once under the table. */
export const toleranceText =
	'“Same” means within 10% of the before value, or within the runtime’s own print precision ' +
	'(1 point of GC CPU share or assist share, 1 MB of heap, 2 µs of pause), whichever is larger.';

const joinList = (items: string[]) =>
	items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const seconds = (s: number) => `${figureText(s)} s`;

/** One caveat as a sentence. */
export function caveatText(c: CompareCaveat): string {
	switch (c.kind) {
		case 'go-release':
			return (
				`Different Go releases: no one release prints both logs’ lines (before: ${c.before ? describeEra(c.before) : 'none'}; ` +
				`after: ${c.after ? describeEra(c.after) : 'none'}). The collector and scheduler change between releases, so a difference may come from the release rather than from the change you made.`
			);
		case 'gomaxprocs':
			return (
				`Different GOMAXPROCS (before: ${c.before.join(', ')}; after: ${c.after.join(', ')}). ` +
				'The runs had different numbers of Ps to run goroutines and mark with: run queues, idle Ps and the GC’s CPU share are not like for like.'
			);
		case 'duration':
			return (
				`Different durations: the before trace covers ${seconds(c.beforeSeconds)}, the after trace ${seconds(c.afterSeconds)}. ` +
				'Rates compare, but maxima and the GC CPU share since start depend on how long a run lasted.'
			);
		case 'missing-lines':
			return (
				`The ${c.missingIn} run has no ${c.lineKind} lines, so the measures read from them cannot be compared. ` +
				`Run both with the same GODEBUG settings.`
			);
		case 'few-cycles':
			return (
				`Few cycles (before: ${c.before}; after: ${c.after}): with under ${fewCycles} pauses, p95 and p99 are the longest pause, ` +
				'and one slow cycle moves them. A longer run gives steadier percentiles.'
			);
	}
}

/** What two traces can never tell, said with every verdict. */
const cannotTellText =
	'What this cannot tell: a trace shows what the runtime did, not the work the program was given. ' +
	'If the two runs did not do the same work for the same time, a difference may come from the load, ' +
	'not the change. Nor does it show request latency or throughput: measure those beside it.';

const fromTo = (m: MeasureChange) => `${measureValueText(m.unit, m.before)} → ${measureValueText(m.unit, m.after)}`;
const isPause = (m: MeasureChange) => m.key.startsWith('pause-');

/**
 * `lower GC cycles per second (15.3 → 4.1)`: each measure, its direction and both values; the
 * pause percentiles that moved the same way together, `lower stop-the-world pauses (p50 …, max …)`.
 */
function movedTexts(moved: MeasureChange[]): string[] {
	const word = (m: MeasureChange) => (m.after! > m.before! ? 'higher' : 'lower');
	const counted = (m: MeasureChange) => (m.after! > m.before! ? 'more' : 'fewer');
	const texts: string[] = [];
	for (const way of ['lower', 'higher']) {
		const pauses = moved.filter((m) => isPause(m) && word(m) === way);
		if (pauses.length > 0)
			texts.push(`${way} stop-the-world pauses (${pauses.map((m) => `${m.key.slice(6)} ${fromTo(m)}`).join(', ')})`);
	}
	for (const m of moved.filter((m) => !isPause(m))) {
		const { phrase, counted: isCount } = measurePhrases[m.key];
		texts.push(`${isCount ? counted(m) : word(m)} ${phrase} (${fromTo(m)})`);
	}
	return texts;
}

/** GC work: how often the collector ran. Memory: the heap it let the program keep. */
const workKeys = new Set<CompareMeasureKey>(['cycles-per-second', 'cycles-per-allocated-mb', 'gc-cpu-percent']);
const memoryKeys = new Set<CompareMeasureKey>(['heap-goal', 'peak-live-heap']);

/** The verdict in plain language: paragraphs, in order. */
export function verdictText(comparison: Comparison): string[] {
	const { measures, caveats } = comparison;
	const of = (d: MeasureDirection) => measures.filter((m) => m.direction === d);
	const better = of('better');
	const worse = of('worse');
	const changed = of('changed');
	const paragraphs: string[] = [];
	if (better.length === 0 && worse.length === 0 && changed.length === 0) {
		paragraphs.push(
			of('same').length > 0
				? 'No measure moved beyond its tolerance: by these traces, the change made no difference the runtime shows.'
				: 'The two logs share no measure to compare: run both with the same GODEBUG settings (gctrace=1 at least).',
		);
	} else {
		if (better.length > 0) paragraphs.push(`Better after the change: ${joinList(movedTexts(better))}.`);
		if (worse.length > 0) paragraphs.push(`Worse after the change: ${joinList(movedTexts(worse))}.`);
		if (changed.length > 0) paragraphs.push(`Changed, neither better nor worse: ${joinList(movedTexts(changed))}.`);
		const lessWork = better.some((m) => workKeys.has(m.key));
		const moreWork = worse.some((m) => workKeys.has(m.key));
		const moreMemory = worse.some((m) => memoryKeys.has(m.key));
		const lessMemory = better.some((m) => memoryKeys.has(m.key));
		if (lessWork && moreMemory)
			paragraphs.push(
				'A trade: the collector ran less often and let the heap grow larger. That is what raising GOGC or a memory limit buys; it is better if the memory is there to spare.',
			);
		else if (moreWork && lessMemory)
			paragraphs.push(
				'A trade: the heap stayed smaller and the collector ran more often to keep it so. That is what lowering GOGC or a tight memory limit costs.',
			);
	}
	for (const c of caveats) paragraphs.push(caveatText(c));
	paragraphs.push(cannotTellText);
	return paragraphs;
}
