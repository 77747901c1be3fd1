/**
 * The lessons' "try it" experiments: the GC lab run inline with preset settings, and the
 * questions a reader answers from the lines their own run printed. The settings, questions and
 * feedback are written here once; the answer keys come from those lines (src/trace/lab-checks.ts).
 */
import { labMinCycles } from '../trace/index.ts';
import type { LabAnswerKey, LabCheck, LabCycle, LabExperimentId, LabRunFacts, LabShortfall } from '../trace/index.ts';
import { plural } from './summary.ts';
import { defaultLabSettings, type LabSettings } from './lab-settings.ts';

interface LabExperimentRun {
	/** What sets this run apart, as the box names it: `GOGC=100`. */
	label: string;
	settings: LabSettings;
}

interface LabQuestionWords {
	/** The question's id in the answer keys (lab-checks.ts). */
	id: string;
	prompt: string;
	/** Choice questions: the options, ids as the answer keys name them. */
	options?: readonly { id: string; text: string }[];
	/** Numeric questions: the unit asked for, as the quiz writes it (`MB`, `%`, '' for a count). */
	unit?: string;
}

export interface LabExperiment {
	id: LabExperimentId;
	title: string;
	/** What the experiment runs and what to watch, plain text; true whether or not it has run. */
	intro: string;
	runs: readonly LabExperimentRun[];
	questions: readonly LabQuestionWords[];
	/** Why the lines come out as they do, said once the reader has answered. */
	why: string;
}

const run = (label: string, settings: Partial<LabSettings>): LabExperimentRun => ({
	label,
	settings: { ...defaultLabSettings, ...settings },
});

export const labExperiments: Record<LabExperimentId, LabExperiment> = {
	'reading-gctrace': {
		id: 'reading-gctrace',
		title: 'Read your own gctrace',
		intro:
			'Run the lab’s Go program in this page for 5 seconds with the default settings: GOGC=100, no memory ' +
			'limit, 20 MB allocated a second, 4 MB kept live. Then read the last gc line it printed.',
		runs: [run('GOGC=100', { seconds: 5 })],
		questions: [
			{
				id: 'last-start',
				prompt: 'How many seconds after the program started did the cycle of your last gc line begin?',
				unit: 's',
			},
			{ id: 'last-goal', prompt: 'What heap goal does that line print, in MB?', unit: 'MB' },
		],
		why:
			'The @ time is when the cycle began, counted from the program’s start, to the millisecond. With 4 MB live ' +
			'and GOGC=100 the goal is about twice the live heap, plus a little for the stacks and globals.',
	},
	'gogc-doubled': {
		id: 'gogc-doubled',
		title: 'Double GOGC',
		intro:
			'Two runs of the same program, 5 seconds each, allocating 20 MB a second with 8 MB live: first with ' +
			'GOGC=100, then with GOGC=200. For each run, divide the last gc line’s cycle number by its time since ' +
			'start to get cycles per second, and note its heap goal.',
		runs: [run('GOGC=100', { live: 8, seconds: 5 }), run('GOGC=200', { gogc: 200, live: 8, seconds: 5 })],
		questions: [
			{
				id: 'cycles-per-second',
				prompt: 'With GOGC=200, compared with GOGC=100, the collector ran:',
				options: [
					{ id: 'fewer', text: 'fewer cycles a second' },
					{ id: 'about-the-same', text: 'about as many cycles a second (within a fifth)' },
					{ id: 'more', text: 'more cycles a second' },
				],
			},
			{
				id: 'heap-goal',
				prompt: 'And the heap goal on the last gc line, with GOGC=200 compared with GOGC=100, is:',
				options: [
					{ id: 'higher', text: 'higher' },
					{ id: 'the-same', text: 'the same' },
					{ id: 'lower', text: 'lower' },
				],
			},
		],
		why:
			'The goal is the live heap plus GOGC percent of the live heap, stacks and globals (Go 1.18 and later, ' +
			'src/runtime/mgcpacer.go): doubling GOGC doubles the room above the live heap. At the same allocation ' +
			'rate the heap takes about twice as long to fill that room, so cycles come about half as often.',
	},
	'memlimit-under-live': {
		id: 'memlimit-under-live',
		title: 'A memory limit under the live heap',
		intro:
			'One run of 3 seconds that keeps 24 MB live with GOMEMLIMIT=16MiB (and GOGC=100). Compare the @ time of ' +
			'each gc line with the one before it plus that cycle’s wall-clock phases, and watch the controller ' +
			'lines’ CPU share.',
		runs: [run('GOMEMLIMIT=16MiB, 24 MB live', { memLimitMiB: 16, live: 24, seconds: 3 })],
		questions: [
			{
				id: 'rest',
				prompt: 'Between the end of one cycle and the start of the next, the collector:',
				options: [
					{
						id: 'back-to-back',
						text: 'hardly rests: most cycles start within a cycle’s length of the last one ending',
					},
					{ id: 'rests', text: 'rests: most gaps between cycles are longer than a cycle' },
				],
			},
			{
				id: 'gc-cpu',
				prompt: 'What share of the CPU has the collector used since the program started, on your last gc line?',
				unit: '%',
			},
		],
		why:
			'The memory limit caps the heap goal, and no cycle can bring 24 MB of live data under 16 MiB. When the goal ' +
			'is not above what the last cycle marked, the runtime sets the next cycle’s trigger at the goal itself ' +
			'(src/runtime/mgcpacer.go), which the heap has already reached: the next cycle starts at once. What keeps ' +
			'the program running is the collector’s CPU limiter (Go 1.19 and later, src/runtime/mgclimit.go), which ' +
			'holds it to about half of the CPU over time.',
	},
	leak: {
		id: 'leak',
		title: 'Watch a leak',
		intro:
			'One run of 12 seconds that keeps 4 MB live in a ring and also keeps 5% of everything it allocates for ' +
			'good, as a leak does: a reference the program never drops. Watch the live heap, the last of the three ' +
			'heap numbers, and the findings under the lines.',
		runs: [run('5% kept forever', { leak: 5, seconds: 12 })],
		questions: [
			{
				id: 'live-growth',
				prompt: 'By how many MB did the live heap grow from your first gc line to your last?',
				unit: 'MB',
			},
			{
				id: 'finding',
				prompt: 'Did the analyzer raise the finding “Live heap keeps growing” on your lines?',
				options: [
					{ id: 'yes', text: 'yes' },
					{ id: 'no', text: 'no' },
				],
			},
		],
		why:
			'5% of 20 MB a second is 1 MB a second that stays referenced, so every cycle finds more live memory than ' +
			'the one before and the goal climbs with it. The finding compares the live heap quarter by quarter over ' +
			'the whole log, so a heap that fills and levels off does not raise it; this one never levels off.',
	},
};

