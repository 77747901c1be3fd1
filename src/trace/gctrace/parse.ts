/**
 * Parsers for gctrace output: the `gc N @…` line (Go 1.5+), the `gcN(P): …` line
 * (Go 1.1–1.4), the `scan:` lines of gctrace=2 (Go 1.25+) and the `GC forced` notice. The era
 * of a line comes from its shape: how many clock values, whether `MB stacks` or the leak
 * marker is there.
 */
import { eraBits, NO_RELEASE } from '../era-bits.ts';
import { DECIMALS, parseWith } from '../scanner.ts';
import type { LineScanner } from '../scanner.ts';
import type { ParsedLine } from '../types.ts';

const GO_1_1_TO_1_2 = eraBits(1, 2);
const GO_1_3 = eraBits(3, 3);
const GO_1_4 = eraBits(4, 4);
const GO_1_4_ON = eraBits(4);
const GO_1_5 = eraBits(5, 5);
const GO_1_6_TO_1_17 = eraBits(6, 17);
const GO_1_18_ON = eraBits(18);
const GO_1_25_ON = eraBits(25);
const GO_1_26_ON = eraBits(26);

const LEAK_MARKER = '(checking for goroutine leaks)';
const FORCED_MARKER = '(forced)';
const GC_FORCED = 'GC forced';

const PLUS = 43;
const DOT = 46;

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** Offset just past the digits starting at `i` (`i` itself when there are none). */
function digitsEnd(line: string, i: number): number {
	while (isDigit(line.charCodeAt(i))) i++;
	return i;
}

/** How many `+` join the run of digits, dots and `+` at `i` (the length of a clock list). */
function countPluses(line: string, i: number): number {
	let n = 0;
	for (;;) {
		const c = line.charCodeAt(i++);
		if (c === PLUS) n++;
		else if (!isDigit(c) && c !== DOT) return n;
	}
}

/** Parses a line that starts `gc` and a digit: the Go 1.5+ cycle line or a Go 1.1–1.4 line. */
export function parseGctraceLine(text: string): ParsedLine {
	return parseWith(scanGctraceLine, text);
}

/** `parseGctraceLine` into the scanner `s`, reset to the line. */
export function scanGctraceLine(s: LineScanner): void {
	if (s.source.charCodeAt(s.lineStart + 2) === 32) scanCycleLine(s);
	else scanLegacyLine(s);
}

/**
 * The usual cycle line of Go 1.18+ (three clock values, stacks and globals, no leak marker),
 * matched whole by one sticky expression: Irregexp runs natively, faster than the reading
 * field by field. Numbers are read as `number` reads them (digits, a fraction where allowed).
 */
const USUAL_CYCLE_LINE = new RegExp(
	String.raw`gc \d+ @\d+(?:\.\d+)?s \d+%: ` +
		String.raw`\d+(?:\.\d+)?\+\d+(?:\.\d+)?\+\d+(?:\.\d+)? ms clock, ` +
		String.raw`\d+(?:\.\d+)?\+\d+(?:\.\d+)?/\d+(?:\.\d+)?/\d+(?:\.\d+)?\+\d+(?:\.\d+)? ms cpu, ` +
		String.raw`\d+->\d+->\d+ MB, \d+ MB goal, \d+ MB stacks, \d+ MB globals, \d+ P(?: \(forced\))?`,
	'y',
);

/**
 * For a log read for its summary alone: a cycle line `USUAL_CYCLE_LINE` matches to its end is
 * ASCII, without a problem, of Go 1.18+, and needs only the two tokens the summary reads (the
 * time since start and GOMAXPROCS), read with `number` at their places. Returns false, having
 * read nothing, for any other line.
 */
function summaryOfUsualCycleLine(s: LineScanner): boolean {
	const text = s.source;
	const end = s.lineEnd;
	USUAL_CYCLE_LINE.lastIndex = s.pos;
	if (!USUAL_CYCLE_LINE.test(text) || USUAL_CYCLE_LINE.lastIndex !== end) return false;
	s.pos = text.indexOf('@', s.pos) + 1;
	s.number('gctrace/since-start', 'the time since start (a number of seconds)', DECIMALS);
	// The line ends `N P` or `N P (forced)`.
	let procsEnd = text.charCodeAt(end - 1) === 80 /* P */ ? end - 2 : end - 11;
	while (isDigit(text.charCodeAt(procsEnd - 1))) procsEnd--;
	s.pos = procsEnd;
	s.number('gctrace/procs', 'GOMAXPROCS, a number, before " P"');
	s.pos = end;
	s.complete('gctrace', 'gc-cycle', GO_1_18_ON);
	return true;
}

