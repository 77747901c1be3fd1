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
import type { FieldKey, SeriesGroup } from '~/trace/index.ts';
import type { ChartSeries } from './chart-series.ts';
import { missingChartsText, slowestInits } from './chart-kinds.ts';
import { chartRows } from './chart-rows.ts';
import { cssColour } from '~/components/shared/css-colour.ts';
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
	/** The x axis label: which clock (or order) the rows are placed by. */
	xLabel: string;
	/** The legend's name for x. */
	xName: string;
	/** The data table's x column heading. */
	xHeader: string;
	/** An x value in words, for the legend. */
	xText: (x: number) => string;
	group: Pick<SeriesGroup<string>, 'length' | 'time' | 'lineNo'>;
	/** The lines of the group read, before the worker thinned them. */
	read: number;
	series: PlotSeries[];
	/**
	 * The sentence shown instead of a chart when the log has lines of this kind that cannot be
	 * drawn; null hides the figure (the log has no such lines at all).
	 */
	empty: string | null;
	/** Extra sentences for the caption (series not drawn, lines not charted). */
	notes: string[];
}

const label = (key: FieldKey): string => getField(key)?.label ?? key;
const count = new Intl.NumberFormat('en-US');
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** The three clocks: gctrace's `@` (since program start), `SCHED Nms`, and scav line order. */
const GC_X = {
	xLabel: 'Seconds since program start (gc @)',
	xName: 'Time',
	xHeader: 'Since program start (s)',
	xText: (x: number) => `@${decimal.format(x)} s`,
};
const SCHED_X = {
	xLabel: 'Seconds since first SCHED line',
	xName: 'SCHED',
	xHeader: 'Since first SCHED line (s)',
	xText: (x: number) => `${decimal.format(x)} s`,
};
const SCAV_X = {
	xLabel: 'scav line, in log order',
	xName: 'scav line',
	xHeader: 'scav line',
	xText: (x: number) => String(x),
};

const hasData = (values: ArrayLike<number>): boolean => {
	for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) return true;
	return false;
};

