// Tests for the streaming log parser: chunk boundaries anywhere, CRLF, dump grouping and the
// summary. The trace lines are synthetic (built from the reference's samples), mixed with a
// program's own output as it appears interleaved on stderr.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatEra } from './era.ts';
import { createLogParser, maxStoredProblems, parseLog } from './log.ts';
import { parseLine } from './parse.ts';
import type { LogLine, LogSummary } from './log.ts';

const GO119_DUMP = [
	'SCHED 0ms: gomaxprocs=2 idleprocs=1 threads=4 spinningthreads=0 idlethreads=2 runqueue=0 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0',
	'  P0: status=0 schedtick=0 syscalltick=0 m=-1 runqsize=0 gfreecnt=0 timerslen=0',
	'  P1: status=1 schedtick=3 syscalltick=0 m=0 runqsize=0 gfreecnt=0 timerslen=0',
	'  M1: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=2 dying=0 spinning=false blocked=false lockedg=-1',
	'  M0: p=1 curg=1 mallocing=1 throwing=0 preemptoff= locks=1 dying=0 spinning=false blocked=false lockedg=1',
	'2026/11/26 10:35:45 listener : Started : Listening on: http://127.0.0.1:35725',
	'  G1: status=8(chan receive) m=0 lockedm=0',
	'  G2: status=4(force gc (idle)) m=-1 lockedm=-1',
];

const MIXED_LOG = [
	'starting …',
	'SCHED 0ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 idlethreads=2 runqueue=0 [0 0]',
	'gc 1 @0.015s 1%: 0.020+0.85+0.012 ms clock, 0.16+0.10/0.62/0.21+0.096 ms cpu, 4->4->0 MB, 5 MB goal, 2 P',
	...GO119_DUMP,
	'SCHED 1001ms: gomaxprocs=2 idleprocs=2 threads=5 spinningthreads=0 idlethreads=3 runqueue=0 [0 0]',
	'  G9: status=4(sleep) m=-1 lockedm=-1',
	'héllo 🙂 from the program',
	'gc 2 @1.204s 0%: 0.011+0.52+0.009 ms clock, 0.088+0/0.41/0.18+0.072 ms cpu, 4->4->1 MB, 5 MB goal, 2 P',
	'SCHED 2003ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 idlethreads=1 runqueue=0 [4 4 4]',
].join('\n');

function collect(text: string): { lines: LogLine[]; summary: LogSummary } {
	const lines: LogLine[] = [];
	const summary = parseLog(text, (line) => lines.push(line));
	return { lines, summary };
}

function collectChunks(chunks: string[]): { lines: LogLine[]; summary: LogSummary } {
	const lines: LogLine[] = [];
	const parser = createLogParser((line) => lines.push(line));
	for (const chunk of chunks) parser.push(chunk);
	return { lines, summary: parser.end() };
}

describe('line splitting', () => {
	const cases: [text: string, lines: string[]][] = [
		['', []],
		['one', ['one']],
		['one\n', ['one']],
		['one\ntwo', ['one', 'two']],
		['\n\n', ['', '']],
		['a\r\nb\r\n', ['a', 'b']],
		['a\r\nb', ['a', 'b']],
		// A lone CR inside a line is kept; only the one before the newline goes.
		['a\rb\n', ['a\rb']],
	];
	for (const [text, expected] of cases) {
		test(JSON.stringify(text), () => {
			const { lines, summary } = collect(text);
			assert.deepEqual(
				lines.map((l) => l.text),
				expected,
			);
			assert.deepEqual(
				lines.map((l) => l.lineNo),
				expected.map((_, i) => i + 1),
			);
			assert.equal(summary.lineCount, expected.length);
		});
	}

	test('CRLF gives the same lines as LF, and counts its bytes', () => {
		const lf = collect(MIXED_LOG);
		const crlf = collect(MIXED_LOG.replaceAll('\n', '\r\n'));
		assert.deepEqual(crlf.lines, lf.lines);
		const newlines = MIXED_LOG.split('\n').length - 1;
		assert.deepEqual({ ...crlf.summary, bytes: 0 }, { ...lf.summary, bytes: 0 });
		assert.equal(crlf.summary.bytes, lf.summary.bytes + newlines);
	});

	test('bytes are UTF-8 bytes', () => {
		assert.equal(parseLog('é\n🙂').bytes, 2 + 1 + 4);
		// A lone surrogate is counted as U+FFFD, 3 bytes.
		assert.equal(parseLog('\ud83d').bytes, 3);
	});
});

