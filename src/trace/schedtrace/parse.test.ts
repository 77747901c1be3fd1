// Table-driven tests for the SCHED line: exact spans for one line of every era, era detection,
// problems for truncated and inconsistent lines, and tolerance of unknown additions.
// Lines marked "synthetic" come from the reference's hand-built samples
// (../shared/reference/go-trace-synthetic-samples.txt), not from a real runtime.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatEra } from '../era.ts';
import { parseSchedLine } from './parse.ts';
import { describeSpanTable, type SpanRow, tok } from '../test-support.ts';

const spanCases: SpanRow[] = [
	// synthetic, Go 1.2–1.3: no spinningthreads
	{
		line: 'SCHED 0ms: gomaxprocs=4 idleprocs=2 threads=5 idlethreads=0 runqueue=0 [1 0 0 0]',
		form: 'sched',
		era: 'go1.2-go1.3',
		tokens: [
			tok(6, 7, '0', 'schedtrace/elapsed', 0),
			tok(22, 23, '4', 'schedtrace/gomaxprocs', 4),
			tok(34, 35, '2', 'schedtrace/idleprocs', 2),
			tok(44, 45, '5', 'schedtrace/threads', 5),
			tok(58, 59, '0', 'schedtrace/idlethreads', 0),
			tok(69, 70, '0', 'schedtrace/runqueue', 0),
			tok(71, 80, '[1 0 0 0]', 'schedtrace/local-runqueues', [1, 0, 0, 0]),
		],
	},
	// synthetic, Go 1.4–1.19: spinningthreads; one P prints a one-entry bracket
	{
		line: 'SCHED 1009ms: gomaxprocs=1 idleprocs=0 threads=4 spinningthreads=0 idlethreads=1 runqueue=32 [62]',
		form: 'sched',
		era: 'go1.4-go1.19',
		tokens: [
			tok(6, 10, '1009', 'schedtrace/elapsed', 1009),
			tok(25, 26, '1', 'schedtrace/gomaxprocs', 1),
			tok(37, 38, '0', 'schedtrace/idleprocs', 0),
			tok(47, 48, '4', 'schedtrace/threads', 4),
			tok(65, 66, '0', 'schedtrace/spinningthreads', 0),
			tok(79, 80, '1', 'schedtrace/idlethreads', 1),
			tok(90, 92, '32', 'schedtrace/runqueue', 32),
			tok(93, 97, '[62]', 'schedtrace/local-runqueues', [62]),
		],
	},
	{
		line: 'SCHED 2018ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=1 idlethreads=2 runqueue=0 [0 3]',
		form: 'sched',
		era: 'go1.4-go1.19',
		tokens: [
			tok(6, 10, '2018', 'schedtrace/elapsed', 2018),
			tok(25, 26, '2', 'schedtrace/gomaxprocs', 2),
			tok(37, 38, '1', 'schedtrace/idleprocs', 1),
			tok(47, 48, '5', 'schedtrace/threads', 5),
			tok(65, 66, '1', 'schedtrace/spinningthreads', 1),
			tok(79, 80, '2', 'schedtrace/idlethreads', 2),
			tok(90, 91, '0', 'schedtrace/runqueue', 0),
			tok(92, 97, '[0 3]', 'schedtrace/local-runqueues', [0, 3]),
		],
	},
	// synthetic, Go 1.20–1.24: needspinning
	{
		line: 'SCHED 3027ms: gomaxprocs=4 idleprocs=3 threads=7 spinningthreads=0 needspinning=0 idlethreads=3 runqueue=0 [0 0 1 0]',
		form: 'sched',
		era: 'go1.20-go1.24',
		tokens: [
			tok(6, 10, '3027', 'schedtrace/elapsed', 3027),
			tok(25, 26, '4', 'schedtrace/gomaxprocs', 4),
			tok(37, 38, '3', 'schedtrace/idleprocs', 3),
			tok(47, 48, '7', 'schedtrace/threads', 7),
			tok(65, 66, '0', 'schedtrace/spinningthreads', 0),
			tok(80, 81, '0', 'schedtrace/needspinning', false),
			tok(94, 95, '3', 'schedtrace/idlethreads', 3),
			tok(105, 106, '0', 'schedtrace/runqueue', 0),
			tok(107, 116, '[0 0 1 0]', 'schedtrace/local-runqueues', [0, 0, 1, 0]),
		],
	},
	// synthetic, Go 1.25+: spaced bracket and schedticks
	{
		line: 'SCHED 1005ms: gomaxprocs=4 idleprocs=4 threads=8 spinningthreads=0 needspinning=0 idlethreads=5 runqueue=0 [ 0 0 0 0 ] schedticks=[ 2316 1187 940 702 ]',
		form: 'sched',
		era: 'go1.25-go1.27',
		tokens: [
			tok(6, 10, '1005', 'schedtrace/elapsed', 1005),
			tok(25, 26, '4', 'schedtrace/gomaxprocs', 4),
			tok(37, 38, '4', 'schedtrace/idleprocs', 4),
			tok(47, 48, '8', 'schedtrace/threads', 8),
			tok(65, 66, '0', 'schedtrace/spinningthreads', 0),
			tok(80, 81, '0', 'schedtrace/needspinning', false),
			tok(94, 95, '5', 'schedtrace/idlethreads', 5),
			tok(105, 106, '0', 'schedtrace/runqueue', 0),
			tok(107, 118, '[ 0 0 0 0 ]', 'schedtrace/local-runqueues', [0, 0, 0, 0]),
			tok(130, 151, '[ 2316 1187 940 702 ]', 'schedtrace/schedticks', [2316, 1187, 940, 702]),
		],
	},
	{
		line: 'SCHED 1003ms: gomaxprocs=1 idleprocs=0 threads=4 spinningthreads=0 needspinning=0 idlethreads=1 runqueue=7 [ 12 ] schedticks=[ 48210 ]',
		form: 'sched',
		era: 'go1.25-go1.27',
		tokens: [
			tok(6, 10, '1003', 'schedtrace/elapsed', 1003),
			tok(25, 26, '1', 'schedtrace/gomaxprocs', 1),
			tok(37, 38, '0', 'schedtrace/idleprocs', 0),
			tok(47, 48, '4', 'schedtrace/threads', 4),
			tok(65, 66, '0', 'schedtrace/spinningthreads', 0),
			tok(80, 81, '0', 'schedtrace/needspinning', false),
			tok(94, 95, '1', 'schedtrace/idlethreads', 1),
			tok(105, 106, '7', 'schedtrace/runqueue', 7),
			tok(107, 113, '[ 12 ]', 'schedtrace/local-runqueues', [12]),
			tok(125, 134, '[ 48210 ]', 'schedtrace/schedticks', [48210]),
		],
	},
	// synthetic, scheddetail header, Go 1.2–1.3: nmspinning in the header, flags 0/1
	{
		line: 'SCHED 1004ms: gomaxprocs=2 idleprocs=1 threads=4 idlethreads=1 runqueue=0 gcwaiting=0 nmidlelocked=0 nmspinning=0 stopwait=0 sysmonwait=0',
		form: 'sched-detail-header',
		era: 'go1.2-go1.3',
		tokens: [
			tok(6, 10, '1004', 'schedtrace/elapsed', 1004),
			tok(25, 26, '2', 'schedtrace/gomaxprocs', 2),
			tok(37, 38, '1', 'schedtrace/idleprocs', 1),
			tok(47, 48, '4', 'schedtrace/threads', 4),
			tok(61, 62, '1', 'schedtrace/idlethreads', 1),
			tok(72, 73, '0', 'schedtrace/runqueue', 0),
			tok(84, 85, '0', 'scheddetail/gcwaiting', false),
			tok(99, 100, '0', 'scheddetail/nmidlelocked', 0),
			tok(112, 113, '0', 'scheddetail/nmspinning', 0),
			tok(123, 124, '0', 'scheddetail/stopwait', 0),
			tok(136, 137, '0', 'scheddetail/sysmonwait', false),
		],
	},
	// synthetic, scheddetail header, Go 1.4–1.19: flags 0/1
	{
		line: 'SCHED 2010ms: gomaxprocs=2 idleprocs=2 threads=5 spinningthreads=0 idlethreads=2 runqueue=0 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0',
		form: 'sched-detail-header',
		era: 'go1.4-go1.19',
		tokens: [
			tok(6, 10, '2010', 'schedtrace/elapsed', 2010),
			tok(25, 26, '2', 'schedtrace/gomaxprocs', 2),
			tok(37, 38, '2', 'schedtrace/idleprocs', 2),
			tok(47, 48, '5', 'schedtrace/threads', 5),
			tok(65, 66, '0', 'schedtrace/spinningthreads', 0),
			tok(79, 80, '2', 'schedtrace/idlethreads', 2),
			tok(90, 91, '0', 'schedtrace/runqueue', 0),
			tok(102, 103, '0', 'scheddetail/gcwaiting', false),
			tok(117, 118, '0', 'scheddetail/nmidlelocked', 0),
			tok(128, 129, '0', 'scheddetail/stopwait', 0),
			tok(141, 142, '0', 'scheddetail/sysmonwait', false),
		],
	},
	// synthetic, scheddetail header, Go 1.20+: flags true/false
	{
		line: 'SCHED 2010ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 needspinning=0 idlethreads=2 runqueue=0 gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false',
		form: 'sched-detail-header',
		era: 'go1.20-go1.27',
		tokens: [
			tok(6, 10, '2010', 'schedtrace/elapsed', 2010),
			tok(25, 26, '2', 'schedtrace/gomaxprocs', 2),
			tok(37, 38, '1', 'schedtrace/idleprocs', 1),
			tok(47, 48, '5', 'schedtrace/threads', 5),
			tok(65, 66, '0', 'schedtrace/spinningthreads', 0),
			tok(80, 81, '0', 'schedtrace/needspinning', false),
			tok(94, 95, '2', 'schedtrace/idlethreads', 2),
			tok(105, 106, '0', 'schedtrace/runqueue', 0),
			tok(117, 122, 'false', 'scheddetail/gcwaiting', false),
			tok(136, 137, '0', 'scheddetail/nmidlelocked', 0),
			tok(147, 148, '0', 'scheddetail/stopwait', 0),
			tok(160, 165, 'false', 'scheddetail/sysmonwait', false),
		],
	},
];

