// The "try it" experiments' answer keys, worked out from real runs of the lab's program
// (content/traces/combined/go1.NN-lab-*.txt: examples/lab with one P, as in the browser, and the
// experiments' settings), on every Go release captured.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { checkLabAnswer, labAnswerKeys, labRunFacts, type LabAnswerKey, type LabAnswerKeys } from './lab-checks.ts';

const combined = path.resolve(import.meta.dirname, '..', '..', 'content', 'traces', 'combined');
const read = (tag: string, scenario: string): string[] =>
	readFileSync(path.join(combined, `${tag}-lab-${scenario}.txt`), 'utf8')
		.replace(/\n$/, '')
		.split('\n');

/** The last `gc N @Ts P%: … G MB goal` line, read with a regular expression rather than the parser. */
function lastGcLine(lines: string[]): {
	lineNo: number;
	cycle: number;
	seconds: number;
	percent: number;
	goal: number;
} {
	const lineNo = lines.findLastIndex((l) => l.startsWith('gc ')) + 1;
	const m = /^gc (\d+) @([\d.]+)s (\d+)%: .* (\d+) MB goal/.exec(lines[lineNo - 1]!)!;
	return { lineNo, cycle: Number(m[1]), seconds: Number(m[2]), percent: Number(m[3]), goal: Number(m[4]) };
}

const liveHeaps = (lines: string[]): number[] =>
	lines.filter((l) => l.startsWith('gc ')).map((l) => Number(/->(\d+) MB,/.exec(l)![1]));

function keys(result: LabAnswerKeys): Record<string, LabAnswerKey> {
	assert.ok(result.ok, result.ok ? '' : result.shortfall);
	return result.keys;
}

for (const tag of ['go1.19', 'go1.26', 'go1.27']) {
	describe(`${tag}: the lab program's real lines`, () => {
		const defaults = read(tag, 'default');
		const gogc100 = read(tag, 'gogc100');
		const gogc200 = read(tag, 'gogc200');
		const memlimit = read(tag, 'memlimit');
		const leak = read(tag, 'retain');

		test('reading gctrace: the last gc line’s start time and heap goal', () => {
			const last = lastGcLine(defaults);
			const facts = labRunFacts(defaults);
			assert.equal(facts.last?.lineNo, last.lineNo);
			assert.deepEqual(keys(labAnswerKeys('reading-gctrace', [facts])), {
				'last-start': { type: 'numeric', answer: last.seconds, unit: 's', tolerance: 0 },
				'last-goal': { type: 'numeric', answer: last.goal, unit: 'MB', tolerance: 0 },
			});
		});

		test('doubling GOGC: fewer cycles a second, and a higher heap goal', () => {
			const a = lastGcLine(gogc100);
			const b = lastGcLine(gogc200);
			assert.ok(b.cycle / b.seconds < (a.cycle / a.seconds) * 0.8, 'the capture shows the effect');
			assert.deepEqual(keys(labAnswerKeys('gogc-doubled', [labRunFacts(gogc100), labRunFacts(gogc200)])), {
				'cycles-per-second': { type: 'choice', answer: 'fewer' },
				'heap-goal': { type: 'choice', answer: 'higher' },
			});
			// The same runs in the other order: halving GOGC.
			assert.deepEqual(keys(labAnswerKeys('gogc-doubled', [labRunFacts(gogc200), labRunFacts(gogc100)])), {
				'cycles-per-second': { type: 'choice', answer: 'more' },
				'heap-goal': { type: 'choice', answer: 'lower' },
			});
		});

		test('a memory limit under the live heap: cycles back to back; GOGC alone: rests between them', () => {
			const limited = labRunFacts(memlimit);
			assert.ok(limited.medianRestMs! < limited.medianCycleMs!, `${limited.medianRestMs} ms rest`);
			assert.deepEqual(keys(labAnswerKeys('memlimit-under-live', [limited])), {
				rest: { type: 'choice', answer: 'back-to-back' },
				'gc-cpu': { type: 'numeric', answer: lastGcLine(memlimit).percent, unit: '%', tolerance: 0 },
			});
			const steady = labRunFacts(defaults);
			assert.ok(steady.medianRestMs! > 10 * steady.medianCycleMs!, `${steady.medianRestMs} ms rest`);
			assert.deepEqual(keys(labAnswerKeys('memlimit-under-live', [steady])).rest, { type: 'choice', answer: 'rests' });
		});

		test('a leak: the live heap climbs and the analyzer raises the heap-growth finding; a steady heap does not', () => {
			const live = liveHeaps(leak);
			assert.ok(live.at(-1)! - live[0]! >= 8, `live heap ${live[0]} -> ${live.at(-1)} MB`);
			assert.deepEqual(keys(labAnswerKeys('leak', [labRunFacts(leak)])), {
				'live-growth': { type: 'numeric', answer: live.at(-1)! - live[0]!, unit: 'MB', tolerance: 0 },
				finding: { type: 'choice', answer: 'yes' },
			});
			assert.deepEqual(keys(labAnswerKeys('leak', [labRunFacts(defaults)])).finding, { type: 'choice', answer: 'no' });
		});
	});
}

