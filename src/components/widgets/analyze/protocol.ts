/** Messages between the analyzer page and its worker (every value is structured-cloneable). */
import type { LineKind, LogAnalysis } from '../../../trace/index.ts';
import type { ChartSeries } from './chart-series.ts';

/** Why a log could not be analysed: each has its own message on the page. */
export type BadInput = 'empty' | 'binary' | 'no-trace';

/** The core's analysis of the whole log, as the worker posts it: its series thinned for the charts. */
export type AnalysisResult = Omit<LogAnalysis, 'series'> & { series: ChartSeries };

/** One row of the line browser. */
export interface Row {
	lineNo: number;
	kind: LineKind;
	problem: boolean;
	/** The line's text, cut at `maxRowChars`. */
	text: string;
}

export type ToWorker =
	| { type: 'analyze'; blob: Blob }
	| { type: 'filter'; id: number; kinds: LineKind[]; problemsOnly: boolean }
	| { type: 'rows'; id: number; start: number; count: number }
	| { type: 'locate'; id: number; lineNo: number }
	| { type: 'line'; id: number; lineNo: number };

export type FromWorker =
	| { type: 'progress'; read: number; total: number }
	/** The charts' series of the lines read so far, while the log is read. */
	| { type: 'partial'; series: ChartSeries; read: number; total: number }
	| { type: 'bad'; reason: BadInput; lineCount: number }
	| { type: 'done'; result: AnalysisResult }
	/** The worker hit an exception: `message` says what, and the page shows it; `id` when a request failed. */
	| { type: 'failed'; message: string; id?: number }
	| { type: 'reply'; id: number; value: unknown };

/** Longest row text sent for the list; the selected line is sent up to `maxLineChars`. */
export const maxRowChars = 2000;
export const maxLineChars = 100_000;
