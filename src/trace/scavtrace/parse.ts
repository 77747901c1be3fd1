/**
 * Parser for scavenger lines: `scvg…` (printed under gctrace in Go 1.2–1.13) and `scav …`
 * (GODEBUG=scavtrace=1, Go 1.14+). The era comes from the prefix (`scvg3:`, `scvg:`,
 * `forced scvg:`), the generation number (Go 1.15–1.18), `work (bg)` (Go 1.21+) and
 * `[controller reset]` (Go 1.18+).
 */
import { eraBits, NO_RELEASE } from '../era-bits.ts';
import { SIGNED, parseWith } from '../scanner.ts';
import type { LineScanner } from '../scanner.ts';
import type { ParsedLine } from '../types.ts';

const GO_1_2_TO_1_3 = eraBits(2, 3);
const GO_1_2_TO_1_12 = eraBits(2, 12);
const GO_1_13 = eraBits(13, 13);
const GO_1_15_TO_1_18 = eraBits(15, 18);
const GO_1_18_ON = eraBits(18);
const GO_1_21_ON = eraBits(21);
const GO_1_14_OR_1_19_TO_1_20 = eraBits(14, 14) | eraBits(19, 20);

const FORCED_SCVG = 'forced scvg: ';
const GC_FORCED = 'GC forced';
const FORCED_MARKER = '(forced)';
const CONTROLLER_RESET = '[controller reset]';

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** Offset just past the digits starting at `i` (`i` itself when there are none). */
function digitsEnd(line: string, i: number): number {
	while (isDigit(line.charCodeAt(i))) i++;
	return i;
}

/** Parses a scavenger line: `scav …`, `scvgN: …`, `scvg: …` or `forced scvg: …`. */
export function parseScavengerLine(text: string): ParsedLine {
	return parseWith(scanScavengerLine, text);
}

/** `parseScavengerLine` into the scanner `s`, reset to the line. */
export function scanScavengerLine(s: LineScanner): void {
	if (s.startsWith('scav ')) scanScavLine(s);
	else scanScvgLine(s);
}

/**
 * Go 1.2–1.13 under gctrace: `scvg3: 5 MB released`, `scvg3: inuse: 2, idle: 6, sys: 9,
 * released: 5, consumed: 4 (MB)` and (Go 1.2–1.3) `scvg3: GC forced`.
 */
function scanScvgLine(s: LineScanner): void {
	let lineEra: number;
	if (s.startsWith(FORCED_SCVG)) {
		s.push('scavtrace/scvg-forced', s.pos, s.pos + FORCED_SCVG.indexOf(' '), true);
		s.skip(FORCED_SCVG.length);
		lineEra = GO_1_13;
	} else if (s.optional('scvg: ')) {
		lineEra = GO_1_13;
	} else {
		s.literal('scvg', '"scvg", "scav " or "forced scvg: "');
		s.number('scavtrace/scvg-pass', 'the scavenger pass number', SIGNED);
		s.literal(': ', '": " after the scavenger pass number');
		lineEra = GO_1_2_TO_1_12;
	}
	if (s.ok && s.startsWith(GC_FORCED)) {
		s.push('scavtrace/scvg-gc-forced', s.pos, s.pos + GC_FORCED.length, true);
		s.pos += GC_FORCED.length;
		return s.complete('scavtrace', 'scvg-gc-forced', lineEra & GO_1_2_TO_1_3);
	}
	if (s.ok && s.startsWith('i')) {
		s.literal('inuse: ');
		s.number('scavtrace/scvg-inuse', 'the heap in use (a number of MB)');
		s.literal(', idle: ', '", idle: " after the heap in use');
		s.number('scavtrace/scvg-idle', 'the heap idle (a number of MB)');
		s.literal(', sys: ', '", sys: " after the heap idle');
		s.number('scavtrace/scvg-sys', 'the heap from the OS (a number of MB)');
		s.literal(', released: ', '", released: " after the heap from the OS');
		s.number('scavtrace/scvg-heap-released', 'the heap released (a number of MB)');
		s.literal(', consumed: ', '", consumed: " after the heap released');
		s.number('scavtrace/scvg-consumed', 'the heap consumed (a number of MB)');
		s.literal(' (MB)', '" (MB)" after the heap consumed');
		return s.complete('scavtrace', 'scvg-summary', lineEra);
	}
	s.number('scavtrace/scvg-released', 'the MB released this pass (a number), "inuse: " or "GC forced"');
	s.literal(' MB released', '" MB released" after the MB released this pass');
	s.complete('scavtrace', 'scvg-released', lineEra);
}

/**
 * Go 1.14+ scavtrace: `scav [gen ]1024 KiB work, 12288 KiB total, 87% util` (Go 1.14–1.20),
 * `scav 1024 KiB work (bg), 0 KiB work (eager), 12288 KiB now, 87% util` (Go 1.21+), either
 * followed by ` (forced)` or ` [controller reset]`.
 */
function scanScavLine(s: LineScanner): void {
	const text = s.source;
	s.literal('scav ');
	// Go 1.15–1.18 print a generation number before the work: `scav 7 1024 KiB work, …`.
	const afterFirst = digitsEnd(text, s.pos);
	const generation =
		afterFirst > s.pos && text.charCodeAt(afterFirst) === 32 && isDigit(text.charCodeAt(afterFirst + 1));
	if (generation) {
		s.number('scavtrace/generation', 'the scavenge generation (a number)');
		s.literal(' ', '" " after the scavenge generation');
	}
	const split = s.ok && text.startsWith(' KiB work (', digitsEnd(text, s.pos));
	if (split) {
		s.number('scavtrace/work-bg', 'the KiB released in background (a number)');
		s.literal(' KiB work (bg), ', '" KiB work (bg), " after the KiB released in background');
		s.number('scavtrace/work-eager', 'the KiB released eagerly (a number)');
		s.literal(' KiB work (eager), ', '" KiB work (eager), " after the KiB released eagerly');
		s.number('scavtrace/heap-released', 'the KiB released to the OS (a number)');
		s.literal(' KiB now, ', '" KiB now, " after the KiB released to the OS');
	} else {
		s.number('scavtrace/work', 'the KiB released since the last line (a number)');
		s.literal(' KiB work, ', '" KiB work, " after the KiB released since the last line');
		s.number('scavtrace/heap-released', 'the KiB released to the OS (a number)');
		s.literal(' KiB total, ', '" KiB total, " after the KiB released to the OS');
	}
	s.number('scavtrace/util', 'the heap utilization (a whole percent)');
	s.literal('% util', '"% util" after the heap utilization');

	let lineEra = generation ? (split ? NO_RELEASE : GO_1_15_TO_1_18) : split ? GO_1_21_ON : GO_1_14_OR_1_19_TO_1_20;
	if (
		!s.marker('scavtrace/forced', FORCED_MARKER, 'the heap utilization') &&
		s.marker('scavtrace/controller-reset', CONTROLLER_RESET, 'the heap utilization')
	) {
		lineEra &= GO_1_18_ON;
	}
	s.complete('scavtrace', 'scav', lineEra);
}
