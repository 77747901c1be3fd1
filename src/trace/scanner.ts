/**
 * A cursor over one line that the per-format parsers drive. Each method reads one printed
 * piece at the cursor and either stores a token (for fields) or records the first problem:
 * a 1-based column and what was expected there. After a problem every method returns
 * `false`, so a parser can chain calls and check `ok` once; `complete()` then turns whatever
 * was not read into one unrecognised token, so the tokens still cover the line in order.
 *
 * Speed matters here (a log can be hundreds of MB), which shapes three choices:
 * - The line is read in place, as `source[lineStart, lineEnd)`: a log's lines are scanned
 *   inside their chunk, without a string per line. Offsets while scanning (`pos`, `start(i)`)
 *   are offsets into `source`; `Token`s and problems get line-relative columns.
 * - The code unit at `lineEnd` is always a line terminator (the log's `\n` or `\r`, or a `\n`
 *   appended to a line of its own), and no read goes past it: it stops every digit, word and
 *   space check, so reads never fall off the string (V8 makes an out-of-bounds `charCodeAt`
 *   site slow for the rest of the process).
 * - Tokens are stored column-wise in reused typed arrays (offsets, key, numeric value), not as
 *   objects: a log parsed only for its summary allocates nothing per token. `tokenList()` and
 *   `toParsedLine()` build the public `Token` objects when someone will look at them.
 */
import { eraOfBits } from './era-bits.ts';
import type { Era, FieldKey, FieldValue, LineForm, LineKind, ParsedLine, Problem, Token } from './types.ts';

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const LOWER_E = 101;

function isDigit(c: number): boolean {
	return c >= DIGIT_0 && c <= DIGIT_9;
}

/** `\w` or `.`: what may not follow a float. */
function isWordOrDot(c: number): boolean {
	return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === DOT;
}

/** How a runtime float was printed: `+2.500000e-001` (Go ≤1.25) or shortest form (Go 1.26+). */
export type FloatNotation = 'runtime-exponent' | 'shortest';

/**
 * Options of `LineScanner.number`: `SIGNED`, `DECIMALS` or none. Every options object has
 * both fields, so reading them stays a single-shape property load.
 */
export interface NumberOptions {
	/** A leading `-` is allowed. */
	readonly signed: boolean;
	/** An optional fraction such as `.022` is allowed. */
	readonly decimals: boolean;
}

/** `number` reads a leading `-`. */
export const SIGNED: NumberOptions = Object.freeze({ signed: true, decimals: false });
/** `number` reads an optional fraction such as `.022`. */
export const DECIMALS: NumberOptions = Object.freeze({ signed: false, decimals: true });

// What a stored token's value is.
const NO_VALUE = 0; // unrecognised text, or a token without a value
const NUMBER = 1; // in `numbers`
const TEXT = 2; // the token's own text (a string field), sliced only when materialized
const OTHER = 3; // in `others`: null, a boolean or a list

// Exact powers of ten: an integer of at most 53 bits times or divided by one of these is
// rounded once, exactly as `Number(text)` rounds (the classic fast path for decimal input).
const POW10 = [
	1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
	1e21, 1e22,
];

// The float reader looks at no more than this many characters (the runtime prints at most 24).
const FLOAT_WINDOW = 40;

const INITIAL_CAPACITY = 64;

export class LineScanner {
	/** The text the line is in: a chunk of a log, or the line plus a `\n`. */
	source = '\n';
	/** The line is `source[lineStart, lineEnd)`. */
	lineStart = 0;
	lineEnd = 0;
	/** The cursor, an offset into `source`. */
	pos = 0;
	problem: Problem | null = null;

	/** The line's kind, form and era (as bits), set by `complete()` or `other()`. */
	kind: LineKind = 'other';
	form: LineForm = 'other';
	eraBits = 0;

