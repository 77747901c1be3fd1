/**
 * What a query's words are, and whether a page really contains one. Pagefind answers a word no
 * page has with the pages of the longest indexed word that begins it ("xyzzy" finds every page
 * with the letter "x"), and has no option to turn that off; these let the search page tell a
 * real match from that fallback.
 */

/** Pagefind drops these from a query (dashes, brackets, quotes, other punctuation) and lowercases the rest. */
const DROPPED = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/** A word as Pagefind reads it: lowercased, its punctuation dropped. */
function normalWord(word: string): string {
	return word.toLocaleLowerCase('en').replace(DROPPED, '');
}

/**
 * The query to give Pagefind: a dash between letters is a space, so `gc-forced` finds "GC forced"
 * (Pagefind would join it into "gcforced", which only a hyphenated word has).
 */
export function pagefindQuery(query: string): string {
	return query.replace(/(?<=[\p{L}\p{N}])\p{Pd}(?=[\p{L}\p{N}])/gu, ' ');
}

/** The words of a query (from pagefindQuery) as Pagefind searches them, each once. */
export function queryTerms(query: string): string[] {
	return [
		...new Set(
			query
				.split(/\s+/)
				.map(normalWord)
				.filter((w) => w !== ''),
		),
	];
}

/**
 * Whether `text` has a word that begins with `term` (a word from queryTerms): a whole word as
 * printed (`needspinning=1`, `h_t=0.9`) or a part of one between punctuation (`schedtrace` in
 * `GODEBUG=schedtrace=1000`). So "sched" is in a page about schedtrace, and "xyzzy" is not in a
 * page that only has an "X".
 */
export function hasWordStarting(text: string, term: string): boolean {
	for (const raw of text.split(/\s+/)) {
		const word = raw.toLocaleLowerCase('en');
		if (normalWord(word).startsWith(term)) return true;
		if (word.split(/[^\p{L}\p{N}_]+/u).some((part) => part.startsWith(term))) return true;
	}
	return false;
}
