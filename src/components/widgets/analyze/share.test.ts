import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { test } from 'node:test';
import {
	comparisonFromFragment,
	decodeComparison,
	decodeLog,
	encodeComparison,
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

test('both logs of a comparison survive the trip through one fragment', async () => {
	const logs = { before: capture, after: 'gc 1 @0.001s 1%: héllo <b>not markup</b>' };
	const fragment = await encodeComparison(logs);
	assert.match(fragment, /^#before=[A-Za-z0-9_-]*&after=[A-Za-z0-9_-]*$/);
	const values = comparisonFromFragment(fragment);
	assert.ok(values);
	assert.deepEqual(await decodeComparison(values), logs);
	// A single-log link is not a comparison, and a comparison is not a single-log link.
	assert.equal(comparisonFromFragment(`#log=${await encodeLog(capture)}`), null);
	assert.equal(comparisonFromFragment(fragment.split('&')[0]!), null);
	assert.equal(logFromFragment(fragment), null);
});

test('a comparison link with a cut-off log names the log at fault', async () => {
	const values = comparisonFromFragment(await encodeComparison({ before: capture, after: capture }))!;
	await assert.rejects(
		decodeComparison({ before: values.before, after: values.after.slice(0, values.after.length / 2) }),
		/^Error: the link’s “after” log does not decompress; it may have been cut off or changed/,
	);
	await assert.rejects(
		decodeComparison({ before: 'not base64!', after: values.after }),
		/the link’s “before” log is not valid base64url text/,
	);
});

test('a comparison link is held to the limits of one link, for both logs together', async () => {
	const half = zeroBomb(6 * 1024 * 1024);
	// Each unpacks within the limit, but not both together.
	await assert.rejects(decodeComparison({ before: half, after: half }), (error: unknown) => {
		assert.ok(error instanceof LinkTooLarge);
		assert.match(error.message, /its two logs unpack to more than 9 MB together/);
		return true;
	});
	const long = zeroBomb(40 * 1024 * 1024);
	assert.ok(long.length * 2 > maxLinkValueChars);
	await assert.rejects(decodeComparison({ before: long, after: long }), (error: unknown) => {
		assert.ok(error instanceof LinkTooLarge);
		assert.match(error.message, /KB of packed logs after #before= and &after=, and this page reads at most 36 KB/);
		return true;
	});
});
