/** Words for the analyzer's summary, kept DOM-free so they can be tested. */
import { describeEra, formatEra, type Era, type TimeSpan } from '../../trace/index.ts';

/** What the expected input is, said wherever input is refused. */
export const expectedInput =
	'Expected: the GODEBUG output a Go program writes to standard error, for example the file ' +
	'written by GODEBUG=gctrace=1 ./app 2> trace.log, with lines such as "gc 1 @0.012s 2%: …" or ' +
	'"SCHED 1000ms: gomaxprocs=2 …".';

export function eraText(era: Era | null): string {
	if (era === null) return 'No trace lines, so no release.';
	if (era.length === 0) {
		return 'The lines disagree: no single Go release prints every one of them in these shapes. The log may mix output from programs built with different Go releases.';
	}
	return `${describeEra(era)} (${formatEra(era)}): every trace line is printed in this shape by these releases.`;
}

export function seconds(value: number): string {
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

/** Why a log with no trace line was refused; `what` names the input ("the pasted text"). */
export function noTraceText(lineCount: number, what: string): string {
	const lines =
		lineCount === 1
			? `the one line in ${what} is not`
			: `none of the ${plural(lineCount, 'line')} in ${what} is`;
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
