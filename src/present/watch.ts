/**
 * The words of `explain --watch`: the running summary the terminal shows on one line, and what
 * the live analyzer page says about the program it watches. Written once for the CLI and the page.
 */
import { findingRules, type LogAnalysis } from '../trace/index.ts';
import { figureText, msText } from './stats.ts';
import { plural } from './summary.ts';

/** The GODEBUG settings a watch adds when none are given: the collector's and the scheduler's lines. */
export const defaultWatchSettings = 'gctrace=1,schedtrace=1000';

/**
 * The program's environment value of GODEBUG: the one it already had, then the watch's settings.
 * The runtime reads GODEBUG left to right, a later setting of a key replacing an earlier one, so
 * the watch's settings win and the others stay.
 */
export function godebugWith(existing: string | undefined, settings: string): string {
	const own = settings.trim();
	if (!existing?.trim()) return own;
	return own ? `${existing},${own}` : existing;
}

/**
 * What is wrong with a `--godebug` value, or null when it is a list of `key=value` settings
 * (`gctrace=1,schedtrace=1000`), as the runtime reads them.
 */
export function godebugProblem(settings: string): string | null {
	if (settings.trim() === '') return 'is empty; give settings such as gctrace=1,schedtrace=1000';
	for (const setting of settings.split(',')) {
		if (!/^[a-z0-9]+=[^\s,=]+$/i.test(setting))
			return `has "${setting}", which is not a key=value setting; give settings such as gctrace=1,schedtrace=1000`;
	}
	return null;
}

/** Where the watched output stands: still arriving, or the program's end. */
export type WatchState =
	{ running: true } | { running: false; exitCode: number | null; signal: string | null; source: 'program' | 'input' };

/** How the program or the input ended, as a clause: `the program exited with status 0`. */
export function endedText(state: WatchState): string {
	if (state.running) return 'the program is running';
	if (state.source === 'input') return 'the input ended';
	if (state.signal) return `the program was stopped by ${state.signal}`;
	return `the program exited with status ${state.exitCode ?? 'unknown'}`;
}

/**
 * The running summary on one line: lines read, then what the log shows so far (GC cycles and
 * their pauses, the run queue, findings by title). `width` cuts it to fit the terminal.
 */
export function watchSummaryText(analysis: Omit<LogAnalysis, 'series'> | null, width = 100): string {
	if (analysis === null) return cut('watching: no lines yet', width);
	const { summary, stats, findings } = analysis;
	const parts = [plural(summary.lineCount, 'line')];
	const { gc, sched } = stats;
	if (gc.cycles > 0) {
		let text = plural(gc.cycles, 'GC cycle');
		if (gc.pauseMs) text += `, pause p95 ${msText(gc.pauseMs.p95)}`;
		if (gc.cpuPercent !== null) text += `, GC CPU ${figureText(gc.cpuPercent)}%`;
		parts.push(text);
	}
	if (sched.runnable) parts.push(`run queue max ${figureText(sched.runnable.max)}`);
	if (summary.problemCount > 0) parts.push(plural(summary.problemCount, 'problem'));
	if (findings.length > 0) {
		const titles = findings.map((f) => findingRules.find((r) => r.kind === f.kind)?.title ?? f.kind);
		parts.push(`${plural(findings.length, 'finding')}: ${titles.join('; ')}`);
	}
	return cut(parts.join(' · '), width);
}

function cut(text: string, width: number): string {
	return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** The analyzer page's status while it watches. */
export function liveStatusText(lineCount: number, state: WatchState): string {
	const lines = plural(lineCount, 'line');
	if (state.running) return `Watching live: ${lines} so far. The charts and findings update as lines arrive.`;
	return `Watched ${lines}; ${endedText(state)}, so this analysis is final.`;
}
