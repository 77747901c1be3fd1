/**
 * Fields of `GODEBUG=gctrace=1` output, in print order: the Go 1.5+ `gc N @…` line (with Go
 * 1.5's extra phases in place), the Go 1.25+ `scan:` lines of gctrace=2, the `GC forced`
 * notice, and the Go 1.1–1.4 `gcN(P): …` line. Source: src/runtime/mgc.go (print statements
 * win over the doc comment in src/runtime/extern.go); see the format reference §4–§5.
 */
import { defineFields } from '../fields.ts';

const MS_PRECISION =
	'fmtNSAsMS: 10 ms or more prints whole ms, truncated; below 10 ms two significant digits, ' +
	'truncated, at most three decimals; under 1 µs prints `0`';
const MIB_PRECISION = 'MiB truncated with >>20: `0 MB` means under 1 MiB';
const STWPROCS_CHANGE = {
	go: 10,
	note:
		'stwprocs became min(GOMAXPROCS, ncpu) (the CPU count at startup from Go 1.25); before, ' +
		'gcprocs() was often below GOMAXPROCS.',
};
const MARK_TERMINATION = 'src/runtime/mgc.go, gcMarkTermination (gc in Go 1.5–1.6)';
const LEGACY_SOURCE_12 = 'src/pkg/runtime/mgc0.c, runtime·gc (Go 1.1–1.2)';
const LEGACY_SOURCE_34 = 'src/pkg/runtime/mgc0.c (Go 1.3), src/runtime/mgc0.c (Go 1.4), gc';
const LEGACY_SOURCE = 'src/pkg/runtime/mgc0.c (Go 1.1–1.3), src/runtime/mgc0.c (Go 1.4), gc';
const SCAN_SOURCE = 'src/runtime/mgcmark_greenteagc.go, dumpScanStats';
const SCAN_BOTH_SOURCE = 'src/runtime/mgcmark_nogreenteagc.go and mgcmark_greenteagc.go, dumpScanStats';

