/**
 * scavtrace parser: exact spans for the `scvg…` (Go 1.2–1.13) and `scav …` (Go 1.14+) lines of
 * every era (synthetic samples from the format reference, labelled as such, and real captures
 * from content/traces), eras, problems, tolerance of unknown trailing text, and never throwing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scavtraceFields } from './fields.ts';
import { parseScavengerLine } from './parse.ts';
import {
	type SpanRow,
	assertWellFormed,
	describeEraSamples,
	describeNeverThrows,
	describeSpanTable,
} from '../test-support.ts';

const catalogueKeys = new Set<string>(scavtraceFields.map((f) => f.key));
const parse = parseScavengerLine;

const rows: SpanRow[] = [
	{
		source: 'synthetic, Go 1.2–1.12',
		line: 'scvg0: inuse: 1, idle: 0, sys: 3, released: 0, consumed: 3 (MB)',
		form: 'scvg-summary',
		era: 'go1.2-go1.12',
		tokens: [
			[4, 5, '0', 'scavtrace/scvg-pass', 0],
			[14, 15, '1', 'scavtrace/scvg-inuse', 1],
			[23, 24, '0', 'scavtrace/scvg-idle', 0],
			[31, 32, '3', 'scavtrace/scvg-sys', 3],
			[44, 45, '0', 'scavtrace/scvg-heap-released', 0],
			[57, 58, '3', 'scavtrace/scvg-consumed', 3],
		],
	},
	{
		source: 'synthetic, Go 1.2–1.3',
		line: 'scvg3: GC forced',
		form: 'scvg-gc-forced',
		era: 'go1.2-go1.3',
		tokens: [
			[4, 5, '3', 'scavtrace/scvg-pass', 3],
			[7, 16, 'GC forced', 'scavtrace/scvg-gc-forced', true],
		],
	},
	{
		source: 'synthetic, Go 1.2–1.12',
		line: 'scvg2: 12 MB released',
		form: 'scvg-released',
		era: 'go1.2-go1.12',
		tokens: [
			[4, 5, '2', 'scavtrace/scvg-pass', 2],
			[7, 9, '12', 'scavtrace/scvg-released', 12],
		],
	},
	{
		source: 'synthetic, Go 1.2–1.12 debug.FreeOSMemory',
		line: 'scvg-1: 9 MB released',
		form: 'scvg-released',
		era: 'go1.2-go1.12',
		tokens: [
			[4, 6, '-1', 'scavtrace/scvg-pass', -1],
			[8, 9, '9', 'scavtrace/scvg-released', 9],
		],
	},
	{
		source: 'synthetic, Go 1.13',
		line: 'scvg: 0 MB released',
		form: 'scvg-released',
		era: 'go1.13',
		tokens: [[6, 7, '0', 'scavtrace/scvg-released', 0]],
	},
	{
		source: 'synthetic, Go 1.13 debug.FreeOSMemory',
		line: 'forced scvg: inuse: 31, idle: 32, sys: 63, released: 21, consumed: 42 (MB)',
		form: 'scvg-summary',
		era: 'go1.13',
		tokens: [
			[0, 6, 'forced', 'scavtrace/scvg-forced', true],
			[20, 22, '31', 'scavtrace/scvg-inuse', 31],
			[30, 32, '32', 'scavtrace/scvg-idle', 32],
			[39, 41, '63', 'scavtrace/scvg-sys', 63],
			[53, 55, '21', 'scavtrace/scvg-heap-released', 21],
			[67, 69, '42', 'scavtrace/scvg-consumed', 42],
		],
	},
	{
		source: 'synthetic, Go 1.14 or 1.19–1.20',
		line: 'scav 1024 KiB work, 12288 KiB total, 87% util',
		form: 'scav',
		era: 'go1.14,go1.19-go1.20',
		tokens: [
			[5, 9, '1024', 'scavtrace/work', 1024],
			[20, 25, '12288', 'scavtrace/heap-released', 12288],
			[37, 39, '87', 'scavtrace/util', 87],
		],
	},
	{
		source: 'synthetic, Go 1.15–1.18',
		line: 'scav 7 8704 KiB work, 21504 KiB total, 92% util (forced)',
		form: 'scav',
		era: 'go1.15-go1.18',
		tokens: [
			[5, 6, '7', 'scavtrace/generation', 7],
			[7, 11, '8704', 'scavtrace/work', 8704],
			[22, 27, '21504', 'scavtrace/heap-released', 21504],
			[39, 41, '92', 'scavtrace/util', 92],
			[48, 56, '(forced)', 'scavtrace/forced', true],
		],
	},
	{
		source: 'synthetic, Go 1.18',
		line: 'scav 8 0 KiB work, 12288 KiB total, 87% util [controller reset]',
		form: 'scav',
		era: 'go1.18',
		tokens: [
			[5, 6, '8', 'scavtrace/generation', 8],
			[7, 8, '0', 'scavtrace/work', 0],
			[19, 24, '12288', 'scavtrace/heap-released', 12288],
			[36, 38, '87', 'scavtrace/util', 87],
			[45, 63, '[controller reset]', 'scavtrace/controller-reset', true],
		],
	},
	{
		source: 'synthetic, Go 1.19–1.20',
		line: 'scav 0 KiB work, 12288 KiB total, 99% util [controller reset]',
		form: 'scav',
		era: 'go1.19-go1.20',
		tokens: [
			[5, 6, '0', 'scavtrace/work', 0],
			[17, 22, '12288', 'scavtrace/heap-released', 12288],
			[34, 36, '99', 'scavtrace/util', 99],
			[43, 61, '[controller reset]', 'scavtrace/controller-reset', true],
		],
	},
	{
		source: 'real, go1.19.8, content/traces/scavtrace/go1.19-gcdemo.txt',
		line: 'scav 568 KiB work, 7008 KiB total, 31% util (forced)',
		form: 'scav',
		era: 'go1.14,go1.19-go1.20',
		tokens: [
			[5, 8, '568', 'scavtrace/work', 568],
			[19, 23, '7008', 'scavtrace/heap-released', 7008],
			[35, 37, '31', 'scavtrace/util', 31],
			[44, 52, '(forced)', 'scavtrace/forced', true],
		],
	},
	{
		source: 'real, go1.26.8, content/traces/combined/go1.26-gcdemo-gc-pacer-scav.txt',
		line: 'scav 0 KiB work (bg), 0 KiB work (eager), 3936 KiB now, 9% util',
		form: 'scav',
		era: 'go1.21-go1.27',
		tokens: [
			[5, 6, '0', 'scavtrace/work-bg', 0],
			[22, 23, '0', 'scavtrace/work-eager', 0],
			[42, 46, '3936', 'scavtrace/heap-released', 3936],
			[56, 57, '9', 'scavtrace/util', 9],
		],
	},
	{
		source: 'real, go1.26.8, content/traces/scavtrace/go1.26-gcdemo.txt',
		line: 'scav 0 KiB work (bg), 3592 KiB work (eager), 7336 KiB now, 57% util (forced)',
		form: 'scav',
		era: 'go1.21-go1.27',
		tokens: [
			[5, 6, '0', 'scavtrace/work-bg', 0],
			[22, 26, '3592', 'scavtrace/work-eager', 3592],
			[45, 49, '7336', 'scavtrace/heap-released', 7336],
			[59, 61, '57', 'scavtrace/util', 57],
			[68, 76, '(forced)', 'scavtrace/forced', true],
		],
	},
];

describeSpanTable('exact spans', rows, { parse, kind: 'scavtrace', keys: catalogueKeys });

// The synthetic samples of go-trace-synthetic-samples.txt §6, with the era of their shape.
const eraSamples: [line: string, era: string][] = [
	['scvg0: inuse: 1, idle: 0, sys: 3, released: 0, consumed: 3 (MB)', 'go1.2-go1.12'],
	['scvg3: GC forced', 'go1.2-go1.3'],
	['scvg3: 5 MB released', 'go1.2-go1.12'],
	['scvg3: inuse: 2, idle: 6, sys: 9, released: 5, consumed: 4 (MB)', 'go1.2-go1.12'],
	// debug.FreeOSMemory prints pass -1 in every release with numbered passes (Go 1.2–1.12).
	['scvg-1: 9 MB released', 'go1.2-go1.12'],
	['scvg-1: inuse: 31, idle: 32, sys: 63, released: 21, consumed: 42 (MB)', 'go1.2-go1.12'],
	['scvg: 0 MB released', 'go1.13'],
	['scvg: inuse: 40, idle: 22, sys: 63, released: 12, consumed: 51 (MB)', 'go1.13'],
	['forced scvg: 9 MB released', 'go1.13'],
	['forced scvg: inuse: 31, idle: 32, sys: 63, released: 21, consumed: 42 (MB)', 'go1.13'],
	// Without a generation number and without the bg/eager split: Go 1.14, or 1.19–1.20.
	['scav 1024 KiB work, 12288 KiB total, 87% util', 'go1.14,go1.19-go1.20'],
	['scav 8704 KiB work, 21504 KiB total, 92% util (forced)', 'go1.14,go1.19-go1.20'],
	['scav 7 1024 KiB work, 12288 KiB total, 87% util', 'go1.15-go1.18'],
	['scav 7 8704 KiB work, 21504 KiB total, 92% util (forced)', 'go1.15-go1.18'],
	['scav 8 0 KiB work, 12288 KiB total, 87% util [controller reset]', 'go1.18'],
	['scav 0 KiB work, 12288 KiB total, 99% util [controller reset]', 'go1.19-go1.20'],
	['scav 1024 KiB work (bg), 0 KiB work (eager), 12288 KiB now, 87% util', 'go1.21-go1.27'],
	['scav 0 KiB work (bg), 8704 KiB work (eager), 21504 KiB now, 92% util (forced)', 'go1.21-go1.27'],
	// Not a sample: printScavTrace still appends `[controller reset]` in Go 1.21+ (checked in
	// the Go 1.26 source, src/runtime/mgcscavenge.go), so the marker does not narrow there.
	['scav 1024 KiB work (bg), 0 KiB work (eager), 12288 KiB now, 87% util [controller reset]', 'go1.21-go1.27'],
	// Not samples: shapes no release prints.
	['scvg: GC forced', 'none'],
	['scav 7 1024 KiB work (bg), 0 KiB work (eager), 12288 KiB now, 87% util', 'none'],
];

describeEraSamples(eraSamples, parse);

// Malformed or truncated lines: [line, 1-based column, message, tokens read before the problem].
const problems: [line: string, column: number, message: string, keyedTokens: number][] = [
	[
		'scvg3: x MB released',
		8,
		'expected the MB released this pass (a number), "inuse: " or "GC forced" but found "x MB release…"',
		1,
	],
	['scvg3: 5 MB', 9, 'expected " MB released" after the MB released this pass but found " MB"', 2],
	[
		'scvg3: inuse: 2, idle: 6, sys: 9, released: 5, consumed: 4',
		59,
		'expected " (MB)" after the heap consumed but the line ends there',
		6,
	],
	['scav 1024 KiB work, 12288 KiB total, 87%', 40, 'expected "% util" after the heap utilization but found "%"', 3],
	[
		'scav 1024 KiB work, 12288 KiB now, 87% util',
		26,
		'expected " KiB total, " after the KiB released to the OS but found " KiB now, 87…"',
		2,
	],
	[
		'scav 1024 KiB work, 12288 KiB total, 87% util (forc',
		47,
		'expected "(forced)" after the heap utilization but found "(forc"',
		3,
	],
	[
		'scav 1024 KiB work, 12288 KiB total, 87% util [controller',
		47,
		'expected "[controller reset]" after the heap utilization but found "[controller"',
		3,
	],
	['scav x KiB', 6, 'expected the KiB released since the last line (a number) but found "x KiB"', 0],
	['scav 1024 KiB work, 12288 KiB total, 87% util (something else)', 0, '', 3],
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
	alphabet: '0123456789 ,.-:()[]BKMiGaeov\uffff\ud800é\t',
	odd: ['', 'scav ', 'scvg: ', 'scvg-: ', 'forced scvg: ', 'scav 1', 'scav 1 ', 'scvg99999999999999999999: 1'],
	keys: catalogueKeys,
});
