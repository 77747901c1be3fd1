/**
 * The core's data model: what a parsed trace line is.
 * Every span is a half-open range `[start, end)` of UTF-16 offsets into the original line,
 * and `line.slice(start, end) === text` always holds.
 */

/** Line kinds: which GODEBUG setting printed the line (`other` is not runtime trace output). */
export const traceKinds = [
	'gctrace',
	'schedtrace',
	'scheddetail',
	'gcpacertrace',
	'scavtrace',
	'inittrace',
	'gc-forced',
] as const;
type TraceKind = (typeof traceKinds)[number];
export type LineKind = TraceKind | 'other';

/** Reference formats: the first part of every field key and of `/reference/<format>/`. */
export const traceFormats = ['gctrace', 'schedtrace', 'scheddetail', 'gcpacertrace', 'scavtrace', 'inittrace'] as const;
export type TraceFormat = (typeof traceFormats)[number];

/** Catalogue key, also the reference URL: `gctrace/heap-goal` is `/reference/gctrace/heap-goal/`. */
export type FieldKey = `${TraceFormat}/${string}`;

/**
 * The shape of a line within its kind. A kind can print several different lines
 * (gcpacertrace prints an assist-ratio line, a controller line and a sweep-done line).
 */
export const lineForms = [
	// gctrace
	'gc-cycle', // Go 1.5+: `gc 3 @0.041s 2%: …`
	'gc-cycle-legacy', // Go 1.1–1.4: `gc1(1): …`
	'scan-stats', // Go 1.25+ gctrace=2: `scan: …`
	// gc-forced
	'gc-forced',
	// schedtrace
	'sched', // the one-line summary, with the bracket
	'sched-detail-header', // the SCHED line of a scheddetail dump (no bracket)
	// scheddetail
	'detail-p',
	'detail-m',
	'detail-g',
	// gcpacertrace
	'pacer-assist-ratio',
	'pacer-controller-legacy', // Go 1.5–1.17: `pacer: H_m_prev=…`
	'pacer-controller', // Go 1.18+: `pacer: 27% CPU (25 exp.) for …`
	'pacer-sweep-done',
	// scavtrace
	'scvg-released', // Go 1.2–1.13 under gctrace: `scvg3: 5 MB released`
	'scvg-summary', // Go 1.2–1.13 under gctrace: `scvg3: inuse: …`
	'scvg-gc-forced', // Go 1.2–1.3: `scvg3: GC forced`
	'scav', // Go 1.14+: `scav …`
	// inittrace
	'init',
	// other
	'other',
] as const;
export type LineForm = (typeof lineForms)[number];

/** A parsed value: numbers as printed, arrays for bracket lists, `null` for `nil`/`-1` ids. */
export type FieldValue = number | boolean | string | null | readonly number[];

/** One piece of a trace line. */
export interface Token {
	start: number;
	end: number;
	/** Exactly `line.slice(start, end)`. */
	text: string;
	/** The catalogue field this token prints, or `null` for text the parser does not recognise. */
	key: FieldKey | null;
	/** The parsed value (absent on unrecognised tokens). */
	value?: FieldValue;
}

/** Why a line that looks like runtime output does not parse. */
export interface Problem {
	/** 1-based UTF-16 column where the parser stopped (`start + 1` of the offending text). */
	column: number;
	/** What was expected there, in words a reader can act on. */
	message: string;
}

/** Go releases as minor numbers: `26` is Go 1.26. An era is a set of releases. */
export interface EraRange {
	from: number;
	to: number;
}
/** Sorted, disjoint, non-adjacent ranges of Go minor releases. Empty means "no release matches". */
export type Era = readonly EraRange[];

/** The result of parsing one line. */
export interface ParsedLine {
	/** The line as given, without its line terminator. */
	text: string;
	kind: LineKind;
	form: LineForm;
	/** Releases whose print statements produce this shape; `null` for `other`. */
	era: Era | null;
	/** Field tokens (and unrecognised text) in order; they never overlap. */
	tokens: Token[];
	/** Set when the line looks like runtime output but is truncated or malformed. */
	problem: Problem | null;
}
