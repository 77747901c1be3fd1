// The CLI as a user runs it: a real process, real files, standard input, exit statuses.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'src', 'cli', 'explain.ts');
const capture = path.join(root, 'content', 'traces', 'gctrace', 'go1.19-web-load.txt');
const dir = mkdtempSync(path.join(tmpdir(), 'explain-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function explain(args: string[], input?: string | Buffer, env: Record<string, string> = {}) {
	const r = spawnSync(process.execPath, [cli, ...args], {
		input,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', GODEBUG_EXPLAINED_SITE: '', ...env },
		maxBuffer: 64 << 20,
	});
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a capture reads as annotated lines and a summary, and exits 0', () => {
	const r = explain([capture]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /Live heap\s+0 MB\s+Heap bytes/);
	assert.match(r.stdout, /\(not runtime trace output\)/);
	assert.match(r.stdout, /lines by kind: gctrace \d+, other 1/);
	// gc lines alone look the same from Go 1.18 on.
	assert.match(r.stdout, /Go release: Go 1\.18 or later/);
	assert.match(r.stdout, /problems: none/);
	assert.equal(r.stderr, '');
});

test('the summary narrows the release with every kind of line in the log', () => {
	const r = explain([path.join(root, 'content', 'traces', 'combined', 'go1.19-gcdemo-gc-sched.txt')]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /lines by kind: gctrace \d+, schedtrace \d+/);
	// schedtrace without needspinning= ends at Go 1.19; gc lines with stacks start at 1.18.
	assert.match(r.stdout, /Go release: Go 1\.18–1\.19/);
});

test('the summary ends with the log’s findings: title, figures, lines and lesson', () => {
	const leak = path.join(root, 'content', 'traces', 'schedtrace', 'go1.26-p1-leak.txt');
	const r = explain([leak]);
	assert.equal(r.status, 0, r.stderr);
	const summary = r.stdout.slice(r.stdout.indexOf('Summary of'));
	assert.match(summary, /findings: 1 \(/);
	assert.match(
		summary,
		/\n {4}Runnable goroutines keep coming back\n {6}In the last 3 seconds of the log, from line 8 \(SCHED 6014ms\)/,
	);
	assert.match(summary, /1,075 to\s+1,769 goroutines waiting/);
	assert.match(summary, /cannot\s+show\s+whether\s+the\s+load\s+had\s+really\s+stopped/);
	assert.match(
		summary,
		/\n {6}lines: 8–11\n {6}lesson: https:\/\/godebug-explained\.dev\/lessons\/spotting-a-goroutine-leak\/\n/,
	);
	// The healthy run of the same service: nothing to point out.
	const load = explain([path.join(root, 'content', 'traces', 'schedtrace', 'go1.26-p1-load.txt')]);
	assert.match(load.stdout, /findings: none\n/);
	assert.doesNotMatch(load.stdout, /lesson:/);
});

test('several findings are listed in rule order, with many lines cut short', () => {
	const retain = path.join(root, 'content', 'traces', 'gctrace', 'go1.19-gcdemo-retain.txt');
	const r = explain([retain]);
	assert.match(
		r.stdout,
		/findings: 2 [^\n]*\n {4}Live heap keeps growing\n[^]*lines: 12, 15, 17, 19, 21, 22, 24–29 … \(19 lines in all\)\n {6}lesson: https:\/\/godebug-explained\.dev\/lessons\/memory-leaks\/\n {6}fields: Live heap https:\/\/godebug-explained\.dev\/reference\/gctrace\/heap-live\/\n {14}Heap before[^]*\n {4}Forced collections\n[^]*lines: 29, 30\n/,
	);
	// Crafted: 60 forced cycles, every other line, from the Go 1.26 gcdemo capture's forced line.
	const forced =
		'gc 15 @1.003s 0%: 0.13+0.27+0.002 ms clock, 0.26+0/0.11/0.081+0.005 ms cpu, 0->0->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)';
	const many = explain([], Array.from({ length: 60 }, () => `${forced}\nhello\n`).join(''));
	assert.match(many.stdout, /lines: 1, 3, 5, 7, 9, 11 … \(60 lines in all\)\n/);
});

/** The records of a --json run: the line records, and the summary records. */
function records(stdout: string) {
	const all = stdout
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l));
	return {
		lines: all.filter((rec) => !('summary' in rec)),
		summaries: all.filter((rec) => 'summary' in rec).map((rec) => rec.summary),
		all,
	};
}