	/** Tokens stored so far. */
	count = 0;
	/** Stored tokens with `key: null`. */
	unknownCount = 0;
	/**
	 * UTF-8 bytes beyond one per code unit in what was read so far of a line without a
	 * problem: string and unrecognised tokens and `wideLiteral`s (all else read is ASCII).
	 */
	extraBytes = 0;
	/**
	 * Whether anything reads the stored tokens once the line is parsed (a `ParsedLine`, a log's
	 * `onLine`). When not, only the summary is read, and a parser may skip storing tokens
	 * nobody reads (the usual G line, most of a big log: `scanUsualGLine`).
	 */
	tokensRead = true;
	private starts = new Int32Array(INITIAL_CAPACITY);
	private ends = new Int32Array(INITIAL_CAPACITY);
	private tags = new Uint8Array(INITIAL_CAPACITY);
	private numbers = new Float64Array(INITIAL_CAPACITY);
	private keys: (FieldKey | null)[] = new Array<FieldKey | null>(INITIAL_CAPACITY).fill(null);
	private others: FieldValue[] = new Array<FieldValue>(INITIAL_CAPACITY).fill(null);
	/** What `plainFloatEnd` read last. */
	private plainValue = 0;
	private plainNotation: FloatNotation = 'shortest';

	/**
	 * Starts over on the line `source[start, end)`. The code unit at `end` must be a line
	 * terminator (`\n` or `\r`): it is what stops reads at the end of the line.
	 */
	reset(source: string, start: number, end: number): void {
		this.source = source;
		this.lineStart = start;
		this.lineEnd = end;
		this.pos = start;
		this.problem = null;
		this.count = 0;
		this.unknownCount = 0;
		this.extraBytes = 0;
		this.kind = 'other';
		this.form = 'other';
		this.eraBits = 0;
	}

	/** Lets go of the source (a log chunk can be large) until the next `reset`. */
	release(): void {
		this.reset('\n', 0, 0);
	}

	/** Starts over on `line`, a string of its own (without its line terminator). */
	resetLine(line: string): void {
		this.reset(`${line}\n`, 0, line.length);
	}

	get ok(): boolean {
		return this.problem === null;
	}

	get atEnd(): boolean {
		return this.pos >= this.lineEnd;
	}

	/** The line, as a string. */
	lineText(): string {
		return this.source.slice(this.lineStart, this.lineEnd);
	}

	/** Moves the cursor `n` code units on (past text a dispatcher has already checked). */
	skip(n: number): void {
		this.pos += n;
	}

	/** Records a problem at `at` (default: the cursor) unless one is already recorded. */
	fail(message: string, at: number = this.pos): false {
		if (this.problem === null) this.problem = { column: at - this.lineStart + 1, message };
		return false;
	}

	/** Appends a token for `[start, end)` (offsets into `source`). */
	push(key: FieldKey | null, start: number, end: number, value?: FieldValue): void {
		const i = this.slot(key, start, end);
		if (typeof value === 'number') this.setNumber(i, value);
		else if (value !== undefined) {
			this.tags[i] = OTHER;
			this.others[i] = value;
		}
	}

	/** Appends a number token for `[start, end)`, text a format's own reading has checked. */
	pushNumber(key: FieldKey, start: number, end: number, value: number): void {
		this.setNumber(this.slot(key, start, end), value);
	}

	/** Appends a string token for `[start, end)`: its value is its text. */
	pushText(key: FieldKey, start: number, end: number): void {
		this.tags[this.slot(key, start, end)] = TEXT;
		this.extraBytes += utf8Extra(this.source, start, end);
	}

	/** Counts the UTF-8 bytes of text read without storing it as a token (see `tokensRead`). */
	countTextBytes(start: number, end: number): void {
		this.extraBytes += utf8Extra(this.source, start, end);
	}

	/** Whether `text` is at the cursor (does not move). */
	startsWith(text: string): boolean {
		return this.source.startsWith(text, this.pos);
	}

	/** Whether the line is exactly `text`. */
	lineIs(text: string): boolean {
		return this.lineEnd - this.lineStart === text.length && this.source.startsWith(text, this.lineStart);
	}

