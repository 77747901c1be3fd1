import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	dueDate,
	dueFields,
	INTERVAL_DAYS,
	isFieldRecord,
	mergeRecords,
	nextDue,
	reviewField,
	standingOf,
	TOP_BOX,
	type FieldRecord,
} from './mastery.ts';

const day = (n: number) => new Date(Date.UTC(2026, 11, 1 + n, 9));

describe('Leitner review of a field', () => {
	test('right answers climb one box at a time to the top, a wrong one goes back to the first', () => {
		let r = reviewField(undefined, true, day(0));
		assert.equal(r.box, 2);
		for (let i = 1; i <= 10; i++) r = reviewField(r, true, day(i));
		assert.equal(r.box, TOP_BOX);
		assert.equal(r.right, 11);
		r = reviewField(r, false, day(20));
		assert.deepEqual(r, {
			box: 1,
			right: 11,
			wrong: 1,
			lastAt: day(20).toISOString(),
			lastWrongAt: day(20).toISOString(),
		});
	});

	test('a field is due its box’s interval after its last review', () => {
		for (let box = 1; box <= TOP_BOX; box++) {
			const r: FieldRecord = { box, right: 1, wrong: 0, lastAt: day(0).toISOString() };
			assert.equal(dueDate(r).getTime() - day(0).getTime(), INTERVAL_DAYS[box - 1] * 86_400_000);
		}
	});

	test('due fields: only those whose date has come, the longest overdue first', () => {
		const records: Record<string, FieldRecord> = {
			'gctrace/heap-goal': { box: 1, right: 0, wrong: 1, lastAt: day(0).toISOString() }, // due day 1
			'schedtrace/runqueue': { box: 3, right: 2, wrong: 0, lastAt: day(0).toISOString() }, // due day 4
			'gctrace/cycle': { box: 2, right: 1, wrong: 0, lastAt: day(-5).toISOString() }, // due day -3
		};
		assert.deepEqual(dueFields(records, day(2)), ['gctrace/cycle', 'gctrace/heap-goal']);
		assert.deepEqual(dueFields(records, day(0)), ['gctrace/cycle']);
		assert.deepEqual(nextDue(records), day(-3));
		assert.equal(nextDue({}), null);
	});

	test('standing: not met, missed recently, learning, reliable', () => {
		assert.equal(standingOf(undefined, day(0)), 'unseen');
		const wrong = reviewField(undefined, false, day(0));
		assert.equal(standingOf(wrong, day(1)), 'missed');
		assert.equal(standingOf(wrong, day(30)), 'learning', 'an old mistake is no longer recent');
		const once = reviewField(wrong, true, day(1));
		assert.equal(standingOf(once, day(2)), 'missed', 'one right answer does not undo a recent mistake');
		const twice = reviewField(once, true, day(3));
		assert.equal(standingOf(twice, day(4)), 'reliable');
	});

	test('merging two devices’ records keeps the later review and is idempotent', () => {
		const a: FieldRecord = {
			box: 4,
			right: 5,
			wrong: 1,
			lastAt: day(3).toISOString(),
			lastWrongAt: day(0).toISOString(),
		};
		const b: FieldRecord = {
			box: 1,
			right: 2,
			wrong: 3,
			lastAt: day(5).toISOString(),
			lastWrongAt: day(5).toISOString(),
		};
		const m = mergeRecords(a, b);
		assert.deepEqual(m, {
			box: 1,
			right: 5,
			wrong: 3,
			lastAt: day(5).toISOString(),
			lastWrongAt: day(5).toISOString(),
		});
		assert.deepEqual(mergeRecords(m, b), m);
		assert.deepEqual(mergeRecords(a, a), a);
	});

	test('records from storage or a file are checked', () => {
		assert.ok(isFieldRecord({ box: 3, right: 1, wrong: 0, lastAt: day(0).toISOString() }));
		for (const bad of [
			null,
			{ box: 0, right: 1, wrong: 0, lastAt: day(0).toISOString() },
			{ box: 6, right: 1, wrong: 0, lastAt: day(0).toISOString() },
			{ box: 2, right: -1, wrong: 0, lastAt: day(0).toISOString() },
			{ box: 2, right: 1, wrong: 0, lastAt: 'yesterday' },
			{ box: 2, right: 1, wrong: 0, lastAt: day(0).toISOString(), lastWrongAt: 5 },
		])
			assert.equal(isFieldRecord(bad), false, JSON.stringify(bad));
	});
});
