/**
 * One versioned value kept in localStorage, read fault-tolerantly. Storage can be missing
 * (blocked cookies, some private modes), throw on access, be full, or hold something this code
 * did not write (an older version, a hand edit, corruption). In every such case the reader keeps
 * using the site: the value then lives in memory for this page, and `problem` says why, for a
 * quiet notice. A stored value that cannot be read is left in place and never overwritten until
 * the reader does something new, so nothing is destroyed silently.
 */
export interface StoredValue<T> {
	value: T;
	/** Why the value cannot be saved or was not read, in words for the reader; null when all is well. */
	problem: string | null;
	save(): void;
}

export interface StoredValueSpec<T> {
	key: string;
	/** What the value is, for messages: `progress`, `quiz answers`. */
	what: string;
	/** Whether `what` is a plural noun (`quiz answers are kept`), for the messages' grammar. */
	plural?: boolean;
	empty(): T;
	isValid(value: unknown): value is T;
}

function storage(): Storage | null {
	try {
		return window.localStorage;
	} catch {
		return null;
	}
}

export function loadStoredValue<T>(spec: StoredValueSpec<T>): StoredValue<T> {
	const { key, what } = spec;
	const [is, was, it, starts] = spec.plural ? ['are', 'were', 'they', 'start'] : ['is', 'was', 'it', 'starts'];
	const store = storage();
	let value = spec.empty();
	let problem: string | null = null;
	let writable = store !== null;
	if (!store) {
		problem = `This browser does not let the site store anything, so your ${what} ${is} kept only until you leave this page.`;
	} else {
		try {
			const raw = store.getItem(key);
			if (raw !== null) {
				const parsed: unknown = JSON.parse(raw);
				if (spec.isValid(parsed)) value = parsed;
				else
					problem = `Saved ${what} from another version of the site could not be read; ${it} ${starts} afresh from here.`;
			}
		} catch (err) {
			if (err instanceof SyntaxError) {
				problem = `Saved ${what} ${was} damaged and could not be read; ${it} ${starts} afresh from here.`;
			} else {
				writable = false;
				problem = `This browser blocks the site’s storage, so your ${what} ${is} kept only until you leave this page.`;
			}
		}
	}
	return {
		value,
		problem,
		save() {
			if (!writable || !store) return;
			try {
				store.setItem(key, JSON.stringify(this.value));
			} catch {
				writable = false;
				this.problem = `Your ${what} could not be saved (the browser’s storage is full or blocked).`;
			}
		},
	};
}

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
