import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createLogAnalysis } from '../../../trace/index.ts';
import { createAnalyzeSession, pieceBytes, readPieces, sliceBytes } from './analyze-session.ts';
import type { FromWorker } from './protocol.ts';

const log =
	'SCHED 0ms: gomaxprocs=2 idleprocs=2 threads=4 spinningthreads=0 needspinning=0 idlethreads=1 runqueue=0 [0 0] schedticks=[0 0]\n' +
	'program output\n';

/** A file that can be read until `broken` is set, as a file deleted or changed on disk. */
class FlakyBlob extends Blob {
	broken = false;
	override slice(...args: Parameters<Blob['slice']>): Blob {
		if (this.broken) throw new Error('the file could not be read');
		return super.slice(...args);
	}
}

function analyzeLog(text: string) {
	const analysis = createLogAnalysis();
	analysis.push(text);
	return analysis.end();
}

function session() {
	const sent: FromWorker[] = [];
	return { sent, s: createAnalyzeSession((message) => sent.push(message)) };
}

test('a log is analysed and the result posted, then rows are answered', async () => {
	const { sent, s } = session();
	await s.handle({ type: 'analyze', blob: new Blob([log]) });
	const done = sent.find((m) => m.type === 'done');
	assert.ok(done && done.type === 'done');
	assert.equal(done.result.summary.lineCount, 2);
	assert.equal(done.result.series.sched.length, 1);
	await s.handle({ type: 'rows', id: 7, start: 0, count: 5 });
	const reply = sent.at(-1)!;
	assert.equal(reply.type, 'reply');
	assert.deepEqual(
		reply.type === 'reply' && (reply.value as { lineNo: number; kind: string }[]).map((r) => [r.lineNo, r.kind]),
		[
			[1, 'schedtrace'],
			[2, 'other'],
		],
	);
});

test('an analysis that throws posts a failed message saying why, so the page stops waiting', async () => {
	const { sent, s } = session();
	const blob = new FlakyBlob([log]);
	blob.broken = true;
	await s.handle({ type: 'analyze', blob });
	assert.deepEqual(sent, [{ type: 'failed', message: 'the file could not be read' }]);
});

test('a request that throws posts a failed message with the request’s id', async () => {
	const { sent, s } = session();
	const blob = new FlakyBlob([log]);
	await s.handle({ type: 'analyze', blob });
	blob.broken = true;
	await s.handle({ type: 'line', id: 3, lineNo: 1 });
	assert.deepEqual(sent.at(-1), { type: 'failed', message: 'the file could not be read', id: 3 });
});

test('the summary and findings are the core’s one analysis, and the series the core’s while small', async () => {
	const dir = path.resolve(import.meta.dirname, '../../../../content/traces');
	const text = ['schedtrace/go1.26-p1-leak.txt', 'combined/go1.26-gcdemo-gc-pacer-scav.txt']
		.map((f) => readFileSync(path.join(dir, f), 'utf8'))
		.join('');
	const { sent, s } = session();
	await s.handle({ type: 'analyze', blob: new Blob([text]) });
	const done = sent.find((m) => m.type === 'done');
	assert.ok(done && done.type === 'done');
	const core = analyzeLog(text);
	assert.deepEqual(done.result.summary, core.summary);
	assert.deepEqual(done.result.findings, core.findings);
	assert.ok(core.findings.length > 0);
	const { read, ...series } = done.result.series;
	assert.deepEqual(series, core.series);
	assert.equal(read.gc, core.series.gc.length);
});

test('a big file is read in pieces of at most pieceBytes, at most two slices ahead, every byte in order', async () => {
	const bytes = new Uint8Array(3 * sliceBytes + 123).map((_, i) => i % 251);
	/** The end of the furthest slice asked for. */
	let askedTo = 0;
	class CountingBlob extends Blob {
		override slice(start = 0, end = this.size): Blob {
			assert.ok(end - start <= sliceBytes, `a slice of ${end - start} bytes`);
			askedTo = Math.max(askedTo, end);
			return super.slice(start, end);
		}
	}
	const seen: number[] = [];
	for await (const piece of readPieces(new CountingBlob([bytes]))) {
		assert.ok(piece.length > 0 && piece.length <= pieceBytes, `${piece.length} bytes`);
		seen.push(...piece);
		assert.ok(askedTo <= seen.length + 2 * sliceBytes, `${askedTo} bytes asked for, ${seen.length} read`);
	}
	assert.deepEqual(new Uint8Array(seen), bytes);
});

test('lines and characters cut by the pieces’ edges are read whole, at their right place', async () => {
	// Lines of varied length with a two-byte character in each, so edges fall inside lines and
	// inside characters.
	const lines = Array.from({ length: 6000 }, (_, i) => `program output é ${'x'.repeat(i % 97)} ${i}`);
	const text = `${log}${lines.join('\n')}\n`;
	assert.ok(Buffer.byteLength(text) > 4 * pieceBytes);
	const { sent, s } = session();
	await s.handle({ type: 'analyze', blob: new Blob([text]) });
	const done = sent.find((m) => m.type === 'done');
	assert.ok(done && done.type === 'done');
	assert.equal(done.result.summary.lineCount, 2 + lines.length);
	await s.handle({ type: 'rows', id: 1, start: 0, count: 3 + lines.length });
	const reply = sent.at(-1)!;
	assert.ok(reply.type === 'reply');
	const rows = reply.value as { lineNo: number; text: string }[];
	assert.deepEqual(
		rows.map((r) => r.text),
		text.split('\n').slice(0, -1),
	);
});
