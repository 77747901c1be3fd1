import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeLog } from './analysis.ts';
import { compareAnalyses, compareMeasureKeys, type Comparison, type CompareMeasureKey } from './compare.ts';

const run = (path: string) =>
	analyzeLog(readFileSync(new URL(`../../content/traces/${path}`, import.meta.url), 'utf8'));

const measureOf = (c: Comparison, key: CompareMeasureKey) => c.measures.find((m) => m.key === key)!;

/** Cycles and heap goals read from the gc lines with a regular expression, apart from the core. */
function gcFigures(path: string) {
	const text = readFileSync(new URL(`../../content/traces/${path}`, import.meta.url), 'utf8');
	const lines = [...text.matchAll(/^gc \d+ @([\d.]+)s .*?, (\d+) MB goal/gm)];
	const goals = lines.map((m) => Number(m[2])).sort((a, b) => a - b);
	const span = Number(lines.at(-1)![1]) - Number(lines[0]![1]);
	return { cyclesPerSecond: (lines.length - 1) / span, goalP50: goals[Math.ceil(goals.length / 2) - 1] };
}

for (const tag of ['go1.26', 'go1.19']) {
	test(`${tag}: GOGC=400 against GOGC=50: fewer cycles a second and per MB, a higher heap goal`, () => {
		const before = `combined/${tag}-gcdemo-gogc50.txt`;
		const after = `combined/${tag}-gcdemo-gogc400.txt`;
		const c = compareAnalyses(run(before), run(after));
		assert.deepEqual(
			c.measures.map((m) => m.key),
			[...compareMeasureKeys],
		);
		const perSecond = measureOf(c, 'cycles-per-second');
		assert.equal(perSecond.direction, 'better');
		assert.ok(Math.abs(perSecond.before! - gcFigures(before).cyclesPerSecond) < 1e-9);
		assert.ok(Math.abs(perSecond.after! - gcFigures(after).cyclesPerSecond) < 1e-9);
		assert.ok(perSecond.change! < 0 && perSecond.ratio! < 1);
		const perMB = measureOf(c, 'cycles-per-allocated-mb');
		assert.equal(perMB.direction, 'better');
		assert.ok(perMB.after! < perMB.before! / 2, 'four times the headroom: well under half the cycles per MB');
		const goal = measureOf(c, 'heap-goal');
		assert.deepEqual([goal.before, goal.after], [gcFigures(before).goalP50, gcFigures(after).goalP50]);
		assert.equal(goal.direction, 'worse');
		assert.equal(goal.better, 'lower');
		// Same release, same GOMAXPROCS, same settings: none of those caveats.
		const kinds = c.caveats.map((x) => x.kind);
		for (const kind of ['go-release', 'gomaxprocs', 'missing-lines'] as const) assert.ok(!kinds.includes(kind), kind);
		// Every measure is read from lines both runs have.
		assert.ok(c.measures.every((m) => m.direction !== 'missing'));

		// The other way round, the same changes are worse.
		const back = compareAnalyses(run(after), run(before));
		assert.equal(measureOf(back, 'cycles-per-second').direction, 'worse');
		assert.equal(measureOf(back, 'heap-goal').direction, 'better');
	});
}

test('a memory limit with GOGC off runs fewer cycles than the default GOGC', () => {
	const c = compareAnalyses(run('combined/go1.26-gcdemo-gogc100.txt'), run('combined/go1.26-gcdemo-memlimit.txt'));
	assert.equal(measureOf(c, 'cycles-per-allocated-mb').direction, 'better');
	assert.equal(measureOf(c, 'heap-goal').direction, 'worse');
});

test('a run compared with itself: every measure the same, no caveat but few cycles', () => {
	const same = run('combined/go1.26-gcdemo-gogc100.txt');
	const c = compareAnalyses(same, same);
	assert.ok(c.measures.every((m) => m.direction === 'same' && m.change === 0));
	assert.deepEqual(
		c.caveats.filter((x) => x.kind !== 'few-cycles'),
		[],
	);
});

test('caveats: different Go releases, GOMAXPROCS, durations and missing kinds of lines are said', () => {
	const releases = compareAnalyses(
		run('combined/go1.19-gcdemo-gogc100.txt'),
		run('combined/go1.26-gcdemo-gogc100.txt'),
	);
	const release = releases.caveats.find((x) => x.kind === 'go-release');
	assert.ok(release, 'Go 1.19 and Go 1.26 lines share no release');

	const procs = compareAnalyses(run('schedtrace/go1.26-p1-load.txt'), run('schedtrace/go1.26-p8-load.txt'));
	assert.deepEqual(
		procs.caveats.find((x) => x.kind === 'gomaxprocs'),
		{ kind: 'gomaxprocs', before: [1], after: [8] },
	);
	// schedtrace alone: the gc measures are missing from both, the scheduler's are compared.
	assert.equal(measureOf(procs, 'cycles-per-second').direction, 'missing');
	assert.notEqual(measureOf(procs, 'runnable').direction, 'missing');

	// A 3-second gcdemo run against a 6-second one, and gctrace alone against gctrace with pacer and sched lines.
	const other = compareAnalyses(run('gctrace/go1.26-gcdemo.txt'), run('combined/go1.26-gcdemo-gogc100.txt'));
	const duration = other.caveats.find((x) => x.kind === 'duration');
	assert.ok(duration && duration.kind === 'duration' && duration.afterSeconds > duration.beforeSeconds * 1.25);
	assert.deepEqual(
		other.caveats.filter((x) => x.kind === 'missing-lines'),
		[
			{ kind: 'missing-lines', lineKind: 'gcpacertrace', missingIn: 'before' },
			{ kind: 'missing-lines', lineKind: 'schedtrace', missingIn: 'before' },
		],
	);
	assert.equal(measureOf(other, 'assist-percent').direction, 'missing');
	assert.equal(measureOf(other, 'assist-percent').before, null);
});

test('tolerance: a change within 10% (or the print precision) is the same; idle Ps are never better or worse', () => {
	const base = run('combined/go1.26-gcdemo-gogc100.txt');
	const shifted = (f: number) => ({
		summary: base.summary,
		stats: {
			...base.stats,
			gc: { ...base.stats.gc, cyclesPerSecond: base.stats.gc.cyclesPerSecond! * f },
			sched: {
				...base.stats.sched,
				idleProcs: { ...base.stats.sched.idleProcs!, mean: base.stats.sched.idleProcs!.mean * f },
			},
		},
	});
	assert.equal(measureOf(compareAnalyses(base, shifted(1.09)), 'cycles-per-second').direction, 'same');
	// Exactly 10% is still within 10%, whatever the float error of 0.9 × x.
	assert.equal(measureOf(compareAnalyses(base, shifted(0.9)), 'idle-procs').direction, 'same');
	assert.equal(measureOf(compareAnalyses(base, shifted(0.9)), 'cycles-per-second').direction, 'same');
	assert.equal(measureOf(compareAnalyses(base, shifted(1.2)), 'cycles-per-second').direction, 'worse');
	assert.equal(measureOf(compareAnalyses(base, shifted(0.8)), 'cycles-per-second').direction, 'better');
	assert.equal(measureOf(compareAnalyses(base, shifted(2)), 'idle-procs').direction, 'changed');
});
