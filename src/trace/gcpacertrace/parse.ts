/**
 * Parser for `pacer: …` lines (GODEBUG=gcpacertrace=1). Each of the three line shapes narrows
 * the era by its text (`MB of spans`, `pages at`, `[controller reset]`) and by how its floats
 * print: `+6.000000e-001` through Go 1.25, shortest form (`0.6`) from Go 1.26.
 */
import { OLDEST_GO_MINOR } from '../era.ts';
import { ANY_RELEASE, eraBits, NO_RELEASE } from '../era-bits.ts';
import { SIGNED, parseWith } from '../scanner.ts';
import type { FloatNotation, LineScanner } from '../scanner.ts';
import type { LineForm, ParsedLine } from '../types.ts';

const GO_1_5_ON = eraBits(5);
const GO_1_5_TO_1_9 = eraBits(5, 9);
const GO_1_5_TO_1_18 = eraBits(5, 18);
const GO_1_6 = eraBits(6, 6);
const GO_1_7_TO_1_8 = eraBits(7, 8);
const GO_1_9_ON = eraBits(9);
const GO_1_10_TO_1_18 = eraBits(10, 18);
const GO_1_10_ON = eraBits(10);
const GO_1_18_ON = eraBits(18);
const GO_1_18_TO_1_19 = eraBits(18, 19);
const GO_1_26_ON = eraBits(26);
const UP_TO_1_25 = eraBits(OLDEST_GO_MINOR, 25);
// Until Go 1.9 the fractional worker count was an integer, which Go 1.26 could print alike.
const INTEGER_OR_SHORTEST = GO_1_5_TO_1_9 | GO_1_26_ON;

const PREFIX = 'pacer: ';
const CONTROLLER_RESET = '[controller reset]';

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

// How the floats on a line were printed, as bits: runtime notation, shortest, or both.
const EXPONENT = 1;
const SHORTEST = 2;

/** The notation bit of the float just read; NaN and ±Inf print alike in both, so none. */
function notationBit(s: LineScanner, notation: FloatNotation | false): number {
	if (notation === 'runtime-exponent') return EXPONENT;
	if (notation === false) return 0;
	// `NaN`, `+Inf` or `-Inf`: the only floats that do not end in a digit.
	const last = s.source.charCodeAt(s.end(s.count - 1) - 1);
	return isDigit(last) ? SHORTEST : 0;
}

/** Releases whose float printing produces the notations in `bits`. */
function notationEra(bits: number): number {
	if (bits === EXPONENT) return UP_TO_1_25;
	if (bits === SHORTEST) return GO_1_26_ON;
	return bits === 0 ? ANY_RELEASE : NO_RELEASE;
}

/** Whether the line has `literal` at `at`, or ends there with a (non-empty) start of it. */
function startsOrIsCutFrom(s: LineScanner, at: number, literal: string): boolean {
	return s.source.startsWith(literal, at) || s.isCutOff(at, literal);
}

/** Parses a line that starts `pacer: ` (GODEBUG=gcpacertrace=1, Go 1.5+). */
export function parsePacerLine(text: string): ParsedLine {
	return parseWith(scanPacerLine, text);
}

// The usual pacer lines of Go 1.18+, each matched whole by one sticky expression for a log read
// for its summary alone (Irregexp runs natively, faster than the reading field by field): one
// with its floats in the runtime notation, one in the shortest form, read as `float` reads them.
// A shortest float here has no sign and at most 39 characters (`float` looks at 40 at most), so
// it is never taken for the runtime notation; any other float leaves the line to the full reading.
const RUNTIME_FLOAT = String.raw`[+-]\d\.\d{6}e[+-]\d{3}`;
const SHORTEST_FLOAT = String.raw`\d{1,12}(?:\.\d{1,21})?(?:e[+-]\d{1,3})?`;

function pacerLines(float: string): { assist: RegExp; controller: RegExp; sweep: RegExp } {
	const y = (source: string) => new RegExp(source, 'y');
	return {
		assist: y(String.raw`pacer: assist ratio=${float} \(scan \d+ MB in \d+->\d+ MB\) workers=\d+\+${float}`),
		controller: y(
			String.raw`pacer: \d+% CPU \(\d+ exp\.\) for \d+\+\d+\+\d+ B work \(\d+ B exp\.\) in \d+ B -> \d+ B ` +
				String.raw`\(∆goal -?\d+, cons/mark ${float}\)(?:\[controller reset\])?`,
		),
		sweep: y(
			String.raw`pacer: sweep done at heap size \d+MB; allocated \d+MB during sweep; swept \d+ pages at ${float} pages/byte`,
		),
	};
}
const RUNTIME_NOTATION_LINES = pacerLines(RUNTIME_FLOAT);
const SHORTEST_FORM_LINES = pacerLines(SHORTEST_FLOAT);

