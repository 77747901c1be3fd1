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
import { parseLine } from './parse.ts';
import { lineForms, traceKinds } from './types.ts';
import type { Era, LineForm, LineKind, ParsedLine } from './types.ts';
import { intersectEras } from './era.ts';

/** A parsed line of a log: its 1-based number and the scheddetail dump it belongs to. */
export type LogLine = ParsedLine & {
	lineNo: number;
	/** The line number of the dump's `SCHED` header, for a dump's header and P/M/G lines. */
	dump: number | null;
};

/** A problem of one line of a log. */
export interface LogProblem {
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

/** Creates a streaming log parser that calls `onLine` for each line as it completes. */
export function createLogParser(onLine?: (line: LogLine) => void): LogParser {
	let pending = ''; // the unfinished last line
	let lineNo = 0;
	let dump: number | null = null; // the header line of the dump in progress
	let bytes = 0;
	let highSurrogateAtEnd = false; // the previous chunk ended inside a surrogate pair
	let era: Era | null = null;
	let problemCount = 0;
	let unknownTokenCount = 0;
	let dumps = 0;
	let elapsed: TimeSpan | null = null;
	let sinceStart: TimeSpan | null = null;
	const problems: LogProblem[] = [];
	const procs = new Set<number>();
	const kinds = Object.fromEntries([...traceKinds, 'other'].map((k) => [k, 0])) as Record<
		LineKind,
		number
	>;
	const forms = Object.fromEntries(lineForms.map((f) => [f, 0])) as Record<LineForm, number>;

	function handle(text: string): void {
		if (text.charCodeAt(text.length - 1) === CR) text = text.slice(0, -1);
		lineNo++;
		const parsed = parseLine(text);
		kinds[parsed.kind]++;
		forms[parsed.form]++;
		let lineDump: number | null = null;
		if (parsed.kind === 'schedtrace') {
			dump = parsed.form === 'sched-detail-header' ? lineNo : null;
			if (dump !== null) dumps++;
			lineDump = dump;
		} else if (parsed.kind === 'scheddetail') lineDump = dump;
		// Parsers share era values, so an unchanged era skips the intersection.
		if (parsed.era !== null && parsed.era !== era) {
			era = era === null ? parsed.era : intersectEras(era, parsed.era);
		}
		if (parsed.problem !== null) {
			problemCount++;
			if (problems.length < maxStoredProblems) {
				problems.push({ line: lineNo, ...parsed.problem });
			}
		}
		const tokens = parsed.tokens;
		for (let i = 0; i < tokens.length; i++) if (tokens[i].key === null) unknownTokenCount++;
		// Only these two kinds print GOMAXPROCS and a time; other lines skip the key lookups.
		if (parsed.kind === 'schedtrace' || parsed.kind === 'gctrace') {
			for (let i = 0; i < tokens.length; i++) {
				const { key, value } = tokens[i];
				if (key === 'schedtrace/gomaxprocs' || key === 'gctrace/procs') {
					procs.add(value as number);
				} else if (key === 'schedtrace/elapsed') elapsed = extend(elapsed, value as number);
				else if (key === 'gctrace/since-start') sinceStart = extend(sinceStart, value as number);
			}
		}
		if (onLine !== undefined) {
			onLine({
				text: parsed.text,
				kind: parsed.kind,
				form: parsed.form,
				era: parsed.era,
				tokens: parsed.tokens,
				problem: parsed.problem,
				lineNo,
				dump: lineDump,
			});
		}
	}

	return {
		push(chunk: string): void {
			if (chunk === '') return;
			bytes += utf8Length(chunk, highSurrogateAtEnd);
			highSurrogateAtEnd = isHighSurrogate(chunk.charCodeAt(chunk.length - 1));
			let start = 0;
			let nl = chunk.indexOf(NEWLINE);
			if (nl >= 0 && pending !== '') {
				// The first newline completes the line carried over from earlier chunks.
				handle(pending + chunk.slice(0, nl));
				pending = '';
				start = nl + 1;
				nl = chunk.indexOf(NEWLINE, start);
			}
			while (nl >= 0) {
				handle(chunk.slice(start, nl));
				start = nl + 1;
				nl = chunk.indexOf(NEWLINE, start);
			}
			if (start < chunk.length) pending += chunk.slice(start);
		},
		end(): LogSummary {
			if (pending !== '') handle(pending);
			pending = '';
			return {
				lineCount: lineNo,
				bytes,
				kindCounts: { ...kinds },
				formCounts: { ...forms },
				era,
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

function isHighSurrogate(c: number): boolean {
	return c >= 0xd800 && c <= 0xdbff;
}

// Runs of non-ASCII code units: only these add bytes beyond one per code unit.
const NON_ASCII_RUN = /[^\x00-\x7f]+/g;

/**
 * UTF-8 length of `text`: one byte per code unit plus the extra bytes of non-ASCII runs, so
 * mostly-ASCII logs are measured by the regex engine alone. A surrogate pair is 4 bytes and a
 * lone surrogate 3 (as U+FFFD). `afterHigh` says the previous chunk ended with a high
 * surrogate (counted as 3 bytes), so a low surrogate at the start completes that pair.
 */
function utf8Length(text: string, afterHigh: boolean): number {
	let n = text.length;
	NON_ASCII_RUN.lastIndex = 0;
	for (let m = NON_ASCII_RUN.exec(text); m !== null; m = NON_ASCII_RUN.exec(text)) {
		const run = m[0];
		for (let i = 0; i < run.length; i++) {
			const c = run.charCodeAt(i);
			if (c < 0x800) n += 1;
			else if (isHighSurrogate(c) && isLowSurrogate(run.charCodeAt(i + 1))) {
				n += 2;
				i++;
			} else if (!(afterHigh && m.index + i === 0 && isLowSurrogate(c))) n += 2;
		}
	}
	return n;
}

function isLowSurrogate(c: number): boolean {
	return c >= 0xdc00 && c <= 0xdfff;
}
