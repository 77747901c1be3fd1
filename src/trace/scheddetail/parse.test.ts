// Table-driven tests for scheddetail P, M and G lines: exact spans for every era's shape, era
// detection from every clue, problems, and the status tables. Lines marked "synthetic" come from
// the reference's hand-built samples (../shared/reference/go-trace-synthetic-samples.txt).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatEra } from '../era.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineScanner, parseWith } from '../scanner.ts';
import { parseDetailLine, scanGLineByField, scanUsualGLine } from './parse.ts';
import { describeGStatus, describePStatus, gStatusNames, pStatusNames } from './status.ts';
import { assertSummaryAloneAgrees, describeSpanTable, type SpanRow, tok } from '../test-support.ts';

const spanCases: SpanRow[] = [
	// synthetic, Go 1.2: runqsize=len/capacity
	{
		line: '  P1: status=0 schedtick=4 syscalltick=0 m=-1 runqsize=0/128 gfreecnt=1',
		form: 'detail-p',
		era: 'go1.2',
		tokens: [
			tok(3, 4, '1', 'scheddetail/p-id', 1),
			tok(13, 14, '0', 'scheddetail/p-status', 0),
			tok(25, 26, '4', 'scheddetail/p-schedtick', 4),
			tok(39, 40, '0', 'scheddetail/p-syscalltick', 0),
			tok(43, 45, '-1', 'scheddetail/p-m', null),
			tok(55, 56, '0', 'scheddetail/p-runqsize', 0),
			tok(57, 60, '128', 'scheddetail/p-runq-capacity', 128),
			tok(70, 71, '1', 'scheddetail/p-gfreecnt', 1),
		],
	},
	// synthetic, Go 1.3–1.13: no capacity, no timerslen
	{
		line: '  P0: status=0 schedtick=25 syscalltick=4 m=-1 runqsize=0 gfreecnt=2',
		form: 'detail-p',
		era: 'go1.3-go1.13',
		tokens: [
			tok(3, 4, '0', 'scheddetail/p-id', 0),
			tok(13, 14, '0', 'scheddetail/p-status', 0),
			tok(25, 27, '25', 'scheddetail/p-schedtick', 25),
			tok(40, 41, '4', 'scheddetail/p-syscalltick', 4),
			tok(44, 46, '-1', 'scheddetail/p-m', null),
			tok(56, 57, '0', 'scheddetail/p-runqsize', 0),
			tok(67, 68, '2', 'scheddetail/p-gfreecnt', 2),
		],
	},
	// synthetic, Go 1.20+: timerslen, nil
	{
		line: '  P1: status=0 schedtick=17 syscalltick=0 m=nil runqsize=0 gfreecnt=0 timerslen=0',
		form: 'detail-p',
		era: 'go1.20-go1.27',
		tokens: [
			tok(3, 4, '1', 'scheddetail/p-id', 1),
			tok(13, 14, '0', 'scheddetail/p-status', 0),
			tok(25, 27, '17', 'scheddetail/p-schedtick', 17),
			tok(40, 41, '0', 'scheddetail/p-syscalltick', 0),
			tok(44, 47, 'nil', 'scheddetail/p-m', null),
			tok(57, 58, '0', 'scheddetail/p-runqsize', 0),
			tok(68, 69, '0', 'scheddetail/p-gfreecnt', 0),
			tok(80, 81, '0', 'scheddetail/p-timerslen', 0),
		],
	},
	// synthetic, Go 1.2: gcing= and helpgc=, no blocked=, flags 0/1
	{
		line: '  M0: p=0 curg=1 mallocing=0 throwing=0 gcing=0 locks=0 dying=0 helpgc=0 spinning=0 lockedg=-1',
		form: 'detail-m',
		era: 'go1.2',
		tokens: [
			tok(3, 4, '0', 'scheddetail/m-id', 0),
			tok(8, 9, '0', 'scheddetail/m-p', 0),
			tok(15, 16, '1', 'scheddetail/m-curg', 1),
			tok(27, 28, '0', 'scheddetail/m-mallocing', 0),
			tok(38, 39, '0', 'scheddetail/m-throwing', 0),
			tok(46, 47, '0', 'scheddetail/m-gcing', 0),
			tok(54, 55, '0', 'scheddetail/m-locks', 0),
			tok(62, 63, '0', 'scheddetail/m-dying', 0),
			tok(71, 72, '0', 'scheddetail/m-helpgc', 0),
			tok(82, 83, '0', 'scheddetail/m-spinning', false),
			tok(92, 94, '-1', 'scheddetail/m-lockedg', null),
		],
	},
	// synthetic, Go 1.3–1.4: blocked= added
	{
		line: '  M1: p=-1 curg=-1 mallocing=0 throwing=0 gcing=0 locks=1 dying=0 helpgc=0 spinning=0 blocked=0 lockedg=-1',
		form: 'detail-m',
		era: 'go1.3-go1.4',
		tokens: [
			tok(3, 4, '1', 'scheddetail/m-id', 1),
			tok(8, 10, '-1', 'scheddetail/m-p', null),
			tok(16, 18, '-1', 'scheddetail/m-curg', null),
			tok(29, 30, '0', 'scheddetail/m-mallocing', 0),
			tok(40, 41, '0', 'scheddetail/m-throwing', 0),
			tok(48, 49, '0', 'scheddetail/m-gcing', 0),
			tok(56, 57, '1', 'scheddetail/m-locks', 1),
			tok(64, 65, '0', 'scheddetail/m-dying', 0),
			tok(73, 74, '0', 'scheddetail/m-helpgc', 0),
			tok(84, 85, '0', 'scheddetail/m-spinning', false),
			tok(94, 95, '0', 'scheddetail/m-blocked', false),
			tok(104, 106, '-1', 'scheddetail/m-lockedg', null),
		],
	},
	// synthetic, Go 1.5–1.11: empty preemptoff=, helpgc=, flags true/false
	{
		line: '  M2: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 helpgc=0 spinning=false blocked=true lockedg=-1',
		form: 'detail-m',
		era: 'go1.5-go1.11',
		tokens: [
			tok(3, 4, '2', 'scheddetail/m-id', 2),
			tok(8, 10, '-1', 'scheddetail/m-p', null),
			tok(16, 18, '-1', 'scheddetail/m-curg', null),
			tok(29, 30, '0', 'scheddetail/m-mallocing', 0),
			tok(40, 41, '0', 'scheddetail/m-throwing', 0),
			tok(53, 53, '', 'scheddetail/m-preemptoff', ''),
			tok(60, 61, '0', 'scheddetail/m-locks', 0),
			tok(68, 69, '0', 'scheddetail/m-dying', 0),
			tok(77, 78, '0', 'scheddetail/m-helpgc', 0),
			tok(88, 93, 'false', 'scheddetail/m-spinning', false),
			tok(102, 106, 'true', 'scheddetail/m-blocked', true),
			tok(115, 117, '-1', 'scheddetail/m-lockedg', null),
		],
	},
	// synthetic, Go 1.12–1.19: helpgc= removed
	{
		line: '  M1: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=1 dying=0 spinning=false blocked=false lockedg=-1',
		form: 'detail-m',
		era: 'go1.12-go1.19',
		tokens: [
			tok(3, 4, '1', 'scheddetail/m-id', 1),
			tok(8, 10, '-1', 'scheddetail/m-p', null),
			tok(16, 18, '-1', 'scheddetail/m-curg', null),
			tok(29, 30, '0', 'scheddetail/m-mallocing', 0),
			tok(40, 41, '0', 'scheddetail/m-throwing', 0),
			tok(53, 53, '', 'scheddetail/m-preemptoff', ''),
			tok(60, 61, '1', 'scheddetail/m-locks', 1),
			tok(68, 69, '0', 'scheddetail/m-dying', 0),
			tok(79, 84, 'false', 'scheddetail/m-spinning', false),
			tok(93, 98, 'false', 'scheddetail/m-blocked', false),
			tok(107, 109, '-1', 'scheddetail/m-lockedg', null),
		],
	},
	// synthetic, Go 1.20+: nil ids
	{
		line: '  M3: p=0 curg=18 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=nil',
		form: 'detail-m',
		era: 'go1.20-go1.27',
		tokens: [
			tok(3, 4, '3', 'scheddetail/m-id', 3),
			tok(8, 9, '0', 'scheddetail/m-p', 0),
			tok(15, 17, '18', 'scheddetail/m-curg', 18),
			tok(28, 29, '0', 'scheddetail/m-mallocing', 0),
			tok(39, 40, '0', 'scheddetail/m-throwing', 0),
			tok(52, 52, '', 'scheddetail/m-preemptoff', ''),
			tok(59, 60, '0', 'scheddetail/m-locks', 0),
			tok(67, 68, '0', 'scheddetail/m-dying', 0),
			tok(78, 83, 'false', 'scheddetail/m-spinning', false),
			tok(92, 97, 'false', 'scheddetail/m-blocked', false),
			tok(106, 109, 'nil', 'scheddetail/m-lockedg', null),
		],
	},
	// a non-empty preemptoff reason (Go 1.20+ shape)
	{
		line: '  M3: p=0 curg=18 mallocing=1 throwing=0 preemptoff=gcing locks=2 dying=0 spinning=false blocked=false lockedg=nil',
		form: 'detail-m',
		era: 'go1.20-go1.27',
		tokens: [
			tok(3, 4, '3', 'scheddetail/m-id', 3),
			tok(8, 9, '0', 'scheddetail/m-p', 0),
			tok(15, 17, '18', 'scheddetail/m-curg', 18),
			tok(28, 29, '1', 'scheddetail/m-mallocing', 1),
			tok(39, 40, '0', 'scheddetail/m-throwing', 0),
			tok(52, 57, 'gcing', 'scheddetail/m-preemptoff', 'gcing'),
			tok(64, 65, '2', 'scheddetail/m-locks', 2),
			tok(72, 73, '0', 'scheddetail/m-dying', 0),
			tok(83, 88, 'false', 'scheddetail/m-spinning', false),
			tok(97, 102, 'false', 'scheddetail/m-blocked', false),
			tok(111, 114, 'nil', 'scheddetail/m-lockedg', null),
		],
	},
	// synthetic, Go 1.2: a nil C wait reason prints ()
	{
		line: '  G1: status=2() m=0 lockedm=-1',
		form: 'detail-g',
		era: 'go1.2-go1.19',
		tokens: [
			tok(3, 4, '1', 'scheddetail/g-id', 1),
			tok(13, 14, '2', 'scheddetail/g-status', 2),
			tok(15, 15, '', 'scheddetail/g-wait-reason', ''),
			tok(19, 20, '0', 'scheddetail/g-m', 0),
			tok(29, 31, '-1', 'scheddetail/g-lockedm', null),
		],
	},
	// synthetic, Go 1.2: a wait reason with parentheses, dropped in 1.20
	{
		line: '  G3: status=4(timer goroutine (idle)) m=-1 lockedm=-1',
		form: 'detail-g',
		era: 'go1.2-go1.19',
		tokens: [
			tok(3, 4, '3', 'scheddetail/g-id', 3),
			tok(13, 14, '4', 'scheddetail/g-status', 4),
			tok(15, 37, 'timer goroutine (idle)', 'scheddetail/g-wait-reason', 'timer goroutine (idle)'),
			tok(41, 43, '-1', 'scheddetail/g-m', null),
			tok(52, 54, '-1', 'scheddetail/g-lockedm', null),
		],
	},
	// synthetic, Go 1.5–1.11: force gc (idle)
	{
		line: '  G2: status=4(force gc (idle)) m=-1 lockedm=-1',
		form: 'detail-g',
		era: 'go1.2-go1.19',
		tokens: [
			tok(3, 4, '2', 'scheddetail/g-id', 2),
			tok(13, 14, '4', 'scheddetail/g-status', 4),
			tok(15, 30, 'force gc (idle)', 'scheddetail/g-wait-reason', 'force gc (idle)'),
			tok(34, 36, '-1', 'scheddetail/g-m', null),
			tok(45, 47, '-1', 'scheddetail/g-lockedm', null),
		],
	},
	// synthetic, Go 1.14–1.19: _Gpreempted
	{
		line: '  G7: status=9(preempted) m=-1 lockedm=-1',
		form: 'detail-g',
		era: 'go1.14-go1.19',
		tokens: [
			tok(3, 4, '7', 'scheddetail/g-id', 7),
			tok(13, 14, '9', 'scheddetail/g-status', 9),
			tok(15, 24, 'preempted', 'scheddetail/g-wait-reason', 'preempted'),
			tok(28, 30, '-1', 'scheddetail/g-m', null),
			tok(39, 41, '-1', 'scheddetail/g-lockedm', null),
		],
	},
	// synthetic, Go 1.20+
	{
		line: '  G18: status=2(chan receive) m=3 lockedm=nil',
		form: 'detail-g',
		era: 'go1.20-go1.27',
		tokens: [
			tok(3, 5, '18', 'scheddetail/g-id', 18),
			tok(14, 15, '2', 'scheddetail/g-status', 2),
			tok(16, 28, 'chan receive', 'scheddetail/g-wait-reason', 'chan receive'),
			tok(32, 33, '3', 'scheddetail/g-m', 3),
			tok(42, 45, 'nil', 'scheddetail/g-lockedm', null),
		],
	},
	// the _Gscan bit: 4100 is _Gscanwaiting (Go 1.4+)
	{
		line: '  G14: status=4100(select (no cases)) m=nil lockedm=nil',
		form: 'detail-g',
		era: 'go1.20-go1.27',
		tokens: [
			tok(3, 5, '14', 'scheddetail/g-id', 14),
			tok(14, 18, '4100', 'scheddetail/g-status', 4100),
			tok(19, 36, 'select (no cases)', 'scheddetail/g-wait-reason', 'select (no cases)'),
			tok(40, 43, 'nil', 'scheddetail/g-m', null),
			tok(52, 55, 'nil', 'scheddetail/g-lockedm', null),
		],
	},
];

