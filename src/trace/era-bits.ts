/**
 * Eras as bit sets, for the parsers: bit N stands for Go 1.N (bit LATEST_GO_MINOR for "that
 * release or later"; Go 1.1–1.27 fit in 31 bits). A line narrows its era with a few integer
 * ANDs and ORs, one per clue, and converts the result to an `Era` once, from a cache, so a
 * 100 MB log does not allocate range arrays per line. AND is `intersectEras`, OR `unionEras`.
 */
import { LATEST_GO_MINOR, OLDEST_GO_MINOR } from './era.ts';
import type { LineScanner } from './scanner.ts';
import type { Era, EraRange } from './types.ts';

/** The releases `from` to `to` (inclusive) as a bit set; `to` defaults to the newest known. */
export function eraBits(from: number, to: number = LATEST_GO_MINOR): number {
	let bits = 0;
	for (let m = from; m <= to; m++) bits |= 1 << m;
	return bits;
}

/** Every release: the era of a line with no clue to narrow it. */
export const ANY_RELEASE = eraBits(OLDEST_GO_MINOR);
/** No release: clues that contradict each other. */
export const NO_RELEASE = 0;

const cache = new Map<number, Era>();
// Consecutive lines mostly have the same era: the last answer is kept beside the cache.
let lastBits = -1;
let lastEra: Era = [];

/** The `Era` of a bit set; equal sets share one frozen value. */
export function eraOfBits(bits: number): Era {
	if (bits === lastBits) return lastEra;
	const cached = cache.get(bits);
	if (cached !== undefined) {
		lastBits = bits;
		lastEra = cached;
		return cached;
	}
	const ranges: EraRange[] = [];
	let m = 0;
	while (m <= LATEST_GO_MINOR) {
		if ((bits & (1 << m)) === 0) {
			m++;
			continue;
		}
		const from = m;
		while (m + 1 <= LATEST_GO_MINOR && (bits & (1 << (m + 1))) !== 0) m++;
		ranges.push(Object.freeze({ from, to: m }));
		m++;
	}
	const result: Era = Object.freeze(ranges);
	cache.set(bits, result);
	lastBits = bits;
	lastEra = result;
	return result;
}

/**
 * Whether an optional field is really absent rather than cut off: the text at the cursor is a
 * complete ` key=` of another field. Only then does its absence narrow the era; a line cut
 * inside the key says nothing about the release.
 */
export function isAbsent(s: LineScanner): boolean {
	if (!s.ok || s.source.charCodeAt(s.pos) !== 32) return false;
	let i = s.pos + 1;
	while (isLowerLetter(s.source.charCodeAt(i))) i++;
	return i > s.pos + 1 && s.source.charCodeAt(i) === 61; // `=`
}

/** Like `isAbsent`, for a field that would end the line: the line ending there counts too. */
export function isAbsentAtEnd(s: LineScanner): boolean {
	return s.ok && (s.atEnd || isAbsent(s));
}

function isLowerLetter(c: number): boolean {
	return c >= 97 && c <= 122;
}
