/**
 * A cursor over one line that the per-format parsers drive. Each method reads one printed
 * piece at the cursor and either appends a token (for fields) or records the first problem:
 * a 1-based column and what was expected there. After a problem every method returns
 * `false`, so a parser can chain calls and check `ok` once; `finish()` then turns whatever
 * was not read into one unrecognised token, so the tokens still cover the line in order.
 */
import type { FieldKey, FieldValue, Problem, Token } from './types.ts';

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MINUS = 45;
const DOT = 46;

function isDigit(c: number): boolean {
	return c >= DIGIT_0 && c <= DIGIT_9;
}

/** How a runtime float was printed: `+2.500000e-001` (Go ≤1.25) or shortest form (Go 1.26+). */
export type FloatNotation = 'runtime-exponent' | 'shortest';

export class LineScanner {
	readonly line: string;
	pos = 0;
	readonly tokens: Token[] = [];
	problem: Problem | null = null;

	constructor(line: string) {
		this.line = line;
	}

	get ok(): boolean {
		return this.problem === null;
	}

	get atEnd(): boolean {
		return this.pos >= this.line.length;
	}

	/** Records a problem at `at` (default: the cursor) unless one is already recorded. */
	fail(message: string, at: number = this.pos): false {
		if (this.problem === null) this.problem = { column: at + 1, message };
		return false;
	}

	/** Appends a token for `[start, end)`. */
	push(key: FieldKey | null, start: number, end: number, value?: FieldValue): void {
		const token: Token = { start, end, text: this.line.slice(start, end), key };
		if (value !== undefined) token.value = value;
		this.tokens.push(token);
	}

	/** Whether `text` is at the cursor (does not move). */
	startsWith(text: string): boolean {
		return this.line.startsWith(text, this.pos);
	}

	/** Reads exactly `text`; `what` names it in the problem message (defaults to the text). */
	literal(text: string, what?: string): boolean {
		if (!this.ok) return false;
		if (this.line.startsWith(text, this.pos)) {
			this.pos += text.length;
			return true;
		}
		return this.fail(`expected ${what ?? `"${text}"`}${this.found()}`);
	}

	/** Reads `text` if it is at the cursor; returns whether it was. Never records a problem. */
	optional(text: string): boolean {
		if (this.ok && this.line.startsWith(text, this.pos)) {
			this.pos += text.length;
			return true;
		}
		return false;
	}

	/**
	 * Reads an integer (`-` allowed when `signed`) and, when `decimals` is set, an optional
	 * fraction such as `0.022`. Appends a token for `key` with the numeric value.
	 */
	number(key: FieldKey, what: string, opts: { signed?: boolean; decimals?: boolean } = {}): boolean {
		if (!this.ok) return false;
		// Hot path: the value is built while scanning, with no second slice and no Number().
		const line = this.line;
		const start = this.pos;
		let i = start;
		const negative = opts.signed === true && line.charCodeAt(i) === MINUS;
		if (negative) i++;
		let c = line.charCodeAt(i);
		if (!isDigit(c)) return this.fail(`expected ${what}${this.found()}`);
		let n = 0;
		do {
			n = n * 10 + (c - DIGIT_0);
			c = line.charCodeAt(++i);
		} while (isDigit(c));
		let scale = 1;
		if (opts.decimals === true && c === DOT && isDigit(line.charCodeAt(i + 1))) {
			c = line.charCodeAt(++i);
			do {
				n = n * 10 + (c - DIGIT_0);
				scale *= 10;
				c = line.charCodeAt(++i);
			} while (isDigit(c));
		}
		// Two exact integers divide with one rounding, as Number(text) rounds; others use it.
		const exact = n <= Number.MAX_SAFE_INTEGER && scale <= 1e15;
		const magnitude = exact ? n / scale : Number(line.slice(negative ? start + 1 : start, i));
		const text = line.slice(start, i);
		this.tokens.push({ start, end: i, text, key, value: negative ? -magnitude : magnitude });
		this.pos = i;
		return true;
	}

	/** Reads an integer, or `nil`/`-1` meaning "none" (value `null`); returns the notation seen. */
	idOrNil(key: FieldKey, what: string): 'nil' | 'minus-one' | 'id' | false {
		if (!this.ok) return false;
		const start = this.pos;
		if (this.line.startsWith('nil', start)) {
			this.push(key, start, start + 3, null);
			this.pos += 3;
			return 'nil';
		}
		const end = this.scanNumber(start, true, false);
		if (end < 0) return this.fail(`expected ${what} or nil${this.found()}`);
		const n = Number(this.line.slice(start, end));
		this.push(key, start, end, n === -1 ? null : n);
		this.pos = end;
		return n === -1 ? 'minus-one' : 'id';
	}

