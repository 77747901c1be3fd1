/**
 * `<compare-runs>`: the /analyze/ page's "Compare two runs". Reads the two logs (a chosen file,
 * or pasted text), runs the core's one analysis on each, compares them (`compareAnalyses`) and
 * shows the measures as a table, the verdict in words and both runs' charts overlaid. The logs
 * are read here, in the page: comparing is for runs of a few MB, not the analyzer's gigabytes.
 * Two small logs can be shared in one link (`#before=…&after=…`, share.ts), which this element
 * opens when the page is loaded with one.
 */
import { compareAnalyses, createLogAnalysis, describeEra, type LogAnalysis } from '~/trace/index.ts';
import {
	betterText,
	changeText,
	directionText,
	measureLabels,
	measureValueText,
	toleranceText,
	verdictText,
} from '~/present/compare.ts';
import { bytesText, noTraceText, plural } from '~/present/summary.ts';
import { el } from '~/components/shared/element.ts';
import { showShareLink } from './share-link.ts';
import {
	comparisonFromFragment,
	decodeComparison,
	encodeComparison,
	LinkTooLarge,
	maxFragmentChars,
	maxShareBytes,
} from './share.ts';

/** The largest log each side takes: the analysis runs on the page's own thread. */
const maxCompareBytes = 50 * 1024 * 1024;

const roles = ['before', 'after'] as const;
type Role = (typeof roles)[number];

interface Run {
	name: string;
	analysis: LogAnalysis;
}

class CompareRuns extends HTMLElement {
	private charts: { destroy(): void } | null = null;
	/** The two logs last compared, for a share link. */
	private compared: { before: string; after: string } | null = null;

	private find<T extends HTMLElement = HTMLElement>(name: string): T {
		return this.querySelector<T>(`[data-part="${name}"]`)!;
	}

	private say(message: string, problem = false): void {
		const status = this.find('compare-status');
		status.textContent = message;
		status.classList.toggle('is-problem', problem);
	}

	connectedCallback(): void {
		const form = this.find<HTMLFormElement>('compare-form');
		form.hidden = false;
		form.addEventListener('submit', (e) => {
			e.preventDefault();
			void this.compareInputs();
		});
		// A file dropped on one side's box is that side's log, not the analyzer's.
		for (const role of roles) {
			const box = this.find(`compare-${role}-file`).closest('fieldset')!;
			box.addEventListener('dragover', (e) => e.preventDefault());
			box.addEventListener('drop', (e) => {
				e.preventDefault();
				e.stopPropagation();
				const files = e.dataTransfer?.files;
				if (files?.length) this.find<HTMLInputElement>(`compare-${role}-file`).files = files;
			});
		}
		this.find('compare-example').addEventListener('click', () => void this.compareExample());
		this.find('compare-share').addEventListener('click', () => void this.share());
		const openFragment = () => {
			if (comparisonFromFragment(location.hash) !== null) void this.openFragment();
		};
		window.addEventListener('hashchange', openFragment);
		openFragment();
	}

	/** A link made by `share`: both logs into their boxes, then compared. */
	private async openFragment(): Promise<void> {
		const values = comparisonFromFragment(location.hash);
		if (values === null) return;
		this.scrollIntoView({ block: 'start' });
		try {
			const logs = await decodeComparison(values);
			for (const role of roles) this.find<HTMLTextAreaElement>(`compare-${role}-text`).value = logs[role];
			this.compare(
				roles.map((role) => ({ name: `the shared ${role} log`, text: logs[role] })),
				true,
			);
		} catch (error) {
			this.find('compare-results').hidden = true;
			if (error instanceof LinkTooLarge) this.say(error.message, true);
			else
				this.say(
					`This link carries logs that cannot be read: ${(error as Error).message}. Ask for a new link, or give this section the two logs.`,
					true,
				);
		}
	}

	private async share(): Promise<void> {
		const out = this.find('compare-share-out');
		const message = this.find('compare-share-message');
		const field = this.find<HTMLInputElement>('compare-share-url');
		const fieldLabel = this.find('compare-share-link');
		out.hidden = false;
		fieldLabel.hidden = true;
		const logs = this.compared;
		if (!logs) return;
		const tooLarge = (size: string) =>
			`These logs are too large to share in a link: together they would need ${size} in the address, and links ` +
			`longer than ${maxFragmentChars / 1024} KB get cut off by browsers, chat apps and mail. Share the two files instead.`;
		const bytes = new Blob([logs.before, logs.after]).size;
		if (bytes > maxShareBytes) {
			message.textContent = tooLarge(`far more than ${maxFragmentChars / 1024} KB`);
			return;
		}
		message.textContent = 'Making the link…';
		const fragment = await encodeComparison(logs);
		if (fragment.length > maxFragmentChars) {
			message.textContent = tooLarge(bytesText(fragment.length));
			return;
		}
		await showShareLink(
			fragment,
			{ field, fieldLabel, message },
			'Both logs travel in the part of the address after #, which browsers never send to a server; anyone who opens it sees this comparison.',
		);
	}

