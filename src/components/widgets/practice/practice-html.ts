/**
 * HTML for practice sets and worksheets, built the same way at build time (the set shown without
 * JavaScript) and in the browser (every other set). DOM-free; all text is escaped.
 */
import type { FieldKey, Question, QuizTopic } from '../../../trace/index.ts';
import { answerText, renderQuestion } from '../quiz/render.ts';
import { escapeHtml, proseHtml } from '../../../present/html.ts';

export interface SetDescription {
	seed: string;
	topics: readonly QuizTopic[];
	count: number;
	weights?: Readonly<Record<string, number>>;
	/** A review set asks only about these fields (the ones due). */
	only?: readonly FieldKey[];
}

/** Topic names as readers see them. */
export const topicNames: Record<QuizTopic, string> = {
	scheduler: 'scheduler (schedtrace)',
	gc: 'garbage collector (gctrace)',
	pacer: 'GC pacer (gcpacertrace)',
	detail: 'detailed scheduler dump (scheddetail)',
};

function list(items: readonly string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "10 questions on the scheduler (schedtrace) and …". */
export function describeSet(set: SetDescription, questions: number): string {
	return `${questions} ${questions === 1 ? 'question' : 'questions'} on the ${list(set.topics.map((t) => topicNames[t]))}`;
}

/** Saved answers belong to one set: its seed, topics, count and focus. */
export function practiceQuizId(set: SetDescription): string {
	const focus = Object.entries(set.weights ?? {})
		.map(([k, n]) => `${k}:${n}`)
		.join(',');
	let hash = 0;
	for (const c of focus) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) | 0;
	return `practice-${set.seed}-${set.topics.join('.')}-${set.count}${focus ? `-f${(hash >>> 0).toString(36)}` : ''}`;
}

/** A practice set as one `<trace-quiz>`: heading, questions, score and reset. */
export function practiceSetHtml(set: SetDescription, questions: readonly Question[], base = '/'): string {
	const quizId = practiceQuizId(set);
	const focused = Object.keys(set.weights ?? {}).length
		? ' Fields you missed before come up more often in this set.'
		: '';
	return (
		`<trace-quiz class="quiz practice-quiz" data-quiz-id="${escapeHtml(quizId)}">` +
		`<h2 class="practice-set-heading" tabindex="-1">Set “${escapeHtml(set.seed)}”</h2>` +
		`<p class="practice-set-about">${escapeHtml(describeSet(set, questions.length))}, drawn from real captures.${focused}</p>` +
		questions.map((q, i) => renderQuestion(q, { number: i + 1, quizId, base })).join('') +
		`<div class="quiz-summary"><p class="quiz-score" role="status"></p>` +
		`<p class="quiz-notice" role="status"></p>` +
		`<button type="button" class="button quiz-reset" hidden>Reset this set’s answers</button></div>` +
		`</trace-quiz>`
	);
}

function worksheetQuestion(q: Question): string {
	const line = q.line
		? `<div class="trace-code-wrap ws-line"><code class="trace-code">${escapeHtml(q.line)}</code></div>`
		: '';
	let answer: string;
	if (q.type === 'choice') {
		answer = `<ol class="ws-options" type="a">${q.options.map((o) => `<li>${proseHtml(o.text)}</li>`).join('')}</ol>`;
	} else if (q.type === 'spot') {
		answer = '<p class="ws-hint">Underline that part of the line.</p>';
	} else {
		answer = `<p class="ws-blank">Answer: <span class="ws-space" aria-hidden="true"></span>${q.unit ? ` ${escapeHtml(q.unit)}` : ''}</p>`;
	}
	return `<li class="ws-question"><p class="ws-prompt">${proseHtml(q.prompt)}</p>${line}${answer}</li>`;
}

function keyEntry(q: Question): string {
	const option = q.type === 'choice' ? `(${q.answer}) ` : '';
	return `<li><p><strong>${escapeHtml(option + answerText(q))}</strong></p><p>${proseHtml(q.explanation)}</p></li>`;
}

/** A printable worksheet: numbered questions with room to answer, then the answer key on a page of its own. */
export function worksheetHtml(set: SetDescription, questions: readonly Question[]): string {
	return (
		`<section class="ws-sheet" aria-labelledby="ws-questions-heading">` +
		`<h2 id="ws-questions-heading">Questions</h2>` +
		`<p class="ws-about">Set “${escapeHtml(set.seed)}”: ${escapeHtml(describeSet(set, questions.length))}. Every line is real output of a Go program.</p>` +
		`<p class="ws-name">Name: <span class="ws-space" aria-hidden="true"></span></p>` +
		`<ol class="ws-questions">${questions.map((q) => worksheetQuestion(q)).join('')}</ol></section>` +
		`<section class="ws-key" aria-labelledby="ws-key-heading">` +
		`<h2 id="ws-key-heading">Answer key</h2>` +
		`<p>Set “${escapeHtml(set.seed)}”. Each answer comes from the site’s parser reading the same line.</p>` +
		`<ol class="ws-answers">${questions.map(keyEntry).join('')}</ol></section>`
	);
}
