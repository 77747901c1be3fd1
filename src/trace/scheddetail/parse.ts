/**
 * Parses the P, M and G lines of a scheddetail dump (two spaces, then `P0:`, `M3:` or `G17:`).
 *
 * Shapes by release (reference §3.2–3.4):
 *   P  1.2      status= schedtick= syscalltick= m= runqsize=N/CAP gfreecnt=
 *      1.3+     … runqsize=N gfreecnt=, plus timerslen= from 1.14
 *   M  1.2      p= curg= mallocing= throwing= gcing= locks= dying= helpgc= spinning= lockedg=
 *      1.3–1.4  … spinning= blocked= lockedg=
 *      1.5–1.11 gcing= became preemptoff= (a string, usually empty); flags print true/false
 *      1.12+    helpgc= removed
 *   G  all      status=N(wait reason) m= lockedm=
 * Absent ids print -1 through Go 1.19 and nil from 1.20; a line whose ids are all present
 * shows neither, so its era stays open on that clue.
 *
 * A string printed empty is still a token, zero-width with value `""`: the usual
 * `preemptoff= locks=0` gives one right after the `=`, and `status=6()` one right after the `(`.
 */
import type { FieldKey, ParsedLine } from '../types.ts';
import { SIGNED, parseWith } from '../scanner.ts';
import type { LineScanner } from '../scanner.ts';
import { eraBits, isAbsent, isAbsentAtEnd } from '../era-bits.ts';
import { gStatusNames, pStatusNames } from './status.ts';
import type { StatusInfo } from './status.ts';

const ALL = eraBits(2);
const ONLY_2 = eraBits(2, 2);
const FROM_3 = eraBits(3);
const UP_TO_4 = eraBits(2, 4);
const FROM_5 = eraBits(5);
const UP_TO_11 = eraBits(2, 11);
const FROM_12 = eraBits(12);
const UP_TO_13 = eraBits(2, 13);
const FROM_14 = eraBits(14);
const UP_TO_19 = eraBits(2, 19);
const FROM_20 = eraBits(20);

// Counters are read with their sign (SIGNED): the runtime's signed counters can briefly go negative.

/** The releases that can print each status number. */
function statusBits(table: Readonly<Record<number, StatusInfo>>): Map<number, number> {
	const bits = new Map<number, number>();
	for (const [value, info] of Object.entries(table)) {
		bits.set(Number(value), eraBits(info.since, info.until));
	}
	return bits;
}
const G_STATUS_BITS = statusBits(gStatusNames);
const P_STATUS_BITS = statusBits(pStatusNames);

/** The only wait reason the reference dates: dropped in Go 1.20. */
const TIMER_IDLE_REASON = 'timer goroutine (idle)';

/** Parses a scheddetail P, M or G line; never throws. */
export function parseDetailLine(text: string): ParsedLine {
	return parseWith(scanDetailLine, text);
}

/** `parseDetailLine` into the scanner `s`, reset to the line. */
export function scanDetailLine(s: LineScanner): void {
	if (s.startsWith('  ')) {
		switch (s.source.charCodeAt(s.pos + 2)) {
			case 80 /* P */:
				return scanPLine(s);
			case 77 /* M */:
				return scanMLine(s);
			case 71 /* G */:
				return scanGLine(s);
		}
	}
	s.other();
}

function scanPLine(s: LineScanner): void {
	let bits = ALL;
	s.skip(3); // `  P`
	s.number('scheddetail/p-id', 'the P number after "P"');
	s.literal(': status=');
	if (s.number('scheddetail/p-status', 'the P status number after "status="')) {
		bits &= valueBits(s, P_STATUS_BITS);
	}
	s.literal(' schedtick=');
	s.number('scheddetail/p-schedtick', 'the schedule tick count after "schedtick="', SIGNED);
	s.literal(' syscalltick=');
	s.number('scheddetail/p-syscalltick', 'the system call tick count after "syscalltick="', SIGNED);
	s.literal(' m=');
	bits &= idBits(s.idOrNil('scheddetail/p-m', 'the id of the M that owns the P after "m="'));
	s.literal(' runqsize=');
	s.number('scheddetail/p-runqsize', 'the local run queue length after "runqsize="', SIGNED);
	if (s.optional('/')) {
		s.number('scheddetail/p-runq-capacity', 'the run queue capacity after "runqsize=N/"', SIGNED);
		bits &= ONLY_2;
	} else if (isAbsent(s)) bits &= FROM_3;
	s.literal(' gfreecnt=');
	s.number('scheddetail/p-gfreecnt', 'the number of cached free Gs after "gfreecnt="', SIGNED);
	if (s.optional(' timerslen=')) {
		s.number('scheddetail/p-timerslen', 'the number of timers after "timerslen="', SIGNED);
		bits &= FROM_14;
	} else if (isAbsentAtEnd(s)) bits &= UP_TO_13;
	s.complete('scheddetail', 'detail-p', bits);
}

