/** Parser for `init <pkg> @<ms> ms, <ms> ms clock, <n> bytes, <n> allocs` (inittrace, Go 1.16+). */
import { eraBits } from '../era-bits.ts';
import { DECIMALS, parseWith } from '../scanner.ts';
import type { LineScanner } from '../scanner.ts';
import type { ParsedLine } from '../types.ts';

const GO_1_16_ON = eraBits(16);

/** Parses a line that starts `init <pkg> @` (GODEBUG=inittrace=1, Go 1.16+). */
export function parseInitLine(text: string): ParsedLine {
	return parseWith(scanInitLine, text);
}

/** `parseInitLine` into the scanner `s`, reset to the line. */
export function scanInitLine(s: LineScanner): void {
	s.literal('init ');
	s.textUntil('inittrace/package', ' @', 'the package path');
	s.literal(' @', '" @" after the package path');
	s.number('inittrace/start', 'the start time (a number of ms)', DECIMALS);
	s.literal(' ms, ', '" ms, " after the start time');
	s.number('inittrace/clock', 'the init time (a number of ms)', DECIMALS);
	s.literal(' ms clock, ', '" ms clock, " after the init time');
	s.number('inittrace/bytes', 'the bytes allocated (a number)');
	s.literal(' bytes, ', '" bytes, " after the bytes allocated');
	s.number('inittrace/allocs', 'the allocations (a number)');
	s.literal(' allocs', '" allocs" after the allocations');
	s.complete('inittrace', 'init', GO_1_16_ON);
}
