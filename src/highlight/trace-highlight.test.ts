import assert from 'node:assert/strict';
import { test } from 'node:test';
import { traceDecorations } from './trace-highlight.ts';

test('code-block decorations cover the same spans as the parser, line by line, with colour groups', () => {
	const code = [
		'SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]',
		'listener : Started',
		'gc 1 @0.015s 1%: 0.020+0.85+0.012 ms clock, 0.16+0.10/0.62/0.21+0.096 ms cpu, 4->4->0 MB, 5 MB goal, 8 P',
	].join('\n');
	const decorations = traceDecorations(code);
	const byKey = new Map(decorations.map((d) => [d.properties?.['data-key'], d]));
	const gomaxprocs = byKey.get('schedtrace/gomaxprocs')!;
	assert.equal(code.slice(gomaxprocs.start as number, gomaxprocs.end as number), '1');
	assert.equal(gomaxprocs.properties?.class, 'tf tf-count');
	const heapGoal = byKey.get('gctrace/heap-goal')!;
	assert.equal(code.slice(heapGoal.start as number, heapGoal.end as number), '5');
	assert.equal(heapGoal.properties?.class, 'tf tf-memory');
	const wall = byKey.get('gctrace/wall-sweep-termination')!;
	assert.equal(code.slice(wall.start as number, wall.end as number), '0.020');
	assert.equal(wall.properties?.class, 'tf tf-time');
	// The program's own log line gets no decoration.
	const otherStart = code.indexOf('listener');
	assert.ok(decorations.every((d) => (d.end as number) <= otherStart || (d.start as number) >= otherStart + 18));
});

test('a field printed empty gets no decoration; its neighbours keep theirs', () => {
	// Real, Go 1.26 (scheddetail/go1.26-p2-load.txt lines 4 and 57).
	const code = [
		'  M4: p=nil curg=nil mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=true lockedg=nil',
		'  G5982: status=6() m=nil lockedm=nil',
	].join('\n');
	const decorations = traceDecorations(code);
	const keys = decorations.map((d) => d.properties?.['data-key']);
	assert.ok(!keys.includes('scheddetail/m-preemptoff'));
	assert.ok(!keys.includes('scheddetail/g-wait-reason'));
	assert.ok(keys.includes('scheddetail/m-locks') && keys.includes('scheddetail/g-m'));
	assert.ok(decorations.every((d) => (d.end as number) > (d.start as number)));
});