function scanMLine(s: LineScanner): void {
	let bits = ALL;
	s.skip(3); // `  M`
	s.number('scheddetail/m-id', 'the M id after "M"');
	s.literal(': p=');
	bits &= idBits(s.idOrNil('scheddetail/m-p', 'the id of the M\'s P after "p="'));
	s.literal(' curg=');
	bits &= idBits(s.idOrNil('scheddetail/m-curg', 'the id of the M\'s current G after "curg="'));
	s.literal(' mallocing=');
	s.number('scheddetail/m-mallocing', 'a number after "mallocing="', SIGNED);
	s.literal(' throwing=');
	s.number('scheddetail/m-throwing', 'a number after "throwing="', SIGNED);
	if (s.optional(' gcing=')) {
		s.number('scheddetail/m-gcing', 'a number after "gcing="', SIGNED);
		bits &= UP_TO_4;
	} else {
		if (s.literal(' preemptoff=', '" preemptoff=" (or " gcing=" before Go 1.5)')) bits &= FROM_5;
		s.textUntil('scheddetail/m-preemptoff', ' locks=', 'the preemptoff reason');
	}
	s.literal(' locks=');
	s.number('scheddetail/m-locks', 'the lock depth after "locks="', SIGNED);
	s.literal(' dying=');
	s.number('scheddetail/m-dying', 'a number after "dying="', SIGNED);
	if (s.optional(' helpgc=')) {
		s.number('scheddetail/m-helpgc', 'the GC helper index after "helpgc="', SIGNED);
		bits &= UP_TO_11;
	} else if (isAbsent(s)) bits &= FROM_12;
	s.literal(' spinning=');
	bits &= flagBits(s.flag('scheddetail/m-spinning', 'whether the M is spinning after "spinning="'));
	if (s.optional(' blocked=')) {
		bits &= FROM_3;
		bits &= flagBits(s.flag('scheddetail/m-blocked', 'whether the M is blocked after "blocked="'));
	} else if (isAbsent(s)) bits &= ONLY_2;
	s.literal(' lockedg=');
	bits &= idBits(s.idOrNil('scheddetail/m-lockedg', 'the id of the locked G after "lockedg="'));
	s.complete('scheddetail', 'detail-m', bits);
}

function scanGLine(s: LineScanner): void {
	if (!s.tokensRead && summaryOfUsualGLine(s)) return;
	if (!scanUsualGLine(s)) scanGLineByField(s);
}

/**
 * The usual G line in its simplest shape (an ASCII reason, ids `nil`, `-1` or up to 15
 * digits), matched whole by one sticky expression: Irregexp runs natively, faster than a
 * code-unit loop over the reason. The reason ends at its first `) m=`, as in `reasonEndAt`.
 */
const SIMPLE_G_LINE =
	/ {2}G\d{1,15}: status=\d{1,15}\((?:[ -(*-~]|\)(?! m=))*\) m=(?:nil|-1|\d{1,15}) lockedm=(?:nil|-1|\d{1,15})/y;

/** The reason that dates a G line, with what follows it. */
const TIMER_IDLE_REASON_END = `${TIMER_IDLE_REASON}) m=`;

/**
 * For a log read for its summary alone: a G line `SIMPLE_G_LINE` matches to its end needs
 * only its era (its reason is ASCII, so no extra bytes), read here from a few code units.
 * Returns false, having read nothing, for any other line.
 */
