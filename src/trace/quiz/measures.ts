/**
 * Values a reader works out from one trace line, for numeric questions. Every value is computed
 * from `parseLine` tokens, so an answer key is never typed by hand.
 *
 * Tolerance: the runtime prints every number truncated to a fixed precision (gctrace times by
 * `fmtNSAsMS`, two significant digits and at most three decimals; heap sizes as whole MiB; counts
 * exactly). An answer is accepted when it is within half a unit of the coarsest printed digit
 * among the numbers it is worked out from: a reader who rounds a sum to the precision the line
 * gives is right, and a count must be exact.
 *
 * A time that `fmtNSAsMS` prints as a bare `0` is under 1 µs, so it counts as three decimals.
 *
 * The named measures are the derived quantities of `derived.ts` (which fields, summed or
 * subtracted); this file adds the tolerance and the working shown to the reader.
 */
import { getField } from '../catalogue.ts';
import { fieldToken, heapFreed, runnableGoroutines, stwCpu, stwWall, type FieldCombination } from '../derived.ts';
import { parseLine } from '../parse.ts';
import type { FieldKey, ParsedLine, Token } from '../types.ts';

/** The closed list of named measures (plus `field:<key>` for one printed number). */
const measureNames = ['stw-wall-ms', 'stw-cpu-ms', 'heap-freed-mb', 'runnable-goroutines'] as const;
export type MeasureName = (typeof measureNames)[number] | `field:${FieldKey}`;

interface Measure {
	value: number;
	/** The unit the answer is asked in: `ms`, `MB`, `s`, `µs`, `%`, `KiB`, `bytes`, `goroutines`, or `` for a plain count. */
	unit: string;
	/** Largest accepted distance from `value` (inclusive). */
	tolerance: number;
	/** The fields the value is worked out from, in the order the sum or difference uses them. */
	fields: FieldKey[];
	/** How the value follows from the printed numbers, e.g. `0.022 + 0.27 = 0.292`. */
	working: string;
}

export type MeasureResult = { ok: true; measure: Measure } | { ok: false; message: string };

const catalogueUnits: Record<string, string> = {
	ms: 'ms',
	MB: 'MB',
	s: 's',
	us: 'µs',
	percent: '%',
	KiB: 'KiB',
	bytes: 'bytes',
	count: '',
};

/** Decimals printed in a number's text (`0.022` → 3, `12` → 0). */
function decimalsOf(text: string): number {
	const dot = text.indexOf('.');
	return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * The decimals a printed number is exact to. `fmtNSAsMS` prints anything under 1 µs as a bare
 * `0`, so that `0` is exact to 0.001 ms, not to a whole ms.
 */
function precisionOf(token: Token): number {
	if (token.text === '0' && token.key && getField(token.key)?.precision?.startsWith('fmtNSAsMS')) return 3;
	return decimalsOf(token.text);
}

/** Half a unit of the last printed digit of the coarsest term; 0 for exact counts. */
function toleranceOf(tokens: Token[], exact: boolean): number {
	if (exact) return 0;
	const coarsest = Math.min(...tokens.map(precisionOf));
	return 0.5 * 10 ** -coarsest;
}

function round(value: number, decimals: number): number {
	return Number(value.toFixed(decimals));
}

function tokenOf(parsed: ParsedLine, key: FieldKey): Token | undefined {
	const token = fieldToken(parsed, key);
	return typeof token?.value === 'number' ? token : undefined;
}

function need(parsed: ParsedLine, keys: FieldKey[], what: string): Token[] | string {
	const found = keys.map((k) => tokenOf(parsed, k));
	const missing = keys.filter((_, i) => !found[i]);
	if (missing.length === 0) return found as Token[];
	return `${what} needs ${missing.map((k) => `“${getField(k)?.label ?? k}”`).join(' and ')}, which this line does not print: ${parsed.text}`;
}

function sumOf(tokens: Token[], unit: string, exact: boolean, sign: 1 | -1 = 1): Measure {
	const decimals = Math.max(...tokens.map((t) => decimalsOf(t.text)));
	const values = tokens.map((t) => t.value as number);
	const raw = values.slice(1).reduce((acc, v) => acc + sign * v, values[0]);
	const value = round(raw, decimals);
	const op = sign === 1 ? ' + ' : ' − ';
	return {
		value,
		unit,
		tolerance: toleranceOf(tokens, exact),
		fields: tokens.map((t) => t.key!),
		working: `${tokens.map((t) => t.text).join(op)} = ${value}`,
	};
}

function pair(parsed: ParsedLine, q: FieldCombination, what: string, unit: string): MeasureResult {
	const tokens = need(parsed, [...q.fields], what);
	if (typeof tokens === 'string') return { ok: false, message: tokens };
	return { ok: true, measure: sumOf(tokens, unit, false, q.sign) };
}

function runnable(parsed: ParsedLine): MeasureResult {
	const global = tokenOf(parsed, 'schedtrace/runqueue');
	const local = fieldToken(parsed, 'schedtrace/local-runqueues');
	if (!global || !local || !Array.isArray(local.value)) {
		return {
			ok: false,
			message: `runnable-goroutines needs a schedtrace line with runqueue= and the bracket of local run queues (scheddetail prints no bracket): ${parsed.text}`,
		};
	}
	const locals = local.value as readonly number[];
	const value = runnableGoroutines({ runqueue: global.value as number, local: locals });
	return {
		ok: true,
		measure: {
			value,
			unit: 'goroutines',
			tolerance: 0,
			fields: ['schedtrace/runqueue', 'schedtrace/local-runqueues'],
			working: `${[global.value, ...locals].join(' + ')} = ${value}`,
		},
	};
}

function oneField(parsed: ParsedLine, key: string): MeasureResult {
	const field = getField(key);
	if (!field) return { ok: false, message: `field:${key}: no such field key in the catalogue` };
	const unit = catalogueUnits[field.unit];
	if (unit === undefined) {
		return { ok: false, message: `field:${key} prints a ${field.unit}, not a number a reader could be asked for` };
	}
	const token = tokenOf(parsed, field.key);
	if (!token) return { ok: false, message: `field:${key}: this line does not print “${field.label}”: ${parsed.text}` };
	return {
		ok: true,
		measure: {
			value: token.value as number,
			unit,
			tolerance: toleranceOf([token], field.unit === 'count'),
			fields: [field.key],
			working: `the line prints ${token.text}`,
		},
	};
}

/** Works out `name` from `line`, or says why this line cannot give it. */
export function measure(name: string, line: string | ParsedLine): MeasureResult {
	const parsed = typeof line === 'string' ? parseLine(line) : line;
	if (parsed.problem)
		return { ok: false, message: `the line does not parse (${parsed.problem.message}): ${parsed.text}` };
	switch (name) {
		case 'stw-wall-ms':
			return pair(parsed, stwWall, name, 'ms');
		case 'stw-cpu-ms':
			return pair(parsed, stwCpu, name, 'ms');
		case 'heap-freed-mb':
			return pair(parsed, heapFreed, name, 'MB');
		case 'runnable-goroutines':
			return runnable(parsed);
	}
	if (name.startsWith('field:')) return oneField(parsed, name.slice('field:'.length));
	return {
		ok: false,
		message: `unknown measure “${name}”; expected one of ${measureNames.join(', ')} or field:<key>`,
	};
}
