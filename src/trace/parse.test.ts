// parseLine's dispatch is hand-written charCode checks; these tests hold it to the regular
// expressions it replaced, on lines built to sit right at the edge of each prefix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGcForcedLine, parseGctraceLine, parseScanStatsLine } from './gctrace/parse.ts';
import { parsePacerLine } from './gcpacertrace/parse.ts';
import { parseInitLine } from './inittrace/parse.ts';
import { otherLine, parseLine } from './parse.ts';
import { parseScavengerLine } from './scavtrace/parse.ts';
import { parseDetailLine } from './scheddetail/parse.ts';
import { parseSchedLine } from './schedtrace/parse.ts';
import { createRandom } from './test-support.ts';
import type { ParsedLine } from './types.ts';

/** The dispatch as it was written with regular expressions. */
function referenceParseLine(text: string): ParsedLine {
	if (/^gc(?: \d|\d)/.test(text)) return parseGctraceLine(text);
	if (text.startsWith('SCHED ')) return parseSchedLine(text);
	if (/^ {2}[PMG]-?\d/.test(text)) return parseDetailLine(text);
	if (text.startsWith('pacer: ')) return parsePacerLine(text);
	if (text.startsWith('scan: ')) return parseScanStatsLine(text);
	if (/^(?:scav |scvg(?:-?\d+)?: |forced scvg: )/.test(text)) return parseScavengerLine(text);
	if (/^init \S+ @/.test(text)) return parseInitLine(text);
	if (text === 'GC forced') return parseGcForcedLine(text);
	return otherLine(text);
}

const random = createRandom(0xd15ba7c);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const PREFIXES = [
	'gc',
	'gc ',
	'gc1',
	'g',
	'SCHED',
	'SCHED ',
	'  ',
	'  P',
	'  M-',
	'  G',
	' P1',
	'pacer:',
	'pacer: ',
	'scan:',
	'scan: ',
	'scav',
	'scav ',
	'scvg',
	'scvg-',
	'scvg1',
	'scvg-12',
	'forced scvg:',
	'forced scvg: ',
	'init',
	'init ',
	'init a',
	'GC forced',
	'GC',
	'',
];
const PIECES = [
	'',
	' ',
	'  ',
	'0',
	'7',
	'-',
	':',
	': ',
	' @',
	'@',
	'a',
	'x',
	'\t',
	'\u00a0',
	'\u3000',
	'\ufeff',
	'\u2028',
	'\r',
	'é',
	'1 @0.1s',
];

test('the dispatch matches the regular expressions it replaced', () => {
	for (let i = 0; i < 30_000; i++) {
		let line = pick(PREFIXES);
		for (let n = Math.floor(random() * 4); n > 0; n--) line += pick(PIECES);
		assert.deepEqual(parseLine(line), referenceParseLine(line), JSON.stringify(line));
	}
});
