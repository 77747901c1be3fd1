/**
 * Browser side of practice sets, shared by the practice page and the worksheet: reading the
 * address, loading the practice lines, picking fresh seeds.
 */
import {
	focusFromMissed,
	generatePractice,
	parsePracticeParams,
	practiceQuery,
	type CandidateLine,
	type PracticeParams,
	type Question,
} from '../../../trace/index.ts';
import { practiceLinesUrl } from '../../../present/urls.ts';
import { loadQuizStore } from '../quiz/quiz-store.ts';
import { siteBase } from '../../shared/site-base.ts';
import type { SetDescription } from './practice-html.ts';

let lines: Promise<CandidateLine[]> | undefined;

/** The practice lines, fetched once per page. */
export function loadPracticeLines(): Promise<CandidateLine[]> {
	lines ??= fetch(practiceLinesUrl(siteBase)).then((r) => {
		if (!r.ok) throw new Error(`status ${r.status}`);
		return r.json() as Promise<CandidateLine[]>;
	});
	return lines;
}

/** A short random seed, easy to read out to a class. */
export function freshSeed(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(6));
	const letters = 'abcdefghjkmnpqrstuvwxyz23456789';
	return [...bytes].map((b) => letters[b % letters.length]).join('');
}

/** The address of a set, keeping other parameters (such as `view=projector`). */
export function setAddress(set: SetDescription, search = location.search): string {
	const keep = new URLSearchParams(search);
	for (const name of ['seed', 'topics', 'count', 'focus']) keep.delete(name);
	const rest = keep.toString();
	return `${location.pathname}${practiceQuery(set)}${rest ? `&${rest}` : ''}${location.hash}`;
}

/**
 * The set the address asks for. Without a seed, a fresh one; with `personal`, the reader's
 * missed fields become its focus, written into the address so a reload gives the same set.
 */
export function setFromAddress(personal: boolean): { set: SetDescription; params: PracticeParams; fresh: boolean } {
	const params = parsePracticeParams(location.search);
	if (params.seed !== null) {
		return {
			set: { seed: params.seed, topics: params.topics, count: params.count, weights: params.weights },
			params,
			fresh: false,
		};
	}
	const weights = personal ? focusFromMissed(loadQuizStore().data.missed) : {};
	return { set: { seed: freshSeed(), topics: params.topics, count: params.count, weights }, params, fresh: true };
}

/** The questions of a set. */
export function questionsOf(set: SetDescription, candidates: CandidateLine[]): Question[] {
	return generatePractice({ ...set, lines: candidates, weights: set.weights });
}
