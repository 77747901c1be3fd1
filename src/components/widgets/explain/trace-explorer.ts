/**
 * `<trace-explorer>`: annotates pasted lines as the reader types, in the browser. The text
 * travels in the page address (`?line=`) so the view can be shared, and `#field=<key>` selects
 * a field on arrival. Long pastes stay responsive: only the first lines are drawn, and the text
 * goes through the core's log analysis in slices between frames so typing never waits for it.
 * Lines are numbered as the CLI and the analyzer number them: a blank line is a line.
 */
import { createLogAnalysis, type Era, type LogLine, type LogSummary } from '../../../trace/index.ts';
import { eraText } from '../../../present/summary.ts';
import { renderTraceLine } from '../trace-line/site-trace-line-html.ts';
import '../trace-line/trace-line.ts';

/** Lines drawn annotated; more belong in the log analyzer. */
const MAX_DRAWN_LINES = 100;
/** Longer text is not put in the page address (links stay usable). */
const MAX_SHARED_CHARS = 4000;
/**
 * The most text read from an address: what links are made with, plus a margin. A longer
 * `?line=` cannot come from this page, and is refused before it is decoded or parsed.
 */
const MAX_LINK_CHARS = MAX_SHARED_CHARS + 1000;
/** Percent-encoded, a character takes at most 9 characters of the address (3 UTF-8 bytes). */
const MAX_LINK_QUERY_CHARS = MAX_LINK_CHARS * 9 + 64;
/** Larger pastes are refused with a message instead of parsed. */
const MAX_CHARS = 20 * 1024 * 1024;
/** Characters analysed between frames. */
const SLICE_CHARS = 256 * 1024;

class TraceExplorer extends HTMLElement {
	private input!: HTMLTextAreaElement;
	private results!: HTMLElement;
	private status!: HTMLElement;
	private timer = 0;
	private generation = 0;
	private tooLongToShare = false;

	connectedCallback(): void {
		this.input = this.querySelector('textarea')!;
		this.results = this.querySelector('.explain-results')!;
		this.status = this.querySelector('.explain-status')!;
		this.querySelector('form')!.addEventListener('submit', (e) => {
			e.preventDefault();
			this.update(true);
		});
		this.input.addEventListener('input', () => {
			clearTimeout(this.timer);
			this.timer = window.setTimeout(() => this.update(true), 150);
		});
		const line = this.lineFromAddress();
		if (line !== null) {
			this.input.value = line;
			this.update(false);
		} else if (this.input.value !== '') {
			// Typed (or submitted) while this script was loading.
			this.update(true);
		}
	}

	/** The address's `?line=`, or null (with a message) when it holds more than a link may. */
	private lineFromAddress(): string | null {
		const tooLarge = (size: string): null => {
			this.say(
				`This link holds more than a shared link may: ${size} of text, and this page reads at most ` +
					`${MAX_LINK_CHARS.toLocaleString('en')} characters from a link. Paste the lines instead.`,
			);
			return null;
		};
		if (location.search.length > MAX_LINK_QUERY_CHARS) {
			return tooLarge(`${Math.round(location.search.length / 1024).toLocaleString('en')} KB`);
		}
		const line = new URLSearchParams(location.search).get('line');
		if (line !== null && line.length > MAX_LINK_CHARS) {
			return tooLarge(`${line.length.toLocaleString('en')} characters`);
		}
		return line;
	}

	private update(updateAddress: boolean): void {
		const generation = ++this.generation;
		const text = this.input.value;
		if (updateAddress) this.share(text);
		this.results.replaceChildren();
		if (text.length > MAX_CHARS) {
			this.say(
				`That is ${(text.length / 1048576).toFixed(1)} MB of text; this page explains up to ${MAX_CHARS / 1048576} MB. ` +
					'Paste fewer lines.',
			);
			return;
		}
		if (text.trim() === '') {
			this.say('');
			return;
		}
		this.analyze(text, generation);
	}

	/**
	 * Runs the text through the core's analysis a slice at a time, drawing the first lines that
	 * are not blank as they are read, then says what the whole text is.
	 */
	private analyze(text: string, generation: number): void {
		let shown = 0; // lines with text, drawn or not
		let toDraw: LogLine[] = [];
		const analysis = createLogAnalysis({
			onLine: (line) => {
				if (line.text.trim() === '') return;
				if (shown++ < MAX_DRAWN_LINES) toDraw.push(line);
			},
		});
		const draw = () => {
			for (const line of toDraw) {
				const element = document.createElement('trace-line');
				element.setAttribute('data-arrival', '');
				const i = this.results.childElementCount;
				element.innerHTML = renderTraceLine(line, { id: `x${i}`, source: `pasted line ${line.lineNo}` });
				this.results.append(element);
			}
			toDraw = [];
		};
		let read = 0;
		const step = () => {
			if (generation !== this.generation) return;
			const end = Math.min(read + SLICE_CHARS, text.length);
			analysis.push(text.slice(read, end));
			read = end;
			draw();
			if (read < text.length) {
				this.say(`Reading… ${Math.floor((read / text.length) * 100)}% of the text so far.`);
				setTimeout(step, 0);
				return;
			}
			const { summary } = analysis.end();
			draw();
			this.say(this.summary(summary, shown));
		};
		step();
	}

	/** `shown`: the lines with text, of which the first `MAX_DRAWN_LINES` are drawn. */
	private summary(summary: LogSummary, shown: number): string {
		const total = summary.lineCount;
		const runtime = total - summary.kindCounts.other;
		const problems = summary.problemCount;
		const era: Era | null = summary.era;
		const lines = `${total} ${total === 1 ? 'line' : 'lines'}`;
		const parts = [
			runtime === total
				? `${lines} of runtime trace output.`
				: `${lines}, ${runtime === 0 ? 'none' : runtime} of them runtime trace output.`,
		];
		if (era !== null) parts.push(eraText(era));
		if (problems > 0)
			parts.push(`${problems} ${problems === 1 ? 'line has' : 'lines have'} a problem (shown below each line).`);
		if (shown > MAX_DRAWN_LINES) parts.push(`Showing the first ${MAX_DRAWN_LINES} lines.`);
		if (this.tooLongToShare)
			parts.push('This text is too long to carry in a link, so the page address does not include it.');
		return parts.join(' ');
	}

	private share(text: string): void {
		const url = new URL(location.href);
		this.tooLongToShare = text.length > MAX_SHARED_CHARS;
		if (text === '' || this.tooLongToShare) url.searchParams.delete('line');
		else url.searchParams.set('line', text);
		history.replaceState(null, '', url);
	}

	private say(message: string): void {
		this.status.textContent = message;
	}
}

if (!customElements.get('trace-explorer')) customElements.define('trace-explorer', TraceExplorer);
