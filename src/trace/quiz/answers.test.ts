import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	checkAnswer,
	parseNumericAnswer,
	type ChoiceQuestion,
	type NumericQuestion,
	type SpotQuestion,
} from '../index.ts';

describe('parseNumericAnswer understands', () => {
	const cases: [input: string, unit: string, value: number][] = [
		['0.022', 'ms', 0.022],
		['  0.022  ', 'ms', 0.022],
		['0,022', 'ms', 0.022], // leading zero: a decimal comma, not thousands
		['1,2', 'ms', 1.2],
		['.5', 'ms', 0.5],
		['3ms', 'ms', 3],
		['3 ms', 'ms', 3],
		['3 MS', 'ms', 3],
		['3000 µs', 'ms', 3],
		['3000us', 'ms', 3],
		['0.003 s', 'ms', 3],
		['3 MB', 'MB', 3],
		['3MB', 'MB', 3],
		['3 MiB', 'MB', 3],
		['2048 KiB', 'MB', 2],
		['12,345,678', '', 12345678],
		['1,024.5', 'ms', 1024.5],
		['1 024', 'bytes', 1024],
		['7', 'goroutines', 7],
		['7 goroutines', 'goroutines', 7],
		['25%', '%', 25],
		['25 %', '%', 25],
		['−2', '', -2],
		['3 ms.', 'ms', 3],
		['2 goroutines', '', 2],
		['2 threads', '', 2],
	];
	for (const [input, unit, value] of cases) {
		test(`“${input}” in ${unit || 'no unit'} → ${value}`, () => {
			const r = parseNumericAnswer(input, unit);
			assert.ok(r.ok, r.ok ? '' : r.message);
			assert.ok(Math.abs(r.value - value) < 1e-12, `${r.value}`);
		});
	}
});

describe('parseNumericAnswer rejects, saying what is expected', () => {
	const cases: [input: string, unit: string, message: RegExp][] = [
		['', 'ms', /Type a number of ms, for example 0\.29 ms/],
		['   ', '%', /Type a percentage/],
		['1,024', 'ms', /could mean 1024 or 1\.024.*without the comma \(1024\) or with a decimal point \(1\.024\)/],
		['3 KB', 'MB', /MB are MiB.*answer in MB, or in KiB, MiB or GiB/],
		['3 GB', 'MB', /could be decimal or binary/],
		['3 kg', 'ms', /“kg” is not a unit this answer can be given in\. Expected ms/],
		['3 ms', '', /Expected no unit/],
		['3 MB', '', /Expected no unit/],
		['3 MB', 'ms', /not a unit this answer can be given in/],
		['about 3', 'ms', /does not start with a number/],
		['1.2.3', 'ms', /not a number/],
		['1,2,3', 'ms', /not a number/],
		['1.024,5', 'ms', /mixes commas and points/],
		['<b>3</b>', 'ms', /does not start with a number/],
	];
	for (const [input, unit, message] of cases) {
		test(`“${input}” in ${unit || 'no unit'}`, () => {
			const r = parseNumericAnswer(input, unit);
			assert.equal(r.ok, false);
			assert.match(r.ok ? '' : r.message, message);
		});
	}
});

const line =
	'SCHED 2013ms: gomaxprocs=1 idleprocs=0 threads=6 spinningthreads=0 needspinning=1 idlethreads=2 runqueue=1 [ 2 ] schedticks=[ 37480 ]';
const base = { topic: 'scheduler' as const, prompt: 'p', explanation: 'e', fields: [] };
const choice: ChoiceQuestion = {
	...base,
	type: 'choice',
	id: 'c',
	options: [
		{ id: 'a', text: 'A' },
		{ id: 'b', text: 'B' },
	],
	answer: 'b',
};
const spot: SpotQuestion = { ...base, type: 'spot', id: 's', line, answer: 'schedtrace/runqueue' };
const numeric: NumericQuestion = {
	...base,
	type: 'numeric',
	id: 'n',
	line,
	answer: 0.292,
	unit: 'ms',
	tolerance: 0.005,
};

describe('checkAnswer', () => {
	const cases: [string, Parameters<typeof checkAnswer>[0], string | null, boolean, RegExp | null][] = [
		['the right option', choice, 'b', true, null],
		['a wrong option', choice, 'a', false, null],
		['no option chosen', choice, null, false, /Choose one of the answers first/],
		['an option that does not exist', choice, 'z', false, /not one of the answers/],
		['the right part of the line', spot, 'schedtrace/runqueue', true, null],
		['another part of the line', spot, 'schedtrace/idlethreads', false, null],
		['no part chosen', spot, '', false, /Choose the part of the line/],
		['the exact value', numeric, '0.292', true, null],
		['rounded to the coarsest printed digit', numeric, '0.29', true, null],
		['at the edge of the tolerance', numeric, '0.297', true, null],
		['in another unit', numeric, '292 µs', true, null],
		['with a decimal comma', numeric, '0,29 ms', true, null],
		['just outside the tolerance', numeric, '0.298', false, null],
		['a different value', numeric, '0.3', false, null],
		['the right value in the wrong unit', numeric, '0.29 s', false, null],
		['an unreadable answer is not an attempt', numeric, 'about 0.3', false, /does not start with a number/],
	];
	for (const [what, question, response, correct, problem] of cases) {
		test(what, () => {
			const r = checkAnswer(question, response);
			assert.equal(r.correct, correct);
			if (problem) assert.match(r.problem ?? '', problem);
			else assert.equal(r.problem, null);
		});
	}

	test('a count must be exact', () => {
		const count: NumericQuestion = { ...numeric, answer: 3, unit: 'goroutines', tolerance: 0 };
		assert.equal(checkAnswer(count, '3').correct, true);
		assert.equal(checkAnswer(count, '3 goroutines').correct, true);
		assert.equal(checkAnswer(count, '2').correct, false);
		assert.equal(checkAnswer(count, '3.4').correct, false);
	});
});