/** Whether `line` matches the line `s` is at, to its end. */
function matchesWhole(s: LineScanner, line: RegExp): boolean {
	line.lastIndex = s.pos;
	return line.test(s.source) && line.lastIndex === s.lineEnd;
}

/** Which of the expressions to try: a float starting with a sign can only be the runtime notation. */
function linesFor(s: LineScanner, floatStart: number): typeof SHORTEST_FORM_LINES {
	return isDigit(s.source.charCodeAt(floatStart)) ? SHORTEST_FORM_LINES : RUNTIME_NOTATION_LINES;
}

/**
 * For a log read for its summary alone: a usual Go 1.18+ line, matched whole, is without a
 * problem and needs only its era (from its floats' notation) and its `∆`'s extra UTF-8 bytes;
 * nothing reads its tokens. Returns false, having read nothing, for any other line.
 */
function summaryOfUsualPacerLine(s: LineScanner): boolean {
	const text = s.source;
	const at = s.pos + PREFIX.length;
	const end = s.lineEnd;
	const c = text.charCodeAt(at);
	let form: LineForm;
	let lineEra: number;
	if (c === 97 /* a */) {
		// The ratio's notation picks the expression, which holds the fractional workers to it.
		const lines = linesFor(s, at + 'assist ratio='.length);
		if (!matchesWhole(s, lines.assist)) return false;
		form = 'pacer-assist-ratio';
		// The fractional workers are a float from Go 1.10 (a whole one printed in the shortest
		// form looks like Go 1.5–1.9's integer, but the ratio's notation already says 1.26+).
		lineEra = lines === SHORTEST_FORM_LINES ? GO_1_26_ON : GO_1_10_ON & UP_TO_1_25;
	} else if (c === 115 /* s */) {
		// `… pages at F pages/byte`
		const lines = linesFor(s, text.lastIndexOf(' ', end - ' pages/byte'.length - 1) + 1);
		if (!matchesWhole(s, lines.sweep)) return false;
		form = 'pacer-sweep-done';
		lineEra = lines === SHORTEST_FORM_LINES ? GO_1_26_ON : GO_1_9_ON & UP_TO_1_25;
	} else if (isDigit(c)) {
		// `… cons/mark F)`, maybe then `[controller reset]`
		const reset = text.charCodeAt(end - 1) === 93; /* ] */
		const floatEnd = reset ? end - CONTROLLER_RESET.length - 1 : end - 1;
		const lines = linesFor(s, text.lastIndexOf(' ', floatEnd - 1) + 1);
		if (!matchesWhole(s, lines.controller)) return false;
		form = 'pacer-controller';
		lineEra = lines === SHORTEST_FORM_LINES ? GO_1_26_ON : GO_1_18_ON & UP_TO_1_25;
		if (reset) lineEra &= GO_1_18_TO_1_19;
		const delta = text.indexOf('∆', at);
		s.countTextBytes(delta, delta + 1);
	} else return false;
	s.pos = end;
	s.complete('gcpacertrace', form, lineEra);
	return true;
}

/** `parsePacerLine` into the scanner `s`, reset to the line. */
export function scanPacerLine(s: LineScanner): void {
	if (!s.tokensRead && summaryOfUsualPacerLine(s)) return;
	s.literal(PREFIX);
	const at = s.lineStart + PREFIX.length;
	if (startsOrIsCutFrom(s, at, 'assist ratio=')) return scanAssistRatio(s);
	if (startsOrIsCutFrom(s, at, 'H_m_prev=')) return scanLegacyController(s);
	if (startsOrIsCutFrom(s, at, 'sweep done at heap size ')) return scanSweepDone(s);
	if (at < s.lineEnd && isDigit(s.source.charCodeAt(at))) return scanController(s);
	s.fail('expected "assist ratio=", "H_m_prev=", "sweep done" or a CPU percent after "pacer: "' + s.found());
	s.complete('gcpacertrace', 'pacer-controller', GO_1_5_ON);
}