function summaryOfUsualGLine(s: LineScanner): boolean {
	const text = s.source;
	const end = s.lineEnd;
	SIMPLE_G_LINE.lastIndex = s.pos;
	if (!SIMPLE_G_LINE.test(text) || SIMPLE_G_LINE.lastIndex !== end) return false;
	const statusStart = text.indexOf('=', s.pos) + 1; // the line's first `=` is `status=`
	const statusEnd = digitsEnd(text, statusStart);
	let bits = G_STATUS_BITS.get(digitsValue(text, statusStart, statusEnd)) ?? ALL;
	if (text.startsWith(TIMER_IDLE_REASON_END, statusEnd + 1)) bits &= UP_TO_19;
	// Its last `=` is `lockedm=`; ` lockedm=` starts where the M's id ends.
	const mEnd = text.lastIndexOf('=', end - 1) - 8;
	bits &= simpleIdBits(text, mEnd) & simpleIdBits(text, end);
	s.pos = end;
	s.complete('scheddetail', 'detail-g', bits);
	return true;
}

/** The releases an id `SIMPLE_G_LINE` matched allows, from its end: `nil`, `-1` or digits. */
function simpleIdBits(text: string, end: number): number {
	if (text.charCodeAt(end - 1) === 108 /* l */) return FROM_20;
	if (text.charCodeAt(end - 2) === 45 /* - */) return UP_TO_19;
	return ALL;
}

/** A G line read field by field: every shape, with a problem where the line goes wrong. */
export function scanGLineByField(s: LineScanner): void {
	let bits = ALL;
	s.skip(3); // `  G`
	s.number('scheddetail/g-id', 'the goroutine id after "G"');
	s.literal(': status=');
	if (s.number('scheddetail/g-status', 'the G status number after "status="')) {
		bits &= valueBits(s, G_STATUS_BITS);
	}
	s.literal('(', '"(" and the wait reason after the status');
	// The runtime prints `"(", gp.waitreason.String(), ") m="` with nothing escaped, and reasons
	// hold parentheses (`GC worker (idle)`), so the reason ends at the `)` before ` m=`, which no
	// reason contains, not at the first `)`.
	const reasonAt = s.count;
	if (s.textUntil('scheddetail/g-wait-reason', ') m=', 'the wait reason')) {
		if (s.textIs(reasonAt, TIMER_IDLE_REASON)) bits &= UP_TO_19;
	}
	s.literal(') m=');
	bits &= idBits(s.idOrNil('scheddetail/g-m', 'the id of the G\'s M after "m="'));
	s.literal(' lockedm=');
	bits &= idBits(s.idOrNil('scheddetail/g-lockedm', 'the id of the locked M after "lockedm="'));
	s.complete('scheddetail', 'detail-g', bits);
}

/**
 * A G line as the runtime prints it (`  G17: status=4(sleep) m=nil lockedm=nil`, nothing
 * after), read with plain code-unit checks and no per-field calls: a big scheddetail log is
 * mostly G lines. Stores exactly what `scanGLineByField` stores; any other shape (a problem,
 * text after `lockedm=`, a number too long to be exact) stores nothing and returns false, and
 * the line is read field by field.
 */
