/**
 * Normal ranges: what the numbers people ask about usually look like in a healthy program, and
 * where they start to call for a look, each with where the claim comes from (the runtime's source
 * in the releases the site covers, the Go project's own documents, or this site's captures). Said
 * once here; the decision lesson and the analyzer page render it.
 */
import type { FieldKey } from './types.ts';

/** Where a claim comes from: a runtime source symbol, a Go document, or a capture of this site. */
export interface RangeSource {
	/** Plain text: what the source says or shows, in a few words. */
	says: string;
	/** `runtime`: a file and symbol in src/runtime; `doc`: a page of go.dev; `capture`: content/traces. */
	kind: 'runtime' | 'doc' | 'capture';
	/** The file and symbol (`mgcpacer.go, gcBackgroundUtilization`), the go.dev URL, or the capture's path. */
	where: string;
}

interface NormalRange {
	id: string;
	/** The number, as a reader would name it. */
	quantity: string;
	/** The trace fields that print it. */
	fields: readonly FieldKey[];
	/** What it usually is in a healthy program. */
	healthy: string;
	/** When it calls for a look, and which finding raises it, if one does. */
	worry: string;
	sources: readonly RangeSource[];
}

/** The Go releases whose runtime source the `runtime` sources were checked in. */
export const rangesCheckedIn = ['Go 1.19', 'Go 1.26', 'Go 1.27'] as const;

export const normalRanges: readonly NormalRange[] = [
	{
		id: 'stw-pause',
		quantity: 'Stop-the-world pause per cycle',
		fields: ['gctrace/wall-sweep-termination', 'gctrace/wall-mark-termination'],
		healthy:
			'Well under 1 ms: the two stop-the-world phases of a cycle usually take tens to hundreds of ' +
			'microseconds together. The web service under load in this site’s captures pauses for 0.252 to ' +
			'0.945 ms at the 95th percentile on two Ps of a busy shared machine.',
		worry:
			'More than 10 ms in a cycle (the long pause finding), or a 99th percentile that grows run after ' +
			'run: every goroutine waits that long.',
		sources: [
			{
				kind: 'doc',
				where: 'https://go.dev/doc/go1.5',
				says: 'Go 1.5: the concurrent collector aims at pauses under 10 ms',
			},
			{
				kind: 'doc',
				where: 'https://go.dev/doc/go1.8',
				says: 'Go 1.8: pauses usually under 100 microseconds, often as low as 10',
			},
			{ kind: 'capture', where: 'gctrace/go1.19-web-load.txt', says: 'Go 1.19, p95 0.252 ms over 77 cycles' },
			{ kind: 'capture', where: 'gctrace/go1.26-web-load.txt', says: 'Go 1.26, p95 0.5 ms over 85 cycles' },
			{ kind: 'capture', where: 'gctrace/go1.27-web-load.txt', says: 'Go 1.27, p95 0.945 ms over 42 cycles' },
		],
	},
	{
		id: 'gc-cpu',
		quantity: 'GC CPU share',
		fields: ['gctrace/gc-cpu-percent'],
		healthy:
			'A few percent or less since the start. The web service under load here prints 0% (under 1%, ' +
			'as the runtime truncates it).',
		worry:
			'Above the 25% of GOMAXPROCS the background mark workers are paced at (20% to 30% at some ' +
			'GOMAXPROCS values): the high GC CPU finding. Goroutines are then assisting with marking instead of ' +
			'doing their own work.',
		sources: [
			{
				kind: 'runtime',
				where: 'mgcpacer.go, gcBackgroundUtilization = 0.25',
				says: 'the background workers’ share of GOMAXPROCS',
			},
			{ kind: 'capture', where: 'gctrace/go1.26-web-load.txt', says: 'Go 1.26 under load: 0% on every cycle' },
		],
	},
	{
		id: 'cycles-per-second',
		quantity: 'GC cycles per second',
		fields: ['gctrace/cycle', 'gctrace/since-start'],
		healthy:
			'No number is normal in itself: cycles come as often as the program allocates what the heap goal ' +
			'leaves room for. Anything from one every two minutes (the periodic cycle a quiet program gets) to ' +
			'dozens a second is healthy while the GC CPU share stays low; the web service under load here runs ' +
			'about 29 a second.',
		worry:
			'Many cycles a second together with a high GC CPU share: the heap goal leaves too little room for ' +
			'the allocation rate. Allocate less, or raise GOGC or GOMEMLIMIT and compare the runs.',
		sources: [
			{
				kind: 'runtime',
				where: 'proc.go, forcegcperiod int64 = 2 * 60 * 1e9',
				says: 'a cycle at least every two minutes',
			},
			{
				kind: 'doc',
				where: 'https://go.dev/doc/gc-guide',
				says: 'the heap goal is the live heap plus GOGC% of the live heap and roots',
			},
			{ kind: 'capture', where: 'gctrace/go1.26-web-load.txt', says: '85 cycles in about 3 seconds' },
		],
	},
	{
		id: 'run-queue',
		quantity: 'Goroutines waiting in the run queues',
		fields: ['schedtrace/runqueue', 'schedtrace/local-runqueues', 'schedtrace/idleprocs'],
		healthy:
			'Under load, a few per P at any instant; once the load stops, 0 in every queue with every P idle. ' +
			'A P’s local queue holds up to 256; beyond that the runtime moves half of it to the global queue.',
		worry:
			'Dozens per P line after line after the load has stopped (the leaked goroutines finding), or one P ' +
			'keeping a long queue while another stays short (the unbalanced queues finding).',
		sources: [
			{ kind: 'runtime', where: 'runtime2.go, p.runq [256]guintptr', says: 'a P’s local queue holds 256' },
			{ kind: 'runtime', where: 'proc.go, runqputslow', says: 'a full local queue moves half to the global one' },
			{
				kind: 'capture',
				where: 'schedtrace/go1.26-p1-load.txt',
				says: 'after the load: runqueue=0 [ 0 ], idleprocs=1',
			},
		],
	},
	{
		id: 'threads',
		quantity: 'OS threads',
		fields: ['schedtrace/threads'],
		healthy: 'A few more than GOMAXPROCS, settling once the program warms up: threads are kept for reuse.',
		worry:
			'New highs again and again (the growing thread count finding): goroutines piling up in system or ' +
			'cgo calls. At 10,000 the program crashes.',
		sources: [
			{ kind: 'runtime', where: 'proc.go, sched.maxmcount = 10000', says: 'the default thread limit' },
			{ kind: 'capture', where: 'schedtrace/go1.26-p1-load.txt', says: 'threads=6 with GOMAXPROCS=1' },
		],
	},
];
