/**
 * Tells a text log from a binary file by its first bytes, before anything is parsed: a NUL
 * byte, or many bytes that are not UTF-8, never occur in a Go program's stderr. A few stray
 * non-UTF-8 bytes (a program printing Latin-1) do, and are read as U+FFFD.
 */

/** How much of the start of an input `binaryEvidence` is given to look at. */
export const binarySampleBytes = 64 * 1024;

/** Share of U+FFFD (undecodable bytes) above which the start of a file is binary. */
const maxReplacementShare = 0.05;

/** Why `start` (the first bytes of an input) looks binary, in words, or `null` for text. */
export function binaryEvidence(start: Uint8Array): string | null {
	const nul = start.indexOf(0);
	if (nul >= 0) return `a NUL byte at byte ${nul}`;
	const { units, replaced } = decodeCounts(start);
	if (units === 0) return null;
	// A multi-byte character cut at the end of the sample decodes to one U+FFFD: allow it.
	if (replaced > 1 && replaced / units > maxReplacementShare) {
		return `${Math.round((replaced / units) * 100)}% of its first characters are not UTF-8`;
	}
	return null;
}

/** Whether the first bytes of an input are a binary file's. */
export function looksBinary(start: Uint8Array): boolean {
	return binaryEvidence(start) !== null;
}

/**
 * What decoding `bytes` as UTF-8 gives, counted without building the text (the core has no
 * TextDecoder): its length in UTF-16 code units and how many U+FFFD replace undecodable bytes,
 * following the WHATWG decoder (each maximal invalid subpart becomes one U+FFFD).
 */
function decodeCounts(bytes: Uint8Array): { units: number; replaced: number } {
	let units = 0;
	let replaced = 0;
	let need = 0; // continuation bytes still expected
	let seen = 0;
	let lower = 0x80;
	let upper = 0xbf;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i]!;
		if (need === 0) {
			if (b <= 0x7f) units++;
			else if (b >= 0xc2 && b <= 0xdf) need = 1;
			else if (b >= 0xe0 && b <= 0xef) {
				if (b === 0xe0) lower = 0xa0;
				if (b === 0xed) upper = 0x9f;
				need = 2;
			} else if (b >= 0xf0 && b <= 0xf4) {
				if (b === 0xf0) lower = 0x90;
				if (b === 0xf4) upper = 0x8f;
				need = 3;
			} else {
				units++;
				replaced++;
			}
			continue;
		}
		if (b < lower || b > upper) {
			// The sequence so far is one U+FFFD; this byte starts afresh.
			need = seen = 0;
			lower = 0x80;
			upper = 0xbf;
			units++;
			replaced++;
			i--;
			continue;
		}
		lower = 0x80;
		upper = 0xbf;
		if (++seen === need) {
			units += need === 3 ? 2 : 1; // a 4-byte character is a surrogate pair
			need = seen = 0;
		}
	}
	if (need > 0) {
		units++;
		replaced++;
	}
	return { units, replaced };
}
