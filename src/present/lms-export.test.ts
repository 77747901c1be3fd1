import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generatePractice, getField, parseLine, sampleCandidateLines, type Question } from '../trace/index.ts';
import { exportQuestion, moodleXml, qtiFiles, qtiPackage, type ExportSet } from './lms-export.ts';
import { crc32, utf8, zipStore } from './zip.ts';

const reader = fileURLToPath(new URL('./lms-export-read.py', import.meta.url));
const root = new URL('../../content/traces/', import.meta.url);
const lines = sampleCandidateLines(
	readdirSync(root, { recursive: true })
		.map(String)
		.filter((f) => f.endsWith('.txt'))
		.map((file) => ({ file, text: readFileSync(new URL(file, root), 'utf8') })),
	8,
);
const practice = generatePractice({ seed: 'lms-1', topics: ['scheduler', 'gc', 'pacer', 'detail'], count: 40, lines });

/** A hand-made question whose every text tries to be markup. */
const hostile: Question = {
	id: 'evil <1>',
	topic: 'gc',
	type: 'choice',
	prompt: 'Is <script>alert(1)</script> & `]]>` text?',
	explanation: 'It is text: <b>not bold</b> & never markup ]]>.',
	fields: ['gctrace/heap-live'],
	line: 'gc 1 @0.0s 0%: <img src=x onerror=alert(1)> ]]> & "quotes" \'too\'',
	options: [
		{ id: 'a', text: 'Yes, <i>text</i>' },
		{ id: 'b', text: 'No & it runs', why: 'Exports escape it: <em>never</em> markup.' },
	],
	answer: 'a',
};
const questions = [...practice, hostile];
const set: ExportSet = { title: 'Set “lms-1”', about: 'A practice set <with> & marks.', slug: 'lms-1' };