test('a run with no gc line, or too few, cannot answer', () => {
	const lines = read('go1.26', 'default');
	assert.deepEqual(labAnswerKeys('reading-gctrace', [labRunFacts([])]), { ok: false, shortfall: 'no-cycles' });
	assert.deepEqual(labAnswerKeys('reading-gctrace', []), { ok: false, shortfall: 'no-cycles' });
	const two = lines.slice(
		0,
		lines.findIndex((l) => l.startsWith('gc 3 ')),
	);
	assert.deepEqual(labAnswerKeys('reading-gctrace', [labRunFacts(two)]), { ok: false, shortfall: 'few-cycles' });
	// A run cut off in the middle of a line: that line does not count.
	const cut = [...lines.slice(0, 20), lines.find((l) => l.startsWith('gc '))!.slice(0, 30)];
	assert.equal(labRunFacts(cut).cycles, labRunFacts(lines.slice(0, 20)).cycles);
	// The second run of a comparison is missing.
	assert.deepEqual(labAnswerKeys('gogc-doubled', [labRunFacts(lines)]), { ok: false, shortfall: 'no-cycles' });
});

test('answers are read as the quiz reads them: units, wrong numbers, no answer', () => {
	const goal: LabAnswerKey = { type: 'numeric', answer: 9, unit: 'MB', tolerance: 0 };
	assert.deepEqual(checkLabAnswer(goal, '9'), { correct: true, problem: null });
	assert.deepEqual(checkLabAnswer(goal, '9 MB'), { correct: true, problem: null });
	assert.deepEqual(checkLabAnswer(goal, '9 MiB'), { correct: true, problem: null });
	assert.deepEqual(checkLabAnswer(goal, '8'), { correct: false, problem: null });
	const start: LabAnswerKey = { type: 'numeric', answer: 4.873, unit: 's', tolerance: 0 };
	assert.deepEqual(checkLabAnswer(start, '4.873s'), { correct: true, problem: null });
	assert.deepEqual(checkLabAnswer(start, '4873 ms'), { correct: true, problem: null });
	assert.deepEqual(checkLabAnswer(start, '4.87'), { correct: false, problem: null });
	assert.match(checkLabAnswer(goal, 'nine').problem ?? '', /does not start with a number/);
	assert.match(checkLabAnswer(goal, '').problem ?? '', /Type a number of MB/);
	const rest: LabAnswerKey = { type: 'choice', answer: 'back-to-back' };
	assert.deepEqual(checkLabAnswer(rest, 'back-to-back'), { correct: true, problem: null });
	assert.deepEqual(checkLabAnswer(rest, 'rests'), { correct: false, problem: null });
	assert.equal(checkLabAnswer(rest, null).correct, false);
	assert.ok(checkLabAnswer(rest, null).problem);
});
