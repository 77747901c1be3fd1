import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingRules } from '../trace/index.ts';
import {
	bytesText,
	eraDisagreementText,
	eraText,
	elapsedText,
	findingWords,
	moreLinesText,
	noTraceText,
	plural,
	problemText,
	sinceStartText,
	timeCoveredText,
} from './summary.ts';

test('era: a range, a disagreement, or none', () => {
	assert.match(eraText([{ from: 25, to: 27 }]), /^Go 1\.25 or later \(go1\.25-go1\.27\)/);
	assert.equal(eraText([]), eraDisagreementText);
	assert.match(eraDisagreementText, /lines disagree/);
	assert.match(eraText(null), /No trace lines/);
});

test('times covered, in the units the runtime prints', () => {
	// SCHED counts from the runtime's first schedtrace call; gctrace's @ from runtime.main's start.
	assert.equal(
		elapsedText({ first: 0, last: 10012 }),
		'schedtrace: SCHED 0ms to 10012ms, counted from the first schedtrace line, not from the program’s start (10 s of trace)',
	);
	assert.equal(
		sinceStartText({ first: 0.012, last: 2.5 }),
		'gctrace: cycles from @0.012s to @2.5s after the program started (2.49 s of trace)',
	);
	assert.equal(elapsedText(null), null);
});

test('sizes and counts', () => {
	assert.equal(bytesText(900), '900 bytes');
	assert.equal(bytesText(200 * 1024 * 1024), '200.0 MB');
	assert.equal(plural(1, 'line'), '1 line');
	assert.equal(plural(1234, 'line'), '1,234 lines');
});

test('plurals: "1 more line", "3 more lines", never "mores"', () => {
	assert.equal(moreLinesText(1), '1 more line');
	assert.equal(moreLinesText(3), '3 more lines');
	assert.equal(plural(2, 'line looks', 'lines look'), '2 lines look');
	assert.equal(plural(0, 'finding'), '0 findings');
});

test('a file with no trace line is told it is not trace output, one line or many', () => {
	assert.match(
		noTraceText(1, 'the pasted text'),
		/^No trace lines: the one line in the pasted text is not Go runtime trace output\. Expected:/,
	);
	assert.match(noTraceText(3, 'x.log'), /^No trace lines: none of the 3 lines in x\.log is Go runtime trace output\./);
});

test('a finding is told by its rule’s title and lesson, with the lines not listed counted', () => {
	const rule = findingRules[0];
	const words = findingWords({ kind: rule.kind, message: 'm', lines: [3, 4], lineCount: 5 }, '/sub/');
	assert.equal(words.title, rule.title);
	assert.equal(words.message, 'm');
	assert.equal(words.lesson, `/sub/lessons/${rule.lesson}/`);
	assert.equal(words.linesLabel, 'Lines');
	assert.equal(words.more, '3 more lines');
	const one = findingWords({ kind: rule.kind, message: 'm', lines: [7], lineCount: 1 });
	assert.equal(one.lesson, `/lessons/${rule.lesson}/`);
	assert.equal(one.linesLabel, 'Line');
	assert.equal(one.more, '');
});

test('a finding links the fields its rule reads instead of restating their meanings', () => {
	for (const rule of findingRules) {
		const words = findingWords({ kind: rule.kind, message: 'm', lines: [1], lineCount: 1 }, '/sub/');
		assert.ok(words.fields.length > 0, rule.kind);
		assert.deepEqual(
			words.fields.map((f) => f.url),
			rule.fields.map((key) => `/sub/reference/${key}/`),
		);
		assert.ok(words.fields.every((f) => f.label.length > 0));
	}
});

test('time covered: both clocks when both formats are there, or why there is none', () => {
	assert.equal(
		timeCoveredText({ schedtraceElapsed: { first: 0, last: 1000 }, gctraceSinceStart: { first: 0.5, last: 1.5 } }),
		'schedtrace: SCHED 0ms to 1000ms, counted from the first schedtrace line, not from the program’s start (1 s of trace); ' +
			'gctrace: cycles from @0.5s to @1.5s after the program started (1 s of trace)',
	);
	assert.equal(
		timeCoveredText({ schedtraceElapsed: null, gctraceSinceStart: null }),
		'No schedtrace or gctrace lines, so no times.',
	);
});

test('a problem names its line and column', () => {
	assert.equal(problemText({ line: 3, column: 12, message: 'cut off' }), 'line 3, column 12: cut off');
	assert.equal(problemText({ line: 3, column: 12, message: 'cut off' }, true), 'Line 3, column 12: cut off');
});
