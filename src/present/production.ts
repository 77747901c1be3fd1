/**
 * The words for a field's way to production (src/trace/production.ts holds the facts): used by
 * every field page's "Watch it in production" section and by the cross-walk page, so both say
 * the same thing the same way.
 */
import {
	oldestCheckedGo,
	prometheusDefaultRuntimeMetrics,
	prometheusName,
	runtimeMetrics,
	type FieldProduction,
	type MetricName,
	type RuntimeMetric,
} from '../trace/index.ts';

/** One cited metric, as a reader sees it. */
export interface MetricWords {
	name: MetricName;
	/** The unit, as the name spells it after the colon: `bytes`, `gc-cycles`, `cpu-seconds`. */
	unit: string;
	/** `cumulative uint64`, `float64 histogram, cumulative (flagged so from Go 1.21)`… */
	kind: string;
	/** `Go 1.21 and later`, or `Go 1.19 and later, older not checked` at the oldest release checked. */
	releases: string;
	/** Deprecation, when there is one. */
	deprecated: string | null;
	/** The name client_golang's Go collector gives it. */
	prometheus: string;
	/** Whether that collector exports it without options. */
	prometheusByDefault: boolean;
}

const kindWords: Record<RuntimeMetric['kind'], string> = {
	uint64: 'uint64',
	float64: 'float64',
	'float64-histogram': 'float64 histogram',
};

export function metricWords(name: MetricName): MetricWords {
	const metric: RuntimeMetric = runtimeMetrics[name];
	const flag = metric.cumulative
		? metric.cumulativeSince
			? `cumulative (metrics.All() flags it so from Go 1.${metric.cumulativeSince})`
			: 'cumulative'
		: 'current value';
	return {
		name,
		unit: name.slice(name.indexOf(':') + 1),
		kind: `${kindWords[metric.kind]}, ${flag}`,
		// Releases older than the oldest checked may have it too: say so rather than imply it arrived then.
		releases:
			metric.since === oldestCheckedGo
				? `Go 1.${metric.since} and later, older not checked`
				: `Go 1.${metric.since} and later`,
		deprecated: metric.deprecated
			? `deprecated from Go 1.${metric.deprecated.go} in favour of ${metric.deprecated.use}`
			: null,
		prometheus: prometheusName(name),
		prometheusByDefault: prometheusDefaultRuntimeMetrics.includes(name),
	};
}

/** What a field's entry says about how closely production figures match it. */
export function carriesWords(production: FieldProduction): string {
	switch (production.carries) {
		case 'same':
			return 'The same quantity is available without GODEBUG:';
		case 'nearest':
			return 'No metric carries exactly this; the nearest figures are:';
		case 'none':
			return 'No runtime/metrics metric, runtime.MemStats field or Prometheus name carries this.';
	}
}

/** How a runtime/metrics metric gets to Prometheus through client_golang. */
export function prometheusWords(metric: MetricWords): string {
	return metric.prometheusByDefault
		? 'exported by default (client_golang v1.20.0 and later)'
		: 'with `collectors.WithGoCollectorRuntimeMetrics(…)`';
}

/** The sentences the cross-walk page and field pages put under the facts. */
export const productionFootnotes = {
	releases:
		`Releases: Go 1.${oldestCheckedGo} is the oldest release checked (\`runtime/metrics\` itself arrived in Go 1.16); ` +
		'the test suite checks every name against `metrics.All()` of Go 1.19, the current release and Go 1.27.3.',
	prometheus:
		'Prometheus names are those of the Go collector in `github.com/prometheus/client_golang` (v1.20.0 and ' +
		'later): the `go_memstats_*` names, `go_goroutines`, `go_threads` and `go_gc_duration_seconds` are always ' +
		'exported; a `runtime/metrics` metric is exported under its converted name only when the collector is ' +
		'built with `collectors.WithGoCollectorRuntimeMetrics(…)`, except GOGC, GOMEMLIMIT and GOMAXPROCS, ' +
		'exported by default.',
	trace:
		'Trace views are those of `go tool trace` on an execution trace (runtime/trace, or /debug/pprof/trace) ' +
		'from Go 1.22 or later.',
} as const;

/** The cross-walk table's short column for `carries`. */
export const carriesLabels: Record<FieldProduction['carries'], string> = {
	same: 'same quantity',
	nearest: 'nearest only',
	none: 'none',
};
