/**
 * Lesson progress kept in the browser.
 *
 * Shape (localStorage key `godebug-explained:progress`):
 *   { version: 1, lessons: { [slug]: { visited: ISO date, completed?: ISO date } }, last?: slug }
 *
 * `loadProgress()` reads and validates the stored value with `loadStoredValue`: broken, blocked
 * or full storage gives a quiet notice and in-memory progress, and destroys nothing.
 */
import { loadStoredValue } from '../../shared/storage/stored-value.ts';

export const PROGRESS_KEY = 'godebug-explained:progress';
const VERSION = 1;

interface LessonProgress {
	visited: string;
	completed?: string;
}

export interface Progress {
	version: typeof VERSION;
	lessons: Record<string, LessonProgress>;
	last?: string;
}

export interface ProgressStore {
	progress: Progress;
	/** Why progress cannot be saved or was not read, in words for the reader; null when all is well. */
	problem: string | null;
	save(): void;
}

function empty(): Progress {
	return { version: VERSION, lessons: {} };
}

export function isProgress(value: unknown): value is Progress {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Progress;
	if (v.version !== VERSION || typeof v.lessons !== 'object' || v.lessons === null) return false;
	if (v.last !== undefined && typeof v.last !== 'string') return false;
	return Object.values(v.lessons).every(
		(l) =>
			typeof l === 'object' &&
			l !== null &&
			typeof l.visited === 'string' &&
			(l.completed === undefined || typeof l.completed === 'string'),
	);
}

export function loadProgress(): ProgressStore {
	const stored = loadStoredValue({ key: PROGRESS_KEY, what: 'progress', empty, isValid: isProgress });
	return {
		get progress() {
			return stored.value;
		},
		set progress(value: Progress) {
			stored.value = value;
		},
		get problem() {
			return stored.problem;
		},
		save() {
			stored.save();
		},
	};
}

/** Two devices' lesson progress as one: each lesson keeps its first visit and first completion. */
export function mergeProgress(mine: Progress, theirs: Progress): Progress {
	const out: Progress = structuredClone(mine);
	const earlier = (a: string | undefined, b: string | undefined) =>
		a === undefined ? b : b === undefined ? a : Date.parse(b) < Date.parse(a) ? b : a;
	for (const [slug, lesson] of Object.entries(theirs.lessons)) {
		const have = out.lessons[slug];
		const merged: LessonProgress = { visited: earlier(have?.visited, lesson.visited)! };
		const completed = earlier(have?.completed, lesson.completed);
		if (completed !== undefined) merged.completed = completed;
		out.lessons[slug] = merged;
	}
	out.last ??= theirs.last;
	return out;
}
