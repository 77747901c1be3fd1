// Property tests for `parseLine` over every kind: thousands of lines derived from real captures
// and synthetic samples by seeded random mutations (cuts, duplicated segments, changed digits,
// dropped separators, non-ASCII and lone surrogates, very long lines, random code units).
// Whatever the input, parsing must not throw and the result must keep the core's invariants.
// A failure names the seed and the mutated line, so it can be replayed as a table test.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { isFieldKey } from './catalogue.ts';
import { LATEST_GO_MINOR } from './era.ts';
import { createLogParser, parseLog } from './log.ts';
import { parseLine } from './parse.ts';
import type { LineForm, LineKind, ParsedLine } from './types.ts';
import { createRandom } from './test-support.ts';

/** Seed lines, one or more per shape. Synthetic: built from the reference's print statements. */
const SYNTHETIC_SEEDS = [
	// schedtrace, every era
	'SCHED 0ms: gomaxprocs=4 idleprocs=2 threads=5 idlethreads=0 runqueue=0 [1 0 0 0]',
	'SCHED 1009ms: gomaxprocs=1 idleprocs=0 threads=4 spinningthreads=0 idlethreads=1 runqueue=32 [62]',
	'SCHED 3027ms: gomaxprocs=4 idleprocs=3 threads=7 spinningthreads=0 needspinning=0 idlethreads=3 runqueue=0 [0 0 1 0]',
	'SCHED 1005ms: gomaxprocs=4 idleprocs=4 threads=8 spinningthreads=0 needspinning=0 idlethreads=5 runqueue=0 [ 0 0 0 0 ] schedticks=[ 2316 1187 940 702 ]',
	// scheddetail, every era
	'SCHED 1004ms: gomaxprocs=2 idleprocs=1 threads=4 idlethreads=1 runqueue=0 gcwaiting=0 nmidlelocked=0 nmspinning=0 stopwait=0 sysmonwait=0',
	'SCHED 2010ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 needspinning=0 idlethreads=2 runqueue=0 gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false',
	'  P0: status=1 schedtick=10 syscalltick=3 m=0 runqsize=0/128 gfreecnt=0',
	'  P1: status=0 schedtick=17 syscalltick=0 m=nil runqsize=0 gfreecnt=0 timerslen=0',
	'  M3: p=-1 curg=-1 mallocing=0 throwing=0 gcing=0 locks=0 dying=0 helpgc=0 spinning=0 lockedg=-1',
	'  M1: p=-1 curg=-1 mallocing=0 throwing=0 gcing=0 locks=1 dying=0 helpgc=0 spinning=0 blocked=0 lockedg=-1',
	'  M2: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 helpgc=0 spinning=false blocked=true lockedg=-1',
	'  M3: p=0 curg=18 mallocing=0 throwing=0 preemptoff=gcing locks=0 dying=0 spinning=false blocked=false lockedg=nil',
	'  G1: status=2() m=0 lockedm=-1',
	'  G3: status=4(timer goroutine (idle)) m=-1 lockedm=-1',
	'  G2: status=4100(force gc (idle)) m=nil lockedm=nil',
	'  G14: status=4(select (no cases)) m=nil lockedm=nil',
	// gctrace and gc-forced
	'gc1(1): 0+0+0 ms, 0 -> 0 MB 16 -> 18 (19-1) objects, 0(0) handoff, 0(0) steal, 0/0/0 yields',
	'gc1(1): 2+0+201+3 us, 0 -> 0 MB, 18 (19-1) objects, 13/0/0 sweeps, 0(0) handoff, 0(0) steal, 0/0/0 yields',
	'gc1(1): 2+0+198+3 us, 0 -> 0 MB, 18 (19-1) objects, 2 goroutines, 15/0/0 sweeps, 0(0) handoff, 0(0) steal, 0/0/0 yields',
	'gc 1 @0.017s 2%: 0.12+1.5+0.035+0.60+0.20 ms clock, 0.48+1.5+0+0.10/0.55/0.72+0.80 ms cpu, 4->4->1 MB, 5 MB goal, 4 P',
	'gc 318 @36.750s 0%: 0.022+0.27+0.040 ms clock, 0.17+0.60/0.43/0.031+0.32 ms cpu, 4->4->0 MB, 5 MB goal, 8 P',
	'gc 4 @0.311s 1%: 0.009+0+1.3 ms clock, 0.072+0/0/0+10 ms cpu, 2->2->0 MB, 2 MB goal, 8 P (forced)',
	'gc 52 @31.877s 4%: 0.061+12+0.044 ms clock, 0.48+3.9/23/8.1+0.35 ms cpu, 181->190->97 MB, 195 MB goal, 2 MB stacks, 1 MB globals, 8 P',
	'gc 12 @5.002s 0% (checking for goroutine leaks): 0.030+0.90+0.040 ms clock, 0.24+0/0.70/0.10+0.32 ms cpu, 3->3->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P (forced)',
	'GC forced',
	'scan: total 15230 objs',
	'scan: class 16B 310+1920+3890=6120 objs, 41+30=71 spans',
	// gcpacertrace
	'pacer: assist ratio=+6.000000e-001 (scan 3 MB in 7->8 MB) workers=1+0',
	'pacer: H_m_prev=4194304 h_t=+7.000000e-001 H_T=7130316 h_a=+8.750000e-001 H_a=7864320 h_g=+1.000000e+000 H_g=8388608 u_a=+2.700000e-001 u_g=+2.500000e-001 W_a=3145728 goalΔ=+3.000000e-001 actualΔ=+1.750000e-001 u_a/u_g=+1.080000e+000',
	'pacer: sweep done at heap size 4MB; allocated 0MB of spans; swept 1063 pages at +1.391361e-004 pages/byte',
	'pacer: 31% CPU (25 exp.) for 2883584+65536+131072 B work (2818048 B exp.) in 7340032 B -> 8126464 B (∆goal -262144, cons/mark +5.102041e-001)[controller reset]',
	'pacer: assist ratio=0.6 (scan 3 MB in 7->8 MB) workers=0+0.25',
	// scavenger
	'scvg0: inuse: 1, idle: 0, sys: 3, released: 0, consumed: 3 (MB)',
	'scvg3: GC forced',
	'scvg-1: 9 MB released',
	'forced scvg: inuse: 31, idle: 32, sys: 63, released: 21, consumed: 42 (MB)',
	'scav 7 8704 KiB work, 21504 KiB total, 92% util (forced)',
	'scav 0 KiB work (bg), 8704 KiB work (eager), 21504 KiB now, 92% util (forced)',
	// inittrace
	'init internal/bytealg @0.008 ms, 0 ms clock, 0 bytes, 0 allocs',
	// a program's own output
	'2026/11/26 10:35:45 listener : Started : Listening on: http://127.0.0.1:35725',
];

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** Lines of the shared synthetic samples file and of the real captures, when present. */
function fileSeeds(): string[] {
	const seeds: string[] = [];
	const samples = path.resolve(projectRoot, '..', 'shared', 'reference', 'go-trace-synthetic-samples.txt');
	if (existsSync(samples)) {
		for (const line of readFileSync(samples, 'utf8').split('\n')) {
			if (line !== '' && !line.startsWith('#') && !line.startsWith('=')) seeds.push(line);
		}
	}
	const traces = path.join(projectRoot, 'content', 'traces');
	const index = path.join(traces, 'captures.json');
	if (existsSync(index)) {
		const captures = JSON.parse(readFileSync(index, 'utf8')) as { file: string }[];
		for (const { file } of captures) {
			const lines = readFileSync(path.join(traces, file), 'utf8').split('\n');
			// A handful per capture keeps the seed list varied without favouring long captures.
			seeds.push(...lines.filter((l) => l !== '').slice(0, 40));
		}
	}
	return seeds;
}

