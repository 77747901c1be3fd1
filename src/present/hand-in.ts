/**
 * Hand-in codes: a learner's answers to a practice set as one short line of text to copy to a
 * teacher, and the class report the teacher's page makes from many of them, without a server.
 *
 * A code is `GDX1.<payload>.<check>`: a version tag, the base64url of a small ASCII JSON object
 * (the set's seed, topics, count and focus, a random hand-in id, and one response per question,
 * in order), and a CRC-32 of the payload in base 36 to catch typos and cut-off copies. It is
 * signed with nothing secret: anyone can make a code with any answers, so it is for honest
 * classrooms. Codes carry responses only, never a right/wrong flag: the report makes the set's
 * questions again from its seed with the core and checks every response itself.
 */
import {
	checkAnswer,
	getField,
	parseLine,
	parseNumericAnswer,
	quizTopics,
	type FieldKey,
	type Question,
	type QuizTopic,
} from '../trace/index.ts';
import { crc32, utf8 } from './zip.ts';

const TAG = 'GDX';
const VERSION = 1;
/** Longest code read (a 50-question set of long typed answers is well under this). */
const MAX_CODE = 8_000;
/** Most codes read from one paste; a class is far smaller. */
export const MAX_CODES = 500;

/** A practice set as the practice page's address describes it. */
export interface HandInSet {
	seed: string;
	topics: readonly QuizTopic[];
	count: number;
	weights?: Readonly<Record<string, number>>;
}

export interface HandIn {
	set: HandInSet;
	/** Random, so the same code pasted twice counts once. */
	id: string;
	/** One per question, in order: an option id, a field key, the typed text, or null when not answered. */
	responses: (string | null)[];
}

// --- base64url over ASCII, without DOM or Node APIs -------------------------------------------

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63];
		if (i + 1 < bytes.length) out += alphabet[(n >> 6) & 63];
		if (i + 2 < bytes.length) out += alphabet[n & 63];
	}
	return out;
}

/** The ASCII text of base64url, or null when it is not base64url of ASCII. */
function fromBase64url(text: string): string | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
	let out = '';
	for (let i = 0; i < text.length; i += 4) {
		const chunk = text.slice(i, i + 4);
		let n = 0;
		for (let j = 0; j < 4; j++) n = (n << 6) | (j < chunk.length ? alphabet.indexOf(chunk[j]) : 0);
		const bytes = [(n >> 16) & 255, (n >> 8) & 255, n & 255].slice(0, chunk.length - 1);
		for (const b of bytes) {
			if (b > 127) return null;
			out += String.fromCharCode(b);
		}
	}
	return out;
}