	/**
	 * Whether the line ends at `at` inside `text`: what is left of the line is a non-empty
	 * start of `text`, so the line was cut off there.
	 */
	isCutOff(at: number, text: string): boolean {
		const rest = this.lineEnd - at;
		return rest > 0 && rest < text.length && text.startsWith(this.source.slice(at, this.lineEnd));
	}

	/** Reads exactly `text`; `what` names it in the problem message (defaults to the text). */
	literal(text: string, what?: string): boolean {
		if (this.problem === null && this.source.startsWith(text, this.pos)) {
			this.pos += text.length;
			return true;
		}
		return this.expected(what, text);
	}

	/**
	 * `literal` for text with non-ASCII characters (every other literal is ASCII), counting
	 * its extra UTF-8 bytes for `utf8Length`.
	 */
	wideLiteral(text: string, what: string): boolean {
		const read = this.literal(text, what);
		if (read) this.extraBytes += utf8Extra(text, 0, text.length);
		return read;
	}

	/** Reads `text` if it is at the cursor; returns whether it was. Never records a problem. */
	optional(text: string): boolean {
		if (this.problem === null && this.source.startsWith(text, this.pos)) {
			this.pos += text.length;
			return true;
		}
		return false;
	}

	/**
	 * Reads ` marker` (one space, then `marker`) as a `true` token. A marker cut off by the
	 * end of the line is a problem ("expected marker after `after`"); any other text is left
	 * for `finish()` as unrecognised. Returns whether the marker was read.
	 */
	marker(key: FieldKey, marker: string, after: string): boolean {
		if (this.problem !== null || this.source.charCodeAt(this.pos) !== 32) return false;
		const start = this.pos + 1;
		if (this.source.startsWith(marker, start)) {
			this.push(key, start, start + marker.length, true);
			this.pos = start + marker.length;
			return true;
		}
		if (this.isCutOff(start, marker)) {
			this.pos = start;
			this.expected(`"${marker}" after ${after}`);
		}
		return false;
	}

	/**
	 * Reads an integer (`-` allowed when `signed`) and, when `decimals` is set, an optional
	 * fraction such as `0.022`. Appends a token for `key` with the numeric value.
	 */
	number(key: FieldKey, what: string, opts?: NumberOptions): boolean {
		if (this.problem !== null) return false;
		// The value is built while scanning, with no slice and no Number(). The options are
		// looked at only when a `-` or `.` is there to decide on.
		const source = this.source;
		const start = this.pos;
		let i = start;
		let c = source.charCodeAt(i);
		const negative = c === MINUS && opts !== undefined && opts.signed;
		if (negative) c = source.charCodeAt(++i);
		if (!isDigit(c)) return this.expected(what);
		let n = 0;
		do {
			n = n * 10 + (c - DIGIT_0);
			c = source.charCodeAt(++i);
		} while (isDigit(c));
		let magnitude = n;
		if (c === DOT && opts !== undefined && opts.decimals && isDigit(source.charCodeAt(i + 1))) {
			let scale = 1;
			c = source.charCodeAt(++i);
			do {
				n = n * 10 + (c - DIGIT_0);
				scale *= 10;
				c = source.charCodeAt(++i);
			} while (isDigit(c));
			// Two exact integers divide with one rounding, as Number(text) rounds; others use it.
			magnitude = n <= Number.MAX_SAFE_INTEGER && scale <= 1e15 ? n / scale : this.parsed(start, i);
		} else if (n > Number.MAX_SAFE_INTEGER) magnitude = this.parsed(start, i);
		this.setNumber(this.slot(key, start, i), negative ? -magnitude : magnitude);
		this.pos = i;
		return true;
	}

	/** Reads an integer, or `nil`/`-1` meaning "none" (value `null`); returns the notation seen. */
	idOrNil(key: FieldKey, what: string): 'nil' | 'minus-one' | 'id' | false {
		if (this.problem !== null) return false;
		const start = this.pos;
		if (this.source.startsWith('nil', start)) {
			this.push(key, start, start + 3, null);
			this.pos += 3;
			return 'nil';
		}
		const end = this.scanInteger(start, true);
		if (end < 0) return this.expected(`${what} or nil`);
		const n = this.integerValue(start, end);
		this.push(key, start, end, n === -1 ? null : n);
		this.pos = end;
		return n === -1 ? 'minus-one' : 'id';
	}

