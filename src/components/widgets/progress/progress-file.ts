/**
 * A learner's progress as a file, to carry it to another device: lesson progress, quiz answers
 * and field reviews. Reading a file never changes anything by itself; a readable file is merged
 * into what the browser has (`mergeQuizData`, `mergeProgress`), never written over it.
 *
 * Shape: { format: "godebug-explained-progress", version: 1, exportedAt: ISO,
 *          quiz: QuizData (quiz-store.ts), lessons: Progress (progress-store.ts) }
 */
import { isProgress, type Progress } from '../lessons/progress-store.ts';
import { isQuizData, type QuizData } from '../quiz/quiz-store.ts';

const PROGRESS_FILE_FORMAT = 'godebug-explained-progress';
const PROGRESS_FILE_VERSION = 1;
/** Far more than years of answers; anything bigger is not a progress file. */
export const MAX_PROGRESS_FILE_BYTES = 5_000_000;

export interface ProgressFile {
	format: typeof PROGRESS_FILE_FORMAT;
	version: typeof PROGRESS_FILE_VERSION;
	exportedAt: string;
	quiz: QuizData;
	lessons: Progress;
}

export function progressFile(quiz: QuizData, lessons: Progress, now: Date): ProgressFile {
	return { format: PROGRESS_FILE_FORMAT, version: PROGRESS_FILE_VERSION, exportedAt: now.toISOString(), quiz, lessons };
}

/** The file's name: the date makes several exports easy to tell apart. */
export function progressFileName(now: Date): string {
	return `godebug-explained-progress-${now.toISOString().slice(0, 10)}.json`;
}

export type ReadResult = { ok: true; file: ProgressFile } | { ok: false; message: string };

const notOurs =
	'This is not a GODEBUG Explained progress file: expected a .json file saved with “Export progress” on this page. Nothing was changed.';

/** Reads a file's text; every failure says what was expected, and changes nothing. */
export function readProgressFile(text: string, bytes: number): ReadResult {
	if (bytes > MAX_PROGRESS_FILE_BYTES) {
		return {
			ok: false,
			message: `This file is ${(bytes / 1e6).toFixed(1)} MB; a progress file is a few kilobytes, so it is not one. Nothing was changed.`,
		};
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, message: notOurs };
	}
	if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== PROGRESS_FILE_FORMAT) {
		return { ok: false, message: notOurs };
	}
	const v = value as Record<string, unknown>;
	if (typeof v.version === 'number' && v.version > PROGRESS_FILE_VERSION) {
		return {
			ok: false,
			message: `This progress file comes from a newer version of the site (file version ${v.version}; this page reads version ${PROGRESS_FILE_VERSION}). Reload the page to get the newest site, then import it again. Nothing was changed.`,
		};
	}
	const damaged = (what: string) => ({
		ok: false as const,
		message: `This progress file is damaged (${what}), so it was not imported. Nothing was changed.`,
	});
	if (v.version !== PROGRESS_FILE_VERSION) return damaged('its version is missing');
	if (!isQuizData(v.quiz)) return damaged('its quiz answers cannot be read');
	if (!isProgress(v.lessons)) return damaged('its lesson progress cannot be read');
	return { ok: true, file: value as ProgressFile };
}

/** What an import added, for the message after it. */
export function importSummary(file: ProgressFile): string {
	const answers = Object.values(file.quiz.quizzes).reduce((n, q) => n + Object.keys(q.answers).length, 0);
	const fields = Object.keys(file.quiz.fields ?? {}).length;
	const lessons = Object.keys(file.lessons.lessons).length;
	return `Imported ${answers} ${answers === 1 ? 'answer' : 'answers'}, ${fields} ${fields === 1 ? 'field' : 'fields'} and ${lessons} ${lessons === 1 ? 'lesson' : 'lessons'} from the file (saved ${file.exportedAt.slice(0, 10)}), merged with what this browser had: nothing was lost.`;
}
