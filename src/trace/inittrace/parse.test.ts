/**
 * inittrace parser: exact spans (real captures from content/traces, and one line built from the
 * print statement), problems, tolerance of unknown trailing text, and never throwing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inittraceFields } from './fields.ts';
import { parseInitLine } from './parse.ts';
import {
	type SpanRow,
	assertWellFormed,
	describeEraSamples,
	describeNeverThrows,
	describeSpanTable,
} from '../test-support.ts';

const catalogueKeys = new Set<string>(inittraceFields.map((f) => f.key));
const parse = parseInitLine;

const rows: SpanRow[] = [
	{
		source: 'real, go1.19.8, content/traces/inittrace/go1.19-web.txt',
		line: 'init sync @0.37 ms, 0.002 ms clock, 16 bytes, 1 allocs',
		form: 'init',
		era: 'go1.16-go1.27',
		tokens: [
			[5, 9, 'sync', 'inittrace/package', 'sync'],
			[11, 15, '0.37', 'inittrace/start', 0.37],
			[20, 25, '0.002', 'inittrace/clock', 0.002],
			[36, 38, '16', 'inittrace/bytes', 16],
			[46, 47, '1', 'inittrace/allocs', 1],
		],
	},
	{
		source: 'real, go1.26.8, content/traces/inittrace/go1.26-gcdemo.txt',
		line: 'init internal/runtime/gc/scan @0.039 ms, 0 ms clock, 0 bytes, 0 allocs',
		form: 'init',
		era: 'go1.16-go1.27',
		tokens: [
			[5, 29, 'internal/runtime/gc/scan', 'inittrace/package', 'internal/runtime/gc/scan'],
			[31, 36, '0.039', 'inittrace/start', 0.039],
			[41, 42, '0', 'inittrace/clock', 0],
			[53, 54, '0', 'inittrace/bytes', 0],
			[62, 63, '0', 'inittrace/allocs', 0],
		],
	},
	{
		source: 'constructed from the print statement: whole ms at 10 ms or more',
		line: 'init main @12 ms, 10 ms clock, 1048576 bytes, 3 allocs',
		form: 'init',
		era: 'go1.16-go1.27',
		tokens: [
			[5, 9, 'main', 'inittrace/package', 'main'],
			[11, 13, '12', 'inittrace/start', 12],
			[18, 20, '10', 'inittrace/clock', 10],
			[31, 38, '1048576', 'inittrace/bytes', 1048576],
			[46, 47, '3', 'inittrace/allocs', 3],
		],
	},
];

describeSpanTable('exact spans', rows, { parse, kind: 'inittrace', keys: catalogueKeys });

const eraSamples: [line: string, era: string][] = [
	// inittrace is Go 1.16+; the line has not changed shape since.
	['init internal/bytealg @0 ms, 0 ms clock, 0 bytes, 0 allocs', 'go1.16-go1.27'],
];

describeEraSamples(eraSamples, parse);

// Malformed or truncated lines: [line, 1-based column, message, tokens read before the problem].
const problems: [line: string, column: number, message: string, keyedTokens: number][] = [
	['init sync @', 12, 'expected the start time (a number of ms) but the line ends there', 1],
	[
		'init sync @0.37 ms, 0.002 ms clock, 16 bytes',
		39,
		'expected " bytes, " after the bytes allocated but found " bytes"',
		4,
	],
	[
		'init sync @0.37ms, 0.002 ms clock, 16 bytes, 1 allocs',
		16,
		'expected " ms, " after the start time but found "ms, 0.002 ms…"',
		2,
	],
	['init sync @0.37 ms, 0.002 ms clock, 16 bytes, 1 allocs, 5 more', 0, '', 5],
];

describe('problems', () => {
	for (const [line, column, message, keyedTokens] of problems) {
		test(line, () => {
			const parsed = parse(line);
			assertWellFormed(parsed, catalogueKeys);
			if (column === 0) {
				// Trailing text after a complete line is unrecognised, not a problem.
				assert.equal(parsed.problem, null);
				assert.equal(parsed.tokens.at(-1)?.key, null);
			} else {
				assert.deepEqual(parsed.problem, { column, message });
			}
			const keyed = parsed.tokens.filter((t) => t.key !== null);
			assert.equal(keyed.length, keyedTokens);
			if (column > 0 && column <= line.length) {
				// The rest of the line, from the problem on, is one unrecognised token.
				assert.deepEqual(parsed.tokens.at(-1), {
					start: column - 1,
					end: line.length,
					text: line.slice(column - 1),
					key: null,
				});
			}
		});
	}
});

describeNeverThrows(parse, {
	seeds: [...rows.map((r) => r.line), ...eraSamples.map(([l]) => l)],
	alphabet: '0123456789 ,.@/msabclkoc\uffff\ud800é\t',
	odd: ['', 'init ', 'init  @', 'init x @', 'init x @ ms', 'init \u0000 @1'],
	keys: catalogueKeys,
});
