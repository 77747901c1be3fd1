/**
 * Quiz answers kept in the browser, with the same versioned, fault-tolerant storage as lesson
 * progress (`loadStoredValue`): broken, blocked or full storage gives a quiet notice and keeps
 * answers in memory, and a value this code cannot read is never overwritten silently.
 *
 * Shape (localStorage key `godebug-explained:quiz`):
 *   { version: 1,
 *     quizzes: { [quizId]: { answers: { [questionId]: { correct, attempts, at: ISO, response? } } } },
 *     missed: { [fieldKey]: number } }
 * `missed` counts wrong answers per field over all quizzes; practice sets bring those fields
 * back more often. Resetting one quiz keeps it; resetting everything clears it.
 */
import type { Question } from '../../../trace/index.ts';
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

interface QuizData {
	version: typeof VERSION;
	quizzes: Record<string, { answers: Record<string, SavedAnswer> }>;
	missed: Record<string, number>;
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

function isQuizData(value: unknown): value is QuizData {
	if (!isRecord(value) || value.version !== VERSION) return false;
	if (!isRecord(value.quizzes) || !isRecord(value.missed)) return false;
	const quizzesOk = Object.values(value.quizzes).every(
		(q) => isRecord(q) && isRecord(q.answers) && Object.values(q.answers).every(isSavedAnswer),
	);
	const missedOk = Object.values(value.missed).every((n) => Number.isInteger(n) && (n as number) >= 0);
	return quizzesOk && missedOk;
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
			const saved: SavedAnswer = { correct, attempts: (previous?.attempts ?? 0) + 1, at: now().toISOString() };
			if (response !== undefined) saved.response = response;
			quiz.answers[question.id] = saved;
			if (!correct) {
				for (const field of question.fields) stored.value.missed[field] = (stored.value.missed[field] ?? 0) + 1;
			}
			stored.save();
			return saved;
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
