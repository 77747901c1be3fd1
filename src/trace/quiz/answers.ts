/**
 * Reading a reader's answer and checking it against a question.
 *
 * Numbers: a decimal point or a decimal comma (`0.022`, `0,022`); thousands separated by commas
 * (`12,345,678`) or spaces (`1 024`). `1,024` alone is ambiguous (a thousand and twenty-four, or
 * one point zero two four) and is rejected with a message saying how to write it.
 * Units: the question's unit or a compatible one, converted (`3000 µs` for ms, `2048 KiB` for MB).
 * The runtime's `MB` are MiB, so `KB` and `GB` (decimal or binary?) are rejected with a message.
 */
import type { Question } from './types.ts';

export type NumericAnswer = { ok: true; value: number } | { ok: false; message: string };

/** Factors to the question's unit, by the unit a reader may type (lower-cased). */
const timeUnits: Record<string, number> = { s: 1e3, sec: 1e3, ms: 1, µs: 1e-3, μs: 1e-3, us: 1e-3, ns: 1e-6 };
const sizeUnits: Record<string, number> = {
	mb: 1,
	mib: 1,
	kib: 1 / 1024,
	gib: 1024,
	b: 1 / 1024 ** 2,
	byte: 1 / 1024 ** 2,
	bytes: 1 / 1024 ** 2,
};

/** What a reader may type after the number, per question unit, as factors to that unit. */
function compatibleUnits(unit: string): Record<string, number> {
	switch (unit) {
		case 'ms':
			return timeUnits;
		case 's':
			return Object.fromEntries(Object.entries(timeUnits).map(([u, f]) => [u, f / 1e3]));
		case 'µs':
			return Object.fromEntries(Object.entries(timeUnits).map(([u, f]) => [u, f * 1e3]));
		case 'MB':
			return sizeUnits;
		case 'KiB':
			return Object.fromEntries(Object.entries(sizeUnits).map(([u, f]) => [u, f * 1024]));
		case 'bytes':
			return Object.fromEntries(Object.entries(sizeUnits).map(([u, f]) => [u, f * 1024 ** 2]));
		case '%':
			return { '%': 1, percent: 1 };
		case 'goroutines':
			return { goroutines: 1, goroutine: 1, gs: 1, g: 1 };
		default:
			return {};
	}
}

/** A question's unit as words in a sentence: `Answer in seconds.`, `in percent`. */
export function unitName(unit: string): string {
	return unit === '' ? 'a plain number' : unit === 's' ? 'seconds' : unit === '%' ? 'percent' : unit;
}

function plural(unit: string): string {
	return unit === '' ? 'a plain number' : unit === '%' ? 'a percentage' : `a number of ${unit}`;
}

function example(unit: string): string {
	return unit === '' || unit === 'goroutines' ? '12' : unit === '%' ? '12%' : `0.29 ${unit}`;
}

/** Reads the number part; `null` message means it is fine. */
function readNumber(text: string): NumericAnswer {
	let t = text.replace(/\u2212/g, '-');
	// Spaces between digit groups: `1 024`. Only groups of three count as thousands.
	if (/^[+-]?\d{1,3}( \d{3})+([.,]\d+)?$/.test(t)) t = t.replace(/ /g, '');
	if (t.includes(',') && t.includes('.')) {
		if (!/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(t)) {
			return {
				ok: false,
				message: `“${text}” mixes commas and points in a way that is not a number. Write it like 1024.5 or 0.29.`,
			};
		}
		t = t.replace(/,/g, '');
	} else if (t.includes(',')) {
		if (/^[+-]?\d{1,3}(,\d{3}){2,}$/.test(t))
			t = t.replace(/,/g, ''); // 12,345,678: thousands
		else if (/^[+-]?[1-9]\d{0,2},\d{3}$/.test(t)) {
			return {
				ok: false,
				message: `“${text}” could mean ${t.replace(',', '')} or ${t.replace(',', '.')}. Write it without the comma (${t.replace(',', '')}) or with a decimal point (${t.replace(',', '.')}).`,
			};
		} else if (/^[+-]?\d*,\d+$/.test(t))
			t = t.replace(',', '.'); // decimal comma: 0,022 or 1,2
		else
			return {
				ok: false,
				message: `“${text}” is not a number. Write it like 0.29 (a decimal point or comma, no other signs).`,
			};
	}
	if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) {
		return { ok: false, message: `“${text}” is not a number. Write digits with at most one decimal point, like 0.29.` };
	}
	return { ok: true, value: Number(t) };
}

