/**
 * Streaming log parsing: a whole stderr capture, pushed in chunks of any size, parsed line by
 * line with `parseLine`.
 *
 * Lifecycle: `createLogParser(onLine)` → `push(chunk)` any number of times → `end()` once.
 * Each line is handed to `onLine` as soon as its newline arrives (the last line at `end()`, if
 * the text does not end with a newline), numbered from 1, with a trailing `\r` dropped. The
 * parser keeps only the unfinished line and the running summary, never the parsed lines, so a
 * 200 MB log needs memory for its longest line, not for its lines.
 *
 * Dumps: a scheddetail dump is a `SCHED` header (form `sched-detail-header`) followed by its P,
 * M and G lines. Program output and other traces may be interleaved on stderr, so a dump lasts
 * until the next `SCHED` line; its lines carry the header's line number as `dump`.
 */
import { eraOfBits } from './era-bits.ts';
import { scanLine } from './parse.ts';
import { LineScanner } from './scanner.ts';
import { lineForms, traceKinds } from './types.ts';
import type { Era, LineForm, LineKind, ParsedLine } from './types.ts';

/** A parsed line of a log: its 1-based number and the scheddetail dump it belongs to. */
export type LogLine = ParsedLine & {
	lineNo: number;
	/** The line number of the dump's `SCHED` header, for a dump's header and P/M/G lines. */
	dump: number | null;
};

/** A problem of one line of a log. */
interface LogProblem {
	line: number;
	column: number;
	message: string;
}

/** The first and last value of a time field in a log, in the field's unit. */
export interface TimeSpan {
	first: number;
	last: number;
}

/** What a whole log contained, without its lines. */
export interface LogSummary {
	/** Lines read, including a final line without a newline. */
	lineCount: number;
	/** UTF-8 bytes read, line terminators included. */
	bytes: number;
	/** Lines per kind, every kind present (0 when absent), `other` included. */
	kindCounts: Record<LineKind, number>;
	/** Lines per form, every form present. */
	formCounts: Record<LineForm, number>;
	/** Releases that match every trace line; empty when they disagree, `null` with no trace lines. */
	era: Era | null;
	/** The first `maxStoredProblems` problems, in line order. */
	problems: LogProblem[];
	/** All problems, stored or not. */
	problemCount: number;
	/** Tokens the parsers did not recognise (`key: null`), over all lines. */
	unknownTokenCount: number;
	/** GOMAXPROCS values seen (schedtrace `gomaxprocs=` and gctrace `# P`), ascending. */
	gomaxprocs: number[];
	/** First and last `SCHED Nms` (milliseconds), or `null` without schedtrace lines. */
	schedtraceElapsed: TimeSpan | null;
	/** First and last gctrace `@#s` (seconds), or `null` without gctrace lines. */
	gctraceSinceStart: TimeSpan | null;
	/** scheddetail dumps (their `SCHED` headers). */
	dumps: number;
}

/** How many problems a summary keeps; `problemCount` counts the rest. */
export const maxStoredProblems = 1000;

/** A streaming log parser: push text in chunks, then end it for the summary. */
export interface LogParser {
	/** Parses every line the chunk completes; keeps the unfinished end for the next chunk. */
	push(chunk: string): void;
	/** Parses the last line, if the text did not end with a newline, and returns the summary. */
	end(): LogSummary;
}

const NEWLINE = '\n';
const CR = 13;

/**
 * Creates a streaming log parser that calls `onLine` for each line as it completes.
 *
 * Each line is scanned into one reused `LineScanner`; the summary reads the scanner's compact
 * token store, and `Token` objects are built only when there is an `onLine` to receive them.
 */
