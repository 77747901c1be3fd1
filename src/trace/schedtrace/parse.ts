/**
 * Parses a `SCHED` line: the one-line schedtrace summary (form `sched`) or the first line of a
 * scheddetail dump (form `sched-detail-header`), which has header fields instead of the bracket.
 *
 * Shapes by release (reference §2.1, §3.1):
 *   1.2–1.3   SCHED 0ms: gomaxprocs=4 idleprocs=2 threads=5 idlethreads=0 runqueue=0 [1 0 0 0]
 *   1.4–1.19  … threads=5 spinningthreads=0 idlethreads=0 runqueue=0 [1 0 0 0]
 *   1.20–1.24 … spinningthreads=0 needspinning=0 idlethreads=0 …
 *   1.25+     … runqueue=0 [ 1 0 0 0 ] schedticks=[ 3 0 0 0 ]
 *   header    … runqueue=0 gcwaiting=0 nmidlelocked=0 [nmspinning=0 (1.2–1.3)] stopwait=0
 *             sysmonwait=0, with true/false for gcwaiting and sysmonwait from 1.20
 */
import type { FieldKey, ParsedLine } from '../types.ts';
import { SIGNED, parseWith } from '../scanner.ts';
import type { LineScanner } from '../scanner.ts';
import { eraBits, isAbsent } from '../era-bits.ts';

const ALL = eraBits(2);
const UP_TO_3 = eraBits(2, 3);
const FROM_4 = eraBits(4);
const UP_TO_19 = eraBits(2, 19);
const FROM_20 = eraBits(20);
const UP_TO_24 = eraBits(2, 24);
const FROM_25 = eraBits(25);

// Counters are signed int32s in the runtime and can briefly read -1 (a real Go 1.19 capture has
// `nmidlelocked=-1`), so they are read with their sign (SIGNED).

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** Parses a line that starts with `SCHED `; never throws. */
export function parseSchedLine(text: string): ParsedLine {
	return parseWith(scanSchedLine, text);
}

/** `parseSchedLine` into the scanner `s`, reset to the line. */
export function scanSchedLine(s: LineScanner): void {
	// `SCHED` followed by anything but the elapsed milliseconds is a program's own log line.
	if (!s.startsWith('SCHED ')) return s.other();
	const c = s.source.charCodeAt(s.pos + 6);
	if (!(c >= DIGIT_0 && c <= DIGIT_9)) return s.other();
	let bits = ALL;
	let detail = false;
	s.skip(6); // `SCHED `
	s.number('schedtrace/elapsed', 'the elapsed milliseconds after "SCHED "');
	s.literal('ms: gomaxprocs=', '"ms: gomaxprocs=" after the elapsed milliseconds');
	const procsToken = s.count;
	s.number('schedtrace/gomaxprocs', 'the number of Ps after "gomaxprocs="');
	s.literal(' idleprocs=');
	s.number('schedtrace/idleprocs', 'the number of idle Ps after "idleprocs="', SIGNED);
	s.literal(' threads=');
	s.number('schedtrace/threads', 'the number of threads (Ms) after "threads="', SIGNED);
	if (s.optional(' spinningthreads=')) {
		s.number('schedtrace/spinningthreads', 'the number of spinning Ms after "spinningthreads="', SIGNED);
		bits &= FROM_4;
	} else if (isAbsent(s)) bits &= UP_TO_3;
	if (s.optional(' needspinning=')) {
		const what = 'whether an M needs to spin after "needspinning="';
		// A uint32 used as a flag: always 0 or 1, so true/false matches no release.
		bits &= s.flag('schedtrace/needspinning', what) === 'word' ? 0 : FROM_20;
	} else if (isAbsent(s)) bits &= UP_TO_19;
	s.literal(' idlethreads=');
	s.number('schedtrace/idlethreads', 'the number of idle Ms after "idlethreads="', SIGNED);
	s.literal(' runqueue=');
	s.number('schedtrace/runqueue', 'the length of the global run queue after "runqueue="', SIGNED);

	let bracket: readonly number[] | false = false;
	let bracketAt = 0;
	let ticks: readonly number[] | false = false;
	let ticksAt = 0;
	if (s.ok && s.startsWith(' gcwaiting=')) {
		detail = true;
		bits &= parseHeader(s);
	} else if (s.ok) {
		if (!s.literal(' ', 'the per-P run-queue lengths " [" or the scheddetail header " gcwaiting="')) {
			// The problem is recorded; fall through to finish().
		} else if (s.startsWith('[ ')) {
			bits &= FROM_25;
			bracketAt = s.pos;
			bracket = list(s, 'schedtrace/local-runqueues', 'the per-P run-queue lengths', true);
			s.literal(' schedticks=', '" schedticks=" after the run-queue lengths');
			ticksAt = s.pos;
			ticks = list(s, 'schedtrace/schedticks', 'the per-P schedticks', true);
		} else {
			bits &= UP_TO_24;
			bracketAt = s.pos;
			bracket = list(s, 'schedtrace/local-runqueues', 'the per-P run-queue lengths', false);
		}
	}

	// One entry per P: the bracket and schedticks must have gomaxprocs numbers.
	if (s.ok && bracket !== false) {
		const procs = s.value(procsToken) as number;
		checkCount(s, bracket.length, procs, bracketAt, 'run-queue length');
		if (ticks !== false) checkCount(s, ticks.length, procs, ticksAt, 'schedtick count');
	}
	s.complete('schedtrace', detail ? 'sched-detail-header' : 'sched', bits);
}

/**
 * `bracketList`, but a list that fails to parse is left unread, so `finish()` makes it part of
 * the unrecognised rest instead of dropping it (the scanner stops inside the brackets).
 */
function list(s: LineScanner, key: FieldKey, what: string, spaced: boolean): readonly number[] | false {
	const start = s.pos;
	const values = s.bracketList(key, what, spaced);
	if (values === false) s.pos = start;
	return values;
}

/** Reads the scheddetail header fields at the cursor; returns the releases they allow. */
function parseHeader(s: LineScanner): number {
	let bits = ALL;
	s.literal(' gcwaiting=');
	bits &= flagBits(s.flag('scheddetail/gcwaiting', 'whether a stop-the-world is waiting after "gcwaiting="'));
	s.literal(' nmidlelocked=');
	s.number('scheddetail/nmidlelocked', 'the number of idle locked Ms after "nmidlelocked="', SIGNED);
	if (s.optional(' nmspinning=')) {
		s.number('scheddetail/nmspinning', 'the number of spinning Ms after "nmspinning="', SIGNED);
		bits &= UP_TO_3;
	} else if (isAbsent(s)) bits &= FROM_4;
	s.literal(' stopwait=');
	s.number('scheddetail/stopwait', 'the number of Ps left to stop after "stopwait="', SIGNED);
	s.literal(' sysmonwait=');
	bits &= flagBits(s.flag('scheddetail/sysmonwait', 'whether sysmon is waiting after "sysmonwait="'));
	return bits;
}

/** gcwaiting and sysmonwait print 0/1 through Go 1.19 and true/false from 1.20. */
function flagBits(notation: 'word' | 'digit' | false): number {
	if (notation === 'digit') return UP_TO_19;
	if (notation === 'word') return FROM_20;
	return ALL;
}

function checkCount(s: LineScanner, found: number, procs: number, at: number, what: string): void {
	if (found === procs) return;
	s.fail(
		`expected ${procs} ${what}${procs === 1 ? '' : 's'} (one per P, gomaxprocs=${procs}) ` + `but found ${found}`,
		at,
	);
}
