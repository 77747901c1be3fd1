/**
 * gcpacertrace parser: exact spans for each line shape and era (synthetic samples from the
 * format reference, labelled as such, and real captures from content/traces), eras, problems,
 * tolerance of unknown trailing text, and never throwing on odd input.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gcpacertraceFields } from './fields.ts';
import { parsePacerLine } from './parse.ts';
import {
	type SpanRow,
	assertSummaryAloneAgrees,
	assertWellFormed,
	describeEraSamples,
	describeNeverThrows,
	describeSpanTable,
} from '../test-support.ts';

const catalogueKeys = new Set<string>(gcpacertraceFields.map((f) => f.key));
const parse = parsePacerLine;

const rows: SpanRow[] = [
	{
		source: 'synthetic, Go 1.5–1.9',
		line: 'pacer: assist ratio=+6.000000e-001 (scan 3 MB in 7->8 MB) workers=1+0',
		form: 'pacer-assist-ratio',
		era: 'go1.5-go1.9',
		tokens: [
			[20, 34, '+6.000000e-001', 'gcpacertrace/assist-ratio', 0.6],
			[41, 42, '3', 'gcpacertrace/heap-scan', 3],
			[49, 50, '7', 'gcpacertrace/heap-live-start', 7],
			[52, 53, '8', 'gcpacertrace/heap-goal', 8],
			[66, 67, '1', 'gcpacertrace/dedicated-workers', 1],
			[68, 69, '0', 'gcpacertrace/fractional-workers', 0],
		],
	},
	{
		source: 'real, go1.19.8, content/traces/combined/go1.19-gcdemo-gc-pacer-scav.txt',
		line: 'pacer: assist ratio=+1.197435e+000 (scan 0 MB in 3->4 MB) workers=0++2.500000e-001',
		form: 'pacer-assist-ratio',
		era: 'go1.10-go1.25',
		tokens: [
			[20, 34, '+1.197435e+000', 'gcpacertrace/assist-ratio', 1.197435],
			[41, 42, '0', 'gcpacertrace/heap-scan', 0],
			[49, 50, '3', 'gcpacertrace/heap-live-start', 3],
			[52, 53, '4', 'gcpacertrace/heap-goal', 4],
			[66, 67, '0', 'gcpacertrace/dedicated-workers', 0],
			[68, 82, '+2.500000e-001', 'gcpacertrace/fractional-workers', 0.25],
		],
	},
	{
		source: 'real, go1.26.8, content/traces/combined/go1.26-gcdemo-gc-pacer-scav.txt',
		line: 'pacer: assist ratio=0.95845947265625 (scan 0 MB in 3->4 MB) workers=0+0.25',
		form: 'pacer-assist-ratio',
		era: 'go1.26-go1.27',
		tokens: [
			[20, 36, '0.95845947265625', 'gcpacertrace/assist-ratio', 0.95845947265625],
			[43, 44, '0', 'gcpacertrace/heap-scan', 0],
			[51, 52, '3', 'gcpacertrace/heap-live-start', 3],
			[54, 55, '4', 'gcpacertrace/heap-goal', 4],
			[68, 69, '0', 'gcpacertrace/dedicated-workers', 0],
			[70, 74, '0.25', 'gcpacertrace/fractional-workers', 0.25],
		],
	},
	{
		source: 'synthetic, Go 1.26+',
		line: 'pacer: assist ratio=0.6 (scan 3 MB in 7->8 MB) workers=1+0',
		form: 'pacer-assist-ratio',
		era: 'go1.26-go1.27',
		tokens: [
			[20, 23, '0.6', 'gcpacertrace/assist-ratio', 0.6],
			[30, 31, '3', 'gcpacertrace/heap-scan', 3],
			[38, 39, '7', 'gcpacertrace/heap-live-start', 7],
			[41, 42, '8', 'gcpacertrace/heap-goal', 8],
			[55, 56, '1', 'gcpacertrace/dedicated-workers', 1],
			[57, 58, '0', 'gcpacertrace/fractional-workers', 0],
		],
	},
	{
		source: 'synthetic, Go 1.5–1.9',
		line: 'pacer: H_m_prev=4194304 h_t=+7.000000e-001 H_T=7130316 h_a=+8.750000e-001 H_a=7864320 h_g=+1.000000e+000 H_g=8388608 u_a=+2.700000e-001 u_g=+2.500000e-001 W_a=3145728 goalΔ=+3.000000e-001 actualΔ=+1.750000e-001 u_a/u_g=+1.080000e+000',
		form: 'pacer-controller-legacy',
		era: 'go1.5-go1.9',
		tokens: [
			[16, 23, '4194304', 'gcpacertrace/prev-heap-marked', 4194304],
			[28, 42, '+7.000000e-001', 'gcpacertrace/trigger-ratio', 0.7],
			[47, 54, '7130316', 'gcpacertrace/trigger-heap', 7130316],
			[59, 73, '+8.750000e-001', 'gcpacertrace/actual-growth-ratio', 0.875],
			[78, 85, '7864320', 'gcpacertrace/actual-heap', 7864320],
			[90, 104, '+1.000000e+000', 'gcpacertrace/goal-growth-ratio', 1],
			[109, 116, '8388608', 'gcpacertrace/goal-heap', 8388608],
			[121, 135, '+2.700000e-001', 'gcpacertrace/actual-utilization', 0.27],
			[140, 154, '+2.500000e-001', 'gcpacertrace/goal-utilization', 0.25],
			[159, 166, '3145728', 'gcpacertrace/scan-work', 3145728],
			[173, 187, '+3.000000e-001', 'gcpacertrace/goal-delta', 0.3],
			[196, 210, '+1.750000e-001', 'gcpacertrace/actual-delta', 0.175],
			[219, 233, '+1.080000e+000', 'gcpacertrace/utilization-ratio', 1.08],
		],
	},
	{
		source: 'real, go1.19.8, content/traces/combined/go1.19-gcdemo-gc-pacer-scav.txt',
		line: 'pacer: 25% CPU (25 exp.) for 44648+1896+225616 B work (225616 B exp.) in 3997696 B -> 4055040 B (∆goal -139264, cons/mark +0.000000e+000)',
		form: 'pacer-controller',
		era: 'go1.18-go1.25',
		tokens: [
			[7, 9, '25', 'gcpacertrace/cpu-utilization', 25],
			[16, 18, '25', 'gcpacertrace/cpu-utilization-goal', 25],
			[29, 34, '44648', 'gcpacertrace/heap-scan-work', 44648],
			[35, 39, '1896', 'gcpacertrace/stack-scan-work', 1896],
			[40, 46, '225616', 'gcpacertrace/globals-scan-work', 225616],
			[55, 61, '225616', 'gcpacertrace/expected-scan-work', 225616],
			[73, 80, '3997696', 'gcpacertrace/heap-live-trigger', 3997696],
			[86, 93, '4055040', 'gcpacertrace/heap-live-end', 4055040],
			[103, 110, '-139264', 'gcpacertrace/goal-overshoot', -139264],
			[122, 136, '+0.000000e+000', 'gcpacertrace/cons-mark', 0],
		],
	},
	{
		source: 'synthetic, Go 1.18–1.19',
		line: 'pacer: 31% CPU (25 exp.) for 2883584+65536+131072 B work (2818048 B exp.) in 7340032 B -> 8126464 B (∆goal -262144, cons/mark +5.102041e-001)[controller reset]',
		form: 'pacer-controller',
		era: 'go1.18-go1.19',
		tokens: [
			[7, 9, '31', 'gcpacertrace/cpu-utilization', 31],
			[16, 18, '25', 'gcpacertrace/cpu-utilization-goal', 25],
			[29, 36, '2883584', 'gcpacertrace/heap-scan-work', 2883584],
			[37, 42, '65536', 'gcpacertrace/stack-scan-work', 65536],
			[43, 49, '131072', 'gcpacertrace/globals-scan-work', 131072],
			[58, 65, '2818048', 'gcpacertrace/expected-scan-work', 2818048],
			[77, 84, '7340032', 'gcpacertrace/heap-live-trigger', 7340032],
			[90, 97, '8126464', 'gcpacertrace/heap-live-end', 8126464],
			[107, 114, '-262144', 'gcpacertrace/goal-overshoot', -262144],
			[126, 140, '+5.102041e-001', 'gcpacertrace/cons-mark', 0.5102041],
			[141, 159, '[controller reset]', 'gcpacertrace/controller-reset', true],
		],
	},
	{
		source: 'real, go1.26.8, content/traces/combined/go1.26-gcdemo-gc-pacer-scav.txt',
		line: 'pacer: 25% CPU (25 exp.) for 60008+2184+157034 B work (219914 B exp.) in 4005696 B -> 4046656 B (∆goal -147648, cons/mark 0.06877543300167803)',
		form: 'pacer-controller',
		era: 'go1.26-go1.27',
		tokens: [
			[7, 9, '25', 'gcpacertrace/cpu-utilization', 25],
			[16, 18, '25', 'gcpacertrace/cpu-utilization-goal', 25],
			[29, 34, '60008', 'gcpacertrace/heap-scan-work', 60008],
			[35, 39, '2184', 'gcpacertrace/stack-scan-work', 2184],
			[40, 46, '157034', 'gcpacertrace/globals-scan-work', 157034],
			[55, 61, '219914', 'gcpacertrace/expected-scan-work', 219914],
			[73, 80, '4005696', 'gcpacertrace/heap-live-trigger', 4005696],
			[86, 93, '4046656', 'gcpacertrace/heap-live-end', 4046656],
			[103, 110, '-147648', 'gcpacertrace/goal-overshoot', -147648],
			[122, 141, '0.06877543300167803', 'gcpacertrace/cons-mark', 0.06877543300167803],
		],
	},
	{
		source: 'synthetic, Go 1.6',
		line: 'pacer: sweep done at heap size 4MB; allocated 0MB of spans; swept 1063 pages',
		form: 'pacer-sweep-done',
		era: 'go1.6',
		tokens: [
			[31, 32, '4', 'gcpacertrace/sweep-heap-live', 4],
			[46, 47, '0', 'gcpacertrace/sweep-allocated', 0],
			[66, 70, '1063', 'gcpacertrace/pages-swept', 1063],
		],
	},
	{
		source: 'synthetic, Go 1.7–1.8',
		line: 'pacer: sweep done at heap size 4MB; allocated 0MB of spans; swept 1063 pages at +1.391361e-004 pages/byte',
		form: 'pacer-sweep-done',
		era: 'go1.7-go1.8',
		tokens: [
			[31, 32, '4', 'gcpacertrace/sweep-heap-live', 4],
			[46, 47, '0', 'gcpacertrace/sweep-allocated', 0],
			[66, 70, '1063', 'gcpacertrace/pages-swept', 1063],
			[80, 94, '+1.391361e-004', 'gcpacertrace/sweep-pages-per-byte', 0.0001391361],
		],
	},
	{
		source: 'synthetic, Go 1.9–1.25',
		line: 'pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 1063 pages at +1.391361e-004 pages/byte',
		form: 'pacer-sweep-done',
		era: 'go1.9-go1.25',
		tokens: [
			[31, 32, '4', 'gcpacertrace/sweep-heap-live', 4],
			[46, 47, '0', 'gcpacertrace/sweep-allocated', 0],
			[70, 74, '1063', 'gcpacertrace/pages-swept', 1063],
			[84, 98, '+1.391361e-004', 'gcpacertrace/sweep-pages-per-byte', 0.0001391361],
		],
	},
	{
		source: 'real, go1.26.8, content/traces/combined/go1.26-gcdemo-gc-pacer-scav.txt',
		line: 'pacer: sweep done at heap size 0MB; allocated 0MB during sweep; swept 496 pages at 0.00017613523777191764 pages/byte',
		form: 'pacer-sweep-done',
		era: 'go1.26-go1.27',
		tokens: [
			[31, 32, '0', 'gcpacertrace/sweep-heap-live', 0],
			[46, 47, '0', 'gcpacertrace/sweep-allocated', 0],
			[70, 73, '496', 'gcpacertrace/pages-swept', 496],
			[83, 105, '0.00017613523777191764', 'gcpacertrace/sweep-pages-per-byte', 0.00017613523777191764],
		],
	},
];

describeSpanTable('exact spans', rows, { parse, kind: 'gcpacertrace', keys: catalogueKeys });

// The synthetic samples of go-trace-synthetic-samples.txt §5, with the era of their shape.
const eraSamples: [line: string, era: string][] = [
	// Go 1.5–1.9: `workers=1+0` is two integers; Go 1.26 would print a 0 float alike, but its
	// assist ratio would then be `0.6`, not `+6.000000e-001`.
	['pacer: assist ratio=+6.000000e-001 (scan 3 MB in 7->8 MB) workers=1+0', 'go1.5-go1.9'],
	[
		'pacer: H_m_prev=4194304 h_t=+7.000000e-001 H_T=7130316 h_a=+8.750000e-001 H_a=7864320 h_g=+1.000000e+000 H_g=8388608 u_a=+2.700000e-001 u_g=+2.500000e-001 W_a=3145728 goalΔ=+3.000000e-001 actualΔ=+1.750000e-001 u_a/u_g=+1.080000e+000',
		'go1.5-go1.9',
	],
	['pacer: sweep done at heap size 4MB; allocated 0MB of spans; swept 1063 pages', 'go1.6'],
	[
		'pacer: sweep done at heap size 4MB; allocated 0MB of spans; swept 1063 pages at +1.391361e-004 pages/byte',
		'go1.7-go1.8',
	],
	[
		'pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 1063 pages at +1.391361e-004 pages/byte',
		'go1.9-go1.25',
	],
	// u_g is gcGoalUtilization: 0.30 from Go 1.10 (and in 1.18 with GOEXPERIMENT=nopacerredesign).
	[
		'pacer: H_m_prev=4194304 h_t=+7.000000e-001 H_T=7130316 h_a=+8.750000e-001 H_a=7864320 h_g=+1.000000e+000 H_g=8388608 u_a=+2.700000e-001 u_g=+3.000000e-001 W_a=3145728 goalΔ=+3.000000e-001 actualΔ=+1.750000e-001 u_a/u_g=+9.000000e-001',
		'go1.10-go1.18',
	],
	// The samples file prints the Go 1.10–1.25 fractional goal without its sign
	// (`workers=1+0.000000e+000`), but printfloat always prints one: real Go 1.19 output is
	// `workers=1++0.000000e+000` (content/traces/combined/go1.19-gcdemo-gc-pacer-scav.txt has
	// `workers=0++2.500000e-001`). As written, the sample matches no release.
	['pacer: assist ratio=+6.000000e-001 (scan 3 MB in 7->8 MB) workers=1+0.000000e+000', 'none'],
	['pacer: assist ratio=+6.000000e-001 (scan 3 MB in 7->8 MB) workers=1++0.000000e+000', 'go1.10-go1.25'],
	['pacer: assist ratio=+6.000000e-001 (scan 3 MB in 7->8 MB) workers=0++2.500000e-001', 'go1.10-go1.25'],
	[
		'pacer: 27% CPU (25 exp.) for 2621440+65536+131072 B work (2752512 B exp.) in 7130316 B -> 7864320 B (∆goal -524288, cons/mark +4.237288e-001)',
		'go1.18-go1.25',
	],
	[
		'pacer: 31% CPU (25 exp.) for 2883584+65536+131072 B work (2818048 B exp.) in 7340032 B -> 8126464 B (∆goal -262144, cons/mark +5.102041e-001)[controller reset]',
		'go1.18-go1.19',
	],
	['pacer: assist ratio=0.6 (scan 3 MB in 7->8 MB) workers=1+0', 'go1.26-go1.27'],
	[
		'pacer: 27% CPU (25 exp.) for 2621440+65536+131072 B work (2752512 B exp.) in 7130316 B -> 7864320 B (∆goal -524288, cons/mark 0.423728813559322)',
		'go1.26-go1.27',
	],
	[
		'pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 1063 pages at 0.00013913612565445027 pages/byte',
		'go1.26-go1.27',
	],
	['pacer: assist ratio=0.6 (scan 3 MB in 7->8 MB) workers=0+0.25', 'go1.26-go1.27'],
	// Not samples: NaN and ±Inf print alike in both float notations, so they do not narrow.
	['pacer: assist ratio=NaN (scan 3 MB in 7->8 MB) workers=1++Inf', 'go1.10-go1.27'],
	// `[controller reset]` (Go 1.18–1.19) with a shortest-form float (Go 1.26+) matches none.
	[
		'pacer: 27% CPU (25 exp.) for 2621440+65536+131072 B work (2752512 B exp.) in 7130316 B -> 7864320 B (∆goal -524288, cons/mark 0.42)[controller reset]',
		'none',
	],
];

describeEraSamples(eraSamples, parse);

const NEW_PACER = 'pacer: 27% CPU (25 exp.) for 2621440+65536+131072 B work (2752512 B exp.) in 7130316 B -> ';

// Malformed or truncated lines: [line, 1-based column, message, tokens read before the problem].
const problems: [line: string, column: number, message: string, keyedTokens: number][] = [
	[
		'pacer: assist ratio=+6.000000e-001 (scan 3 MB in 7->8 MB) workers=1+',
		69,
		'expected the fractional workers, a decimal number but the line ends there',
		5,
	],
	[
		'pacer: assist ratio=x (scan 3 MB in 7->8 MB) workers=1+0',
		21,
		'expected the assist ratio, a decimal number but found "x (scan 3 MB…"',
		0,
	],
	[
		'pacer: H_m_prev=4194304 h_t=+7.000000e-001 H_T=7130316 h_a=+8.750000e-001 H_a=7864320 h_g=+1.000000e+000 H_g=8388608 u_a=+2.700000e-001 u_g=+3.000000e-001 W_a=3145728 goalΔ=+3.000000e-001 actualΔ=+1.750000e-001',
		211,
		'expected " u_a/u_g=" after actualΔ but the line ends there',
		12,
	],
	[
		`${NEW_PACER}7864320 B (∆goal -524288, cons/mark 0.42`,
		131,
		'expected ")" after the cons/mark estimate but the line ends there',
		10,
	],
	[
		// U+0394 (the old pacer's Δ) where the new pacer prints U+2206.
		`${NEW_PACER}7864320 B (Δgoal -524288, cons/mark 0.42)`,
		98,
		'expected " B (∆goal " after the heap at mark end but found " B (Δgoal -5…"',
		8,
	],
	[
		'pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 1063 pages',
		81,
		'expected " at " after " pages" but the line ends there',
		3,
	],
	[
		'pacer: sweep done at heap size 4MB; allocated 0MB of spans; swept 1063 pages at',
		77,
		'expected " at " after " pages" but found " at"',
		3,
	],
	[
		'pacer: sweep done at heap size 4MB; allocated 0MB during sweeping; swept 1063 pages',
		48,
		'expected "MB during sweep; swept " (or "MB of spans; swept ") after the allocated during sweep but found "MB during sw…"',
		2,
	],
	[
		'pacer: something new',
		8,
		'expected "assist ratio=", "H_m_prev=", "sweep done" or a CPU percent after "pacer: " but found "something ne…"',
		0,
	],
	['pacer: assi', 8, 'expected "assist ratio=" but found "assi"', 0],
	[`${NEW_PACER}7864320 B (∆goal -524288, cons/mark 0.42) extra`, 0, '', 10],
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
	alphabet: '0123456789 .+-e=()BMNIa\u2206\u0394\uffff\ud800é\t',
	odd: ['', 'pacer:', 'pacer: ', 'pacer: 1', 'pacer: H', 'pacer: \u0000', 'pacer: 1e999% CPU'],
	keys: catalogueKeys,
});

describe('a log read for its summary alone', () => {
	// Without an `onLine`, the usual Go 1.18+ pacer lines are matched whole with one expression and
	// no tokens are stored: the summary must be the one read with an `onLine`.
	const traces = path.resolve(import.meta.dirname, '..', '..', '..', 'content', 'traces');
	const captured = ['gcpacertrace', 'combined'].flatMap((dir) =>
		readdirSync(path.join(traces, dir))
			.filter((f) => f.endsWith('.txt'))
			.flatMap((f) => readFileSync(path.join(traces, dir, f), 'utf8').split('\n'))
			.map((line) => line.replace(/\r$/, ''))
			.filter((line) => line.startsWith('pacer: ')),
	);

	test('every prefix and one-character edit of the captured lines counts as read with its tokens', () => {
		const edits = ['', 'x', '-', '+', '.', 'e', 'e-05', '0', ' ', ')', '(', ']', '\u00b5', '\u2206', '\t'];
		// One line per shape (digits aside), and the last float of each 39, 40 and 41 characters
		// long (`float` looks at 40 at most).
		// The span table's and era samples' lines (synthetic, from the reference) add the runtime
		// notation of every line and `[controller reset]`.
		const seeds = [...captured, ...rows.map((row) => row.line), ...eraSamples.map(([line]) => line)];
		const shapes = [...new Map(seeds.map((line) => [line.replace(/\d+/g, '0'), line])).values()];
		assert.ok(shapes.length >= 8, `${shapes.length} shapes`);
		const lastFloat = /[+-]?\d+\.\d+(?:e[+-]\d+)?(?=\D*$)/;
		const long = shapes.flatMap((line) => [39, 40, 41].map((n) => line.replace(lastFloat, `1.${'2'.repeat(n - 2)}`)));
		const usual = assertSummaryAloneAgrees(
			[...shapes, ...long],
			edits,
			(summary) => summary.kindCounts.gcpacertrace === 1 && summary.problemCount === 0,
		);
		assert.ok(usual > 1000, `${usual} variants read as pacer lines without a problem`);
	});
});
