import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWatchedLog, resumeOffset, serverSentEvent } from './watch-log.ts';

test('lines of two streams stay whole however their chunks interleave', () => {
	const seen: string[] = [];
	const log = createWatchedLog((text) => seen.push(text));
	log.push('stdout', 'listening on :80');
	log.push('stderr', 'gc 1 @0.01s 0%: ');
	log.push('stdout', '80\nserved /\n');
	log.push('stderr', '0.1+0.2+0.01 ms clock\nSCHED 0ms: gomaxprocs=2');
	assert.equal(log.since(0), 'listening on :8080\nserved /\ngc 1 @0.01s 0%: 0.1+0.2+0.01 ms clock\n');
	log.end();
	assert.equal(log.since(0).split('\n').at(-2), 'SCHED 0ms: gomaxprocs=2');
	assert.deepEqual(seen, [
		'listening on :8080\nserved /\n',
		'gc 1 @0.01s 0%: 0.1+0.2+0.01 ms clock\n',
		'SCHED 0ms: gomaxprocs=2\n',
	]);
	assert.equal(log.length, log.since(0).length);
});

test('a reader resumes from any offset it was given', () => {
	const log = createWatchedLog(() => {});
	log.push('stderr', 'a\nb\n');
	const offset = log.length;
	log.push('stderr', 'c\n');
	assert.equal(log.since(offset), 'c\n');
	assert.equal(log.since(log.length), '');
});

test('past its limit the log keeps what it has and says it is full', () => {
	const log = createWatchedLog(() => {}, 10);
	log.push('stderr', '12345\n');
	log.push('stderr', '67890\n');
	log.push('stderr', '1\n');
	assert.equal(log.since(0), '12345\n');
	assert.equal(log.full, true);
});

test('events carry their data as one JSON line, newlines included', () => {
	assert.equal(serverSentEvent('lines', 'a\nb\n', 4), 'id: 4\nevent: lines\ndata: "a\\nb\\n"\n\n');
	assert.equal(serverSentEvent('state', { running: true }), 'event: state\ndata: {"running":true}\n\n');
});

test('a resume offset is used only when it is one the stream could have sent', () => {
	assert.equal(resumeOffset('12', 20), 12);
	assert.equal(resumeOffset(undefined, 20), 0);
	assert.equal(resumeOffset('30', 20), 0);
	assert.equal(resumeOffset('-1', 20), 0);
	assert.equal(resumeOffset('x', 20), 0);
});
