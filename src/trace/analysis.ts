/**
 * The one analysis of a log that every front end (the CLI, the analyzer's worker, /explain/)
 * runs: the log parser's summary, the findings, the distributions and the series, from one pass
 * over the lines.
 * The series are the core's full ones unless a front end brings its own collector (the
 * analyzer's thinned, bounded ones) or none (the CLI, which draws no charts): the summary and
 * findings and distributions are bounded, so only the full series grow with the log.
 * Line numbers are the log parser's: every line counts, blank lines included, from 1.
 *
 * Lifecycle: `createLogAnalysis(options)` → `push(chunk)` any number of times → `end()` once.
 */
import { createFindingsCollector, type Finding } from './findings.ts';
import { createLogParser, type LogLine, type LogSummary } from './log.ts';
import { createSeriesCollector, type LogSeries } from './series.ts';
import { createStatsCollector, type LogStats } from './stats.ts';

/** Everything a front end shows about a log. Structured-cloneable (a worker can post it). */
export interface LogAnalysis<Series = LogSeries> {
	summary: LogSummary;
	findings: Finding[];
	/** Pause and cycle percentiles, the GC's CPU share, heaps, assists, run queues. */
	stats: LogStats;
	series: Series;
}

/** Collects series from every line, for `result` at the end. */
export interface LineCollector<Series> {
	add(line: LogLine): void;
	result(): Series;
}

export interface LogAnalysisOptions<Series = LogSeries> {
	/** Called with each parsed line, in order, for front ends that show lines or tokens. */
	onLine?: (line: LogLine) => void;
	/** The series' collector: the core's full one when absent, none when null. */
	series?: LineCollector<Series> | null;
}

/** A streaming log analysis: push text in chunks, then end it for the result. */
export interface LogAnalyzer<Series = LogSeries> {
	/** Analyses every line the chunk completes; keeps the unfinished end for the next chunk. */
	push(chunk: string): void;
	/** Analyses the last line, if the text did not end with a newline, and returns the result. */
	end(): LogAnalysis<Series>;
}

export function createLogAnalysis(options?: Omit<LogAnalysisOptions, 'series'>): LogAnalyzer;
export function createLogAnalysis<Series>(
	options: LogAnalysisOptions<Series> & { series: LineCollector<Series> },
): LogAnalyzer<Series>;
export function createLogAnalysis(options: LogAnalysisOptions<unknown> & { series: null }): LogAnalyzer<null>;
export function createLogAnalysis(options: LogAnalysisOptions<unknown> = {}): LogAnalyzer<unknown> {
	const findings = createFindingsCollector();
	const stats = createStatsCollector();
	const series = options.series === undefined ? createSeriesCollector() : options.series;
	const onLine = options.onLine;
	const parser = createLogParser((line) => {
		findings.add(line);
		stats.add(line);
		series?.add(line);
		onLine?.(line);
	});
	return {
		push: (chunk) => parser.push(chunk),
		end() {
			const summary = parser.end();
			return { summary, findings: findings.result(), stats: stats.result(), series: series ? series.result() : null };
		},
	};
}

/** Analyses a whole log held in a string. */
export function analyzeLog(text: string, options: Omit<LogAnalysisOptions, 'series'> = {}): LogAnalysis {
	const analysis = createLogAnalysis(options);
	analysis.push(text);
	return analysis.end();
}
