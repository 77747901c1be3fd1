/** Test support for the stores: a localStorage that can be blocked, full or missing. */

/** A localStorage stand-in; `failing` makes calls throw as blocked or full storage does. */
export function fakeStorage(initial: Record<string, string> = {}, failing: 'none' | 'read' | 'write' = 'none') {
	const data = new Map(Object.entries(initial));
	return {
		data,
		getItem(k: string) {
			if (failing === 'read') throw new DOMException('blocked', 'SecurityError');
			return data.get(k) ?? null;
		},
		setItem(k: string, v: string) {
			if (failing !== 'none') throw new DOMException('full', 'QuotaExceededError');
			data.set(k, v);
		},
	};
}

/** Installs `storage` as `window.localStorage`; `'throws'` makes reading it throw. */
export function withStorage(storage: unknown): void {
	(globalThis as { window?: unknown }).window = {
		get localStorage() {
			if (storage === 'throws') throw new DOMException('denied', 'SecurityError');
			return storage;
		},
	};
}
