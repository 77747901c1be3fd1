/**
 * From each trace field to production: the `runtime/metrics` metrics, `runtime.MemStats` fields,
 * Prometheus names (client_golang's Go collector) and `go tool trace` views that carry the same
 * quantity, and how they differ from the printed number. Nobody leaves GODEBUG on in production,
 * so this is how a reader keeps watching what a field taught them.
 *
 * Every metric is checked by production.test.ts against `metrics.All()` of Go 1.19, the machine's
 * Go and Go 1.27.3 (examples/metrics-list prints it), and so is every MemStats field. The
 * Prometheus names come from github.com/prometheus/client_golang's source (prometheus/go_collector.go,
 * go_collector_latest.go, internal/go_runtime_metrics.go; collectors/go_collector_go126_test.go lists
 * the names it expects under Go 1.26), v1.20.0 and later.
 */
import type { gcpacertraceFields } from './gcpacertrace/fields.ts';
import type { gctraceFields } from './gctrace/fields.ts';
import type { inittraceFields } from './inittrace/fields.ts';
import type { scavtraceFields } from './scavtrace/fields.ts';
import type { scheddetailFields } from './scheddetail/fields.ts';
import type { schedtraceFields } from './schedtrace/fields.ts';
import type { FieldKey } from './types.ts';

/** Every catalogue key as a literal, so a missing or unknown entry below is a compile error. */
type CatalogueKey = (
	| typeof gctraceFields
	| typeof schedtraceFields
	| typeof scheddetailFields
	| typeof gcpacertraceFields
	| typeof scavtraceFields
	| typeof inittraceFields
)[number]['key'];

/** How `metrics.All()` describes a metric's value. */
type MetricKind = 'uint64' | 'float64' | 'float64-histogram';

/** One `runtime/metrics` metric the reference cites. */
export interface RuntimeMetric {
	kind: MetricKind;
	/** Whether metrics.All() flags it cumulative (only grows) in current releases. */
	cumulative: boolean;
	/** From which Go minor release metrics.All() sets the cumulative flag, when older ones did not. */
	cumulativeSince?: number;
	/** First Go minor release that has it, of those checked: 19 means Go 1.19 or earlier. */
	since: number;
	/** Deprecated in favour of another metric, from a release; still present. */
	deprecated?: { go: number; use: string };
}

/** The oldest Go release whose metric list the reference checks (Go 1.19, Debian's golang-1.19-go). */
export const oldestCheckedGo = 19;

/** Every metric the reference cites, keyed by its full name (`/gc/heap/goal:bytes`). */
export const runtimeMetrics = {
	'/gc/cycles/total:gc-cycles': { kind: 'uint64', cumulative: true, since: 19 },
	'/gc/cycles/forced:gc-cycles': { kind: 'uint64', cumulative: true, since: 19 },
	'/gc/cycles/automatic:gc-cycles': { kind: 'uint64', cumulative: true, since: 19 },
	'/gc/heap/goal:bytes': { kind: 'uint64', cumulative: false, since: 19 },
	'/gc/heap/live:bytes': { kind: 'uint64', cumulative: false, since: 21 },
	'/gc/heap/objects:objects': { kind: 'uint64', cumulative: false, since: 19 },
	'/gc/heap/allocs:bytes': { kind: 'uint64', cumulative: true, since: 19 },
	'/gc/heap/allocs:objects': { kind: 'uint64', cumulative: true, since: 19 },
	'/gc/heap/frees:objects': { kind: 'uint64', cumulative: true, since: 19 },
	'/gc/heap/tiny/allocs:objects': { kind: 'uint64', cumulative: true, since: 19 },
	'/gc/scan/heap:bytes': { kind: 'uint64', cumulative: false, since: 21 },
	'/gc/scan/stack:bytes': { kind: 'uint64', cumulative: false, since: 21 },
	'/gc/scan/globals:bytes': { kind: 'uint64', cumulative: false, since: 21 },
	'/gc/scan/total:bytes': { kind: 'uint64', cumulative: false, since: 21 },
	'/gc/pauses:seconds': {
		kind: 'float64-histogram',
		cumulative: true,
		since: 19,
		deprecated: { go: 22, use: '/sched/pauses/total/gc:seconds' },
	},
	'/sched/pauses/total/gc:seconds': { kind: 'float64-histogram', cumulative: true, since: 22 },
	'/sched/pauses/stopping/gc:seconds': { kind: 'float64-histogram', cumulative: true, since: 22 },
	'/sched/pauses/stopping/other:seconds': { kind: 'float64-histogram', cumulative: true, since: 22 },
	'/cpu/classes/gc/total:cpu-seconds': { kind: 'float64', cumulative: true, since: 20 },
	'/cpu/classes/gc/mark/assist:cpu-seconds': { kind: 'float64', cumulative: true, since: 20 },
	'/cpu/classes/gc/mark/dedicated:cpu-seconds': { kind: 'float64', cumulative: true, since: 20 },
	'/cpu/classes/gc/mark/idle:cpu-seconds': { kind: 'float64', cumulative: true, since: 20 },
	'/cpu/classes/gc/pause:cpu-seconds': { kind: 'float64', cumulative: true, since: 20 },
	'/cpu/classes/total:cpu-seconds': { kind: 'float64', cumulative: true, since: 20 },
	'/cpu/classes/scavenge/background:cpu-seconds': { kind: 'float64', cumulative: true, since: 20 },
	'/cpu/classes/scavenge/assist:cpu-seconds': { kind: 'float64', cumulative: true, since: 20 },
	'/memory/classes/heap/objects:bytes': { kind: 'uint64', cumulative: false, since: 19 },
	'/memory/classes/heap/unused:bytes': { kind: 'uint64', cumulative: false, since: 19 },
	'/memory/classes/heap/free:bytes': { kind: 'uint64', cumulative: false, since: 19 },
	'/memory/classes/heap/released:bytes': { kind: 'uint64', cumulative: false, since: 19 },
	'/sched/gomaxprocs:threads': { kind: 'uint64', cumulative: false, since: 19 },
	'/sched/goroutines:goroutines': { kind: 'uint64', cumulative: false, since: 19 },
	'/sched/goroutines/runnable:goroutines': { kind: 'uint64', cumulative: false, since: 26 },
	'/sched/goroutines/running:goroutines': { kind: 'uint64', cumulative: false, since: 26 },
	'/sched/goroutines/waiting:goroutines': { kind: 'uint64', cumulative: false, since: 26 },
	'/sched/goroutines/not-in-go:goroutines': { kind: 'uint64', cumulative: false, since: 26 },
	'/sched/latencies:seconds': { kind: 'float64-histogram', cumulative: true, cumulativeSince: 21, since: 19 },
	'/sched/threads/total:threads': { kind: 'uint64', cumulative: false, since: 26 },
} as const satisfies Record<string, RuntimeMetric>;

