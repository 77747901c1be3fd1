import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compareAnalyses, createLogAnalysis, type MeasureChange } from '../trace/index.ts';
import { caveatText, changeText, measureValueText, verdictText } from './compare.ts';

function run(path: string) {
	const analysis = createLogAnalysis({ series: null });
	analysis.push(readFileSync(new URL(`../../content/traces/${path}`, import.meta.url), 'utf8'));
	return analysis.end();
}

const change = (m: Partial<MeasureChange>): MeasureChange => ({
	key: 'pause-p99',
	unit: 'ms',
	better: 'lower',
	tolerance: { relative: 0.1, absolute: 0 },
	before: 1,
	after: 1,
	change: 0,
	ratio: 1,
	direction: 'same',
	...m,
});

test('changes read with their unit and how big they are: points for shares, × for big ratios', () => {
	assert.equal(changeText(change({ before: 0.2, after: 0.5, change: 0.3, ratio: 2.5 })), '+0.3 ms (×2.5)');
	assert.equal(changeText(change({ before: 10, after: 8, change: -2, ratio: 0.8 })), '−2 ms (−20%)');
	assert.equal(changeText(change({ unit: 'percent', before: 1, after: 0, change: -1, ratio: 0 })), '−1 point (−100%)');
	assert.equal(changeText(change({ before: 0, after: 3, change: 3, ratio: null })), '+3 ms');
	assert.equal(changeText(change({})), 'no change');
	assert.equal(changeText(change({ after: null, change: null, ratio: null, direction: 'missing' })), '');
	assert.equal(measureValueText('per-mb', 0.34), '34');
	assert.equal(measureValueText('MB', null), 'none');
});

test('the verdict names what got better and worse, the trade, and what it cannot tell', () => {
	const verdict = verdictText(
		compareAnalyses(run('combined/go1.26-gcdemo-gogc50.txt'), run('combined/go1.26-gcdemo-gogc400.txt')),
	);
	assert.match(verdict[0]!, /^Better after the change: .*fewer GC cycles per second \([\d.]+ → [\d.]+\)/);
	assert.ok(verdict.some((p) => /^Worse after the change: .*higher heap goal \(2 MB → 16 MB\)/.test(p)));
	assert.ok(verdict.some((p) => p.startsWith('A trade: the collector ran less often and let the heap grow larger')));
	assert.match(verdict.at(-1)!, /^What this cannot tell: .*not the change/);
	// The same run twice: nothing moved.
	const same = run('combined/go1.26-gcdemo-gogc100.txt');
	assert.match(verdictText(compareAnalyses(same, same))[0]!, /^No measure moved beyond its tolerance/);
	// Logs with nothing in common to measure.
	assert.match(
		verdictText(compareAnalyses(run('inittrace/go1.26-web.txt'), run('inittrace/go1.19-web.txt')))[0]!,
		/^The two logs share no measure to compare/,
	);
});

test('each caveat is a sentence with both runs’ figures', () => {
	assert.match(
		caveatText({ kind: 'gomaxprocs', before: [2], after: [8] }),
		/^Different GOMAXPROCS \(before: 2; after: 8\)\./,
	);
	assert.match(
		caveatText({ kind: 'go-release', before: [{ from: 19, to: 20 }], after: [{ from: 26, to: 27 }] }),
		/^Different Go releases: .*before: Go 1\.19–1\.20; after: Go 1\.26 or later/,
	);
	assert.match(caveatText({ kind: 'duration', beforeSeconds: 3, afterSeconds: 6 }), /covers 3 s, the after trace 6 s/);
	assert.match(
		caveatText({ kind: 'missing-lines', lineKind: 'gcpacertrace', missingIn: 'before' }),
		/^The before run has no gcpacertrace lines/,
	);
	assert.match(
		caveatText({ kind: 'few-cycles', before: 149, after: 17 }),
		/under 20 pauses, p95 and p99 are the longest pause/,
	);
});
