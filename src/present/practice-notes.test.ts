import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePracticeParams } from '../trace/index.ts';
import { practiceNotes } from './practice-notes.ts';

const notesFor = (search: string, addressCorrected = false) =>
	practiceNotes(parsePracticeParams(search).problems, addressCorrected);

test('every bad parameter says what was asked for, what is shown instead, and why', () => {
	const cases: [search: string, note: string][] = [
		[
			'?seed=%00%ff%3Cscript%3E',
			'A seed has up to 32 letters, digits, - and _; the seed “␀\uFFFD<script>” has other characters, so this is the set for seed “script”.',
		],
		[
			'?seed=%C3%A9%C3%A9',
			'A seed has up to 32 letters, digits, - and _; the seed “éé” has other characters, so this is the set for seed “first-set”.',
		],
		[
			`?seed=${'a'.repeat(45)}`,
			`A seed has up to 32 letters, digits, - and _; the seed “${'a'.repeat(40)}…” is longer, so this is the set for seed “${'a'.repeat(32)}”.`,
		],
		['?count=-5', 'The number of questions “-5” is less than 1: a set has 1 to 50 questions; showing 1.'],
		['?count=0', 'The number of questions “0” is less than 1: a set has 1 to 50 questions; showing 1.'],
		['?count=99999', 'The number of questions “99999” is more than 50: a set has 1 to 50 questions; showing 50.'],
		['?count=ten', 'The number of questions “ten” is not a whole number; showing 10.'],
		[
			'?topics=foo',
			'The topic “foo” does not exist (choose from scheduler, gc, pacer and detail); showing scheduler and gc.',
		],
		[
			'?topics=foo,pacer,bar',
			'The topics “foo”, “bar” do not exist (choose from scheduler, gc, pacer and detail); showing pacer.',
		],
		[
			'?focus=nope/x:2,gctrace/heap-live:zero',
			'Ignored focus “nope/x:2”, “gctrace/heap-live:zero”: expected up to 8 field keys such as gctrace/heap-goal:2.',
		],
	];
	for (const [search, note] of cases) assert.deepEqual(notesFor(search), [note], search);
});

test('several problems give one sentence each, in address order, and the corrected address is said last', () => {
	assert.deepEqual(notesFor('?count=500&seed=bad%20seed!&topics=foo', true), [
		'A seed has up to 32 letters, digits, - and _; the seed “bad seed!” has other characters, so this is the set for seed “badseed”.',
		'The topic “foo” does not exist (choose from scheduler, gc, pacer and detail); showing scheduler and gc.',
		'The number of questions “500” is more than 50: a set has 1 to 50 questions; showing 50.',
		'The address now names the set shown.',
	]);
});

test('a good address has nothing to say, corrected or not', () => {
	assert.deepEqual(notesFor('?seed=class-7b&topics=gc&count=5', true), []);
	assert.deepEqual(notesFor(''), []);
});