/** Understands a typed answer in `unit` (a question's unit), or says what is expected. */
export function parseNumericAnswer(input: string, unit: string): NumericAnswer {
	const text = input.trim();
	if (text === '') return { ok: false, message: `Type ${plural(unit)}, for example ${example(unit)}.` };
	const m = /^([-+\u2212]?[\d.,]+(?: \d{3})*(?:[.,]\d+)?)\s*(.*)$/.exec(text);
	if (!m)
		return {
			ok: false,
			message: `“${text}” does not start with a number. Type ${plural(unit)}, for example ${example(unit)}.`,
		};
	const [, numberText, unitText] = m;
	const number = readNumber(numberText);
	if (!number.ok) return number;
	if (unitText === '') return number;
	const typed = unitText.trim().replace(/\.$/, '');
	const lower = typed.toLowerCase();
	if (unit === 'MB' || unit === 'KiB' || unit === 'bytes') {
		if (lower === 'kb' || lower === 'gb') {
			return {
				ok: false,
				message: `“${typed}” could be decimal or binary. The runtime’s MB are MiB (1,048,576 bytes): answer in ${unit === 'bytes' ? 'bytes' : unit}, or in KiB, MiB or GiB.`,
			};
		}
	}
	const factors = compatibleUnits(unit);
	// A plain count may be followed by what it counts (`2 goroutines`), but not by a unit.
	const knownUnit = lower in timeUnits || lower in sizeUnits || /^(%|percent|kb|gb)$/.test(lower);
	if (unit === '' && /^\p{L}+$/u.test(typed) && !knownUnit) return number;
	const factor = factors[lower] ?? factors[typed];
	if (factor === undefined || unit === '') {
		const expected =
			unit === ''
				? 'no unit'
				: `${unit}${
						Object.keys(factors).length > 1
							? ` (or ${Object.keys(factors)
									.filter((u) => u !== unit.toLowerCase())
									.slice(0, 3)
									.join(', ')})`
							: ''
					}`;
		return {
			ok: false,
			message: `“${typed}” is not a unit this answer can be given in. Expected ${expected}, for example ${example(unit)}.`,
		};
	}
	return { ok: true, value: number.value * factor };
}

export interface CheckResult {
	correct: boolean;
	/** Set when the response could not be read at all (no choice made, not a number): not an attempt. */
	problem: string | null;
}

/**
 * Checks `response` against `question`: an option id for choice, the field key of the chosen
 * part of the line for spot, the typed text for numeric.
 */
export function checkAnswer(question: Question, response: string | null | undefined): CheckResult {
	if (question.type === 'numeric') {
		const parsed = parseNumericAnswer(response ?? '', question.unit);
		if (!parsed.ok) return { correct: false, problem: parsed.message };
		const distance = Math.abs(parsed.value - question.answer);
		// A hair of slack for binary floating point (0.1 + 0.2).
		return { correct: distance <= question.tolerance + 1e-9 * Math.max(1, Math.abs(question.answer)), problem: null };
	}
	if (!response) {
		return {
			correct: false,
			problem:
				question.type === 'choice'
					? 'Choose one of the answers first.'
					: 'Choose the part of the line that answers the question first.',
		};
	}
	if (question.type === 'choice') {
		if (!question.options.some((o) => o.id === response))
			return { correct: false, problem: 'That is not one of the answers.' };
		return { correct: response === question.answer, problem: null };
	}
	return { correct: response === question.answer, problem: null };
}
