import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { generatePractice, getField, parseLine, sampleCandidateLines, type Question } from '../trace/index.ts';
import { MAX_CODES, classReports, decodeHandIn, encodeHandIn, readHandIns, type HandInSet } from './hand-in.ts';

const root = new URL('../../content/traces/', import.meta.url);
const lines = sampleCandidateLines(
	readdirSync(root, { recursive: true })
		.map(String)
		.filter((f) => f.endsWith('.txt'))
		.map((file) => ({ file, text: readFileSync(new URL(file, root), 'utf8') })),
	8,
);
const questionsOf = (set: HandInSet) => generatePractice({ ...set, lines });
const set: HandInSet = { seed: 'room-12', topics: ['scheduler', 'gc', 'detail'], count: 12 };
const questions = questionsOf(set);

/** The right response to a question, as the page records it. */
function rightResponse(q: Question): string {
	return q.type === 'numeric' ? String(q.answer) : q.answer;
}

/** A wrong response: another option, another part of the line, a number off by a lot. */
function wrongResponse(q: Question): string {
	if (q.type === 'choice') return q.options.find((o) => o.id !== q.answer)!.id;
	if (q.type === 'spot')
		return parseLine(q.line).tokens.find((t) => t.key && t.key !== q.answer && t.end > t.start)!.key!;
	return `${q.answer + 1000} ${q.unit === 'goroutines' ? '' : q.unit}`.trim();
}

const allRight = Object.fromEntries(questions.map((q) => [q.id, rightResponse(q)]));
const allWrong = Object.fromEntries(questions.map((q) => [q.id, wrongResponse(q)]));

describe('encodeHandIn and decodeHandIn', () => {
	test('a code gives back its set and responses; it is one short line', () => {
		const responses = { ...allRight, [questions[3].id]: undefined, [questions[0].id]: 'x µs − “quoted”' };
		const code = encodeHandIn(set, questions, responses, 'k3x9');
		assert.match(code, /^GDX1\.[A-Za-z0-9_-]+\.[0-9a-z]+$/);
		assert.ok(code.length < 400, `${code.length} characters`);
		const back = decodeHandIn(code);
		assert.ok(back.ok);
		assert.deepEqual(back.handIn.set, set);
		assert.equal(back.handIn.id, 'k3x9');
		assert.equal(back.handIn.responses[3], null);
		assert.equal(back.handIn.responses[0], questions[0].type === 'spot' ? null : 'x µs − “quoted”');
	});

	test('a personal set keeps its focus, so the same questions come back', () => {
		const focused = { ...set, weights: { 'gctrace/heap-goal': 2 } };
		const back = decodeHandIn(encodeHandIn(focused, questionsOf(focused), {}, 'a'));
		assert.ok(back.ok);
		assert.deepEqual(back.handIn.set, focused);
	});

	test('each bad code says what is wrong with it', () => {
		const code = encodeHandIn(set, questions, allRight, 'k3x9');
		const [tag, payload, check] = code.split('.');
		const mistyped = `${tag}.${payload.slice(0, 10)}${payload[10] === 'A' ? 'B' : 'A'}${payload.slice(11)}.${check}`;
		const cases: [string, RegExp][] = [
			['hello', /not a hand-in code from this site/],
			['https://example.org/practice/', /not a hand-in code/],
			[mistyped, /damaged: part of it is missing or mistyped/],
			[code.slice(0, code.length - 20), /damaged|incomplete/],
			[`${tag}.${payload}`, /incomplete/],
			[code.slice(0, 30), /incomplete|damaged/],
			[code.replace(/^GDX1/, 'GDX2'), /newer version of the site/],
			[code.replace(/^GDX1/, 'GDX0'), /unknown format/],
			[`GDX1.${'A'.repeat(9000)}.x`, /far too long/],
		];
		for (const [text, message] of cases) {
			const result = decodeHandIn(text);
			assert.equal(result.ok, false, text.slice(0, 40));
			if (!result.ok) assert.match(result.message, message, text.slice(0, 40));
		}
	});

	test('a code that passes its check but holds nonsense is refused', () => {
		// Made by hand with a right checksum: the check guards typos, not forgery.
		const good = encodeHandIn(set, questions, allRight, 'k3x9');
		const forged = good.replace(/^GDX1\.([^.]+)\..*$/, (_, p: string) => {
			const json = JSON.parse(Buffer.from(p, 'base64url').toString('ascii'));
			json.n = 9999;
			return `GDX1.${Buffer.from(JSON.stringify(json)).toString('base64url')}`;
		});
		const payload = forged.split('.')[1];
		// Same CRC-32 as the module: recompute with zlib's.
		const crc = (Number(`0x${zlibCrc(payload)}`) >>> 0).toString(36);
		const result = decodeHandIn(`${forged}.${crc}`);
		assert.equal(result.ok, false);
		if (!result.ok) assert.match(result.message, /does not hold a hand-in this site can read/);
	});
});

