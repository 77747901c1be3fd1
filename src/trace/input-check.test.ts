import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { binaryEvidence, looksBinary } from './input-check.ts';

test('a real capture is text', () => {
	const bytes = readFileSync(new URL('../../content/traces/gctrace/go1.26-web-load.txt', import.meta.url));
	assert.equal(looksBinary(new Uint8Array(bytes.subarray(0, 65536))), false);
});

test('text with a few non-UTF-8 bytes, or a character cut at the end, is text', () => {
	const text = new TextEncoder().encode(`${'gc 1 @0.1s 0%: program output\n'.repeat(40)}é`);
	assert.equal(looksBinary(text.subarray(0, text.length - 1)), false);
	const withLatin1 = new Uint8Array([
		...new TextEncoder().encode('caf'),
		0xe9,
		...new TextEncoder().encode(' '.repeat(200)),
	]);
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

test('the evidence names the first NUL byte, or the share of undecodable characters', () => {
	assert.equal(binaryEvidence(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x01])), 'a NUL byte at byte 5');
	assert.match(binaryEvidence(new Uint8Array(100).fill(0xff)) ?? '', /^100% of its first characters are not UTF-8$/);
	assert.equal(binaryEvidence(new TextEncoder().encode('gc 1 @0.1s 0%\n')), null);
});

test('the UTF-8 count agrees with TextDecoder on text, noise and cut characters', () => {
	const samples = [
		new TextEncoder().encode('gc 1 é ✓ 𝄞 done\n'),
		new Uint8Array([0x61, 0xe2, 0x82, 0x61, 0xf0, 0x9f, 0xff, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xe2]),
		new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 97) % 256).filter((b) => b !== 0)),
	];
	for (const sample of samples) {
		const text = new TextDecoder().decode(sample);
		const replaced = text.split('\uFFFD').length - 1;
		const binary = replaced > 1 && replaced / text.length > 0.05;
		const expected = binary
			? `${Math.round((replaced / text.length) * 100)}% of its first characters are not UTF-8`
			: null;
		assert.equal(binaryEvidence(sample), expected, `${[...sample].join(',')}`);
	}
});