/** `pacer: assist ratio=+6.000000e-001 (scan 3 MB in 7->8 MB) workers=1++0.000000e+000`. */
function scanAssistRatio(s: LineScanner): void {
	s.literal('assist ratio=');
	let bits = notationBit(s, s.float('gcpacertrace/assist-ratio', 'the assist ratio'));
	s.literal(' (scan ', '" (scan " after the assist ratio');
	s.number('gcpacertrace/heap-scan', 'the scannable heap (a number of MB)');
	s.literal(' MB in ', '" MB in " after the scannable heap');
	s.number('gcpacertrace/heap-live-start', 'the heap at start (a number of MB)');
	s.literal('->', '"->" after the heap at start');
	s.number('gcpacertrace/heap-goal', 'the heap goal, a number, before " MB)"');
	s.literal(' MB) workers=', '" MB) workers=" after the heap goal');
	s.number('gcpacertrace/dedicated-workers', 'the dedicated workers (a number)');
	s.literal('+', '"+" after the dedicated workers');
	// An integer through Go 1.9, a float from Go 1.10: `1++0.000000e+000` keeps the float's sign.
	const notation = s.float('gcpacertrace/fractional-workers', 'the fractional workers');
	let workersEra = GO_1_5_ON;
	if (notation === 'shortest' && isAllDigits(s, s.count - 1)) {
		workersEra = INTEGER_OR_SHORTEST;
	} else if (notation !== false) {
		workersEra = GO_1_10_ON;
		bits |= notationBit(s, notation);
	}
	s.complete('gcpacertrace', 'pacer-assist-ratio', workersEra & notationEra(bits));
}

/** Whether token `i` is all digits (an integer). */
function isAllDigits(s: LineScanner, i: number): boolean {
	const end = s.end(i);
	for (let at = s.start(i); at < end; at++) if (!isDigit(s.source.charCodeAt(at))) return false;
	return end > s.start(i);
}

/** Go 1.5–1.17, and 1.18 with GOEXPERIMENT=nopacerredesign: `pacer: H_m_prev=4194304 …`. */
function scanLegacyController(s: LineScanner): void {
	let lineEra = GO_1_5_TO_1_18;
	let bits = 0;
	s.literal('H_m_prev=');
	s.number('gcpacertrace/prev-heap-marked', 'H_m_prev (a number of bytes)');
	s.literal(' h_t=', '" h_t=" after H_m_prev');
	bits |= notationBit(s, s.float('gcpacertrace/trigger-ratio', 'h_t'));
	s.literal(' H_T=', '" H_T=" after h_t');
	s.number('gcpacertrace/trigger-heap', 'H_T (a number of bytes)');
	s.literal(' h_a=', '" h_a=" after H_T');
	bits |= notationBit(s, s.float('gcpacertrace/actual-growth-ratio', 'h_a'));
	s.literal(' H_a=', '" H_a=" after h_a');
	s.number('gcpacertrace/actual-heap', 'H_a (a number of bytes)');
	s.literal(' h_g=', '" h_g=" after H_a');
	bits |= notationBit(s, s.float('gcpacertrace/goal-growth-ratio', 'h_g'));
	s.literal(' H_g=', '" H_g=" after h_g');
	s.number('gcpacertrace/goal-heap', 'H_g (a number of bytes)', SIGNED);
	s.literal(' u_a=', '" u_a=" after H_g');
	bits |= notationBit(s, s.float('gcpacertrace/actual-utilization', 'u_a'));
	s.literal(' u_g=', '" u_g=" after u_a');
	const goalUtilization = s.float('gcpacertrace/goal-utilization', 'u_g');
	bits |= notationBit(s, goalUtilization);
	if (goalUtilization !== false) {
		// gcGoalUtilization is a constant: 0.25 through Go 1.9, 0.30 from Go 1.10.
		const u = s.value(s.count - 1);
		if (u === 0.25) lineEra = GO_1_5_TO_1_9;
		else if (u === 0.3) lineEra = GO_1_10_TO_1_18;
	}
	s.literal(' W_a=', '" W_a=" after u_g');
	s.number('gcpacertrace/scan-work', 'W_a (a number of bytes)', SIGNED);
	s.wideLiteral(' goalΔ=', '" goalΔ=" after W_a');
	bits |= notationBit(s, s.float('gcpacertrace/goal-delta', 'goalΔ'));
	s.wideLiteral(' actualΔ=', '" actualΔ=" after goalΔ');
	bits |= notationBit(s, s.float('gcpacertrace/actual-delta', 'actualΔ'));
	s.literal(' u_a/u_g=', '" u_a/u_g=" after actualΔ');
	bits |= notationBit(s, s.float('gcpacertrace/utilization-ratio', 'u_a/u_g'));
	s.complete('gcpacertrace', 'pacer-controller-legacy', lineEra & notationEra(bits));
}

