import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { test } from 'node:test';
import {
	decodeLog,
	encodeLog,
	LinkTooLarge,
	logFromFragment,
	maxFragmentChars,
	maxLinkLogBytes,
	maxLinkValueChars,
	maxShareBytes,
} from './share.ts';

const capture = readFileSync(
	new URL('../../../../content/traces/schedtrace/go1.26-p1-leak.txt', import.meta.url),
	'utf8',
);

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

/** A link value for `bytes` of zeros, packed as the page packs logs (deflate-raw, base64url). */
function zeroBomb(bytes: number): string {
	return deflateRawSync(Buffer.alloc(bytes), { level: 9 }).toString('base64url');
}

test('a link that unpacks past the limit is refused, quickly, saying the limit', async () => {
	const value = zeroBomb(20 * 1024 * 1024); // about 20 KB packed: the length of a real link
	assert.ok(value.length < maxLinkValueChars);
	const started = performance.now();
	await assert.rejects(decodeLog(value), (error: unknown) => {
		assert.ok(error instanceof LinkTooLarge);
		assert.match(error.message, /holds more than a shared link may: its log unpacks to more than 9 MB/);
		return true;
	});
	assert.ok(performance.now() - started < 2000, 'it stops at the limit, not at the end');
	// The limit is what links are made with, plus a margin: a log of the largest size opens.
	assert.ok(maxLinkLogBytes > maxShareBytes);
	const largest = 'x'.repeat(maxShareBytes);
	assert.equal((await decodeLog(await encodeLog(largest))).length, maxShareBytes);
});

test('a link longer than any the page makes is refused before unpacking', async () => {
	const value = zeroBomb(100 * 1024 * 1024); // 100 MB of zeros: about 100 KB packed
	assert.ok(value.length > maxLinkValueChars);
	await assert.rejects(decodeLog(value), (error: unknown) => {
		assert.ok(error instanceof LinkTooLarge);
		assert.match(
			error.message,
			/holds more than a shared link may: \d+ KB of packed log after #log=, and this page reads at most 36 KB/,
		);
		return true;
	});
});
