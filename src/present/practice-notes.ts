/**
 * What the practice pages say about an address they could not use as given: what was asked for,
 * what is shown instead, and why. Plain text, for a status region's textContent.
 */
import { MAX_COUNT, MAX_FOCUS, MAX_SEED_LENGTH, quizTopics, type PracticeProblem } from '../trace/index.ts';

/** Control characters as their visible symbols (U+2400…), so a NUL in an address shows as ␀. */
function visible(s: string): string {
	return [...s]
		.map((c) => {
			const code = c.charCodeAt(0);
			if (code < 0x20) return String.fromCharCode(0x2400 + code);
			return code === 0x7f ? '\u2421' : c;
		})
		.join('');
}

/** A value from the address, quoted, shortened when long. */
function quote(s: string): string {
	const shown = visible(s);
	return `“${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}”`;
}

function list(words: readonly string[]): string {
	return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function note(problem: PracticeProblem): string {
	switch (problem.param) {
		case 'seed': {
			const rule = `A seed has up to ${MAX_SEED_LENGTH} letters, digits, - and _`;
			if (problem.reason === 'length') {
				return `${rule}; the seed ${quote(problem.given)} is longer, so this is the set for seed “${problem.used}”.`;
			}
			return `${rule}; the seed ${quote(problem.given)} has other characters, so this is the set for seed “${problem.used}”.`;
		}
		case 'topics': {
			const one = problem.unknown.length === 1;
			return `${one ? 'The topic' : 'The topics'} ${problem.unknown.map(quote).join(', ')} ${one ? 'does' : 'do'} not exist (choose from ${list(quizTopics)}); showing ${list(problem.used)}.`;
		}
		case 'count': {
			const given = `The number of questions ${quote(problem.given)}`;
			if (problem.reason === 'not-whole') return `${given} is not a whole number; showing ${problem.used}.`;
			const side = problem.reason === 'too-few' ? 'less than 1' : `more than ${MAX_COUNT}`;
			return `${given} is ${side}: a set has 1 to ${MAX_COUNT} questions; showing ${problem.used}.`;
		}
		case 'focus':
			return `Ignored focus ${problem.ignored.map(quote).join(', ')}: expected up to ${MAX_FOCUS} field keys such as gctrace/heap-goal:2.`;
	}
}

/**
 * One sentence per problem, in the order the address is read; with `addressCorrected`, a last
 * sentence saying the address now names the set shown.
 */
export function practiceNotes(problems: readonly PracticeProblem[], addressCorrected = false): string[] {
	const notes = problems.map(note);
	if (addressCorrected && notes.length) notes.push('The address now names the set shown.');
	return notes;
}
