import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeLog, createLogAnalysis } from './analysis.ts';
import { findFindings } from './findings.ts';
import { parseLog, type LogLine } from './log.ts';

const capture = readFileSync(new URL('../../content/traces/schedtrace/go1.26-p2-load.txt', import.meta.url), 'utf8');

test('the analysis gives the log parser’s summary and the findings of the same text', () => {
	const { summary, findings, series } = analyzeLog(capture);
	assert.deepEqual(summary, parseLog(capture));
	assert.deepEqual(findings, findFindings(capture));
	assert.equal(series.sched.length, summary.kindCounts.schedtrace);
});

test('pushed in chunks of any size, the analysis is the same as for the whole text', () => {
	const whole = analyzeLog(capture);
	const analysis = createLogAnalysis();
	for (let i = 0; i < capture.length; i += 777) analysis.push(capture.slice(i, i + 777));
	assert.deepEqual(analysis.end(), whole);
});

test('a blank line is a line: numbers match the line’s place in the text', () => {
	const text =
		'SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [0]\n\nhello\n';
	const lines: LogLine[] = [];
	const { summary } = analyzeLog(text, { onLine: (line) => lines.push(line) });
	assert.equal(summary.lineCount, 3);
	assert.deepEqual(
		lines.map((l) => [l.lineNo, l.kind, l.text]),
		[
			[1, 'schedtrace', text.split('\n')[0]],
			[2, 'other', ''],
			[3, 'other', 'hello'],
		],
	);
});

test('a front end may collect the series itself, or none: the summary and findings are the same', () => {
	const whole = analyzeLog(capture);
	const seen: number[] = [];
	const own = createLogAnalysis({
		series: { add: (line) => seen.push(line.lineNo), result: () => seen.length },
	});
	own.push(capture);
	const withOwn = own.end();
	assert.deepEqual([withOwn.summary, withOwn.findings], [whole.summary, whole.findings]);
	assert.equal(withOwn.series, whole.summary.lineCount);

	const none = createLogAnalysis({ series: null });
	none.push(capture);
	const withNone = none.end();
	assert.deepEqual([withNone.summary, withNone.findings], [whole.summary, whole.findings]);
	assert.equal(withNone.series, null);
});