	/** The text of one side: its chosen file, else its pasted text; a sentence when it has none. */
	private async input(role: Role): Promise<{ name: string; text: string } | string> {
		const file = this.find<HTMLInputElement>(`compare-${role}-file`).files?.[0];
		if (file) {
			if (file.size > maxCompareBytes)
				return `${file.name} is ${bytesText(file.size)}: comparing takes logs up to ${bytesText(maxCompareBytes)} each. Analyze it above, or compare with the CLI.`;
			return { name: file.name, text: await file.text() };
		}
		const text = this.find<HTMLTextAreaElement>(`compare-${role}-text`).value;
		if (text.trim() === '') return `No log for “${role}”: choose a file or paste its text.`;
		return { name: `the pasted ${role} text`, text };
	}

	private async compareInputs(): Promise<void> {
		const inputs = await Promise.all(roles.map((role) => this.input(role)));
		const problem = inputs.find((i) => typeof i === 'string');
		if (problem !== undefined) return this.say(problem, true);
		this.compare(inputs as { name: string; text: string }[]);
	}

	private async compareExample(): Promise<void> {
		this.say('Fetching the two example captures…');
		try {
			const urls = [this.dataset.exampleBefore!, this.dataset.exampleAfter!];
			const texts = await Promise.all(
				urls.map(async (url) => {
					const response = await fetch(url);
					if (!response.ok) throw new Error(`${url}: ${response.status}`);
					return { name: url.split('/').at(-1)!, text: await response.text() };
				}),
			);
			this.compare(texts);
		} catch (error) {
			this.say(
				`The examples could not be fetched (${(error as Error).message}). Check the connection and try again.`,
				true,
			);
		}
	}

	private compare(inputs: { name: string; text: string }[], fromLink = false): void {
		const runs: Run[] = [];
		for (const { name, text } of inputs) {
			const analysis = createLogAnalysis();
			analysis.push(text);
			const result = analysis.end();
			if (result.summary.lineCount === result.summary.kindCounts.other)
				return this.say(noTraceText(result.summary.lineCount, name), true);
			runs.push({ name, analysis: result });
		}
		const [before, after] = runs as [Run, Run];
		this.compared = { before: inputs[0]!.text, after: inputs[1]!.text };
		// An address still carrying other logs would reopen those, not these.
		if (!fromLink && comparisonFromFragment(location.hash) !== null)
			history.replaceState(null, '', location.pathname + location.search);
		this.find('compare-share-out').hidden = true;
		const comparison = compareAnalyses(before.analysis, after.analysis);
		this.say(`Compared ${before.name} (before) with ${after.name} (after).`);
		this.find('compare-runs').replaceChildren(this.runList(before, after));
		this.find('compare-table').replaceChildren(this.table(comparison), el('p', { class: 'hint' }, toleranceText));
		this.find('compare-verdict').replaceChildren(...verdictText(comparison).map((p) => el('p', {}, p)));
		this.find('compare-results').hidden = false;
		this.charts?.destroy();
		this.charts = null;
		const chartsRoot = this.find('compare-charts');
		chartsRoot.replaceChildren(el('p', {}, 'Drawing the charts…'));
		// The charts' code is fetched on first use; the table and verdict do not wait for it.
		void import('./compare-charts.ts').then(
			(module) => {
				this.charts = module.drawComparisonCharts(chartsRoot, before.analysis.series, after.analysis.series);
			},
			(error: unknown) =>
				chartsRoot.replaceChildren(el('p', {}, `The charts could not be loaded: ${(error as Error).message}`)),
		);
	}

	private runList(before: Run, after: Run): HTMLElement {
		const list = el('dl', { class: 'facts' });
		for (const [role, run] of [
			['Before', before],
			['After', after],
		] as const) {
			const { summary } = run.analysis;
			const procs = summary.gomaxprocs.length
				? `GOMAXPROCS ${summary.gomaxprocs.join(', ')}`
				: 'GOMAXPROCS not printed';
			const era = summary.era && summary.era.length ? describeEra(summary.era) : 'lines of several Go releases';
			list.append(
				el('dt', {}, role),
				el('dd', {}, `${run.name}: ${plural(summary.lineCount, 'line')}, ${era}, ${procs}`),
			);
		}
		return list;
	}

	private table(comparison: ReturnType<typeof compareAnalyses>): HTMLTableElement {
		const head = el(
			'tr',
			{},
			...['Measure', 'Before', 'After', 'Change', 'Better if', 'Verdict'].map((h) => el('th', { scope: 'col' }, h)),
		);
		const body = el('tbody');
		for (const m of comparison.measures) {
			body.append(
				el(
					'tr',
					{ 'data-measure': m.key, 'data-direction': m.direction },
					el('th', { scope: 'row' }, measureLabels[m.key]),
					el('td', { class: 'num' }, measureValueText(m.unit, m.before)),
					el('td', { class: 'num' }, measureValueText(m.unit, m.after)),
					el('td', { class: 'num' }, changeText(m)),
					el('td', {}, betterText(m)),
					el('td', {}, directionText(m.direction)),
				),
			);
		}
		return el('table', {}, el('caption', {}, 'The measures, before and after'), el('thead', {}, head), body);
	}
}

if (!customElements.get('compare-runs')) customElements.define('compare-runs', CompareRuns);
