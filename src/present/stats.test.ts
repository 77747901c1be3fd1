import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createLogAnalysis } from '../trace/index.ts';
import { bucketText, figureText, msText, percentileDefinition, shownBuckets, statFacts } from './stats.ts';

function analyzeLog(text: string) {
	const analysis = createLogAnalysis({ series: null });
	analysis.push(text);
	return analysis.end();
}

const read = (path: string) => readFileSync(new URL(`../../content/traces/${path}`, import.meta.url), 'utf8');

test('pauses read as the runtime prints them: to the microsecond below 1 ms', () => {
	assert.equal(msText(0.112), '0.112 ms');
	assert.equal(msText(0.02), '0.02 ms');
	assert.equal(msText(0), '0 ms');
	assert.equal(msText(12.5), '12.5 ms');
	assert.equal(msText(1234), '1,234 ms');
	assert.equal(figureText(1.4666), '1.47');
	assert.equal(figureText(0.3435), '0.34');
});

test('histogram buckets are named by their edges, and only the stretch that holds pauses is shown', () => {
	assert.equal(bucketText({ from: 0, to: 0.01, count: 0 }), 'under 0.01 ms');
	assert.equal(bucketText({ from: 0.1, to: 0.2, count: 3 }), '0.1–0.2 ms');
	assert.equal(bucketText({ from: 100, to: null, count: 1 }), '100 ms or more');
	const shown = shownBuckets([
		{ from: 0, to: 0.01, count: 0 },
		{ from: 0.01, to: 0.02, count: 2 },
		{ from: 0.02, to: 0.05, count: 0 },
		{ from: 0.05, to: 0.1, count: 1 },
		{ from: 0.1, to: null, count: 0 },
	]);
	assert.deepEqual(
		shown.map((b) => b.from),
		[0.01, 0.02, 0.05],
	);
	assert.deepEqual(shownBuckets([{ from: 0, to: 0.01, count: 0 }]), []);
});

test('a log’s facts name what each figure is, and only for the lines it has', () => {
	const gc = statFacts(analyzeLog(read('gcpacertrace/go1.26-web-load.txt')).stats);
	assert.deepEqual(
		gc.map((f) => f.label),
		['Stop-the-world pauses', 'Time between cycles', 'Allocated (estimate)', 'GC CPU share', 'Heap', 'Mark assists'],
	);
	assert.match(
		gc[0]!.value,
		/^p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms over \d+ cycles \(each cycle’s sweep termination plus mark termination/,
	);
	const sched = statFacts(analyzeLog(read('schedtrace/go1.26-p2-load.txt')).stats);
	assert.deepEqual(
		sched.map((f) => f.label),
		['Run queue', 'Idle Ps'],
	);
	assert.deepEqual(statFacts(analyzeLog('hello\n').stats), []);
	assert.match(percentileDefinition, /nearest-rank/);
});
