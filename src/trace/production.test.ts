// The production cross-walk against real Go releases: examples/metrics-list prints what each
// release's runtime/metrics.All() and runtime.MemStats hold, and every metric and field the site
// cites must be there, with the kind and cumulative flag the reference states, from the release
// it states. Go 1.19 (Debian's golang-1.19-go) and Go 1.27.3 (fetched by the go command) are
// checked when present and skipped with a message otherwise.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { allFields } from './catalogue.ts';
import {
	memStatsFields,
	oldestCheckedGo,
	productionOf,
	prometheusDefaultNames,
	prometheusDefaultRuntimeMetrics,
	prometheusName,
	runtimeMetrics,
	type FieldProduction,
	type MetricName,
	type RuntimeMetric,
} from './production.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const program = path.join(root, 'examples', 'metrics-list');

interface Toolchain {
	/** How the test names it. */
	label: string;
	/** The go command and the environment that selects the release. */
	go: string;
	env: NodeJS.ProcessEnv;
}

const toolchains: Toolchain[] = [
	// The machine's Go, never downloading a newer one.
	{ label: 'the machine’s Go', go: 'go', env: { ...process.env, GOTOOLCHAIN: 'local' } },
	{ label: 'Go 1.19', go: '/usr/lib/go-1.19/bin/go', env: { ...process.env, GOTOOLCHAIN: 'local' } },
	// The go command fetches this release from the module proxy once and keeps it in its module cache.
	{ label: 'Go 1.27.3', go: 'go', env: { ...process.env, GOTOOLCHAIN: 'go1.27.3' } },
];

interface MetricDescription {
	name: string;
	kind: string;
	cumulative: boolean;
	description: string;
}

interface ReleaseMetrics {
	/** Go minor release: 26 for go1.26.8. */
	minor: number;
	version: string;
	memStats: Set<string>;
	metrics: Map<string, MetricDescription>;
}

/** What each toolchain's metrics-list printed, or why the toolchain is not here. */
const releases = new Map<string, ReleaseMetrics | { skip: string }>();
let dir = '';

async function listMetrics(toolchain: Toolchain, index: number): Promise<ReleaseMetrics | { skip: string }> {
	try {
		await run(toolchain.go, ['version'], { env: toolchain.env, timeout: 120_000 });
	} catch (error) {
		const reason = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? String(error);
		return { skip: `${toolchain.label} is not available here (${toolchain.go} version: ${reason})` };
	}
	const binary = path.join(dir, `metrics-list-${index}`);
	await run(toolchain.go, ['build', '-o', binary, '.'], { cwd: program, env: toolchain.env, timeout: 300_000 });
	const { stdout } = await run(binary, [], { timeout: 30_000 });
	const [header, ...lines] = stdout.trim().split('\n');
	const { go, memStats } = JSON.parse(header!) as { go: string; memStats: string[] };
	const minor = Number(/^go1\.(\d+)/.exec(go)?.[1]);
	assert.ok(minor > 0, `cannot read the Go release from ${go}`);
	const metrics = new Map<string, MetricDescription>();
	for (const line of lines) {
		const metric = JSON.parse(line) as MetricDescription;
		metrics.set(metric.name, metric);
	}
	return { minor, version: go, memStats: new Set(memStats), metrics };
}

function citedMetrics(): MetricName[] {
	return Object.keys(runtimeMetrics) as MetricName[];
}

function entries(): [string, FieldProduction][] {
	return allFields.map((f) => [f.key, productionOf(f.key)!]);
}

/** Metric names written anywhere a reader sees them: the notes here, field pages and lessons. */
function metricNamesInText(): Map<string, string> {
	const found = new Map<string, string>();
	const pattern = /\/(?:gc|sched|cpu|memory|cgo|sync)\/[a-z0-9/-]+:[a-z-]+/g;
	const scan = (text: string, where: string) => {
		for (const [name] of text.matchAll(pattern)) found.set(name, where);
	};
	for (const [key, entry] of entries()) scan(`${entry.note} ${entry.trace ?? ''}`, key);
	for (const [name, source] of Object.entries(prometheusDefaultNames)) scan(source, name);
	const walk = (folder: string) => {
		for (const e of readdirSync(folder, { withFileTypes: true })) {
			const file = path.join(folder, e.name);
			if (e.isDirectory()) walk(file);
			else if (/\.mdx?$/.test(e.name)) scan(readFileSync(file, 'utf8'), path.relative(root, file));
		}
	};
	walk(path.join(root, 'content'));
	return found;
}