function chartSpecs(s: ChartSeries): ChartSpec[] {
	const gc = s.gc;
	const gcNotes =
		s.gcUntimed > 0
			? [`${count.format(s.gcUntimed)} gc lines in the Go 1.1–1.4 format print no time and are not drawn.`]
			: [];
	const noGc =
		s.gcUntimed > 0
			? 'This log’s gc lines are all in the Go 1.1–1.4 format, which prints no time, so there is nothing to draw.'
			: null;
	const sched = s.sched;
	const localSeries = sched.localRunqueues.map((values, p) => ({ label: `P${p} local`, values }));
	const tickSeries = sched.schedticksPerSecond.map((values, p) => ({ label: `P${p}`, values }));
	const manyPs =
		sched.procCount > maxLocalRunqueueSeries
			? [
					`The log has ${sched.procCount} Ps; only P0–P${maxLocalRunqueueSeries - 1} are drawn, to keep the chart readable.`,
				]
			: [];
	const pacerNotes =
		s.pacerUnplaced > 0
			? [
					`${count.format(s.pacerUnplaced)} pacer lines have no gc line after them to take a time from and are not drawn.`,
				]
			: [];
	const scav = s.scav;
	const scvgNote =
		s.scvgUncharted > 0
			? `${count.format(s.scvgUncharted)} scavenger lines of the Go 1.2–1.13 scvg forms are not drawn.`
			: null;
	return [
		{
			id: 'heap',
			yLabel: 'Heap (MB)',
			...GC_X,
			group: gc,
			read: s.read.gc,
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
			...GC_X,
			group: gc,
			read: s.read.gc,
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
			...GC_X,
			group: gc,
			read: s.read.gc,
			series: [{ label: label('gctrace/gc-cpu-percent'), values: gc.columns.gcCpuPercent }],
			empty: noGc,
			notes: gcNotes,
		},
		{
			id: 'runqueues',
			yLabel: 'Goroutines waiting',
			...SCHED_X,
			group: sched,
			read: s.read.sched,
			series: [{ label: label('schedtrace/runqueue'), values: sched.columns.runqueue }, ...localSeries],
			empty: null,
			notes: manyPs,
		},
		{
			id: 'schedticks',
			yLabel: 'schedticks per second',
			...SCHED_X,
			group: sched,
			read: s.read.sched,
			series: tickSeries,
			empty: null,
			notes: manyPs,
		},
		{
			id: 'procs',
			yLabel: 'Count',
			...SCHED_X,
			group: sched,
			read: s.read.sched,
			series: [
				{ label: label('schedtrace/idleprocs'), values: sched.columns.idleprocs },
				{ label: label('schedtrace/threads'), values: sched.columns.threads },
				{ label: label('schedtrace/gomaxprocs'), values: sched.columns.gomaxprocs },
			],
			empty: null,
			notes: [],
		},
		{
			id: 'pacer',
			yLabel: 'Mark utilization (%)',
			...GC_X,
			group: s.pacer,
			read: s.read.pacer,
			series: [
				{ label: 'Mark utilization', values: s.pacer.columns.utilization },
				{ label: 'Goal', values: s.pacer.columns.utilizationGoal },
			],
			empty:
				s.pacerUnplaced > 0
					? 'This log’s pacer lines have no gc lines after them (GODEBUG=gctrace=1 was off), so they have no time to be drawn at.'
					: null,
			notes: pacerNotes,
		},
		{
			id: 'scavenger',
			yLabel: 'Memory (KiB)',
			...SCAV_X,
			group: scav,
			read: s.read.scav,
			series: [
				{ label: label('scavtrace/heap-released'), values: scav.columns.released },
				{ label: label('scavtrace/work'), values: scav.columns.work },
				{ label: label('scavtrace/work-bg'), values: scav.columns.workBg },
				{ label: label('scavtrace/work-eager'), values: scav.columns.workEager },
			],
			empty: scvgNote === null ? null : `${scvgNote} There is nothing else to draw.`,
			notes: scvgNote === null ? [] : [scvgNote],
		},
	].map((spec) => ({ ...spec, series: spec.series.filter((series) => hasData(series.values)) }));
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
	const prop = (name: string, fallback: string): string => cssColour(el, name, fallback);
	return {
		text: prop('--text', '#1b1f24'),
		muted: prop('--text-muted', '#4a5360'),
		border: prop('--border', '#c9d0d9'),
		bg: prop('--bg', '#ffffff'),
		colours: Array.from({ length: 8 }, (_, i) => prop(`--chart-${i + 1}`, '#0b57a4')),
	};
}

const PLOT_HEIGHT = 240;

