import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressText } from './progress-text.ts';

const MB = 1024 * 1024;

test('the time left is the rest at the rate so far', () => {
	// 100 MB of 1,000 MB in 2 s: 900 MB more at 50 MB/s is 18 s.
	assert.match(progressText(100 * MB, 1000 * MB, 2000), /^100.0 MB of 1000.0 MB read, about 18 s left$/);
	assert.match(progressText(10 * MB, 1000 * MB, 1000), /about 2 min left$/);
	assert.match(progressText(990 * MB, 1000 * MB, 5000), /less than a second left$/);
});

test('no estimate before the rate settles, nor once all is read', () => {
	assert.doesNotMatch(progressText(5 * MB, 100 * MB, 100), /left/);
	assert.doesNotMatch(progressText(100 * MB, 100 * MB, 3000), /left/);
	assert.doesNotMatch(progressText(0, 100 * MB, 3000), /left/);
});