/** `gc 3 @0.041s 2%: 0.018+1.1+0.025 ms clock, … 4->4->1 MB, 4 MB goal, 0 MB stacks, …`. */
function scanCycleLine(s: LineScanner): void {
	if (!s.tokensRead && summaryOfUsualCycleLine(s)) return;
	const text = s.source;
	s.literal('gc ');
	s.number('gctrace/cycle', 'the GC cycle number');
	s.literal(' @', '" @" before the time since start');
	s.number('gctrace/since-start', 'the time since start (a number of seconds)', DECIMALS);
	s.literal('s', '"s" after the time since start');
	s.literal(' ', '" " before the GC CPU share');
	s.number('gctrace/gc-cpu-percent', 'the GC CPU share (a whole percent)');
	s.literal('%', '"%" after the GC CPU share');
	const leakCheck = s.marker('gctrace/leak-check', LEAK_MARKER, 'the GC CPU share');
	s.literal(': ', '": " after the GC CPU share');

	// Go 1.5 printed five clock phases and seven cpu values; Go 1.6+ prints three and five.
	const goOneFive = s.ok && countPluses(text, s.pos) === 4;
	s.number('gctrace/wall-sweep-termination', 'the sweep termination clock time (a number of ms)', DECIMALS);
	s.literal('+', '"+" after the sweep termination clock time');
	if (goOneFive) {
		s.number('gctrace/wall-scan', 'the root scan clock time (a number of ms)', DECIMALS);
		s.literal('+', '"+" after the root scan clock time');
		s.number('gctrace/wall-install-write-barrier', 'the install write barrier clock time (a number of ms)', DECIMALS);
		s.literal('+', '"+" after the install write barrier clock time');
	}
	s.number('gctrace/wall-mark', 'the concurrent mark clock time (a number of ms)', DECIMALS);
	s.literal('+', '"+" after the concurrent mark clock time');
	s.number('gctrace/wall-mark-termination', 'the mark termination clock time (a number of ms)', DECIMALS);
	s.literal(' ms clock, ', '" ms clock, " after the mark termination clock time');

	s.number('gctrace/cpu-sweep-termination', 'the sweep termination CPU time (a number of ms)', DECIMALS);
	s.literal('+', '"+" after the sweep termination CPU time');
	if (goOneFive) {
		s.number('gctrace/cpu-scan', 'the root scan CPU time (a number of ms)', DECIMALS);
		s.literal('+', '"+" after the root scan CPU time');
		s.number('gctrace/cpu-install-write-barrier', 'the install write barrier CPU time (a number of ms)', DECIMALS);
		s.literal('+', '"+" after the install write barrier CPU time');
	}
	s.number('gctrace/cpu-assist', 'the mark assist CPU time (a number of ms)', DECIMALS);
	s.literal('/', '"/" after the mark assist CPU time');
	s.number('gctrace/cpu-background', 'the background mark CPU time (a number of ms)', DECIMALS);
	s.literal('/', '"/" after the background mark CPU time');
	s.number('gctrace/cpu-idle', 'the idle mark CPU time (a number of ms)', DECIMALS);
	s.literal('+', '"+" after the idle mark CPU time');
	s.number('gctrace/cpu-mark-termination', 'the mark termination CPU time (a number of ms)', DECIMALS);
	s.literal(' ms cpu, ', '" ms cpu, " after the mark termination CPU time');

	s.number('gctrace/heap-start', 'the heap at start (a number of MB)');
	s.literal('->', '"->" after the heap at start');
	s.number('gctrace/heap-end', 'the heap at mark end (a number of MB)');
	s.literal('->', '"->" after the heap at mark end');
	s.number('gctrace/heap-live', 'the live heap, a number, before " MB, "');
	s.literal(' MB, ', '" MB, " after the live heap');
	s.number('gctrace/heap-goal', 'the heap goal, a number, before " MB goal"');
	s.literal(' MB goal, ', '" MB goal, " after the heap goal');

	// Go 1.18+ inserts `# MB stacks, # MB globals, ` before `# P`.
	const stacks = s.ok && text.startsWith(' MB', digitsEnd(text, s.pos));
	if (stacks) {
		s.number('gctrace/stacks', 'the scannable stacks, a number, before " MB stacks"');
		s.literal(' MB stacks, ', '" MB stacks, " after the scannable stacks');
		s.number('gctrace/globals', 'the scannable globals, a number, before " MB globals"');
		s.literal(' MB globals, ', '" MB globals, " after the scannable globals');
	}
	s.number('gctrace/procs', 'GOMAXPROCS, a number, before " P"');
	s.literal(' P', '" P" after GOMAXPROCS');
	s.marker('gctrace/forced', FORCED_MARKER, 'GOMAXPROCS');

	// Go 1.5 never printed stacks; the leak marker is Go 1.26+, which always prints them.
	let lineEra = goOneFive ? (stacks ? NO_RELEASE : GO_1_5) : stacks ? GO_1_18_ON : GO_1_6_TO_1_17;
	if (leakCheck) lineEra &= GO_1_26_ON;
	s.complete('gctrace', 'gc-cycle', lineEra);
}

