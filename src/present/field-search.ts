/**
 * Finding a field from what a reader copied out of a trace line (`needspinning`, `idleprocs=3`,
 * `4 MB goal`), its label (`heap goal`) or its key (`gctrace/heap-goal`). The site search shows
 * these fields first: a reader who searches for a printed token wants the page of that field.
 * The entries are made at build time from the catalogue, so the browser loads no catalogue.
 */
import type { FieldInfo } from '../trace/index.ts';
import { fieldUrl } from './urls.ts';

/** One field as the search looks it up. */
export interface FieldSearchEntry {
	key: string;
	label: string;
	/** The catalogue's printed form, `needspinning=#`. */
	printed: string;
	/** The printed form's words without its values and punctuation, `needspinning`, `MB goal`. */
	words: string;
	url: string;
}

/** Punctuation around or between a printed form's words: `=`, `:`, brackets, `+`, `/`, `->`, `,`. */
const SEPARATORS = /[\s=:,;()[\]{}+/<>]+|->|-(?=\s|$)/g;

/**
 * The words of a printed form, with `#` (the value) and `…` (the neighbours' values) removed:
 * `needspinning=#` is `needspinning`, `# MB goal` is `MB goal`, `schedticks=[ # # … ]` is
 * `schedticks`. Case is kept: gcpacertrace prints both `h_t` and `H_T`.
 */
export function printedWords(printed: string): string {
	return printed
		.replace(/[#…]/g, ' ')
		.split(SEPARATORS)
		.map((w) => w.replace(/^[.!?'"“”‘’-]+|[.!?'"“”‘’-]+$/g, ''))
		.filter((w) => w !== '')
		.join(' ');
}

/** The words a reader's query names, with numbers read as values: `idleprocs=3` is `idleprocs`, `4 MB goal` is `MB goal`. */
function queryWords(query: string): string {
	return printedWords(query.replace(/[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, '#'));
}

/** The search entries of the catalogue's fields, with each field's address under `base`. */
export function fieldSearchEntries(fields: readonly FieldInfo[], base = '/'): FieldSearchEntry[] {
	return fields.map((f) => ({
		key: f.key,
		label: f.label,
		printed: f.printed,
		words: printedWords(f.printed),
		url: fieldUrl(f.key, base),
	}));
}

/**
 * The fields a query names, in catalogue order: by key (or the key's name), by printed words
 * (the same case first, so `H_T` is not `h_t`; any case when none has it), or by label. Empty for anything else: this is
 * an exact lookup, the full-text search does the rest.
 */
export function fieldsNamedBy(query: string, entries: readonly FieldSearchEntry[]): FieldSearchEntry[] {
	const trimmed = query.trim().replace(/\s+/g, ' ');
	if (trimmed === '') return [];
	const words = queryWords(trimmed);
	const lower = trimmed.toLowerCase();
	const key = lower.replace(/^\/+|\/+$/g, '');
	// A whole key (`gctrace/heap-goal`), or the name after its format (`heap-goal`, both formats' heap goal).
	const byKey = entries.filter((e) => e.key === key || (!key.includes('/') && e.key.endsWith(`/${key}`)));
	if (byKey.length) return byKey;
	let printed = words === '' ? [] : entries.filter((e) => e.words === words);
	if (!printed.length && words !== '') printed = entries.filter((e) => e.words.toLowerCase() === words.toLowerCase());
	const labelled = entries.filter((e) => e.label.toLowerCase() === lower && !printed.includes(e));
	return [...printed, ...labelled];
}

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours), given up past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let before: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
			row.push(d);
		}
		before = previous;
		previous = row;
	}
	return previous[b.length];
}

/**
 * The printed word nearest to a word no page contains, for "did you mean": one edit away for
 * words of up to five letters, two for longer ones; null when none is that near.
 */
export function nearestPrintedWord(word: string, entries: readonly FieldSearchEntry[]): string | null {
	const w = word.toLowerCase();
	const limit = w.length <= 5 ? 1 : 2;
	let best: { word: string; distance: number } | null = null;
	for (const candidate of new Set(entries.flatMap((e) => e.words.split(' ')))) {
		if (candidate.length < 3) continue;
		const distance = editDistance(w, candidate.toLowerCase(), limit);
		if (distance > 0 && distance <= limit && (best === null || distance < best.distance)) {
			best = { word: candidate, distance };
		}
	}
	return best?.word ?? null;
}