describeSpanTable('parseSchedLine: exact spans, one line per era', spanCases, {
	parse: parseSchedLine,
	kind: 'schedtrace',
});

describe('parseSchedLine: era of every synthetic sample', () => {
	// Each line's era is what its shape allows, which can be wider than its sample block.
	const eras: [line: string, era: string][] = [
		['SCHED 1004ms: gomaxprocs=4 idleprocs=4 threads=6 idlethreads=3 runqueue=0 [0 0 0 0]', 'go1.2-go1.3'],
		['SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]', 'go1.4-go1.19'],
		[
			'SCHED 0ms: gomaxprocs=4 idleprocs=3 threads=5 spinningthreads=1 needspinning=0 idlethreads=1 runqueue=0 [ 0 0 0 0 ] schedticks=[ 3 0 0 0 ]',
			'go1.25-go1.27',
		],
		// The 1.5–1.11 block's header: nothing in it tells 1.4 from 1.19.
		[
			'SCHED 2010ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 idlethreads=2 runqueue=0 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0',
			'go1.4-go1.19',
		],
		// needspinning with 0/1 flags in the header: no release prints both.
		[
			'SCHED 9ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 needspinning=0 idlethreads=2 runqueue=0 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0',
			'none',
		],
		// nmspinning in the header belongs to 1.2–1.3, spinningthreads to 1.4+.
		[
			'SCHED 9ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 idlethreads=2 runqueue=0 gcwaiting=0 nmidlelocked=0 nmspinning=0 stopwait=0 sysmonwait=0',
			'none',
		],
		// A spaced bracket without needspinning, and needspinning printed as a word.
		[
			'SCHED 5ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 idlethreads=2 runqueue=0 [ 0 0 ] schedticks=[ 1 2 ]',
			'none',
		],
		[
			'SCHED 5ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 needspinning=true idlethreads=2 runqueue=0 [0 0]',
			'none',
		],
	];
	for (const [line, era] of eras) {
		test(line, () => {
			const parsed = parseSchedLine(line);
			assert.equal(parsed.problem, null);
			assert.equal(formatEra(parsed.era ?? []), era);
		});
	}
});

