/**
 * Draws the analyzer's charts into the markup of AnalyzeCharts.astro: one uPlot chart per
 * figure, or a sentence saying the log has no such lines, and each chart's data as a table
 * behind a disclosure (the keyboard and screen-reader way to reach each point's line).
 *
 * Colours come from CSS custom properties, so the charts are rebuilt when the colour scheme
 * changes; each series also has its own dash pattern and marker, so colour is never the only cue.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { getField, maxLocalRunqueueSeries } from '~/trace/index.ts';
import type { FieldKey, LogSeries, SeriesGroup } from '~/trace/index.ts';
import { chartRows, defaultBuckets } from './chart-rows.ts';
import type { ChartRows } from './chart-rows.ts';

interface PlotSeries {
	label: string;
	values: Float64Array | Float32Array;
}

interface ChartSpec {
	/** The figure's `data-chart`. */
	id: string;
	/** The y axis label, unit included. */
	yLabel: string;
	group: Pick<SeriesGroup<string>, 'length' | 'time' | 'lineNo'>;
	series: PlotSeries[];
	/** The sentence shown instead of an empty chart. */
	empty: string;
	/** Extra sentences for the caption (series not drawn, lines not charted). */
	notes: string[];
}

const label = (key: FieldKey): string => getField(key)?.label ?? key;
const count = new Intl.NumberFormat('en-US');
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

function chartSpecs(s: LogSeries): ChartSpec[] {
	const gc = s.gc;
	const gcNotes =
		s.gcUntimed > 0
			? [
					`${count.format(s.gcUntimed)} gc lines in the Go 1.1–1.4 format print no time and are not drawn.`,
				]
			: [];
	const noGc =
		s.gcUntimed > 0
			? 'This log’s gc lines are all in the Go 1.1–1.4 format, which prints no time, so there is nothing to draw.'
			: 'This log has no gctrace cycle lines (GODEBUG=gctrace=1), so there is nothing to draw.';
	const noSched =
		'This log has no schedtrace lines (GODEBUG=schedtrace=1000), so there is nothing to draw.';
	const sched = s.sched;
	const localSeries = sched.localRunqueues.map((values, p) => ({ label: `P${p} local`, values }));
	const pacerNotes =
		s.pacerUnplaced > 0
			? [
					`${count.format(s.pacerUnplaced)} pacer lines have no gc line after them to take a time from and are not drawn.`,
				]
			: [];
	return [
		{
			id: 'heap',
			yLabel: 'Heap (MB)',
			group: gc,
			series: [
				{ label: label('gctrace/heap-start'), values: gc.columns.heapStart },
				{ label: label('gctrace/heap-end'), values: gc.columns.heapEnd },
				{ label: label('gctrace/heap-live'), values: gc.columns.heapLive },
				{ label: label('gctrace/heap-goal'), values: gc.columns.heapGoal },
			],
			empty: noGc,
			notes: gcNotes,
		},
		{
			id: 'pauses',
			yLabel: 'Pause (ms)',
			group: gc,
			series: [
				{ label: 'Stop-the-world total', values: gc.columns.stw },
				{ label: label('gctrace/wall-sweep-termination'), values: gc.columns.stwSweepTermination },
				{ label: label('gctrace/wall-mark-termination'), values: gc.columns.stwMarkTermination },
			],
			empty: noGc,
			notes: gcNotes,
		},
		{
			id: 'gc-cpu',
			yLabel: 'GC CPU (%)',
			group: gc,
			series: [{ label: label('gctrace/gc-cpu-percent'), values: gc.columns.gcCpuPercent }],
			empty: noGc,
			notes: gcNotes,
		},
		{
			id: 'runqueues',
			yLabel: 'Goroutines waiting',
			group: sched,
			series: [
				{ label: label('schedtrace/runqueue'), values: sched.columns.runqueue },
				...localSeries,
			],
			empty: noSched,
			notes:
				sched.procCount > maxLocalRunqueueSeries
					? [
							`The log has ${sched.procCount} Ps; only P0–P${maxLocalRunqueueSeries - 1} are drawn, to keep the chart readable.`,
						]
					: [],
		},
		{
			id: 'procs',
			yLabel: 'Count',
			group: sched,
			series: [
				{ label: label('schedtrace/idleprocs'), values: sched.columns.idleprocs },
				{ label: label('schedtrace/threads'), values: sched.columns.threads },
				{ label: label('schedtrace/gomaxprocs'), values: sched.columns.gomaxprocs },
			],
			empty: noSched,
			notes: [],
		},
		{
			id: 'pacer',
			yLabel: 'Mark CPU (%)',
			group: s.pacer,
			series: [
				{ label: 'Mark CPU use', values: s.pacer.columns.utilization },
				{ label: 'Goal', values: s.pacer.columns.utilizationGoal },
			],
			empty:
				s.pacerUnplaced > 0
					? 'This log’s pacer lines have no gc lines after them (GODEBUG=gctrace=1 was off), so they have no time to be drawn at.'
					: 'This log has no gcpacertrace controller lines (GODEBUG=gcpacertrace=1), so there is nothing to draw.',
			notes: pacerNotes,
		},
	];
}

