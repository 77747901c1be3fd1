/**
 * `parseLine`: decides which GODEBUG setting printed a line and hands it to that format's
 * parser. The decision looks only at a line's distinctive start, so a program's own log
 * lines stay `other`, while a truncated runtime line is still recognised and gets a problem.
 */
import { parseGcForcedLine, parseGctraceLine, parseScanStatsLine } from './gctrace/parse.ts';
import { parsePacerLine } from './gcpacertrace/parse.ts';
import { parseInitLine } from './inittrace/parse.ts';
import { parseScavengerLine } from './scavtrace/parse.ts';
import { parseDetailLine } from './scheddetail/parse.ts';
import { parseSchedLine } from './schedtrace/parse.ts';
import type { ParsedLine } from './types.ts';

const GC_LINE = /^gc(?: \d|\d)/;
const DETAIL_LINE = /^ {2}[PMG]-?\d/;
const SCAV_LINE = /^(?:scav |scvg(?:-?\d+)?: |forced scvg: )/;
const INIT_LINE = /^init \S+ @/;

/** A line that is not runtime trace output. */
export function otherLine(text: string): ParsedLine {
	return { text, kind: 'other', form: 'other', era: null, tokens: [], problem: null };
}

/** Parses one line (without its line terminator). Never throws. */
export function parseLine(text: string): ParsedLine {
	switch (text.charCodeAt(0)) {
		case 103 /* g */:
			if (GC_LINE.test(text)) return parseGctraceLine(text);
			break;
		case 83 /* S */:
			if (text.startsWith('SCHED ')) return parseSchedLine(text);
			break;
		case 32 /* space */:
			if (DETAIL_LINE.test(text)) return parseDetailLine(text);
			break;
		case 112 /* p */:
			if (text.startsWith('pacer: ')) return parsePacerLine(text);
			break;
		case 115 /* s */:
			if (text.startsWith('scan: ')) return parseScanStatsLine(text);
			if (SCAV_LINE.test(text)) return parseScavengerLine(text);
			break;
		case 102 /* f */:
			if (SCAV_LINE.test(text)) return parseScavengerLine(text);
			break;
		case 105 /* i */:
			if (INIT_LINE.test(text)) return parseInitLine(text);
			break;
		case 71 /* G */:
			if (text === 'GC forced') return parseGcForcedLine(text);
			break;
	}
	return otherLine(text);
}
