// Tests for the scanner's fast paths: numbers built while scanning must equal what Number()
// reads, and a line read in place inside a larger text (as the log parser reads it) must parse
// exactly as the same line on its own, never looking past its end.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLine, scanLine } from './parse.ts';
import { LineScanner } from './scanner.ts';
import { createRandom } from './test-support.ts';

const random = createRandom(0x5ca77e5);
const int = (n: number): number => Math.floor(random() * n);
const digits = (n: number): string => Array.from({ length: n }, () => String(int(10))).join('');

/** Reads `text` with `read` and returns the token's value and the notation/result. */
function readOne<T>(text: string, read: (s: LineScanner) => T): { value: unknown; result: T } {
	const s = new LineScanner();
	s.resetLine(text);
	const result = read(s);
	return { value: s.count > 0 ? s.value(0) : undefined, result };
}

/** Go's `%+e`-style runtime print: sign, one digit, six decimals, `e`, sign, three digits. */
function runtimeFloat(): string {
	const sign = random() < 0.5 ? '+' : '-';
	const exponentSign = random() < 0.5 ? '+' : '-';
	return `${sign}${int(10)}.${digits(6)}e${exponentSign}${String(int(400)).padStart(3, '0')}`;
}

/** Shortest-form floats as Go 1.26 prints them, and harder ones. */
function shortestFloat(): string {
	switch (int(6)) {
		case 0:
			return String(random() * 10 ** (int(40) - 20));
		case 1:
			return `${digits(1 + int(20))}.${digits(1 + int(25))}`;
		case 2:
			return `${digits(1 + int(3))}e${random() < 0.5 ? '+' : '-'}${digits(1 + int(3))}`;
		case 3:
			return `-${digits(1 + int(17))}.${digits(1 + int(17))}e-${String(1 + int(30)).padStart(2, '0')}`;
		case 4:
			return digits(1 + int(22));
		default:
			return `0.${'0'.repeat(int(6))}${digits(1 + int(18))}`;
	}
}

describe('numbers built while scanning equal Number()', () => {
	test('runtime-notation floats', () => {
		for (let i = 0; i < 20_000; i++) {
			const text = runtimeFloat();
			const { value, result } = readOne(text, (s) => s.float('gcpacertrace/h', 'h'));
			assert.equal(result, 'runtime-exponent', text);
			assert.equal(value, Number(text.slice(text.startsWith('+') ? 1 : 0)), text);
		}
	});

	test('shortest-form floats, long mantissas and large exponents included', () => {
		for (let i = 0; i < 20_000; i++) {
			const text = shortestFloat();
			const { value, result } = readOne(text, (s) => s.float('gcpacertrace/h', 'h'));
			assert.equal(result, 'shortest', text);
			assert.equal(value, Number(text), text);
		}
	});

	test("the runtime's NaN and ±Inf read as NaN and ±Infinity", () => {
		for (const [text, expected] of [
			['NaN', Number.NaN],
			['+Inf', Infinity],
			['-Inf', -Infinity],
		] as const) {
			const { value, result } = readOne(text, (s) => s.float('gcpacertrace/h', 'h'));
			assert.equal(result, 'shortest');
			assert.ok(Object.is(value, expected), text);
		}
	});

	test('a float is read from at most 40 code units', () => {
		const text = `0.${'1'.repeat(60)}`;
		const s = new LineScanner();
		s.resetLine(text);
		s.float('gcpacertrace/h', 'h');
		assert.equal(s.end(0), 40);
		assert.equal(s.value(0), Number(text.slice(0, 40)));
	});

	test('a float is read exactly where the two notations say, and nothing else is', () => {
		// The grammar of both notations as a regular expression, against strings mixing their
		// characters at random: the scanner must accept exactly these, up to the same end.
		const runtime = /^[+-]\d\.\d{6}e[+-]\d{3}(?![\w.])/;
		const shortest = /^(?:NaN|[+-]Inf|-?\d+(?:\.\d+)?(?:e[+-]\d+)?)(?![\w.])/;
		const alphabet = '0123456789000111+-.eeENaInf_x ';
		const own = createRandom(0xf10a7);
		for (let i = 0; i < 20_000; i++) {
			let text = '';
			for (let n = 1 + Math.floor(own() * 16); n > 0; n--) text += alphabet[Math.floor(own() * alphabet.length)];
			const runtimeMatch = runtime.exec(text);
			const shortestMatch = runtimeMatch ? null : shortest.exec(text);
			const s = new LineScanner();
			s.resetLine(text);
			const result = s.float('gcpacertrace/h', 'h');
			if (runtimeMatch === null && shortestMatch === null) {
				assert.equal(result, false, text);
				assert.notEqual(s.problem, null, text);
				continue;
			}
			const read = (runtimeMatch ?? shortestMatch)![0];
			assert.equal(result, runtimeMatch ? 'runtime-exponent' : 'shortest', text);
			assert.equal(s.end(0), read.length, text);
			const expected = read.endsWith('Inf') ? Number(`${read[0]}Infinity`) : Number(read.replace(/^\+/, ''));
			assert.ok(Object.is(s.value(0), expected), `${text}: ${String(s.value(0))}`);
		}
	});

	test('integers and decimals, beyond 2^53 too', () => {
		for (let i = 0; i < 20_000; i++) {
			const whole = digits(1 + int(25));
			const text = random() < 0.5 ? whole : `${whole}.${digits(1 + int(20))}`;
			const signed = random() < 0.5 ? `-${text}` : text;
			const opts = { signed: true, decimals: true };
			const { value } = readOne(signed, (s) => s.number('gctrace/cycle', 'n', opts));
			assert.equal(value, Number(signed), signed);
		}
	});

	test('ids and bracket lists', () => {
		for (let i = 0; i < 5_000; i++) {
			const n = random() < 0.5 ? `-${digits(1 + int(22))}` : digits(1 + int(22));
			const id = readOne(n, (s) => s.idOrNil('scheddetail/g-m', 'm'));
			assert.equal(id.value, Number(n) === -1 ? null : Number(n), n);
			const list = `[${n.replace('-', '')} ${digits(1 + int(20))}]`;
			const { value } = readOne(list, (s) => s.bracketList('schedtrace/schedticks', 'l', false));
			assert.deepEqual(value, list.slice(1, -1).split(' ').map(Number), list);
		}
	});
});

