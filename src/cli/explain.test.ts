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

function explain(args: string[], input?: string | Buffer) {
	const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
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

test('--json prints one object per input line, with spans into the line', () => {
	const lines = readFileSync(capture, 'utf8').replace(/\n$/, '').split('\n');
	const r = explain(['--json', capture]);
	assert.equal(r.status, 0, r.stderr);
	const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
	assert.equal(records.length, lines.length);
	records.forEach((rec, i) => {
		assert.equal(rec.line, i + 1);
		assert.equal(rec.problem, null);
		for (const f of rec.fields) assert.equal(lines[i].slice(f.start, f.end), f.text);
	});
	const gc = records.find((rec) => rec.kind === 'gctrace');
	assert.equal(gc.era, 'go1.18-go1.27');
	const goal = gc.fields.find((f: { key: string }) => f.key === 'gctrace/heap-goal');
	assert.equal(typeof goal.value, 'number');
});

test('standard input is read when no file is given', () => {
	const r = explain(['--json'], 'SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]\n');
	assert.equal(r.status, 0, r.stderr);
	const rec = JSON.parse(r.stdout);
	assert.equal(rec.kind, 'schedtrace');
	assert.equal(rec.era, 'go1.4-go1.19');
});

test('a malformed runtime line exits 1 and reports its column and what was expected', () => {
	const line = 'SCHED 1009ms: gomaxprocs=1 idleprocs=0 threads=3 spinningthreads=0 idlethreads=1 runqueue=0 [4 4]';
	const json = explain(['--json'], `${line}\n`);
	assert.equal(json.status, 1);
	const rec = JSON.parse(json.stdout);
	assert.equal(rec.problem.column, line.indexOf('[') + 1);
	assert.match(rec.problem.message, /expected 1 run-queue length/);
	const human = explain([], `${line}\n`);
	assert.equal(human.status, 1);
	assert.match(human.stdout, /problem at column \d+: expected 1 run-queue length/);
	assert.match(human.stdout, /problems: 1\n\s+line 1, column \d+:/);
});

const usageErrors: [string, () => string[], RegExp][] = [
	['an unknown option', () => ['--colour'], /^explain: unknown option "--colour"; usage: npm run explain/],
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
		'invalid UTF-8',
		() => {
			const f = path.join(dir, 'latin1.log');
			writeFileSync(f, Buffer.from('gc 1 caf\xe9\n', 'latin1'));
			return [f];
		},
		/not valid UTF-8 text/,
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