describe('production cross-walk', () => {
	before(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'godebug-metrics-'));
		const started = performance.now();
		// One build per toolchain, all at once.
		const results = await Promise.all(toolchains.map((t, i) => listMetrics(t, i)));
		toolchains.forEach((t, i) => releases.set(t.label, results[i]!));
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		console.log(`# built and ran examples/metrics-list with ${toolchains.length} toolchains in ${seconds} s`);
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	test('every catalogue field has an entry that says what carries it, or that nothing does', () => {
		for (const [key, entry] of entries()) {
			assert.ok(entry, `${key} has no production entry`);
			assert.ok(entry.note.length > 20, `${key}: the note says how the figures differ, or why none exists`);
			for (const name of entry.metrics) assert.ok(name in runtimeMetrics, `${key} cites an unlisted metric ${name}`);
			const cited = entry.metrics.length + entry.memStats.length + entry.prometheus.length;
			assert.equal(entry.carries === 'none', cited === 0, `${key}: “${entry.carries}” yet ${cited} names cited`);
		}
	});

	test('every listed metric is cited by some field', () => {
		const cited = new Set(entries().flatMap(([, e]) => e.metrics));
		for (const name of citedMetrics()) assert.ok(cited.has(name), `${name} is listed but no field cites it`);
	});

	test('Prometheus names follow client_golang’s conversion', () => {
		// Names client_golang expects under Go 1.26 (prometheus/collectors/go_collector_go126_test.go).
		const expected: [MetricName, string][] = [
			['/gc/cycles/total:gc-cycles', 'go_gc_cycles_total_gc_cycles_total'],
			['/gc/heap/goal:bytes', 'go_gc_heap_goal_bytes'],
			['/gc/heap/live:bytes', 'go_gc_heap_live_bytes'],
			['/gc/pauses:seconds', 'go_gc_pauses_seconds'],
			['/sched/latencies:seconds', 'go_sched_latencies_seconds'],
			['/sched/gomaxprocs:threads', 'go_sched_gomaxprocs_threads'],
			['/cpu/classes/gc/mark/assist:cpu-seconds', 'go_cpu_classes_gc_mark_assist_cpu_seconds_total'],
			['/sched/goroutines/not-in-go:goroutines', 'go_sched_goroutines_not_in_go_goroutines'],
			['/memory/classes/heap/objects:bytes', 'go_memory_classes_heap_objects_bytes'],
		];
		for (const [metric, name] of expected) assert.equal(prometheusName(metric), name);
		assert.ok(prometheusDefaultRuntimeMetrics.includes('/sched/gomaxprocs:threads'));
	});

	for (const toolchain of toolchains) {
		test(`${toolchain.label}: every cited metric and MemStats field is there as stated`, (t) => {
			const release = releases.get(toolchain.label)!;
			if ('skip' in release) {
				t.skip(release.skip);
				return;
			}
			t.diagnostic(`${release.version}: ${release.metrics.size} metrics`);
			for (const name of citedMetrics()) {
				const stated: RuntimeMetric = runtimeMetrics[name];
				const found = release.metrics.get(name);
				if (release.minor < stated.since) {
					assert.equal(
						found,
						undefined,
						`${name} is said to arrive in Go 1.${stated.since}, yet ${release.version} has it`,
					);
					continue;
				}
				assert.ok(found, `${release.version} has no ${name}`);
				assert.equal(found.kind, stated.kind, `${name}: kind in ${release.version}`);
				const cumulative: boolean =
					stated.cumulativeSince && release.minor < stated.cumulativeSince ? !stated.cumulative : stated.cumulative;
				assert.equal(found.cumulative, cumulative, `${name}: cumulative flag in ${release.version}`);
				if (stated.deprecated && release.minor >= stated.deprecated.go) {
					assert.match(found.description, /^Deprecated/, `${name} is said to be deprecated in ${release.version}`);
					assert.ok(found.description.includes(stated.deprecated.use), `${name} points to ${stated.deprecated.use}`);
				}
			}
			for (const field of memStatsFields) assert.ok(release.memStats.has(field), `runtime.MemStats has no ${field}`);
			if (release.minor === oldestCheckedGo) {
				// "Go 1.19 and later" is said only of metrics Go 1.19 really has.
				for (const name of citedMetrics()) {
					assert.equal(release.metrics.has(name), runtimeMetrics[name].since <= oldestCheckedGo, name);
				}
			}
		});
	}

	test('every metric name written in notes, field pages and lessons exists in the machine’s Go', (t) => {
		const release = releases.get(toolchains[0]!.label)!;
		if ('skip' in release) {
			t.skip(release.skip);
			return;
		}
		const names = metricNamesInText();
		assert.ok(names.size > 10, 'the scan finds the cited names');
		for (const [name, where] of names)
			assert.ok(release.metrics.has(name), `${where} cites ${name}, unknown to ${release.version}`);
	});
});