export type MetricName = keyof typeof runtimeMetrics;

/** The `runtime.MemStats` fields the reference cites (the test checks each exists). */
export const memStatsFields = [
	'NumGC',
	'NumForcedGC',
	'LastGC',
	'PauseNs',
	'PauseTotalNs',
	'GCCPUFraction',
	'NextGC',
	'HeapAlloc',
	'HeapObjects',
	'HeapInuse',
	'HeapIdle',
	'HeapSys',
	'HeapReleased',
	'Mallocs',
	'Frees',
] as const;
type MemStatsField = (typeof memStatsFields)[number];

/**
 * The names client_golang's Go collector (`collectors.NewGoCollector()`, as registered by
 * default) exports whatever runtime/metrics rules are set, and what each is read from.
 */
export const prometheusDefaultNames = {
	go_gc_duration_seconds:
		'a summary of stop-the-world pause per GC cycle, from `debug.ReadGCStats`: quantiles of the ' +
		'last 256 cycles’ pauses, `_count` = `NumGC`, `_sum` = `PauseTotalNs` in seconds',
	go_goroutines: '`runtime.NumGoroutine()`',
	go_threads: 'the number of records in `runtime.ThreadCreateProfile`: OS threads created',
	go_memstats_last_gc_time_seconds: '`MemStats.LastGC` in seconds since 1970',
	go_memstats_next_gc_bytes: '`MemStats.NextGC`, read from `/gc/heap/goal:bytes`',
	go_memstats_heap_alloc_bytes: '`MemStats.HeapAlloc`, read from `/memory/classes/heap/objects:bytes`',
	go_memstats_heap_objects: '`MemStats.HeapObjects`, read from `/gc/heap/objects:objects`',
	go_memstats_heap_inuse_bytes: '`MemStats.HeapInuse`: `/memory/classes/heap/objects:bytes` + `…/heap/unused:bytes`',
	go_memstats_heap_idle_bytes: '`MemStats.HeapIdle`: `/memory/classes/heap/released:bytes` + `…/heap/free:bytes`',
	go_memstats_heap_sys_bytes: '`MemStats.HeapSys`: `HeapInuse + HeapIdle`',
	go_memstats_heap_released_bytes: '`MemStats.HeapReleased`, read from `/memory/classes/heap/released:bytes`',
	go_memstats_mallocs_total: '`MemStats.Mallocs`: `/gc/heap/allocs:objects` + `/gc/heap/tiny/allocs:objects`',
	go_memstats_frees_total: '`MemStats.Frees`: `/gc/heap/frees:objects` + `/gc/heap/tiny/allocs:objects`',
} as const;
type PrometheusDefaultName = keyof typeof prometheusDefaultNames;

/**
 * runtime/metrics names client_golang's Go collector exports without any option (v1.20.0 and
 * later, `GoCollectorDefaultRuntimeMetrics`); the others need
 * `collectors.WithGoCollectorRuntimeMetrics(…)`.
 */
export const prometheusDefaultRuntimeMetrics: readonly string[] = [
	'/gc/gogc:percent',
	'/gc/gomemlimit:bytes',
	'/sched/gomaxprocs:threads',
];

/**
 * The Prometheus name client_golang's Go collector gives a runtime/metrics metric (its
 * `internal.RuntimeMetricsToProm`): `go_`, the path with `/` and `-` turned into `_`, the unit,
 * and `_total` for a cumulative metric that is not a histogram.
 */
export function prometheusName(name: MetricName): string {
	const metric: RuntimeMetric = runtimeMetrics[name];
	const [key, unit] = name.split(':') as [string, string];
	const parts = key.slice(1).split('/');
	const last = parts.pop()!;
	const subsystem = parts.join('_').replaceAll('-', '_');
	const unitPart = unit.replaceAll('-', '_').replaceAll('*', '_').replaceAll('/', '_per_');
	const total = metric.cumulative && metric.kind !== 'float64-histogram' ? '_total' : '';
	return `go_${subsystem}_${last.replaceAll('-', '_')}_${unitPart}${total}`;
}

/** Where a field's quantity can be watched without GODEBUG. */
export interface FieldProduction {
	/**
	 * `same`: the metrics carry the field's quantity (the note says how units, timing or totals
	 * differ); `nearest`: they carry the closest quantity there is, not the same one; `none`:
	 * nothing does, and the note says why.
	 */
	carries: 'same' | 'nearest' | 'none';
	/** runtime/metrics metrics carrying it or, as `note` says, the nearest quantity; empty when none does. */
	metrics: readonly MetricName[];
	/** runtime.MemStats fields carrying it; empty when none does. */
	memStats: readonly MemStatsField[];
	/** client_golang's always-exported names carrying it (runtime/metrics conversions come from `metrics`). */
	prometheus: readonly PrometheusDefaultName[];
	/** The view of `go tool trace` (Go 1.22+ execution traces) that shows it, or null when none does. */
	trace: string | null;
	/** How the production figures differ from the printed field (units, per cycle or cumulative, when sampled), or why none carries it. */
	note: string;
}

const NONE = { carries: 'none', metrics: [], memStats: [], prometheus: [] } as const;

/** A field no metric, MemStats field or Prometheus name carries; `note` says why and what comes closest. */
function none(note: string, trace: string | null = null): FieldProduction {
	return { ...NONE, trace, note };
}