test('--json prints one object per input line, with spans into the line, then one summary', () => {
	const lines = readFileSync(capture, 'utf8').replace(/\n$/, '').split('\n');
	const r = explain(['--json', capture]);
	assert.equal(r.status, 0, r.stderr);
	const out = records(r.stdout);
	assert.equal(out.lines.length, lines.length);
	// The summary comes last, after every line record.
	assert.equal(out.all.length, lines.length + 1);
	assert.ok('summary' in out.all.at(-1));
	out.lines.forEach((rec, i) => {
		assert.deepEqual(Object.keys(rec), ['line', 'kind', 'era', 'fields', 'problem']);
		assert.equal(rec.line, i + 1);
		assert.equal(rec.problem, null);
		for (const f of rec.fields) assert.equal(lines[i].slice(f.start, f.end), f.text);
	});
	const gc = out.lines.find((rec) => rec.kind === 'gctrace');
	assert.equal(gc.era, 'go1.18-go1.27');
	const goal = gc.fields.find((f: { key: string }) => f.key === 'gctrace/heap-goal');
	assert.equal(typeof goal.value, 'number');
	const [summary] = out.summaries;
	assert.equal(summary.lines, lines.length);
	assert.equal(summary.era, 'go1.18-go1.27');
	assert.equal(summary.kinds.gctrace, lines.length - 1);
	assert.equal(summary.kinds.other, 1);
	assert.equal(summary.kinds.schedtrace, 0);
	assert.deepEqual(summary.problems, []);
	assert.deepEqual(summary.findings, []);
});

