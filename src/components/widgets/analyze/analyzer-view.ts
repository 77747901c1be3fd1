/**
 * What `<log-analyzer>` (log-analyzer.ts) loads when a log is first given to it: a worker reads
 * and parses the log (nothing is uploaded, and the page's thread never touches the lines one by
 * one) while the page shows the progress, the time left and the charts so far; then the page
 * shows the summary, the findings, the charts and a browser over every line.
 */
import { parseLine, type Finding, type LineKind, type LogStats, type LogSummary } from '../../../trace/index.ts';
import { renderTraceLine } from '../trace-line/site-trace-line-html.ts';
import '../trace-line/trace-line.ts';
import { createCharts, type Charts } from './charts.ts';
import { LineBrowser } from './line-browser.ts';
import { progressText } from './progress-text.ts';
import { kindCodes } from './line-index.ts';
import type { AnalysisResult, BadInput, FromWorker, Row, ToWorker } from './protocol.ts';
import {
	decodeLog,
	encodeLog,
	fragmentKey,
	LinkTooLarge,
	logFromFragment,
	maxFragmentChars,
	maxShareBytes,
} from './share.ts';
import {
	bytesText,
	eraText,
	expectedInput,
	findingWords,
	noTraceText,
	plural,
	problemText,
	timeCoveredText,
} from '../../../present/summary.ts';
import { bucketText, percentileDefinition, shownBuckets, statFacts } from '../../../present/stats.ts';
import { liveStatusText, type WatchState } from '../../../present/watch.ts';
import { siteBase } from '../../shared/site-base.ts';
import { el } from '../../shared/element.ts';
import { showShareLink } from './share-link.ts';

/** Problems listed in the summary; the line browser's filter shows them all. */
const maxListedProblems = 100;

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

export class AnalyzerView {
	private readonly root: HTMLElement;
	private worker: Worker | null = null;
	private nextId = 1;
	private replies = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
	private running = false;
	private blob: Blob | null = null;
	private sourceName = '';
	private result: AnalysisResult | null = null;
	private charts: Charts | null = null;
	private readonly browser: LineBrowser;
	private started = 0;
	/** While the page follows a live program (`explain --watch`): its stream of lines. */
	private live: EventSource | null = null;
	/** Called after each analysis while watching: the last one after the program ended is final. */
	private afterLiveRun: (() => void) | null = null;

	private find<T extends HTMLElement = HTMLElement>(name: string): T {
		return this.root.querySelector<T>(`[data-part="${name}"]`)!;
	}

	constructor(root: HTMLElement) {
		this.root = root;
		this.find('share').addEventListener('click', () => void this.share());
		this.find('filters').addEventListener('change', () => void this.applyFilter(-1));
		this.browser = new LineBrowser(
			this.find('lines'),
			(lineNo) => void this.showLine(lineNo),
			(empty) => (this.find('lines-empty').hidden = !empty),
		);
		root.addEventListener('click', (e) => {
			const link = (e.target as Element).closest<HTMLAnchorElement>('a[data-line]');
			if (!link) return;
			e.preventDefault();
			void this.selectLine(Number(link.dataset.line));
		});
	}

	/** Fetches an example capture from the site and analyses it. */
	async analyzeExample(file: string, href: string): Promise<void> {
		this.say(`Fetching ${file}…`, false);
		try {
			const response = await fetch(href);
			if (!response.ok) throw new Error(`the site answered ${response.status}`);
			await this.analyze(await response.blob(), file);
			this.find('status').scrollIntoView({ block: 'nearest' });
		} catch (error) {
			this.say(`Could not fetch the example ${file}: ${(error as Error).message}.`, true);
		}
	}

	async openFragment(): Promise<void> {
		const value = logFromFragment(location.hash);
		if (value === null) return;
		try {
			const text = await decodeLog(value);
			this.find<HTMLTextAreaElement>('text').value = text;
			await this.analyze(new Blob([text], { type: 'text/plain' }), 'the shared link', true);
		} catch (error) {
			if (error instanceof LinkTooLarge) this.say(error.message, true);
			else
				this.say(
					`This link carries a log that cannot be read: ${(error as Error).message}. Ask for a new link, or paste the log below.`,
					true,
				);
		}
	}