/** JSON with every non-ASCII character escaped, so the payload is ASCII. */
function asciiJson(value: unknown): string {
	return JSON.stringify(value).replace(
		/[\u007f-\uffff]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

function checksum(payload: string): string {
	return crc32(utf8(payload)).toString(36);
}

// --- responses: compact per question type --------------------------------------------------------

/** The parts of a spot question's line a learner can pick, as on the page. */
function spotKeys(line: string): FieldKey[] {
	return parseLine(line)
		.tokens.filter((t) => t.key !== null && t.end > t.start)
		.map((t) => t.key as FieldKey);
}

/** A spot response is stored as the part's position in the line, which is shorter than its key. */
function packResponse(question: Question, response: string | null | undefined): string | null {
	if (response === null || response === undefined) return null;
	if (question.type === 'spot') {
		const at = spotKeys(question.line).indexOf(response as FieldKey);
		return at < 0 ? null : String(at);
	}
	return response;
}

function unpackResponse(question: Question, packed: string | null): string | null {
	if (packed === null) return null;
	if (question.type === 'spot') return spotKeys(question.line)[Number(packed)] ?? null;
	return packed;
}

/** A code for a learner's responses (by question id) to `questions`, the set `set` gives. */
export function encodeHandIn(
	set: HandInSet,
	questions: readonly Question[],
	responses: Readonly<Record<string, string | undefined>>,
	id: string,
): string {
	const body: Record<string, unknown> = {
		s: set.seed,
		t: set.topics.join('.'),
		n: set.count,
		i: id,
		a: questions.map((q) => packResponse(q, responses[q.id])),
	};
	if (set.weights && Object.keys(set.weights).length) body.f = set.weights;
	const payload = base64url(utf8(asciiJson(body)));
	return `${TAG}${VERSION}.${payload}.${checksum(payload)}`;
}

export type DecodeResult = { ok: true; handIn: HandIn } | { ok: false; message: string };

function isRecordOfCounts(value: unknown): value is Record<string, number> {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.values(value).every((n) => Number.isInteger(n) && (n as number) >= 0)
	);
}

/** Reads one code; a code that is not ours, cut off, mistyped or from a newer site says so. */
export function decodeHandIn(code: string): DecodeResult {
	const text = code.trim();
	const tag = /^GDX(\d+)\./.exec(text);
	if (!tag) return { ok: false, message: 'This is not a hand-in code from this site (they start with “GDX1.”).' };
	if (Number(tag[1]) > VERSION) {
		return {
			ok: false,
			message: `This code was made by a newer version of the site (format ${tag[1]}); reload this page to get the newest version.`,
		};
	}
	if (Number(tag[1]) !== VERSION) return { ok: false, message: `This code has an unknown format (${tag[1]}).` };
	if (text.length > MAX_CODE) return { ok: false, message: 'This code is far too long to be a hand-in code.' };
	const parts = text.split('.');
	if (parts.length !== 3 || parts[2] === '') {
		return { ok: false, message: 'This code is incomplete: ask for the whole code, from “GDX1.” to its end.' };
	}
	const [, payload, check] = parts;
	if (checksum(payload) !== check) {
		return {
			ok: false,
			message: 'This code is damaged: part of it is missing or mistyped (its check does not match). Ask for it again.',
		};
	}
	const json = fromBase64url(payload);
	let body: unknown;
	try {
		body = json === null ? null : JSON.parse(json);
	} catch {
		body = null;
	}
	const b = body as Record<string, unknown> | null;
	const topics = typeof b?.t === 'string' ? b.t.split('.') : [];
	const valid =
		b !== null &&
		typeof b === 'object' &&
		typeof b.s === 'string' &&
		b.s.length > 0 &&
		b.s.length <= 32 &&
		topics.length > 0 &&
		topics.every((t) => (quizTopics as readonly string[]).includes(t)) &&
		Number.isInteger(b.n) &&
		(b.n as number) >= 1 &&
		(b.n as number) <= 50 &&
		typeof b.i === 'string' &&
		Array.isArray(b.a) &&
		b.a.length <= (b.n as number) &&
		b.a.every((r) => r === null || (typeof r === 'string' && r.length <= 200)) &&
		(b.f === undefined || isRecordOfCounts(b.f));
	if (!valid)
		return { ok: false, message: 'This code passes its check but does not hold a hand-in this site can read.' };
	return {
		ok: true,
		handIn: {
			set: {
				seed: b.s as string,
				topics: topics as QuizTopic[],
				count: b.n as number,
				...(b.f ? { weights: b.f as Record<string, number> } : {}),
			},
			id: b.i as string,
			responses: b.a as (string | null)[],
		},
	};
}

export interface CodeProblem {
	/** 1-based position of the code in the paste. */
	position: number;
	/** The start of what was pasted, to find it. */
	excerpt: string;
	message: string;
}

/** Every code in a paste (separated by spaces, new lines, commas or semicolons); the good ones count, each bad one says why. */
export function readHandIns(text: string): { handIns: HandIn[]; problems: CodeProblem[]; repeats: number } {
	const chunks = text.split(/[\s,;]+/).filter(Boolean);
	const handIns: HandIn[] = [];
	const problems: CodeProblem[] = [];
	const seen = new Set<string>();
	let repeats = 0;
	chunks.forEach((chunk, i) => {
		const excerpt = chunk.length > 24 ? `${chunk.slice(0, 23)}…` : chunk;
		if (i >= MAX_CODES) {
			if (i === MAX_CODES) {
				problems.push({
					position: i + 1,
					excerpt,
					message: `Only the first ${MAX_CODES} codes are read; this and the ${chunks.length - MAX_CODES - 1} after it were left out.`,
				});
			}
			return;
		}
		const result = decodeHandIn(chunk);
		if (!result.ok) {
			problems.push({ position: i + 1, excerpt, message: result.message });
			return;
		}
		const key = `${result.handIn.id} ${chunk}`;
		if (seen.has(key)) {
			repeats++;
			return;
		}
		seen.add(key);
		handIns.push(result.handIn);
	});
	return { handIns, problems, repeats };
}

// --- the class report ----------------------------------------------------------------------------

/** The same set, whoever handed it in. */
function setKey(set: HandInSet): string {
	const focus = Object.entries(set.weights ?? {})
		.map(([k, n]) => `${k}:${n}`)
		.join(',');
	return `${set.seed}|${set.topics.join('.')}|${set.count}|${focus}`;
}

interface QuestionReport {
	number: number;
	question: Question;
	answered: number;
	right: number;
	/** Wrong answers in words, most common first. */
	wrong: { answer: string; count: number }[];
}

export interface SetReport {
	set: HandInSet;
	learners: number;
	questions: QuestionReport[];
	/** Fields with wrong answers, hardest first: wrong answers over answers to questions on that field. */
	hardFields: { key: FieldKey; label: string; wrong: number; answered: number }[];
}

/** A wrong response in words: the chosen option's text, the chosen part's field, or the number typed. */
function responseWords(question: Question, response: string): string {
	if (question.type === 'choice') return question.options.find((o) => o.id === response)?.text ?? response;
	if (question.type === 'spot') return getField(response)?.label ?? response;
	const parsed = parseNumericAnswer(response, question.unit);
	return parsed.ok
		? `${parsed.value}${question.unit && question.unit !== 'goroutines' ? ` ${question.unit}` : ''}`
		: response.trim();
}

/**
 * The report for hand-ins of one set: `questionsOf` makes the set's questions with the core
 * (the same questions the learners saw), and every response is checked here.
 */
function setReport(handIns: readonly HandIn[], questionsOf: (set: HandInSet) => Question[]): SetReport {
	const set = handIns[0].set;
	const questions = questionsOf(set);
	const fields = new Map<FieldKey, { wrong: number; answered: number }>();
	const reports = questions.map((question, i) => {
		let answered = 0;
		let right = 0;
		const wrong = new Map<string, number>();
		for (const handIn of handIns) {
			const response = unpackResponse(question, handIn.responses[i] ?? null);
			if (response === null) continue;
			const result = checkAnswer(question, response);
			if (result.problem) continue;
			answered++;
			for (const key of question.fields) {
				const f = fields.get(key) ?? { wrong: 0, answered: 0 };
				f.answered++;
				if (!result.correct) f.wrong++;
				fields.set(key, f);
			}
			if (result.correct) right++;
			else {
				const words = responseWords(question, response);
				wrong.set(words, (wrong.get(words) ?? 0) + 1);
			}
		}
		return {
			number: i + 1,
			question,
			answered,
			right,
			wrong: [...wrong].map(([answer, count]) => ({ answer, count })).sort((a, b) => b.count - a.count),
		};
	});
	const hardFields = [...fields]
		.filter(([, f]) => f.wrong > 0)
		.map(([key, f]) => ({ key, label: getField(key)?.label ?? key, ...f }))
		.sort((a, b) => b.wrong / b.answered - a.wrong / a.answered || b.wrong - a.wrong);
	return { set, learners: handIns.length, questions: reports, hardFields };
}

/** Reports for every set in the hand-ins, the set most learners handed in first. */
export function classReports(handIns: readonly HandIn[], questionsOf: (set: HandInSet) => Question[]): SetReport[] {
	const bySet = new Map<string, HandIn[]>();
	for (const h of handIns) {
		const key = setKey(h.set);
		bySet.set(key, [...(bySet.get(key) ?? []), h]);
	}
	return [...bySet.values()].sort((a, b) => b.length - a.length).map((group) => setReport(group, questionsOf));
}