describeSpanTable('parseDetailLine: exact spans, one line per shape', spanCases, {
	parse: parseDetailLine,
	kind: 'scheddetail',
});

describe('parseDetailLine: era clues', () => {
	const eras: [line: string, era: string][] = [
		// Real shapes with every id present: -1 or nil cannot narrow them.
		['  P0: status=1 schedtick=41 syscalltick=6 m=3 runqsize=0 gfreecnt=3 timerslen=1', 'go1.14-go1.27'],
		['  G1: status=8(chan receive) m=0 lockedm=0', 'go1.4-go1.27'],
		[
			'  M0: p=1 curg=1 mallocing=1 throwing=0 preemptoff= locks=1 dying=0 spinning=false blocked=false lockedg=1',
			'go1.12-go1.27',
		],
		// P status 2 (_Psyscall) is retired in Go 1.26.
		['  P0: status=2 schedtick=41 syscalltick=6 m=nil runqsize=0 gfreecnt=3 timerslen=1', 'go1.20-go1.25'],
		// G statuses: 9 from 1.14, 10 and 11 from 1.26, 4103 (Gscanenqueue) only 1.4–1.12.
		['  G7: status=9(preempted) m=1 lockedm=2', 'go1.14-go1.27'],
		['  G7: status=10(chan receive) m=nil lockedm=nil', 'go1.26-go1.27'],
		['  G7: status=11() m=nil lockedm=nil', 'go1.26-go1.27'],
		['  G7: status=4103(chan receive) m=-1 lockedm=-1', 'go1.4-go1.12'],
		['  G7: status=4100(select (no cases)) m=3 lockedm=0', 'go1.4-go1.27'],
		// An unknown status does not narrow the era (a newer release may print it).
		['  G7: status=12(chan receive) m=3 lockedm=0', 'go1.2-go1.27'],
		// "timer goroutine (idle)" was dropped in Go 1.20.
		['  G3: status=4(timer goroutine (idle)) m=0 lockedm=0', 'go1.2-go1.19'],
		// Clues that no release combines.
		['  P0: status=1 schedtick=41 syscalltick=6 m=-1 runqsize=0/128 gfreecnt=3 timerslen=1', 'none'],
		[
			'  M3: p=0 curg=18 mallocing=0 throwing=0 gcing=0 locks=0 dying=0 spinning=true blocked=false lockedg=nil',
			'none',
		],
		['  G7: status=9(preempted) m=nil lockedm=-1', 'none'],
		// A line cut inside an optional key says nothing about that key's releases.
		['  P0: status=1 schedtick=41 syscalltick=6 m=3 runqsize=0 gfreecnt=3 timers', 'go1.3-go1.27'],
	];
	for (const [line, era] of eras) {
		test(line, () => assert.equal(formatEra(parseDetailLine(line).era ?? []), era));
	}
});