const dir = mkdtempSync(join(tmpdir(), 'lms-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface ReadQuestion {
	id: string;
	prompt: string;
	line: string | null;
	explanation: string;
	kind: 'choice' | 'numeric';
	options?: { text: string; correct: boolean; why: string }[];
	value?: number;
	tolerance?: number;
	unitSentence?: string;
}

function read(file: string): { questions: ReadQuestion[]; problems: string[]; answerKey?: string; files?: string[] } {
	return JSON.parse(execFileSync('python3', [reader, file], { encoding: 'utf8' }));
}

/** Catalogue prose as a reader sees it: backticks become code, so their text alone remains. */
const plain = (text: string) => text.replace(/`/g, '');

/** Each exported question read back equals the question the core made. */
function assertSameQuestions(back: readonly ReadQuestion[]): void {
	assert.equal(back.length, questions.length);
	questions.forEach((original, i) => {
		const q = back[i];
		const where = `question ${i + 1} (${original.type})`;
		assert.equal(q.prompt, plain(original.prompt), where);
		assert.equal(q.line ?? undefined, original.line, where);
		assert.equal(q.explanation, plain(original.explanation), where);
		if (original.type === 'numeric') {
			assert.equal(q.kind, 'numeric', where);
			assert.equal(q.value, original.answer, where);
			assert.equal(q.tolerance, original.tolerance, where);
			return;
		}
		assert.equal(q.kind, 'choice', where);
		const right = q.options!.filter((o) => o.correct);
		assert.equal(right.length, 1, `${where}: one right option`);
		if (original.type === 'choice') {
			assert.deepEqual(
				q.options!.map((o) => o.text),
				original.options.map((o) => plain(o.text)),
				where,
			);
			assert.equal(right[0].text, plain(original.options.find((o) => o.id === original.answer)!.text), where);
			original.options.forEach((o, j) => {
				if (o.id !== original.answer) assert.equal(q.options![j].why, plain(o.why ?? ''), `${where} option ${o.id}`);
			});
		} else {
			// Spot: the right option is the text of the answer's field on this very line.
			const token = parseLine(original.line).tokens.find((t) => t.key === original.answer)!;
			assert.ok(right[0].text.startsWith(`“${token.text}”`), `${where}: ${right[0].text}`);
			for (const o of q.options!.filter((o) => !o.correct)) assert.match(o.why, /^That part is the .+ field: /);
		}
	});
}

describe('exportQuestion', () => {
	test('a spot question becomes a choice among the fields its line prints, one of them right', () => {
		const spots = practice.filter((q) => q.type === 'spot');
		assert.ok(spots.length >= 3, 'the set has spot questions');
		for (const spot of spots) {
			const q = exportQuestion(spot, 1);
			assert.equal(q.kind, 'choice');
			if (q.kind !== 'choice') continue;
			const fields = new Set(
				parseLine(spot.line)
					.tokens.filter((t) => t.key && t.end > t.start)
					.map((t) => t.key),
			);
			assert.equal(q.options.length, fields.size);
			assert.deepEqual(
				q.options.filter((o) => o.correct).map((o) => o.text.split('”')[0]),
				[`“${parseLine(spot.line).tokens.find((t) => t.key === spot.answer)!.text}`],
			);
			assert.equal(new Set(q.options.map((o) => o.text)).size, q.options.length, 'options read differently');
			const wrong = q.options.find((o) => !o.correct)!;
			assert.ok(wrong.why && [...fields].some((k) => wrong.why!.includes(getField(k!)!.label)));
		}
	});
});

describe('moodleXml', () => {
	const xml = moodleXml(set, questions);
	const file = join(dir, 'set.xml');
	writeFileSync(file, xml);

	test('parses as XML and gives back every question: prompt, line, choices, right answers, tolerance, feedback', () => {
		const back = read(file);
		assert.deepEqual(back.problems, []);
		assertSameQuestions(back.questions);
	});

	test('uses Moodle’s question types: multichoice and numerical with a tolerance, in a category named after the set', () => {
		const numeric = practice.filter((q) => q.type === 'numeric').length;
		assert.ok(numeric > 0);
		assert.equal(xml.match(/<question type="numerical">/g)?.length, numeric);
		assert.equal(xml.match(/<question type="multichoice">/g)?.length, questions.length - numeric);
		assert.match(xml, /<category>\s*<text>\$course\$\/top\/GODEBUG Explained\/Set “lms-1”<\/text>\s*<\/category>/);
	});

	test('text from a line or a prompt is never markup', () => {
		assert.doesNotMatch(xml, /<(script|img|b|i|em)[\s>]/);
		assert.doesNotMatch(xml, /]]>/);
		// Inside Moodle's HTML the line is escaped once more, so the HTML shows it as text.
		assert.ok(
			xml.includes('&lt;pre&gt;gc 1 @0.0s 0%: &amp;lt;img src=x onerror=alert(1)&amp;gt; ]]&amp;gt; &amp;amp;'),
		);
	});
});

describe('qtiPackage', () => {
	const bytes = qtiPackage(set, questions, new Date(2026, 0, 2, 3, 4, 6));
	const file = join(dir, 'set.zip');
	writeFileSync(file, bytes);

	test('is a zip that unzip tests clean, with a manifest, the test, one item per question and the key', () => {
		const out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
		assert.match(out, /No errors detected/);
		const back = read(file);
		assert.equal(back.files!.filter((f) => f.startsWith('items/')).length, questions.length);
		assert.ok(back.files!.includes('imsmanifest.xml') && back.files!.includes('assessment-test.xml'));
	});

	test('meets the QTI 2.1 structure rules and gives back every question and answer', () => {
		const back = read(file);
		assert.deepEqual(back.problems, []);
		assertSameQuestions(back.questions);
	});

	test('the answer key names every answer', () => {
		const key = read(file).answerKey!;
		practice.forEach((q, i) => {
			const entry = key.split(/\n\n(?=\d+\. )/)[i + 1];
			assert.ok(entry.startsWith(`${i + 1}. `));
			if (q.type === 'numeric') assert.ok(entry.includes(`Answer: ${q.answer}`), entry);
		});
	});

	test('a numeric item compares within its tolerance, absolutely', () => {
		const q = practice.find((q) => q.type === 'numeric')!;
		const item = qtiFiles(set, [q]).find((f) => f.path.startsWith('items/'))!.text;
		assert.ok(item.includes(`<equal toleranceMode="absolute" tolerance="${q.type === 'numeric' && q.tolerance}">`));
		assert.match(
			item,
			new RegExp(`<correctResponse>\\s*<value>${q.type === 'numeric' && q.answer}</value>\\s*</correctResponse>`),
		);
	});
});

describe('zipStore', () => {
	test('CRC-32 and UTF-8 match the standard check values', () => {
		assert.equal(crc32(utf8('123456789')), 0xcbf43926);
		const text = 'µs → “quoted” 🐹 \ud800 end';
		assert.deepEqual(Buffer.from(utf8(text)), Buffer.from(text, 'utf8'));
	});

	test('Python’s zipfile reads back every name and byte', () => {
		const entries = [
			{ path: 'a.txt', data: utf8('hello') },
			{ path: 'dir/ü.xml', data: utf8('<x>µ</x>') },
			{ path: 'empty', data: new Uint8Array(0) },
		];
		const file = join(dir, 'plain.zip');
		writeFileSync(file, zipStore(entries));
		const listing = execFileSync(
			'python3',
			[
				'-c',
				'import json,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps({n: z.read(n).decode() for n in z.namelist()}))',
				file,
			],
			{ encoding: 'utf8' },
		);
		assert.deepEqual(JSON.parse(listing), { 'a.txt': 'hello', 'dir/ü.xml': '<x>µ</x>', empty: '' });
	});
});