/**
 * Line styles in turn: canvas dash, legend marker border style, hollow or filled marker. Five
 * styles against eight colours: the first 40 series all differ in both.
 */
const STYLES: { dash: number[]; border: string; hollow: boolean }[] = [
	{ dash: [], border: 'solid', hollow: false },
	{ dash: [8, 4], border: 'dashed', hollow: true },
	{ dash: [2, 3], border: 'dotted', hollow: false },
	{ dash: [12, 3, 3, 3], border: 'double', hollow: true },
	{ dash: [16, 6], border: 'groove', hollow: false },
];

interface Theme {
	text: string;
	muted: string;
	border: string;
	bg: string;
	colours: string[];
}

function readTheme(el: HTMLElement): Theme {
	const css = getComputedStyle(el);
	const prop = (name: string, fallback: string): string =>
		css.getPropertyValue(name).trim() || fallback;
	return {
		text: prop('--text', '#1b1f24'),
		muted: prop('--text-muted', '#4a5360'),
		border: prop('--border', '#c9d0d9'),
		bg: prop('--bg', '#ffffff'),
		colours: Array.from({ length: 8 }, (_, i) => prop(`--chart-${i + 1}`, '#0b57a4')),
	};
}

const PLOT_HEIGHT = 240;

function plotOptions(
	spec: ChartSpec,
	rows: ChartRows,
	theme: Theme,
	width: number,
): uPlot.Options {
	const axis = {
		stroke: theme.text,
		grid: { stroke: theme.border, width: 1 },
		ticks: { stroke: theme.border, width: 1 },
	};
	return {
		width,
		height: PLOT_HEIGHT,
		scales: {
			x: { time: false },
			// Counts, sizes and shares: start at zero so heights compare.
			y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
		},
		axes: [
			{ ...axis, label: 'Time since program start (s)' },
			{ ...axis, label: spec.yLabel },
		],
		legend: {
			markers: {
				width: 2,
				dash: (_u, i) => (i === 0 ? 'solid' : STYLES[(i - 1) % STYLES.length]!.border),
			},
		},
		series: [
			{
				label: 'Time',
				value: (_u, v, _si, idx) =>
					v === null || idx === null ? '–' : `${decimal.format(v)} s, line ${rows.lineNo[idx]}`,
			},
			...spec.series.map((series, i): uPlot.Series => {
				const colour = theme.colours[i % theme.colours.length]!;
				const style = STYLES[i % STYLES.length]!;
				return {
					label: series.label,
					stroke: colour,
					width: 2,
					dash: style.dash,
					spanGaps: false,
					value: (_u, v) => (v === null ? '–' : decimal.format(v)),
					points: {
						size: 7,
						width: 2,
						stroke: colour,
						fill: style.hollow ? theme.bg : colour,
					},
				};
			}),
		],
	};
}

/** Builds the data table of a chart's drawn rows, with a button per line. */
function buildTable(spec: ChartSpec, rows: ChartRows): HTMLElement {
	const wrap = document.createElement('div');
	wrap.className = 'analyze-chart-table-wrap';
	wrap.tabIndex = 0;
	wrap.setAttribute('role', 'region');
	const table = document.createElement('table');
	const caption = table.createCaption();
	caption.textContent = rows.downsampled
		? `The ${count.format(rows.x.length)} drawn points of ${count.format(rows.total)} (downsampled)`
		: `${count.format(rows.x.length)} rows`;
	wrap.setAttribute('aria-label', `${spec.yLabel}: data table`);
	const head = table.createTHead().insertRow();
	for (const text of ['Line', 'Time (s)', ...spec.series.map((s) => s.label)]) {
		const th = document.createElement('th');
		th.scope = 'col';
		th.textContent = text;
		head.append(th);
	}
	const body = table.createTBody();
	for (let k = 0; k < rows.x.length; k++) {
		const tr = body.insertRow();
		const th = document.createElement('th');
		th.scope = 'row';
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'analyze-chart-line';
		button.dataset.line = String(rows.lineNo[k]);
		button.textContent = String(rows.lineNo[k]);
		button.setAttribute('aria-label', `Show line ${rows.lineNo[k]}`);
		th.append(button);
		tr.append(th);
		tr.insertCell().textContent = decimal.format(rows.x[k]!);
		for (const ys of rows.ys) {
			const v = ys[k];
			tr.insertCell().textContent = v === null || v === undefined ? '–' : decimal.format(v);
		}
	}
	wrap.append(table);
	return wrap;
}

