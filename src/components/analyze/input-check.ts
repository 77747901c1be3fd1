/**
 * Tells a text log from a binary file by its first bytes, before anything is parsed: a NUL
 * byte, or many bytes that are not UTF-8, never occur in a Go program's stderr.
 */

/** Share of U+FFFD (undecodable bytes) above which the start of a file is binary. */
const maxReplacementShare = 0.05;

export function looksBinary(start: Uint8Array): boolean {
	if (start.includes(0)) return true;
	const text = new TextDecoder('utf-8', { fatal: false }).decode(start);
	if (text.length === 0) return false;
	let replaced = 0;
	for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) replaced++;
	// A multi-byte character cut at the end of the sample decodes to one U+FFFD: allow it.
	return replaced > 1 && replaced / text.length > maxReplacementShare;
}
