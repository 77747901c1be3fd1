/**
 * The Go program's own lines (examples/lab writes them to standard output): `lab: <event>`
 * followed by key=value words. DOM-free, so node --test covers it.
 */

export interface LabEvent {
	event: 'start' | 'progress' | 'set' | 'end';
	values: Record<string, string>;
}

const events = new Set(['start', 'progress', 'set', 'end']);

/** The event on a `lab:` line, or null for any other line. */
export function parseLabEvent(line: string): LabEvent | null {
	const words = line.trim().split(/\s+/);
	if (words[0] !== 'lab:' || !events.has(words[1] ?? '')) return null;
	const values: Record<string, string> = {};
	for (const word of words.slice(2)) {
		const eq = word.indexOf('=');
		if (eq > 0) values[word.slice(0, eq)] = word.slice(eq + 1);
	}
	return { event: words[1] as LabEvent['event'], values };
}

/** The runtime reports "no limit" as the largest int64. */
export function memLimitText(bytes: string | undefined): string {
	if (bytes === undefined) return 'unknown';
	const n = Number(bytes);
	if (!Number.isFinite(n) || n >= 2 ** 62) return 'none';
	return `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;
}