const random = createRandom(0x60deb06);
const int = (n: number): number => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)];

const ODD_TEXT = ['é', 'Δ', '∆', 'µ', '🙂', '𝟘', '\ud800', '\udfff', '\u0000', '\t', '\r', '\u2028', '\ufeff', 'ﬁ'];
const SEPARATORS = [' ', '=', ':', '[', ']', '(', ')', ',', '/', '+', '-', '>', '@', '%', '.'];
const PREFIXES = [
	'SCHED ',
	'  P',
	'  M',
	'  G',
	'gc ',
	'gc1(',
	'pacer: ',
	'scav ',
	'scvg',
	'scan: ',
	'init a @',
	'GC forced',
];

function randomCodeUnits(length: number): string {
	let out = '';
	for (let i = 0; i < length; i++) {
		// Mostly ASCII, so prefixes and separators occur; sometimes anything, surrogates included.
		out += String.fromCharCode(random() < 0.8 ? 32 + int(95) : int(0x10000));
	}
	return out;
}

const mutations: ((line: string) => string)[] = [
	// cut at a random point
	(line) => line.slice(0, int(line.length + 1)),
	// remove a random range
	(line) => {
		const i = int(line.length + 1);
		return line.slice(0, i) + line.slice(i + int(12));
	},
	// duplicate a segment
	(line) => {
		const i = int(line.length + 1);
		const j = i + int(20);
		return line.slice(0, j) + line.slice(i, j) + line.slice(j);
	},
	// change digits
	(line) => line.replace(/\d/g, (d) => (random() < 0.3 ? String(int(10)) : d)),
	// change a number into something else a runtime might print, or not
	(line) => line.replace(/\d+/, () => pick(['-1', 'nil', '0', '4096', '99999999999999999999', '1e5', '', 'x'])),
	// remove a separator
	(line) => {
		const sep = pick(SEPARATORS);
		const at = line.indexOf(sep, int(line.length));
		return at < 0 ? line : line.slice(0, at) + line.slice(at + 1);
	},
	// insert non-ASCII text, astral characters and lone surrogates included
	(line) => {
		const i = int(line.length + 1);
		return line.slice(0, i) + pick(ODD_TEXT) + line.slice(i);
	},
	// overwrite a range with random code units
	(line) => {
		const i = int(line.length + 1);
		const n = 1 + int(8);
		return line.slice(0, i) + randomCodeUnits(n) + line.slice(i + n);
	},
	// swap two words
	(line) => {
		const words = line.split(' ');
		const i = int(words.length);
		const j = int(words.length);
		[words[i], words[j]] = [words[j], words[i]];
		return words.join(' ');
	},
	// join with another seed or add a key=value
	(line) => (random() < 0.5 ? line + pick([' extra=1', ' ', ')', ' m=nil', ']']) : line + line),
];

