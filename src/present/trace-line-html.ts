/**
 * Builds the annotated-line markup as an HTML string, so the build (`TraceLine.astro`) and the
 * browser (`/explain/`) render exactly the same thing. Every piece of the line is escaped:
 * whatever a reader pastes is shown as text, never as markup.
 */
import { describeEra, fieldCategory, formatTokenValue, getField, type ParsedLine, type Token } from '../trace/index.ts';
import { escapeHtml, proseHtml } from './html.ts';
import { fieldUrl } from './urls.ts';

let count = 0;

/** A fresh id prefix for one annotated line; the build renders pages one at a time, so a counter is unique per page. */
export function nextTraceLineId(): string {
	count += 1;
	return `tl${count}`;
}

export interface RenderOptions {
	/** Prefix for element ids; unique on the page. */
	id: string;
	/** Where the line comes from, shown in the caption (a capture file and line, or "pasted"). */
	source?: string;
	/** URL of the source, when it has one. */
	sourceHref?: string;
	/** Field shown as selected on arrival. */
	focus?: string;
	/**
	 * Put the field list behind a disclosure (lessons, illustrations); the field in `focus`, if
	 * any, is then explained under the line on its own.
	 */
	collapsed?: boolean;
	/** The site's base path, for the links to field pages; `/` when not given. */
	base?: string;
}

function tokenLabel(token: Token): string {
	const field = token.key ? getField(token.key) : undefined;
	return field ? field.label : 'Unrecognised text';
}

/** The `<code>` line: fields as links to their explanations, the fixed text between them as text. */
function renderCode(parsed: ParsedLine, opts: RenderOptions): string {
	const { text, tokens } = parsed;
	let html = '';
	let pos = 0;
	const problemAt = parsed.problem ? parsed.problem.column - 1 : -1;
	tokens.forEach((token, i) => {
		if (token.start > pos) html += escapeHtml(text.slice(pos, token.start));
		const field = token.key ? getField(token.key) : undefined;
		const category = field ? fieldCategory(field) : 'unknown';
		const value = formatTokenValue(token, field);
		const problem = token.key === null && token.start === problemAt ? ' is-problem' : '';
		// A field printed empty (`preemptoff=`) has no text: CSS draws a marker in its place, which
		// is neither copied nor part of the line's text, so the line still reads as printed.
		const empty = token.start === token.end ? ' tok-empty' : '';
		const classes = `tok tf-${category}${empty}${problem}${token.key === opts.focus ? ' is-selected' : ''}`;
		html +=
			`<a class="${classes}" href="#${opts.id}-f${i}" id="${opts.id}-t${i}" data-index="${i}"` +
			`${token.key ? ` data-key="${token.key}"` : ''}` +
			` aria-label="${escapeHtml(`${tokenLabel(token)}: ${value}`)}"` +
			` aria-describedby="${opts.id}-m${i}">${escapeHtml(token.text)}</a>`;
		pos = token.end;
	});
	if (pos < text.length) html += escapeHtml(text.slice(pos));
	if (problemAt >= text.length) html += '<span class="problem-end" aria-hidden="true"></span>';
	return html;
}

/** A field's name (linking its page), its value as printed and its meaning: a row of the list, or the focused field. */
function fieldParts(token: Token, opts: RenderOptions): { name: string; value: string; meaning: string } {
	const field = token.key ? getField(token.key) : undefined;
	return {
		name: field
			? `<a href="${escapeHtml(fieldUrl(field.key, opts.base))}">${escapeHtml(field.label)}</a>`
			: 'Unrecognised text',
		value: `<code class="field-value">${escapeHtml(formatTokenValue(token, field))}</code>`,
		meaning: field
			? proseHtml(field.summary)
			: 'The parser does not know this text: it may come from a newer Go release, or the line was damaged.',
	};
}

/** The list of the line's fields in print order, each with its value, meaning and page. */
function renderFields(parsed: ParsedLine, opts: RenderOptions): string {
	if (parsed.tokens.length === 0) return '';
	const items = parsed.tokens.map((token, i) => {
		const { name, value, meaning } = fieldParts(token, opts);
		const selected = token.key === opts.focus ? ' is-selected' : '';
		return (
			`<div class="field${selected}" id="${opts.id}-f${i}" data-index="${i}"${token.key ? ` data-key="${token.key}"` : ''}>` +
			`<dt><span class="field-name">${name}</span> ${value}</dt>` +
			`<dd id="${opts.id}-m${i}">${meaning}</dd></div>`
		);
	});
	const list = `<dl class="trace-fields">${items.join('')}</dl>`;
	return opts.collapsed
		? `<details class="trace-fields-more"><summary>What each of its ${items.length} fields means</summary>${list}</details>`
		: list;
}

/**
 * The focused field of a collapsed line, explained under it: what a lesson's paragraph is about,
 * without the whole list. `<trace-line>` redraws it from the list's row when another field is chosen.
 */
function renderFocusedField(parsed: ParsedLine, opts: RenderOptions): string {
	const i = parsed.tokens.findIndex((t) => t.key !== null && t.key === opts.focus);
	if (i < 0) return '';
	const { name, value, meaning } = fieldParts(parsed.tokens[i], opts);
	return (
		`<div class="trace-focus" id="${opts.id}-focus" data-index="${i}" data-key="${parsed.tokens[i].key}">` +
		`<p class="trace-focus-name"><span class="field-name">${name}</span> ${value}</p>` +
		`<p class="trace-focus-meaning">${meaning}</p></div>`
	);
}

function renderCaption(parsed: ParsedLine, opts: RenderOptions): string {
	const parts: string[] = [];
	if (parsed.kind === 'other') parts.push('Not runtime trace output');
	else parts.push(`<code>${parsed.kind}</code>`, escapeHtml(parsed.era ? describeEra(parsed.era) : ''));
	if (opts.source) {
		parts.push(
			opts.sourceHref
				? `<a href="${escapeHtml(opts.sourceHref)}">${escapeHtml(opts.source)}</a>`
				: escapeHtml(opts.source),
		);
	}
	return parts.filter(Boolean).join(' · ');
}

function renderProblem(parsed: ParsedLine): string {
	if (parsed.problem) {
		const { column, message } = parsed.problem;
		return `<p class="trace-problem" role="note"><strong>Problem at column ${column}:</strong> ${escapeHtml(message)}</p>`;
	}
	if (parsed.kind === 'other') {
		return (
			'<p class="trace-note" role="note">This line is not runtime trace output: the Go runtime ' +
			'never prints a line that starts like this. It may be the program’s own log output on standard error.</p>'
		);
	}
	return '';
}

/** The whole annotated line: code, caption, problem note, the focused field of a collapsed line, and field list. */
export function renderTraceLine(parsed: ParsedLine, opts: RenderOptions): string {
	return (
		// Search finds explanations, not every page that happens to show an example line.
		`<div class="trace-line" data-pagefind-ignore="all">` +
		// A figcaption must be the first or last child of its figure: the figure is the line and its caption.
		`<figure aria-labelledby="${opts.id}-cap">` +
		`<div class="trace-code-wrap"><code class="trace-code">${renderCode(parsed, opts)}</code></div>` +
		`<figcaption id="${opts.id}-cap">${renderCaption(parsed, opts)}</figcaption>` +
		'</figure>' +
		renderProblem(parsed) +
		(opts.collapsed ? renderFocusedField(parsed, opts) : '') +
		renderFields(parsed, opts) +
		'</div>'
	);
}