function zlibCrc(text: string): string {
	let c = 0xffffffff;
	for (const byte of Buffer.from(text)) {
		c ^= byte;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	}
	return ((c ^ 0xffffffff) >>> 0).toString(16);
}

describe('readHandIns and classReports', () => {
	const right = encodeHandIn(set, questions, allRight, 'aaaa');
	const wrong = encodeHandIn(set, questions, allWrong, 'bbbb');
	const half = encodeHandIn(
		set,
		questions,
		Object.fromEntries(questions.map((q, i) => [q.id, i % 2 ? rightResponse(q) : wrongResponse(q)])),
		'cccc',
	);

	test('the good codes count, each bad one is named, and a code pasted twice counts once', () => {
		const paste = `${right}\n${wrong}, not-a-code\n${half}; ${right}\n${half.slice(0, -3)}`;
		const { handIns, problems, repeats } = readHandIns(paste);
		assert.equal(handIns.length, 3);
		assert.equal(repeats, 1);
		assert.deepEqual(
			problems.map((p) => p.position),
			[3, 6],
		);
		assert.match(problems[0].message, /not a hand-in code/);
	});

	test('every answer is checked again with the core: right counts, common wrong answers, hard fields', () => {
		const [report] = classReports(readHandIns([right, wrong, half].join(' ')).handIns, questionsOf);
		assert.equal(report.learners, 3);
		assert.equal(report.questions.length, questions.length);
		report.questions.forEach((r, i) => {
			assert.equal(r.answered, 3);
			// Right by all-right and by the half-right learner on odd questions.
			assert.equal(r.right, i % 2 ? 2 : 1, `question ${i + 1}`);
			assert.equal(
				r.wrong.reduce((n, w) => n + w.count, 0),
				3 - r.right,
			);
			const q = questions[i];
			if (q.type === 'choice') assert.equal(r.wrong[0].answer, q.options.find((o) => o.id === wrongResponse(q))!.text);
			if (q.type === 'spot') assert.equal(r.wrong[0].answer, getField(wrongResponse(q))!.label);
		});
		assert.ok(report.hardFields.length > 0);
		for (const f of report.hardFields) assert.ok(f.wrong > 0 && f.wrong <= f.answered);
		const rates = report.hardFields.map((f) => f.wrong / f.answered);
		assert.deepEqual(
			rates,
			[...rates].sort((a, b) => b - a),
		);
	});

	test('codes of different sets make a report each, the larger class first', () => {
		const other = { ...set, seed: 'room-13' };
		const otherCode = encodeHandIn(other, questionsOf(other), {}, 'dddd');
		const reports = classReports(readHandIns(`${otherCode} ${right} ${wrong}`).handIns, questionsOf);
		assert.deepEqual(
			reports.map((r) => [r.set.seed, r.learners]),
			[
				['room-12', 2],
				['room-13', 1],
			],
		);
	});

	test('a huge paste is read up to its limit, quickly, with one message for the rest', () => {
		const many = Array.from({ length: MAX_CODES + 100 }, (_, i) => encodeHandIn(set, questions, allRight, `id${i}`));
		const junk = 'x'.repeat(1_000_000);
		const { handIns, problems } = readHandIns(`${junk} ${many.join('\n')}`);
		assert.equal(handIns.length, MAX_CODES - 1);
		assert.equal(problems.length, 2);
		assert.match(problems[0].message, /not a hand-in code/);
		assert.match(problems[1].message, new RegExp(`Only the first ${MAX_CODES} codes are read`));
	});
});