/**
 * Go 1.18+: `pacer: 27% CPU (25 exp.) for 2621440+65536+131072 B work (2752512 B exp.) in
 * 7130316 B -> 7864320 B (∆goal -524288, cons/mark +4.237288e-001)[controller reset]`.
 */
function scanController(s: LineScanner): void {
	s.number('gcpacertrace/cpu-utilization', 'the mark CPU use (a whole percent)');
	s.literal('% CPU (', '"% CPU (" after the mark CPU use');
	s.number('gcpacertrace/cpu-utilization-goal', 'the mark CPU goal (a whole percent)');
	s.literal(' exp.) for ', '" exp.) for " after the mark CPU goal');
	s.number('gcpacertrace/heap-scan-work', 'the heap scan work (a number of bytes)');
	s.literal('+', '"+" after the heap scan work');
	s.number('gcpacertrace/stack-scan-work', 'the stack scan work (a number of bytes)');
	s.literal('+', '"+" after the stack scan work');
	s.number('gcpacertrace/globals-scan-work', 'the globals scan work (a number of bytes)');
	s.literal(' B work (', '" B work (" after the globals scan work');
	s.number('gcpacertrace/expected-scan-work', 'the expected scan work (a number of bytes)');
	s.literal(' B exp.) in ', '" B exp.) in " after the expected scan work');
	s.number('gcpacertrace/heap-live-trigger', 'the heap at trigger (a number of bytes)');
	s.literal(' B -> ', '" B -> " after the heap at trigger');
	s.number('gcpacertrace/heap-live-end', 'the heap at mark end (a number of bytes)');
	s.wideLiteral(' B (∆goal ', '" B (∆goal " after the heap at mark end');
	s.number('gcpacertrace/goal-overshoot', 'the overshoot (a number of bytes)', SIGNED);
	s.literal(', cons/mark ', '", cons/mark " after the overshoot');
	const notation = s.float('gcpacertrace/cons-mark', 'the cons/mark estimate');
	s.literal(')', '")" after the cons/mark estimate');
	let lineEra = GO_1_18_ON & notationEra(notationBit(s, notation));
	if (s.ok && s.startsWith(CONTROLLER_RESET)) {
		s.push('gcpacertrace/controller-reset', s.pos, s.pos + CONTROLLER_RESET.length, true);
		s.pos += CONTROLLER_RESET.length;
		lineEra &= GO_1_18_TO_1_19;
	}
	s.complete('gcpacertrace', 'pacer-controller', lineEra);
}

/**
 * `pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 1063 pages at
 * +1.391361e-004 pages/byte` (Go 1.9+); Go 1.6–1.8 print `MB of spans`, Go 1.6 no `pages at`.
 */
function scanSweepDone(s: LineScanner): void {
	s.literal('sweep done at heap size ');
	s.number('gcpacertrace/sweep-heap-live', 'the heap when sweep done, a number, before "MB"');
	s.literal('MB; allocated ', '"MB; allocated " after the heap when sweep done');
	s.number('gcpacertrace/sweep-allocated', 'the allocated during sweep (a number of MB)');
	const ofSpans = s.optional('MB of spans; swept ');
	if (!ofSpans) {
		s.literal(
			'MB during sweep; swept ',
			'"MB during sweep; swept " (or "MB of spans; swept ") after the allocated during sweep',
		);
	}
	s.number('gcpacertrace/pages-swept', 'the pages swept (a number)');
	s.literal(' pages', '" pages" after the pages swept');
	let lineEra = ofSpans ? GO_1_6 : GO_1_9_ON;
	// Go 1.6 ends here; `pages at` came in Go 1.7.
	if (!ofSpans || (s.ok && s.startsWith(' at'))) {
		s.literal(' at ', '" at " after " pages"');
		const notation = s.float('gcpacertrace/sweep-pages-per-byte', 'the sweep pace');
		s.literal(' pages/byte', '" pages/byte" after the sweep pace');
		const bits = notationBit(s, notation);
		lineEra = (ofSpans ? GO_1_7_TO_1_8 : GO_1_9_ON) & notationEra(bits);
	}
	s.complete('gcpacertrace', 'pacer-sweep-done', lineEra);
}
