import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChoiceQuestion, NumericQuestion, SpotQuestion } from '../../../trace/index.ts';
import { feedbackFor, scoreText } from './feedback.ts';

const line =
	'SCHED 2013ms: gomaxprocs=1 idleprocs=0 threads=6 spinningthreads=0 needspinning=1 idlethreads=2 runqueue=1 [ 2 ] schedticks=[ 37480 ]';
const labels = {
	'schedtrace/runqueue': 'Global run queue',
	'schedtrace/threads': 'Threads',
	'schedtrace/idleprocs': 'Idle Ps',
};
const spot: SpotQuestion = {
	type: 'spot',
	id: 's',
	topic: 'scheduler',
	prompt: 'p',
	explanation: 'runqueue= is the global queue.',
	fields: ['schedtrace/runqueue'],
	line,
	answer: 'schedtrace/runqueue',
};
const choice: ChoiceQuestion = {
	type: 'choice',
	id: 'c',
	topic: 'scheduler',
	prompt: 'p',
	explanation: 'Idle means on the idle list.',
	fields: ['schedtrace/idleprocs'],
	options: [
		{ id: 'a', text: 'Every OS thread is busy.' },
		{ id: 'b', text: 'No P is idle' },
	],
	answer: 'b',
};
const numeric: NumericQuestion = {
	...spot,
	type: 'numeric',
	id: 'n',
	answer: 3,
	unit: 'goroutines',
	tolerance: 0,
	fields: ['schedtrace/runqueue', 'schedtrace/local-runqueues'],
};

describe('feedback', () => {
	test('right: a mark and words, the explanation and the field pages', () => {
		const f = feedbackFor({ question: spot, labels, answer: '“1”' }, 'schedtrace/runqueue');
		assert.equal(f.verdict, 'right');
		assert.equal(f.headline, '✓ Right.');
		assert.equal(f.detail, spot.explanation);
		assert.deepEqual(f.links, [{ href: '/reference/schedtrace/runqueue/', label: 'Global run queue' }]);
	});

	test('a wrong part of the line says what was chosen and links it, without naming the answer', () => {
		const f = feedbackFor({ question: spot, labels, answer: '“1”' }, 'schedtrace/threads');
		assert.equal(f.verdict, 'wrong');
		assert.equal(f.headline, '✗ Not right.');
		assert.match(f.detail, /^You chose “Threads”\. Try again, or show the answer\.$/);
		assert.deepEqual(f.links, [{ href: '/reference/schedtrace/threads/', label: 'Threads' }]);
		assert.doesNotMatch(JSON.stringify(f), /Global run queue/);
	});

	test('a part of the line is named by its catalogue label', () => {
		const detail = {
			...spot,
			line: '  P0: status=1 schedtick=17574 syscalltick=51245 m=6 runqsize=2 gfreecnt=23 timerslen=0',
			answer: 'scheddetail/p-m' as const,
			fields: ['scheddetail/p-m' as const],
		};
		const f = feedbackFor(
			{ question: detail, labels: { 'scheddetail/p-id': 'P', 'scheddetail/p-m': 'P’s M' }, answer: '' },
			'scheddetail/p-id',
		);
		assert.match(f.detail, /^You chose “P”\. /);
	});

	test('a wrong option is quoted once, and the question’s fields are linked', () => {
		const f = feedbackFor({ question: choice, labels, answer: 'No P is idle' }, 'a');
		assert.match(f.detail, /^You chose “Every OS thread is busy”\. /);
		assert.deepEqual(f.links, [{ href: '/reference/schedtrace/idleprocs/', label: 'Idle Ps' }]);
	});

	test('a wrong option that knows why it is wrong says so after quoting it', () => {
		const withWhy: ChoiceQuestion = {
			...choice,
			options: [
				{ id: 'a', text: 'Go 1.26 or later', why: 'Not before Go 1.18: it prints scannable stacks.' },
				choice.options[1],
			],
		};
		const f = feedbackFor({ question: withWhy, labels, answer: 'No P is idle' }, 'a');
		assert.equal(f.verdict, 'wrong');
		assert.equal(
			f.detail,
			'You chose “Go 1.26 or later”. Not before Go 1.18: it prints scannable stacks. Try again, or show the answer.',
		);
	});

	test('a wrong number says what was answered and in what unit the answer is', () => {
		const f = feedbackFor({ question: numeric, labels, answer: '3 goroutines' }, ' 4 ');
		assert.equal(f.verdict, 'wrong');
		assert.match(
			f.detail,
			/^You answered 4\. The answer is worked out from the numbers the line prints, in goroutines\./,
		);
	});

	test('a wrong number read off the line says so, with its unit in words', () => {
		const read: NumericQuestion = {
			...numeric,
			answer: 0.181,
			unit: 's',
			tolerance: 0.0005,
			fields: ['gctrace/since-start'],
		};
		const f = feedbackFor({ question: read, labels, answer: '0.181 s' }, '100');
		assert.match(f.detail, /^You answered 100\. The answer is a number the line prints, in seconds\./);
	});

	test('an unreadable answer is a problem, not a verdict', () => {
		const f = feedbackFor({ question: numeric, labels, answer: '3' }, '1,024');
		assert.equal(f.verdict, 'problem');
		assert.match(f.headline, /Not checked/);
		assert.match(f.detail, /could mean 1024 or 1\.024/);
		assert.equal(feedbackFor({ question: choice, labels, answer: '' }, null).verdict, 'problem');
	});

	test('score line', () => {
		assert.equal(scoreText(0, 0, 3), '3 questions, none answered yet.');
		assert.equal(scoreText(1, 2, 3), '1 of 3 right (2 answered).');
		assert.equal(scoreText(3, 3, 3), '3 of 3 right.');
	});
});