describe('parseDetailLine: wait reasons', () => {
	const reasons: [line: string, reason: string | null][] = [
		['  G2: status=4(force gc (idle)) m=nil lockedm=nil', 'force gc (idle)'],
		['  G14: status=4(select (no cases)) m=nil lockedm=nil', 'select (no cases)'],
		['  G5: status=4(GOMAXPROCS updater (idle)) m=nil lockedm=nil', 'GOMAXPROCS updater (idle)'],
		['  G9: status=4(chan receive (nil chan)) m=-1 lockedm=-1', 'chan receive (nil chan)'],
		// Real, Go 1.26: a reason ending in a parenthesis, and a runnable G keeping its last reason.
		['  G1277: status=4(GC worker (idle)) m=nil lockedm=nil', 'GC worker (idle)'],
		['  G22: status=1(IO wait) m=nil lockedm=nil', 'IO wait'],
		// A reason holding ") m" but not ") m=" is still one reason (no release prints one).
		['  G8: status=4(a) m (b)) m=nil lockedm=nil', 'a) m (b)'],
		// An empty reason prints "()": a zero-width token right after the "(".
		['  G4: status=2() m=3 lockedm=nil', ''],
		['  G5982: status=6() m=nil lockedm=nil', ''],
	];
	for (const [line, reason] of reasons) {
		test(line, () => {
			const parsed = parseDetailLine(line);
			assert.equal(parsed.problem, null);
			const token = parsed.tokens.find((t) => t.key === 'scheddetail/g-wait-reason');
			assert.ok(token, 'the reason is a token');
			assert.equal(token.value, reason);
			assert.equal(token.text, reason);
			assert.equal(line.slice(token.start - 1, token.end + 4), `(${reason}) m=`);
			const m = parsed.tokens.find((t) => t.key === 'scheddetail/g-m');
			assert.ok(m && line.slice(m.start - 4, m.start) === ') m=');
		});
	}

	test('an empty preemptoff= is a zero-width token right after the "=", and the next field follows', () => {
		// Real, Go 1.26 (scheddetail/go1.26-p2-load.txt line 4).
		const line =
			'  M4: p=nil curg=nil mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=true lockedg=nil';
		const tokens = parseDetailLine(line).tokens;
		const at = line.indexOf('preemptoff=') + 'preemptoff='.length;
		assert.deepEqual(tokens[5], tok(at, at, '', 'scheddetail/m-preemptoff', ''));
		assert.deepEqual(
			tokens.slice(4, 8).map((t) => t.key),
			['scheddetail/m-throwing', 'scheddetail/m-preemptoff', 'scheddetail/m-locks', 'scheddetail/m-dying'],
		);
	});
});