/**
 * Go 1.1–1.2: `gc1(1): 0+0+0 ms, 0 -> 0 MB 16 -> 18 (19-1) objects, …`; Go 1.3–1.4:
 * `gc1(1): 2+0+201+3 us, 0 -> 0 MB, 18 (19-1) objects, [2 goroutines, ]13/0/0 sweeps, …`.
 */
function scanLegacyLine(s: LineScanner): void {
	const text = s.source;
	s.literal('gc');
	s.number('gctrace/legacy-cycle', 'the GC number');
	s.literal('(', '"(" after the GC number');
	s.number('gctrace/legacy-procs', 'the GC thread count');
	s.literal('): ', '"): " after the GC thread count');
	// Three `ms` times (Go 1.1–1.2) or four `us` times (Go 1.3–1.4).
	const microseconds = s.ok && countPluses(text, s.pos) >= 3;
	let lineEra: number;
	if (microseconds) {
		lineEra = GO_1_3;
		s.number('gctrace/legacy-setup-us', 'the setup time (a number of µs)');
		s.literal('+', '"+" after the setup time');
		s.number('gctrace/legacy-sweep-us', 'the finish-sweeping time (a number of µs)');
		s.literal('+', '"+" after the finish-sweeping time');
		s.number('gctrace/legacy-mark-us', 'the mark time (a number of µs)');
		s.literal('+', '"+" after the mark time');
		s.number('gctrace/legacy-finish-us', 'the finish time (a number of µs)');
		s.literal(' us, ', '" us, " after the finish time');
		s.number('gctrace/legacy-heap-before', 'the heap before (a number of MB)');
		s.literal(' -> ', '" -> " after the heap before');
		s.number('gctrace/legacy-heap-after', 'the heap after, a number, before " MB, "');
		s.literal(' MB, ', '" MB, " after the heap after');
		s.number('gctrace/legacy-objects-after', 'the objects after (a number)');
	} else {
		lineEra = GO_1_1_TO_1_2;
		s.number('gctrace/legacy-mark-ms', 'the mark time (a number of ms)');
		s.literal('+', '"+" after the mark time');
		s.number('gctrace/legacy-sweep-ms', 'the sweep time (a number of ms)');
		s.literal('+', '"+" after the sweep time');
		s.number('gctrace/legacy-other-ms', 'the other work time (a number of ms)');
		s.literal(' ms, ', '" ms, " after the other work time');
		s.number('gctrace/legacy-heap-before', 'the heap before (a number of MB)');
		s.literal(' -> ', '" -> " after the heap before');
		s.number('gctrace/legacy-heap-after', 'the heap after, a number, before " MB "');
		s.literal(' MB ', '" MB " after the heap after');
		s.number('gctrace/legacy-objects-before', 'the objects before (a number)');
		s.literal(' -> ', '" -> " after the objects before');
		s.number('gctrace/legacy-objects-after', 'the objects after (a number)');
	}
	s.literal(' (', '" (" after the objects after');
	s.number('gctrace/legacy-mallocs', 'the malloc count');
	s.literal('-', '"-" after the malloc count');
	s.number('gctrace/legacy-frees', 'the free count');
	s.literal(') objects, ', '") objects, " after the free count');
	if (microseconds) {
		// Go 1.4 inserts `# goroutines, ` before the sweeps.
		if (s.ok && text.startsWith(' goroutines, ', digitsEnd(text, s.pos))) {
			lineEra = GO_1_4;
			s.number('gctrace/legacy-goroutines', 'the goroutine count');
			s.literal(' goroutines, ');
		}
		s.number('gctrace/legacy-spans', 'the span count');
		s.literal('/', '"/" after the span count');
		s.number('gctrace/legacy-background-sweeps', 'the background sweeps');
		s.literal('/', '"/" after the background sweeps');
		s.number('gctrace/legacy-pause-sweeps', 'the pause sweeps');
		s.literal(' sweeps, ', '" sweeps, " after the pause sweeps');
	}
	s.number('gctrace/legacy-handoffs', 'the handoff count');
	s.literal('(', '"(" after the handoff count');
	s.number('gctrace/legacy-handoff-objects', 'the objects handed off');
	s.literal(') handoff, ', '") handoff, " after the objects handed off');
	s.number('gctrace/legacy-steals', 'the steal count');
	s.literal('(', '"(" after the steal count');
	s.number('gctrace/legacy-stolen', 'the iterations stolen');
	s.literal(') steal, ', '") steal, " after the iterations stolen');
	s.number('gctrace/legacy-procyields', 'the spin yields');
	s.literal('/', '"/" after the spin yields');
	s.number('gctrace/legacy-osyields', 'the OS yields');
	s.literal('/', '"/" after the OS yields');
	s.number('gctrace/legacy-sleeps', 'the sleeps');
	s.literal(' yields', '" yields" after the sleeps');
	s.complete('gctrace', 'gc-cycle-legacy', lineEra);
}

