import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesText, eraText, elapsedText, moreLinesText, noTraceText, plural, sinceStartText } from './summary-text.ts';

test('era: a range, a disagreement, or none', () => {
	assert.match(eraText([{ from: 25, to: 27 }]), /^Go 1\.25 or later \(go1\.25-go1\.27\)/);
	assert.match(eraText([]), /lines disagree/);
	assert.match(eraText(null), /No trace lines/);
});

test('times covered, in the units the runtime prints', () => {
	// SCHED counts from the runtime's first schedtrace call; gctrace's @ from runtime.main's start.
	assert.equal(
		elapsedText({ first: 0, last: 10012 }),
		'schedtrace: SCHED 0ms to 10012ms, counted from the first schedtrace line, not from the program’s start (10 s of trace)',
	);
	assert.equal(sinceStartText({ first: 0.012, last: 2.5 }), 'gctrace: cycles from @0.012s to @2.5s after the program started (2.49 s of trace)');
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
	assert.match(noTraceText(1, 'the pasted text'), /^No trace lines: the one line in the pasted text is not Go runtime trace output\. Expected:/);
	assert.match(noTraceText(3, 'x.log'), /^No trace lines: none of the 3 lines in x\.log is Go runtime trace output\./);
});
