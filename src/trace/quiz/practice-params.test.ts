import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_COUNT, DEFAULT_SEED, focusFromMissed, parsePracticeParams, practiceQuery } from './practice-params.ts';

describe('parsePracticeParams', () => {
	const defaults = { seed: null, topics: ['scheduler', 'gc'], count: DEFAULT_COUNT, problems: [] };
	const cases: [
		search: string,
		expected: { seed: string | null; topics: string[]; count: number; problems: unknown[] },
	][] = [
		['', defaults],
		[
			'?seed=class-7b&topics=pacer,detail&count=5',
			{ seed: 'class-7b', topics: ['pacer', 'detail'], count: 5, problems: [] },
		],
		// A plain GET form with checkboxes repeats the name; order follows the topic list.
		['?topics=gc&topics=scheduler&count=12', { ...defaults, count: 12 }],
		['?topics=GC,%20Pacer', { ...defaults, topics: ['gc', 'pacer'] }],
		['?seed=', defaults],
		['?topics=foo', { ...defaults, problems: [{ param: 'topics', unknown: ['foo'], used: ['scheduler', 'gc'] }] }],
		[
			'?topics=foo,pacer,bar,foo',
			{ ...defaults, topics: ['pacer'], problems: [{ param: 'topics', unknown: ['foo', 'bar'], used: ['pacer'] }] },
		],
		[
			'?seed=hello%20world!',
			{
				...defaults,
				seed: 'helloworld',
				problems: [{ param: 'seed', given: 'hello world!', used: 'helloworld', reason: 'characters' }],
			},
		],
		[
			'?seed=%C3%A9%C3%A9',
			{
				...defaults,
				seed: DEFAULT_SEED,
				problems: [{ param: 'seed', given: 'éé', used: DEFAULT_SEED, reason: 'characters' }],
			},
		],
		// Escapes that are not UTF-8 are bytes the reader never typed: not letters of the seed.
		[
			'?seed=%00%ff%3Cscript%3E',
			{
				...defaults,
				seed: 'script',
				problems: [{ param: 'seed', given: '\u0000\uFFFD<script>', used: 'script', reason: 'characters' }],
			},
		],
		[
			'?seed=%E0%A4%A',
			{
				...defaults,
				seed: 'A',
				problems: [{ param: 'seed', given: '\uFFFD\uFFFD%A', used: 'A', reason: 'characters' }],
			},
		],
		[
			`?seed=${'a'.repeat(40)}`,
			{
				...defaults,
				seed: 'a'.repeat(32),
				problems: [{ param: 'seed', given: 'a'.repeat(40), used: 'a'.repeat(32), reason: 'length' }],
			},
		],
		['?count=0', { ...defaults, count: 1, problems: [{ param: 'count', given: '0', used: 1, reason: 'too-few' }] }],
		['?count=-5', { ...defaults, count: 1, problems: [{ param: 'count', given: '-5', used: 1, reason: 'too-few' }] }],
		[
			'?count=99999',
			{ ...defaults, count: 50, problems: [{ param: 'count', given: '99999', used: 50, reason: 'too-many' }] },
		],
		[
			'?count=ten',
			{ ...defaults, problems: [{ param: 'count', given: 'ten', used: DEFAULT_COUNT, reason: 'not-whole' }] },
		],
		[
			'?count=2.5',
			{ ...defaults, problems: [{ param: 'count', given: '2.5', used: DEFAULT_COUNT, reason: 'not-whole' }] },
		],
		[
			'?count=1e3',
			{ ...defaults, problems: [{ param: 'count', given: '1e3', used: DEFAULT_COUNT, reason: 'not-whole' }] },
		],
		[
			'?seed=ok&topics=x&count=99',
			{
				seed: 'ok',
				topics: ['scheduler', 'gc'],
				count: 50,
				problems: [
					{ param: 'topics', unknown: ['x'], used: ['scheduler', 'gc'] },
					{ param: 'count', given: '99', used: 50, reason: 'too-many' },
				],
			},
		],
	];
	for (const [search, expected] of cases) {
		test(search || '(no query)', () => {
			const p = parsePracticeParams(search);
			assert.deepEqual({ seed: p.seed, topics: p.topics, count: p.count, problems: p.problems }, expected);
		});
	}

	test('focus gives weights for known fields and names the rest, past the eighth too', () => {
		const p = parsePracticeParams('?focus=gctrace/heap-goal:3,schedtrace/runqueue,nope/x:2,gctrace/heap-live:zero');
		assert.deepEqual(p.weights, { 'gctrace/heap-goal': 3, 'schedtrace/runqueue': 1 });
		assert.deepEqual(p.problems, [{ param: 'focus', ignored: ['nope/x:2', 'gctrace/heap-live:zero'] }]);
		const many = ['cycle', 'procs', 'heap-goal', 'heap-live', 'heap-start', 'heap-end', 'stacks', 'globals', 'forced'];
		const nine = parsePracticeParams(`?focus=${many.map((k) => `gctrace/${k}`).join(',')}`);
		assert.equal(Object.keys(nine.weights).length, 8);
		assert.deepEqual(nine.problems, [{ param: 'focus', ignored: ['gctrace/forced'] }]);
	});

	test('a query written by practiceQuery reads back the same', () => {
		const set = { seed: 'a_b-9', topics: ['gc', 'detail'] as const, count: 7, weights: { 'gctrace/heap-goal': 2 } };
		const p = parsePracticeParams(practiceQuery({ ...set, topics: [...set.topics] }));
		assert.deepEqual(p, { seed: 'a_b-9', topics: ['gc', 'detail'], count: 7, weights: set.weights, problems: [] });
	});
});

describe('focusFromMissed', () => {
	test('the most-missed known fields, most first, at most eight', () => {
		const missed: Record<string, number> = {
			'gctrace/heap-goal': 1,
			'schedtrace/runqueue': 4,
			'bad/key': 9,
			'gctrace/heap-live': 0,
		};
		assert.deepEqual(Object.entries(focusFromMissed(missed)), [
			['schedtrace/runqueue', 4],
			['gctrace/heap-goal', 1],
		]);
		const many = Object.fromEntries(
			['cycle', 'procs', 'heap-goal', 'heap-live', 'heap-start', 'heap-end', 'stacks', 'globals', 'forced'].map(
				(k, i) => [`gctrace/${k}`, i + 1],
			),
		);
		assert.equal(Object.keys(focusFromMissed(many)).length, 8);
	});
});
