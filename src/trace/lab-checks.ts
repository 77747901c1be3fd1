/**
 * The answer keys of the lessons' "try it" experiments (the GC lab run inline): each question is
 * answered from the lines the reader's own run printed, so its key is worked out here from those
 * lines, never typed by an author. `labRunFacts` reads one run's lines; `labAnswerKeys` turns the
 * runs of an experiment into one key per question; `checkLabAnswer` checks a reader's answer.
 * The questions' words are in src/present/lab-experiments.ts.
 */
import { fieldNumber } from './derived.ts';
import { findFindings, type FindingKind } from './findings.ts';
import { parseLine } from './parse.ts';
import { parseNumericAnswer } from './quiz/answers.ts';

/** The experiments, in lesson order. */
export const labExperimentIds = ['reading-gctrace', 'gogc-doubled', 'memlimit-under-live', 'leak'] as const;
export type LabExperimentId = (typeof labExperimentIds)[number];

/** One gc line of a run, as the questions read it. */
export interface LabCycle {
	/** 1-based line number in the run's lines. */
	lineNo: number;
	/** The line as printed. */
	line: string;
	cycle: number;
	/** Seconds since the program started. */
	seconds: number;
	/** Percent of the CPU the collector has used since the program started. */
	cpuPercent: number;
	liveMB: number;
	goalMB: number;
	/** The cycle's wall-clock phases added up, ms. */
	wallMs: number;
}