const mb = (n: number): string => `${n} MB`;
const perSecond = (r: LabRunFacts): string =>
	`${(r.cyclesPerSecond ?? 0).toLocaleString('en', { maximumFractionDigits: 1 })} cycles a second`;
const at = (c: LabCycle): string => `gc ${c.cycle} @${c.seconds}s`;

/** What the reader's lines say for one question: the working behind its key. */
function working(experiment: LabExperimentId, question: string, runs: readonly LabRunFacts[]): string {
	const [a, b] = runs;
	const last = a!.last!;
	switch (`${experiment}/${question}`) {
		case 'reading-gctrace/last-start':
			return `your last gc line, line ${last.lineNo}, starts “${at(last)}”.`;
		case 'reading-gctrace/last-goal':
			return `line ${last.lineNo} prints “${last.goalMB} MB goal”.`;
		case 'gogc-doubled/cycles-per-second':
			return (
				`at GOGC=100 your last gc line is ${at(last)}: ${perSecond(a!)}; at GOGC=200 it is ` +
				`${at(b!.last!)}: ${perSecond(b!)}.`
			);
		case 'gogc-doubled/heap-goal':
			return `the last goals are ${mb(last.goalMB)} at GOGC=100 and ${mb(b!.last!.goalMB)} at GOGC=200.`;
		case 'memlimit-under-live/rest':
			return (
				`half the gaps between a cycle’s end and the next one’s start are ${a!.medianRestMs!.toFixed(1)} ms or ` +
				`less, against half the cycles lasting ${a!.medianCycleMs!.toFixed(1)} ms or more of wall time ` +
				`(the @ times are printed to the millisecond).`
			);
		case 'memlimit-under-live/gc-cpu':
			return `your last gc line, line ${last.lineNo}, prints “${at(last)} ${last.cpuPercent}%”.`;
		case 'leak/live-growth':
			return (
				`your first gc line (line ${a!.first!.lineNo}) has ${mb(a!.first!.liveMB)} live, your last ` +
				`(line ${last.lineNo}) ${mb(last.liveMB)}: ${mb(last.liveMB - a!.first!.liveMB)} more.`
			);
		case 'leak/finding':
			return a!.findings.includes('heap-growth')
				? 'the analyzer raised “Live heap keeps growing” on these lines.'
				: 'the analyzer did not raise “Live heap keeps growing” on these lines: the run may have ended before its live heap had grown for long enough. Run it again and answer from the new lines.';
		default:
			throw new Error(`no working for ${experiment}/${question}`);
	}
}

/** The feedback on one answer: right or not, and what the reader's own lines say. */
export function labFeedback(
	experiment: LabExperimentId,
	question: string,
	runs: readonly LabRunFacts[],
	check: LabCheck,
): string {
	if (check.problem) return check.problem;
	const lines = working(experiment, question, runs);
	return `${check.correct ? 'Right' : 'Not quite'}: ${lines}`;
}

/** The right option's words, or the number with its unit: said with a wrong answer. */
export function labAnswerText(experiment: LabExperimentId, question: string, key: LabAnswerKey): string {
	if (key.type === 'numeric') {
		return key.unit === '' || key.unit === '%' ? `${key.answer}${key.unit}` : `${key.answer} ${key.unit}`;
	}
	const words = labExperiments[experiment].questions.find((q) => q.id === question);
	return words?.options?.find((o) => o.id === key.answer)?.text ?? key.answer;
}

/** Why the lines cannot answer the questions, and what to do. */
export function labShortfallText(shortfall: LabShortfall): string {
	return shortfall === 'no-cycles'
		? 'This run printed no complete gc line, so there is nothing to answer from. Run it again; a busy tab or a phone asleep can starve it.'
		: `This run printed fewer than ${plural(labMinCycles, 'gc line')}, too few to answer from. Run it again, with the tab in front.`;
}