describe('parseSchedLine: problems', () => {
	interface ProblemCase {
		line: string;
		column: number;
		message: string;
		/** The unrecognised rest, when there is one. */
		rest?: string;
	}
	const cases: ProblemCase[] = [
		{
			// The tutorial's line: one P cannot have two run queues.
			line: 'SCHED 1009ms: gomaxprocs=1 idleprocs=0 threads=3 spinningthreads=0 idlethreads=1 runqueue=0 [4 4]',
			column: 93,
			message: 'expected 1 run-queue length (one per P, gomaxprocs=1) but found 2',
		},
		{
			line: 'SCHED 0ms: gomaxprocs=4 idleprocs=3 threads=5 spinningthreads=1 needspinning=0 idlethreads=1 runqueue=0 [ 0 0 0 0 ] schedticks=[ 3 0 0 ]',
			column: 128,
			message: 'expected 4 schedtick counts (one per P, gomaxprocs=4) but found 3',
		},
		{
			line: 'SCHED 0ms: gomaxprocs=4 idleprocs=x threads=5 spinningthreads=1 idlethreads=1 runqueue=0 [0 0 0 0]',
			column: 35,
			message: 'expected the number of idle Ps after "idleprocs=" but found "x threads=5 …"',
			rest: 'x threads=5 spinningthreads=1 idlethreads=1 runqueue=0 [0 0 0 0]',
		},
		{
			line: 'SCHED 0ms: gomaxprocs=4 idleprocs=3 threads=5 spinningthr',
			column: 46,
			message: 'expected " idlethreads=" but found " spinningthr"',
			rest: ' spinningthr',
		},
		{
			line: 'SCHED 0ms: gomaxprocs=4 idleprocs=3 threads=5 spinningthreads=1 idlethreads=1 runqueue=0',
			column: 89,
			message:
				'expected the per-P run-queue lengths " [" or the scheddetail header " gcwaiting=" but the line ends there',
		},
		{
			line: 'SCHED 0ms: gomaxprocs=4 idleprocs=3 threads=5 spinningthreads=1 idlethreads=1 runqueue=0 [0 0',
			column: 94,
			message: 'expected a space or "]" in the per-P run-queue lengths but the line ends there',
			rest: '[0 0',
		},
		{
			line: 'SCHED 0ms: gomaxprocs=4 idleprocs=3 threads=5 spinningthreads=1 needspinning=0 idlethreads=1 runqueue=0 [ 0 0 0 0 ]',
			column: 116,
			message: 'expected " schedticks=" after the run-queue lengths but the line ends there',
		},
		{
			line: 'SCHED 0ms: gomaxprocs=4 idleprocs=3 threads=5 spinningthreads=1 needspinning=0 idlethreads=1 runqueue=0 [ 0 0 0 0 ] schedticks=[ 3 0',
			column: 133,
			message: 'expected a space after the number in the per-P schedticks but the line ends there',
			rest: '[ 3 0',
		},
		{
			line: 'SCHED 2010ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 needspinning=0 idlethreads=2 runqueue=0 gcwaiting=false nmidlelocked=0 stop',
			column: 138,
			message: 'expected " stopwait=" but found " stop"',
			rest: ' stop',
		},
		{
			line: 'SCHED 2010ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 needspinning=0 idlethreads=2 runqueue=0 gcwaiting=maybe nmidlelocked=0 stopwait=0 sysmonwait=false',
			column: 118,
			message:
				'expected whether a stop-the-world is waiting after "gcwaiting=" (true, false, 0 or 1) but found "maybe nmidle…"',
			rest: 'maybe nmidlelocked=0 stopwait=0 sysmonwait=false',
		},
		{
			line: 'SCHED 12ms gomaxprocs=2',
			column: 9,
			message: 'expected "ms: gomaxprocs=" after the elapsed milliseconds but found "ms gomaxproc…"',
			rest: 'ms gomaxprocs=2',
		},
	];
	for (const c of cases) {
		test(c.line, () => {
			const parsed = parseSchedLine(c.line);
			assert.equal(parsed.kind, 'schedtrace');
			assert.deepEqual(parsed.problem, { column: c.column, message: c.message });
			const unknown = parsed.tokens.filter((t) => t.key === null).map((t) => t.text);
			assert.deepEqual(unknown, c.rest === undefined ? [] : [c.rest]);
			// Whatever was not read is the one unknown token, at the end.
			if (c.rest !== undefined) assert.ok(c.line.endsWith(c.rest));
		});
	}

	test('the [4 4] problem points at the bracket and keeps every field', () => {
		const line = 'SCHED 1009ms: gomaxprocs=1 idleprocs=0 threads=3 spinningthreads=0 idlethreads=1 runqueue=0 [4 4]';
		const parsed = parseSchedLine(line);
		assert.equal(line[(parsed.problem?.column ?? 0) - 1], '[');
		assert.deepEqual(parsed.tokens.at(-1), tok(92, 97, '[4 4]', 'schedtrace/local-runqueues', [4, 4]));
	});
});