const LINES = [
	'gc 3 @0.041s 2%: 0.018+1.1+0.025 ms clock, 0.073+0.35/0.90/1.2+0.10 ms cpu, 4->4->1 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 4 P',
	'gc 3 @0.041s 2%: 0.018+1.1+0.025 ms clock, 0.073+0.35/0.90/1.2+0.10 ms cpu, 4->4->1 MB, 5 MB goal, 4 P (forced)',
	'gc 3 @0.041s 2% (checking for goroutine leaks): 0.018+1.1+0.025 ms clock, 0.073+0.35/0.90/1.2+0.10 ms cpu, 4->4->1 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 4 P',
	'gc1(1): 0+0+0 ms, 0 -> 0 MB 16 -> 18 (19-1) objects, 0(0) handoff, 0(0) steal, 0/0/0 yields',
	'SCHED 0ms: gomaxprocs=2 idleprocs=1 threads=4 spinningthreads=0 idlethreads=2 runqueue=0 [0 0]',
	'SCHED 0ms: gomaxprocs=2 idleprocs=1 threads=4 spinningthreads=0 needspinning=0 idlethreads=2 runqueue=0 [ 0 0 ] schedticks=[ 3 0 ]',
	'SCHED 0ms: gomaxprocs=2 idleprocs=1 threads=4 spinningthreads=0 idlethreads=2 runqueue=0 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0',
	'  P0: status=1 schedtick=3 syscalltick=0 m=0 runqsize=0 gfreecnt=0 timerslen=0',
	'  M1: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=2 dying=0 spinning=false blocked=false lockedg=-1',
	'  G2: status=4(force gc (idle)) m=-1 lockedm=-1',
	'  G2: status=4(timer goroutine (idle)) m=nil lockedm=nil',
	'pacer: assist ratio=+6.000000e-001 (scan 3 MB in 7->8 MB) workers=1++0.000000e+000',
	'pacer: 27% CPU (25 exp.) for 2621440+65536+131072 B work (2752512 B exp.) in 7130316 B -> 7864320 B (∆goal -524288, cons/mark +4.237288e-001)[controller reset]',
	'pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 1063 pages at 0.00017613523777191764 pages/byte',
	'pacer: H_m_prev=4194304 h_t=+9.500000e-001 H_T=8178892 h_a=+9.836133e-001 H_a=8319872 h_g=+1.000000e+000 H_g=8388608 u_a=+2.500000e-001 u_g=+2.500000e-001 W_a=308040 goalΔ=+5.000000e-002 actualΔ=+3.361328e-002 u_a/u_g=+1.000000e+000',
	'scav 0 KiB work (bg), 8704 KiB work (eager), 21504 KiB now, 92% util (forced)',
	'scvg3: inuse: 2, idle: 6, sys: 9, released: 5, consumed: 4 (MB)',
	'forced scvg: GC forced',
	'init internal/bytealg @0.008 ms, 0 ms clock, 0 bytes, 0 allocs',
	'scan: class 16B 310+1920+3890=6120 objs, 41+30=71 spans',
	'GC forced',
	'2026/11/26 10:35:45 listener : Started : Listening on: http://127.0.0.1:35725',
	'',
];

/** Every prefix of every line: cut-off lines end where a read past the end would matter most. */
const CUT_LINES = LINES.flatMap((line) => Array.from({ length: line.length + 1 }, (_, i) => line.slice(0, i)));

// Text after the line that would change the parse if the scanner read past the line's end.
const FOLLOWING = ['\n', '\r\n', '\n0123456789', '\n (forced)', '\n@1.5s', '\nabc=1 ', '\n]', '\n) m=1'];

test('the token store grows past its first capacity', () => {
	const line = Array.from({ length: 300 }, (_, i) => String(i)).join(' ');
	const s = new LineScanner();
	s.resetLine(line);
	for (let i = 0; i < 300; i++) {
		s.number('gctrace/cycle', 'n');
		s.optional(' ');
	}
	s.complete('gctrace', 'gc-cycle', 0);
	const tokens = s.tokenList();
	assert.equal(tokens.length, 300);
	assert.deepEqual(
		tokens.map((t) => t.value),
		Array.from({ length: 300 }, (_, i) => i),
	);
	for (const t of tokens) assert.equal(t.text, line.slice(t.start, t.end));
});

describe('a line read in place parses as the line alone', () => {
	test('inside a larger text, with any text after its newline', () => {
		const s = new LineScanner();
		for (const line of CUT_LINES) {
			const alone = parseLine(line);
			for (const after of FOLLOWING) {
				const before = 'earlier line 12 3\n';
				const source = before + line + after;
				s.reset(source, before.length, before.length + line.length);
				scanLine(s);
				assert.deepEqual(s.toParsedLine(), alone, JSON.stringify(line + after));
			}
		}
	});
});
