import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createLogAnalysis } from '../trace/index.ts';
import { endedText, godebugProblem, godebugWith, liveStatusText, watchSummaryText } from './watch.ts';

const capture = (file: string) => readFileSync(new URL(`../../content/traces/${file}`, import.meta.url), 'utf8');
const analyse = (text: string) => {
	const analysis = createLogAnalysis({ series: null });
	analysis.push(text);
	return analysis.end();
};

test('the watch settings come after the ones the program already has, so they win', () => {
	assert.equal(godebugWith(undefined, 'gctrace=1'), 'gctrace=1');
	assert.equal(godebugWith('', 'gctrace=1'), 'gctrace=1');
	assert.equal(godebugWith('http2client=0,gctrace=2', 'gctrace=1'), 'http2client=0,gctrace=2,gctrace=1');
});

test('settings that are not key=value pairs are refused with the reason', () => {
	assert.equal(godebugProblem('gctrace=1,schedtrace=1000'), null);
	assert.equal(godebugProblem('gctrace=1,gcpacertrace=1,scheddetail=1,schedtrace=500'), null);
	assert.match(godebugProblem('')!, /is empty/);
	assert.match(godebugProblem('gctrace')!, /has "gctrace", which is not a key=value setting/);
	assert.match(godebugProblem('gctrace=1,,')!, /has "", which is not/);
	assert.match(godebugProblem('gctrace=1 schedtrace=1000')!, /not a key=value setting/);
});

test('the running summary says the cycles, their pauses, the run queue and the findings by title', () => {
	const gc = watchSummaryText(analyse(capture('combined/go1.26-gcdemo-gogc50.txt')), 1000);
	assert.match(gc, /^[\d,]+ lines · [\d,]+ GC cycles, pause p95 [\d.]+ ms, GC CPU [\d.]+%/);
	const leak = watchSummaryText(analyse(capture('schedtrace/go1.26-p1-leak.txt')), 1000);
	assert.match(leak, /run queue max \d+/);
	assert.doesNotMatch(leak, /GC cycle/);
	const noFindings = analyse(
		'gc 1 @0.010s 0%: 0.1+0.2+0.01 ms clock, 0.2+0/0.1/0+0.02 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n',
	);
	assert.equal(watchSummaryText(noFindings), '1 line · 1 GC cycle, pause p95 0.11 ms, GC CPU 0%');
	assert.equal(watchSummaryText(null), 'watching: no lines yet');
});

test('a finding is named by its rule’s title', () => {
	const analysis = analyse(capture('gctrace/go1.26-gcdemo-retain.txt'));
	assert.deepEqual(
		analysis.findings.map((f) => f.kind),
		['heap-growth', 'forced-gc'],
	);
	assert.match(watchSummaryText(analysis, 1000), / · 2 findings: Live heap keeps growing; [^;]+$/);
});

test('the summary fits the terminal it is given', () => {
	const line = watchSummaryText(analyse(capture('combined/go1.26-gcdemo-gogc50.txt')), 30);
	assert.equal(line.length, 30);
	assert.ok(line.endsWith('…'));
});

test('how a watch ended, in words', () => {
	assert.equal(
		endedText({ running: false, exitCode: 0, signal: null, source: 'program' }),
		'the program exited with status 0',
	);
	assert.equal(
		endedText({ running: false, exitCode: null, signal: 'SIGINT', source: 'program' }),
		'the program was stopped by SIGINT',
	);
	assert.equal(endedText({ running: false, exitCode: 0, signal: null, source: 'input' }), 'the input ended');
	assert.equal(
		liveStatusText(1, { running: true }),
		'Watching live: 1 line so far. The charts and findings update as lines arrive.',
	);
	assert.equal(
		liveStatusText(2400, { running: false, exitCode: 0, signal: null, source: 'program' }),
		'Watched 2,400 lines; the program exited with status 0, so this analysis is final.',
	);
});