describe('chunk boundaries', () => {
	const whole = collect(MIXED_LOG);

	test('split into two chunks at every offset', () => {
		for (let i = 0; i <= MIXED_LOG.length; i++) {
			const split = collectChunks([MIXED_LOG.slice(0, i), MIXED_LOG.slice(i)]);
			assert.deepEqual(split.lines, whole.lines, `split at ${i}`);
			assert.deepEqual(split.summary, whole.summary, `split at ${i}`);
		}
	});

	test('split into three chunks at many pairs of offsets, with CRLF', () => {
		const text = MIXED_LOG.replaceAll('\n', '\r\n');
		const reference = collect(text);
		for (let i = 0; i <= text.length; i += 17) {
			for (let j = i; j <= text.length; j += 23) {
				const split = collectChunks([text.slice(0, i), text.slice(i, j), text.slice(j)]);
				assert.deepEqual(split.lines, reference.lines, `split at ${i} and ${j}`);
				assert.deepEqual(split.summary, reference.summary, `split at ${i} and ${j}`);
			}
		}
	});

	test('one UTF-16 unit per chunk, including inside a surrogate pair', () => {
		const split = collectChunks([...MIXED_LOG.split('')]);
		assert.deepEqual(split.lines, whole.lines);
		assert.deepEqual(split.summary, whole.summary);
	});

	test('a line is handed over as soon as its newline arrives', () => {
		const seen: number[] = [];
		const parser = createLogParser((line) => seen.push(line.lineNo));
		parser.push('SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 ');
		assert.deepEqual(seen, []);
		parser.push('runqueue=0 [1]\nnext');
		assert.deepEqual(seen, [1]);
		parser.end();
		assert.deepEqual(seen, [1, 2]);
	});
});

describe('dump grouping', () => {
	const { lines, summary } = collect(MIXED_LOG);
	const byText = (prefix: string): LogLine => {
		const line = lines.find((l) => l.text.startsWith(prefix));
		assert.ok(line, prefix);
		return line;
	};

	test('the header and its P, M and G lines carry the header line number', () => {
		const header = byText('SCHED 0ms: gomaxprocs=2 idleprocs=1 threads=4');
		assert.equal(header.form, 'sched-detail-header');
		assert.equal(header.dump, header.lineNo);
		for (const prefix of ['  P0:', '  P1:', '  M1:', '  M0:', '  G1:', '  G2:']) {
			assert.equal(byText(prefix).dump, header.lineNo, prefix);
		}
	});

	test('program output inside a dump is not part of it, and does not end it', () => {
		assert.equal(byText('2026/11/26').dump, null);
		assert.equal(byText('  G2:').dump, byText('  G1:').dump);
	});

	test('a plain SCHED line ends the dump; P/M/G lines with no header have none', () => {
		assert.equal(byText('SCHED 1001ms').dump, null);
		assert.equal(byText('  G9:').dump, null);
		assert.equal(byText('SCHED 0ms: gomaxprocs=2 idleprocs=1 threads=5').dump, null);
		assert.equal(byText('gc 1 ').dump, null);
		assert.equal(summary.dumps, 1);
	});

	test('consecutive dumps', () => {
		const twice = collect([...GO119_DUMP, ...GO119_DUMP].join('\n'));
		assert.equal(twice.summary.dumps, 2);
		assert.deepEqual(
			twice.lines.map((l) => l.dump),
			[...GO119_DUMP.map((_, i) => (i === 5 ? null : 1)), ...GO119_DUMP.map((_, i) => (i === 5 ? null : 9))],
		);
	});
});

