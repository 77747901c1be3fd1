/**
 * `parseLine`: decides which GODEBUG setting printed a line and hands it to that format's
 * parser. The decision looks only at a line's distinctive start, so a program's own log
 * lines stay `other`, while a truncated runtime line is still recognised and gets a problem.
 * The checks are charCode comparisons rather than regular expressions: they run on every
 * line of a log.
 */
import { scanGcForcedLine, scanGctraceLine, scanScanStatsLine } from './gctrace/parse.ts';
import { scanPacerLine } from './gcpacertrace/parse.ts';
import { scanInitLine } from './inittrace/parse.ts';
import { isDigit, parseWith } from './scanner.ts';
import type { LineScanner } from './scanner.ts';
import { scanScavengerLine } from './scavtrace/parse.ts';
import { scanDetailLine } from './scheddetail/parse.ts';
import { scanSchedLine } from './schedtrace/parse.ts';
import type { ParsedLine } from './types.ts';

const SPACE = 32;
const MINUS = 45;

/** A line that is not runtime trace output. */
export function otherLine(text: string): ParsedLine {
	return { text, kind: 'other', form: 'other', era: null, tokens: [], problem: null };
}

/** Parses one line (without its line terminator). Never throws. */
export function parseLine(text: string): ParsedLine {
	return parseWith(scanLine, text);
}

/** `parseLine` into the scanner `s`, which `reset` has set to the line. */
export function scanLine(s: LineScanner): void {
	const text = s.source;
	const at = s.lineStart;
	// Each case reads only up to the first code unit that fails, so never past the line's end.
	switch (text.charCodeAt(at)) {
		case 103 /* g */:
			if (isGcLine(text, at)) return scanGctraceLine(s);
			break;
		case 83 /* S */:
			if (text.startsWith('SCHED ', at)) return scanSchedLine(s);
			break;
		case SPACE:
			if (isDetailLine(text, at)) return scanDetailLine(s);
			break;
		case 112 /* p */:
			if (text.startsWith('pacer: ', at)) return scanPacerLine(s);
			break;
		case 115 /* s */:
			if (text.startsWith('scan: ', at)) return scanScanStatsLine(s);
			if (isScavengerLine(text, at)) return scanScavengerLine(s);
			break;
		case 102 /* f */:
			if (isScavengerLine(text, at)) return scanScavengerLine(s);
			break;
		case 105 /* i */:
			if (isInitLine(text, at, s.lineEnd)) return scanInitLine(s);
			break;
		case 71 /* G */:
			if (s.lineIs('GC forced')) return scanGcForcedLine(s);
			break;
	}
	s.other();
}

/** `gc 3 …` (Go 1.5+) or `gc3(…` (Go 1.1–1.4) at `at`. */
function isGcLine(text: string, at: number): boolean {
	if (text.charCodeAt(at + 1) !== 99 /* c */) return false;
	const c = text.charCodeAt(at + 2);
	return isDigit(c) || (c === SPACE && isDigit(text.charCodeAt(at + 3)));
}

/** Two spaces, `P`, `M` or `G`, then a number (maybe negative): `  P0:`. */
function isDetailLine(text: string, at: number): boolean {
	if (text.charCodeAt(at + 1) !== SPACE) return false;
	const c = text.charCodeAt(at + 2);
	if (c !== 80 /* P */ && c !== 77 /* M */ && c !== 71 /* G */) return false;
	const digitAt = text.charCodeAt(at + 3) === MINUS ? at + 4 : at + 3;
	return isDigit(text.charCodeAt(digitAt));
}

/** `scav `, `scvg: `, `scvgN: `, `scvg-N: ` or `forced scvg: `. */
function isScavengerLine(text: string, at: number): boolean {
	if (text.startsWith('scav ', at) || text.startsWith('forced scvg: ', at)) return true;
	if (!text.startsWith('scvg', at)) return false;
	let i = at + 4;
	if (text.charCodeAt(i) === MINUS || isDigit(text.charCodeAt(i))) {
		if (text.charCodeAt(i) === MINUS) i++;
		const digits = i;
		while (isDigit(text.charCodeAt(i))) i++;
		if (i === digits) return false;
	}
	return text.startsWith(': ', i);
}

/** `init `, a package path (no white space), then ` @`. */
function isInitLine(text: string, at: number, end: number): boolean {
	if (!text.startsWith('init ', at)) return false;
	const path = at + 5;
	let i = path;
	while (i < end && !isWhiteSpace(text.charCodeAt(i))) i++;
	return i > path && text.startsWith(' @', i);
}

/** JavaScript's white space and line terminators (what `\s` matches). */
function isWhiteSpace(c: number): boolean {
	if (c <= SPACE) return c === SPACE || (c >= 9 && c <= 13);
	if (c < 0xa0) return false;
	return (
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000 ||
		c === 0xfeff
	);
}
