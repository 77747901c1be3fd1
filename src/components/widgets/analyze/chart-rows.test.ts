// Tests for the rows a chart draws: small series pass through whole (sorted by time, NaN as
// a gap); large ones keep each time bucket's minimum and maximum row per series, line numbers
// attached.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartRows } from './chart-rows.ts';

test('a small series is kept whole, sorted by time, with NaN as null', () => {
	const rows = chartRows([2, 1, 3], [Float64Array.of(20, 10, Number.NaN)], [7, 5, 9]);
	assert.deepEqual(rows, { x: [1, 2, 3], ys: [[10, 20, null]], lineNo: [5, 7, 9], total: 3, downsampled: false });
});

test('a large series keeps each bucket’s min and max rows, with their line numbers', () => {
	const n = 10_000;
	const buckets = 100;
	// Times from 0 to 100 s: 100 buckets of exactly 1 s each.
	const x = Float64Array.from({ length: n }, (_, i) => (i * 100) / (n - 1));
	const bucketOf = (i: number): number => Math.min(buckets - 1, Math.floor(x[i]!));
	const wave = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 37));
	const flat = new Float64Array(n).fill(1);
	wave[4321] = 50; // a spike
	wave[8765] = -50; // a dip
	flat[1234] = 3;
	const lineNo = Float64Array.from({ length: n }, (_, i) => 100 + i);
	const rows = chartRows(x, [wave, flat], lineNo, buckets, 500);
	assert.equal(rows.downsampled, true);
	assert.equal(rows.total, n);
	assert.ok(rows.x.length <= 4 * buckets, `${rows.x.length} rows`);
	// Every kept row is a real row: its line number points at its values.
	rows.lineNo.forEach((no, k) => {
		const i = no - 100;
		assert.equal(rows.x[k], x[i]);
		assert.equal(rows.ys[0]![k], wave[i]);
		assert.equal(rows.ys[1]![k], flat[i]);
	});
	assert.ok(rows.lineNo.includes(100 + 4321) && rows.lineNo.includes(100 + 8765));
	assert.ok(rows.lineNo.includes(100 + 1234));
	assert.equal(Math.max(...(rows.ys[0] as number[])), 50);
	assert.equal(Math.min(...(rows.ys[0] as number[])), -50);
	// In each bucket, the kept rows hold that bucket's extremes of every series.
	for (let b = 0; b < buckets; b++) {
		const slice = Array.from(wave).filter((_, i) => bucketOf(i) === b);
		const kept = rows.lineNo
			.map((no, k) => [no - 100, rows.ys[0]![k]!] as const)
			.filter(([i]) => bucketOf(i) === b)
			.map(([, v]) => v);
		assert.ok(slice.length > 0);
		assert.equal(Math.max(...kept), Math.max(...slice));
		assert.equal(Math.min(...kept), Math.min(...slice));
	}
	for (let k = 1; k < rows.x.length; k++) assert.ok(rows.x[k]! >= rows.x[k - 1]!);
});
