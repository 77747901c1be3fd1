import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { measure, parseLine, type ParsedLine } from '../index.ts';

const tracesDir = path.resolve(import.meta.dirname, '..', '..', '..', 'content', 'traces');
const captures = (JSON.parse(readFileSync(path.join(tracesDir, 'captures.json'), 'utf8')) as { file: string }[]).map(
	(c) => c.file,
);

function linesOf(form: string): ParsedLine[] {
	return captures.flatMap((file) =>
		readFileSync(path.join(tracesDir, file), 'utf8')
			.split('\n')
			.map((l) => parseLine(l))
			.filter((p) => p.form === form),
	);
}

function value(p: ParsedLine, key: string): number {
	const t = p.tokens.find((t) => t.key === key);
	assert.ok(t && typeof t.value === 'number', `${key} in ${p.text}`);
	return t.value as number;
}

function ok(name: string, line: ParsedLine | string) {
	const r = measure(name, line);
	assert.ok(r.ok, r.ok ? '' : r.message);
	return r.measure;
}

const gcLines = linesOf('gc-cycle');
const schedLines = linesOf('sched');

describe('measures agree with the parser on every captured line', () => {
	test('there are lines to check', () => {
		assert.ok(gcLines.length > 100, `${gcLines.length} gc lines`);
		assert.ok(schedLines.length > 30, `${schedLines.length} schedtrace lines`);
	});

	test('stw-wall-ms is sweep termination + mark termination (wall clock)', () => {
		for (const p of gcLines) {
			const m = ok('stw-wall-ms', p);
			const sum = value(p, 'gctrace/wall-sweep-termination') + value(p, 'gctrace/wall-mark-termination');
			assert.ok(Math.abs(m.value - sum) < 1e-9, p.text);
			assert.equal(m.unit, 'ms');
			assert.ok(m.tolerance > 0 && m.tolerance <= 0.5, p.text);
		}
	});

	test('stw-cpu-ms is sweep termination + mark termination (cpu)', () => {
		for (const p of gcLines) {
			const m = ok('stw-cpu-ms', p);
			const sum = value(p, 'gctrace/cpu-sweep-termination') + value(p, 'gctrace/cpu-mark-termination');
			assert.ok(Math.abs(m.value - sum) < 1e-9, p.text);
		}
	});

	test('heap-freed-mb is heap at the end of marking − live heap, never negative', () => {
		for (const p of gcLines) {
			const m = ok('heap-freed-mb', p);
			assert.equal(m.value, value(p, 'gctrace/heap-end') - value(p, 'gctrace/heap-live'), p.text);
			assert.ok(m.value >= 0, p.text);
			assert.equal(m.unit, 'MB');
			assert.equal(m.tolerance, 0.5);
		}
	});

	test('runnable-goroutines is the global run queue + every local run queue, exactly', () => {
		for (const p of schedLines) {
			const m = ok('runnable-goroutines', p);
			const local = p.tokens.find((t) => t.key === 'schedtrace/local-runqueues')!.value as number[];
			assert.equal(m.value, value(p, 'schedtrace/runqueue') + local.reduce((a, b) => a + b, 0), p.text);
			assert.equal(m.tolerance, 0);
		}
	});

	test('field:<key> is the printed value', () => {
		for (const p of gcLines) {
			assert.equal(ok('field:gctrace/heap-goal', p).value, value(p, 'gctrace/heap-goal'));
			assert.equal(ok('field:gctrace/procs', p).tolerance, 0);
		}
		for (const p of schedLines) assert.equal(ok('field:schedtrace/threads', p).value, value(p, 'schedtrace/threads'));
	});
});

describe('tolerance follows the printed precision', () => {
	const line =
		'gc 3 @0.041s 2%: 0.022+1.2+0.27 ms clock, 0.13+0.35/1.1/0.38+12 ms cpu, 7->7->4 MB, 8 MB goal, 0 MB stacks, 0 MB globals, 8 P';
	const cases: [string, number, number, string][] = [
		['stw-wall-ms', 0.292, 0.005, '0.022 + 0.27 = 0.292'],
		['stw-cpu-ms', 12.13, 0.5, '0.13 + 12 = 12.13'],
		['heap-freed-mb', 3, 0.5, '7 − 4 = 3'],
		['field:gctrace/wall-mark', 1.2, 0.05, 'the line prints 1.2'],
		['field:gctrace/since-start', 0.041, 0.0005, 'the line prints 0.041'],
	];
	for (const [name, v, tol, working] of cases) {
		test(name, () => {
			const m = ok(name, line);
			assert.equal(m.value, v);
			assert.ok(Math.abs(m.tolerance - tol) < 1e-12, `${m.tolerance}`);
			assert.equal(m.working, working);
		});
	}
});

describe('a gctrace time printed as 0 is under 1 µs, not under half a ms', () => {
	const line =
		'gc 24 @1.505s 0%: 0.037+0.20+0.044 ms clock, 0.075+0/0.070/0+0.088 ms cpu, 0->0->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)';
	test('one field', () => {
		const m = ok('field:gctrace/cpu-assist', line);
		assert.equal(m.value, 0);
		assert.ok(Math.abs(m.tolerance - 0.0005) < 1e-12, `${m.tolerance}`);
	});
	test('a whole-MB 0 keeps its whole-MB tolerance', () => {
		assert.equal(ok('field:gctrace/heap-live', line).tolerance, 0.5);
	});
	test('the first schedtrace line’s 0 ms is a truncated whole ms', () => {
		const sched =
			'SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=4 spinningthreads=0 needspinning=1 idlethreads=0 runqueue=0 [ 2 ] schedticks=[ 0 ]';
		assert.equal(ok('field:schedtrace/elapsed', sched).tolerance, 0.5);
	});
});

describe('a line without the fields gets a clear error', () => {
	const sched =
		'SCHED 2013ms: gomaxprocs=1 idleprocs=0 threads=6 spinningthreads=0 needspinning=1 idlethreads=2 runqueue=1 [ 2 ] schedticks=[ 37480 ]';
	const detailHeader =
		'SCHED 2013ms: gomaxprocs=2 idleprocs=0 threads=6 spinningthreads=0 needspinning=1 idlethreads=2 runqueue=1 gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false';
	const cases: [string, string, RegExp][] = [
		['stw-wall-ms', sched, /needs “.*” and “.*”, which this line does not print/],
		['heap-freed-mb', sched, /which this line does not print/],
		['runnable-goroutines', detailHeader, /bracket of local run queues/],
		['field:gctrace/nonsense', sched, /no such field key/],
		['field:schedtrace/local-runqueues', sched, /not a number a reader could be asked for/],
		['field:gctrace/heap-goal', sched, /does not print/],
		['average-pause', sched, /unknown measure “average-pause”; expected one of/],
		['stw-wall-ms', 'gc 3 @0.041s 2%: 0.022+1.2', /does not parse/],
	];
	for (const [name, line, message] of cases) {
		test(`${name} on ${line.slice(0, 24)}…`, () => {
			const r = measure(name, line);
			assert.equal(r.ok, false);
			assert.match(r.ok ? '' : r.message, message);
		});
	}
});
