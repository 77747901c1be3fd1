/**
 * The quiz model: questions as plain data, built at build time (lesson quizzes, practice sets)
 * and rendered to complete HTML, so a question reads the same with or without JavaScript.
 *
 * Answer keys of spot-the-field and numeric questions are never typed by hand: they come from
 * `parseLine` on the question's real line (see `measures.ts`).
 */
import type { FieldKey } from '../types.ts';

/** Practice topics, in the order the practice and teach pages list them. */
export const quizTopics = ['scheduler', 'gc', 'pacer', 'detail'] as const;
export type QuizTopic = (typeof quizTopics)[number];

/** Where a question's line comes from: a real capture in content/traces and a 1-based line. */
export interface LineSource {
	file: string;
	lineNo: number;
}

interface QuestionBase {
	/** Stable within its quiz or set: used for saved answers and for the worksheet's key. */
	id: string;
	topic: QuizTopic;
	/** The question, plain text. */
	prompt: string;
	/** Why the answer is right, plain text; shown after an answer and on the answer key. */
	explanation: string;
	/** The fields the question is about; feedback links to their reference pages. */
	fields: FieldKey[];
	/** The real trace line the question is about, if any, exactly as captured. */
	line?: string;
	source?: LineSource;
}

export interface ChoiceOption {
	id: string;
	/** Plain text. */
	text: string;
	/** Why this option is wrong, plain text; said when a reader picks it. Left out on the right option. */
	why?: string;
}

/** Multiple choice on interpretation; exactly one option is right. */
export interface ChoiceQuestion extends QuestionBase {
	type: 'choice';
	options: ChoiceOption[];
	answer: string;
}

/** Pick the part of `line` that answers the prompt; any token with key `answer` is right. */
export interface SpotQuestion extends QuestionBase {
	type: 'spot';
	line: string;
	answer: FieldKey;
}

/** A value worked out from `line`, accepted within `tolerance` (the printed precision). */
export interface NumericQuestion extends QuestionBase {
	type: 'numeric';
	line: string;
	answer: number;
	/** The unit the answer is asked in (`ms`, `MB`, `%`, `goroutines`, ...). */
	unit: string;
	tolerance: number;
}

export type Question = ChoiceQuestion | SpotQuestion | NumericQuestion;
