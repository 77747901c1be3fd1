/**
 * gctrace parsers: exact spans for every line shape (synthetic samples from the format
 * reference, labelled as such, and real captures from content/traces), eras, problems,
 * tolerance of unknown trailing text, and never throwing on odd input.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatEra } from '../era.ts';
import type { ParsedLine } from '../types.ts';
import { gctraceFields } from './fields.ts';
import { parseGcForcedLine, parseGctraceLine, parseScanStatsLine } from './parse.ts';
import {
	type SpanRow,
	assertSummaryAloneAgrees,
	assertWellFormed,
	describeEraSamples,
	describeNeverThrows,
	describeSpanTable,
} from '../test-support.ts';

const catalogueKeys = new Set<string>(gctraceFields.map((f) => f.key));

function parse(line: string): ParsedLine {
	if (line.startsWith('scan: ')) return parseScanStatsLine(line);
	if (line.startsWith('GC forced')) return parseGcForcedLine(line);
	return parseGctraceLine(line);
}

const rows: SpanRow[] = [
	{
		source: 'synthetic, Go 1.1–1.2',
		line: 'gc1(1): 0+0+0 ms, 0 -> 0 MB 16 -> 18 (19-1) objects, 0(0) handoff, 0(0) steal, 0/0/0 yields',
		form: 'gc-cycle-legacy',
		era: 'go1.1-go1.2',
		tokens: [
			[2, 3, '1', 'gctrace/legacy-cycle', 1],
			[4, 5, '1', 'gctrace/legacy-procs', 1],
			[8, 9, '0', 'gctrace/legacy-mark-ms', 0],
			[10, 11, '0', 'gctrace/legacy-sweep-ms', 0],
			[12, 13, '0', 'gctrace/legacy-other-ms', 0],
			[18, 19, '0', 'gctrace/legacy-heap-before', 0],
			[23, 24, '0', 'gctrace/legacy-heap-after', 0],
			[28, 30, '16', 'gctrace/legacy-objects-before', 16],
			[34, 36, '18', 'gctrace/legacy-objects-after', 18],
			[38, 40, '19', 'gctrace/legacy-mallocs', 19],
			[41, 42, '1', 'gctrace/legacy-frees', 1],
			[53, 54, '0', 'gctrace/legacy-handoffs', 0],
			[55, 56, '0', 'gctrace/legacy-handoff-objects', 0],
			[67, 68, '0', 'gctrace/legacy-steals', 0],
			[69, 70, '0', 'gctrace/legacy-stolen', 0],
			[79, 80, '0', 'gctrace/legacy-procyields', 0],
			[81, 82, '0', 'gctrace/legacy-osyields', 0],
			[83, 84, '0', 'gctrace/legacy-sleeps', 0],
		],
	},
	{
		source: 'synthetic, Go 1.3',
		line: 'gc1(1): 2+0+201+3 us, 0 -> 0 MB, 18 (19-1) objects, 13/0/0 sweeps, 0(0) handoff, 0(0) steal, 0/0/0 yields',
		form: 'gc-cycle-legacy',
		era: 'go1.3',
		tokens: [
			[2, 3, '1', 'gctrace/legacy-cycle', 1],
			[4, 5, '1', 'gctrace/legacy-procs', 1],
			[8, 9, '2', 'gctrace/legacy-setup-us', 2],
			[10, 11, '0', 'gctrace/legacy-sweep-us', 0],
			[12, 15, '201', 'gctrace/legacy-mark-us', 201],
			[16, 17, '3', 'gctrace/legacy-finish-us', 3],
			[22, 23, '0', 'gctrace/legacy-heap-before', 0],
			[27, 28, '0', 'gctrace/legacy-heap-after', 0],
			[33, 35, '18', 'gctrace/legacy-objects-after', 18],
			[37, 39, '19', 'gctrace/legacy-mallocs', 19],
			[40, 41, '1', 'gctrace/legacy-frees', 1],
			[52, 54, '13', 'gctrace/legacy-spans', 13],
			[55, 56, '0', 'gctrace/legacy-background-sweeps', 0],
			[57, 58, '0', 'gctrace/legacy-pause-sweeps', 0],
			[67, 68, '0', 'gctrace/legacy-handoffs', 0],
			[69, 70, '0', 'gctrace/legacy-handoff-objects', 0],
			[81, 82, '0', 'gctrace/legacy-steals', 0],
			[83, 84, '0', 'gctrace/legacy-stolen', 0],
			[93, 94, '0', 'gctrace/legacy-procyields', 0],
			[95, 96, '0', 'gctrace/legacy-osyields', 0],
			[97, 98, '0', 'gctrace/legacy-sleeps', 0],
		],
	},
	{
		source: 'synthetic, Go 1.4',
		line: 'gc1(1): 2+0+198+3 us, 0 -> 0 MB, 18 (19-1) objects, 2 goroutines, 15/0/0 sweeps, 0(0) handoff, 0(0) steal, 0/0/0 yields',
		form: 'gc-cycle-legacy',
		era: 'go1.4',
		tokens: [
			[2, 3, '1', 'gctrace/legacy-cycle', 1],
			[4, 5, '1', 'gctrace/legacy-procs', 1],
			[8, 9, '2', 'gctrace/legacy-setup-us', 2],
			[10, 11, '0', 'gctrace/legacy-sweep-us', 0],
			[12, 15, '198', 'gctrace/legacy-mark-us', 198],
			[16, 17, '3', 'gctrace/legacy-finish-us', 3],
			[22, 23, '0', 'gctrace/legacy-heap-before', 0],
			[27, 28, '0', 'gctrace/legacy-heap-after', 0],
			[33, 35, '18', 'gctrace/legacy-objects-after', 18],
			[37, 39, '19', 'gctrace/legacy-mallocs', 19],
			[40, 41, '1', 'gctrace/legacy-frees', 1],
			[52, 53, '2', 'gctrace/legacy-goroutines', 2],
			[66, 68, '15', 'gctrace/legacy-spans', 15],
			[69, 70, '0', 'gctrace/legacy-background-sweeps', 0],
			[71, 72, '0', 'gctrace/legacy-pause-sweeps', 0],
			[81, 82, '0', 'gctrace/legacy-handoffs', 0],
			[83, 84, '0', 'gctrace/legacy-handoff-objects', 0],
			[95, 96, '0', 'gctrace/legacy-steals', 0],
			[97, 98, '0', 'gctrace/legacy-stolen', 0],
			[107, 108, '0', 'gctrace/legacy-procyields', 0],
			[109, 110, '0', 'gctrace/legacy-osyields', 0],
			[111, 112, '0', 'gctrace/legacy-sleeps', 0],
		],
	},
	{
		source: 'synthetic, Go 1.5',
		line: 'gc 1 @0.017s 2%: 0.12+1.5+0.035+0.60+0.20 ms clock, 0.48+1.5+0+0.10/0.55/0.72+0.80 ms cpu, 4->4->1 MB, 5 MB goal, 4 P',
		form: 'gc-cycle',
		era: 'go1.5',
		tokens: [
			[3, 4, '1', 'gctrace/cycle', 1],
			[6, 11, '0.017', 'gctrace/since-start', 0.017],
			[13, 14, '2', 'gctrace/gc-cpu-percent', 2],
			[17, 21, '0.12', 'gctrace/wall-sweep-termination', 0.12],
			[22, 25, '1.5', 'gctrace/wall-scan', 1.5],
			[26, 31, '0.035', 'gctrace/wall-install-write-barrier', 0.035],
			[32, 36, '0.60', 'gctrace/wall-mark', 0.6],
			[37, 41, '0.20', 'gctrace/wall-mark-termination', 0.2],
			[52, 56, '0.48', 'gctrace/cpu-sweep-termination', 0.48],
			[57, 60, '1.5', 'gctrace/cpu-scan', 1.5],
			[61, 62, '0', 'gctrace/cpu-install-write-barrier', 0],
			[63, 67, '0.10', 'gctrace/cpu-assist', 0.1],
			[68, 72, '0.55', 'gctrace/cpu-background', 0.55],
			[73, 77, '0.72', 'gctrace/cpu-idle', 0.72],
			[78, 82, '0.80', 'gctrace/cpu-mark-termination', 0.8],
			[91, 92, '4', 'gctrace/heap-start', 4],
			[94, 95, '4', 'gctrace/heap-end', 4],
			[97, 98, '1', 'gctrace/heap-live', 1],
			[103, 104, '5', 'gctrace/heap-goal', 5],
			[114, 115, '4', 'gctrace/procs', 4],
		],
	},
	{
		source: 'synthetic, Go 1.6–1.17',
		line: 'gc 318 @36.750s 0%: 0.022+0.27+0.040 ms clock, 0.17+0.60/0.43/0.031+0.32 ms cpu, 4->4->0 MB, 5 MB goal, 8 P',
		form: 'gc-cycle',
		era: 'go1.6-go1.17',
		tokens: [
			[3, 6, '318', 'gctrace/cycle', 318],
			[8, 14, '36.750', 'gctrace/since-start', 36.75],
			[16, 17, '0', 'gctrace/gc-cpu-percent', 0],
			[20, 25, '0.022', 'gctrace/wall-sweep-termination', 0.022],
			[26, 30, '0.27', 'gctrace/wall-mark', 0.27],
			[31, 36, '0.040', 'gctrace/wall-mark-termination', 0.04],
			[47, 51, '0.17', 'gctrace/cpu-sweep-termination', 0.17],
			[52, 56, '0.60', 'gctrace/cpu-assist', 0.6],
			[57, 61, '0.43', 'gctrace/cpu-background', 0.43],
			[62, 67, '0.031', 'gctrace/cpu-idle', 0.031],
			[68, 72, '0.32', 'gctrace/cpu-mark-termination', 0.32],
			[81, 82, '4', 'gctrace/heap-start', 4],
			[84, 85, '4', 'gctrace/heap-end', 4],
			[87, 88, '0', 'gctrace/heap-live', 0],
			[93, 94, '5', 'gctrace/heap-goal', 5],
			[104, 105, '8', 'gctrace/procs', 8],
		],
	},
	{
		source: 'synthetic, Go 1.6–1.8 runtime.GC',
		line: 'gc 4 @0.311s 1%: 0.009+0+1.3 ms clock, 0.072+0/0/0+10 ms cpu, 2->2->0 MB, 2 MB goal, 8 P (forced)',
		form: 'gc-cycle',
		era: 'go1.6-go1.17',
		tokens: [
			[3, 4, '4', 'gctrace/cycle', 4],
			[6, 11, '0.311', 'gctrace/since-start', 0.311],
			[13, 14, '1', 'gctrace/gc-cpu-percent', 1],
			[17, 22, '0.009', 'gctrace/wall-sweep-termination', 0.009],
			[23, 24, '0', 'gctrace/wall-mark', 0],
			[25, 28, '1.3', 'gctrace/wall-mark-termination', 1.3],
			[39, 44, '0.072', 'gctrace/cpu-sweep-termination', 0.072],
			[45, 46, '0', 'gctrace/cpu-assist', 0],
			[47, 48, '0', 'gctrace/cpu-background', 0],
			[49, 50, '0', 'gctrace/cpu-idle', 0],
			[51, 53, '10', 'gctrace/cpu-mark-termination', 10],
			[62, 63, '2', 'gctrace/heap-start', 2],
			[65, 66, '2', 'gctrace/heap-end', 2],
			[68, 69, '0', 'gctrace/heap-live', 0],
			[74, 75, '2', 'gctrace/heap-goal', 2],
			[85, 86, '8', 'gctrace/procs', 8],
			[89, 97, '(forced)', 'gctrace/forced', true],
		],
	},
	{
		source: 'synthetic, Go 1.18+',
		line: 'gc 52 @31.877s 4%: 0.061+12+0.044 ms clock, 0.48+3.9/23/8.1+0.35 ms cpu, 181->190->97 MB, 195 MB goal, 2 MB stacks, 1 MB globals, 8 P',
		form: 'gc-cycle',
		era: 'go1.18-go1.27',
		tokens: [
			[3, 5, '52', 'gctrace/cycle', 52],
			[7, 13, '31.877', 'gctrace/since-start', 31.877],
			[15, 16, '4', 'gctrace/gc-cpu-percent', 4],
			[19, 24, '0.061', 'gctrace/wall-sweep-termination', 0.061],
			[25, 27, '12', 'gctrace/wall-mark', 12],
			[28, 33, '0.044', 'gctrace/wall-mark-termination', 0.044],
			[44, 48, '0.48', 'gctrace/cpu-sweep-termination', 0.48],
			[49, 52, '3.9', 'gctrace/cpu-assist', 3.9],
			[53, 55, '23', 'gctrace/cpu-background', 23],
			[56, 59, '8.1', 'gctrace/cpu-idle', 8.1],
			[60, 64, '0.35', 'gctrace/cpu-mark-termination', 0.35],
			[73, 76, '181', 'gctrace/heap-start', 181],
			[78, 81, '190', 'gctrace/heap-end', 190],
			[83, 85, '97', 'gctrace/heap-live', 97],
			[90, 93, '195', 'gctrace/heap-goal', 195],
			[103, 104, '2', 'gctrace/stacks', 2],
			[116, 117, '1', 'gctrace/globals', 1],
			[130, 131, '8', 'gctrace/procs', 8],
		],
	},
	{
		source: 'real, go1.19.8, content/traces/gctrace/go1.19-gcdemo.txt',
		line: 'gc 8 @0.500s 0%: 0.045+0.33+0.003 ms clock, 0.090+0/0.098/0.080+0.006 ms cpu, 0->0->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)',
		form: 'gc-cycle',
		era: 'go1.18-go1.27',
		tokens: [
			[3, 4, '8', 'gctrace/cycle', 8],
			[6, 11, '0.500', 'gctrace/since-start', 0.5],
			[13, 14, '0', 'gctrace/gc-cpu-percent', 0],
			[17, 22, '0.045', 'gctrace/wall-sweep-termination', 0.045],
			[23, 27, '0.33', 'gctrace/wall-mark', 0.33],
			[28, 33, '0.003', 'gctrace/wall-mark-termination', 0.003],
			[44, 49, '0.090', 'gctrace/cpu-sweep-termination', 0.09],
			[50, 51, '0', 'gctrace/cpu-assist', 0],
			[52, 57, '0.098', 'gctrace/cpu-background', 0.098],
			[58, 63, '0.080', 'gctrace/cpu-idle', 0.08],
			[64, 69, '0.006', 'gctrace/cpu-mark-termination', 0.006],
			[78, 79, '0', 'gctrace/heap-start', 0],
			[81, 82, '0', 'gctrace/heap-end', 0],
			[84, 85, '0', 'gctrace/heap-live', 0],
			[90, 91, '4', 'gctrace/heap-goal', 4],
			[101, 102, '0', 'gctrace/stacks', 0],
			[114, 115, '0', 'gctrace/globals', 0],
			[128, 129, '2', 'gctrace/procs', 2],
			[132, 140, '(forced)', 'gctrace/forced', true],
		],
	},
	{
		source: 'real, go1.26.8, content/traces/gctrace/go1.26-gcdemo-leakcheck.txt',
		line: 'gc 17 @1.011s 0% (checking for goroutine leaks): 0.15+0.23+0.088 ms clock, 0.31+0/0.084/0.15+0.17 ms cpu, 0->0->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)',
		form: 'gc-cycle',
		era: 'go1.26-go1.27',
		tokens: [
			[3, 5, '17', 'gctrace/cycle', 17],
			[7, 12, '1.011', 'gctrace/since-start', 1.011],
			[14, 15, '0', 'gctrace/gc-cpu-percent', 0],
			[17, 47, '(checking for goroutine leaks)', 'gctrace/leak-check', true],
			[49, 53, '0.15', 'gctrace/wall-sweep-termination', 0.15],
			[54, 58, '0.23', 'gctrace/wall-mark', 0.23],
			[59, 64, '0.088', 'gctrace/wall-mark-termination', 0.088],
			[75, 79, '0.31', 'gctrace/cpu-sweep-termination', 0.31],
			[80, 81, '0', 'gctrace/cpu-assist', 0],
			[82, 87, '0.084', 'gctrace/cpu-background', 0.084],
			[88, 92, '0.15', 'gctrace/cpu-idle', 0.15],
			[93, 97, '0.17', 'gctrace/cpu-mark-termination', 0.17],
			[106, 107, '0', 'gctrace/heap-start', 0],
			[109, 110, '0', 'gctrace/heap-end', 0],
			[112, 113, '0', 'gctrace/heap-live', 0],
			[118, 119, '4', 'gctrace/heap-goal', 4],
			[129, 130, '0', 'gctrace/stacks', 0],
			[142, 143, '0', 'gctrace/globals', 0],
			[156, 157, '2', 'gctrace/procs', 2],
			[160, 168, '(forced)', 'gctrace/forced', true],
		],
	},
	{
		source: 'synthetic, Go 1.25 default collector',
		line: 'scan: total 15230 objs',
		form: 'scan-stats',
		era: 'go1.25-go1.27',
		tokens: [[12, 17, '15230', 'gctrace/scan-objects-single', 15230]],
	},
	{
		source: 'synthetic, Go 1.25 default collector',
		line: 'scan: class L 12 objs',
		form: 'scan-stats',
		era: 'go1.25-go1.27',
		tokens: [
			[12, 13, 'L', 'gctrace/scan-large-class', true],
			[14, 16, '12', 'gctrace/scan-objects-single', 12],
		],
	},
	{
		source: 'synthetic, Go 1.25 default collector',
		line: 'scan: class 48B 3311 objs',
		form: 'scan-stats',
		era: 'go1.25-go1.27',
		tokens: [
			[12, 14, '48', 'gctrace/scan-size-class', 48],
			[16, 20, '3311', 'gctrace/scan-objects-single', 3311],
		],
	},
	{
		source: 'real, go1.26.8, content/traces/gctrace/go1.26-gcdemo-gctrace2.txt',
		line: 'scan: total 324+108+84=516 objs, 16+5=21 spans',
		form: 'scan-stats',
		era: 'go1.25-go1.27',
		tokens: [
			[12, 15, '324', 'gctrace/scan-objects-single', 324],
			[16, 19, '108', 'gctrace/scan-objects-sparse-spans', 108],
			[20, 22, '84', 'gctrace/scan-objects-dense-spans', 84],
			[23, 26, '516', 'gctrace/scan-objects-total', 516],
			[33, 35, '16', 'gctrace/scan-spans-sparse', 16],
			[36, 37, '5', 'gctrace/scan-spans-dense', 5],
			[38, 40, '21', 'gctrace/scan-spans-total', 21],
		],
	},
	{
		source: 'real, go1.26.8, content/traces/gctrace/go1.26-gcdemo-gctrace2.txt',
		line: 'scan: class 8B 9+0+0=9 objs, 0+0=0 spans',
		form: 'scan-stats',
		era: 'go1.25-go1.27',
		tokens: [
			[12, 13, '8', 'gctrace/scan-size-class', 8],
			[15, 16, '9', 'gctrace/scan-objects-single', 9],
			[17, 18, '0', 'gctrace/scan-objects-sparse-spans', 0],
			[19, 20, '0', 'gctrace/scan-objects-dense-spans', 0],
			[21, 22, '9', 'gctrace/scan-objects-total', 9],
			[29, 30, '0', 'gctrace/scan-spans-sparse', 0],
			[31, 32, '0', 'gctrace/scan-spans-dense', 0],
			[33, 34, '0', 'gctrace/scan-spans-total', 0],
		],
	},
	{
		source: 'synthetic, Go 1.26+ Green Tea',
		line: 'scan: class L 12+0+0=12 objs, 0+0=0 spans',
		form: 'scan-stats',
		era: 'go1.25-go1.27',
		tokens: [
			[12, 13, 'L', 'gctrace/scan-large-class', true],
			[14, 16, '12', 'gctrace/scan-objects-single', 12],
			[17, 18, '0', 'gctrace/scan-objects-sparse-spans', 0],
			[19, 20, '0', 'gctrace/scan-objects-dense-spans', 0],
			[21, 23, '12', 'gctrace/scan-objects-total', 12],
			[30, 31, '0', 'gctrace/scan-spans-sparse', 0],
			[32, 33, '0', 'gctrace/scan-spans-dense', 0],
			[34, 35, '0', 'gctrace/scan-spans-total', 0],
		],
	},
	{
		source: 'synthetic, Go 1.4+',
		line: 'GC forced',
		form: 'gc-forced',
		era: 'go1.4-go1.27',
		tokens: [[0, 9, 'GC forced', 'gctrace/periodic-gc-notice', true]],
	},
];

describeSpanTable('exact spans', rows, {
	parse,
	kind: (row) => (row.form === 'gc-forced' ? 'gc-forced' : 'gctrace'),
	keys: catalogueKeys,
});

// The synthetic samples of go-trace-synthetic-samples.txt §3–4, with the era of their shape.
const eraSamples: [line: string, era: string][] = [
	['gc1(1): 0+0+0 ms, 0 -> 0 MB 16 -> 18 (19-1) objects, 0(0) handoff, 0(0) steal, 0/0/0 yields', 'go1.1-go1.2'],
	[
		'gc1(1): 2+0+201+3 us, 0 -> 0 MB, 18 (19-1) objects, 13/0/0 sweeps, 0(0) handoff, 0(0) steal, 0/0/0 yields',
		'go1.3',
	],
	[
		'gc1(1): 2+0+198+3 us, 0 -> 0 MB, 18 (19-1) objects, 2 goroutines, 15/0/0 sweeps, 0(0) handoff, 0(0) steal, 0/0/0 yields',
		'go1.4',
	],
	[
		'gc5(2): 1+0+310+4 us, 3 -> 2 MB, 21012 (188430-167418) objects, 3 goroutines, 412/20/0 sweeps, 0(0) handoff, 0(0) steal, 0/0/0 yields',
		'go1.4',
	],
	[
		'gc 1 @0.017s 2%: 0.12+1.5+0.035+0.60+0.20 ms clock, 0.48+1.5+0+0.10/0.55/0.72+0.80 ms cpu, 4->4->1 MB, 5 MB goal, 4 P',
		'go1.5',
	],
	[
		'gc 6 @0.412s 3%: 0.10+1.3+0.030+0.55+0.18 ms clock, 0.40+1.3+0+0.21/0.50/0.33+0.72 ms cpu, 7->7->4 MB, 8 MB goal, 4 P',
		'go1.5',
	],
	[
		'gc 1 @0.015s 1%: 0.020+0.85+0.012 ms clock, 0.16+0.10/0.62/0.21+0.096 ms cpu, 4->4->0 MB, 5 MB goal, 8 P',
		'go1.6-go1.17',
	],
	['gc 27 @12.004s 3%: 2.1+38+0.51 ms clock, 16+4.2/70/11+4.0 ms cpu, 61->63->33 MB, 64 MB goal, 8 P', 'go1.6-go1.17'],
	// `(forced)` does not narrow: it is printed by every release from Go 1.5.
	[
		'gc 7 @2.311s 0%: 0.011+0.52+0.009 ms clock, 0.088+0/0.41/0.18+0.072 ms cpu, 1->1->0 MB, 4 MB goal, 8 P (forced)',
		'go1.6-go1.17',
	],
	['GC forced', 'go1.4-go1.27'],
	[
		'gc 15 @120.005s 0%: 0.031+0.61+0.022 ms clock, 0.24+0/0.48/0.90+0.17 ms cpu, 3->3->1 MB, 4 MB goal, 8 P',
		'go1.6-go1.17',
	],
	[
		'gc 3 @0.041s 2%: 0.018+1.1+0.025 ms clock, 0.14+0.31/1.9/0.45+0.20 ms cpu, 4->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P',
		'go1.18-go1.27',
	],
	[
		'gc 9 @4.502s 0%: 0.015+0.71+0.020 ms clock, 0.12+0/0.55/0.12+0.16 ms cpu, 3->3->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P (forced)',
		'go1.18-go1.27',
	],
	[
		'gc 12 @5.002s 0% (checking for goroutine leaks): 0.030+0.90+0.040 ms clock, 0.24+0/0.70/0.10+0.32 ms cpu, 3->3->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P (forced)',
		'go1.26-go1.27',
	],
	['scan: total 15230 objs', 'go1.25-go1.27'],
	['scan: class 16B 6120 objs', 'go1.25-go1.27'],
	['scan: total 1204+5310+8716=15230 objs, 214+96=310 spans', 'go1.25-go1.27'],
	['scan: class 16B 310+1920+3890=6120 objs, 41+30=71 spans', 'go1.25-go1.27'],
	// Not a sample: the leak marker with the Go 1.6–1.17 shape matches no release.
	[
		'gc 1 @0.015s 1% (checking for goroutine leaks): 0.020+0.85+0.012 ms clock, 0.16+0.10/0.62/0.21+0.096 ms cpu, 4->4->0 MB, 5 MB goal, 8 P',
		'none',
	],
];

describeEraSamples(eraSamples, parse);

const GO_1_6 = 'gc 1 @0.015s 1%: 0.020+0.85+0.012 ms clock, 0.16+0.10/0.62/0.21+0.096 ms cpu, 4->4->0 MB, ';

// Malformed or truncated lines: [line, 1-based column, message, tokens read before the problem].
const problems: [line: string, column: number, message: string, keyedTokens: number][] = [
	[`${GO_1_6}x MB goal, 8 P`, 91, 'expected the heap goal, a number, before " MB goal" but found "x MB goal, 8…"', 14],
	[`${GO_1_6}5 MB goal, 8`, 103, 'expected " P" after GOMAXPROCS but the line ends there', 16],
	[`${GO_1_6}5 MB goal, 0 MB sta`, 103, 'expected " MB stacks, " after the scannable stacks but found " MB sta"', 16],
	[`${GO_1_6}5 MB goal, 8 P (forc`, 106, 'expected "(forced)" after GOMAXPROCS but found "(forc"', 16],
	[
		'gc 1 @0.015s 1%: 0.020+0.85+0.012+0.5 ms clock, 0.16+0.10/0.62/0.21+0.096 ms cpu',
		34,
		'expected " ms clock, " after the mark termination clock time but found "+0.5 ms cloc…"',
		6,
	],
	[
		'gc 1 @0.015s 1%: 0.020+0.85+0.012 ms clock, 0.16+0.10+0.62/0.21+0.096 ms cpu',
		54,
		'expected "/" after the mark assist CPU time but found "+0.62/0.21+0…"',
		8,
	],
	['gc 1 @0.015s', 13, 'expected " " before the GC CPU share but the line ends there', 2],
	['gc 1 @x', 7, 'expected the time since start (a number of seconds) but found "x"', 1],
	[
		'gc 1 @0.015s 1% (checking for goroutine',
		17,
		'expected "(checking for goroutine leaks)" after the GC CPU share but found "(checking fo…"',
		3,
	],
	[
		'gc1(1): 0+0+0 ms, 0 -> 0 MB 16 -> 18 (19-1) obj',
		43,
		'expected ") objects, " after the free count but found ") obj"',
		11,
	],
	[
		'gc1(1): 2+0+198+3 us, 0 -> 0 MB, 18 (19-1) objects, 2 goroutines, 15/0/0 sweeps, 0(0) handoff',
		85,
		'expected ") handoff, " after the objects handed off but found ") handoff"',
		17,
	],
	['gc12', 5, 'expected "(" after the GC number but the line ends there', 1],
	[
		'scan: class 16B 310+1920+3890=6120 objs, 41+30=',
		48,
		'expected the spans scanned (a number) but the line ends there',
		7,
	],
	['scan: class XB 12 objs', 13, 'expected the size class ("L" or a number of bytes) but found "XB 12 objs"', 0],
	[
		'scan: total 12 objects',
		15,
		'expected " objs" (or "+" with Green Tea) after the objects scanned singly but found " objects"',
		1,
	],
	['GC forcedx', 0, '', 1],
];

describe('problems', () => {
	for (const [line, column, message, keyedTokens] of problems) {
		test(line, () => {
			const parsed = parse(line);
			assertWellFormed(parsed, catalogueKeys);
			if (column === 0) {
				// Trailing text after a complete line is unrecognised, not a problem.
				assert.equal(parsed.problem, null);
			} else {
				assert.deepEqual(parsed.problem, { column, message });
			}
			const keyed = parsed.tokens.filter((t) => t.key !== null);
			assert.equal(keyed.length, keyedTokens);
			const last = parsed.tokens.at(-1);
			if (column > 0 && column <= line.length) {
				// The rest of the line, from the problem on, is one unrecognised token.
				assert.deepEqual(last, {
					start: column - 1,
					end: line.length,
					text: line.slice(column - 1),
					key: null,
				});
			}
		});
	}
});

describe('unknown trailing text (a newer release adding a field)', () => {
	const cases: [line: string, unknown: string, era: string][] = [
		[`${GO_1_6}5 MB goal, 8 P (forced) extra`, ' extra', 'go1.6-go1.17'],
		[`${GO_1_6}5 MB goal, 0 MB stacks, 0 MB globals, 8 P, 3 MB more`, ', 3 MB more', 'go1.18-go1.27'],
		['scan: total 12 objs, 3 more', ', 3 more', 'go1.25-go1.27'],
		['GC forced again', ' again', 'go1.4-go1.27'],
	];
	for (const [line, unknown, era] of cases) {
		test(line, () => {
			const parsed = parse(line);
			assert.equal(parsed.problem, null);
			assert.equal(formatEra(parsed.era ?? []), era);
			const last = parsed.tokens.at(-1);
			assert.deepEqual(last, {
				start: line.length - unknown.length,
				end: line.length,
				text: unknown,
				key: null,
			});
			assert.ok(parsed.tokens.slice(0, -1).every((t) => t.key !== null));
		});
	}
});

describeNeverThrows(parse, {
	seeds: [...rows.map((r) => r.line), ...eraSamples.map(([l]) => l)],
	alphabet: '0123456789 .+-/>@%:()BLMPgcsu\u2206\u0394\uffff\ud800é\t',
	odd: ['', 'gc', 'gc ', 'gc 1', 'gc1', 'scan: ', 'scan:', 'GC', '\u0000', 'gc 99999999999999999999999 @'],
	keys: catalogueKeys,
});

describe('a log read for its summary alone', () => {
	// Without an `onLine`, the usual Go 1.18+ cycle line is matched whole with one expression and
	// only the tokens the summary reads are stored: its summary must be the one read with an `onLine`.
	const dir = path.resolve(import.meta.dirname, '..', '..', '..', 'content', 'traces', 'gctrace');
	const captured = readdirSync(dir)
		.filter((f) => f.endsWith('.txt'))
		.flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'))
		.map((line) => line.replace(/\r$/, ''))
		.filter((line) => line.startsWith('gc '));

	test('every prefix and one-character edit of the captured cycle lines counts as read with its tokens', () => {
		const edits = ['', 'x', '-', '.', '.5', '+', '/', ' ', '0', '9', 'P', ' (forced)', '(', '\u00b5', '\t'];
		// One line per shape (digits aside), and a line of each with long numbers.
		const shapes = new Map(captured.map((line) => [line.replace(/\d+/g, '0'), line]));
		assert.ok(shapes.size >= 10, `${shapes.size} shapes`);
		const long = (line: string) =>
			line.replace(/\d+(?=%| P)/g, '12345678901234567890').replace(/@\d+\.\d+/, '@1.12345678901234567');
		const usual = assertSummaryAloneAgrees(
			[...shapes.values()].flatMap((line) => [line, long(line)]),
			edits,
			(summary) => summary.formCounts['gc-cycle'] === 1 && summary.problemCount === 0,
		);
		assert.ok(usual > 1000, `${usual} variants read as cycle lines without a problem`);
	});
});
