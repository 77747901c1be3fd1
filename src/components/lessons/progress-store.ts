/**
 * Lesson progress kept in the browser.
 *
 * Shape (localStorage key `godebug-explained:progress`):
 *   { version: 1, lessons: { [slug]: { visited: ISO date, completed?: ISO date } }, last?: slug }
 *
 * Lifecycle: `loadProgress()` reads and validates the stored value. Storage can be missing
 * (blocked cookies, some private modes), throw on access, be full, or hold something this code
 * did not write (an older version, a hand edit, corruption). In every such case the reader
 * keeps using the site: progress then lives in memory for this page, and `problem` says why,
 * for a quiet notice. A stored value that cannot be read is left in place, never overwritten
 * until the reader makes new progress, so nothing is destroyed silently.
 */
export const PROGRESS_KEY = 'godebug-explained:progress';
const VERSION = 1;

export interface LessonProgress {
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

function isProgress(value: unknown): value is Progress {
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

function storage(): Storage | null {
	try {
		return window.localStorage;
	} catch {
		return null;
	}
}

export function loadProgress(): ProgressStore {
	const store = storage();
	let progress = empty();
	let problem: string | null = null;
	let writable = store !== null;
	if (!store) {
		problem = 'This browser does not let the site store anything, so your progress is kept only until you leave this page.';
	} else {
		try {
			const raw = store.getItem(PROGRESS_KEY);
			if (raw !== null) {
				const parsed: unknown = JSON.parse(raw);
				if (isProgress(parsed)) progress = parsed;
				else problem = 'Saved progress from another version of the site could not be read; it starts afresh from here.';
			}
		} catch (err) {
			if (err instanceof SyntaxError) {
				problem = 'Saved progress was damaged and could not be read; it starts afresh from here.';
			} else {
				writable = false;
				problem = 'This browser blocks the site’s storage, so your progress is kept only until you leave this page.';
			}
		}
	}
	return {
		progress,
		problem,
		save() {
			if (!writable || !store) return;
			try {
				store.setItem(PROGRESS_KEY, JSON.stringify(progress));
			} catch {
				writable = false;
				this.problem = 'Your progress could not be saved (the browser’s storage is full or blocked).';
			}
		},
	};
}
