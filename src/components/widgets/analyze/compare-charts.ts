/**
 * Both runs of a comparison on the same charts, against time since the program started: the
 * live heap, the heap goal, each cycle's stop-the-world pause and the idle Ps. The before run is
 * a solid line with filled points, the after run a dashed line with hollow points, so colour is
 * never the only cue; the figures' numbers are in the measures table above them.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LogSeries, SeriesGroup } from '~/trace/index.ts';
import { cssColour } from '~/components/shared/css-colour.ts';

interface OverlaySpec {
	title: string;
	yLabel: string;
	xLabel: string;
	pick(series: LogSeries): Pick<SeriesGroup<string>, 'length' | 'time'> & { values: Float64Array };
}

const GC_X = 'Seconds since program start (gc @)';
const SCHED_X = 'Seconds since the first schedtrace line (SCHED)';

const gcColumn = (column: 'heapLive' | 'heapGoal' | 'stw') => (s: LogSeries) => ({
	length: s.gc.length,
	time: s.gc.time,
	values: s.gc.columns[column],
});

const specs: OverlaySpec[] = [
	{ title: 'Live heap after each cycle', yLabel: 'MB', xLabel: GC_X, pick: gcColumn('heapLive') },
	{ title: 'Heap goal', yLabel: 'MB', xLabel: GC_X, pick: gcColumn('heapGoal') },
	{ title: 'Stop-the-world pause of each cycle', yLabel: 'ms', xLabel: GC_X, pick: gcColumn('stw') },
	{
		title: 'Idle Ps',
		yLabel: 'Ps',
		xLabel: SCHED_X,
		pick: (s) => ({ length: s.sched.length, time: s.sched.time, values: s.sched.columns.idleprocs }),
	},
];

const runStyles = [
	{ name: 'Before', colour: '--chart-1', dash: [] as number[], hollow: false },
	{ name: 'After', colour: '--chart-2', dash: [8, 4], hollow: true },
];

/** One run's points as uPlot data: x ascending (a log may hold several programs), y with NaN as a gap. */
function points(group: ReturnType<OverlaySpec['pick']>): uPlot.AlignedData {
	const order = Array.from({ length: group.length }, (_, i) => i).sort((a, b) => group.time[a]! - group.time[b]!);
	return [
		order.map((i) => group.time[i]!),
		order.map((i) => (Number.isNaN(group.values[i]!) ? null : group.values[i]!)),
	];
}

function drawOne(figure: HTMLElement, spec: OverlaySpec, data: uPlot.AlignedData, width: number): uPlot {
	const prop = (name: string, fallback: string) => cssColour(figure, name, fallback);
	const text = prop('--text', '#1b1f24');
	const border = prop('--border', '#c9d0d9');
	const bg = prop('--bg', '#ffffff');
	const axis = { stroke: text, grid: { stroke: border, width: 1 }, ticks: { stroke: border, width: 1 } };
	return new uPlot(
		{
			width,
			height: 220,
			scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] } },
			axes: [
				{ ...axis, label: spec.xLabel },
				{ ...axis, label: spec.yLabel },
			],
			legend: { markers: { width: 2, dash: (_u, i) => (i === 2 ? 'dashed' : 'solid') } },
			series: [
				{ label: 'Time', value: (_u, v) => (v === null ? '–' : `${Number(v.toFixed(3))} s`) },
				...runStyles.map((run): uPlot.Series => {
					const colour = prop(run.colour, '#0b57a4');
					return {
						label: run.name,
						stroke: colour,
						width: 2,
						dash: run.dash,
						// The other run's times are gaps in this one: join across them.
						spanGaps: true,
						value: (_u, v) => (v === null ? '–' : `${Number(v.toPrecision(4))} ${spec.yLabel}`),
						points: { size: 6, width: 2, stroke: colour, fill: run.hollow ? bg : colour },
					};
				}),
			],
		},
		data,
		figure.querySelector<HTMLElement>('.compare-chart')!,
	);
}

/** Draws the overlaid charts into `root`; the result removes them (and stops following the scheme). */
export function drawComparisonCharts(root: HTMLElement, before: LogSeries, after: LogSeries): { destroy(): void } {
	const plots: uPlot[] = [];
	const figures: { figure: HTMLElement; spec: OverlaySpec; data: uPlot.AlignedData }[] = [];
	const skipped: string[] = [];
	root.replaceChildren();
	for (const spec of specs) {
		const b = spec.pick(before);
		const a = spec.pick(after);
		if (b.length === 0 && a.length === 0) {
			skipped.push(spec.title);
			continue;
		}
		const data = uPlot.join([points(b), points(a)]);
		const figure = document.createElement('figure');
		const caption = document.createElement('figcaption');
		caption.textContent = `${spec.title} (${spec.yLabel}): before ${b.length} points, after ${a.length}`;
		const plot = document.createElement('div');
		plot.className = 'compare-chart';
		plot.setAttribute('role', 'img');
		plot.setAttribute(
			'aria-label',
			`${spec.title}, both runs against ${spec.xLabel.toLowerCase()}: the before run solid, the after run dashed.`,
		);
		figure.append(caption, plot);
		root.append(figure);
		figures.push({ figure, spec, data });
	}
	if (skipped.length > 0) {
		const note = document.createElement('p');
		note.textContent = `Not drawn, as neither log has the lines for them: ${skipped.join('; ')}.`;
		root.append(note);
	}
	const draw = () => {
		for (const p of plots.splice(0)) p.destroy();
		const width = Math.max(280, Math.min(root.clientWidth, 900));
		for (const { figure, spec, data } of figures) plots.push(drawOne(figure, spec, data, width));
	};
	draw();
	const scheme = window.matchMedia('(prefers-color-scheme: dark)');
	scheme.addEventListener('change', draw);
	let lastWidth = root.clientWidth;
	const resize = new ResizeObserver(() => {
		if (Math.abs(root.clientWidth - lastWidth) < 20) return;
		lastWidth = root.clientWidth;
		draw();
	});
	resize.observe(root);
	return {
		destroy() {
			scheme.removeEventListener('change', draw);
			resize.disconnect();
			for (const p of plots.splice(0)) p.destroy();
		},
	};
}