/** What one run's lines say, for the questions. */
export interface LabRunFacts {
	/** gc lines read. */
	cycles: number;
	first: LabCycle | null;
	last: LabCycle | null;
	/** The last cycle's number over its time since start: cycles per second. */
	cyclesPerSecond: number | null;
	/** Median, over consecutive cycles, of the time from one cycle's end to the next one's start, ms. */
	medianRestMs: number | null;
	/** Median wall-clock length of a cycle, ms. */
	medianCycleMs: number | null;
	/** The analyzer's findings on these lines. */
	findings: FindingKind[];
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function readCycle(line: string, lineNo: number): LabCycle | null {
	const parsed = parseLine(line);
	if (parsed.kind !== 'gctrace' || parsed.problem) return null;
	const cycle = fieldNumber(parsed, 'gctrace/cycle');
	const seconds = fieldNumber(parsed, 'gctrace/since-start');
	const cpuPercent = fieldNumber(parsed, 'gctrace/gc-cpu-percent');
	const liveMB = fieldNumber(parsed, 'gctrace/heap-live');
	const goalMB = fieldNumber(parsed, 'gctrace/heap-goal');
	if (
		cycle === undefined ||
		seconds === undefined ||
		cpuPercent === undefined ||
		liveMB === undefined ||
		goalMB === undefined
	) {
		return null;
	}
	let wallMs = 0;
	for (const t of parsed.tokens) {
		if (t.key?.startsWith('gctrace/wall-') && typeof t.value === 'number') wallMs += t.value;
	}
	return { lineNo, line, cycle, seconds, cpuPercent, liveMB, goalMB, wallMs };
}

/** Reads one run's lines (the program's standard error, in order). */
export function labRunFacts(lines: readonly string[]): LabRunFacts {
	const cycles: LabCycle[] = [];
	lines.forEach((line, i) => {
		const cycle = readCycle(line, i + 1);
		if (cycle) cycles.push(cycle);
	});
	const rests: number[] = [];
	for (let i = 1; i < cycles.length; i++) {
		const before = cycles[i - 1]!;
		// The time since start is printed to the ms: a rest of 0 or ±1 ms is "none".
		rests.push(Math.max(0, (cycles[i]!.seconds - before.seconds) * 1000 - before.wallMs));
	}
	const last = cycles.at(-1) ?? null;
	return {
		cycles: cycles.length,
		first: cycles[0] ?? null,
		last,
		cyclesPerSecond: last && last.seconds > 0 ? last.cycle / last.seconds : null,
		medianRestMs: median(rests),
		medianCycleMs: median(cycles.map((c) => c.wallMs)),
		findings: findFindings(lines.length > 0 ? `${lines.join('\n')}\n` : '').map((f) => f.kind),
	};
}

/** A question's key: a number read from the lines, or the option the lines make right. */
export type LabAnswerKey =
	{ type: 'numeric'; answer: number; unit: string; tolerance: number } | { type: 'choice'; answer: string };

/** Why a run's lines cannot answer the questions. */
export type LabShortfall = 'no-cycles' | 'few-cycles';

/** Fewer gc lines than this and a run says too little to compare rates or rests. */
export const labMinCycles = 3;

/** How far apart two runs' cycle rates must be to count as "fewer" or "more" (a ratio). */
const rateChange = 0.8;

/** The options of each choice question, by experiment and question id. */
export const labChoiceOptions = {
	'cycles-per-second': ['fewer', 'about-the-same', 'more'],
	'heap-goal': ['higher', 'the-same', 'lower'],
	rest: ['back-to-back', 'rests'],
	finding: ['yes', 'no'],
} as const;

export type LabAnswerKeys = { ok: true; keys: Record<string, LabAnswerKey> } | { ok: false; shortfall: LabShortfall };

const exact = (answer: number, unit: string): LabAnswerKey => ({ type: 'numeric', answer, unit, tolerance: 0 });

/**
 * Each question's key from the experiment's runs, in the order the experiment runs them
 * (`gogc-doubled`: GOGC=100, then GOGC=200).
 */
export function labAnswerKeys(experiment: LabExperimentId, runs: readonly LabRunFacts[]): LabAnswerKeys {
	if (runs.length === 0 || runs.some((r) => r.cycles === 0)) return { ok: false, shortfall: 'no-cycles' };
	if (runs.some((r) => r.cycles < labMinCycles)) return { ok: false, shortfall: 'few-cycles' };
	const [a, b] = runs as [LabRunFacts, LabRunFacts | undefined];
	const last = a.last!;
	switch (experiment) {
		case 'reading-gctrace':
			return { ok: true, keys: { 'last-start': exact(last.seconds, 's'), 'last-goal': exact(last.goalMB, 'MB') } };
		case 'gogc-doubled': {
			if (!b) return { ok: false, shortfall: 'no-cycles' };
			const ratio = b.cyclesPerSecond! / a.cyclesPerSecond!;
			const rate = ratio <= rateChange ? 'fewer' : ratio >= 1 / rateChange ? 'more' : 'about-the-same';
			const goalA = a.last!.goalMB;
			const goalB = b.last!.goalMB;
			const goal = goalB > goalA ? 'higher' : goalB < goalA ? 'lower' : 'the-same';
			return {
				ok: true,
				keys: { 'cycles-per-second': { type: 'choice', answer: rate }, 'heap-goal': { type: 'choice', answer: goal } },
			};
		}
		case 'memlimit-under-live': {
			const rest = a.medianRestMs! < a.medianCycleMs! ? 'back-to-back' : 'rests';
			return {
				ok: true,
				keys: { rest: { type: 'choice', answer: rest }, 'gc-cpu': exact(last.cpuPercent, '%') },
			};
		}
		case 'leak':
			return {
				ok: true,
				keys: {
					'live-growth': exact(last.liveMB - a.first!.liveMB, 'MB'),
					finding: { type: 'choice', answer: a.findings.includes('heap-growth') ? 'yes' : 'no' },
				},
			};
	}
}

export type LabCheck = { correct: boolean; problem: string | null };

/** Checks a reader's answer (typed text, or the option chosen) against its key. */
export function checkLabAnswer(key: LabAnswerKey, response: string | null | undefined): LabCheck {
	if (key.type === 'choice') {
		if (!response) return { correct: false, problem: 'Choose one of the answers first.' };
		return { correct: response === key.answer, problem: null };
	}
	const parsed = parseNumericAnswer(response ?? '', key.unit);
	if (!parsed.ok) return { correct: false, problem: parsed.message };
	return { correct: Math.abs(parsed.value - key.answer) <= key.tolerance + 1e-9, problem: null };
}
