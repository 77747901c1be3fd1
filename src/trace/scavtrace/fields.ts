/**
 * Fields of the scavenger lines, in print order: the `scvg…` lines gctrace printed in Go
 * 1.2–1.13 (src/runtime/mheap.go, mheap.c before Go 1.5) and the `scav …` line of
 * GODEBUG=scavtrace=1 from Go 1.14 (src/runtime/mgcscavenge.go). Source: the format reference §7.
 */
import { defineFields } from '../fields.ts';

const MIB_PRECISION = 'MiB truncated with >>20: `0` means under 1 MiB';
const KIB_PRECISION = 'KiB truncated with >>10: `0 KiB` means under 1 KiB';
const SCVG_SOURCE =
	'src/runtime/mheap.go, mheap.scavenge (mheap.c before Go 1.5; Go 1.13: bgscavenge in ' +
	'mgcscavenge.go, mheap.scavengeAll for `forced scvg:`)';
const SCAV_SOURCE = 'src/runtime/mgcscavenge.go, printScavTrace';

/** The scavtrace catalogue. */
export const scavtraceFields = defineFields([
	// Go 1.2–1.13, under gctrace: `scvg3: 5 MB released`, `scvg3: inuse: 2, idle: 6, …`.
	{
		key: 'scavtrace/scvg-pass',
		label: 'Scavenger pass',
		printed: 'scvg#:',
		unit: 'id',
		summary: 'The number of this periodic scavenger pass, or -1 for a pass that ' + 'debug.FreeOSMemory requested.',
		since: 2,
		until: 12,
		changes: [
			{
				go: 13,
				note: 'The background scavenger prints `scvg:` with no number, and debug.FreeOSMemory ' + '`forced scvg:`.',
			},
		],
		source: `${SCVG_SOURCE}: k`,
	},
	{
		key: 'scavtrace/scvg-forced',
		label: 'Forced scavenge',
		printed: 'forced scvg:',
		unit: 'marker',
		summary: 'Marks scavenger lines printed for a debug.FreeOSMemory call.',
		since: 13,
		until: 13,
		changes: [],
		source: 'src/runtime/mheap.go, mheap.scavengeAll (Go 1.13): print("forced scvg: ", …)',
	},
	{
		key: 'scavtrace/scvg-gc-forced',
		label: 'GC forced by the scavenger',
		printed: 'scvg#: GC forced',
		unit: 'marker',
		summary:
			'Printed when the scavenger goroutine forced a GC because none had run for a long ' +
			'time; from Go 1.4 the `GC forced` line took its place.',
		since: 2,
		until: 3,
		changes: [],
		source: 'src/pkg/runtime/mheap.c, runtime·MHeap_Scavenger: "scvg%d: GC forced\\n"',
	},
	{
		key: 'scavtrace/scvg-released',
		label: 'Released this pass',
		printed: 'scvg…: # MB released',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary: 'Memory this scavenger pass returned to the operating system.',
		since: 2,
		until: 13,
		changes: [],
		source: `${SCVG_SOURCE}: sumreleased>>20 (released>>20 from Go 1.12)`,
	},
	{
		key: 'scavtrace/scvg-inuse',
		label: 'Heap in use',
		printed: 'inuse: #,',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary: 'Bytes in heap spans that are in use (heap_inuse).',
		since: 2,
		until: 13,
		changes: [],
		source: `${SCVG_SOURCE}: memstats.heap_inuse>>20`,
	},
	{
		key: 'scavtrace/scvg-idle',
		label: 'Heap idle',
		printed: 'idle: #,',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary: 'Bytes in idle heap spans, including those already released (heap_idle).',
		since: 2,
		until: 13,
		changes: [],
		source: `${SCVG_SOURCE}: memstats.heap_idle>>20`,
	},
	{
		key: 'scavtrace/scvg-sys',
		label: 'Heap from the OS',
		printed: 'sys: #,',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary: 'Heap memory obtained from the operating system (heap_sys).',
		since: 2,
		until: 13,
		changes: [],
		source: `${SCVG_SOURCE}: memstats.heap_sys>>20`,
	},
	{
		key: 'scavtrace/scvg-heap-released',
		label: 'Heap released',
		printed: 'released: #,',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary: 'Heap memory currently returned to the operating system (heap_released).',
		since: 2,
		until: 13,
		changes: [],
		source: `${SCVG_SOURCE}: memstats.heap_released>>20`,
	},
	{
		key: 'scavtrace/scvg-consumed',
		label: 'Heap consumed',
		printed: 'consumed: # (MB)',
		unit: 'MB',
		precision: 'MiB truncated with >>20, computed before truncating, so it can differ by 1',
		summary: 'Heap memory obtained from the OS and not returned: sys minus released.',
		since: 2,
		until: 13,
		changes: [],
		source: `${SCVG_SOURCE}: (memstats.heap_sys-memstats.heap_released)>>20`,
	},

	// Go 1.14+ scavtrace: `scav 1024 KiB work (bg), 0 KiB work (eager), 12288 KiB now, 87% util`.
	{
		key: 'scavtrace/generation',
		label: 'Scavenge generation',
		printed: 'scav # … KiB work',
		unit: 'id',
		summary: 'The scavenging generation this line reports on; a new one starts each time ' + 'sweeping completes.',
		since: 15,
		until: 18,
		changes: [],
		source: `${SCAV_SOURCE}: gen`,
	},
	{
		key: 'scavtrace/work',
		label: 'Released since last line',
		printed: '# KiB work',
		unit: 'KiB',
		precision: KIB_PRECISION,
		summary: 'Memory the scavenger returned to the operating system since the previous line.',
		since: 14,
		until: 20,
		changes: [{ go: 21, note: 'Split into `KiB work (bg)` and `KiB work (eager)`.' }],
		source: `${SCAV_SOURCE}: released>>10`,
	},
	{
		key: 'scavtrace/work-bg',
		label: 'Released in background',
		printed: '# KiB work (bg)',
		unit: 'KiB',
		precision: KIB_PRECISION,
		summary:
			'Memory the background scavenger returned to the operating system since the ' +
			'previous line; a forced line prints 0 here.',
		since: 21,
		changes: [],
		source: `${SCAV_SOURCE}: releasedBg>>10`,
	},
	{
		key: 'scavtrace/work-eager',
		label: 'Released eagerly',
		printed: '# KiB work (eager)',
		unit: 'KiB',
		precision: KIB_PRECISION,
		summary:
			'Memory returned to the operating system eagerly, outside the background ' +
			'scavenger, such as by debug.FreeOSMemory on a forced line.',
		since: 21,
		changes: [],
		source: `${SCAV_SOURCE}: releasedEager>>10`,
	},
	{
		key: 'scavtrace/heap-released',
		label: 'Released to the OS',
		printed: '# KiB now',
		unit: 'KiB',
		precision: KIB_PRECISION,
		summary: 'Heap memory currently returned to the operating system.',
		since: 14,
		changes: [
			{
				go: 21,
				note: 'Printed `KiB now` instead of `KiB total`; the runtime doc still says `total`.',
			},
		],
		source: `${SCAV_SOURCE}: gcController.heapReleased.load()>>10 (memstats.heap_released before)`,
	},
	{
		key: 'scavtrace/util',
		label: 'Heap utilization',
		printed: '#% util',
		unit: 'percent',
		precision: 'integer division, truncated',
		summary: 'How much of the heap memory the process retains is in use, in percent.',
		since: 14,
		changes: [],
		source: `${SCAV_SOURCE}: (heapInUse*100)/heapRetained()`,
	},
	{
		key: 'scavtrace/forced',
		label: 'Forced',
		printed: '(forced)',
		unit: 'marker',
		summary: 'Marks the line printed after a forced scavenge, by debug.FreeOSMemory.',
		since: 14,
		changes: [],
		source: `${SCAV_SOURCE}: if forced { print(" (forced)") }`,
	},
	{
		key: 'scavtrace/controller-reset',
		label: 'Controller reset',
		printed: '[controller reset]',
		unit: 'marker',
		summary:
			'Appended when the scavenger’s pacing controller failed and it fell back to a ' +
			'fixed, conservative sleep for a while.',
		since: 18,
		changes: [],
		source: `${SCAV_SOURCE}: else if scavenger.printControllerReset (scavenge.printControllerReset in Go 1.18)`,
	},
]);
