/**
 * Quiz answers kept in the browser, with the same versioned, fault-tolerant storage as lesson
 * progress (`loadStoredValue`): broken, blocked or full storage gives a quiet notice and keeps
 * answers in memory, and a value this code cannot read is never overwritten silently.
 *
 * Shape (localStorage key `godebug-explained:quiz`):
 *   { version: 1,
 *     quizzes: { [quizId]: { answers: { [questionId]: { correct, attempts, at: ISO, response? } } } },
 *     missed: { [fieldKey]: number },
 *     fields?: { [fieldKey]: FieldRecord } }
 * `missed` counts wrong answers per field over all quizzes; practice sets bring those fields
 * back more often. `fields` is each field's review record (`mastery.ts`: Leitner boxes), for the
 * progress page and review sets; it was added without a version change, as older pages ignore it.
 * Resetting one quiz keeps both; resetting everything clears them.
 */
import { isFieldRecord, mergeRecords, reviewField, type FieldRecord, type Question } from '../../../trace/index.ts';
import { isRecord, loadStoredValue } from '../../shared/storage/stored-value.ts';

export const QUIZ_KEY = 'godebug-explained:quiz';
const VERSION = 1;

interface SavedAnswer {
	correct: boolean;
	attempts: number;
	at: string;
	/** What the reader last answered (option id, field key or typed text), to show it again. */
	response?: string;
}

export interface QuizData {
	version: typeof VERSION;
	quizzes: Record<string, { answers: Record<string, SavedAnswer> }>;
	missed: Record<string, number>;
	fields?: Record<string, FieldRecord>;
}

function empty(): QuizData {
	return { version: VERSION, quizzes: {}, missed: {} };
}

function isSavedAnswer(a: unknown): a is SavedAnswer {
	return (
		isRecord(a) &&
		typeof a.correct === 'boolean' &&
		Number.isInteger(a.attempts) &&
		(a.attempts as number) >= 0 &&
		typeof a.at === 'string' &&
		(a.response === undefined || typeof a.response === 'string')
	);
}

export function isQuizData(value: unknown): value is QuizData {
	if (!isRecord(value) || value.version !== VERSION) return false;
	if (!isRecord(value.quizzes) || !isRecord(value.missed)) return false;
	const quizzesOk = Object.values(value.quizzes).every(
		(q) => isRecord(q) && isRecord(q.answers) && Object.values(q.answers).every(isSavedAnswer),
	);
	const missedOk = Object.values(value.missed).every((n) => Number.isInteger(n) && (n as number) >= 0);
	const fieldsOk =
		value.fields === undefined || (isRecord(value.fields) && Object.values(value.fields).every(isFieldRecord));
	return quizzesOk && missedOk && fieldsOk;
}

export interface QuizStore {
	readonly data: QuizData;
	/** Why answers cannot be saved or were not read, for a quiet notice; null when all is well. */
	readonly problem: string | null;
	/** A question's saved answer, if any. */
	answer(quizId: string, questionId: string): SavedAnswer | undefined;
	/** Records one checked answer and saves; a wrong answer counts against each of the question's fields. */
	recordAnswer(
		quizId: string,
		question: Pick<Question, 'id' | 'fields'>,
		correct: boolean,
		response?: string,
	): SavedAnswer;
	/** Adds another device's answers (`mergeQuizData`) and saves. */
	mergeIn(other: QuizData): void;
	/** How many of `questionIds` were last answered right. */
	score(quizId: string, questionIds: readonly string[]): number;
	resetQuiz(quizId: string): void;
	resetAll(): void;
}

export function loadQuizStore(now: () => Date = () => new Date()): QuizStore {
	const stored = loadStoredValue({ key: QUIZ_KEY, what: 'quiz answers', plural: true, empty, isValid: isQuizData });
	return {
		get data() {
			return stored.value;
		},
		get problem() {
			return stored.problem;
		},
		answer(quizId, questionId) {
			return stored.value.quizzes[quizId]?.answers[questionId];
		},
		recordAnswer(quizId, question, correct, response) {
			const quiz = (stored.value.quizzes[quizId] ??= { answers: {} });
			const previous = quiz.answers[question.id];
			const at = now();
			const saved: SavedAnswer = { correct, attempts: (previous?.attempts ?? 0) + 1, at: at.toISOString() };
			if (response !== undefined) saved.response = response;
			quiz.answers[question.id] = saved;
			if (!correct) {
				for (const field of question.fields) stored.value.missed[field] = (stored.value.missed[field] ?? 0) + 1;
			}
			// A question answered again the same day, after its feedback, is not a review.
			if (previous?.at.slice(0, 10) !== saved.at.slice(0, 10)) {
				const fields = (stored.value.fields ??= {});
				for (const field of question.fields) fields[field] = reviewField(fields[field], correct, at);
			}
			stored.save();
			return saved;
		},
		mergeIn(other) {
			stored.value = mergeQuizData(stored.value, other);
			stored.save();
		},
		score(quizId, questionIds) {
			const answers = stored.value.quizzes[quizId]?.answers ?? {};
			return questionIds.filter((id) => answers[id]?.correct).length;
		},
		resetQuiz(quizId) {
			delete stored.value.quizzes[quizId];
			stored.save();
		},
		resetAll() {
			stored.value = empty();
			stored.save();
		},
	};
}

/**
 * Two devices' answers as one, for importing a progress file: each question keeps its later
 * answer, each field its later review (`mergeRecords`), `missed` the larger count. Merging the
 * same data twice changes nothing, and nothing either side had is dropped.
 */
export function mergeQuizData(mine: QuizData, theirs: QuizData): QuizData {
	const out: QuizData = structuredClone(mine);
	for (const [quizId, quiz] of Object.entries(theirs.quizzes)) {
		const answers = (out.quizzes[quizId] ??= { answers: {} }).answers;
		for (const [id, answer] of Object.entries(quiz.answers)) {
			const have = answers[id];
			if (!have || Date.parse(answer.at) > Date.parse(have.at)) answers[id] = { ...answer };
		}
	}
	for (const [key, n] of Object.entries(theirs.missed)) out.missed[key] = Math.max(out.missed[key] ?? 0, n);
	for (const [key, record] of Object.entries(theirs.fields ?? {})) {
		const fields = (out.fields ??= {});
		fields[key] = fields[key] ? mergeRecords(fields[key], record) : { ...record };
	}
	return out;
}