/** `lineNoAt` reads the figure's current rows: a plot given new data (`setData`) keeps its options. */
function plotOptions(
	spec: ChartSpec,
	lineNoAt: (idx: number) => number | undefined,
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
			{ ...axis, label: spec.xLabel },
			{
				...axis,
				label: spec.yLabel,
				// Wide enough for the longest tick label (uPlot's default fits about 5 digits).
				size: (_u, values) => {
					const longest = Math.max(0, ...(values ?? []).map((v) => String(v).length));
					return Math.max(50, 16 + longest * 7.5);
				},
			},
		],
		legend: {
			markers: {
				width: 2,
				dash: (_u, i) => (i === 0 ? 'solid' : STYLES[(i - 1) % STYLES.length]!.border),
			},
		},
		series: [
			{
				label: spec.xName,
				value: (_u, v, _si, idx) => (v === null || idx === null ? '–' : `${spec.xText(v)}, line ${lineNoAt(idx)}`),
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

/** A button that shows log line `lineNo`. */
function lineButton(lineNo: number, text = String(lineNo)): HTMLButtonElement {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'analyze-chart-line';
	button.dataset.line = String(lineNo);
	button.textContent = text;
	button.setAttribute('aria-label', `Show line ${lineNo}`);
	return button;
}

const cellText = (v: number | null | undefined): string =>
	v === null || v === undefined || Number.isNaN(v) ? '–' : decimal.format(v);

/** A data table with a button per line: `cells(k)` gives row k's cells after the line. */
function buildTable(
	name: string,
	captionText: string,
	headers: string[],
	lineNos: ArrayLike<number>,
	cells: (k: number) => string[],
): HTMLElement {
	const wrap = document.createElement('div');
	wrap.className = 'analyze-chart-table-wrap';
	wrap.tabIndex = 0;
	wrap.setAttribute('role', 'region');
	wrap.setAttribute('aria-label', `${name}: data table`);
	const table = document.createElement('table');
	table.createCaption().textContent = captionText;
	const head = table.createTHead().insertRow();
	for (const text of ['Line', ...headers]) {
		const th = document.createElement('th');
		th.scope = 'col';
		th.textContent = text;
		head.append(th);
	}
	const body = table.createTBody();
	for (let k = 0; k < lineNos.length; k++) {
		const tr = body.insertRow();
		const th = document.createElement('th');
		th.scope = 'row';
		th.append(lineButton(lineNos[k]!));
		tr.append(th);
		for (const text of cells(k)) tr.insertCell().textContent = text;
	}
	wrap.append(table);
	return wrap;
}

/** The "Data as a table" disclosure: the table is built when first opened. */
function tableDisclosure(build: () => HTMLElement, onPick: (lineNo: number) => void): HTMLElement {
	const details = document.createElement('details');
	const summary = document.createElement('summary');
	summary.textContent = 'Data as a table';
	details.append(summary);
	details.addEventListener('toggle', () => {
		if (details.open && details.childElementCount === 1) details.append(build());
	});
	details.addEventListener('click', (event) => {
		const button = (event.target as Element).closest<HTMLElement>('button[data-line]');
		if (button) onPick(Number(button.dataset.line));
	});
	return details;
}

/** A figure's caption note, plot and table boxes, and a way to empty them all. */
function figureParts(figure: HTMLElement) {
	const note = figure.querySelector<HTMLElement>('[data-chart-note]');
	const plotBox = figure.querySelector<HTMLElement>('[data-chart-plot]');
	const tableBox = figure.querySelector<HTMLElement>('[data-chart-table]');
	const clear = (): void => {
		for (const el of [note, plotBox, tableBox]) if (el) el.textContent = '';
		delete figure.dataset.chartState;
	};
	return { note, plotBox, tableBox, clear };
}

/** A drawn figure: updated with new rows while the log is read, restyled on a scheme change. */
interface Figure {
	update(spec: ChartSpec): void;
	destroy(): void;
	restyle(): void;
}

/** The caption's words on thinning, or null when every line read is drawn. */
function thinnedText(read: number, drawn: number): string | null {
	if (drawn >= read) return null;
	return `Thinned to what the chart can show: ${count.format(drawn)} of ${count.format(read)} lines are drawn, those holding the lowest and highest value of each series in each stretch of the log.`;
}

/** One figure: its plot (rebuilt on theme change), caption note and lazy table. */
function drawFigure(figure: HTMLElement, first: ChartSpec, onPick: (lineNo: number) => void): Figure {
	const { note, plotBox, tableBox, clear } = figureParts(figure);
	clear();
	let spec = first;
	let rows: ChartRows | null = null;
	let plot: uPlot | null = null;
	let details: HTMLElement | null = null;
	const width = (): number => Math.max(240, plotBox?.clientWidth || 600);
	const build = (): void => {
		plot?.destroy();
		plot = null;
		if (!rows || !plotBox) return;
		const shown = rows;
		const data: uPlot.AlignedData = [shown.x, ...shown.ys];
		const u = new uPlot(
			plotOptions(spec, (idx) => rows?.lineNo[idx], readTheme(figure), width()),
			data,
			plotBox,
		);
		u.over.addEventListener('click', () => {
			const idx = u.cursor.idx;
			if (idx !== null && idx !== undefined && rows) onPick(rows.lineNo[idx]!);
		});
		plot = u;
	};
	let lastWidth = width();
	const resize = new ResizeObserver(() => {
		const w = width();
		if (w !== lastWidth && plot) {
			lastWidth = w;
			plot.setSize({ width: w, height: PLOT_HEIGHT });
		}
	});
	if (plotBox) resize.observe(plotBox);
	const table = (): HTMLElement => {
		const shown = rows!;
		const thinned = shown.x.length < spec.read;
		return buildTable(
			spec.yLabel,
			thinned
				? `The ${count.format(shown.x.length)} drawn points of ${count.format(spec.read)} lines (thinned)`
				: `${count.format(shown.x.length)} rows`,
			[spec.xHeader, ...spec.series.map((s) => s.label)],
			shown.lineNo,
			(k) => [decimal.format(shown.x[k]!), ...shown.ys.map((ys) => cellText(ys[k]))],
		);
	};

	const update = (next: ChartSpec): void => {
		const labels = (s: ChartSpec) => s.series.map((series) => series.label).join('\n');
		const sameSeries = rows !== null && labels(next) === labels(spec);
		spec = next;
		if (spec.group.length === 0 || spec.series.length === 0 || !plotBox || !tableBox) {
			plot?.destroy();
			plot = null;
			rows = null;
			details = null;
			clear();
			figure.dataset.chartState = 'empty';
			figure.hidden = spec.empty === null;
			if (note) note.textContent = spec.empty ?? '';
			plotBox?.removeAttribute('role');
			plotBox?.removeAttribute('aria-label');
			return;
		}
		figure.hidden = false;
		rows = chartRows(
			spec.group.time,
			spec.series.map((s) => s.values),
			spec.group.lineNo,
		);
		const thinned = thinnedText(spec.read, rows.x.length);
		if (note) note.textContent = [...(thinned ? [thinned] : []), ...spec.notes].join(' ');
		figure.dataset.chartState = 'drawn';
		plotBox.setAttribute('role', 'img');
		plotBox.setAttribute(
			'aria-label',
			`${figure.querySelector('h3')?.textContent ?? spec.yLabel}: chart of ${count.format(rows.x.length)} points, ${spec.yLabel} against ${spec.xLabel.charAt(0).toLowerCase()}${spec.xLabel.slice(1)}; the same data is in the table below.`,
		);
		// Same series: new data on the same plot (its axes rescale); else a new plot.
		if (sameSeries && plot) (plot as uPlot).setData([rows.x, ...rows.ys]);
		else build();
		if (!details) {
			details = tableDisclosure(table, onPick);
			tableBox.replaceChildren(details);
		} else if (details.childElementCount > 1) {
			details.lastElementChild!.replaceWith(table());
		}
	};
	update(first);

	return {
		update,
		destroy(): void {
			resize.disconnect();
			plot?.destroy();
			plot = null;
			plotBox?.removeAttribute('role');
			plotBox?.removeAttribute('aria-label');
			clear();
		},
		restyle: build,
	};
}

/** Bars drawn in the init chart; the table lists every package. */
const INIT_BARS = 20;

/**
 * The init chart: one horizontal bar per package, slowest first, drawn in HTML so each
 * package's name reads as text (and zooms and wraps with the page). One series: no colour cue.
 */
function drawInit(
	figure: HTMLElement,
	init: ChartSeries['init'],
	read: number,
	onPick: (lineNo: number) => void,
): { destroy(): void; restyle(): void } {
	const { note, plotBox, tableBox, clear } = figureParts(figure);
	clear();
	const bars = slowestInits(init, INIT_BARS);
	figure.hidden = bars.length === 0;
	if (bars.length === 0 || !plotBox || !tableBox) return { destroy: clear, restyle: () => {} };
	figure.dataset.chartState = 'drawn';
	if (note) {
		note.textContent =
			read > init.length
				? `The ${bars.length} slowest of the ${count.format(init.length)} packages kept are drawn, of ${count.format(read)} inittrace lines: ${thinnedText(read, init.length)}`
				: init.length > bars.length
					? `The ${bars.length} slowest of ${count.format(init.length)} packages are drawn; the table lists all of them in the order they ran.`
					: `All ${count.format(init.length)} packages, slowest first; the table lists them in the order they ran.`;
	}
	const max = bars[0]!.clock;
	const list = document.createElement('ol');
	list.className = 'analyze-init-bars';
	list.setAttribute('aria-label', 'Init time per package, slowest first');
	for (const bar of bars) {
		const item = document.createElement('li');
		const name = lineButton(bar.lineNo, bar.pkg);
		name.setAttribute('aria-label', `${bar.pkg}: ${decimal.format(bar.clock)} ms, show line ${bar.lineNo}`);
		const track = document.createElement('span');
		track.className = 'analyze-init-track';
		const fill = document.createElement('span');
		fill.className = 'analyze-init-fill';
		fill.style.width = `${max > 0 ? (bar.clock / max) * 100 : 0}%`;
		track.append(fill);
		const value = document.createElement('span');
		value.className = 'analyze-init-value';
		value.textContent = `${decimal.format(bar.clock)} ms`;
		item.append(name, track, value);
		list.append(item);
	}
	list.addEventListener('click', (event) => {
		const button = (event.target as Element).closest<HTMLElement>('button[data-line]');
		if (button) onPick(Number(button.dataset.line));
	});
	plotBox.append(list);
	const table = (): HTMLElement =>
		buildTable(
			'Init time per package',
			`${count.format(init.length)} packages, in the order they ran`,
			[label('inittrace/package'), `${label('inittrace/start')} (ms)`, `${label('inittrace/clock')} (ms)`],
			init.lineNo,
			(k) => [init.packages[k]!, cellText(init.columns.start[k]), cellText(init.columns.clock[k])],
		);
	tableBox.append(tableDisclosure(table, onPick));
	return { destroy: clear, restyle: () => {} };
}

/** The charts of a log: `update` draws them from the series of `fraction` of the log (1: all of it). */
export interface Charts {
	update(series: ChartSeries, fraction: number): void;
	destroy(): void;
}

export function createCharts(root: HTMLElement, onPick: (lineNo: number) => void): Charts {
	const figures = new Map<string, Figure>();
	let init: { destroy(): void } | null = null;
	let pending: ReturnType<typeof setTimeout> | undefined;
	const initFigure = root.querySelector<HTMLElement>('[data-chart="init"]');
	const missing = root.querySelector<HTMLElement>('[data-charts-missing]');
	const scheme = window.matchMedia('(prefers-color-scheme: dark)');
	const restyle = (): void => {
		for (const figure of figures.values()) figure.restyle();
	};
	scheme.addEventListener('change', restyle);

	function update(series: ChartSeries, fraction: number): void {
		clearTimeout(pending);
		const complete = fraction >= 1;
		// Benchmarks and tests tell charts of part of the log from the final ones.
		root.dataset.charts = complete ? 'complete' : 'partial';
		const specs = chartSpecs(series);
		// Figures the log has no lines for are hidden at once, so none shows before its turn.
		for (const spec of specs) {
			const figure = root.querySelector<HTMLElement>(`[data-chart="${spec.id}"]`);
			if (figure) figure.hidden = (spec.group.length === 0 || spec.series.length === 0) && spec.empty === null;
		}
		if (initFigure) initFigure.hidden = series.init.length === 0;
		if (missing) {
			missing.textContent = complete
				? missingChartsText(series)
				: `Drawn from the first ${Math.floor(fraction * 100)}% of the log; the charts fill in as it is read.`;
		}
		// One chart per task: drawing all of them at once would hold the page's thread for
		// longer than a reader's click may wait.
		const drawFrom = (index: number): void => {
			const spec = specs[index];
			if (!spec) {
				init?.destroy();
				if (initFigure) init = drawInit(initFigure, series.init, series.read.init, onPick);
				return;
			}
			const figure = root.querySelector<HTMLElement>(`[data-chart="${spec.id}"]`);
			if (figure) {
				try {
					const drawn = figures.get(spec.id);
					if (drawn) drawn.update(spec);
					else figures.set(spec.id, drawFigure(figure, spec, onPick));
				} catch (error) {
					const note = figure.querySelector<HTMLElement>('[data-chart-note]');
					if (note) note.textContent = `This chart could not be drawn: ${(error as Error).message}`;
				}
			}
			pending = setTimeout(() => drawFrom(index + 1));
		};
		// The first chart waits for a task of its own too, apart from working out every chart's points.
		pending = setTimeout(() => drawFrom(0));
	}

	return {
		update,
		destroy(): void {
			clearTimeout(pending);
			scheme.removeEventListener('change', restyle);
			for (const figure of figures.values()) figure.destroy();
			figures.clear();
			init?.destroy();
			delete root.dataset.charts;
			if (missing) missing.textContent = '';
		},
	};
}