describe('parseSchedLine: real lines', () => {
	// Real, captured with Go 1.19.8: content/traces/scheddetail/go1.19-p2-load.txt, line 1.
	// The runtime's signed counters can briefly read -1; the value is kept as printed.
	test('SCHED 0ms: … nmidlelocked=-1 …', () => {
		const line =
			'SCHED 0ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 idlethreads=2 runqueue=0 gcwaiting=0 nmidlelocked=-1 stopwait=0 sysmonwait=0';
		const parsed = parseSchedLine(line);
		assert.equal(parsed.problem, null);
		assert.equal(formatEra(parsed.era ?? []), 'go1.4-go1.19');
		const token = parsed.tokens.find((t) => t.key === 'scheddetail/nmidlelocked');
		assert.deepEqual(token, tok(114, 116, '-1', 'scheddetail/nmidlelocked', -1));
	});
});

describe('parseSchedLine: tolerance', () => {
	test('an unknown key=value after a complete line is one unknown token, not a problem', () => {
		const line =
			'SCHED 5ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 idlethreads=2 runqueue=0 [0 0] newfield=7';
		const parsed = parseSchedLine(line);
		assert.equal(parsed.problem, null);
		assert.deepEqual(parsed.tokens.at(-1), tok(94, 105, ' newfield=7', null));
		assert.equal(formatEra(parsed.era ?? []), 'go1.4-go1.19');
	});

	for (const line of ['SCHED job started', 'SCHED ', 'SCHEDULER 5ms']) {
		test(`${JSON.stringify(line)} is a program's own line`, () => {
			const parsed = parseSchedLine(line);
			assert.equal(parsed.kind, 'other');
			assert.equal(parsed.era, null);
			assert.deepEqual(parsed.tokens, []);
		});
	}
});
