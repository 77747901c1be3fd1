/**
 * The shape of a field catalogue entry. Every fact about a field lives in its entry (and
 * in its long-form page under content/): lessons, widgets, quizzes and the CLI render it by key.
 */
import type { FieldKey } from './types.ts';

/** How a field's value is measured, as printed. */
export const fieldUnits = [
	'count', // a plain count (goroutines, threads, Ps, objects, pages)
	'id', // an identifier (P, M, G ids, GC cycle number)
	'ms', // milliseconds
	'us', // microseconds (Go 1.3–1.4 gc lines)
	's', // seconds
	'percent', // integer percent, truncated
	'MB', // MiB, truncated (`>>20`)
	'KiB', // KiB, truncated (`>>10`)
	'bytes',
	'ratio', // a float ratio or factor
	'flag', // true/false (or 1/0 in older releases)
	'status', // a status number with a name
	'text', // a string (wait reason, preemptoff reason, package path)
	'list', // a bracket list of counts, one per P
	'marker', // a literal marker such as `(forced)`; value `true`
] as const;
export type FieldUnit = (typeof fieldUnits)[number];

/** One change to a field in one release. */
interface FieldChange {
	/** The Go minor release where it changed: `20` is Go 1.20. */
	go: number;
	/** What changed, in one sentence. */
	note: string;
}

/** One catalogue entry. */
export interface FieldInfo {
	/** `format/kebab-name`, also the reference URL. */
	key: FieldKey;
	/** Short human name: "Heap goal". */
	label: string;
	/** How it looks in the line, with `#` for the value: `# MB goal`. */
	printed: string;
	unit: FieldUnit;
	/** How the runtime rounds or truncates it, when it does ("MiB, truncated: 0 means under 1 MiB"). */
	precision?: string;
	/** One sentence: what the value means. */
	summary: string;
	/** First Go minor release that prints it. */
	since: number;
	/** Last Go minor release that prints it; absent while current. */
	until?: number;
	/** What changed and when, oldest first. */
	changes: readonly FieldChange[];
	/** Where the runtime prints it: file, function and expression. */
	source: string;
}

/** Identity function that type-checks a list of entries and keeps their literal keys. */
export function defineFields<const T extends readonly FieldInfo[]>(fields: T): T {
	return fields;
}