/** One figure: its plot (rebuilt on theme change), caption note and lazy table. */
function drawFigure(
	figure: HTMLElement,
	spec: ChartSpec,
	onPick: (lineNo: number) => void,
): { destroy(): void; restyle(): void } {
	const note = figure.querySelector<HTMLElement>('[data-chart-note]');
	const plotBox = figure.querySelector<HTMLElement>('[data-chart-plot]');
	const tableBox = figure.querySelector<HTMLElement>('[data-chart-table]');
	const clear = (): void => {
		for (const el of [note, plotBox, tableBox]) if (el) el.textContent = '';
		delete figure.dataset.chartState;
	};
	clear();
	figure.dataset.chartState = 'empty';
	const hasData = spec.series.some((s) => s.values.some((v) => !Number.isNaN(v)));
	if (spec.group.length === 0 || !hasData || !plotBox || !tableBox) {
		if (note) note.textContent = spec.empty;
		return { destroy: clear, restyle: () => {} };
	}
	const rows = chartRows(
		spec.group.time,
		spec.series.map((s) => s.values),
		spec.group.lineNo,
	);
	const notes = [...spec.notes];
	if (rows.downsampled) {
		notes.unshift(
			`Downsampled: of ${count.format(rows.total)} lines, ${count.format(rows.x.length)} are drawn, the lowest and highest value of each series in each of ${defaultBuckets} time slices.`,
		);
	}
	if (note) note.textContent = notes.join(' ');
	figure.dataset.chartState = 'drawn';

	const plotLabel = `${figure.querySelector('h3')?.textContent ?? spec.yLabel}: chart of ${count.format(rows.x.length)} points; the same data is in the table below.`;
	plotBox.setAttribute('role', 'img');
	plotBox.setAttribute('aria-label', plotLabel);
	let plot: uPlot | null = null;
	const width = (): number => Math.max(240, plotBox.clientWidth || 600);
	const build = (): void => {
		plot?.destroy();
		const data: uPlot.AlignedData = [rows.x, ...rows.ys];
		plot = new uPlot(plotOptions(spec, rows, readTheme(figure), width()), data, plotBox);
		const u = plot;
		u.over.addEventListener('click', () => {
			const idx = u.cursor.idx;
			if (idx !== null && idx !== undefined) onPick(rows.lineNo[idx]!);
		});
	};
	build();
	let lastWidth = width();
	const resize = new ResizeObserver(() => {
		const w = width();
		if (w !== lastWidth && plot) {
			lastWidth = w;
			plot.setSize({ width: w, height: PLOT_HEIGHT });
		}
	});
	resize.observe(plotBox);

	const details = document.createElement('details');
	const summary = document.createElement('summary');
	summary.textContent = 'Data as a table';
	details.append(summary);
	details.addEventListener(
		'toggle',
		() => {
			if (details.open && details.childElementCount === 1) details.append(buildTable(spec, rows));
		},
	);
	details.addEventListener('click', (event) => {
		const button = (event.target as Element).closest<HTMLElement>('button[data-line]');
		if (button) onPick(Number(button.dataset.line));
	});
	tableBox.append(details);

	return {
		destroy(): void {
			resize.disconnect();
			plot?.destroy();
			plot = null;
			plotBox.removeAttribute('role');
			plotBox.removeAttribute('aria-label');
			clear();
		},
		restyle: build,
	};
}

export function drawCharts(
	root: HTMLElement,
	series: LogSeries,
	onPick: (lineNo: number) => void,
): { destroy(): void } {
	const specs = chartSpecs(series);
	const figures: ReturnType<typeof drawFigure>[] = [];
	let pending: ReturnType<typeof setTimeout> | undefined;
	// One chart per task: on a log of millions of lines, drawing all of them at once would hold
	// the page's thread for longer than a reader's click may wait.
	const drawFrom = (index: number): void => {
		const spec = specs[index];
		if (!spec) return;
		const figure = root.querySelector<HTMLElement>(`[data-chart="${spec.id}"]`);
		if (figure) {
			try {
				figures.push(drawFigure(figure, spec, onPick));
			} catch (error) {
				const note = figure.querySelector<HTMLElement>('[data-chart-note]');
				if (note) note.textContent = `This chart could not be drawn: ${(error as Error).message}`;
			}
		}
		pending = setTimeout(() => drawFrom(index + 1));
	};
	drawFrom(0);
	const scheme = window.matchMedia('(prefers-color-scheme: dark)');
	const restyle = (): void => {
		for (const figure of figures) figure.restyle();
	};
	scheme.addEventListener('change', restyle);
	return {
		destroy(): void {
			clearTimeout(pending);
			scheme.removeEventListener('change', restyle);
			for (const figure of figures) figure.destroy();
		},
	};
}