describe('parseDetailLine: problems', () => {
	interface ProblemCase {
		line: string;
		column: number;
		message: string;
		rest?: string;
	}
	const cases: ProblemCase[] = [
		{
			line: '  P0: status=1 schedtick=41 syscalltick=6 m=3 runqsize=0 gfreecnt=3 timerslen=x',
			column: 79,
			message: 'expected the number of timers after "timerslen=" but found "x"',
			rest: 'x',
		},
		{
			line: '  P0: status=1 schedtick=41 syscalltick=6 m=',
			column: 45,
			message: 'expected the id of the M that owns the P after "m=" or nil but the line ends there',
		},
		{
			line: '  M3: p=0 curg=18 mallocing=0 throwing=0 preemptoff=',
			column: 53,
			message: 'expected the preemptoff reason followed by " locks="',
		},
		{
			line: '  M3: p=0 curg=18 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=yes blocked=false lockedg=nil',
			column: 79,
			message: 'expected whether the M is spinning after "spinning=" (true, false, 0 or 1) but found "yes blocked=…"',
			rest: 'yes blocked=false lockedg=nil',
		},
		{
			line: '  M3: p=0 curg=18 mallocing=0 throwing=0 locks=0 dying=0 spinning=false blocked=false lockedg=nil',
			column: 41,
			message: 'expected " preemptoff=" (or " gcing=" before Go 1.5) but found " locks=0 dyi…"',
			rest: ' locks=0 dying=0 spinning=false blocked=false lockedg=nil',
		},
		{
			line: '  G1: status=4(force gc (id',
			column: 16,
			message: 'expected the wait reason followed by ") m="',
			rest: 'force gc (id',
		},
		{
			line: '  G1: status=4(chan receive) m=nil lockedm=',
			column: 44,
			message: 'expected the id of the locked M after "lockedm=" or nil but the line ends there',
		},
		{
			line: '  G1: status=4 m=nil lockedm=nil',
			column: 15,
			message: 'expected "(" and the wait reason after the status but found " m=nil locke…"',
			rest: ' m=nil lockedm=nil',
		},
		{
			line: '  G-1: status=4() m=nil lockedm=nil',
			column: 4,
			message: 'expected the goroutine id after "G" but found "-1: status=4…"',
			rest: '-1: status=4() m=nil lockedm=nil',
		},
	];
	for (const c of cases) {
		test(c.line, () => {
			const parsed = parseDetailLine(c.line);
			assert.equal(parsed.kind, 'scheddetail');
			assert.deepEqual(parsed.problem, { column: c.column, message: c.message });
			const unknown = parsed.tokens.filter((t) => t.key === null).map((t) => t.text);
			assert.deepEqual(unknown, c.rest === undefined ? [] : [c.rest]);
		});
	}

	test('an unknown key=value after a complete line is an unknown token, not a problem', () => {
		const line = '  P0: status=1 schedtick=41 syscalltick=6 m=3 runqsize=0 gfreecnt=3 timerslen=1 extra=2';
		const parsed = parseDetailLine(line);
		assert.equal(parsed.problem, null);
		assert.deepEqual(parsed.tokens.at(-1), tok(79, 87, ' extra=2', null));
		assert.equal(formatEra(parsed.era ?? []), 'go1.14-go1.27');
	});
});