export function scanUsualGLine(s: LineScanner): boolean {
	const text = s.source;
	const end = s.lineEnd;
	const idStart = s.pos + 3; // after `  G`
	const idEnd = digitsEnd(text, idStart);
	if (!isShortNumber(idStart, idEnd) || !text.startsWith(': status=', idEnd)) return false;
	const statusStart = idEnd + 9;
	const statusEnd = digitsEnd(text, statusStart);
	if (!isShortNumber(statusStart, statusEnd) || text.charCodeAt(statusEnd) !== 40 /* ( */) return false;
	const reasonStart = statusEnd + 1;
	const reasonEnd = reasonEndAt(text, reasonStart, end);
	if (reasonEnd < 0) return false;
	const mStart = reasonEnd + 4; // after `) m=`
	const mEnd = idOrNilEnd(text, mStart);
	if (mEnd < 0 || !text.startsWith(' lockedm=', mEnd)) return false;
	const lockedStart = mEnd + 9;
	if (idOrNilEnd(text, lockedStart) !== end) return false;

	const status = digitsValue(text, statusStart, statusEnd);
	let bits = G_STATUS_BITS.get(status) ?? ALL;
	if (reasonEnd - reasonStart === TIMER_IDLE_REASON.length && text.startsWith(TIMER_IDLE_REASON, reasonStart)) {
		bits &= UP_TO_19;
	}
	if (s.tokensRead) {
		s.pushNumber('scheddetail/g-id', idStart, idEnd, digitsValue(text, idStart, idEnd));
		s.pushNumber('scheddetail/g-status', statusStart, statusEnd, status);
		s.pushText('scheddetail/g-wait-reason', reasonStart, reasonEnd);
		bits &= pushIdOrNil(s, 'scheddetail/g-m', mStart, mEnd);
		bits &= pushIdOrNil(s, 'scheddetail/g-lockedm', lockedStart, end);
	} else {
		// Only the summary reads this line: the era and the reason's bytes, no tokens.
		s.countTextBytes(reasonStart, reasonEnd);
		bits &= idOrNilBits(text, mStart, mEnd) & idOrNilBits(text, lockedStart, end);
	}
	s.pos = end;
	s.complete('scheddetail', 'detail-g', bits);
	return true;
}

function digitsEnd(text: string, i: number): number {
	for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i));
	return i;
}

/** At least one digit and at most 15: the value is an exact integer. */
function isShortNumber(start: number, end: number): boolean {
	return end > start && end - start <= 15;
}

function digitsValue(text: string, start: number, end: number): number {
	let n = 0;
	for (let i = start; i < end; i++) n = n * 10 + (text.charCodeAt(i) - 48);
	return n;
}

/** Where the wait reason from `start` ends: the first `) m=` in the line, or -1. */
function reasonEndAt(text: string, start: number, lineEnd: number): number {
	for (let i = start; i <= lineEnd - 4; i++) {
		if (text.charCodeAt(i) === 41 /* ) */ && text.startsWith(') m=', i)) return i;
	}
	return -1;
}

/** End of `nil` or a short integer (maybe negative) at `start`, or -1. */
function idOrNilEnd(text: string, start: number): number {
	if (text.startsWith('nil', start)) return start + 3;
	const digits = text.charCodeAt(start) === 45 /* - */ ? start + 1 : start;
	const end = digitsEnd(text, digits);
	return isShortNumber(digits, end) ? end : -1;
}

/** The releases the id or `nil` in `[start, end)` allows (see `idBits`). */
function idOrNilBits(text: string, start: number, end: number): number {
	if (end - start === 3 && text.charCodeAt(start) === 110 /* n */) return FROM_20;
	if (text.charCodeAt(start) === 45 /* - */ && digitsValue(text, start + 1, end) === 1) return UP_TO_19;
	return ALL;
}

/** Stores the id or `nil` in `[start, end)` as `idOrNil` does; returns the releases it allows. */
function pushIdOrNil(s: LineScanner, key: FieldKey, start: number, end: number): number {
	const text = s.source;
	if (end - start === 3 && text.charCodeAt(start) === 110 /* n */) {
		s.push(key, start, end, null);
		return FROM_20;
	}
	const negative = text.charCodeAt(start) === 45;
	const n = digitsValue(text, negative ? start + 1 : start, end);
	if (negative && n === 1) {
		s.push(key, start, end, null);
		return UP_TO_19;
	}
	s.pushNumber(key, start, end, negative ? -n : n);
	return ALL;
}

/** The releases that can print the status just read (any release for an unknown number). */
function valueBits(s: LineScanner, table: Map<number, number>): number {
	return table.get(s.numberValue(s.count - 1)) ?? ALL;
}

/** `-1` for "none" is Go ≤1.19, `nil` is Go 1.20+; a present id says nothing. */
function idBits(notation: 'nil' | 'minus-one' | 'id' | false): number {
	if (notation === 'nil') return FROM_20;
	if (notation === 'minus-one') return UP_TO_19;
	return ALL;
}

/** Flags print 0/1 from the C runtime (Go ≤1.4) and true/false from Go's print (1.5+). */
function flagBits(notation: 'word' | 'digit' | false): number {
	if (notation === 'digit') return UP_TO_4;
	if (notation === 'word') return FROM_5;
	return ALL;
}
