/** Helpers shared by the core's tests (imported by `*.test.ts` only). */
import assert from 'node:assert/strict';
import { isFieldKey } from './catalogue.ts';
import type { FieldKey, FieldValue, ParsedLine, Token } from './types.ts';

/** A token as a test table writes it: `[start, end, text, key, value?]`. */
export type Span = [start: number, end: number, text: string, key: FieldKey | null, value?: FieldValue];

/** Expands table rows into tokens, leaving `value` out where the row has none. */
export function toTokens(spans: Span[]): Token[] {
	return spans.map(([start, end, text, key, value]) => tok(start, end, text, key, value));
}

/** One expected token. */
export function tok(start: number, end: number, text: string, key: FieldKey | null, value?: FieldValue): Token {
	return value === undefined ? { start, end, text, key } : { start, end, text, key, value };
}

/** Spans are in order, do not overlap, stay inside the line, and name catalogue keys (of `keys`, when given). */
export function assertWellFormed(parsed: ParsedLine, keys?: ReadonlySet<string>): void {
	let previousEnd = 0;
	for (const t of parsed.tokens) {
		assert.ok(t.start >= previousEnd && t.end > t.start && t.end <= parsed.text.length);
		assert.equal(t.text, parsed.text.slice(t.start, t.end));
		if (t.key !== null) assert.ok(keys ? keys.has(t.key) : isFieldKey(t.key), `${t.key} is in the catalogue`);
		previousEnd = t.end;
	}
	if (parsed.problem) {
		assert.ok(parsed.problem.column >= 1 && parsed.problem.column <= parsed.text.length + 1);
	}
}

/** mulberry32: a small, fast, seeded PRNG, so every run sees the same inputs and failures reproduce. */
export function createRandom(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
