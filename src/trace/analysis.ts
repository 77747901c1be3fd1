/**
 * The one analysis of a log that every front end (the CLI, the analyzer's worker, /explain/)
 * runs: the log parser's summary, the findings and the series, from one pass over the lines.
 * Line numbers are the log parser's: every line counts, blank lines included, from 1.
 *
 * Lifecycle: `createLogAnalysis(options)` → `push(chunk)` any number of times → `end()` once.
 */
import { createFindingsCollector, type Finding } from './findings.ts';
import { createLogParser, type LogLine, type LogSummary } from './log.ts';
import { createSeriesCollector, type LogSeries } from './series.ts';

/** Everything a front end shows about a log. Structured-cloneable (a worker can post it). */
export interface LogAnalysis {
	summary: LogSummary;
	findings: Finding[];
	series: LogSeries;
}

export interface LogAnalysisOptions {
	/** Called with each parsed line, in order, for front ends that show lines or tokens. */
	onLine?: (line: LogLine) => void;
}

/** A streaming log analysis: push text in chunks, then end it for the result. */
export interface LogAnalyzer {
	/** Analyses every line the chunk completes; keeps the unfinished end for the next chunk. */
	push(chunk: string): void;
	/** Analyses the last line, if the text did not end with a newline, and returns the result. */
	end(): LogAnalysis;
}

export function createLogAnalysis(options: LogAnalysisOptions = {}): LogAnalyzer {
	const findings = createFindingsCollector();
	const series = createSeriesCollector();
	const onLine = options.onLine;
	const parser = createLogParser((line) => {
		findings.add(line);
		series.add(line);
		onLine?.(line);
	});
	return {
		push: (chunk) => parser.push(chunk),
		end() {
			const summary = parser.end();
			return { summary, findings: findings.result(), series: series.result() };
		},
	};
}

/** Analyses a whole log held in a string. */
export function analyzeLog(text: string, options: LogAnalysisOptions = {}): LogAnalysis {
	const analysis = createLogAnalysis(options);
	analysis.push(text);
	return analysis.end();
}