	/** Reads a flag printed `true`/`false` (Go 1.5+) or `0`/`1` (C runtime, or integer fields). */
	flag(key: FieldKey, what: string): 'word' | 'digit' | false {
		if (!this.ok) return false;
		const start = this.pos;
		for (const [text, value, notation] of FLAG_WORDS) {
			if (this.line.startsWith(text, start) && !this.isWordChar(start + text.length)) {
				this.push(key, start, start + text.length, value);
				this.pos += text.length;
				return notation;
			}
		}
		return this.fail(`expected ${what} (true, false, 0 or 1)${this.found()}`);
	}

	/**
	 * Reads a float as the runtime prints it: `+2.500000e-001` through Go 1.25, the shortest
	 * form (`0.25`, `1.234567e+06`, `NaN`, `+Inf`) from Go 1.26. Returns the notation.
	 */
	float(key: FieldKey, what: string): FloatNotation | false {
		if (!this.ok) return false;
		const m = FLOAT.exec(this.line.slice(this.pos, this.pos + 40));
		if (!m) return this.fail(`expected ${what}, a decimal number${this.found()}`);
		const text = m[0];
		const value = text === 'NaN' ? Number.NaN : Number(text.replace(/^\+/, ''));
		this.push(key, this.pos, this.pos + text.length, value);
		this.pos += text.length;
		return m[1] !== undefined ? 'runtime-exponent' : 'shortest';
	}

	/** Reads text up to (not including) the next `stop`, as a string value; may be empty. */
	textUntil(key: FieldKey, stop: string, what: string): boolean {
		if (!this.ok) return false;
		const end = this.line.indexOf(stop, this.pos);
		if (end < 0) return this.fail(`expected ${what} followed by "${stop}"`);
		if (end > this.pos) this.push(key, this.pos, end, this.line.slice(this.pos, end));
		this.pos = end;
		return true;
	}

	/**
	 * Reads a bracket list of integers: `[1 2 3]` or, with `spaced`, `[ 1 2 3 ]`. The token
	 * spans the brackets; its value is the array.
	 */
	bracketList(key: FieldKey, what: string, spaced: boolean): readonly number[] | false {
		if (!this.ok) return false;
		const start = this.pos;
		if (!this.literal(spaced ? '[ ' : '[', `"${spaced ? '[ ' : '['}" opening ${what}`)) return false;
		const values: number[] = [];
		for (;;) {
			const end = this.scanNumber(this.pos, false, false);
			if (end < 0) return this.fail(`expected a number in ${what}${this.found()}`);
			values.push(Number(this.line.slice(this.pos, end)));
			this.pos = end;
			const c = this.line.charCodeAt(this.pos);
			if (spaced) {
				// `[ 1 2 ]`: every number is followed by a space.
				if (c !== 32) return this.fail(`expected a space after the number in ${what}${this.found()}`);
				this.pos++;
				if (this.line.charCodeAt(this.pos) === 93) break;
			} else {
				if (c === 93) break;
				if (c !== 32) return this.fail(`expected a space or "]" in ${what}${this.found()}`);
				this.pos++;
			}
		}
		this.pos++; // the closing bracket
		this.push(key, start, this.pos, values);
		return values;
	}

	/**
	 * Ends the parse: unread text becomes one unrecognised token (`key: null`). Returns the
	 * tokens; `problem` stays as recorded.
	 */
	finish(): Token[] {
		if (this.pos < this.line.length) this.push(null, this.pos, this.line.length);
		this.pos = this.line.length;
		return this.tokens;
	}

	/** ` but found "…"` (or ` but the line ends`) for problem messages. */
	found(): string {
		if (this.pos >= this.line.length) return ' but the line ends there';
		const rest = this.line.slice(this.pos, this.pos + 12);
		return ` but found "${rest}${this.line.length - this.pos > 12 ? '…' : ''}"`;
	}

	private isWordChar(i: number): boolean {
		const c = this.line.charCodeAt(i);
		return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
	}

	/** End offset of a number at `i`, or -1. */
	private scanNumber(i: number, signed: boolean, decimals: boolean): number {
		const line = this.line;
		if (signed && line.charCodeAt(i) === MINUS) i++;
		const digitsStart = i;
		while (isDigit(line.charCodeAt(i))) i++;
		if (i === digitsStart) return -1;
		if (decimals && line.charCodeAt(i) === DOT && isDigit(line.charCodeAt(i + 1))) {
			i += 2;
			while (isDigit(line.charCodeAt(i))) i++;
		}
		return i;
	}
}

const FLAG_WORDS = [
	['true', true, 'word'],
	['false', false, 'word'],
	['1', true, 'digit'],
	['0', false, 'digit'],
] as const;

// Group 1 matches only the pre-1.26 runtime notation: sign, 1 digit, 6 decimals, 3-digit exponent.
const FLOAT =
	/^(?:[+-]\d\.\d{6}e[+-]\d{3}()|NaN|[+-]Inf|-?\d+(?:\.\d+)?(?:e[+-]\d+)?)(?![\w.])/;

export { isDigit };
