import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildChoice, buildNumeric, buildSpot, questionCarrier, questionsIn } from './authoring.ts';

const sched =
	'SCHED 2013ms: gomaxprocs=1 idleprocs=0 threads=6 spinningthreads=0 needspinning=1 idlethreads=2 runqueue=1 [ 2 ] schedticks=[ 37480 ]';
const gc =
	'gc 3 @0.041s 2%: 0.022+1.2+0.27 ms clock, 0.13+0.35/1.1/0.38+2.1 ms cpu, 7->7->4 MB, 8 MB goal, 0 MB stacks, 0 MB globals, 8 P';
const common = { prompt: 'p', explanation: 'Because.' };

describe('quiz authoring', () => {
	test('a spot answer must be printed by the line', () => {
		const q = buildSpot({ ...common, id: 'q', answer: 'schedtrace/runqueue' }, sched, { file: 'f.txt', lineNo: 4 });
		assert.equal(q.answer, 'schedtrace/runqueue');
		assert.equal(q.topic, 'scheduler');
		assert.deepEqual(q.source, { file: 'f.txt', lineNo: 4 });
		assert.throws(
			() => buildSpot({ ...common, id: 'q', answer: 'gctrace/heap-goal' }, sched),
			/the line has no "gctrace\/heap-goal"; its fields are schedtrace\/elapsed/,
		);
		assert.throws(
			() => buildSpot({ ...common, id: 'q', answer: 'schedtrace/nope' }, sched),
			/not a field key in the catalogue/,
		);
	});

	test('a spot answer cannot be a field the line prints empty: there is nothing to choose', () => {
		// Real, Go 1.26 (scheddetail/go1.26-p2-load.txt line 4).
		const m =
			'  M4: p=nil curg=nil mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=true lockedg=nil';
		assert.equal(buildSpot({ ...common, id: 'q', answer: 'scheddetail/m-locks' }, m).answer, 'scheddetail/m-locks');
		assert.throws(
			() => buildSpot({ ...common, id: 'q', answer: 'scheddetail/m-preemptoff' }, m),
			/prints "scheddetail\/m-preemptoff" empty/,
		);
	});

	test('a numeric answer, tolerance and unit come from the measure, and the working is shown', () => {
		const q = buildNumeric({ ...common, id: 'stw', measure: 'stw-wall-ms' }, gc);
		assert.equal(q.answer, 0.292);
		assert.equal(q.tolerance, 0.005);
		assert.equal(q.unit, 'ms');
		assert.equal(q.topic, 'gc');
		assert.deepEqual(q.fields, ['gctrace/wall-sweep-termination', 'gctrace/wall-mark-termination']);
		assert.equal(q.explanation, 'Because. From this line: 0.022 + 0.27 = 0.292 ms.');
		assert.throws(
			() => buildNumeric({ ...common, id: 'x', measure: 'runnable-goroutines' }, gc),
			/<Numeric id="x">: runnable-goroutines needs a schedtrace line/,
		);
	});

	test('choice questions are checked', () => {
		const options = [
			{ id: 'a', text: 'A' },
			{ id: 'b', text: 'B' },
		];
		assert.equal(buildChoice({ ...common, id: 'c', options, answer: 'b', fields: ['gctrace/heap-goal'] }).topic, 'gc');
		assert.throws(
			() => buildChoice({ ...common, id: 'c', options, answer: 'z' }),
			/answer "z" is not one of the option ids a, b/,
		);
		assert.throws(
			() => buildChoice({ ...common, id: 'c', options: [options[0]], answer: 'a' }),
			/at least two options/,
		);
		assert.throws(
			() => buildChoice({ ...common, id: 'c', options, answer: 'a', fields: ['gc/heap'] }),
			/"gc\/heap" is not a field key/,
		);
		assert.throws(() => buildChoice({ ...common, id: 'Bad Id', options, answer: 'a' }), /lower-case letters/);
		assert.throws(
			() => buildChoice({ id: 'c', prompt: 'p', explanation: '', options, answer: 'a' }),
			/explanation prop is missing/,
		);
		assert.throws(
			() => buildChoice({ ...common, id: 'c', options, answer: 'a' }, 'gc 3 @0.041s 2%: 0.022+'),
			/does not parse/,
		);
	});

	test('a quiz collects its questions in order and rejects repeated ids', () => {
		const a = buildSpot({ ...common, id: 'a', answer: 'schedtrace/runqueue' }, sched);
		const b = buildNumeric({ ...common, id: 'b', measure: 'heap-freed-mb' }, gc);
		const slot = `<p>${questionCarrier(a)}</p>\n${questionCarrier(b)}`;
		assert.deepEqual(
			questionsIn(slot, 'quiz').map((q) => q.id),
			['a', 'b'],
		);
		assert.deepEqual(questionsIn(slot, 'quiz')[1], b);
		assert.throws(() => questionsIn(slot + questionCarrier(a), 'quiz'), /two questions have the id "a"/);
		assert.throws(() => questionsIn(slot, 'quiz', 'memory'), /expected one of scheduler, gc, pacer, detail/);
	});
});
