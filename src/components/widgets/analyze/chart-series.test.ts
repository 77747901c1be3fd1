// The charts' series against the core's: kept whole they are exactly the core's series, however
// the log is cut into windows; past the bound they are thinned to it, every series' extremes kept.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createLogParser, createSeriesCollector, type LogSeries } from '../../../trace/index.ts';
import { createChartSeries, type ChartSeries } from './chart-series.ts';

const tracesDir = path.resolve(import.meta.dirname, '../../../../content/traces');
const captures = readdirSync(tracesDir, { recursive: true, encoding: 'utf8' })
	.filter((f) => f.endsWith('.txt'))
	.sort();
const read = (file: string): string => readFileSync(path.join(tracesDir, file), 'utf8').replace(/\n?$/, '\n');
const corpus = captures.map(read).join('');

function coreSeries(text: string): LogSeries {
	const collector = createSeriesCollector();
	createLogParser((line) => collector.add(line)).push(text);
	return collector.result();
}

function chartSeries(text: string, options: Parameters<typeof createChartSeries>[0]): ChartSeries {
	const collector = createChartSeries(options);
	const parser = createLogParser((line) => collector.add(line));
	parser.push(text);
	parser.end();
	return collector.end();
}

test('every capture, in windows of 1, 7 and 1000 lines: the core’s series exactly', () => {
	for (const file of captures) {
		const text = read(file);
		const want = coreSeries(text);
		for (const windowLines of [1, 7, 1000]) {
			const { read: counts, ...got } = chartSeries(text, { windowLines });
			assert.deepEqual(got, want, `${file}, windows of ${windowLines}`);
			assert.equal(counts.gc, want.gc.length);
			assert.equal(counts.sched, want.sched.length);
		}
	}
});

test('all captures in one log, windows of 50 lines: the core’s series exactly', () => {
	const want = coreSeries(corpus);
	const { read: _, ...got } = chartSeries(corpus, { windowLines: 50, buckets: 1 << 20 });
	assert.deepEqual(got, want);
});

test('past the bound each group is thinned, with every series’ lowest and highest value kept', () => {
	const text = corpus.repeat(4);
	const want = coreSeries(text);
	const buckets = 32;
	const got = chartSeries(text, { buckets });
	assert.equal(got.read.gc, want.gc.length);
	assert.equal(got.read.sched, want.sched.length);
	assert.equal(got.read.init, want.init.length);
	const extremes = (values: ArrayLike<number>) => {
		const real = Array.from(values).filter((v) => !Number.isNaN(v));
		return [Math.min(...real), Math.max(...real)];
	};
	for (const [name, columns] of [
		['gc', 8],
		['sched', 4 + 2 * 16],
		['pacer', 2],
		['scav', 4],
		['init', 2],
	] as const) {
		const group = got[name];
		assert.ok(group.length <= buckets * 2 * columns, `${name}: ${group.length} rows`);
		assert.ok(group.length < want[name].length, `${name} is thinned`);
		for (const [column, values] of Object.entries(group.columns)) {
			const all = (want[name].columns as Record<string, Float64Array>)[column]!;
			assert.deepEqual(extremes(values), extremes(all), `${name}.${column}`);
		}
		// Kept rows are real rows: each line number's values are that line's.
		const index = new Map(Array.from(want[name].lineNo, (n, i) => [n, i]));
		for (let k = 0; k < group.length; k++) {
			const i = index.get(group.lineNo[k]!)!;
			for (const [column, values] of Object.entries(group.columns)) {
				const all = (want[name].columns as Record<string, Float64Array>)[column]!;
				assert.ok(Object.is(values[k], all[i]), `${name}.${column} at line ${group.lineNo[k]}`);
			}
		}
	}
	assert.deepEqual(extremes(got.sched.localRunqueues[0]!), extremes(want.sched.localRunqueues[0]!));
	assert.deepEqual(extremes(got.sched.schedticksPerSecond[0]!), extremes(want.sched.schedticksPerSecond[0]!));
});

test('a snapshot while reading holds the windows done so far', () => {
	const collector = createChartSeries({ windowLines: 100 });
	const parser = createLogParser((line) => collector.add(line));
	parser.push(corpus);
	const partial = collector.snapshot();
	parser.end();
	const whole = collector.end();
	assert.ok(partial.read.gc > 0 && partial.read.gc <= whole.read.gc);
	assert.deepEqual(Array.from(partial.gc.lineNo), Array.from(whole.gc.lineNo).slice(0, partial.gc.length));
});

// Cases the captures do not hold, made of their real lines: the state a window hands on.
const linesOf = (file: string) => read(file).split('\n').filter(Boolean);

test('after a dump with no SCHED line behind it, windows still end and the charts so far show', () => {
	const dump = linesOf('scheddetail/go1.26-p2-load.txt');
	const header = dump.findIndex((l) => l.startsWith('SCHED'));
	const next = dump.findIndex((l, i) => i > header && l.startsWith('SCHED'));
	const gcs = linesOf('gctrace/go1.26-gcdemo.txt').filter((l) => l.startsWith('gc '));
	const text = [...dump.slice(header, next), ...gcs, ...gcs, ...gcs].join('\n') + '\n';
	const collector = createChartSeries({ windowLines: 10 });
	const parser = createLogParser((line) => collector.add(line));
	parser.push(text);
	assert.ok(collector.snapshot().gc.length > 0, 'gc rows shown while reading');
	parser.end();
	const { read: _, ...got } = collector.end();
	assert.deepEqual(got, coreSeries(text));
});

test('a cut-off cycle line still places the pacer lines before it, across windows', () => {
	const combined = linesOf('combined/go1.26-gcdemo-gc-pacer-scav.txt');
	const gc = combined.findIndex((l, i) => l.startsWith('gc ') && combined[i - 1]?.startsWith('pacer:'));
	const cut = combined[gc]!.slice(0, combined[gc]!.indexOf('%:') + 2);
	// The log ends soon after, so no later cycle line places them either.
	const text = [...combined.slice(0, gc), cut, 'exit status 0', 'done', 'bye'].join('\n') + '\n';
	for (const windowLines of [1, 2, 3]) {
		const { read: _, ...got } = chartSeries(text, { windowLines });
		assert.deepEqual(got, coreSeries(text), `windows of ${windowLines}`);
	}
});

test('a cut-off SCHED line between two others does not lose the schedticks rate', () => {
	const sched = linesOf('schedtrace/go1.26-p2-load.txt').filter((l) => l.startsWith('SCHED'));
	const cut = sched[1]!.slice(0, sched[1]!.indexOf(' schedticks'));
	const text = [sched[0], cut, sched[2], sched[3]].join('\n') + '\n';
	const want = coreSeries(text);
	assert.ok(want.sched.schedticksPerSecond.some((rates) => Array.from(rates).some((r) => !Number.isNaN(r))));
	const { read: _, ...got } = chartSeries(text, { windowLines: 1 });
	assert.deepEqual(got, want);
});