describe('status tables', () => {
	const gCases: [status: number, text: string][] = [
		[4, '_Gwaiting: waiting (blocked; the wait reason says on what)'],
		[4100, '_Gscanwaiting: waiting, and being scanned by the GC'],
		[4097, '_Gscanrunnable: runnable, and being scanned by the GC'],
		[9, '_Gpreempted: stopped by a preemption request (suspendG)'],
		[
			4102,
			'_Gscan + _Gdead: dead: exited, or unused on a free list, and being scanned by the GC (a combination no release prints)',
		],
		[99, 'unknown G status 99'],
	];
	for (const [status, text] of gCases) {
		test(`G status ${status}`, () => assert.equal(describeGStatus(status), text));
	}
	test('P status 2 is printed only through Go 1.25', () => {
		assert.equal(pStatusNames[2].until, 25);
		assert.equal(describePStatus(2), '_Psyscall: in a system call');
		assert.equal(describePStatus(7), 'unknown P status 7');
	});
	test('every G status with the scan bit is 4096 plus a known status', () => {
		for (const value of Object.keys(gStatusNames).map(Number)) {
			if (value >= 4096) assert.ok(gStatusNames[value - 4096], `${value}`);
		}
	});
});

/** Every line of the real scheddetail captures. */
function captureLines(): string[] {
	const dir = path.resolve(import.meta.dirname, '..', '..', '..', 'content', 'traces', 'scheddetail');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.txt'))
		.flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'));
}

