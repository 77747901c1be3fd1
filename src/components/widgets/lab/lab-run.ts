/**
 * One run of the GC lab at a time: starts the worker that runs the Go program (lab-worker.ts),
 * shows each line of its standard error annotated as it arrives, and, twice a second, runs the
 * core's one log analysis over the lines so far for the analyzer's charts and the findings.
 * A run ends when the program exits, when the reader stops it, or at its time limit.
 */
import { createLogAnalysis, parseLine, type Finding, type LogLine } from '../../../trace/index.ts';
import { findingWords, plural } from '../../../present/summary.ts';
import { renderTraceLine } from '../trace-line/site-trace-line-html.ts';
import { labProgram, type LabSettings } from '../../../present/lab-settings.ts';
import {
	cyclesPer100MBText,
	labEndedText,
	labFailedText,
	labLoadingText,
	labRunningText,
	labStoppedText,
	labTimedOutText,
	type LabProgress,
} from '../../../present/lab-words.ts';
import { labLoaderUrl, labWasmUrl } from '../../../present/urls.ts';
import { siteBase } from '../../shared/site-base.ts';
import { createCharts, type Charts } from '../analyze/charts.ts';
import { createChartSeries, type ChartSeries } from '../analyze/chart-series.ts';
import { encodeLog, fragmentKey, maxFragmentChars } from '../analyze/share.ts';
import { memLimitText, parseLabEvent } from './lab-output.ts';
import type { FromLabWorker, ToLabWorker } from './lab-protocol.ts';
import { el } from '../../shared/element.ts';

/** Lines shown on the page; the download and the analysis keep them all. */
const maxShownLines = 2000;
/** How often the charts and findings are brought up to date while lines arrive. */
const analyseEveryMs = 500;
/** Time allowed beyond the run's own length before the lab ends the worker itself. */
const graceMs = 5000;

type State = 'idle' | 'loading' | 'running' | 'ended';

/** A lesson's "try it" box runs the lab too (widgets/try-it/): it hears when a run ends, with its lines. */
export interface LabRunOptions {
	/** `ok`: the run ended without a problem (the page says what went wrong otherwise). */
	onEnd?: (lines: readonly string[], ok: boolean) => void;
}

export class LabRun {
	private readonly root: HTMLElement;
	private worker: Worker | null = null;
	private settings: LabSettings | null = null;
	private lines: string[] = [];
	private progress: LabProgress = { seconds: 0, allocatedMB: 0, cycles: 0 };
	private go = 'Go';
	private charts: Charts | null = null;
	private analyseTimer: ReturnType<typeof setTimeout> | undefined;
	private limitTimer: ReturnType<typeof setTimeout> | undefined;
	private lessons: Record<string, string>;
	/** Prefix of the lines' ids, so that two runs on one page do not share them. */
	private readonly ids: string;
	private readonly options: LabRunOptions;

	constructor(root: HTMLElement, options: LabRunOptions = {}) {
		this.root = root;
		this.options = options;
		this.ids = root.dataset.idPrefix ?? 'lab';
		this.lessons = JSON.parse(root.dataset.findingLessons ?? '{}') as Record<string, string>;
		this.part('download')?.addEventListener('click', () => this.download());
		this.part('open-analyzer')?.addEventListener('click', () => void this.openInAnalyzer());
	}

	private find<T extends HTMLElement = HTMLElement>(name: string): T {
		return this.part<T>(name)!;
	}

	/** A part the lab page has and a "try it" box may leave out (its buttons, the facts). */
	private part<T extends HTMLElement = HTMLElement>(name: string): T | null {
		return this.root.querySelector<T>(`[data-part="${name}"]`);
	}

	private setState(state: State): void {
		this.root.dataset.state = state;
		const busy = state === 'loading' || state === 'running';
		const button = (name: string, disabled: boolean) => {
			const b = this.part<HTMLButtonElement>(name);
			if (b) b.disabled = disabled;
		};
		button('start', busy);
		button('stop', !busy);
		button('apply', state !== 'running');
	}

	private say(message: string, problem = false): void {
		const status = this.find('status');
		status.textContent = message;
		status.classList.toggle('is-problem', problem);
	}

	private fact(name: string, value: string): void {
		const dd = this.root.querySelector<HTMLElement>(`[data-fact="${name}"]`);
		if (dd) dd.textContent = value;
	}

