/** What the progress page, review sets and the home page say about a learner's fields. */
import { INTERVAL_DAYS, type Standing } from '../trace/index.ts';

/** Each standing with a mark, so the words and the mark carry it, never colour alone. */
export const standingWords: Record<Standing, { mark: string; label: string }> = {
	reliable: { mark: '✓', label: 'Reads it reliably' },
	learning: { mark: '◐', label: 'Learning' },
	missed: { mark: '✗', label: 'Missed recently' },
	unseen: { mark: '○', label: 'Not met yet' },
};

/** A date as a reader reads it, relative to today: `today`, `tomorrow`, `in 4 days`. */
export function dueWords(due: Date, now: Date): string {
	const day = (d: Date) => Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
	const days = day(due) - day(now);
	if (days <= 0) return 'due now';
	if (days === 1) return 'due tomorrow';
	return `due in ${days} days`;
}

export function dueTodayText(n: number): string {
	return `${n} ${n === 1 ? 'field is' : 'fields are'} due for review today.`;
}

/** How review spacing works, in one sentence, for the progress page and review sets. */
export const spacingRule = `Each field sits in one of ${INTERVAL_DAYS.length} boxes (Leitner’s system): a right answer moves it up a box, a wrong one back to the first. A field comes back for review ${INTERVAL_DAYS.slice(0, -1).join(', ')} or ${INTERVAL_DAYS.at(-1)} days after you last answered it, by its box.`;

export function reviewStatus(due: number): string {
	return `Review: ${due} ${due === 1 ? 'field is' : 'fields are'} due, so this set asks about ${due === 1 ? 'it' : 'them'} only.`;
}

export function nothingDueText(next: Date | null, now: Date): string {
	const when = next
		? ` The next field is ${dueWords(next, now)}.`
		: ' Answer a few questions first: the fields you meet come back here when they are due.';
	return `Nothing is due for review today.${when} Here is an ordinary practice set instead.`;
}