/** The gctrace catalogue. */
export const gctraceFields = defineFields([
	// The Go 1.5+ line: `gc 3 @0.041s 2%: … ms clock, … ms cpu, 4->4->1 MB, 4 MB goal, … P`.
	{
		key: 'gctrace/cycle',
		label: 'GC cycle',
		printed: 'gc #',
		unit: 'id',
		summary:
			'The number of this completed GC cycle since the program started, counting forced ' +
			'cycles too, so the first cycle prints `gc 1`.',
		since: 5,
		changes: [],
		source: `${MARK_TERMINATION}: memstats.numgc, incremented before printing`,
	},
	{
		key: 'gctrace/since-start',
		label: 'Time since start',
		printed: '@#s',
		unit: 's',
		precision: 'seconds with exactly three decimals: nanoseconds truncated to whole ms, then ' + 'printed as ms/1000',
		summary: 'Seconds from the start of runtime.main (runtimeInitTime) to the start of this cycle.',
		since: 5,
		changes: [],
		source: `${MARK_TERMINATION}: itoaDiv((work.tSweepTerm-runtimeInitTime)/1e6, 3)`,
	},
	{
		key: 'gctrace/gc-cpu-percent',
		label: 'GC CPU share',
		printed: '#%',
		unit: 'percent',
		precision: 'int(fraction*100), truncated: `0%` means under 1%',
		summary:
			'The share of available CPU (GOMAXPROCS × time) the GC has used since the program ' +
			'started, cumulative and excluding idle-time marking, not this cycle’s share of time.',
		since: 5,
		changes: [
			{
				go: 10,
				note:
					'The stop-the-world terms use stwprocs = min(GOMAXPROCS, ncpu), no longer gcprocs(), ' +
					'which under-reported them.',
			},
			{
				go: 20,
				note:
					'Computed from the runtime’s CPU statistics (GC total minus idle time, over total ' +
					'time); the meaning is unchanged.',
			},
			{
				go: 23,
				note:
					'Pause CPU is GOMAXPROCS × pause plus the time spent stopping, so the printed ' +
					'stop-the-world cpu values no longer add up exactly to it.',
			},
		],
		source: `${MARK_TERMINATION}: int(memstats.gc_cpu_fraction * 100)`,
	},
	{
		key: 'gctrace/leak-check',
		label: 'Goroutine-leak check',
		printed: '(checking for goroutine leaks)',
		unit: 'marker',
		summary:
			'Marks a cycle that ran goroutine-leak detection, requested through runtime/pprof; ' +
			'usually the cycle runtime.GC starts, ending in `(forced)`, unless the heap started one first.',
		since: 26,
		changes: [],
		source:
			'src/runtime/mgc.go, gcMarkTermination: if goroutineLeakDone (flag set by goroutineLeakGC, ' +
			'taken by the next gcStart)',
	},
	{
		key: 'gctrace/wall-sweep-termination',
		label: 'Sweep termination (wall clock)',
		printed: '#+…+… ms clock',
		unit: 'ms',
		precision: MS_PRECISION,
		summary:
			'Wall-clock time of the stop-the-world sweep-termination phase, from the start of the ' +
			'cycle (before stopping the world) until the world restarts for concurrent marking.',
		since: 5,
		changes: [{ go: 6, note: 'Ends at tMark; in Go 1.5 it ended at tScan, before a separate scan phase.' }],
		source: `${MARK_TERMINATION}: fmtNSAsMS(work.tMark - work.tSweepTerm)`,
	},
	{
		key: 'gctrace/wall-scan',
		label: 'Root scan (wall clock)',
		printed: '…+#+…+…+… ms clock',
		unit: 'ms',
		precision: MS_PRECISION,
		summary: 'Wall-clock time of Go 1.5’s concurrent root-scan phase.',
		since: 5,
		until: 5,
		changes: [],
		source: 'src/runtime/mgc.go, gc (Go 1.5): fmtNSAsMS(tInstallWB - tScan)',
	},
	{
		key: 'gctrace/wall-install-write-barrier',
		label: 'Install write barrier (wall clock)',
		printed: '…+…+#+…+… ms clock',
		unit: 'ms',
		precision: MS_PRECISION,
		summary: 'Wall-clock time Go 1.5 spent synchronizing the Ps to turn on the write barrier ' + 'before marking.',
		since: 5,
		until: 5,
		changes: [],
		source: 'src/runtime/mgc.go, gc (Go 1.5): fmtNSAsMS(tMark - tInstallWB)',
	},
	{
		key: 'gctrace/wall-mark',
		label: 'Concurrent mark (wall clock)',
		printed: '…+#+… ms clock',
		unit: 'ms',
		precision: MS_PRECISION,
		summary: 'Wall-clock time of the concurrent mark and scan phase, while the program’s ' + 'goroutines keep running.',
		since: 5,
		changes: [
			{
				go: 6,
				note: 'Root scanning joined this phase; Go 1.5 printed scan and install-write-barrier phases ' + 'before it.',
			},
			{
				go: 9,
				note:
					'runtime.GC cycles became concurrent; in Go 1.5–1.8 they were stop-the-world and ' +
					'printed 0 here, as gcstoptheworld cycles did through Go 1.11.',
			},
		],
		source: `${MARK_TERMINATION}: fmtNSAsMS(work.tMarkTerm - work.tMark)`,
	},
	{
		key: 'gctrace/wall-mark-termination',
		label: 'Mark termination (wall clock)',
		printed: '…+…+# ms clock',
		unit: 'ms',
		precision: MS_PRECISION,
		summary:
			'Wall-clock time of the stop-the-world mark-termination phase, from just before ' +
			'stopping the world to the end of the termination work.',
		since: 5,
		changes: [],
		source: `${MARK_TERMINATION}: fmtNSAsMS(work.tEnd - work.tMarkTerm)`,
	},
	{
		key: 'gctrace/cpu-sweep-termination',
		label: 'Sweep termination (CPU)',
		printed: '#+…/…/…+… ms cpu',
		unit: 'ms',
		precision: MS_PRECISION,
		summary: 'The sweep-termination wall time multiplied by stwprocs: a computed figure, not ' + 'measured CPU time.',
		since: 5,
		changes: [STWPROCS_CHANGE],
		source: `${MARK_TERMINATION}: ` + 'sweepTermCpu = int64(work.stwprocs) * (work.tMark - work.tSweepTerm)',
	},
	{
		key: 'gctrace/cpu-scan',
		label: 'Root scan (CPU)',
		printed: '…+#+…+…/…/…+… ms cpu',
		unit: 'ms',
		precision: MS_PRECISION,
		summary: 'Go 1.5’s root-scan wall time, counted as one CPU.',
		since: 5,
		until: 5,
		changes: [],
		source: 'src/runtime/mgc.go, gc (Go 1.5): scanCpu = tInstallWB - tScan',
	},
	{
		key: 'gctrace/cpu-install-write-barrier',
		label: 'Install write barrier (CPU)',
		printed: '…+…+#+…/…/…+… ms cpu',
		unit: 'ms',
		precision: MS_PRECISION,
		summary: 'Always `0`: Go 1.5 set this phase’s CPU time to zero.',
		since: 5,
		until: 5,
		changes: [],
		source: 'src/runtime/mgc.go, gc (Go 1.5): installWBCpu = 0',
	},
	{
		key: 'gctrace/cpu-assist',
		label: 'Mark assist (CPU)',
		printed: '…+#/…/…+… ms cpu',
		unit: 'ms',
		precision: MS_PRECISION,
		summary:
			'Time goroutines spent in mark assists this cycle, GC work done in line with ' +
			'allocation, summed from wall-clock intervals.',
		since: 5,
		changes: [],
		source: `${MARK_TERMINATION}: gcController.assistTime`,
	},
	{
		key: 'gctrace/cpu-background',
		label: 'Background mark (CPU)',
		printed: '…+…/#/…+… ms cpu',
		unit: 'ms',
		precision: MS_PRECISION,
		summary: 'Time the dedicated and fractional background mark workers spent marking this cycle.',
		since: 5,
		changes: [],
		source: `${MARK_TERMINATION}: gcController.dedicatedMarkTime + gcController.fractionalMarkTime`,
	},
	{
		key: 'gctrace/cpu-idle',
		label: 'Idle mark (CPU)',
		printed: '…+…/…/#+… ms cpu',
		unit: 'ms',
		precision: MS_PRECISION,
		summary:
			'Time idle mark workers spent marking on Ps that had nothing else to run; the GC ' + 'CPU share leaves it out.',
		since: 5,
		changes: [],
		source: `${MARK_TERMINATION}: gcController.idleMarkTime`,
	},
	{
		key: 'gctrace/cpu-mark-termination',
		label: 'Mark termination (CPU)',
		printed: '…+…/…/…+# ms cpu',
		unit: 'ms',
		precision: MS_PRECISION,
		summary: 'The mark-termination wall time multiplied by stwprocs: a computed figure, not ' + 'measured CPU time.',
		since: 5,
		changes: [STWPROCS_CHANGE],
		source: `${MARK_TERMINATION}: ` + 'markTermCpu = int64(work.stwprocs) * (work.tEnd - work.tMarkTerm)',
	},
	{
		key: 'gctrace/heap-start',
		label: 'Heap at start',
		printed: '#->…->… MB',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary:
			'The heap-live counter when the cycle started, which counts whole spans handed to ' +
			'per-P caches and so slightly overestimates.',
		since: 5,
		changes: [{ go: 18, note: 'Read from gcController.heapLive instead of memstats.heap_live.' }],
		source: `${MARK_TERMINATION}: work.heap0>>20, heapLive read in gcStart`,
	},
	{
		key: 'gctrace/heap-end',
		label: 'Heap at mark end',
		printed: '…->#->… MB',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary:
			'The heap-live counter when mark termination began, at the end of marking and ' +
			'before anything is swept, so not the heap after memory is reclaimed.',
		since: 5,
		changes: [],
		source: `${MARK_TERMINATION}: work.heap1>>20`,
	},
	{
		key: 'gctrace/heap-live',
		label: 'Live heap',
		printed: '…->…-># MB',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary: 'Heap bytes this cycle marked as reachable.',
		since: 5,
		changes: [],
		source: `${MARK_TERMINATION}: work.heap2>>20 = work.bytesMarked`,
	},
	{
		key: 'gctrace/heap-goal',
		label: 'Heap goal',
		printed: '# MB goal',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary: 'The heap size the pacer aimed to finish this cycle under.',
		since: 5,
		changes: [
			{
				go: 12,
				note: 'Stop-the-world cycles no longer print the start heap (heap0) as their goal.',
			},
			{
				go: 19,
				note:
					'Now gcController.lastHeapGoal, the goal recorded at the end of mark rather than at ' + 'the cycle start.',
			},
		],
		source: `${MARK_TERMINATION}: gcController.lastHeapGoal>>20 (work.heapGoal>>20 before Go 1.19)`,
	},
	{
		key: 'gctrace/stacks',
		label: 'Scannable stacks',
		printed: '# MB stacks',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary:
			'Goroutine stack space for the GC to scan: an estimate in Go 1.18–1.19, the stack ' +
			'bytes actually scanned in this cycle from Go 1.20.',
		since: 18,
		changes: [
			{ go: 19, note: 'Read from maxStackScan, the same estimate under a new name.' },
			{ go: 20, note: 'Now lastStackScan, the stack bytes scanned in this cycle.' },
		],
		source: 'src/runtime/mgc.go, gcMarkTermination: gcController.lastStackScan.Load()>>20',
	},
	{
		key: 'gctrace/globals',
		label: 'Scannable globals',
		printed: '# MB globals',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary: 'The total size of the program’s scannable global variables (data and bss).',
		since: 18,
		changes: [],
		source: 'src/runtime/mgc.go, gcMarkTermination: gcController.globalsScan.Load()>>20',
	},
	{
		key: 'gctrace/procs',
		label: 'GOMAXPROCS',
		printed: '# P',
		unit: 'count',
		summary: 'GOMAXPROCS when this cycle started, not the number of CPUs the collector used.',
		since: 5,
		changes: [],
		source: `${MARK_TERMINATION}: work.maxprocs`,
	},
	{
		key: 'gctrace/forced',
		label: 'Forced',
		printed: '(forced)',
		unit: 'marker',
		summary:
			'Marks a cycle the program forced (runtime.GC or debug.FreeOSMemory), never ' +
			'sysmon’s periodic two-minute GC.',
		since: 5,
		changes: [
			{
				go: 9,
				note:
					'Set from work.userForced; in Go 1.5–1.8 every non-background cycle was marked, ' +
					'including GODEBUG=gcstoptheworld ones.',
			},
			{ go: 26, note: 'Goroutine-leak checks usually run in a forced cycle and then carry it too.' },
		],
		source: `${MARK_TERMINATION}: if work.userForced (work.mode != gcBackgroundMode before Go 1.9)`,
	},

	// Go 1.25+ gctrace=2: `scan: total 1204+5310+8716=15230 objs, 214+96=310 spans`.
	{
		key: 'gctrace/scan-large-class',
		label: 'Large objects',
		printed: 'scan: class L …',
		unit: 'marker',
		summary:
			'This line counts large objects, each too big for a size class and given its own ' + 'span (size class 0).',
		since: 25,
		changes: [],
		source: `${SCAN_BOTH_SOURCE}: print("scan: class L ")`,
	},
	{
		key: 'gctrace/scan-size-class',
		label: 'Size class',
		printed: 'scan: class #B …',
		unit: 'bytes',
		summary: 'The object size, in bytes, of the size class this line counts.',
		since: 25,
		changes: [],
		source: `${SCAN_BOTH_SOURCE}: gc.SizeClassToSize[i]`,
	},
	{
		key: 'gctrace/scan-objects-single',
		label: 'Objects scanned singly',
		printed: '# objs (Green Tea: #+…+…=… objs)',
		unit: 'count',
		summary:
			'Objects the GC scanned one at a time in the last cycle (all of them without Green ' +
			'Tea), for this size class or, on the total line, for all classes.',
		since: 25,
		changes: [],
		source: `${SCAN_BOTH_SOURCE}: sparseObjsScanned`,
	},
	{
		key: 'gctrace/scan-objects-sparse-spans',
		label: 'Objects in sparse spans',
		printed: '…+#+…=… objs',
		unit: 'count',
		summary:
			'Objects Green Tea scanned span by span in spans with few marked objects, one ' +
			'object after another (scanObjectsSmall).',
		since: 25,
		changes: [{ go: 26, note: 'Green Tea became the default collector.' }],
		source: `${SCAN_SOURCE}: spanObjsSparseScanned`,
	},
	{
		key: 'gctrace/scan-objects-dense-spans',
		label: 'Objects in dense spans',
		printed: '…+…+#=… objs',
		unit: 'count',
		summary:
			'Objects Green Tea scanned a whole span at once with the packed span scanner ' +
			'(ScanSpanPacked), used when many of a span’s objects are marked.',
		since: 25,
		changes: [{ go: 26, note: 'Green Tea became the default collector.' }],
		source: `${SCAN_SOURCE}: spanObjsDenseScanned`,
	},
	{
		key: 'gctrace/scan-objects-total',
		label: 'Objects scanned',
		printed: '…+…+…=# objs',
		unit: 'count',
		summary: 'The sum of the three object counts before it.',
		since: 25,
		changes: [{ go: 26, note: 'Green Tea became the default collector.' }],
		source: `${SCAN_SOURCE}: sparseObjsScanned + spanObjsSparseScanned + spanObjsDenseScanned`,
	},
	{
		key: 'gctrace/scan-spans-sparse',
		label: 'Sparse spans',
		printed: '#+…=… spans',
		unit: 'count',
		summary: 'Spans Green Tea scanned object by object rather than with the packed dense scanner.',
		since: 25,
		changes: [{ go: 26, note: 'Green Tea became the default collector.' }],
		source: `${SCAN_SOURCE}: spansSparseScanned`,
	},
	{
		key: 'gctrace/scan-spans-dense',
		label: 'Dense spans',
		printed: '…+#=… spans',
		unit: 'count',
		summary: 'Spans Green Tea scanned whole with the packed span scanner.',
		since: 25,
		changes: [{ go: 26, note: 'Green Tea became the default collector.' }],
		source: `${SCAN_SOURCE}: spansDenseScanned`,
	},
	{
		key: 'gctrace/scan-spans-total',
		label: 'Spans scanned',
		printed: '…+…=# spans',
		unit: 'count',
		summary: 'The sum of sparse and dense spans.',
		since: 25,
		changes: [{ go: 26, note: 'Green Tea became the default collector.' }],
		source: `${SCAN_SOURCE}: spansSparseScanned + spansDenseScanned`,
	},

	// `GC forced`, printed alone before sysmon's periodic GC.
	{
		key: 'gctrace/periodic-gc-notice',
		label: 'Periodic GC notice',
		printed: 'GC forced',
		unit: 'marker',
		summary:
			'Printed just before sysmon’s periodic GC, two minutes or more after the last cycle ' +
			'ended (never with GOGC=off); that cycle’s own gc line has no `(forced)`.',
		since: 4,
		changes: [],
		source:
			'src/runtime/proc.go, forcegchelper: println("GC forced"); sysmon wakes it when ' +
			'gcTrigger{kind: gcTriggerTime}.test() (src/runtime/mgc.go) holds',
	},

	// Go 1.1–1.4: `gc1(1): 2+0+198+3 us, 0 -> 0 MB, 18 (19-1) objects, …`.
	{
		key: 'gctrace/legacy-cycle',
		label: 'GC number (Go ≤1.4)',
		printed: 'gc#(…):',
		unit: 'id',
		summary:
			'The number of this collection since the program started, so the first prints ' +
			'`gc1`; with gctrace=2 each collection runs twice and prints two numbers.',
		since: 1,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE}: mstats.numgc, incremented before printing`,
	},
	{
		key: 'gctrace/legacy-procs',
		label: 'GC threads (Go ≤1.4)',
		printed: 'gc…(#):',
		unit: 'count',
		summary: 'How many threads took part in this collection.',
		since: 1,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE}: work.nproc`,
	},
	{
		key: 'gctrace/legacy-mark-ms',
		label: 'Mark (Go 1.1–1.2)',
		printed: '#+…+… ms',
		unit: 'ms',
		precision: 'whole milliseconds, truncated',
		summary: 'Time spent marking.',
		since: 1,
		until: 2,
		changes: [],
		source: `${LEGACY_SOURCE_12}: (t2-t1)/1000000`,
	},
	{
		key: 'gctrace/legacy-sweep-ms',
		label: 'Sweep (Go 1.1–1.2)',
		printed: '…+#+… ms',
		unit: 'ms',
		precision: 'whole milliseconds, truncated',
		summary: 'Time spent sweeping.',
		since: 1,
		until: 2,
		changes: [],
		source: `${LEGACY_SOURCE_12}: (t3-t2)/1000000`,
	},
	{
		key: 'gctrace/legacy-other-ms',
		label: 'Other work (Go 1.1–1.2)',
		printed: '…+…+# ms',
		unit: 'ms',
		precision: 'whole milliseconds, truncated',
		summary: 'Time spent in the rest of the collection, before marking and after sweeping.',
		since: 1,
		until: 2,
		changes: [],
		source: `${LEGACY_SOURCE_12}: (t1-t0+t4-t3)/1000000`,
	},
	{
		key: 'gctrace/legacy-setup-us',
		label: 'Setup (Go 1.3–1.4)',
		printed: '#+…+…+… us',
		unit: 'us',
		precision: 'whole microseconds, truncated',
		summary: 'Time from the start of the collection up to sweeping the unswept spans.',
		since: 3,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE_34}: (t1-t0)/1000`,
	},
	{
		key: 'gctrace/legacy-sweep-us',
		label: 'Finish sweeping (Go 1.3–1.4)',
		printed: '…+#+…+… us',
		unit: 'us',
		precision: 'whole microseconds, truncated',
		summary: 'Time spent sweeping spans the concurrent sweeper had not yet swept.',
		since: 3,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE_34}: (t2-t1)/1000`,
	},
	{
		key: 'gctrace/legacy-mark-us',
		label: 'Mark (Go 1.3–1.4)',
		printed: '…+…+#+… us',
		unit: 'us',
		precision: 'whole microseconds, truncated',
		summary: 'Time spent marking.',
		since: 3,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE_34}: (t3-t2)/1000`,
	},
	{
		key: 'gctrace/legacy-finish-us',
		label: 'Finish (Go 1.3–1.4)',
		printed: '…+…+…+# us',
		unit: 'us',
		precision: 'whole microseconds, truncated',
		summary: 'Time spent finishing the collection after marking.',
		since: 3,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE_34}: (t4-t3)/1000`,
	},
	{
		key: 'gctrace/legacy-heap-before',
		label: 'Heap before (Go ≤1.4)',
		printed: '# -> … MB',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary:
			'The allocated heap before the collection in Go 1.1–1.2; from Go 1.3 an estimate ' +
			'of the live heap after the previous collection.',
		since: 1,
		until: 4,
		changes: [
			{
				go: 3,
				note: 'Now estimated as `mstats.next_gc*100/(gcpercent+100)`, "for tracing only".',
			},
		],
		source: `${LEGACY_SOURCE}: heap0>>20`,
	},
	{
		key: 'gctrace/legacy-heap-after',
		label: 'Heap after (Go ≤1.4)',
		printed: '… -> # MB',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary:
			'The allocated heap (heap_alloc) at the end of the collection’s pause, which in Go 1.3–1.4 is before the concurrent sweep frees anything.',
		since: 1,
		until: 4,
		changes: [
			{ go: 3, note: 'Sweeping became concurrent, so the value is read before this cycle’s garbage is freed.' },
		],
		source: `${LEGACY_SOURCE}: heap1>>20, heap1 = mstats.heap_alloc`,
	},
	{
		key: 'gctrace/legacy-objects-before',
		label: 'Objects before (Go 1.1–1.2)',
		printed: '# -> … (…-…) objects',
		unit: 'count',
		summary: 'Heap objects allocated and not yet freed (mallocs minus frees) before the collection.',
		since: 1,
		until: 2,
		changes: [],
		source: `${LEGACY_SOURCE_12}: obj0 = mstats.nmalloc - mstats.nfree`,
	},
	{
		key: 'gctrace/legacy-objects-after',
		label: 'Objects after (Go ≤1.4)',
		printed: '# (…-…) objects',
		unit: 'count',
		summary:
			'Heap objects allocated and not yet freed (mallocs minus frees) after the pause, which in Go 1.3–1.4 still counts garbage the concurrent sweep has not freed yet.',
		since: 1,
		until: 4,
		changes: [{ go: 3, note: 'Printed alone, without the before count and arrow.' }],
		source: `${LEGACY_SOURCE}: obj1 (Go 1.1–1.2) or obj = mstats.nmalloc - mstats.nfree`,
	},
	{
		key: 'gctrace/legacy-mallocs',
		label: 'Mallocs (Go ≤1.4)',
		printed: '(#-…) objects',
		unit: 'count',
		summary: 'Heap allocations made since the program started.',
		since: 1,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE}: mstats.nmalloc`,
	},
	{
		key: 'gctrace/legacy-frees',
		label: 'Frees (Go ≤1.4)',
		printed: '(…-#) objects',
		unit: 'count',
		summary: 'Heap objects freed since the program started.',
		since: 1,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE}: mstats.nfree`,
	},
	{
		key: 'gctrace/legacy-goroutines',
		label: 'Goroutines (Go 1.4)',
		printed: '# goroutines',
		unit: 'count',
		summary: 'The number of goroutines, as runtime.NumGoroutine counts them.',
		since: 4,
		until: 4,
		changes: [],
		source: 'src/runtime/mgc0.c, gc (Go 1.4): runtime·gcount()',
	},
	{
		key: 'gctrace/legacy-spans',
		label: 'Spans (Go 1.3–1.4)',
		printed: '#/…/… sweeps',
		unit: 'count',
		summary: 'The number of heap spans this collection set up for sweeping.',
		since: 3,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE_34}: sweep.nspan (Go 1.3), work.nspan (Go 1.4)`,
	},
	{
		key: 'gctrace/legacy-background-sweeps',
		label: 'Background sweeps (Go 1.3–1.4)',
		printed: '…/#/… sweeps',
		unit: 'count',
		summary: 'Spans the background sweeper swept since the previous gc line.',
		since: 3,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE_34}: ` + 'gcstats.nbgsweep (Go 1.3), sweep.nbgsweep (Go 1.4), reset after printing',
	},
	{
		key: 'gctrace/legacy-pause-sweeps',
		label: 'Pause sweeps (Go 1.3–1.4)',
		printed: '…/…/# sweeps',
		unit: 'count',
		summary:
			'Spans still unswept when a collection started, which had to be swept during its ' +
			'pause, since the previous gc line.',
		since: 3,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE_34}: ` + 'gcstats.npausesweep (Go 1.3), sweep.npausesweep (Go 1.4), reset after printing',
	},
	{
		key: 'gctrace/legacy-handoffs',
		label: 'Handoffs (Go ≤1.4)',
		printed: '#(…) handoff',
		unit: 'count',
		summary: 'How many times a marking thread handed part of its work buffer to the others.',
		since: 1,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE}: stats.nhandoff`,
	},
	{
		key: 'gctrace/legacy-handoff-objects',
		label: 'Objects handed off (Go ≤1.4)',
		printed: '…(#) handoff',
		unit: 'count',
		summary: 'How many objects to scan those handoffs passed on.',
		since: 1,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE}: stats.nhandoffcnt`,
	},
	{
		key: 'gctrace/legacy-steals',
		label: 'Steals (Go ≤1.4)',
		printed: '#(…) steal',
		unit: 'count',
		summary:
			'How many times a GC thread took work from another in the runtime’s parallel-for ' +
			'loop (the sweep loop in Go 1.1–1.2, root marking from Go 1.3).',
		since: 1,
		until: 4,
		changes: [{ go: 3, note: 'Counted on the root-marking loop instead of the sweep loop.' }],
		source: `${LEGACY_SOURCE}: work.sweepfor->nsteal (Go 1.1–1.2), work.markfor->nsteal`,
	},
	{
		key: 'gctrace/legacy-stolen',
		label: 'Iterations stolen (Go ≤1.4)',
		printed: '…(#) steal',
		unit: 'count',
		summary: 'How many loop iterations those steals took.',
		since: 1,
		until: 4,
		changes: [{ go: 3, note: 'Counted on the root-marking loop instead of the sweep loop.' }],
		source: `${LEGACY_SOURCE}: work.sweepfor->nstealcnt (Go 1.1–1.2), work.markfor->nstealcnt`,
	},
	{
		key: 'gctrace/legacy-procyields',
		label: 'Spin yields (Go ≤1.4)',
		printed: '#/…/… yields',
		unit: 'count',
		summary: 'How many times GC threads spun in place (procyield) while waiting for work.',
		since: 1,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE}: stats.nprocyield`,
	},
	{
		key: 'gctrace/legacy-osyields',
		label: 'OS yields (Go ≤1.4)',
		printed: '…/#/… yields',
		unit: 'count',
		summary: 'How many times GC threads yielded to the OS (osyield) while waiting for work.',
		since: 1,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE}: stats.nosyield`,
	},
	{
		key: 'gctrace/legacy-sleeps',
		label: 'Sleeps (Go ≤1.4)',
		printed: '…/…/# yields',
		unit: 'count',
		summary: 'How many times GC threads slept (usleep) while waiting for work.',
		since: 1,
		until: 4,
		changes: [],
		source: `${LEGACY_SOURCE}: stats.nsleep`,
	},
]);
