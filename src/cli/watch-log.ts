/**
 * The pure parts of `explain --watch`: the watched output kept as whole lines (a program's
 * standard output and standard error arrive as separate streams, and a chunk of one may end
 * mid-line), and the server-sent events that carry it to the page.
 */

/** The most of the watched output kept for the page and the summary; later lines only pass through. */
const maxWatchedChars = 64 * 1024 * 1024;

export interface WatchedLog {
	/** Adds a chunk of one stream (`name`); only its complete lines join the log. */
	push(name: string, chunk: string): void;
	/** Ends every stream: an unfinished last line joins the log too. */
	end(): void;
	/** The log's text from character `offset` on. */
	since(offset: number): string;
	/** Characters in the log. */
	readonly length: number;
	/** Whether lines were left out because the log reached its limit. */
	readonly full: boolean;
}

export function createWatchedLog(onLines: (text: string) => void, limit = maxWatchedChars): WatchedLog {
	const pending = new Map<string, string>();
	const parts: string[] = [];
	let length = 0;
	let full = false;
	let joined: string | null = '';

	const add = (text: string) => {
		if (text === '') return;
		if (full || length + text.length > limit) {
			full = true;
			return;
		}
		parts.push(text);
		length += text.length;
		joined = null;
		onLines(text);
	};

	return {
		push(name, chunk) {
			const text = (pending.get(name) ?? '') + chunk;
			const end = text.lastIndexOf('\n') + 1;
			pending.set(name, text.slice(end));
			add(text.slice(0, end));
		},
		end() {
			for (const [name, rest] of pending) {
				if (rest !== '') add(`${rest}\n`);
				pending.delete(name);
			}
		},
		since(offset) {
			joined ??= parts.join('');
			parts.length = 0;
			parts.push(joined);
			return joined.slice(offset);
		},
		get length() {
			return length;
		},
		get full() {
			return full;
		},
	};
}

/** One server-sent event; `data` goes as JSON, so newlines in it cannot end the event. */
export function serverSentEvent(event: string, data: unknown, id?: number): string {
	return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Where a reconnecting page's stream resumes: its `Last-Event-ID`, a character offset, else 0. */
export function resumeOffset(lastEventId: string | undefined, length: number): number {
	const offset = Number(lastEventId);
	return Number.isInteger(offset) && offset >= 0 && offset <= length ? offset : 0;
}