describe('the usual G line read in one go', () => {
	// `scanUsualGLine` reads a plain G line without the field-by-field scanner, for speed; it must
	// store exactly what the field-by-field reading stores, or decline and leave the line to it.
	const byField = (line: string) => parseWith(scanGLineByField, line);
	const captured = [
		...new Set(
			captureLines()
				.filter((line) => line.startsWith('  G'))
				.map((line) => line.replace(/\r$/, '')),
		),
	];

	test('captures hold usual G lines of several releases, and the fast reading takes them', () => {
		assert.ok(captured.length > 100, `${captured.length} G lines`);
		for (const line of captured) {
			assert.deepEqual(parseDetailLine(line), byField(line), line);
			const s = new LineScanner();
			s.resetLine(line);
			assert.ok(scanUsualGLine(s), `read in one go: ${line}`);
		}
		const nilAndMinusOne =
			captured.filter((l) => l.includes('=nil')).length * captured.filter((l) => l.includes('=-1')).length;
		assert.ok(nilAndMinusOne > 0, 'both nil and -1 ids are covered');
	});

	test('every prefix and every one-character edit of them reads as field by field', () => {
		const edits = ['', 'x', '-', ' ', '9', ')', '(', '=', 'n', '\u00b5'];
		let declined = 0;
		// One line per shape (digits aside): every wait reason and id notation, and a quick test.
		const shapes = new Map(captured.map((line) => [line.replace(/\d+/g, '0'), line]));
		assert.ok(shapes.size >= 20, `${shapes.size} shapes`);
		for (const line of shapes.values()) {
			for (let i = 0; i <= line.length; i++) {
				const variants = [line.slice(0, i), ...edits.map((e) => line.slice(0, i) + e + line.slice(i + 1))];
				variants.push(line.slice(0, i) + '1234567890123456' + line.slice(i));
				// Only a line starting `  G` is a G line to parseDetailLine.
				for (const variant of variants.filter((v) => v.startsWith('  G'))) {
					const s = new LineScanner();
					s.resetLine(variant);
					if (!scanUsualGLine(s)) declined++;
					assert.deepEqual(parseDetailLine(variant), byField(variant), JSON.stringify(variant));
				}
			}
		}
		assert.ok(declined > 0, 'odd shapes are left to the field-by-field reading');
	});

	test('read for the summary alone, every prefix and edit of them counts as read with its tokens', () => {
		// A log read for its summary alone matches the simplest G lines whole with one expression
		// and reads their era from a few characters; its summary must be the one read with an `onLine`.
		const edits = ['', 'x', '-', '-1', '-01', '0', ' ', ')', ') m=', '(', '=', 'nil', 'l', '\u00b5', '\r', '\t'];
		const shapes = new Map(captured.map((line) => [line.replace(/\d+/g, '0'), line]));
		const simple = assertSummaryAloneAgrees(
			shapes.values(),
			edits,
			(summary) => summary.formCounts['detail-g'] === 1 && summary.problemCount === 0,
			(line, i) => [
				line.slice(0, i) + '1234567890123456' + line.slice(i),
				line.replace(/\(.*\)/, '(timer goroutine (idle))'),
			],
		);
		assert.ok(simple > 1000, `${simple} variants read as G lines without a problem`);
	});
});