	start(settings: LabSettings): void {
		this.end();
		this.settings = settings;
		this.lines = [];
		this.progress = { seconds: 0, allocatedMB: 0, cycles: 0 };
		this.charts?.destroy();
		this.charts = null;
		this.find('lines').replaceChildren();
		this.find('findings').replaceChildren(el('p', { class: 'hint' }, 'No findings yet.'));
		for (const dd of this.root.querySelectorAll<HTMLElement>('[data-fact]')) dd.textContent = '–';
		const facts = this.part('facts');
		if (facts) facts.hidden = false;
		this.find('results').hidden = false;
		const actionStatus = this.part('action-status');
		if (actionStatus) actionStatus.textContent = '';
		this.setState('loading');
		this.say(labLoadingText());
		const worker = new Worker(new URL('./lab-worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (e: MessageEvent<FromLabWorker>) => this.onMessage(e.data);
		worker.onerror = (e) => {
			e.preventDefault();
			if (this.worker !== worker) return;
			this.finish(() => labFailedText(e.message || 'the worker stopped with an error'), true);
		};
		this.worker = worker;
		const { env, args } = labProgram(settings);
		const address = (path: string) => new URL(path, location.href).href;
		worker.postMessage({
			type: 'start',
			wasm: address(labWasmUrl(siteBase)),
			loader: address(labLoaderUrl(siteBase)),
			args,
			env,
		} satisfies ToLabWorker);
	}

	/** New GOGC and GOMEMLIMIT for the running program. */
	apply(settings: LabSettings): void {
		if (!this.worker || this.root.dataset.state !== 'running') return;
		this.worker.postMessage({
			type: 'set',
			gogc: settings.gogc ?? -1,
			memLimitBytes: settings.memLimitMiB === null ? -1 : settings.memLimitMiB * 1024 * 1024,
		} satisfies ToLabWorker);
	}

	stop(): void {
		if (!this.worker) return;
		this.finish(() => labStoppedText(this.progress, this.lines.length), false);
	}

	/** Ends the worker and the timers; the lines stay. */
	private end(): void {
		this.worker?.terminate();
		this.worker = null;
		clearTimeout(this.limitTimer);
	}

	/** `message` is made after the last analysis, so its figures are the run's last. */
	private finish(message: () => string, problem: boolean): void {
		this.end();
		this.setState('ended');
		clearTimeout(this.analyseTimer);
		this.analyseTimer = undefined;
		this.analyse();
		this.say(message(), problem);
		this.options.onEnd?.(this.lines, !problem);
	}

	private onMessage(message: FromLabWorker): void {
		if (message.type === 'loaded') {
			this.setState('running');
			const seconds = this.settings?.seconds ?? 20;
			this.limitTimer = setTimeout(() => this.finish(() => labTimedOutText(seconds), true), seconds * 1000 + graceMs);
		} else if (message.type === 'lines') {
			if (message.fd === 1) for (const line of message.lines) this.onProgramLine(line);
			else this.addLines(message.lines);
		} else if (message.type === 'exit') {
			this.finish(() => labEndedText(this.progress, this.lines.length, message.code), message.code !== 0);
		} else if (message.type === 'failed') {
			this.finish(() => labFailedText(message.message), true);
		}
	}

	/** The program's own `lab:` lines: its Go release, settings and progress. */
	private onProgramLine(line: string): void {
		const event = parseLabEvent(line);
		if (!event) return;
		const v = event.values;
		if (event.event === 'start') {
			this.go = v.go ?? 'Go';
			this.fact('go', `${v.go} (${v.os}/${v.arch})`);
			this.fact('gomaxprocs', v.gomaxprocs ?? '–');
		}
		if (v.gogc !== undefined) this.fact('gogc', v.gogc === '-1' ? 'off' : `${v.gogc}%`);
		if (v.gomemlimit !== undefined) this.fact('gomemlimit', memLimitText(v.gomemlimit));
		if (v.t !== undefined) this.progress.seconds = Number(v.t);
		if (v.allocated !== undefined) {
			this.progress.allocatedMB = Number(v.allocated);
			this.root.dataset.allocatedMb = v.allocated;
		}
		this.showProgress();
	}

	private showProgress(): void {
		const p = this.progress;
		this.fact('allocated', `${p.allocatedMB.toLocaleString('en', { maximumFractionDigits: 1 })} MB`);
		this.fact('cycles', String(p.cycles));
		this.fact('per-mb', cyclesPer100MBText(p));
		if (this.root.dataset.state === 'running') this.say(labRunningText(this.go, p, this.settings?.seconds ?? 0));
	}

	private addLines(lines: string[]): void {
		const box = this.find('lines');
		const atEnd = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
		const items: HTMLElement[] = [];
		for (const text of lines) {
			this.lines.push(text);
			const n = this.lines.length;
			if (n > maxShownLines) continue;
			const parsed = parseLine(text);
			const item = el('div', { class: 'lab-line', id: `${this.ids}-line-${n}`, 'data-line': String(n) });
			if (parsed.kind === 'other') item.append(el('p', { class: 'lab-line-other' }, text));
			else item.innerHTML = renderTraceLine(parsed, { id: `${this.ids}${n}`, source: `line ${n}`, collapsed: true });
			items.push(item);
		}
		box.append(...items);
		if (this.lines.length > maxShownLines && !box.querySelector('.lab-lines-cut')) {
			box.append(
				el(
					'p',
					{ class: 'hint lab-lines-cut' },
					`The first ${maxShownLines} lines are shown; the download, the charts and the findings have them all.`,
				),
			);
		}
		if (atEnd) box.scrollTop = box.scrollHeight;
		this.root.dataset.lines = String(this.lines.length);
		this.analyseSoon();
	}

	private analyseSoon(): void {
		if (this.analyseTimer !== undefined) return;
		this.analyseTimer = setTimeout(() => {
			this.analyseTimer = undefined;
			this.analyse();
		}, analyseEveryMs);
	}

	/** The core's one analysis over every line so far: a few hundred lines take well under a millisecond. */
	private analyse(): void {
		if (this.lines.length === 0) return;
		const series = createChartSeries();
		const analysis = createLogAnalysis({
			series: { add: (line: LogLine) => series.add(line), result: () => series.end() },
		});
		analysis.push(`${this.lines.join('\n')}\n`);
		const result = analysis.end();
		this.progress.cycles = result.series.read.gc;
		this.root.dataset.cycles = String(this.progress.cycles);
		this.root.dataset.problems = String(result.summary.problemCount);
		const goals = result.series.gc.columns.heapGoal;
		if (goals.length > 0) this.fact('goal', `${goals[goals.length - 1]} MB`);
		this.showProgress();
		this.renderFindings(result.findings);
		this.drawCharts(result.series);
	}

	private drawCharts(series: ChartSeries): void {
		const box = this.find('charts');
		try {
			this.charts ??= createCharts(box, (lineNo) => this.showLine(lineNo));
			this.charts.update(series, 1);
			// The analyzer's note names GODEBUG settings to add; this program sets its own.
			const missing = box.querySelector<HTMLElement>('[data-charts-missing]');
			if (missing) missing.textContent = '';
		} catch (error) {
			box.append(el('p', { class: 'is-problem' }, `The charts could not be drawn: ${(error as Error).message}`));
		}
	}

	private showLine(lineNo: number): void {
		const line = document.getElementById(`${this.ids}-line-${lineNo}`);
		if (!line) return;
		line.scrollIntoView({ block: 'nearest' });
		line.querySelector<HTMLElement>('a.tok')?.focus({ preventScroll: true });
	}

	private renderFindings(findings: Finding[]): void {
		const out = this.find('findings');
		if (findings.length === 0) {
			out.replaceChildren(
				el('p', { class: 'hint' }, 'No findings so far: no rule of the analyzer matches these lines.'),
			);
			return;
		}
		out.replaceChildren(
			...findings.map((f) => {
				const words = findingWords(f, siteBase);
				const slug = words.lesson.replace(/\/$/, '').split('/').at(-1) ?? '';
				const lines = el('p', { class: 'finding-lines' }, `${words.linesLabel}: `);
				f.lines.forEach((n, i) => lines.append(i ? ', ' : '', el('a', { href: `#${this.ids}-line-${n}` }, String(n))));
				if (words.more) lines.append(` and ${words.more}`);
				return el(
					'article',
					{ class: 'finding', 'data-finding': f.kind },
					el('h3', {}, words.title),
					el('p', {}, words.message),
					el('p', {}, 'Learn more: ', el('a', { href: words.lesson }, this.lessons[slug] ?? 'the lesson')),
					lines,
				);
			}),
		);
	}

	private text(): string {
		return this.lines.length > 0 ? `${this.lines.join('\n')}\n` : '';
	}

	private download(): void {
		const url = URL.createObjectURL(new Blob([this.text()], { type: 'text/plain' }));
		const a = el('a', { href: url, download: 'gc-lab-trace.txt' });
		a.click();
		setTimeout(() => URL.revokeObjectURL(url), 1000);
		this.find('action-status').textContent = `Saved ${plural(this.lines.length, 'line')} as gc-lab-trace.txt.`;
	}

	private async openInAnalyzer(): Promise<void> {
		const status = this.find('action-status');
		const fragment = `#${fragmentKey}=${await encodeLog(this.text())}`;
		if (fragment.length > maxFragmentChars) {
			status.textContent = 'These lines are too many for a link: download them, then drop the file on the analyzer.';
			return;
		}
		location.href = `${this.root.dataset.analyze ?? ''}${fragment}`;
	}
}