	// ---- a live program ------------------------------------------------------------------

	/**
	 * Follows the lines `explain --watch` streams from the program it runs, analysing them again
	 * at most once a second while more arrive: the same analysis, charts and findings as a file's.
	 */
	watch(eventsUrl: string): void {
		this.stopWatching();
		const parts: string[] = [];
		let lineCount = 0;
		let state: WatchState = { running: true };
		let changed = false;
		const liveText = this.liveLine();
		const source = new EventSource(eventsUrl);
		this.live = source;
		const show = () => (liveText.textContent = liveStatusText(lineCount, state));
		const refresh = () => {
			if (!changed || this.running) return;
			changed = false;
			void this.run(new Blob(parts, { type: 'text/plain' }), 'the watched output', false, true);
		};
		const timer = setInterval(() => {
			// Another log was given meanwhile: the watch is over.
			if (this.live !== source) return clearInterval(timer);
			refresh();
			if (!state.running && !changed && !this.running) clearInterval(timer);
		}, 1000);
		this.say('Watching a live program: its lines appear below as it prints them.', false);
		show();
		// On a phone the status is below the input boxes: bring it into view.
		liveText.scrollIntoView({ block: 'nearest' });
		source.addEventListener('lines', (e) => {
			const text = JSON.parse((e as MessageEvent<string>).data) as string;
			parts.push(text);
			for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineCount++;
			changed = true;
			show();
		});
		this.afterLiveRun = () => {
			if (state.running || changed) return;
			// The analysis of every line the program printed: said once, for screen readers too.
			this.say(liveStatusText(lineCount, state), false);
			this.afterLiveRun = null;
		};
		source.addEventListener('state', (e) => {
			state = JSON.parse((e as MessageEvent<string>).data) as WatchState;
			show();
			if (state.running) return;
			source.close();
			if (changed) refresh();
			else if (!this.running) this.afterLiveRun?.();
		});
		source.addEventListener('error', () => {
			if (source.readyState !== EventSource.CLOSED || !state.running) return;
			clearInterval(timer);
			this.say(
				lineCount === 0
					? 'Nothing to watch here: this address follows a live program only when the command “npm run explain -- --watch -- PROGRAM” serves the page. Start it that way, or give a log below.'
					: `The connection to the watching command was lost after ${lineCount.toLocaleString('en')} lines; the analysis below is of those.`,
				true,
			);
		});
	}

	/** The line under the status that counts the lines as they arrive (not announced each time). */
	private liveLine(): HTMLElement {
		const status = this.find('status');
		let line = this.root.querySelector<HTMLElement>('[data-part="live"]');
		if (!line) {
			line = el('p', { class: 'live-status', 'data-part': 'live' });
			status.after(line);
		}
		return line;
	}

	private stopWatching(): void {
		this.live?.close();
		this.live = null;
		this.afterLiveRun = null;
		this.root.querySelector('[data-part="live"]')?.remove();
	}

	// ---- the worker -------------------------------------------------------------------