describe('summary', () => {
	const { summary } = collect(MIXED_LOG);

	test('counts', () => {
		assert.equal(summary.lineCount, 16);
		assert.equal(summary.kindCounts.schedtrace, 4);
		assert.equal(summary.kindCounts.scheddetail, 7);
		assert.equal(summary.kindCounts.gctrace, 2);
		assert.equal(summary.kindCounts.other, 3);
		assert.equal(summary.kindCounts.scavtrace, 0);
		assert.equal(summary.formCounts.sched, 3);
		assert.equal(summary.formCounts['sched-detail-header'], 1);
		assert.equal(summary.formCounts['detail-p'], 2);
		assert.equal(summary.formCounts['detail-m'], 2);
		assert.equal(summary.formCounts['detail-g'], 3);
		assert.equal(summary.formCounts['gc-cycle'], 2);
		assert.equal(summary.dumps, 1);
		assert.equal(summary.unknownTokenCount, 0);
	});

	test('problems carry their line; the [4 4 4] bracket disagrees with gomaxprocs=2', () => {
		assert.deepEqual(summary.problems, [
			{
				line: 16,
				column: 93,
				message: 'expected 2 run-queue lengths (one per P, gomaxprocs=2) but found 3',
			},
		]);
		assert.equal(summary.problemCount, 1);
	});

	test('the era is the releases every trace line allows', () => {
		// SCHED lines say 1.4–1.19, P0's timerslen= and m=-1 say 1.14–1.19, the gc lines 1.6–1.17.
		assert.equal(formatEra(summary.era ?? []), 'go1.14-go1.17');
	});

	test('time covered and GOMAXPROCS', () => {
		assert.deepEqual(summary.schedtraceElapsed, { first: 0, last: 2003 });
		assert.deepEqual(summary.gctraceSinceStart, { first: 0.015, last: 1.204 });
		assert.deepEqual(summary.gomaxprocs, [2]);
		assert.equal(summary.bytes, new TextEncoder().encode(MIXED_LOG).length);
	});

	test('eras that disagree give an empty era', () => {
		const mixed = parseLog(
			[
				'SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]',
				'SCHED 0ms: gomaxprocs=4 idleprocs=3 threads=5 spinningthreads=1 needspinning=0 idlethreads=1 runqueue=0 [ 0 0 0 0 ] schedticks=[ 3 0 0 0 ]',
			].join('\n'),
		);
		assert.deepEqual(mixed.era, []);
		assert.deepEqual(mixed.gomaxprocs, [1, 4]);
	});

	test('a log without trace lines has no era and no times', () => {
		const plain = parseLog('hello\nworld\n');
		assert.equal(plain.era, null);
		assert.equal(plain.schedtraceElapsed, null);
		assert.equal(plain.gctraceSinceStart, null);
		assert.deepEqual(plain.gomaxprocs, []);
		assert.equal(plain.kindCounts.other, 2);
	});

	test(`only the first ${maxStoredProblems} problems are kept, all are counted`, () => {
		const bad = 'SCHED 1ms: gomaxprocs=x\n'.repeat(maxStoredProblems + 500);
		const result = parseLog(bad);
		assert.equal(result.problems.length, maxStoredProblems);
		assert.equal(result.problemCount, maxStoredProblems + 500);
		assert.deepEqual(result.problems[0], {
			line: 1,
			column: 23,
			message: 'expected the number of Ps after "gomaxprocs=" but found "x"',
		});
		assert.equal(result.problems.at(-1)?.line, maxStoredProblems);
		assert.equal(result.unknownTokenCount, maxStoredProblems + 500);
	});

	test('end() returns a summary the parser no longer changes', () => {
		const parser = createLogParser();
		parser.push('SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]\n');
		const first = parser.end();
		const copy = structuredClone(first);
		parser.push('SCHED 9ms: gomaxprocs=3 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]\n');
		parser.end();
		assert.deepEqual(first, copy);
	});
});

describe('summary without onLine', () => {
	// Without onLine the parser builds no Token objects; the summary must not change.
	test('equals the summary with onLine, for any chunking', () => {
		const texts = [MIXED_LOG, MIXED_LOG.replaceAll('\n', '\r\n'), `${MIXED_LOG}\n`, '\n\nGC forced'];
		for (const text of texts) {
			const { summary } = collect(text);
			assert.deepEqual(parseLog(text), summary);
			for (let i = 0; i <= text.length; i += 7) {
				const parser = createLogParser();
				parser.push(text.slice(0, i));
				parser.push(text.slice(i));
				assert.deepEqual(parser.end(), summary, `split at ${i}`);
			}
		}
	});

	test('each line handed to onLine is what parseLine returns for it', () => {
		const { lines } = collect(MIXED_LOG.replaceAll('\n', '\r\n'));
		for (const { lineNo, dump, ...line } of lines) {
			assert.deepEqual(line, parseLine(line.text), `line ${lineNo}`);
		}
	});
});
