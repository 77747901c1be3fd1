import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { looksBinary } from './input-check.ts';

test('a real capture is text', () => {
	const bytes = readFileSync(new URL('../../../content/traces/gctrace/go1.26-web-load.txt', import.meta.url));
	assert.equal(looksBinary(new Uint8Array(bytes.subarray(0, 65536))), false);
});

test('text with a few non-UTF-8 bytes, or a character cut at the end, is text', () => {
	const text = new TextEncoder().encode(`${'gc 1 @0.1s 0%: program output\n'.repeat(40)}é`);
	assert.equal(looksBinary(text.subarray(0, text.length - 1)), false);
	const withLatin1 = new Uint8Array([...new TextEncoder().encode('caf'), 0xe9, ...new TextEncoder().encode(' '.repeat(200))]);
	assert.equal(looksBinary(withLatin1), false);
});

test('a NUL byte or mostly undecodable bytes is binary', () => {
	assert.equal(looksBinary(new Uint8Array([0x67, 0x63, 0x00, 0x31])), true);
	const noise = new Uint8Array(4096);
	for (let i = 0; i < noise.length; i++) noise[i] = 0x80 + ((i * 37) % 0x7f) || 0xff;
	assert.equal(looksBinary(noise), true);
	// An ELF header (a Go binary) starts with NUL-padded fields.
	assert.equal(looksBinary(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0])), true);
});

test('an empty sample is not binary (emptiness has its own message)', () => {
	assert.equal(looksBinary(new Uint8Array()), false);
});