	private startWorker(): Worker {
		this.worker?.terminate();
		this.replies.clear();
		const worker = new Worker(new URL('./analyze-worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (e: MessageEvent<FromWorker>) => this.onMessage(e.data);
		worker.onerror = (e) => {
			e.preventDefault();
			this.finishRun();
			this.dropPartial();
			this.say(`The analysis stopped with an error: ${e.message || 'unknown error'}. Your input is still here.`, true);
		};
		this.worker = worker;
		return worker;
	}

	private request<T>(message: Distribute<Extract<ToWorker, { id: number }>>): Promise<T> {
		const worker = this.worker;
		if (!worker) return Promise.reject(new Error('no log is loaded'));
		const id = this.nextId++;
		return new Promise<T>((resolve, reject) => {
			this.replies.set(id, { resolve: resolve as (value: unknown) => void, reject });
			worker.postMessage({ ...message, id });
		});
	}

	private rows = (start: number, count: number): Promise<Row[]> => this.request<Row[]>({ type: 'rows', start, count });

	private onMessage(message: FromWorker): void {
		if (message.type === 'reply') {
			this.replies.get(message.id)?.resolve(message.value);
			this.replies.delete(message.id);
		} else if (message.type === 'progress') {
			const bar = this.find<HTMLProgressElement>('progress');
			bar.max = message.total;
			bar.value = message.read;
			this.find('progress-text').textContent = progressText(
				message.read,
				message.total,
				performance.now() - this.started,
			);
		} else if (message.type === 'partial') {
			if (this.running) this.showPartial(message);
		} else if (message.type === 'bad' && this.live !== null) {
			// A program prints its first trace line after a while: until then, nothing is wrong.
			this.finishRun();
			this.afterLiveRun?.();
		} else if (message.type === 'bad') {
			this.finishRun();
			this.dropPartial();
			this.say(this.badMessage(message.reason, message.lineCount), true);
		} else if (message.type === 'failed' && message.id !== undefined) {
			// A request for lines failed: say so, and let its caller stop waiting.
			this.replies.get(message.id)?.reject(new Error(message.message));
			this.replies.delete(message.id);
			this.say(`Reading lines of the log failed: ${message.message}.`, true);
		} else if (message.type === 'failed') {
			this.finishRun();
			this.dropPartial();
			this.say(`The analysis stopped with an error: ${message.message}. Your input is still here.`, true);
		} else if (message.type === 'done') {
			this.finishRun();
			this.show(message.result);
		}
	}

	private badMessage(reason: BadInput, lineCount: number): string {
		const what = this.sourceName;
		if (reason === 'empty') return `Nothing to analyse: ${what} is empty. ${expectedInput}`;
		if (reason === 'binary') {
			return `This is not a text log: ${what} contains NUL bytes or bytes that are not UTF-8, as binary files do. ${expectedInput}`;
		}
		return noTraceText(lineCount, what);
	}

	// ---- a run --------------------------------------------------------------------------

	async analyze(blob: Blob, name: string, fromLink = false): Promise<void> {
		this.stopWatching();
		await this.run(blob, name, fromLink);
	}

	/** Reads `blob`; `refresh` keeps the last results in place until the new ones are ready. */
	private async run(blob: Blob, name: string, fromLink = false, refresh = false): Promise<void> {
		if (refresh && this.result !== null) {
			this.blob = blob;
			this.sourceName = name;
			this.running = true;
			this.started = performance.now();
			// The same worker reads the log again: its script may not be fetchable any more once
			// the watching command has stopped its server.
			(this.worker ?? this.startWorker()).postMessage({ type: 'analyze', blob } satisfies ToWorker);
			return;
		}
		// An address still carrying an earlier log would reopen that one, not this.
		if (!fromLink && logFromFragment(location.hash) !== null)
			history.replaceState(null, '', location.pathname + location.search);
		this.blob = blob;
		this.sourceName = name;
		this.result = null;
		this.charts?.destroy();
		this.charts = null;
		this.find('results').hidden = true;
		this.find('share-out').hidden = true;
		this.find('share').hidden = true;
		this.find('browser').hidden = true;
		this.running = true;
		this.started = performance.now();
		const bar = this.find<HTMLProgressElement>('progress');
		bar.removeAttribute('value');
		this.find('progress-text').textContent = '';
		this.find('running').hidden = false;
		if (this.live === null) this.say(`Reading ${name} (${bytesText(blob.size)})…`, false);
		this.startWorker().postMessage({ type: 'analyze', blob } satisfies ToWorker);
	}

	private finishRun(): void {
		this.running = false;
		this.find('running').hidden = true;
	}

	cancel(): void {
		if (!this.running) return;
		this.worker?.terminate();
		this.worker = null;
		this.finishRun();
		this.dropPartial();
		this.say(
			`Cancelled: ${this.sourceName} was not analysed. Your input is still here; analyse it again whenever you like.`,
			false,
		);
	}

	/** A run that ends without a result (cancelled, bad, failed): charts of part of the log would read as the log's. */
	private dropPartial(): void {
		this.charts?.destroy();
		this.charts = null;
		this.find('results').hidden = true;
	}

	private say(message: string, problem: boolean): void {
		const status = this.find('status');
		status.textContent = message;
		status.classList.toggle('is-problem', problem);
	}

	/** While the log is read: the charts so far, and what is still to come. */
	private showPartial(message: Extract<FromWorker, { type: 'partial' }>): void {
		if (this.find('results').hidden) {
			const later = (what: string) => el('p', { class: 'hint' }, `${what} once the whole log is read.`);
			this.find('summary').replaceChildren(later('The summary appears'));
			this.find('findings').replaceChildren(later('The findings appear'));
			this.find('results').hidden = false;
		}
		this.drawCharts(message.series, message.read / message.total);
	}

	/** Draws (or redraws) the charts; `fraction` of the log read, 1 once it is all read. */
	private drawCharts(series: AnalysisResult['series'], fraction: number): void {
		try {
			this.charts ??= createCharts(this.find('charts'), (lineNo) => void this.selectLine(lineNo));
			this.charts.update(series, fraction);
		} catch (error) {
			this.find('charts').append(
				el('p', { class: 'is-problem' }, `The charts could not be drawn: ${(error as Error).message}`),
			);
		}
	}

	private show(result: AnalysisResult): void {
		this.result = result;
		const { summary, findings } = result;
		const took = ((performance.now() - this.started) / 1000).toFixed(1);
		const refreshed = this.live !== null && !this.find('browser').hidden;
		if (this.live === null)
			this.say(
				`Analysed ${this.sourceName}: ${plural(summary.lineCount, 'line')}, ${plural(findings.length, 'finding')}, ` +
					`${plural(summary.problemCount, 'problem')} (${took} s).`,
				false,
			);
		this.find('results').hidden = false;
		this.find('browser').hidden = false;
		this.renderSummary(summary, result.stats);
		this.renderFindings(findings);
		this.renderFilters(summary);
		this.find('share').hidden = false;
		this.find('share-out').hidden = true;
		void this.applyFilter(-1);
		this.afterLiveRun?.();
		if (!refreshed)
			this.find('detail').replaceChildren(
				el('p', { class: 'hint' }, 'Select a line above to see it explained field by field.'),
			);
		// The charts are drawn in tasks of their own, so the summary appears without waiting.
		setTimeout(() => {
			if (this.result === result) this.drawCharts(result.series, 1);
		});
	}

	private renderSummary(summary: LogSummary, stats: LogStats): void {
		const facts = el('dl', { class: 'facts' });
		const fact = (term: string, ...value: (Node | string)[]) =>
			facts.append(el('dt', {}, term), el('dd', {}, ...value));
		fact('Lines', `${plural(summary.lineCount, 'line')} (${bytesText(summary.bytes)})`);
		fact('Go release', eraText(summary.era));
		fact('Time covered', timeCoveredText(summary));
		const procs = summary.gomaxprocs;
		fact(
			'GOMAXPROCS',
			procs.length === 0
				? 'Not printed (only schedtrace and gctrace lines print it).'
				: procs.length === 1
					? String(procs[0])
					: `${procs.join(', ')}: the value changed during the log, or the log mixes programs.`,
		);
		if (summary.dumps > 0) fact('scheddetail dumps', String(summary.dumps));
		for (const { label, value } of statFacts(stats)) fact(label, value);

		const table = el(
			'table',
			{ class: 'kind-counts' },
			el('caption', {}, 'Lines per kind'),
			el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Kind'), el('th', { scope: 'col' }, 'Lines'))),
		);
		const body = el('tbody');
		for (const kind of kindCodes) {
			const n = summary.kindCounts[kind];
			if (n === 0) continue;
			body.append(
				el(
					'tr',
					{},
					el('th', { scope: 'row' }, kind === 'other' ? 'other (not runtime output)' : kind),
					el('td', { 'data-kind-count': kind }, n.toLocaleString('en')),
				),
			);
		}
		table.append(body);

		const problems = el('div', { class: 'problems' });
		problems.append(el('h3', {}, 'Problems'));
		if (summary.problemCount === 0) {
			problems.append(el('p', {}, 'No problems: every line that looks like runtime output parses.'));
		} else {
			problems.append(
				el(
					'p',
					{},
					`${plural(summary.problemCount, 'line looks', 'lines look')} like runtime output but could not be read in full (cut off, or changed).`,
				),
			);
			const list = el('ul');
			for (const p of summary.problems.slice(0, maxListedProblems)) {
				// The words of problemText, with its "Line N" as a link to the line.
				const text = problemText(p, true);
				const lead = `Line ${p.line}`;
				list.append(el('li', {}, this.lineLink(p.line, lead), text.slice(lead.length)));
			}
			problems.append(list);
			if (summary.problemCount > maxListedProblems) {
				problems.append(
					el(
						'p',
						{},
						`The first ${maxListedProblems} are listed; “Problems only” in the line browser shows all of them.`,
					),
				);
			}
		}
		this.find('summary').replaceChildren(facts, ...this.pauseHistogram(stats), table, problems);
	}

	/** The pauses by length, as a table (with the percentiles' definition), or nothing without pauses. */
	private pauseHistogram(stats: LogStats): HTMLElement[] {
		const buckets = shownBuckets(stats.gc.pauseHistogram);
		if (buckets.length === 0) return [];
		const total = buckets.reduce((sum, b) => sum + b.count, 0);
		const body = el('tbody');
		for (const b of buckets) {
			body.append(
				el(
					'tr',
					{},
					el('th', { scope: 'row' }, bucketText(b)),
					el('td', {}, b.count.toLocaleString('en')),
					el('td', {}, `${Math.round((b.count / total) * 100)}%`),
				),
			);
		}
		const table = el(
			'table',
			{ class: 'pause-histogram' },
			el('caption', {}, 'Stop-the-world pauses by length'),
			el(
				'thead',
				{},
				el(
					'tr',
					{},
					el('th', { scope: 'col' }, 'Pause'),
					el('th', { scope: 'col' }, 'Cycles'),
					el('th', { scope: 'col' }, 'Share'),
				),
			),
			body,
		);
		return [table, el('p', { class: 'hint' }, percentileDefinition)];
	}

	private lineLink(lineNo: number, text = String(lineNo)): HTMLAnchorElement {
		return el('a', { href: `#line-${lineNo}`, 'data-line': String(lineNo) }, text);
	}

	private renderFindings(findings: Finding[]): void {
		const out = this.find('findings');
		if (findings.length === 0) {
			out.replaceChildren(
				el('p', {}, 'No findings: none of the rules listed under “What the findings look for” matched this log.'),
			);
			return;
		}
		out.replaceChildren(
			...findings.map((f) => {
				const words = findingWords(f, siteBase);
				// The lesson's title is on the page, in its list of rules; the browser has no lesson list.
				const lessonTitle = document
					.getElementById(`rule-${f.kind}`)
					?.querySelector('[data-rule-lesson]')
					?.textContent?.trim();
				const item = el(
					'article',
					{ class: 'finding', 'data-finding': f.kind },
					el('h3', {}, words.title),
					el('p', {}, words.message),
				);
				item.append(el('p', {}, 'Learn more: ', el('a', { href: words.lesson }, lessonTitle || 'the lesson')));
				if (words.fields.length > 0) {
					const fields = el('p', { class: 'finding-fields' }, 'Fields it reads: ');
					words.fields.forEach((field, i) => fields.append(i ? ', ' : '', el('a', { href: field.url }, field.label)));
					item.append(fields);
				}
				const lines = el('p', { class: 'finding-lines' }, `${words.linesLabel}: `);
				f.lines.forEach((n, i) => lines.append(i ? ', ' : '', this.lineLink(n)));
				if (words.more) lines.append(` and ${words.more}`);
				item.append(lines);
				return item;
			}),
		);
	}

	private renderFilters(summary: LogSummary): void {
		const box = this.find('kind-filters');
		box.replaceChildren(
			...kindCodes
				.filter((k) => summary.kindCounts[k] > 0)
				.map((k) =>
					el(
						'label',
						{},
						el('input', { type: 'checkbox', name: 'kind', value: k, checked: '' }),
						` ${k} (${summary.kindCounts[k].toLocaleString('en')})`,
					),
				),
		);
		const problemsOnly = this.find<HTMLInputElement>('problems-only');
		problemsOnly.checked = false;
		problemsOnly.disabled = summary.problemCount === 0;
	}

	private filter(): { kinds: LineKind[]; problemsOnly: boolean } {
		const kinds = [...this.find('kind-filters').querySelectorAll<HTMLInputElement>('input:checked')].map(
			(i) => i.value as LineKind,
		);
		return { kinds, problemsOnly: this.find<HTMLInputElement>('problems-only').checked };
	}

	private async applyFilter(active: number): Promise<number> {
		const count = await this.request<number>({ type: 'filter', ...this.filter() });
		this.find('lines-count').textContent = `${plural(count, 'line')} shown`;
		this.browser.reset({ rows: this.rows }, count, active);
		return count;
	}

	/** Selects line `lineNo` in the line browser, showing every line if the filter hides it. */
	private async selectLine(lineNo: number): Promise<void> {
		if (!this.result) return;
		let index = await this.request<number>({ type: 'locate', lineNo });
		if (index < 0) {
			for (const box of this.find('filters').querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
				box.checked = box.name === 'kind';
			}
			await this.applyFilter(-1);
			index = lineNo - 1;
		}
		this.find('browser').scrollIntoView({ block: 'start' });
		this.browser.show(index, true);
	}

	private async showLine(lineNo: number): Promise<void> {
		const line = await this.request<{ text: string; cut: boolean } | null>({ type: 'line', lineNo });
		const detail = this.find('detail');
		if (!line) return;
		const element = document.createElement('trace-line');
		element.innerHTML = renderTraceLine(parseLine(line.text), {
			id: `line${lineNo}`,
			source: `${this.sourceName}, line ${lineNo}`,
		});
		detail.replaceChildren(el('h3', {}, `Line ${lineNo}`), element);
		if (line.cut) detail.append(el('p', { class: 'hint' }, 'This line is very long; only its beginning is shown.'));
	}

	// ---- sharing ------------------------------------------------------------------------

	private async share(): Promise<void> {
		const out = this.find('share-out');
		const message = this.find('share-message');
		const field = this.find<HTMLInputElement>('share-url');
		const fieldLabel = this.find('share-link');
		out.hidden = false;
		fieldLabel.hidden = true;
		const blob = this.blob;
		if (!blob) return;
		const tooLarge = (size: string) =>
			`This log is too large to share in a link: it would need ${size} in the address, and links longer than ` +
			`${maxFragmentChars / 1024} KB get cut off by browsers, chat apps and mail. Share the file itself instead.`;
		if (blob.size > maxShareBytes) {
			message.textContent = tooLarge(`far more than ${maxFragmentChars / 1024} KB`);
			return;
		}
		message.textContent = 'Making the link…';
		const encoded = await encodeLog(await blob.text());
		const fragment = `#${fragmentKey}=${encoded}`;
		if (fragment.length > maxFragmentChars) {
			message.textContent = tooLarge(bytesText(fragment.length));
			return;
		}
		await showShareLink(
			fragment,
			{ field, fieldLabel, message },
			'The log travels in the part of the address after #, which browsers never send to a server; anyone who opens it sees this analysis.',
		);
	}
}