/**
 * Parses a gctrace=2 statistics line (Go 1.25+): `scan: total 15230 objs`, or with Green Tea
 * `scan: class 16B 310+1920+3890=6120 objs, 41+30=71 spans`.
 */
export function parseScanStatsLine(text: string): ParsedLine {
	return parseWith(scanScanStatsLine, text);
}

/** `parseScanStatsLine` into the scanner `s`, reset to the line. */
export function scanScanStatsLine(s: LineScanner): void {
	s.literal('scan: ');
	if (!s.optional('total ')) {
		s.literal('class ', '"total " or "class " after "scan: "');
		if (s.ok && s.startsWith('L ')) {
			s.push('gctrace/scan-large-class', s.pos, s.pos + 1, true);
			s.pos += 2;
		} else {
			s.number('gctrace/scan-size-class', 'the size class ("L" or a number of bytes)');
			s.literal('B ', '"B " after the size class');
		}
	}
	s.number('gctrace/scan-objects-single', 'the objects scanned singly (a number)');
	// Green Tea prints `a+b+c=d objs, e+f=g spans`; the other collector only `a objs`.
	if (s.ok && s.startsWith('+')) {
		s.pos++;
		s.number('gctrace/scan-objects-sparse-spans', 'the objects in sparse spans (a number)');
		s.literal('+', '"+" after the objects in sparse spans');
		s.number('gctrace/scan-objects-dense-spans', 'the objects in dense spans (a number)');
		s.literal('=', '"=" after the objects in dense spans');
		s.number('gctrace/scan-objects-total', 'the objects scanned (a number)');
		s.literal(' objs, ', '" objs, " after the objects scanned');
		s.number('gctrace/scan-spans-sparse', 'the sparse spans (a number)');
		s.literal('+', '"+" after the sparse spans');
		s.number('gctrace/scan-spans-dense', 'the dense spans (a number)');
		s.literal('=', '"=" after the dense spans');
		s.number('gctrace/scan-spans-total', 'the spans scanned (a number)');
		s.literal(' spans', '" spans" after the spans scanned');
	} else {
		s.literal(' objs', '" objs" (or "+" with Green Tea) after the objects scanned singly');
	}
	s.complete('gctrace', 'scan-stats', GO_1_25_ON);
}

/** Parses the `GC forced` line printed before sysmon's periodic GC (Go 1.4+). */
export function parseGcForcedLine(text: string): ParsedLine {
	return parseWith(scanGcForcedLine, text);
}

/** `parseGcForcedLine` into the scanner `s`, reset to the line. */
export function scanGcForcedLine(s: LineScanner): void {
	const start = s.pos;
	if (s.literal(GC_FORCED)) s.push('gctrace/periodic-gc-notice', start, s.pos, true);
	s.complete('gc-forced', 'gc-forced', GO_1_4_ON);
}