	/** Reads a flag printed `true`/`false` (Go 1.5+) or `0`/`1` (C runtime, or integer fields). */
	flag(key: FieldKey, what: string): 'word' | 'digit' | false {
		if (this.problem !== null) return false;
		const source = this.source;
		const start = this.pos;
		const c = source.charCodeAt(start);
		let end = -1;
		let value = false;
		let notation: 'word' | 'digit' = 'word';
		if (c === 116 /* t */ && source.startsWith('true', start)) {
			end = start + 4;
			value = true;
		} else if (c === 102 /* f */ && source.startsWith('false', start)) {
			end = start + 5;
		} else if (c === 48 /* 0 */ || c === 49 /* 1 */) {
			end = start + 1;
			value = c === 49;
			notation = 'digit';
		}
		if (end >= 0 && !this.isWordChar(end)) {
			this.push(key, start, end, value);
			this.pos = end;
			return notation;
		}
		return this.expected(`${what} (true, false, 0 or 1)`);
	}

	/**
	 * Reads a float as the runtime prints it: `+2.500000e-001` through Go 1.25, the shortest
	 * form (`0.25`, `1.234567e+06`, `NaN`, `+Inf`) from Go 1.26. Returns the notation.
	 */
	float(key: FieldKey, what: string): FloatNotation | false {
		if (this.problem !== null) return false;
		const start = this.pos;
		const limit = Math.min(this.lineEnd, start + FLOAT_WINDOW);
		// The usual float, digits in either notation, is read and valued in one pass; NaN, ±Inf
		// and text that is no float take the checks below.
		const plainEnd = this.plainFloatEnd(start, limit);
		if (plainEnd >= 0) {
			this.setNumber(this.slot(key, start, plainEnd), this.plainValue);
			this.pos = plainEnd;
			return this.plainNotation;
		}
		let end = this.runtimeFloatEnd(start, limit);
		let notation: FloatNotation = 'runtime-exponent';
		if (end < 0) {
			notation = 'shortest';
			end = this.shortestFloatEnd(start, limit);
			if (end < 0) return this.expected(`${what}, a decimal number`);
		}
		this.setNumber(this.slot(key, start, end), this.floatValue(start, end));
		this.pos = end;
		return notation;
	}

	/**
	 * Reads text up to (not including) the next `stop`, as a string value. A value printed
	 * empty (`preemptoff= locks=`) is still a token: zero-width, at the cursor, value `""`.
	 */
	textUntil(key: FieldKey, stop: string, what: string): boolean {
		if (this.problem !== null) return false;
		const end = this.indexInLine(stop, this.pos);
		if (end < 0) return this.fail(`expected ${what} followed by "${stop}"`);
		this.tags[this.slot(key, this.pos, end)] = TEXT;
		this.extraBytes += utf8Extra(this.source, this.pos, end);
		this.pos = end;
		return true;
	}

	/**
	 * Reads a bracket list of integers: `[1 2 3]` or, with `spaced`, `[ 1 2 3 ]`. The token
	 * spans the brackets; its value is the array.
	 */
	bracketList(key: FieldKey, what: string, spaced: boolean): readonly number[] | false {
		if (this.problem !== null) return false;
		const start = this.pos;
		if (!this.literal(spaced ? '[ ' : '[', `"${spaced ? '[ ' : '['}" opening ${what}`)) return false;
		const values: number[] = [];
		for (;;) {
			const end = this.scanInteger(this.pos, false);
			if (end < 0) return this.expected(`a number in ${what}`);
			values.push(this.integerValue(this.pos, end));
			this.pos = end;
			const c = this.source.charCodeAt(this.pos);
			if (spaced) {
				// `[ 1 2 ]`: every number is followed by a space.
				if (c !== 32) return this.expected(`a space after the number in ${what}`);
				this.pos++;
				if (this.source.charCodeAt(this.pos) === 93) break;
			} else {
				if (c === 93) break;
				if (c !== 32) return this.expected(`a space or "]" in ${what}`);
				this.pos++;
			}
		}
		this.pos++; // the closing bracket
		this.push(key, start, this.pos, values);
		return values;
	}