function mutate(line: string): string {
	let out = line;
	for (let n = 1 + int(3); n > 0; n--) out = pick(mutations)(out);
	return out;
}

const FORMS_OF: Record<LineKind, readonly LineForm[]> = {
	gctrace: ['gc-cycle', 'gc-cycle-legacy', 'scan-stats'],
	'gc-forced': ['gc-forced'],
	schedtrace: ['sched', 'sched-detail-header'],
	scheddetail: ['detail-p', 'detail-m', 'detail-g'],
	gcpacertrace: ['pacer-assist-ratio', 'pacer-controller-legacy', 'pacer-controller', 'pacer-sweep-done'],
	scavtrace: ['scvg-released', 'scvg-summary', 'scvg-gc-forced', 'scav'],
	inittrace: ['init'],
	other: ['other'],
};

/** Asserts the core's invariants for one parsed line. */
function checkInvariants(line: string, parsed: ParsedLine): void {
	assert.equal(parsed.text, line, 'the text is the line');
	assert.ok(FORMS_OF[parsed.kind]?.includes(parsed.form), `form ${parsed.form} of kind ${parsed.kind}`);
	if (parsed.kind === 'other') {
		assert.equal(parsed.era, null, 'other lines have no era');
		assert.deepEqual(parsed.tokens, [], 'other lines have no tokens');
		assert.equal(parsed.problem, null, 'other lines have no problem');
		return;
	}
	assert.ok(Array.isArray(parsed.era), 'a trace line has an era');
	let previousTo = -2;
	for (const r of parsed.era) {
		assert.ok(r.from <= r.to && r.from > previousTo + 1 && r.to <= LATEST_GO_MINOR, 'era ranges');
		previousTo = r.to;
	}
	let previousEnd = 0;
	for (const t of parsed.tokens) {
		assert.ok(t.start >= previousEnd, `token at ${t.start} overlaps or is out of order`);
		assert.ok(t.start <= t.end && t.end <= line.length, `token [${t.start}, ${t.end}) is inside`);
		if (t.start === t.end) {
			assert.ok(t.key !== null && t.value === '', `only a field printed empty is zero-width (at ${t.start})`);
		}
		assert.equal(t.text, line.slice(t.start, t.end), 'token text is the slice');
		if (t.key !== null) assert.ok(isFieldKey(t.key), `${t.key} is a catalogue key`);
		previousEnd = t.end;
	}
	if (parsed.problem !== null) {
		const { column, message } = parsed.problem;
		assert.ok(Number.isInteger(column) && column >= 1 && column <= line.length + 1, `column ${column}`);
		assert.ok(typeof message === 'string' && message.length > 0, 'a problem says what was expected');
	}
}

function checkLine(line: string, origin: string): void {
	let parsed: ParsedLine;
	try {
		parsed = parseLine(line);
	} catch (error) {
		assert.fail(`parseLine threw on ${JSON.stringify(line)} (${origin}): ${String(error)}`);
	}
	try {
		checkInvariants(line, parsed);
	} catch (error) {
		assert.fail(`${JSON.stringify(line)} (${origin}): ${(error as Error).message}`);
	}
}

const seeds = [...SYNTHETIC_SEEDS, ...fileSeeds()];

