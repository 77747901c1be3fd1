/**
 * What the GC lab's page says while a run goes (src/components/widgets/lab/): written here once,
 * with the figures the run gives. The lab's settings and their messages are in lab-settings.ts.
 */
import { plural } from './summary.ts';

export interface LabProgress {
	/** Seconds since the program started, as it last reported. */
	seconds: number;
	/** MB the program allocated, as it last reported. */
	allocatedMB: number;
	/** gc cycle lines read so far. */
	cycles: number;
}

const mb = (n: number): string => `${n.toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** GC cycles per 100 MB allocated: what a higher GOGC lowers. Null before anything is allocated. */
function cyclesPer100MB(p: LabProgress): number | null {
	return p.allocatedMB > 0 ? (p.cycles / p.allocatedMB) * 100 : null;
}

export function cyclesPer100MBText(p: LabProgress): string {
	const v = cyclesPer100MB(p);
	return v === null
		? 'nothing allocated yet'
		: `${v.toLocaleString('en', { maximumFractionDigits: 1 })} cycles per 100 MB`;
}

export function labLoadingText(): string {
	return 'Downloading the Go runtime (about 0.8 MB compressed)…';
}

export function labRunningText(go: string, p: LabProgress, seconds: number): string {
	return `Running ${go}: ${p.seconds.toFixed(1)} s of ${seconds} s, ${mb(p.allocatedMB)} allocated, ${plural(p.cycles, 'GC cycle')}.`;
}

export function labEndedText(p: LabProgress, lines: number, code: number): string {
	const how = code === 0 ? 'The run ended' : `The program exited with status ${code}`;
	return `${how} after ${p.seconds.toFixed(1)} s: ${mb(p.allocatedMB)} allocated, ${plural(p.cycles, 'GC cycle')}, ${plural(lines, 'trace line')}.`;
}

export function labStoppedText(p: LabProgress, lines: number): string {
	return `Stopped after ${p.seconds.toFixed(1)} s: ${mb(p.allocatedMB)} allocated, ${plural(p.cycles, 'GC cycle')}, ${plural(lines, 'trace line')}.`;
}

export function labTimedOutText(seconds: number): string {
	return `The program did not finish within ${seconds} s, so the lab stopped it. The lines so far are kept.`;
}

export function labFailedText(message: string): string {
	return `The lab could not run: ${message}. Check the connection and try again; the lab needs a browser with WebAssembly.`;
}