	/** Ends the parse: unread text becomes one unrecognised token (`key: null`, never empty). */
	finish(): void {
		if (this.pos < this.lineEnd) {
			this.slot(null, this.pos, this.lineEnd);
			this.extraBytes += utf8Extra(this.source, this.pos, this.lineEnd);
		}
		this.pos = this.lineEnd;
	}

	/** Ends the parse of a trace line (see `finish`) and records what the line is. */
	complete(kind: LineKind, form: LineForm, eraBits: number): void {
		this.finish();
		this.kind = kind;
		this.form = form;
		this.eraBits = eraBits;
	}

	/** Records that the line is not runtime trace output: no tokens, era or problem. */
	other(): void {
		this.count = 0;
		this.unknownCount = 0;
		this.problem = null;
		this.kind = 'other';
		this.form = 'other';
	}

	/** ` but found "…"` (or ` but the line ends`) for problem messages. */
	found(): string {
		if (this.pos >= this.lineEnd) return ' but the line ends there';
		const rest = this.source.slice(this.pos, Math.min(this.pos + 12, this.lineEnd));
		return ` but found "${rest}${this.lineEnd - this.pos > 12 ? '…' : ''}"`;
	}

	// Reading stored tokens, by index from 0 to `count - 1`.

	key(i: number): FieldKey | null {
		return this.keys[i];
	}

	/** The index of the first token with `key`, or -1. */
	indexOfKey(key: FieldKey): number {
		for (let i = 0; i < this.count; i++) if (this.keys[i] === key) return i;
		return -1;
	}

	/** The index of the last token with `key`, or -1. */
	lastIndexOfKey(key: FieldKey): number {
		for (let i = this.count - 1; i >= 0; i--) if (this.keys[i] === key) return i;
		return -1;
	}

	/** Where the token starts, as an offset into `source`. */
	start(i: number): number {
		return this.starts[i];
	}

	/** Where the token ends, as an offset into `source`. */
	end(i: number): number {
		return this.ends[i];
	}

	/** The token's value, `undefined` when it has none. */
	value(i: number): FieldValue | undefined {
		switch (this.tags[i]) {
			case NUMBER:
				return this.numbers[i];
			case TEXT:
				return this.source.slice(this.starts[i], this.ends[i]);
			case OTHER:
				return this.others[i];
			default:
				return undefined;
		}
	}

	/** The numeric value of a number, float or id token (NaN for `null` and non-numbers). */
	numberValue(i: number): number {
		return this.tags[i] === NUMBER ? this.numbers[i] : Number.NaN;
	}

	/** Whether the token's text is `text`, without slicing it. */
	textIs(i: number, text: string): boolean {
		const start = this.starts[i];
		return this.ends[i] - start === text.length && this.source.startsWith(text, start);
	}

	/** The stored tokens as `Token` objects (offsets relative to the line). */
	tokenList(): Token[] {
		// Sized once: the count is known, so the array never grows token by token.
		const count = this.count;
		const tokens = new Array<Token>(count);
		const lineStart = this.lineStart;
		for (let i = 0; i < count; i++) {
			const start = this.starts[i];
			const end = this.ends[i];
			const text = this.source.slice(start, end);
			const key = this.keys[i];
			const tag = this.tags[i];
			// Each shape built whole, rather than `value` added afterwards (a slower map transition).
			if (tag === NO_VALUE) tokens[i] = { start: start - lineStart, end: end - lineStart, text, key };
			else {
				const value = tag === NUMBER ? this.numbers[i] : tag === TEXT ? text : this.others[i];
				tokens[i] = { start: start - lineStart, end: end - lineStart, text, key, value };
			}
		}
		return tokens;
	}