describe('parseLine properties', () => {
	test('every seed line', () => {
		for (const seed of seeds) checkLine(seed, 'seed');
	});

	test('12,000 mutated seed lines', () => {
		for (let i = 0; i < 12_000; i++) {
			const seed = pick(seeds);
			checkLine(mutate(seed), `mutation ${i} of ${JSON.stringify(seed)}`);
		}
	});

	test('2,000 random lines behind every dispatch prefix, and 1,000 without', () => {
		for (let i = 0; i < 2_000; i++) checkLine(pick(PREFIXES) + randomCodeUnits(int(60)), `prefixed ${i}`);
		for (let i = 0; i < 1_000; i++) checkLine(randomCodeUnits(int(120)), `random ${i}`);
	});

	test('very long lines', () => {
		const long = 100_000;
		const zeros = Array.from({ length: long / 2 }, () => '0').join(' ');
		const lines = [
			`SCHED 5ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 idlethreads=2 runqueue=0 [${zeros}]`,
			`SCHED 5ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=0 needspinning=0 idlethreads=2 runqueue=0 [ ${zeros} ] schedticks=[ ${zeros}`,
			`  G1: status=4(${'('.repeat(long)}) m=nil lockedm=nil`,
			`  G1: status=4(${') m'.repeat(long / 3)}`,
			`  M1: p=nil curg=nil mallocing=0 throwing=0 preemptoff=${'x'.repeat(long)}`,
			`  P0: status=${'9'.repeat(long)} schedtick=1`,
			`gc 1 @${'1'.repeat(long)}.5s 0%: `,
			`pacer: ${'+'.repeat(long)}`,
			`scav ${'1 '.repeat(long / 2)}`,
			'SCHED '.repeat(long / 6),
			'🙂'.repeat(long / 2),
			randomCodeUnits(long),
		];
		for (const line of lines) checkLine(line, `long line of ${line.length}`);
	});

	test('a log of mutated lines parses line by line, with a consistent summary', () => {
		const lines = Array.from({ length: 2_000 }, () => mutate(pick(seeds)).replaceAll(/[\r\n]/g, ''));
		let count = 0;
		let problems = 0;
		const summary = parseLog(lines.join('\n'), (line) => {
			assert.equal(line.text, lines[line.lineNo - 1]);
			count++;
			if (line.problem) problems++;
		});
		assert.equal(summary.lineCount, count);
		assert.equal(count, lines.length);
		assert.equal(summary.problemCount, problems);
		const kinds = Object.values(summary.kindCounts).reduce((a, b) => a + b, 0);
		assert.equal(kinds, count);
	});

	test("a log's bytes are its UTF-8 length, with non-ASCII text at every position of every seed", () => {
		// The summary reads a parsed line's characters only where a parser did not compare them
		// with ASCII: this holds it to the encoder wherever odd text lands (a field, a label, a
		// cut-off line, an unrecognised rest) and whatever the line then parses as.
		const encoder = new TextEncoder();
		// Every synthetic shape, and every 20th line of the captures.
		for (const seed of [...SYNTHETIC_SEEDS, ...seeds.slice(SYNTHETIC_SEEDS.length).filter((_, i) => i % 20 === 0)]) {
			const lines = [seed];
			for (let i = 0; i <= seed.length; i++) {
				for (let k = 0; k < 3; k++) {
					const odd = ODD_TEXT[(i + k * 5) % ODD_TEXT.length];
					lines.push(seed.slice(0, i) + odd + seed.slice(i), seed.slice(0, i) + odd + seed.slice(i + 1));
				}
			}
			const text = lines.join('\n');
			assert.equal(parseLog(text).bytes, encoder.encode(text).length, JSON.stringify(seed));
		}
	});

	test('the summary is the same whether or not the lines are handed on', () => {
		// Without an `onLine` a parser may skip storing tokens nobody reads: the summary must not
		// notice. A log per seed (so its era is the seed's), with mutations of it, whole and in chunks.
		for (const seed of seeds) {
			const lines = [seed, ...Array.from({ length: 6 }, () => mutate(seed))].map((line) =>
				line.replaceAll(/[\r\n]/g, ''),
			);
			const text = `${lines.join('\n')}\n${seed}`;
			const withLines = parseLog(text, () => {});
			assert.deepEqual(parseLog(text), withLines, JSON.stringify(seed));
			const parser = createLogParser();
			for (let at = 0; at < text.length; at += 37) parser.push(text.slice(at, at + 37));
			assert.deepEqual(parser.end(), withLines, JSON.stringify(seed));
		}
	});

	test('the summary counts each kind and form as often as its lines have it', () => {
		const lines = [...seeds, ...Array.from({ length: 4_000 }, () => mutate(pick(seeds)))].map((line) =>
			line.replaceAll(/[\r\n]/g, ''),
		);
		const kinds = new Map<string, number>();
		const forms = new Map<string, number>();
		const summary = parseLog(lines.join('\n'), (line) => {
			kinds.set(line.kind, (kinds.get(line.kind) ?? 0) + 1);
			forms.set(line.form, (forms.get(line.form) ?? 0) + 1);
		});
		for (const [kind, count] of Object.entries(summary.kindCounts)) assert.equal(count, kinds.get(kind) ?? 0, kind);
		for (const [form, count] of Object.entries(summary.formCounts)) assert.equal(count, forms.get(form) ?? 0, form);
	});
});