test('the summary gives pause and cycle percentiles and a histogram of pauses, in words and in --json', () => {
	const file = path.join(root, 'content', 'traces', 'gctrace', 'go1.26-gcdemo.txt');
	const text = readFileSync(file, 'utf8');
	// Each cycle's stop-the-world pause: the first and third clock phases, read here on their own.
	const pauses = [...text.matchAll(/ms clock/g)].length;
	const sorted = [...text.matchAll(/: ([\d.]+)\+[\d.]+\+([\d.]+) ms clock/g)]
		.map((m) => Math.round((Number(m[1]) + Number(m[2])) * 1000) / 1000)
		.sort((a, b) => a - b);
	assert.equal(sorted.length, pauses);
	const p99 = sorted[Math.ceil(0.99 * sorted.length) - 1];
	const human = explain([file]);
	assert.equal(human.status, 0, human.stderr);
	const summary = human.stdout.slice(human.stdout.indexOf('Summary of'));
	assert.match(
		summary,
		/\n {2}distributions:\n {4}Stop-the-world pauses: p50 [\d.]+ ms, p95 [\d.]+ ms, p99 ([\d.]+) ms, max/,
	);
	assert.equal(Number(/p99 ([\d.]+) ms, max/.exec(summary)![1]), p99);
	assert.match(summary, new RegExp(`over ${sorted.length} cycles`));
	assert.match(summary, /Time between cycles: p50 \d+ ms/);
	assert.match(summary, /pauses by length:\n {6}[^\n]*ms +\d+ {2}#+\n/);
	assert.match(summary, /Percentiles are nearest-rank/);
	// Lines without gc cycles get no pause figures.
	const sched = explain([path.join(root, 'content', 'traces', 'schedtrace', 'go1.26-p2-load.txt')]);
	assert.doesNotMatch(sched.stdout, /Stop-the-world pauses/);
	assert.match(sched.stdout, /Run queue: mean/);

	const json = explain(['--json', file]);
	const { stats } = JSON.parse(json.stdout.trim().split('\n').at(-1)!).summary;
	assert.equal(stats.gc.cycles, sorted.length);
	assert.equal(stats.gc.pauseMs.p99, p99);
	assert.equal(stats.gc.pauseMs.max, sorted.at(-1));
	assert.equal(
		stats.gc.pauseHistogram.reduce((sum: number, b: { count: number }) => sum + b.count, 0),
		sorted.length,
	);
	assert.equal(stats.sched.runnable, null);
});

test('--compare: two runs as a table of measures with their changes, then a verdict in words', () => {
	const before = path.join(root, 'content', 'traces', 'combined', 'go1.26-gcdemo-gogc50.txt');
	const after = path.join(root, 'content', 'traces', 'combined', 'go1.26-gcdemo-gogc400.txt');
	const r = explain(['--compare', before, after]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(
		r.stdout,
		/^Comparing two runs\n {2}before: [^\n]*gogc50\.txt\n {4}\d+ lines, Go 1\.26 or later, GOMAXPROCS 2\n/,
	);
	assert.match(r.stdout, /\n {2}Measure +Before +After +Change +Better if +Verdict\n/);
	// GOGC=400 leaves four times the headroom: fewer cycles, a bigger heap goal.
	assert.match(r.stdout, /\n {2}GC cycles per second +[\d.]+ +[\d.]+ +−[\d.]+ \([^)]*\) +lower +better\n/);
	assert.match(r.stdout, /\n {2}Heap goal \(p50\) +2 MB +16 MB +\+14 MB \(×8\) +lower +worse\n/);
	assert.match(r.stdout, /\nVerdict\n {2}Better after the change: [^]*fewer GC cycles per second/);
	assert.match(r.stdout, /A trade: the collector ran less often and let the heap grow larger/);
	assert.match(r.stdout, /What this cannot tell: a trace shows what the runtime did/);

	const json = explain(['--compare', '--json', before, after]);
	assert.equal(json.status, 0, json.stderr);
	const lines = json.stdout.trim().split('\n');
	assert.equal(lines.length, 1, 'one object');
	const { compare } = JSON.parse(lines[0]!);
	assert.equal(compare.before.file, before);
	assert.equal(compare.after.era, 'go1.26-go1.27');
	assert.deepEqual(compare.after.gomaxprocs, [2]);
	const perSecond = compare.measures.find((m: { key: string }) => m.key === 'cycles-per-second');
	assert.equal(perSecond.label, 'GC cycles per second');
	assert.equal(perSecond.direction, 'better');
	assert.equal(perSecond.better, 'lower');
	assert.equal(perSecond.before, compare.before.stats.gc.cyclesPerSecond);
	assert.ok(Array.isArray(compare.verdict) && compare.verdict.at(-1).startsWith('What this cannot tell'));
});

test('--compare says when the runs differ in more than the change: Go release, GOMAXPROCS', () => {
	const traces = path.join(root, 'content', 'traces');
	const r = explain([
		'--compare',
		path.join(traces, 'schedtrace', 'go1.19-p1-load.txt'),
		path.join(traces, 'schedtrace', 'go1.26-p8-load.txt'),
	]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /Different Go releases: no one release prints both logs’ lines/);
	assert.match(r.stdout, /Different GOMAXPROCS \(before: 1; after: 8\)/);
	const json = JSON.parse(
		explain([
			'--json',
			'--compare',
			path.join(traces, 'schedtrace', 'go1.19-p1-load.txt'),
			path.join(traces, 'schedtrace', 'go1.26-p8-load.txt'),
		]).stdout,
	);
	assert.deepEqual(
		json.compare.caveats.map((c: { kind: string }) => c.kind),
		['go-release', 'gomaxprocs'],
	);
	assert.match(json.compare.caveats[1].message, /^Different GOMAXPROCS/);
});

test('--compare needs exactly two files', () => {
	for (const args of [
		['--compare', capture],
		['--compare', capture, capture, capture],
		['--compare', capture, '-'],
	]) {
		const r = explain(args);
		assert.equal(r.status, 2);
		assert.match(r.stderr, /--compare needs two files, the run before a change and the run after it/);
		assert.equal(r.stdout, '');
	}
	const missing = explain(['--compare', capture, path.join(dir, 'nope.log')]);
	assert.equal(missing.status, 2);
	assert.match(missing.stderr, /nope\.log: no such file/);
});

test('--json: a script can ask the summary whether a log shows a leak', () => {
	const ask = (file: string) => {
		const r = explain(['--json', path.join(root, 'content', 'traces', file)]);
		assert.equal(r.status, 0, r.stderr);
		const last = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
		return last.summary.findings as {
			kind: string;
			title: string;
			lines: number[];
			lineCount: number;
			lesson: string;
			message: string;
		}[];
	};
	const leak = ask('schedtrace/go1.19-p2-leak.txt').find((f) => f.kind === 'goroutine-leak');
	assert.ok(leak);
	assert.equal(leak.title, 'Runnable goroutines keep coming back');
	assert.equal(leak.lesson, 'https://godebug-explained.dev/lessons/spotting-a-goroutine-leak/');
	assert.deepEqual(leak.lines, [8, 9, 10, 11]);
	assert.equal(leak.lineCount, 4);
	assert.match(leak.message, /cannot show whether the load had really stopped/);
	assert.deepEqual(ask('schedtrace/go1.19-p2-load.txt'), []);
	const blocked = ask('scheddetail/go1.27-p2-block.txt').map((f) => [f.kind, f.lesson]);
	assert.deepEqual(blocked, [['blocked-goroutines', 'https://godebug-explained.dev/lessons/the-detailed-dump/']]);
});

test('--json with several files: each input’s summary follows its lines, both named by file', () => {
	const leak = path.join(root, 'content', 'traces', 'schedtrace', 'go1.26-p2-leak.txt');
	const r = explain(['--json', capture, leak]);
	const out = records(r.stdout);
	const files = out.all.map((rec) => rec.file ?? rec.summary.file);
	const n = readFileSync(capture, 'utf8').trimEnd().split('\n').length;
	assert.deepEqual([...new Set(files)], [capture, leak]);
	assert.ok('summary' in out.all[n]);
	assert.equal(out.summaries[0].file, capture);
	assert.deepEqual(
		out.summaries.map((s) => s.findings.map((f: { kind: string }) => f.kind)),
		[[], ['goroutine-leak']],
	);
});

test('--help describes the summary record', () => {
	const r = explain(['--help']);
	assert.equal(r.status, 0);
	assert.match(r.stdout, /^usage: npm run explain/);
	assert.match(r.stdout, /\{"summary": \{"lines": N, "era": \.\.\., "kinds": \{\.\.\.\}, "problems": \[\.\.\.\]/);
});

test('each field’s page is linked by its full URL the first time the field appears, and only then', () => {
	const r = explain([capture]);
	const pages = r.stdout.match(/^ +https:\/\/godebug-explained\.dev\/reference\/gctrace\/heap-live\/$/gm) ?? [];
	assert.equal(pages.length, 1);
	// Under the field's label and meaning.
	assert.match(
		r.stdout,
		/\n {7}Live heap +0 MB +Heap bytes[^\n]*\n +https:\/\/godebug-explained\.dev\/reference\/gctrace\/heap-live\/\n/,
	);
	assert.doesNotMatch(r.stdout, /[ :]\/(reference|lessons)\//);
});

test('--site, or its environment variable, points every link at another copy of the site, base path included', () => {
	const leak = path.join(root, 'content', 'traces', 'schedtrace', 'go1.26-p1-leak.txt');
	const site = 'https://teacher.github.io/godebug-explained';
	const human = explain(['--site', site, leak]);
	assert.equal(human.status, 0, human.stderr);
	assert.match(
		human.stdout,
		/lesson: https:\/\/teacher\.github\.io\/godebug-explained\/lessons\/spotting-a-goroutine-leak\/\n/,
	);
	assert.match(
		human.stdout,
		/\n +https:\/\/teacher\.github\.io\/godebug-explained\/reference\/schedtrace\/runqueue\/\n/,
	);
	assert.doesNotMatch(human.stdout, /godebug-explained\.dev/);
	const json = explain(['--json', leak], undefined, { GODEBUG_EXPLAINED_SITE: 'http://127.0.0.1:4321/' });
	const { summaries } = records(json.stdout);
	assert.equal(summaries[0].findings[0].lesson, 'http://127.0.0.1:4321/lessons/spotting-a-goroutine-leak/');
	// The option wins over the variable.
	const both = explain(['--json', `--site=${site}/`, leak], undefined, {
		GODEBUG_EXPLAINED_SITE: 'http://127.0.0.1:4321/',
	});
	assert.equal(
		records(both.stdout).summaries[0].findings[0].lesson,
		'https://teacher.github.io/godebug-explained/lessons/spotting-a-goroutine-leak/',
	);
});

test('--version prints the package’s version', () => {
	const { version } = JSON.parse(readFileSync(path.join(root, 'packages', 'cli', 'package.json'), 'utf8'));
	const r = explain(['--version']);
	assert.equal(r.status, 0);
	assert.equal(r.stdout, `godebug-explained ${version}\n`);
});

test('a field printed empty is shown as "(empty)" with its meaning, and in --json as a zero-width span', () => {
	const detail = path.join(root, 'content', 'traces', 'scheddetail', 'go1.26-p2-load.txt');
	const lines = readFileSync(detail, 'utf8').split('\n');
	// Line 4 is an M line with preemptoff=, line 57 a dead goroutine's G line with ().
	const input = `${lines[3]}\n${lines[56]}\n`;
	const r = explain([], input);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /\n {7}Preempt-off reason {2}\(empty\) {2}Why the runtime has turned off preemption/);
	assert.match(r.stdout, /\n {7}Wait reason {2}\(empty\) {2}Why the goroutine last parked/);
	const json = explain(['--json'], input);
	const [m, g] = json.stdout
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l));
	const at = lines[3].indexOf('preemptoff=') + 'preemptoff='.length;
	assert.deepEqual(
		m.fields.find((f: { key: string }) => f.key === 'scheddetail/m-preemptoff'),
		{ key: 'scheddetail/m-preemptoff', start: at, end: at, text: '', value: '' },
	);
	const open = lines[56].indexOf('(') + 1;
	assert.deepEqual(
		g.fields.find((f: { key: string }) => f.key === 'scheddetail/g-wait-reason'),
		{ key: 'scheddetail/g-wait-reason', start: open, end: open, text: '', value: '' },
	);
});

test('standard input is read when no file is given', () => {
	const r = explain(
		['--json'],
		'SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]\n',
	);
	assert.equal(r.status, 0, r.stderr);
	const { lines, summaries } = records(r.stdout);
	assert.equal(lines.length, 1);
	assert.equal(summaries[0].kinds.schedtrace, 1);
	const rec = lines[0];
	assert.equal(rec.kind, 'schedtrace');
	assert.equal(rec.era, 'go1.4-go1.19');
});

test('a malformed runtime line exits 1 and reports its column and what was expected', () => {
	const line = 'SCHED 1009ms: gomaxprocs=1 idleprocs=0 threads=3 spinningthreads=0 idlethreads=1 runqueue=0 [4 4]';
	const json = explain(['--json'], `${line}\n`);
	assert.equal(json.status, 1);
	const { lines, summaries } = records(json.stdout);
	const rec = lines[0];
	assert.equal(rec.problem.column, line.indexOf('[') + 1);
	assert.match(rec.problem.message, /expected 1 run-queue length/);
	assert.deepEqual(summaries[0].problems, [{ line: 1, column: rec.problem.column, message: rec.problem.message }]);
	assert.equal(summaries[0].problemCount, 1);
	const human = explain([], `${line}\n`);
	assert.equal(human.status, 1);
	assert.match(human.stdout, /problem at column \d+: expected 1 run-queue length/);
	assert.match(human.stdout, /problems: 1\n\s+line 1, column \d+:/);
});

const usageErrors: [string, () => string[], RegExp][] = [
	['an unknown option', () => ['--colour'], /^explain: unknown option "--colour"; usage: npm run explain/],
	[
		'a site that is not a web address',
		() => ['--site', 'godebug-explained.dev'],
		/--site: "godebug-explained\.dev" is not a URL/,
	],
	['--site without an address', () => ['--site'], /^explain: --site needs the site's address/],
	['a missing file', () => [path.join(dir, 'nope.log')], /nope\.log: no such file$/],
	['a directory', () => [dir], /is a directory; expected a text file$/],
	[
		'a binary file',
		() => {
			const f = path.join(dir, 'binary.bin');
			writeFileSync(f, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x01]));
			return [f];
		},
		/binary data \(a NUL byte at byte 5\); expected a text log of GODEBUG output$/,
	],
	[
		'a file of mostly bytes that are not UTF-8',
		() => {
			const f = path.join(dir, 'noise.bin');
			writeFileSync(f, Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 0x7f))));
			return [f];
		},
		/noise\.bin: binary data \(\d+% of its first characters are not UTF-8\); expected a text log of GODEBUG output$/,
	],
];