	/**
	 * The line's length in UTF-8 bytes (its terminator not included). A trace line read
	 * without a problem is ASCII but for its string and unrecognised tokens and the
	 * `wideLiteral`s, whose extra bytes were counted as they were read (the characters a
	 * parser compares are ASCII); any other line is read here.
	 */
	utf8Length(): number {
		const start = this.lineStart;
		const end = this.lineEnd;
		if (this.kind === 'other' || this.problem !== null) return end - start + utf8Extra(this.source, start, end);
		return end - start + this.extraBytes;
	}

	/** The line's era; `null` for a line that is not trace output. */
	era(): Era | null {
		return this.kind === 'other' ? null : eraOfBits(this.eraBits);
	}

	/** The parse as a `ParsedLine`, tokens materialized; `text` is the line. */
	toParsedLine(text: string = this.lineText()): ParsedLine {
		return {
			text,
			kind: this.kind,
			form: this.form,
			era: this.era(),
			tokens: this.tokenList(),
			problem: this.problem,
		};
	}

	/**
	 * Records the problem "expected `what` (or the quoted `text`) but found …". Problems are
	 * rare: keeping their message building out of the hot methods keeps those small enough
	 * for the compiler to inline.
	 */
	private expected(what: string | undefined, text?: string): false {
		if (this.problem !== null) return false;
		return this.fail(`expected ${what ?? `"${text}"`}${this.found()}`);
	}

	/** `Number()` of the unsigned number text in `[start, end)` (after a `-`, if any). */
	private parsed(start: number, end: number): number {
		const from = this.source.charCodeAt(start) === MINUS ? start + 1 : start;
		return Number(this.source.slice(from, end));
	}

	private slot(key: FieldKey | null, start: number, end: number): number {
		const i = this.count;
		if (i === this.starts.length) this.grow();
		this.starts[i] = start;
		this.ends[i] = end;
		this.keys[i] = key;
		this.tags[i] = NO_VALUE;
		if (key === null) this.unknownCount++;
		this.count = i + 1;
		return i;
	}

	private setNumber(i: number, value: number): void {
		this.tags[i] = NUMBER;
		this.numbers[i] = value;
	}

	private grow(): void {
		const capacity = this.starts.length * 2;
		const grown = <T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T => {
			to.set(from);
			return to;
		};
		this.starts = grown(this.starts, new Int32Array(capacity));
		this.ends = grown(this.ends, new Int32Array(capacity));
		this.tags = grown(this.tags, new Uint8Array(capacity));
		this.numbers = grown(this.numbers, new Float64Array(capacity));
		for (let i = this.keys.length; i < capacity; i++) {
			this.keys.push(null);
			this.others.push(null);
		}
	}

	/** Offset of the first `text` inside the line at or after `from`, or -1. */
	private indexInLine(text: string, from: number): number {
		// Not `source.indexOf`: in a chunk that would search on into the following lines.
		const source = this.source;
		const first = text.charCodeAt(0);
		const last = this.lineEnd - text.length;
		for (let i = from; i <= last; i++) {
			if (source.charCodeAt(i) === first && source.startsWith(text, i)) return i;
		}
		return -1;
	}

	private isWordChar(i: number): boolean {
		const c = this.source.charCodeAt(i);
		return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
	}

	/** End offset of an integer (with a `-` when `signed`) at `i`, or -1. */
	private scanInteger(i: number, signed: boolean): number {
		const source = this.source;
		if (signed && source.charCodeAt(i) === MINUS) i++;
		const digitsStart = i;
		while (isDigit(source.charCodeAt(i))) i++;
		return i === digitsStart ? -1 : i;
	}

	/** The integer printed in `[start, end)`: digits, maybe after a `-`. */
	private integerValue(start: number, end: number): number {
		const source = this.source;
		const negative = source.charCodeAt(start) === MINUS;
		const from = negative ? start + 1 : start;
		let n = 0;
		for (let i = from; i < end; i++) n = n * 10 + (source.charCodeAt(i) - DIGIT_0);
		if (n > Number.MAX_SAFE_INTEGER) n = Number(source.slice(from, end));
		return negative ? -n : n;
	}

