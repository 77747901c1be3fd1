import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesText, eraText, elapsedText, plural, sinceStartText } from './summary-text.ts';

test('era: a range, a disagreement, or none', () => {
	assert.match(eraText([{ from: 25, to: 27 }]), /^Go 1\.25 or later \(go1\.25-go1\.27\)/);
	assert.match(eraText([]), /lines disagree/);
	assert.match(eraText(null), /No trace lines/);
});

test('times covered, in the units the runtime prints', () => {
	assert.equal(elapsedText({ first: 0, last: 10012 }), 'schedtrace: SCHED 0ms to 10012ms after the program started (10 s of trace)');
	assert.equal(sinceStartText({ first: 0.012, last: 2.5 }), 'gctrace: cycles from @0.012s to @2.5s after the program started (2.49 s of trace)');
	assert.equal(elapsedText(null), null);
});

test('sizes and counts', () => {
	assert.equal(bytesText(900), '900 bytes');
	assert.equal(bytesText(200 * 1024 * 1024), '200.0 MB');
	assert.equal(plural(1, 'line'), '1 line');
	assert.equal(plural(1234, 'line'), '1,234 lines');
});
