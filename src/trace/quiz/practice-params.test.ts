import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_COUNT, DEFAULT_SEED, focusFromMissed, parsePracticeParams, practiceQuery } from './practice-params.ts';

describe('parsePracticeParams', () => {
	const cases: [search: string, expected: { seed: string | null; topics: string[]; count: number; notes: RegExp[] }][] =
		[
			['', { seed: null, topics: ['scheduler', 'gc'], count: DEFAULT_COUNT, notes: [] }],
			[
				'?seed=class-7b&topics=pacer,detail&count=5',
				{ seed: 'class-7b', topics: ['pacer', 'detail'], count: 5, notes: [] },
			],
			// A plain GET form with checkboxes repeats the name; order follows the topic list.
			['?topics=gc&topics=scheduler&count=12', { seed: null, topics: ['scheduler', 'gc'], count: 12, notes: [] }],
			['?topics=GC,%20Pacer', { seed: null, topics: ['gc', 'pacer'], count: DEFAULT_COUNT, notes: [] }],
			['?seed=', { seed: null, topics: ['scheduler', 'gc'], count: DEFAULT_COUNT, notes: [] }],
			[
				'?topics=foo',
				{
					seed: null,
					topics: ['scheduler', 'gc'],
					count: DEFAULT_COUNT,
					notes: [/The topic “foo” does not exist .*showing scheduler and gc\./],
				},
			],
			[
				'?topics=foo,pacer,bar',
				{
					seed: null,
					topics: ['pacer'],
					count: DEFAULT_COUNT,
					notes: [/The topics “foo”, “bar” do not exist .*showing pacer\./],
				},
			],
			[
				'?seed=hello%20world!',
				{
					seed: 'helloworld',
					topics: ['scheduler', 'gc'],
					count: DEFAULT_COUNT,
					notes: [/seed “hello world!” can only have .*seed “helloworld”/],
				},
			],
			[
				'?seed=%C3%A9%C3%A9',
				{ seed: DEFAULT_SEED, topics: ['scheduler', 'gc'], count: DEFAULT_COUNT, notes: [/seed “éé”.*“first-set”/] },
			],
			[
				'?seed=%E0%A4%A',
				{ seed: 'E0A4A', topics: ['scheduler', 'gc'], count: DEFAULT_COUNT, notes: [/seed “%E0%A4%A”/] },
			],
			[
				`?seed=${'a'.repeat(40)}`,
				{ seed: 'a'.repeat(32), topics: ['scheduler', 'gc'], count: DEFAULT_COUNT, notes: [/up to 32/] },
			],
			['?count=0', { seed: null, topics: ['scheduler', 'gc'], count: 1, notes: [/1 to 50 questions; showing 1\./] }],
			[
				'?count=500',
				{ seed: null, topics: ['scheduler', 'gc'], count: 50, notes: [/1 to 50 questions; showing 50\./] },
			],
			['?count=-3', { seed: null, topics: ['scheduler', 'gc'], count: 1, notes: [/showing 1\./] }],
			[
				'?count=ten',
				{
					seed: null,
					topics: ['scheduler', 'gc'],
					count: DEFAULT_COUNT,
					notes: [/“ten” is not a whole number; showing 10\./],
				},
			],
			['?count=2.5', { seed: null, topics: ['scheduler', 'gc'], count: DEFAULT_COUNT, notes: [/not a whole number/] }],
			[
				'?seed=ok&topics=x&count=99',
				{ seed: 'ok', topics: ['scheduler', 'gc'], count: 50, notes: [/topic “x”/, /showing 50/] },
			],
		];
	for (const [search, expected] of cases) {
		test(search || '(no query)', () => {
			const p = parsePracticeParams(search);
			assert.equal(p.seed, expected.seed);
			assert.deepEqual(p.topics, expected.topics);
			assert.equal(p.count, expected.count);
			assert.equal(p.notes.length, expected.notes.length, p.notes.join(' | '));
			expected.notes.forEach((re, i) => assert.match(p.notes[i], re));
		});
	}

	test('focus gives weights for known fields and notes the rest', () => {
		const p = parsePracticeParams('?focus=gctrace/heap-goal:3,schedtrace/runqueue,nope/x:2,gctrace/heap-live:zero');
		assert.deepEqual(p.weights, { 'gctrace/heap-goal': 3, 'schedtrace/runqueue': 1 });
		assert.equal(p.notes.length, 1);
		assert.match(p.notes[0], /Ignored focus “nope\/x:2”, “gctrace\/heap-live:zero”/);
	});

	test('a query written by practiceQuery reads back the same', () => {
		const set = { seed: 'a_b-9', topics: ['gc', 'detail'] as const, count: 7, weights: { 'gctrace/heap-goal': 2 } };
		const p = parsePracticeParams(practiceQuery({ ...set, topics: [...set.topics] }));
		assert.deepEqual(p, { seed: 'a_b-9', topics: ['gc', 'detail'], count: 7, weights: set.weights, notes: [] });
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