for (const [what, args, message] of usageErrors) {
	test(`${what} exits 2 with one line naming the problem, and no stack trace`, () => {
		const r = explain(args());
		assert.equal(r.status, 2);
		const lines = r.stderr.trim().split('\n');
		assert.equal(lines.length, 1, r.stderr);
		assert.match(lines[0], message);
		assert.doesNotMatch(r.stderr, /\bat .*\.ts:\d+/);
	});
}

test('a stray byte that is not UTF-8 (a program printing Latin-1) is read as U+FFFD, like the analyzer page', () => {
	const f = path.join(dir, 'latin1.log');
	writeFileSync(
		f,
		Buffer.from(
			'caf\xe9 is open\nSCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [0]\n',
			'latin1',
		),
	);
	const r = explain(['--json', f]);
	assert.equal(r.status, 0, r.stderr);
	const records = r.stdout
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l));
	assert.equal(records[0].kind, 'other');
	assert.equal(records[1].kind, 'schedtrace');
	assert.equal(records[2].summary.lines, 2);
});

test('control characters in the log are shown, not sent to the terminal to act on', () => {
	const gc = readFileSync(capture, 'utf8')
		.split('\n')
		.find((l) => l.startsWith('gc '))!;
	// A fake hyperlink (OSC 8), a window title, and a line whose last field carries ESC.
	const hostile = [
		'\u001b]8;;https://evil.example/\u0007click me\u001b]8;;\u0007',
		'\u001b]2;owned\u0007',
		`${gc.replace(/ P$/, '\u001b[2J P')}`,
	].join('\n');
	const r = explain([], `${hostile}\n`);
	assert.doesNotMatch(r.stdout, /(?!\t|\n)\p{Cc}/u, 'no control character reaches the output');
	assert.match(r.stdout, /␛]8;;https:\/\/evil\.example\/␇click me/);
	assert.match(r.stdout, /␛\[2J/);
});
