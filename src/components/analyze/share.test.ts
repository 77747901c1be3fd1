import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeLog, encodeLog, logFromFragment, maxFragmentChars } from './share.ts';

const capture = readFileSync(new URL('../../../content/traces/schedtrace/go1.26-p1-leak.txt', import.meta.url), 'utf8');

test('a log survives the trip through a fragment, non-ASCII text included', async () => {
	for (const text of [capture, 'héllo ✓ 𝄞\r\n<img src=x onerror=alert(1)>', '']) {
		const value = await encodeLog(text);
		assert.match(value, /^[A-Za-z0-9_-]*$/);
		assert.equal(logFromFragment(`#log=${value}`), value);
		assert.equal(await decodeLog(value), text);
	}
});

test('a real capture compresses well under the link limit', async () => {
	assert.ok((await encodeLog(capture)).length < maxFragmentChars);
});

test('a corrupt or cut-off value is refused with a message, not a crash', async () => {
	const value = await encodeLog(capture);
	await assert.rejects(decodeLog(value.slice(0, value.length / 2)), /cut off or changed/);
	await assert.rejects(decodeLog('not base64!'), /not valid base64url/);
	await assert.rejects(decodeLog('AAAA'), /does not decompress/);
});

test('a fragment without a log gives null', () => {
	assert.equal(logFromFragment(''), null);
	assert.equal(logFromFragment('#field=gctrace/heap-goal'), null);
});