export function createLogParser(onLine?: (line: LogLine) => void): LogParser {
	const scanner = new LineScanner();
	// Without an `onLine`, the summary alone reads the scanner.
	scanner.tokensRead = onLine !== undefined;
	let pending = ''; // the unfinished last line
	let lineNo = 0;
	let dump: number | null = null; // the header line of the dump in progress
	let bytes = 0;
	let traceLines = 0;
	let eraBits = 0; // the releases every trace line so far allows (once traceLines > 0)
	let problemCount = 0;
	let unknownTokenCount = 0;
	let dumps = 0;
	let elapsed: TimeSpan | null = null;
	let sinceStart: TimeSpan | null = null;
	const problems: LogProblem[] = [];
	const procs = new Set<number>();
	let lastProcs = Number.NaN; // the value added last, NaN (never equal) before the first
	// Counts by index (see KINDS, FORMS): a property per kind would make `counts[kind]++` a
	// megamorphic keyed access, several times slower than a Map lookup and an array index.
	const kindCounts = KINDS.map(() => 0);
	const formCounts = FORMS.map(() => 0);
	let lastForm: LineForm | null = null;
	let lastFormIndex = 0;
	let lastKindIndex = 0;

	/**
	 * Parses the line `source[start, end)`, read in place; `source[end]` is its newline (or the
	 * `\n` `handleText` appends). Counts the line's bytes, not its newline's.
	 */
	function handle(source: string, start: number, end: number): void {
		// A CR before the newline is dropped from the line (it then ends the scanner's reads).
		if (end > start && source.charCodeAt(end - 1) === CR) {
			end--;
			bytes++;
		}
		lineNo++;
		const s = scanner;
		s.reset(source, start, end);
		scanLine(s);
		// Per line, after the parse: most lines are then known to be ASCII without reading them.
		bytes += s.utf8Length();
		const kind = s.kind;
		// Runs of lines share a form (a dump's G lines): look its index up only when it changes.
		if (s.form !== lastForm) {
			lastForm = s.form;
			lastFormIndex = FORM_INDEX.get(lastForm)!;
			lastKindIndex = KIND_INDEX.get(kind)!;
		}
		kindCounts[lastKindIndex]++;
		formCounts[lastFormIndex]++;
		let lineDump: number | null = null;
		if (kind === 'schedtrace') {
			dump = s.form === 'sched-detail-header' ? lineNo : null;
			if (dump !== null) dumps++;
			lineDump = dump;
		} else if (kind === 'scheddetail') lineDump = dump;
		if (kind !== 'other') {
			eraBits = traceLines === 0 ? s.eraBits : eraBits & s.eraBits;
			traceLines++;
		}
		if (s.problem !== null) {
			problemCount++;
			if (problems.length < maxStoredProblems) {
				problems.push({ line: lineNo, ...s.problem });
			}
		}
		unknownTokenCount += s.unknownCount;
		// Only these two kinds print GOMAXPROCS and a time (each at most once a line); the
		// searches start from the end nearer to where the line prints the field.
		if (kind === 'gctrace') {
			const time = s.indexOfKey('gctrace/since-start');
			if (time >= 0) sinceStart = extend(sinceStart, s.numberValue(time));
			addProcs(s.lastIndexOfKey('gctrace/procs'));
		} else if (kind === 'schedtrace') {
			const time = s.indexOfKey('schedtrace/elapsed');
			if (time >= 0) elapsed = extend(elapsed, s.numberValue(time));
			addProcs(s.indexOfKey('schedtrace/gomaxprocs'));
		}
		if (onLine !== undefined) {
			onLine({
				text: s.lineText(),
				kind,
				form: s.form,
				era: s.era(),
				tokens: s.tokenList(),
				problem: s.problem,
				lineNo,
				dump: lineDump,
			});
		}
	}

	/** Adds the GOMAXPROCS value of token `i` (if there is one, `i >= 0`) to `procs`. */
	function addProcs(i: number): void {
		if (i < 0) return;
		const value = scanner.numberValue(i);
		// Consecutive lines mostly repeat the value: skip the hashing then.
		if (value !== lastProcs) procs.add(value);
		lastProcs = value;
	}

	/** Parses a line that is a string of its own (it spanned chunks, or ends the text). */
	function handleText(text: string): void {
		handle(`${text}\n`, 0, text.length);
	}

	return {
		push(chunk: string): void {
			if (chunk === '') return;
			let start = 0;
			let nl = chunk.indexOf(NEWLINE);
			if (nl >= 0 && pending !== '') {
				// The first newline completes the line carried over from earlier chunks (a
				// surrogate pair split between chunks is whole again in it).
				handleText(pending + chunk.slice(0, nl));
				bytes++;
				pending = '';
				start = nl + 1;
				nl = chunk.indexOf(NEWLINE, start);
			}
			while (nl >= 0) {
				handle(chunk, start, nl);
				bytes++;
				start = nl + 1;
				nl = chunk.indexOf(NEWLINE, start);
			}
			if (start < chunk.length) pending += chunk.slice(start);
			scanner.release();
		},
		end(): LogSummary {
			if (pending !== '') handleText(pending);
			pending = '';
			return {
				lineCount: lineNo,
				bytes,
				kindCounts: countsByName(KINDS, kindCounts),
				formCounts: countsByName(FORMS, formCounts),
				era: traceLines === 0 ? null : copyEra(eraOfBits(eraBits)),
				problems: problems.slice(),
				problemCount,
				unknownTokenCount,
				gomaxprocs: [...procs].sort((a, b) => a - b),
				// Copies: the parser keeps extending its own spans if more text is pushed.
				schedtraceElapsed: elapsed === null ? null : { ...elapsed },
				gctraceSinceStart: sinceStart === null ? null : { ...sinceStart },
				dumps,
			};
		},
	};
}

const KINDS: readonly LineKind[] = [...traceKinds, 'other'];
const FORMS: readonly LineForm[] = lineForms;
const KIND_INDEX = new Map(KINDS.map((kind, i) => [kind, i]));
const FORM_INDEX = new Map(FORMS.map((form, i) => [form, i]));

function countsByName<T extends string>(names: readonly T[], counts: number[]): Record<T, number> {
	return Object.fromEntries(names.map((name, i) => [name, counts[i]])) as Record<T, number>;
}

/** A fresh, unfrozen copy: the caller owns the summary. */
function copyEra(era: Era): Era {
	return era.map(({ from, to }) => ({ from, to }));
}

/** Parses a whole log at once: `createLogParser(onLine)`, one `push`, then `end`. */
export function parseLog(text: string, onLine?: (line: LogLine) => void): LogSummary {
	const parser = createLogParser(onLine);
	parser.push(text);
	return parser.end();
}

function extend(span: TimeSpan | null, value: number): TimeSpan {
	if (span === null) return { first: value, last: value };
	span.last = value;
	return span;
}
