/**
 * Reads a practice set's address (`?seed=…&topics=…&count=…&focus=…`). Anything unusable falls
 * back to something valid, and `problems` says what was given, what is used instead and why;
 * src/present/practice-notes.ts words them for the reader.
 */
import { isFieldKey } from '../catalogue.ts';
import { quizTopics } from './types.ts';
import type { QuizTopic } from './types.ts';

export const DEFAULT_TOPICS: readonly QuizTopic[] = ['scheduler', 'gc'];
export const DEFAULT_COUNT = 10;
export const MAX_COUNT = 50;
/** The seed of the set a page shows before any script runs (and without JavaScript). */
export const DEFAULT_SEED = 'first-set';
/** Seeds are short and safe in an address: letters, digits, `-` and `_`. */
export const MAX_SEED_LENGTH = 32;
const SEED_CHARACTER = /[A-Za-z0-9_-]/;
/** At most this many focus fields, so the address stays short. */
export const MAX_FOCUS = 8;

/** One parameter of an address that could not be used as given. */
export type PracticeProblem =
	/** `used` is the seed's allowed characters, cut to the longest seed, or DEFAULT_SEED when none is left. */
	| { param: 'seed'; given: string; used: string; reason: 'characters' | 'length' }
	| { param: 'topics'; unknown: string[]; used: QuizTopic[] }
	| { param: 'count'; given: string; used: number; reason: 'not-whole' | 'too-few' | 'too-many' }
	/** Focus entries that are not `key` or `key:times` of a catalogue field, or past MAX_FOCUS. */
	| { param: 'focus'; ignored: string[] };

export interface PracticeParams {
	/** null when the address has none: the page picks a fresh one. */
	seed: string | null;
	topics: QuizTopic[];
	count: number;
	/** Missed answers per field, from `focus=key:count,…`; empty for a shared set. */
	weights: Record<string, number>;
	problems: PracticeProblem[];
}

/**
 * A query value decoded as the browser would show it. A run of escapes that is not UTF-8 (`%ff`)
 * keeps its ASCII bytes and shows each other byte as U+FFFD, so `%00%ff%3C` is `\0\uFFFD<`,
 * never the escape's own letters.
 */
function decodeValue(raw: string): string {
	return raw.replace(/\+/g, ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
		try {
			return decodeURIComponent(run);
		} catch {
			return run
				.slice(1)
				.split('%')
				.map((hex) => {
					const byte = parseInt(hex, 16);
					return byte < 0x80 ? String.fromCharCode(byte) : '\uFFFD';
				})
				.join('');
		}
	});
}

function queryValues(search: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const part of search.replace(/^\?/, '').split('&')) {
		if (!part) continue;
		const eq = part.indexOf('=');
		const name = decodeValue(eq < 0 ? part : part.slice(0, eq));
		out.set(name, [...(out.get(name) ?? []), decodeValue(eq < 0 ? '' : part.slice(eq + 1))]);
	}
	return out;
}

function readSeed(raw: string): { seed: string | null; problem?: PracticeProblem } {
	if (raw === '') return { seed: null };
	const allowed = [...raw].filter((c) => SEED_CHARACTER.test(c)).join('');
	if (allowed.length === raw.length && raw.length <= MAX_SEED_LENGTH) return { seed: raw };
	const used = allowed.slice(0, MAX_SEED_LENGTH) || DEFAULT_SEED;
	const reason = allowed.length === raw.length ? 'length' : 'characters';
	return { seed: used, problem: { param: 'seed', given: raw, used, reason } };
}

function readCount(raw: string): { count: number; problem?: PracticeProblem } {
	if (raw === '') return { count: DEFAULT_COUNT };
	const n = Number(raw);
	if (!/^[+-]?\d+$/.test(raw) || !Number.isSafeInteger(n)) {
		return { count: DEFAULT_COUNT, problem: { param: 'count', given: raw, used: DEFAULT_COUNT, reason: 'not-whole' } };
	}
	if (n < 1) return { count: 1, problem: { param: 'count', given: raw, used: 1, reason: 'too-few' } };
	if (n > MAX_COUNT) {
		return { count: MAX_COUNT, problem: { param: 'count', given: raw, used: MAX_COUNT, reason: 'too-many' } };
	}
	return { count: n };
}

/** The practice set an address asks for, with the problems of anything that had to change. */
export function parsePracticeParams(search: string): PracticeParams {
	const query = queryValues(search);
	const problems: PracticeProblem[] = [];

	const { seed, problem: seedProblem } = readSeed((query.get('seed') ?? []).at(-1)?.trim() ?? '');
	if (seedProblem) problems.push(seedProblem);

	const rawTopics = (query.get('topics') ?? [])
		.flatMap((v) => v.split(','))
		.map((t) => t.trim().toLowerCase())
		.filter((t) => t !== '');
	const known = quizTopics.filter((t) => rawTopics.includes(t));
	const unknown = [...new Set(rawTopics.filter((t) => !(quizTopics as readonly string[]).includes(t)))];
	const topics = known.length ? known : [...DEFAULT_TOPICS];
	if (unknown.length) problems.push({ param: 'topics', unknown, used: topics });

	const { count, problem: countProblem } = readCount((query.get('count') ?? []).at(-1)?.trim() ?? '');
	if (countProblem) problems.push(countProblem);

	const weights: Record<string, number> = {};
	const ignored: string[] = [];
	for (const entry of (query.get('focus') ?? []).flatMap((v) => v.split(','))) {
		if (!entry.trim()) continue;
		const [key, times = '1'] = entry.trim().split(':');
		const n = Number(times);
		if (isFieldKey(key) && /^\d+$/.test(times) && n >= 1 && Object.keys(weights).length < MAX_FOCUS) {
			weights[key] = Math.min(n, 99);
		} else ignored.push(entry.trim());
	}
	if (ignored.length) problems.push({ param: 'focus', ignored });

	return { seed, topics, count, weights, problems };
}

/** The address query of a set, in the order parsePracticeParams reads it. */
export function practiceQuery(p: {
	seed: string;
	topics: readonly QuizTopic[];
	count: number;
	weights?: Readonly<Record<string, number>>;
}): string {
	const parts = [`seed=${encodeURIComponent(p.seed)}`, `topics=${p.topics.join(',')}`, `count=${p.count}`];
	const focus = Object.entries(p.weights ?? {}).map(([k, n]) => `${k}:${n}`);
	if (focus.length) parts.push(`focus=${focus.join(',')}`);
	return `?${parts.join('&')}`;
}

/** The focus for a learner's own practice: their most-missed fields, most missed first. */
export function focusFromMissed(missed: Readonly<Record<string, number>>): Record<string, number> {
	const top = Object.entries(missed)
		.filter(([k, n]) => isFieldKey(k) && Number.isInteger(n) && n > 0)
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, MAX_FOCUS);
	return Object.fromEntries(top.map(([k, n]) => [k, Math.min(n, 99)]));
}
