/** Helpers shared by the core's tests (imported by `*.test.ts` only). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isFieldKey } from './catalogue.ts';
import { formatEra } from './era.ts';
import { type LogSummary, parseLog } from './log.ts';
import { parseLine } from './parse.ts';
import type { FieldKey, FieldValue, LineForm, LineKind, ParsedLine, Token } from './types.ts';

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

/**
 * Spans are in order, do not overlap, stay inside the line, and name catalogue keys (of `keys`,
 * when given). Only a field printed empty is zero-width: a text field with value `""`.
 */
export function assertWellFormed(parsed: ParsedLine, keys?: ReadonlySet<string>): void {
	let previousEnd = 0;
	for (const t of parsed.tokens) {
		assert.ok(t.start >= previousEnd && t.end >= t.start && t.end <= parsed.text.length);
		if (t.end === t.start) assert.ok(t.key !== null && t.value === '', 'a zero-width token is an empty field');
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

/**
 * Robustness tests for one format's parser: every prefix of every sample line, 20,000 seeded
 * random edits drawn from `alphabet`, and a list of odd inputs all parse well formed.
 */
export function describeNeverThrows(
	parse: (line: string) => ParsedLine,
	opts: { seeds: string[]; alphabet: string; odd: string[]; keys: ReadonlySet<string> },
): void {
	const { seeds, alphabet, odd, keys } = opts;
	describe('never throws', () => {
		test('every prefix of every sample line', () => {
			for (const line of seeds) {
				for (let n = 0; n <= line.length; n++) assertWellFormed(parse(line.slice(0, n)), keys);
			}
		});
		test('random edits of sample lines and odd input', () => {
			const next = createRandom(20261126);
			for (let i = 0; i < 20000; i++) {
				const base = seeds[Math.floor(next() * seeds.length)];
				const at = Math.floor(next() * (base.length + 1));
				const len = Math.floor(next() * 4);
				let insert = '';
				for (let k = Math.floor(next() * 4); k > 0; k--) {
					insert += alphabet[Math.floor(next() * alphabet.length)];
				}
				assertWellFormed(parse(base.slice(0, at) + insert + base.slice(at + len)), keys);
			}
			for (const line of odd) assertWellFormed(parse(line), keys);
		});
	});
}

/** A row of a parser's span table: a line, its form and era, and every token it must give. */
export interface SpanRow {
	/** Where the line comes from: a synthetic sample (with its era) or a real capture. */
	source?: string;
	line: string;
	form: LineForm;
	era: string;
	/** `Span` rows, or expected tokens built with `tok`. */
	tokens: Span[] | Token[];
}

/**
 * The table test every format's parser has: each row parses without a problem to exactly its
 * tokens, kind, form and era, well formed; `parseLine` dispatches it to the same result; and
 * (with `keys`) every catalogue key of the format appears somewhere in the table.
 */
export function describeSpanTable(
	title: string,
	rows: readonly SpanRow[],
	opts: {
		parse: (line: string) => ParsedLine;
		kind: LineKind | ((row: SpanRow) => LineKind);
		keys?: ReadonlySet<string>;
	},
): void {
	const expected = (row: SpanRow): Token[] =>
		row.tokens.length > 0 && Array.isArray(row.tokens[0]) ? toTokens(row.tokens as Span[]) : (row.tokens as Token[]);
	const keyOf = (t: Span | Token) => (Array.isArray(t) ? t[3] : t.key);
	describe(title, () => {
		for (const row of rows) {
			test(row.line, () => {
				const parsed = opts.parse(row.line);
				assert.equal(parsed.problem, null, row.source);
				assert.equal(parsed.kind, typeof opts.kind === 'function' ? opts.kind(row) : opts.kind);
				assert.equal(parsed.form, row.form);
				assert.equal(formatEra(parsed.era ?? []), row.era);
				assert.deepEqual(parsed.tokens, expected(row));
				assertWellFormed(parsed, opts.keys);
				assert.deepEqual(parseLine(row.line), parsed, 'parseLine dispatches here');
			});
		}
		const keys = opts.keys;
		if (keys === undefined) return;
		test('every catalogue key appears in the span tables', () => {
			const seen = new Set<string | null>(rows.flatMap((r) => (r.tokens as (Span | Token)[]).map(keyOf)));
			assert.deepEqual(
				[...keys].filter((k) => !seen.has(k)),
				[],
			);
		});
	});
}

/** Each synthetic sample parses without a problem, to its era, with every token keyed. */
export function describeEraSamples(
	samples: readonly [line: string, era: string][],
	parse: (line: string) => ParsedLine,
): void {
	describe('eras (synthetic samples)', () => {
		for (const [line, era] of samples) {
			test(line, () => {
				const parsed = parse(line);
				assert.equal(parsed.problem, null);
				assert.equal(formatEra(parsed.era ?? []), era);
				assert.ok(parsed.tokens.every((t) => t.key !== null));
			});
		}
	});
}

/**
 * Each line, cut at every position and edited there (each of `edits` in place of the character
 * at that position, plus any `more` variants): a log read for its summary alone, which matches usual
 * lines whole, must give the summary read line by line with an `onLine`. Returns how many variants
 * `counted` picks out, so a test can check the fast path was taken often.
 */
export function assertSummaryAloneAgrees(
	lines: Iterable<string>,
	edits: readonly string[],
	counted: (summary: LogSummary) => boolean,
	more: (line: string, at: number) => string[] = () => [],
): number {
	let count = 0;
	for (const line of lines) {
		for (let i = 0; i <= line.length; i++) {
			const variants = [
				line.slice(0, i),
				...edits.map((e) => line.slice(0, i) + e + line.slice(i + 1)),
				...more(line, i),
			];
			for (const variant of variants) {
				const summary = parseLog(variant);
				assert.deepEqual(
					summary,
					parseLog(variant, () => {}),
					JSON.stringify(variant),
				);
				if (counted(summary)) count++;
			}
		}
	}
	return count;
}
