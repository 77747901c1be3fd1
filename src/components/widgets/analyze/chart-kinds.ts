/**
 * Which charts a log has lines for, and the one sentence saying what would add the others.
 * DOM-free, so node --test covers it.
 */
import type { LogSeries } from '../../../trace/index.ts';

const hasNumber = (values: ArrayLike<number>): boolean => {
	for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) return true;
	return false;
};

/** The GODEBUG settings (or releases) whose lines would add charts this log does not have. */
export function missingChartSources(s: LogSeries): string[] {
	const missing: string[] = [];
	if (s.gc.length === 0 && s.gcUntimed === 0) missing.push('gctrace=1');
	if (s.sched.length === 0) missing.push('schedtrace=1000');
	else if (!s.sched.schedticksPerSecond.some(hasNumber)) missing.push('schedtrace from Go 1.25 or later');
	if (s.pacer.length === 0 && s.pacerUnplaced === 0) missing.push('gcpacertrace=1');
	if (s.scav.length === 0 && s.scvgUncharted === 0) missing.push('scavtrace=1');
	if (s.init.length === 0) missing.push('inittrace=1');
	return missing;
}

/** One short sentence, or '' when every chart has lines. */
export function missingChartsText(s: LogSeries): string {
	const missing = missingChartSources(s);
	if (missing.length === 0) return '';
	const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} or ${missing.at(-1)}`;
	return `Lines from GODEBUG ${list} would add more charts.`;
}

export interface InitBar {
	lineNo: number;
	pkg: string;
	/** Init clock time, ms. */
	clock: number;
}

/** The `n` packages whose init took longest, slowest first (log order among equals). */
export function slowestInits(init: LogSeries['init'], n: number): InitBar[] {
	const bars: InitBar[] = [];
	for (let i = 0; i < init.length; i++) {
		const clock = init.columns.clock[i]!;
		if (!Number.isNaN(clock)) bars.push({ lineNo: init.lineNo[i]!, pkg: init.packages[i]!, clock });
	}
	return bars.sort((a, b) => b.clock - a.clock || a.lineNo - b.lineNo).slice(0, n);
}
