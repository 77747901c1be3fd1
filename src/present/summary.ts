/**
 * The words a reader sees about a whole log (its release, the time it covers, its problems and
 * findings), written once for the analyzer, /explain/ and the CLI.
 */
import {
	describeEra,
	findingRules,
	formatEra,
	getField,
	type Era,
	type Finding,
	type LogSummary,
	type TimeSpan,
} from '../trace/index.ts';
import { fieldUrl, lessonUrl } from './urls.ts';

/** What the expected input is, said wherever input is refused. */
export const expectedInput =
	'Expected: the GODEBUG output a Go program writes to standard error, for example the file ' +
	'written by GODEBUG=gctrace=1 ./app 2> trace.log, with lines such as "gc 1 @0.012s 2%: …" or ' +
	'"SCHED 1000ms: gomaxprocs=2 …".';

/** Said when no one Go release prints every line of a log in the shape it has. */
export const eraDisagreementText =
	'The lines disagree: no single Go release prints every one of them in these shapes. ' +
	'The log may mix output from programs built with different Go releases.';

/** Which Go releases print a log's lines as they are; `null` when it has no trace line. */
export function eraText(era: Era | null): string {
	if (era === null) return 'No trace lines, so no release.';
	if (era.length === 0) return eraDisagreementText;
	return `${describeEra(era)} (${formatEra(era)}): every trace line is printed in this shape by these releases.`;
}

function seconds(value: number): string {
	if (value >= 100) return `${Math.round(value)} s`;
	return `${Number(value.toPrecision(3))} s`;
}

export function elapsedText(span: TimeSpan | null): string | null {
	if (span === null) return null;
	// The runtime's schedtrace sets its clock on its first call (proc.go, starttime).
	return `schedtrace: SCHED ${span.first}ms to ${span.last}ms, counted from the first schedtrace line, not from the program’s start (${seconds((span.last - span.first) / 1000)} of trace)`;
}

export function sinceStartText(span: TimeSpan | null): string | null {
	if (span === null) return null;
	return `gctrace: cycles from @${span.first}s to @${span.last}s after the program started (${seconds(span.last - span.first)} of trace)`;
}

/** The stretch of time a log's schedtrace and gctrace lines cover. */
export function timeCoveredText(summary: Pick<LogSummary, 'schedtraceElapsed' | 'gctraceSinceStart'>): string {
	const times = [elapsedText(summary.schedtraceElapsed), sinceStartText(summary.gctraceSinceStart)].filter(
		(t) => t !== null,
	);
	return times.length ? times.join('; ') : 'No schedtrace or gctrace lines, so no times.';
}

/** One problem line: `line 3, column 12: expected …` (`Line` to start a sentence). */
export function problemText(p: { line: number; column: number; message: string }, capital = false): string {
	return `${capital ? 'Line' : 'line'} ${p.line}, column ${p.column}: ${p.message}`;
}

/** What a reader is told about one finding: its rule's title and lesson, and this log's figures. */
export interface FindingWords {
	title: string;
	message: string;
	/** The lesson that explains the pattern, under the site's base path. */
	lesson: string;
	/** `Line` or `Lines`, before the listed line numbers. */
	linesLabel: string;
	/** The triggering lines not listed (`3 more lines`), or '' when all are. */
	more: string;
	/** The fields the rule reads, each with its label and page: their meanings live there. */
	fields: { label: string; url: string }[];
}

export function findingWords(finding: Finding, base = '/'): FindingWords {
	const rule = findingRules.find((r) => r.kind === finding.kind);
	const unlisted = finding.lineCount - finding.lines.length;
	return {
		title: rule?.title ?? finding.kind,
		message: finding.message,
		lesson: lessonUrl(rule?.lesson ?? '', base),
		linesLabel: finding.lineCount === 1 ? 'Line' : 'Lines',
		more: unlisted > 0 ? moreLinesText(unlisted) : '',
		fields: (rule?.fields ?? []).map((key) => ({ label: getField(key)?.label ?? key, url: fieldUrl(key, base) })),
	};
}

/** Why a log with no trace line was refused; `what` names the input ("the pasted text"). */
export function noTraceText(lineCount: number, what: string): string {
	const lines =
		lineCount === 1 ? `the one line in ${what} is not` : `none of the ${plural(lineCount, 'line')} in ${what} is`;
	return `No trace lines: ${lines} Go runtime trace output. ${expectedInput}`;
}

export function bytesText(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The lines of a finding not listed: "1 more line", "3 more lines". */
export function moreLinesText(n: number): string {
	return plural(n, 'more line');
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