const TRACE_GC_ROW = 'View trace by proc: the “GC” row above the Ps';
const TRACE_HEAP = 'View trace by proc: the “Heap” counter at the top';
const TRACE_PROCS = 'View trace by proc: one row per P';
const TRACE_GOROUTINES = 'View trace by proc: the “Goroutines” counter (running, runnable, GC waiting)';
const TRACE_THREADS = 'View trace by proc: the “Threads” counter (running, in syscall)';
const TRACE_SCHED_LATENCY = 'Scheduler latency profile';
const TRACE_MMU = 'Minimum mutator utilization';
const TRACE_ASSIST = 'View trace by proc: “GC mark assist” slices under the goroutines that assist';

const LEGACY =
	'This line is Go 1.1–1.4 only; runtime/metrics arrived in Go 1.16, so a program on those releases ' +
	'has only runtime.MemStats.';
const GO15_ONLY = 'Go 1.5 only, years before runtime/metrics (Go 1.16); no metric or view splits this phase out.';
const SCHEDDETAIL_INTERNAL =
	'Runtime-internal scheduler state: no metric, MemStats field or trace view exposes it. Only a ' +
	'scheddetail dump prints it.';
const PAUSE_NOTE =
	'The metrics hold every stop-the-world pause of the GC as its own sample, sweep termination and mark ' +
	'termination alike, in seconds, cumulative since start, from deciding to stop until the world restarts; ' +
	'the line prints one phase of one cycle in truncated ms. `MemStats.PauseNs` (and `go_gc_duration_seconds`) ' +
	'sum both pauses of a cycle into one value. `/gc/pauses:seconds` is the same histogram under its pre-1.22 ' +
	'name.';
const SCAN_STATS =
	'gctrace=2’s per-size-class scan statistics (Go 1.25+) have no metric, MemStats field or trace view: ' +
	'they exist only on this line.';
const PACER_INTERNAL =
	'A pacer-internal figure: no metric, MemStats field or trace view exposes it; only gcpacertrace prints it.';
const SWEEP_INTERNAL =
	'The proportional sweeper’s bookkeeping: no metric, MemStats field or trace view exposes it; the trace’s ' +
	'“GC incremental sweep” slices show sweeping happening, not these numbers.';

