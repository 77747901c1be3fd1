/**
 * Reads a practice set's address (`?seed=…&topics=…&count=…&focus=…`). Anything unusable falls
 * back to something valid, and `notes` tells the reader what was changed, in plain words.
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
const SEED_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** At most this many focus fields, so the address stays short. */
const MAX_FOCUS = 8;

export interface PracticeParams {
	/** null when the address has none: the page picks a fresh one. */
	seed: string | null;
	topics: QuizTopic[];
	count: number;
	/** Missed answers per field, from `focus=key:count,…`; empty for a shared set. */
	weights: Record<string, number>;
	notes: string[];
}

function queryValues(search: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const part of search.replace(/^\?/, '').split('&')) {
		if (!part) continue;
		const eq = part.indexOf('=');
		const rawName = eq < 0 ? part : part.slice(0, eq);
		const rawValue = eq < 0 ? '' : part.slice(eq + 1);
		const decode = (s: string) => {
			try {
				return decodeURIComponent(s.replace(/\+/g, ' '));
			} catch {
				return s;
			}
		};
		const name = decode(rawName);
		out.set(name, [...(out.get(name) ?? []), decode(rawValue)]);
	}
	return out;
}

function listTopics(topics: readonly string[]): string {
	return topics.length <= 1 ? topics.join('') : `${topics.slice(0, -1).join(', ')} and ${topics.at(-1)}`;
}

const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

/** The practice set an address asks for, with notes on anything that had to change. */
export function parsePracticeParams(search: string): PracticeParams {
	const query = queryValues(search);
	const notes: string[] = [];

	let seed: string | null = null;
	const rawSeed = (query.get('seed') ?? []).at(-1)?.trim() ?? '';
	if (rawSeed !== '') {
		if (SEED_PATTERN.test(rawSeed)) seed = rawSeed;
		else {
			const cleaned = rawSeed.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32);
			seed = cleaned || DEFAULT_SEED;
			notes.push(
				`The seed ${quote(rawSeed)} can only have up to 32 letters, digits, - and _; showing the set for seed “${seed}”.`,
			);
		}
	}

	const rawTopics = (query.get('topics') ?? [])
		.flatMap((v) => v.split(','))
		.map((t) => t.trim().toLowerCase())
		.filter((t) => t !== '');
	const known = quizTopics.filter((t) => rawTopics.includes(t));
	const unknown = [...new Set(rawTopics.filter((t) => !(quizTopics as readonly string[]).includes(t)))];
	const topics = known.length ? known : [...DEFAULT_TOPICS];
	if (unknown.length) {
		notes.push(
			`${unknown.length === 1 ? 'The topic' : 'The topics'} ${unknown.map(quote).join(', ')} ${unknown.length === 1 ? 'does' : 'do'} not exist (choose from ${listTopics([...quizTopics])}); showing ${listTopics(topics)}.`,
		);
	}

	let count = DEFAULT_COUNT;
	const rawCount = (query.get('count') ?? []).at(-1)?.trim() ?? '';
	if (rawCount !== '') {
		const n = Number(rawCount);
		if (!/^[+-]?\d+$/.test(rawCount) || !Number.isSafeInteger(n)) {
			notes.push(`The number of questions ${quote(rawCount)} is not a whole number; showing ${DEFAULT_COUNT}.`);
		} else if (n < 1 || n > MAX_COUNT) {
			count = Math.min(MAX_COUNT, Math.max(1, n));
			notes.push(`A set has 1 to ${MAX_COUNT} questions; showing ${count}.`);
		} else count = n;
	}

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
	if (ignored.length) {
		notes.push(
			`Ignored focus ${ignored.map(quote).join(', ')}: expected up to ${MAX_FOCUS} field keys such as gctrace/heap-goal:2.`,
		);
	}

	return { seed, topics, count, weights, notes };
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