	/**
	 * End of a float printed with digits at `start` (within `limit`), in the runtime notation
	 * or the shortest form, then no word character or dot; or -1 for anything else. Leaves
	 * its value (as `floatValue` gives it) in `plainValue` and its notation in `plainNotation`.
	 */
	private plainFloatEnd(start: number, limit: number): number {
		let i = start;
		let c = this.floatChar(i, limit);
		const sign = c;
		if (c === PLUS || c === MINUS) c = this.floatChar(++i, limit);
		if (!isDigit(c)) return -1;
		const integerStart = i;
		let mantissa = 0;
		do {
			mantissa = mantissa * 10 + (c - DIGIT_0);
			c = this.floatChar(++i, limit);
		} while (isDigit(c));
		const integerDigits = i - integerStart;
		let fractionDigits = 0;
		if (c === DOT && isDigit(this.floatChar(i + 1, limit))) {
			const fractionStart = ++i;
			c = this.floatChar(i, limit);
			do {
				mantissa = mantissa * 10 + (c - DIGIT_0);
				c = this.floatChar(++i, limit);
			} while (isDigit(c));
			fractionDigits = i - fractionStart;
		}
		let exponent = -fractionDigits;
		let exponentDigits = 0;
		if (c === LOWER_E) {
			const exponentSign = this.floatChar(i + 1, limit);
			if ((exponentSign === PLUS || exponentSign === MINUS) && isDigit(this.floatChar(i + 2, limit))) {
				i += 2;
				const exponentStart = i;
				let e = 0;
				c = this.floatChar(i, limit);
				do {
					e = e * 10 + (c - DIGIT_0);
					c = this.floatChar(++i, limit);
				} while (isDigit(c));
				exponentDigits = i - exponentStart;
				exponent += exponentSign === MINUS ? -e : e;
			}
		}
		if (isWordOrDot(c)) return -1;
		// `+2.500000e-001`: a sign, one digit, six decimals and a three-digit exponent.
		const runtime =
			(sign === PLUS || sign === MINUS) && integerDigits === 1 && fractionDigits === 6 && exponentDigits === 3;
		// The shortest form has no `+` before its digits.
		if (!runtime && sign === PLUS) return -1;
		this.plainNotation = runtime ? 'runtime-exponent' : 'shortest';
		if (mantissa > Number.MAX_SAFE_INTEGER || exponent < -22 || exponent > 22) {
			this.plainValue = Number(this.source.slice(sign === PLUS ? start + 1 : start, i));
		} else {
			const value = exponent < 0 ? mantissa / POW10[-exponent] : mantissa * POW10[exponent];
			this.plainValue = sign === MINUS ? -value : value;
		}
		return i;
	}

	/** The code unit at `i` if `i` is before `limit`, else -1 (which no check accepts). */
	private floatChar(i: number, limit: number): number {
		return i < limit ? this.source.charCodeAt(i) : -1;
	}

	/** Offset just past digits at `i` (within `limit`). */
	private floatDigitsEnd(i: number, limit: number): number {
		while (isDigit(this.floatChar(i, limit))) i++;
		return i;
	}

	/**
	 * End of the pre-1.26 runtime notation at `start` (sign, one digit, six decimals, `e`,
	 * sign, three digits, then no word character or dot), or -1.
	 */
	private runtimeFloatEnd(start: number, limit: number): number {
		const c = this.floatChar(start, limit);
		if (c !== PLUS && c !== MINUS) return -1;
		if (!isDigit(this.floatChar(start + 1, limit))) return -1;
		if (this.floatChar(start + 2, limit) !== DOT) return -1;
		if (this.floatDigitsEnd(start + 3, limit) < start + 9) return -1;
		if (this.floatChar(start + 9, limit) !== LOWER_E) return -1;
		const sign = this.floatChar(start + 10, limit);
		if (sign !== PLUS && sign !== MINUS) return -1;
		if (this.floatDigitsEnd(start + 11, limit) < start + 14) return -1;
		return isWordOrDot(this.floatChar(start + 14, limit)) ? -1 : start + 14;
	}