/** Where each field can be watched in production, by field key. */
const fieldProduction: Record<CatalogueKey, FieldProduction> = {
	// gctrace, Go 1.5+
	'gctrace/cycle': {
		carries: 'same',
		metrics: ['/gc/cycles/total:gc-cycles'],
		memStats: ['NumGC'],
		prometheus: ['go_gc_duration_seconds'],
		trace: `${TRACE_GC_ROW}: one “GC” slice per cycle`,
		note:
			'The same counter (memstats.numgc): after the line prints, the metric and NumGC equal its number. ' +
			'They are cumulative counts, so watch their rate (cycles per second). In Prometheus it is the ' +
			'`_count` of `go_gc_duration_seconds`.',
	},
	'gctrace/since-start': {
		carries: 'nearest',
		metrics: [],
		memStats: ['LastGC'],
		prometheus: ['go_memstats_last_gc_time_seconds'],
		trace: `${TRACE_GC_ROW}: where each cycle starts on the time axis`,
		note:
			'No metric holds a cycle’s start time. LastGC is the wall-clock time (nanoseconds since 1970) the ' +
			'last cycle ended, not seconds since the program started.',
	},
	'gctrace/gc-cpu-percent': {
		carries: 'same',
		metrics: [
			'/cpu/classes/gc/total:cpu-seconds',
			'/cpu/classes/gc/mark/idle:cpu-seconds',
			'/cpu/classes/total:cpu-seconds',
		],
		memStats: ['GCCPUFraction'],
		prometheus: [],
		trace: TRACE_MMU,
		note:
			'GCCPUFraction is the value the line prints, as a fraction (0.05 for `5%`) and not truncated. From the ' +
			'CPU metrics (Go 1.20+), (gc/total − gc/mark/idle) ÷ total is the same share since start; their ' +
			'rates over a window give the recent share, which the line cannot. client_golang leaves ' +
			'GCCPUFraction out on purpose (a lifetime average misleads).',
	},
	'gctrace/leak-check': none(
		'A marker of one cycle: no metric counts leak-checking cycles. The leaked goroutines themselves are ' +
			'in the goroutine leak profile of runtime/pprof (Go 1.26).',
	),
	'gctrace/wall-sweep-termination': {
		carries: 'same',
		metrics: ['/sched/pauses/total/gc:seconds', '/gc/pauses:seconds'],
		memStats: ['PauseNs', 'PauseTotalNs'],
		prometheus: ['go_gc_duration_seconds'],
		trace: `${TRACE_GC_ROW}: the “stop-the-world (GC sweep termination)” slice`,
		note: PAUSE_NOTE,
	},
	'gctrace/wall-scan': none(GO15_ONLY),
	'gctrace/wall-install-write-barrier': none(GO15_ONLY),
	'gctrace/wall-mark': none(
		'No metric or MemStats field times the concurrent mark phase. The execution trace shows it.',
		`${TRACE_GC_ROW}: the “GC concurrent mark phase” slice`,
	),
	'gctrace/wall-mark-termination': {
		carries: 'same',
		metrics: ['/sched/pauses/total/gc:seconds', '/gc/pauses:seconds'],
		memStats: ['PauseNs', 'PauseTotalNs'],
		prometheus: ['go_gc_duration_seconds'],
		trace: `${TRACE_GC_ROW}: the “stop-the-world (GC mark termination)” slice`,
		note: PAUSE_NOTE,
	},
	'gctrace/cpu-sweep-termination': {
		carries: 'nearest',
		metrics: ['/cpu/classes/gc/pause:cpu-seconds'],
		memStats: [],
		prometheus: [],
		trace: null,
		note:
			'The metric sums both stop-the-world phases of every cycle, cumulative, in seconds, as pause × ' +
			'GOMAXPROCS; the line multiplies by min(GOMAXPROCS, CPUs) instead, so they differ when GOMAXPROCS ' +
			'exceeds the CPU count. Go 1.20+.',
	},
	'gctrace/cpu-scan': none(GO15_ONLY),
	'gctrace/cpu-install-write-barrier': none(GO15_ONLY),
	'gctrace/cpu-assist': {
		carries: 'same',
		metrics: ['/cpu/classes/gc/mark/assist:cpu-seconds'],
		memStats: [],
		prometheus: [],
		trace: TRACE_ASSIST,
		note:
			'The same mark-assist time, in seconds and cumulative over all cycles (Go 1.20+): its rate is the ' +
			'assist CPU per second. The line gives one cycle in ms.',
	},
	'gctrace/cpu-background': {
		carries: 'same',
		metrics: ['/cpu/classes/gc/mark/dedicated:cpu-seconds'],
		memStats: [],
		prometheus: [],
		trace: `${TRACE_PROCS}: the “GC (dedicated)” and “GC (fractional)” worker slices`,
		note:
			'The runtime adds dedicated and fractional workers’ time into this metric, as the line does, in ' +
			'seconds and cumulative over all cycles (Go 1.20+).',
	},
	'gctrace/cpu-idle': {
		carries: 'same',
		metrics: ['/cpu/classes/gc/mark/idle:cpu-seconds'],
		memStats: [],
		prometheus: [],
		trace: `${TRACE_PROCS}: the “GC (idle)” worker slices`,
		note: 'The same idle-marking time, in seconds and cumulative over all cycles (Go 1.20+).',
	},
	'gctrace/cpu-mark-termination': {
		carries: 'nearest',
		metrics: ['/cpu/classes/gc/pause:cpu-seconds'],
		memStats: [],
		prometheus: [],
		trace: null,
		note:
			'The metric sums both stop-the-world phases of every cycle, cumulative, in seconds, as pause × ' +
			'GOMAXPROCS; the line multiplies by min(GOMAXPROCS, CPUs) instead. Go 1.20+.',
	},
	'gctrace/heap-start': {
		carries: 'nearest',
		metrics: ['/memory/classes/heap/objects:bytes'],
		memStats: ['HeapAlloc'],
		prometheus: ['go_memstats_heap_alloc_bytes'],
		trace: `${TRACE_HEAP}: “Allocated”`,
		note:
			'Nearest, not the same: the metric and HeapAlloc are the heap’s objects, live and not yet swept, at ' +
			'the moment you read them, in bytes. The line samples the runtime’s heap-live counter (whole spans ' +
			'in per-P caches) at the cycle’s start, in MB. No metric is taken at that moment.',
	},
	'gctrace/heap-end': {
		carries: 'nearest',
		metrics: ['/memory/classes/heap/objects:bytes'],
		memStats: ['HeapAlloc'],
		prometheus: ['go_memstats_heap_alloc_bytes'],
		trace: `${TRACE_HEAP}: “Allocated”`,
		note:
			'Nearest, not the same: read whenever you read them, in bytes, while the line samples the heap-live ' +
			'counter when marking ends, in MB. The peaks of “Allocated” in the trace come close to it.',
	},
	'gctrace/heap-live': {
		carries: 'same',
		metrics: ['/gc/heap/live:bytes'],
		memStats: [],
		prometheus: [],
		trace: null,
		note:
			'The same quantity (the heap the last cycle marked, gcController.heapMarked), in bytes; the line ' +
			'truncates it to MiB. The metric keeps the last completed cycle’s value until the next one ends. ' +
			'Go 1.21+; before, HeapAlloc just after a cycle comes nearest.',
	},
	'gctrace/heap-goal': {
		carries: 'same',
		metrics: ['/gc/heap/goal:bytes'],
		memStats: ['NextGC'],
		prometheus: ['go_memstats_next_gc_bytes'],
		trace: `${TRACE_HEAP}: “NextGC”`,
		note:
			'Bytes, not truncated MiB. The metric, NextGC and the trace give the goal in force now, for the cycle ' +
			'running or the next one; the line gives the goal of the cycle it reports.',
	},
	'gctrace/stacks': {
		carries: 'same',
		metrics: ['/gc/scan/stack:bytes'],
		memStats: [],
		prometheus: [],
		trace: null,
		note:
			'The stack bytes the last cycle scanned, in bytes: what the line prints in MB from Go 1.20 (Go 1.18–' +
			'1.19 printed an estimate). The metric is Go 1.21+.',
	},
	'gctrace/globals': {
		carries: 'same',
		metrics: ['/gc/scan/globals:bytes'],
		memStats: [],
		prometheus: [],
		trace: null,
		note: 'The same scannable globals, in bytes; the line truncates to MiB. Go 1.21+.',
	},
	'gctrace/procs': {
		carries: 'same',
		metrics: ['/sched/gomaxprocs:threads'],
		memStats: [],
		prometheus: [],
		trace: TRACE_PROCS,
		note:
			'GOMAXPROCS now, not at the start of a cycle. client_golang exports it by default as ' +
			'`go_sched_gomaxprocs_threads` (v1.20.0 and later).',
	},
	'gctrace/forced': {
		carries: 'same',
		metrics: ['/gc/cycles/forced:gc-cycles', '/gc/cycles/automatic:gc-cycles'],
		memStats: ['NumForcedGC'],
		prometheus: [],
		trace: null,
		note:
			'The forced count counts exactly the cycles the line marks `(forced)`, cumulative; automatic counts ' +
			'the rest, periodic cycles included.',
	},
	'gctrace/scan-large-class': none(SCAN_STATS),
	'gctrace/scan-size-class': none(SCAN_STATS),
	'gctrace/scan-objects-single': none(SCAN_STATS),
	'gctrace/scan-objects-sparse-spans': none(SCAN_STATS),
	'gctrace/scan-objects-dense-spans': none(SCAN_STATS),
	'gctrace/scan-objects-total': none(SCAN_STATS),
	'gctrace/scan-spans-sparse': none(SCAN_STATS),
	'gctrace/scan-spans-dense': none(SCAN_STATS),
	'gctrace/scan-spans-total': none(SCAN_STATS),
	'gctrace/periodic-gc-notice': none(
		'No metric counts periodic cycles apart: `/gc/cycles/automatic:gc-cycles` counts them together with ' +
			'the cycles the heap goal starts.',
	),
	// gctrace, Go 1.1–1.4
	'gctrace/legacy-cycle': {
		carries: 'same',
		metrics: ['/gc/cycles/total:gc-cycles'],
		memStats: ['NumGC'],
		prometheus: ['go_gc_duration_seconds'],
		trace: null,
		note: `${LEGACY} NumGC is the same count; today the metric carries it too.`,
	},
	'gctrace/legacy-procs': none(`${LEGACY} Nothing records how many threads took part in a collection.`),
	'gctrace/legacy-mark-ms': none(`${LEGACY} Nothing times the mark phase alone.`),
	'gctrace/legacy-sweep-ms': none(`${LEGACY} Nothing times the sweep phase alone.`),
	'gctrace/legacy-other-ms': none(`${LEGACY} Nothing times this part alone.`),
	'gctrace/legacy-setup-us': none(`${LEGACY} Nothing times this part alone.`),
	'gctrace/legacy-sweep-us': none(`${LEGACY} Nothing times this part alone.`),
	'gctrace/legacy-mark-us': none(`${LEGACY} Nothing times the mark phase alone.`),
	'gctrace/legacy-finish-us': none(`${LEGACY} Nothing times this part alone.`),
	'gctrace/legacy-heap-before': none(`${LEGACY} Nothing samples the heap as a collection starts.`),
	'gctrace/legacy-heap-after': {
		carries: 'same',
		metrics: ['/memory/classes/heap/objects:bytes'],
		memStats: ['HeapAlloc'],
		prometheus: ['go_memstats_heap_alloc_bytes'],
		trace: null,
		note: `${LEGACY} HeapAlloc is the same quantity read at any moment, in bytes, not at the collection’s end.`,
	},
	'gctrace/legacy-objects-before': none(`${LEGACY} Nothing samples the object count as a collection starts.`),
	'gctrace/legacy-objects-after': {
		carries: 'same',
		metrics: ['/gc/heap/objects:objects'],
		memStats: ['HeapObjects'],
		prometheus: ['go_memstats_heap_objects'],
		trace: null,
		note: `${LEGACY} HeapObjects (Mallocs − Frees) is the same count read at any moment.`,
	},
	'gctrace/legacy-mallocs': {
		carries: 'same',
		metrics: ['/gc/heap/allocs:objects', '/gc/heap/tiny/allocs:objects'],
		memStats: ['Mallocs'],
		prometheus: ['go_memstats_mallocs_total'],
		trace: null,
		note: `${LEGACY} Mallocs is the same count; today it equals the sum of the two metrics.`,
	},
	'gctrace/legacy-frees': {
		carries: 'same',
		metrics: ['/gc/heap/frees:objects', '/gc/heap/tiny/allocs:objects'],
		memStats: ['Frees'],
		prometheus: ['go_memstats_frees_total'],
		trace: null,
		note: `${LEGACY} Frees is the same count; today it equals the sum of the two metrics.`,
	},
	'gctrace/legacy-goroutines': {
		carries: 'same',
		metrics: ['/sched/goroutines:goroutines'],
		memStats: [],
		prometheus: ['go_goroutines'],
		trace: null,
		note: `${LEGACY} runtime.NumGoroutine() gives the same count at any moment.`,
	},
	'gctrace/legacy-spans': none(`${LEGACY} Nothing counts the spans set up for sweeping.`),
	'gctrace/legacy-background-sweeps': none(`${LEGACY} Nothing counts swept spans.`),
	'gctrace/legacy-pause-sweeps': none(`${LEGACY} Nothing counts swept spans.`),
	'gctrace/legacy-handoffs': none(`${LEGACY} The parallel marker’s work sharing is counted nowhere else.`),
	'gctrace/legacy-handoff-objects': none(`${LEGACY} The parallel marker’s work sharing is counted nowhere else.`),
	'gctrace/legacy-steals': none(`${LEGACY} The parallel-for loop’s steals are counted nowhere else.`),
	'gctrace/legacy-stolen': none(`${LEGACY} The parallel-for loop’s steals are counted nowhere else.`),
	'gctrace/legacy-procyields': none(`${LEGACY} GC threads’ waiting is counted nowhere else.`),
	'gctrace/legacy-osyields': none(`${LEGACY} GC threads’ waiting is counted nowhere else.`),
	'gctrace/legacy-sleeps': none(`${LEGACY} GC threads’ waiting is counted nowhere else.`),

	// schedtrace
	'schedtrace/elapsed': none(
		'A timestamp of the line itself; metrics are read whenever you read them, and the execution trace has its own time axis.',
	),
	'schedtrace/gomaxprocs': {
		carries: 'same',
		metrics: ['/sched/gomaxprocs:threads'],
		memStats: [],
		prometheus: [],
		trace: TRACE_PROCS,
		note:
			'The same setting (`runtime.GOMAXPROCS(0)`). client_golang exports it by default as ' +
			'`go_sched_gomaxprocs_threads` (v1.20.0 and later).',
	},
	'schedtrace/idleprocs': {
		carries: 'nearest',
		metrics: ['/sched/goroutines/running:goroutines'],
		memStats: [],
		prometheus: [],
		trace: `${TRACE_PROCS}: a P with no slice at a moment is idle`,
		note:
			'No metric counts idle Ps. From Go 1.26, GOMAXPROCS minus the running goroutines comes near, but ' +
			'a P can also be busy in the scheduler or the GC without a user goroutine.',
	},
	'schedtrace/threads': {
		carries: 'same',
		metrics: ['/sched/threads/total:threads'],
		memStats: [],
		prometheus: ['go_threads'],
		trace: TRACE_THREADS,
		note:
			'The metric (Go 1.26+) is the line’s count minus the extra Ms the runtime keeps for cgo callbacks, so ' +
			'the two agree in a program without cgo. `go_threads` counts `runtime.ThreadCreateProfile` records, ' +
			'threads created; the trace counts only running and in-syscall threads, not idle ones.',
	},
	'schedtrace/spinningthreads': none('Spinning Ms are scheduler-internal: no metric or trace view counts them.'),
	'schedtrace/needspinning': none('A scheduler-internal flag: no metric or trace view exposes it.'),
	'schedtrace/idlethreads': none(
		'No metric counts idle threads. `/sched/threads/total:threads` (Go 1.26+) counts all of them; the trace’s ' +
			'“Threads” counter shows the running and in-syscall ones.',
	),
	'schedtrace/runqueue': {
		carries: 'nearest',
		metrics: ['/sched/goroutines/runnable:goroutines', '/sched/latencies:seconds'],
		memStats: [],
		prometheus: [],
		trace: `${TRACE_GOROUTINES}; ${TRACE_SCHED_LATENCY} for how long they wait`,
		note:
			'No metric counts the global queue alone. `/sched/goroutines/runnable:goroutines` (Go 1.26+) counts ' +
			'every runnable goroutine, global queue, local queues and runnext slots together, approximately. ' +
			'`/sched/latencies:seconds` is what waiting in queues costs: how long goroutines stay runnable before ' +
			'they run, a histogram since start (flagged cumulative from Go 1.21).',
	},
	'schedtrace/local-runqueues': {
		carries: 'nearest',
		metrics: ['/sched/goroutines/runnable:goroutines', '/sched/latencies:seconds'],
		memStats: [],
		prometheus: [],
		trace: `${TRACE_GOROUTINES}; ${TRACE_SCHED_LATENCY} for how long they wait`,
		note:
			'No metric is per P. `/sched/goroutines/runnable:goroutines` (Go 1.26+) is about the sum of the bracket, ' +
			'the global queue and the runnext slots; `/sched/latencies:seconds` is how long goroutines wait runnable.',
	},
	'schedtrace/schedticks': none(
		'No metric counts schedule ticks; the trace shows each goroutine start on its P.',
		TRACE_PROCS,
	),

	// scheddetail
	'scheddetail/gcwaiting': none(
		'No metric holds the flag; the execution trace shows every stop-the-world as a slice.',
		`${TRACE_GC_ROW}: the “stop-the-world (…)” slices`,
	),
	'scheddetail/nmidlelocked': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/nmspinning': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/stopwait': {
		carries: 'nearest',
		metrics: ['/sched/pauses/stopping/gc:seconds', '/sched/pauses/stopping/other:seconds'],
		memStats: [],
		prometheus: [],
		trace: null,
		note:
			'No metric counts the Ps still to stop. The stopping histograms (Go 1.22+) time what stopwait counts ' +
			'down: from deciding to stop the world until every P has stopped, per stop, in seconds.',
	},
	'scheddetail/sysmonwait': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/p-id': none(
		'An index, not a quantity; the trace draws one row per P, labelled with its id.',
		TRACE_PROCS,
	),
	'scheddetail/p-status': none('No metric counts Ps by state; the trace shows what each P runs.', TRACE_PROCS),
	'scheddetail/p-schedtick': none(
		'No metric counts schedule ticks; the trace shows each goroutine start on its P.',
		TRACE_PROCS,
	),
	'scheddetail/p-syscalltick': none(
		'No metric counts system calls (`/cgo/go-to-c-calls:calls` counts cgo calls only); the trace marks each ' +
			'syscall on its goroutine.',
		TRACE_PROCS,
	),
	'scheddetail/p-m': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/p-runqsize': {
		carries: 'nearest',
		metrics: ['/sched/goroutines/runnable:goroutines'],
		memStats: [],
		prometheus: [],
		trace: TRACE_GOROUTINES,
		note: 'No metric is per P; `/sched/goroutines/runnable:goroutines` (Go 1.26+) counts runnable goroutines on all Ps and the global queue.',
	},
	'scheddetail/p-runq-capacity': none(`${SCHEDDETAIL_INTERNAL} Go 1.2 only.`),
	'scheddetail/p-gfreecnt': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/p-timerslen': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/m-id': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/m-p': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/m-curg': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/m-mallocing': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/m-throwing': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/m-gcing': none(`${SCHEDDETAIL_INTERNAL} Go 1.2–1.4 only.`),
	'scheddetail/m-preemptoff': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/m-locks': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/m-dying': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/m-helpgc': none(`${SCHEDDETAIL_INTERNAL} Go 1.2–1.11 only.`),
	'scheddetail/m-spinning': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/m-blocked': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/m-lockedg': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/g-id': {
		carries: 'nearest',
		metrics: ['/sched/goroutines:goroutines'],
		memStats: [],
		prometheus: ['go_goroutines'],
		trace: 'Goroutine analysis: every goroutine by id, grouped by its start function',
		note:
			'Metrics count goroutines, they do not list them. The dump lists dead goroutines too; the metric and ' +
			'`go_goroutines` (runtime.NumGoroutine) count live ones only.',
	},
	'scheddetail/g-status': {
		carries: 'same',
		metrics: [
			'/sched/goroutines/running:goroutines',
			'/sched/goroutines/runnable:goroutines',
			'/sched/goroutines/waiting:goroutines',
			'/sched/goroutines/not-in-go:goroutines',
		],
		memStats: [],
		prometheus: [],
		trace: TRACE_GOROUTINES,
		note:
			'The state metrics (Go 1.26+) count goroutines per state, approximately and not adding up exactly ' +
			'to `/sched/goroutines:goroutines`: running (2), runnable (1), waiting (4), in a syscall or cgo (3).',
	},
	'scheddetail/g-wait-reason': none(
		'No metric counts goroutines by wait reason. In production the goroutine profile of runtime/pprof ' +
			'(debug=2, or /debug/pprof/goroutine?debug=2) prints each goroutine’s wait reason with its stack.',
		'Goroutine analysis: time each goroutine spent blocked, by kind',
	),
	'scheddetail/g-m': none(SCHEDDETAIL_INTERNAL),
	'scheddetail/g-lockedm': none(SCHEDDETAIL_INTERNAL),

	// gcpacertrace
	'gcpacertrace/assist-ratio': none(PACER_INTERNAL, TRACE_ASSIST),
	'gcpacertrace/heap-scan': {
		carries: 'nearest',
		metrics: ['/gc/scan/heap:bytes'],
		memStats: [],
		prometheus: [],
		trace: null,
		note:
			'Nearest, not the same moment: the scannable heap now, in bytes (Go 1.21+); it starts each cycle at ' +
			'the heap scan work of the last and grows with allocation. The line samples it as the cycle starts, in MB.',
	},
	'gcpacertrace/heap-live-start': none(
		'No metric samples the heap-live counter as a cycle starts; `/memory/classes/heap/objects:bytes` is the ' +
			'nearest figure at any moment.',
		`${TRACE_HEAP}: “Allocated”`,
	),
	'gcpacertrace/heap-goal': {
		carries: 'same',
		metrics: ['/gc/heap/goal:bytes'],
		memStats: ['NextGC'],
		prometheus: ['go_memstats_next_gc_bytes'],
		trace: `${TRACE_HEAP}: “NextGC”`,
		note: 'The goal in force now, in bytes; the line gives this cycle’s starting goal, in MB, with its minimum room applied.',
	},
	'gcpacertrace/dedicated-workers': none(PACER_INTERNAL, `${TRACE_PROCS}: the “GC (dedicated)” worker slices`),
	'gcpacertrace/fractional-workers': none(PACER_INTERNAL, `${TRACE_PROCS}: the “GC (fractional)” worker slices`),
	'gcpacertrace/prev-heap-marked': {
		carries: 'same',
		metrics: ['/gc/heap/live:bytes'],
		memStats: [],
		prometheus: [],
		trace: null,
		note: 'The same quantity, the heap the last cycle marked, in bytes. The line is Go 1.5–1.18; the metric Go 1.21+.',
	},
	'gcpacertrace/trigger-ratio': none(PACER_INTERNAL),
	'gcpacertrace/trigger-heap': none(PACER_INTERNAL),
	'gcpacertrace/actual-growth-ratio': none(PACER_INTERNAL),
	'gcpacertrace/actual-heap': none(PACER_INTERNAL),
	'gcpacertrace/goal-growth-ratio': none(PACER_INTERNAL),
	'gcpacertrace/goal-heap': {
		carries: 'same',
		metrics: ['/gc/heap/goal:bytes'],
		memStats: ['NextGC'],
		prometheus: ['go_memstats_next_gc_bytes'],
		trace: `${TRACE_HEAP}: “NextGC”`,
		note: 'The goal in force now, in bytes. The line is Go 1.5–1.18.',
	},
	'gcpacertrace/actual-utilization': none(
		`${PACER_INTERNAL} The measured GC CPU comes from /cpu/classes/gc/mark/* over /cpu/classes/total:cpu-seconds (Go 1.20+).`,
	),
	'gcpacertrace/goal-utilization': none(
		`${PACER_INTERNAL} It is a constant of the runtime (0.25, or 0.30 in Go 1.10–1.17).`,
	),
	'gcpacertrace/scan-work': none(PACER_INTERNAL),
	'gcpacertrace/goal-delta': none(PACER_INTERNAL),
	'gcpacertrace/actual-delta': none(PACER_INTERNAL),
	'gcpacertrace/utilization-ratio': none(PACER_INTERNAL),
	'gcpacertrace/cpu-utilization': none(
		`${PACER_INTERNAL} The GC CPU actually used is in /cpu/classes/gc/mark/* over /cpu/classes/total:cpu-seconds (Go 1.20+), idle marking included.`,
		TRACE_MMU,
	),
	'gcpacertrace/cpu-utilization-goal': none(`${PACER_INTERNAL} It is a constant of the runtime, 25.`),
	'gcpacertrace/heap-scan-work': {
		carries: 'nearest',
		metrics: ['/gc/scan/heap:bytes'],
		memStats: [],
		prometheus: [],
		trace: null,
		note:
			'At the end of each cycle the runtime sets the scannable heap to this cycle’s heap scan work, so the ' +
			'metric (Go 1.21+) equals it right after the cycle, then grows with allocation until the next.',
	},
	'gcpacertrace/stack-scan-work': {
		carries: 'same',
		metrics: ['/gc/scan/stack:bytes'],
		memStats: [],
		prometheus: [],
		trace: null,
		note: 'The same figure: the stack bytes the last cycle scanned, in bytes (Go 1.21+).',
	},
	'gcpacertrace/globals-scan-work': {
		carries: 'same',
		metrics: ['/gc/scan/globals:bytes'],
		memStats: [],
		prometheus: [],
		trace: null,
		note: 'The scannable globals, in bytes (Go 1.21+): the work a cycle does on globals when it scans them all.',
	},
	'gcpacertrace/expected-scan-work': {
		carries: 'nearest',
		metrics: ['/gc/scan/total:bytes'],
		memStats: [],
		prometheus: [],
		trace: null,
		note:
			'Heap plus stacks plus globals, as the line adds them (Go 1.21+); the metric’s heap part grows with ' +
			'allocation after a cycle ends, so it matches the line only right after the previous cycle.',
	},
	'gcpacertrace/heap-live-trigger': none(
		'No metric samples the heap-live counter at the trigger. Since Go 1.18 the trigger is not exported anywhere.',
		`${TRACE_HEAP}: “Allocated” where a GC slice starts`,
	),
	'gcpacertrace/heap-live-end': none(
		'No metric samples the heap-live counter at the end of mark; `/memory/classes/heap/objects:bytes` is the nearest figure at any moment.',
		`${TRACE_HEAP}: “Allocated”`,
	),
	'gcpacertrace/goal-overshoot': none(
		'No metric records overshoot; `/gc/heap/goal:bytes` and `/memory/classes/heap/objects:bytes` read together come nearest.',
		`${TRACE_HEAP}: “Allocated” above “NextGC”`,
	),
	'gcpacertrace/cons-mark': none(PACER_INTERNAL),
	'gcpacertrace/controller-reset': none(PACER_INTERNAL),
	'gcpacertrace/sweep-heap-live': none(SWEEP_INTERNAL),
	'gcpacertrace/sweep-allocated': none(SWEEP_INTERNAL),
	'gcpacertrace/pages-swept': none(SWEEP_INTERNAL),
	'gcpacertrace/sweep-pages-per-byte': none(SWEEP_INTERNAL),

	// scavtrace
	'scavtrace/scvg-pass': none('A pass number: nothing counts scavenger passes.'),
	'scavtrace/scvg-forced': none('A marker: nothing counts `debug.FreeOSMemory` calls.'),
	'scavtrace/scvg-gc-forced': none('A marker of Go 1.2–1.3: nothing counts these cycles apart.'),
	'scavtrace/scvg-released': none(
		'No metric counts bytes released per pass; `/memory/classes/heap/released:bytes` (HeapReleased) is how much is released now.',
	),
	'scavtrace/scvg-inuse': {
		carries: 'same',
		metrics: ['/memory/classes/heap/objects:bytes', '/memory/classes/heap/unused:bytes'],
		memStats: ['HeapInuse'],
		prometheus: ['go_memstats_heap_inuse_bytes'],
		trace: null,
		note: 'HeapInuse is the same heap_inuse, in bytes; in metrics it is objects + unused.',
	},
	'scavtrace/scvg-idle': {
		carries: 'same',
		metrics: ['/memory/classes/heap/free:bytes', '/memory/classes/heap/released:bytes'],
		memStats: ['HeapIdle'],
		prometheus: ['go_memstats_heap_idle_bytes'],
		trace: null,
		note: 'HeapIdle is the same heap_idle, in bytes; in metrics it is free + released.',
	},
	'scavtrace/scvg-sys': {
		carries: 'same',
		metrics: [
			'/memory/classes/heap/objects:bytes',
			'/memory/classes/heap/unused:bytes',
			'/memory/classes/heap/free:bytes',
			'/memory/classes/heap/released:bytes',
		],
		memStats: ['HeapSys'],
		prometheus: ['go_memstats_heap_sys_bytes'],
		trace: null,
		note: 'HeapSys is the same heap_sys, in bytes; in metrics it is the sum of the four heap classes.',
	},
	'scavtrace/scvg-heap-released': {
		carries: 'same',
		metrics: ['/memory/classes/heap/released:bytes'],
		memStats: ['HeapReleased'],
		prometheus: ['go_memstats_heap_released_bytes'],
		trace: null,
		note: 'The same heap_released, in bytes.',
	},
	'scavtrace/scvg-consumed': {
		carries: 'same',
		metrics: [
			'/memory/classes/heap/objects:bytes',
			'/memory/classes/heap/unused:bytes',
			'/memory/classes/heap/free:bytes',
		],
		memStats: ['HeapSys', 'HeapReleased'],
		prometheus: ['go_memstats_heap_sys_bytes', 'go_memstats_heap_released_bytes'],
		trace: null,
		note: 'HeapSys − HeapReleased, in bytes; in metrics, objects + unused + free.',
	},
	'scavtrace/generation': none('A generation number: nothing counts scavenger generations.'),
	'scavtrace/work': {
		carries: 'nearest',
		metrics: ['/cpu/classes/scavenge/background:cpu-seconds', '/cpu/classes/scavenge/assist:cpu-seconds'],
		memStats: [],
		prometheus: [],
		trace: null,
		note:
			'No metric counts bytes returned to the OS. The scavenge CPU metrics (Go 1.20+) give the time spent ' +
			'returning them, cumulative; `/memory/classes/heap/released:bytes` gives how much is released now.',
	},
	'scavtrace/work-bg': {
		carries: 'nearest',
		metrics: ['/cpu/classes/scavenge/background:cpu-seconds'],
		memStats: [],
		prometheus: [],
		trace: null,
		note: 'No metric counts bytes; this one is the background scavenger’s CPU time, cumulative, in seconds (Go 1.20+).',
	},
	'scavtrace/work-eager': {
		carries: 'nearest',
		metrics: ['/cpu/classes/scavenge/assist:cpu-seconds'],
		memStats: [],
		prometheus: [],
		trace: null,
		note:
			'No metric counts bytes; this one is the CPU time spent returning memory eagerly under memory ' +
			'pressure, cumulative, in seconds (Go 1.20+).',
	},
	'scavtrace/heap-released': {
		carries: 'same',
		metrics: ['/memory/classes/heap/released:bytes'],
		memStats: ['HeapReleased'],
		prometheus: ['go_memstats_heap_released_bytes'],
		trace: null,
		note: 'The same quantity in bytes; the line prints truncated KiB.',
	},
	'scavtrace/util': {
		carries: 'same',
		metrics: [
			'/memory/classes/heap/objects:bytes',
			'/memory/classes/heap/unused:bytes',
			'/memory/classes/heap/free:bytes',
		],
		memStats: ['HeapInuse', 'HeapIdle', 'HeapReleased'],
		prometheus: [],
		trace: null,
		note:
			'Worked out, not read: (objects + unused) ÷ (objects + unused + free) × 100, or in MemStats ' +
			'HeapInuse ÷ (HeapInuse + HeapIdle − HeapReleased) × 100.',
	},
	'scavtrace/forced': none('A marker: nothing counts `debug.FreeOSMemory` calls.'),
	'scavtrace/controller-reset': none('The scavenger controller’s state: no metric exposes it.'),

	// inittrace
	'inittrace/package': none(
		'Package initialisation happens once, before main: no metric or MemStats field breaks it down by package.',
	),
	'inittrace/start': none('No metric times package initialisation; inittrace is the only place it is printed.'),
	'inittrace/clock': none('No metric times package initialisation; inittrace is the only place it is printed.'),
	'inittrace/bytes': {
		carries: 'nearest',
		metrics: ['/gc/heap/allocs:bytes'],
		memStats: [],
		prometheus: [],
		trace: null,
		note:
			'No metric is per package: this one counts the whole program’s heap allocation since start, ' +
			'initialisation included, cumulative, in bytes. Read early, before main does much, it bounds what init allocated.',
	},
	'inittrace/allocs': {
		carries: 'nearest',
		metrics: ['/gc/heap/allocs:objects', '/gc/heap/tiny/allocs:objects'],
		memStats: ['Mallocs'],
		prometheus: ['go_memstats_mallocs_total'],
		trace: null,
		note:
			'No metric is per package: these count the whole program’s heap allocations since start, initialisation ' +
			'included; Mallocs is their sum.',
	},
};

/** Where `key` can be watched in production. */
export function productionOf(key: FieldKey): FieldProduction | undefined {
	return (fieldProduction as Record<string, FieldProduction>)[key];
}
