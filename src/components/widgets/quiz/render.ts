/**
 * One quiz question as complete HTML: used at build time (`QuizQuestion.astro`, through
 * `set:html`) and in the browser (practice sets), so both render the same thing. Without
 * JavaScript the question reads fully and its answer opens from a native disclosure; the
 * controls that need a script (Check, Try again, the feedback) are hidden until `<trace-quiz>`
 * shows them. All text is escaped.
 */
import {
	getField,
	parseLine,
	type FieldKey,
	type Question,
	type SpotQuestion,
	type Token,
} from '../../../trace/index.ts';
import { escapeHtml, proseHtml } from '../../../present/html.ts';
import { fieldUrl } from '../../../present/urls.ts';

export interface QuestionRenderOptions {
	/** 1-based position in its quiz, shown in the legend. */
	number: number;
	/** The quiz's id: radio groups and element ids are unique per quiz and question. */
	quizId: string;
	/** The site's base path, for links to field pages; `/` when not given. */
	base?: string;
}

/** Element id prefix of a question (also the radio group's name). */
function questionDomId(quizId: string, questionId: string): string {
	return `quiz-${quizId}-${questionId}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** Links to the question's fields, as an inline list. */
function fieldLinksHtml(fields: readonly FieldKey[], base = '/'): string {
	return fields
		.map((key) => `<a href="${escapeHtml(fieldUrl(key, base))}">${escapeHtml(getField(key)?.label ?? key)}</a>`)
		.join(', ');
}

/** The right answer in words, plain text (for the disclosure, feedback and answer keys). */
export function answerText(question: Question): string {
	switch (question.type) {
		case 'choice':
			return question.options.find((o) => o.id === question.answer)?.text ?? question.answer;
		case 'spot': {
			const token = parseLine(question.line).tokens.find((t) => t.key === question.answer);
			const label = getField(question.answer)?.label ?? question.answer;
			return token ? `“${token.text}”: ${label}` : label;
		}
		case 'numeric':
			return `${question.answer}${question.unit === '%' || question.unit === '' ? question.unit : ` ${question.unit}`}`;
	}
}

/** A real line as plain text, in the trace-line frame. */
function plainLine(line: string): string {
	return `<div class="trace-code-wrap quiz-line"><code class="trace-code">${escapeHtml(line)}</code></div>`;
}

/**
 * A spot question's line: every field token is a radio button whose label is the token's own
 * text, in place, so choosing a part of the line is the answer. Text the parser does not know,
 * and the fixed text between fields, stay plain text.
 */
function spotLine(question: SpotQuestion, name: string): string {
	const { text, tokens } = parseLine(question.line);
	// A field printed empty has no text to click on, so it is not a choice.
	const isChoice = (t: Token) => t.key !== null && t.end > t.start;
	const choices = tokens.filter(isChoice);
	let html = '';
	let pos = 0;
	let n = 0;
	for (const token of tokens) {
		if (token.start > pos) html += escapeHtml(text.slice(pos, token.start));
		if (!isChoice(token) || token.key === null) {
			html += escapeHtml(token.text);
		} else {
			n++;
			// The fixed text just before the field (`runqueue=`), so a screen reader hears where it is.
			const before = text.slice(pos, token.start).trim().slice(-20);
			const context = `part ${n} of ${choices.length}${before ? `, after “${before}”` : ''}`;
			html +=
				`<label class="quiz-tok"><input type="radio" name="${name}" value="${escapeHtml(token.key)}">` +
				`${escapeHtml(token.text)}<span class="visually-hidden"> (${escapeHtml(context)})</span></label>`;
		}
		pos = token.end;
	}
	if (pos < text.length) html += escapeHtml(text.slice(pos));
	return `<div class="trace-code-wrap quiz-line"><code class="trace-code quiz-spot">${html}</code></div>`;
}

function choiceOptions(question: Question & { type: 'choice' }, name: string): string {
	const items = question.options.map(
		(o) =>
			`<li><label><input type="radio" name="${name}" value="${escapeHtml(o.id)}"> <span>${proseHtml(o.text)}</span></label></li>`,
	);
	return `<ul class="quiz-options">${items.join('')}</ul>`;
}

function numericInput(question: Question & { type: 'numeric' }, dom: string): string {
	const unit = question.unit ? `<span class="quiz-unit" id="${dom}-unit">${escapeHtml(question.unit)}</span>` : '';
	return (
		`<p class="quiz-numeric"><label for="${dom}-input">Your answer</label> ` +
		`<input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" id="${dom}-input" name="${dom}"` +
		`${question.unit ? ` aria-describedby="${dom}-unit"` : ''}> ${unit}</p>`
	);
}

/** What `<trace-quiz>` reads from a rendered question. */
export interface QuestionPayload {
	question: Question;
	/** Catalogue labels of the question's fields and of every part of its line, for feedback. */
	labels: Record<string, string>;
	/** The right answer in words. */
	answer: string;
}

/** The question's data for `<trace-quiz>`, safe inside a script element. */
function dataScript(question: Question): string {
	const keys = new Set<string>(question.fields);
	if (question.line) for (const t of parseLine(question.line).tokens) if (t.key) keys.add(t.key);
	const labels = Object.fromEntries([...keys].map((k) => [k, getField(k)?.label ?? k]));
	const payload: QuestionPayload = { question, labels, answer: answerText(question) };
	const json = JSON.stringify(payload)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
	return `<script type="application/json" class="quiz-data">${json}</script>`;
}

/** One question: fieldset and legend, its line, its controls, and the answer behind a disclosure. */
export function renderQuestion(question: Question, options: QuestionRenderOptions): string {
	const dom = questionDomId(options.quizId, question.id);
	let body = '';
	if (question.type === 'spot') body = spotLine(question, dom);
	else if (question.line) body = plainLine(question.line);
	if (question.type === 'choice') body += choiceOptions(question, dom);
	if (question.type === 'numeric') body += numericInput(question, dom);
	const fields = question.fields.length
		? `<p class="quiz-fields">More about ${question.fields.length > 1 ? 'these fields' : 'this field'}: ${fieldLinksHtml(question.fields, options.base)}</p>`
		: '';
	return (
		`<div class="quiz-question" id="${dom}" data-question-id="${escapeHtml(question.id)}" data-type="${question.type}">` +
		`<fieldset><legend><span class="quiz-number">Question ${options.number}.</span> ${proseHtml(question.prompt)}</legend>` +
		body +
		`<div class="quiz-actions" hidden data-script-output><button type="button" class="button button-primary quiz-check">Check</button>` +
		` <button type="button" class="button quiz-retry" hidden>Try again</button></div>` +
		`<div class="quiz-feedback" role="status" aria-live="polite" data-script-output></div>` +
		`<details class="quiz-answer"><summary>Show the answer</summary>` +
		`<p><strong>Answer:</strong> ${proseHtml(answerText(question))}</p>` +
		`<p>${proseHtml(question.explanation)}</p>${fields}</details>` +
		`</fieldset>${dataScript(question)}</div>`
	);
}