	/**
	 * End of `NaN`, `±Inf` or `-?digits[.digits][e±digits]` at `start`, then no word character
	 * or dot, or -1.
	 */
	private shortestFloatEnd(start: number, limit: number): number {
		const source = this.source;
		const c = this.floatChar(start, limit);
		let i = start;
		if (c === 78 /* N */ && source.startsWith('NaN', start)) i = start + 3;
		else if ((c === PLUS || c === MINUS) && source.startsWith('Inf', start + 1)) i = start + 4;
		else {
			if (c === MINUS) i++;
			const digitsStart = i;
			i = this.floatDigitsEnd(i, limit);
			if (i === digitsStart) return -1;
			if (this.floatChar(i, limit) === DOT && isDigit(this.floatChar(i + 1, limit))) {
				i = this.floatDigitsEnd(i + 2, limit);
			}
			const sign = this.floatChar(i + 1, limit);
			if (
				this.floatChar(i, limit) === LOWER_E &&
				(sign === PLUS || sign === MINUS) &&
				isDigit(this.floatChar(i + 2, limit))
			) {
				i = this.floatDigitsEnd(i + 3, limit);
			}
		}
		return isWordOrDot(this.floatChar(i, limit)) ? -1 : i;
	}

	/**
	 * The value of the float in `[start, end)`: `NaN`, `±Infinity` for the runtime's `±Inf`, or
	 * the number. Digits are accumulated and scaled by an exact power of ten when that rounds
	 * once; otherwise `Number()` decides.
	 */
	private floatValue(start: number, end: number): number {
		const source = this.source;
		const first = source.charCodeAt(start);
		let i = first === PLUS || first === MINUS ? start + 1 : start;
		let c = this.floatChar(i, end);
		if (!isDigit(c)) {
			if (c === 73 /* I */) return first === MINUS ? -Infinity : Infinity;
			return Number.NaN;
		}
		let mantissa = 0;
		let exponent = 0;
		for (; isDigit(c); c = this.floatChar(++i, end)) mantissa = mantissa * 10 + (c - DIGIT_0);
		if (c === DOT) {
			for (c = this.floatChar(++i, end); isDigit(c); c = this.floatChar(++i, end)) {
				mantissa = mantissa * 10 + (c - DIGIT_0);
				exponent--;
			}
		}
		if (c === LOWER_E) {
			const negative = this.floatChar(++i, end) === MINUS;
			let e = 0;
			for (c = this.floatChar(++i, end); isDigit(c); c = this.floatChar(++i, end)) {
				e = e * 10 + (c - DIGIT_0);
			}
			exponent += negative ? -e : e;
		}
		if (mantissa > Number.MAX_SAFE_INTEGER || exponent < -22 || exponent > 22) {
			return Number(source.slice(first === PLUS ? start + 1 : start, end));
		}
		const value = exponent < 0 ? mantissa / POW10[-exponent] : mantissa * POW10[exponent];
		return first === MINUS ? -value : value;
	}
}

function isHighSurrogate(c: number): boolean {
	return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
	return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The UTF-8 bytes of `text[start, end)` beyond one per code unit: 1 for U+0080–U+07FF, 2 for
 * the rest of the BMP and for a surrogate pair (4 bytes for 2 code units), 2 for a lone
 * surrogate (3 bytes, as U+FFFD).
 */
function utf8Extra(text: string, start: number, end: number): number {
	let n = 0;
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) continue;
		if (c < 0x800) n += 1;
		else {
			n += 2;
			if (isHighSurrogate(c) && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1))) i++;
		}
	}
	return n;
}

/** The scanner behind `parseWith`: parsing is synchronous, so one is enough. */
const shared = new LineScanner();

/** Runs `scan` over `text` (one line) and returns the result as a `ParsedLine`. */
export function parseWith(scan: (s: LineScanner) => void, text: string): ParsedLine {
	shared.resetLine(text);
	scan(shared);
	return shared.toParsedLine(text);
}

export { isDigit };
