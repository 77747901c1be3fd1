import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createSeriesCollector, parseLog } from '../../../trace/index.ts';
import type { LogSeries } from '../../../trace/index.ts';
import { missingChartSources, missingChartsText, slowestInits } from './chart-kinds.ts';

function series(file: string): LogSeries {
	const collector = createSeriesCollector();
	parseLog(readFileSync(new URL(`../../../../content/traces/${file}`, import.meta.url), 'utf8'), (line) =>
		collector.add(line),
	);
	return collector.result();
}

test('a schedtrace-only log: charts from the other settings are missing, said in one sentence', () => {
	const s = series('schedtrace/go1.26-p2-load.txt');
	assert.deepEqual(missingChartSources(s), ['gctrace=1', 'gcpacertrace=1', 'scavtrace=1', 'inittrace=1']);
	assert.equal(
		missingChartsText(s),
		'Lines from GODEBUG gctrace=1, gcpacertrace=1, scavtrace=1 or inittrace=1 would add more charts.',
	);
});

test('Go 1.19 schedtrace prints no schedticks: a newer release would add that chart', () => {
	assert.ok(missingChartSources(series('schedtrace/go1.19-p2-load.txt')).includes('schedtrace from Go 1.25 or later'));
});

test('scavtrace and inittrace logs have their own charts', () => {
	assert.ok(!missingChartSources(series('scavtrace/go1.26-gcdemo.txt')).includes('scavtrace=1'));
	const init = series('inittrace/go1.26-web.txt');
	assert.ok(!missingChartSources(init).includes('inittrace=1'));
	const bars = slowestInits(init.init, 5);
	assert.equal(bars.length, 5);
	for (let i = 1; i < bars.length; i++) assert.ok(bars[i - 1]!.clock >= bars[i]!.clock);
	const max = Math.max(...init.init.columns.clock);
	assert.equal(bars[0]!.clock, max);
});
