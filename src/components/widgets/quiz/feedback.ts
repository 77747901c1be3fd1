/**
 * What `<trace-quiz>` says after an answer, as plain data (DOM-free, tested with node --test):
 * right or wrong in words and a mark (never colour alone), why, and links to the field pages.
 */
import { checkAnswer, unitName, type Question } from '../../../trace/index.ts';
import { fieldUrl } from '../../../present/urls.ts';
import type { QuestionPayload } from './render.ts';

interface FeedbackLink {
	href: string;
	label: string;
}

export interface Feedback {
	/** `problem`: the response could not be read; it is not counted as an attempt. */
	verdict: 'right' | 'wrong' | 'problem';
	/** First words, with a mark: `✓ Right.`, `✗ Not right.`. */
	headline: string;
	/** Why, plain text. */
	detail: string;
	/** Field pages to read. */
	links: FeedbackLink[];
}

function linksFor(keys: readonly string[], labels: Record<string, string>, base: string): FeedbackLink[] {
	return [...new Set(keys)].map((key) => ({ href: fieldUrl(key, base), label: labels[key] ?? key }));
}

function chosenText(question: Question, response: string, labels: Record<string, string>): string {
	if (question.type === 'choice') {
		const option = question.options.find((o) => o.id === response);
		const chosen = `You chose “${(option?.text ?? response).replace(/[.!?]$/, '')}”.`;
		return option?.why ? `${chosen} ${option.why}` : chosen;
	}
	if (question.type === 'spot') {
		const label = labels[response];
		return label ? `You chose “${label}”.` : 'You chose a part of the line this question is not about.';
	}
	return `You answered ${response.trim()}.`;
}

/** Checks `response` and says what the reader should hear; links start with the site's `base` path. */
export function feedbackFor(payload: QuestionPayload, response: string | null, base = '/'): Feedback {
	const { question, labels } = payload;
	const result = checkAnswer(question, response);
	if (result.problem) return { verdict: 'problem', headline: '⚠ Not checked yet.', detail: result.problem, links: [] };
	const links = linksFor(question.fields, labels, base);
	if (result.correct) {
		return { verdict: 'right', headline: '✓ Right.', detail: question.explanation, links };
	}
	// For a wrong part of the line, link the field the reader picked (what they mixed it up with),
	// not the right one: its name would give the answer away.
	const keys = question.type === 'spot' ? (response && labels[response] ? [response] : []) : question.fields;
	// One field is read off the line; several are worked out from it.
	const hint =
		question.type !== 'numeric'
			? ''
			: question.fields.length > 1
				? ` The answer is worked out from the numbers the line prints, in ${unitName(question.unit)}.`
				: ` The answer is a number the line prints, in ${unitName(question.unit)}.`;
	return {
		verdict: 'wrong',
		headline: '✗ Not right.',
		detail: `${chosenText(question, response ?? '', labels)}${hint} Try again, or show the answer.`,
		links: linksFor(keys, labels, base),
	};
}

/** The score line of a quiz. */
export function scoreText(right: number, answered: number, total: number): string {
	if (answered === 0) return `${total} questions, none answered yet.`;
	return `${right} of ${total} right${answered < total ? ` (${answered} answered)` : ''}.`;
}
