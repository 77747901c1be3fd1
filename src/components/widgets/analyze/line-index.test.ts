import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogParser } from '../../../trace/index.ts';
import { LineIndex, pageLines, splitLines } from './line-index.ts';

/** Indexes `text` as the worker does, fed in chunks of `chunk` bytes. */
function index(text: string, chunk: number): { lines: LineIndex; bytes: Uint8Array } {
	const bytes = new TextEncoder().encode(text);
	const lines = new LineIndex();
	const parser = createLogParser((l) => lines.setLine(l.lineNo, l.kind, l.problem !== null));
	const decoder = new TextDecoder();
	for (let at = 0; at < bytes.length; at += chunk) {
		const part = bytes.subarray(at, at + chunk);
		lines.scan(part, at);
		parser.push(decoder.decode(part, { stream: true }));
	}
	parser.push(decoder.decode());
	assert.equal(parser.end().lineCount, lines.lineCount);
	lines.end(bytes.length);
	return { lines, bytes };
}

const log = [
	'gc 1 @0.012s 2%: 0.010+1.2+0.003 ms clock, 0.020+0.5/1.0/0+0.006 ms cpu, 4->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P',
	'héllo wörld, program output ✓',
	'SCHED 1000ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=0 needspinning=0 idlethreads=1 runqueue=0 [0 0]',
	'SCHED 2000ms: gomaxprocs=2 idleprocs',
	'',
	'last line without newline\r',
].join('\r\n');

for (const chunk of [1, 3, 7, 1 << 16]) {
	test(`byte ranges give back every line as the parser read it (chunks of ${chunk} bytes)`, () => {
		const { lines, bytes } = index(log, chunk);
		const expected: string[] = [];
		createLogParser((l) => expected.push(l.text)).push(log);
		const decoder = new TextDecoder();
		assert.equal(lines.lineCount, 6);
		for (let n = 1; n <= lines.lineCount; n++) {
			const [from, to] = lines.byteRange(n);
			assert.deepEqual(splitLines(decoder.decode(bytes.subarray(from, to)), 1), [
				expected[n - 1] ?? 'last line without newline',
			]);
		}
		assert.equal(lines.kind(1), 'gctrace');
		assert.equal(lines.kind(2), 'other');
		assert.equal(lines.kind(3), 'schedtrace');
		assert.equal(lines.hasProblem(4), true);
		assert.equal(lines.hasProblem(3), false);
	});
}

test('a log ending with a newline has no empty last line', () => {
	const { lines } = index('a\nb\n', 2);
	assert.equal(lines.lineCount, 2);
	assert.deepEqual(lines.byteRange(2), [2, 4]);
});

test('filters by kind and problem; every line is null', () => {
	const { lines } = index(log, 5);
	assert.equal(
		lines.filter(
			['gctrace', 'schedtrace', 'scheddetail', 'gcpacertrace', 'scavtrace', 'inittrace', 'gc-forced', 'other'],
			false,
		),
		null,
	);
	assert.deepEqual([...lines.filter(['schedtrace'], false)!], [3, 4]);
	assert.deepEqual([...lines.filter(['schedtrace', 'other'], true)!], [4]);
	assert.deepEqual([...lines.filter(['other'], false)!], [2, 5, 6]);
	assert.deepEqual([...lines.filter([], false)!], []);
});

test('grows past its first allocation', () => {
	const text = 'x\n'.repeat(5000);
	const { lines } = index(text, 999);
	assert.equal(lines.lineCount, 5000);
	assert.deepEqual(lines.byteRange(5000), [9998, 10000]);
	assert.equal(lines.kind(4321), 'other');
});

test('crosses pages: lines on either side of a page boundary keep their ranges, kinds and problems', () => {
	const text = 'SCHED 1000ms: gomaxprocs=2 idleprocs\n'.repeat(pageLines + 3) + 'tail';
	const { lines, bytes } = index(text, 4096);
	const decoder = new TextDecoder();
	assert.equal(lines.lineCount, pageLines + 4);
	for (const n of [1, pageLines - 1, pageLines, pageLines + 1, pageLines + 2, pageLines + 4]) {
		const [from, to] = lines.byteRange(n);
		const want = n === pageLines + 4 ? 'tail' : 'SCHED 1000ms: gomaxprocs=2 idleprocs';
		assert.deepEqual(splitLines(decoder.decode(bytes.subarray(from, to)), 1), [want]);
	}
	assert.equal(lines.hasProblem(pageLines + 1), true);
	assert.equal(lines.kind(pageLines + 1), 'schedtrace');
	assert.equal(lines.kind(pageLines + 4), 'other');
	assert.deepEqual([...lines.filter(['other'], false)!], [pageLines + 4]);
	assert.equal(lines.filter(['schedtrace'], true)!.length, pageLines + 3);
	// Five bytes a line: a page of offsets and a page of kinds, for two pages.
	assert.equal(lines.bytes, 2 * pageLines * 5);
});
