/**
 * Practice sets: questions generated from real capture lines and the field catalogue.
 *
 * A set is a pure function of its options: the same seed, topics, count, lines and weights give
 * the same questions, in the browser and at build time, so a link can give a whole class one set.
 * Questions are drawn one after another from one seeded random stream, so the first N questions
 * of a longer set are the set of N. Answer keys come from `parseLine`, labels and meanings from
 * the catalogue; nothing here is typed by hand about a field.
 */
import { getField, fieldsOfFormat } from '../catalogue.ts';
import { fieldToken } from '../derived.ts';
import { gStatusNames, pStatusNames } from '../scheddetail/status.ts';
import { describeEra, era as eraOf, LATEST_GO_MINOR, OLDEST_GO_MINOR } from '../era.ts';
import type { FieldInfo, FieldUnit } from '../fields.ts';
import { parseLine } from '../parse.ts';
import { unitName } from './answers.ts';
import { measure } from './measures.ts';
import type { MeasureName } from './measures.ts';
import type { Era, FieldKey, LineForm, ParsedLine, Token, TraceFormat } from '../types.ts';
import { quizTopics } from './types.ts';
import type { ChoiceQuestion, NumericQuestion, Question, QuizTopic, SpotQuestion } from './types.ts';

/** A real line from a capture, offered to the generator. */
export interface CandidateLine {
	/** The capture, relative to content/traces: `gctrace/go1.26-web-load.txt`. */
	file: string;
	/** 1-based. */
	lineNo: number;
	text: string;
}

export interface PracticeOptions {
	seed: string;
	topics: readonly QuizTopic[];
	count: number;
	lines: readonly CandidateLine[];
	/** Missed answers per field: those fields come back more often. Leave out for shared sets. */
	weights?: Readonly<Record<string, number>>;
	/** Ask only about these fields (a review of the fields that are due); topics with none are left out. */
	only?: readonly FieldKey[];
}

/** Which lines and fields each topic asks about. */
const topicScope: Record<QuizTopic, { format: TraceFormat; forms: readonly LineForm[] }> = {
	scheduler: { format: 'schedtrace', forms: ['sched'] },
	gc: { format: 'gctrace', forms: ['gc-cycle'] },
	pacer: {
		format: 'gcpacertrace',
		forms: ['pacer-assist-ratio', 'pacer-controller', 'pacer-controller-legacy', 'pacer-sweep-done'],
	},
	detail: { format: 'scheddetail', forms: ['sched-detail-header', 'detail-p', 'detail-m', 'detail-g'] },
};

/** The practice topic that asks about `key`, or null for a field no practice set asks about. */
export function topicOfField(key: string): QuizTopic | null {
	return quizTopics.find((t) => key.startsWith(`${topicScope[t].format}/`)) ?? null;
}

/** The topic a parsed line belongs to, or null when practice does not use it. */
export function topicOfLine(parsed: ParsedLine): QuizTopic | null {
	if (parsed.problem || parsed.tokens.some((t) => t.key === null)) return null;
	for (const topic of quizTopics) if (topicScope[topic].forms.includes(parsed.form)) return topic;
	return null;
}

/** The topic's fields on a line: tokens of the topic's format with printed text. */
export function topicTokens(parsed: ParsedLine, topic: QuizTopic): Token[] {
	const prefix = `${topicScope[topic].format}/`;
	return parsed.tokens.filter((t) => t.key !== null && t.key.startsWith(prefix) && t.text.length > 0);
}

/** Units a reader can type as a number read off the line (ids, flags, lists and long ratios are asked about otherwise). */
const numericUnits: readonly FieldUnit[] = ['count', 'ms', 'us', 's', 'percent', 'MB', 'KiB', 'bytes'];

/** Values worked out from several numbers of a line, with the question that asks for each. */
const measurePrompts: Partial<Record<MeasureName, string>> = {
	'stw-wall-ms':
		'For how long, by the wall clock, was the world stopped in this cycle (both stop-the-world phases together)?',
	// The pause `cpu` values are wall time × stwprocs (gcStart, gcMarkTermination), not measured CPU time.
	'stw-cpu-ms':
		'The runtime charges each stop-the-world pause its wall time multiplied by the CPUs it held. What do the two charged “cpu” values of this cycle add up to?',
	'heap-freed-mb': 'How much of the heap did this cycle find unreachable, ready for the sweep to free?',
	'runnable-goroutines': 'How many runnable goroutines are waiting in all the run queues together?',
};
const namedMeasures = Object.keys(measurePrompts) as MeasureName[];

/** What a reader might take a measure for and should not, said after the working. */
const measureNotes: Partial<Record<MeasureName, string>> = {
	'stw-cpu-ms':
		'Both are computed, each pause’s wall time × min(GOMAXPROCS, CPUs); no CPU time was measured. The sum is the CPU capacity the stopped world took from the program.',
};

export const questionTemplates = ['spot', 'numeric', 'measure', 'meaning', 'era'] as const;
export type QuestionTemplate = (typeof questionTemplates)[number];
/** How often each kind comes up where it fits: reading the line first, release trivia least. */
const templateWeights: Record<QuestionTemplate, number> = { spot: 3, numeric: 2, measure: 4, meaning: 2, era: 1 };

/** The named measure a line gives that uses `token`'s field, if any. */
function measureFor(token: Token, parsed: ParsedLine): MeasureName | undefined {
	return namedMeasures.find((name) => {
		const m = measure(name, parsed);
		return m.ok && m.measure.fields.includes(token.key as FieldKey);
	});
}

/** Whether `template` can ask about `token` on `parsed` (era questions are about the whole line). */
export function templateFits(template: QuestionTemplate, token: Token, parsed: ParsedLine): boolean {
	const field = token.key ? getField(token.key) : undefined;
	if (!field) return false;
	if (template === 'numeric') return numericUnits.includes(field.unit) && typeof token.value === 'number';
	if (template === 'measure') return measureFor(token, parsed) !== undefined;
	return true;
}

/** A seeded random stream: a string hash (cyrb53's mixing) feeding mulberry32. */
export function seededRandom(seed: string): () => number {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < seed.length; i++) {
		const c = seed.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	let state = h1 >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pick<T>(items: readonly T[], random: () => number): T {
	return items[Math.floor(random() * items.length)];
}

function pickWeighted<T>(items: readonly T[], weight: (item: T) => number, random: () => number): T {
	const total = items.reduce((sum, item) => sum + weight(item), 0);
	let r = random() * total;
	for (const item of items) {
		r -= weight(item);
		if (r < 0) return item;
	}
	return items[items.length - 1];
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** How much one missed answer raises a field's chance of being asked (a field never missed weighs 1). */
const MISSED_BOOST = 3;
/** Missed answers beyond this count add nothing more, so one field cannot take over a set. */
const MISSED_CAP = 5;

function fieldWeight(key: string, weights: Readonly<Record<string, number>> | undefined): number {
	const missed = weights?.[key] ?? 0;
	return 1 + MISSED_BOOST * Math.min(MISSED_CAP, Number.isFinite(missed) && missed > 0 ? missed : 0);
}

interface TopicPool {
	/** Lines of the topic, parsed once. */
	lines: { line: CandidateLine; parsed: ParsedLine }[];
	/** Field key -> indexes into `lines` of the lines that print it. */
	byField: Map<FieldKey, number[]>;
	/** Keys seen on each line form, for explaining eras. */
	formKeys: Map<LineForm, Set<FieldKey>>;
}

function buildPools(lines: readonly CandidateLine[]): Map<QuizTopic, TopicPool> {
	const pools = new Map<QuizTopic, TopicPool>();
	for (const line of lines) {
		const parsed = parseLine(line.text);
		const topic = topicOfLine(parsed);
		if (!topic) continue;
		let pool = pools.get(topic);
		if (!pool) pools.set(topic, (pool = { lines: [], byField: new Map(), formKeys: new Map() }));
		const index = pool.lines.push({ line, parsed }) - 1;
		const keys = pool.formKeys.get(parsed.form) ?? new Set();
		pool.formKeys.set(parsed.form, keys);
		// Every field of the form, other formats' too: the scheddetail header's era turns on schedtrace's needspinning.
		for (const t of parsed.tokens) if (t.key !== null && t.text.length > 0) keys.add(t.key);
		for (const t of topicTokens(parsed, topic)) {
			const key = t.key as FieldKey;
			const at = pool.byField.get(key) ?? [];
			if (at.at(-1) !== index) at.push(index);
			pool.byField.set(key, at);
		}
	}
	return pools;
}

/** What a question is built from: one line, one of its fields and a template. */
export interface QuestionPlan {
	id: string;
	topic: QuizTopic;
	template: QuestionTemplate;
	line: CandidateLine;
	parsed: ParsedLine;
	token: Token;
	/** Fields the topic's lines print, for distractors. */
	topicFields: readonly FieldKey[];
	/** Every field the lines of this line's form print, for era explanations. */
	formKeys: ReadonlySet<FieldKey>;
}

/**
 * The questions of a practice set, in order. Topics take turns in a seeded order; within a topic
 * a field is drawn (missed fields weigh more when `weights` is given), then a line printing it,
 * then a kind of question. A set never asks the same question about the same line twice.
 */
export function generatePractice(options: PracticeOptions): Question[] {
	const { seed, count, lines, weights } = options;
	const random = seededRandom(seed);
	const pools = buildPools(lines);
	const fieldsOf = (pool: TopicPool) =>
		[...pool.byField.keys()].filter((k) => options.only === undefined || options.only.includes(k));
	const topics = shuffle(
		quizTopics.filter((t) => options.topics.includes(t) && pools.has(t) && fieldsOf(pools.get(t)!).length > 0),
		random,
	);
	const questions: Question[] = [];
	if (topics.length === 0) return questions;
	const idPrefix = `p${seededRandom(`id:${seed}`)().toString(36).slice(2, 8)}`;
	const asked = new Set<string>();
	for (let index = 0; index < count; index++) {
		const topic = topics[index % topics.length];
		const pool = pools.get(topic)!;
		const fields = fieldsOf(pool);
		let plan: QuestionPlan | null = null;
		// Retry a few draws to avoid repeating a question; a small pool may repeat after that.
		for (let attempt = 0; attempt < 12 && !plan; attempt++) {
			const key = pickWeighted(fields, (k) => fieldWeight(k, weights), random);
			const { line, parsed } = pool.lines[pick(pool.byField.get(key)!, random)];
			const token = fieldToken(parsed, key)!;
			// An era question is about the whole line, not the drawn field: a review asks about the field.
			const templates = questionTemplates.filter(
				(t) => templateFits(t, token, parsed) && !(options.only && t === 'era'),
			);
			const template = pickWeighted(templates, (t) => templateWeights[t], random);
			const signature =
				template === 'era' || template === 'measure'
					? `${template} ${template === 'measure' ? measureFor(token, parsed) : ''} ${line.text}`
					: `${template} ${key} ${line.text}`;
			if (asked.has(signature) && attempt < 11) continue;
			asked.add(signature);
			plan = {
				id: `${idPrefix}-${index + 1}`,
				topic,
				template,
				line,
				parsed,
				token,
				topicFields: [...pool.byField.keys()],
				formKeys: pool.formKeys.get(parsed.form)!,
			};
		}
		questions.push(buildQuestion(plan!, random));
	}
	return questions;
}

/** Builds one question from its plan; `random` orders choices and picks distractors. */
export function buildQuestion(plan: QuestionPlan, random: () => number): Question {
	switch (plan.template) {
		case 'spot':
			return spotQuestion(plan);
		case 'numeric':
			return numericQuestion(plan, `field:${plan.token.key}` as MeasureName, null);
		case 'measure': {
			const name = measureFor(plan.token, plan.parsed)!;
			return numericQuestion(plan, name, measurePrompts[name]!);
		}
		case 'meaning':
			return meaningQuestion(plan, random);
		case 'era':
			return eraQuestion(plan, random);
		default:
			return plan.template satisfies never;
	}
}

function base(plan: QuestionPlan) {
	return {
		id: plan.id,
		topic: plan.topic,
		line: plan.line.text,
		source: { file: plan.line.file, lineNo: plan.line.lineNo },
	};
}

function fieldOf(token: Token): FieldInfo {
	return getField(token.key!)!;
}

function spotQuestion(plan: QuestionPlan): SpotQuestion {
	const field = fieldOf(plan.token);
	return {
		...base(plan),
		type: 'spot',
		line: plan.line.text,
		prompt: `Choose the part of this line that matches this description: ${field.summary}`,
		explanation: `That is the ${field.label} field, printed here as “${plan.token.text}”.`,
		fields: [field.key],
		answer: field.key,
	};
}

function numericQuestion(plan: QuestionPlan, name: MeasureName, prompt: string | null): NumericQuestion {
	const result = measure(name, plan.parsed);
	if (!result.ok) throw new Error(`practice asked for ${name} on a line that cannot give it: ${result.message}`);
	const m = result.measure;
	const labels = m.fields.map((k) => getField(k)!.label);
	const inUnit = m.unit && m.unit !== 'goroutines' ? ` Answer in ${unitName(m.unit)}.` : '';
	return {
		...base(plan),
		type: 'numeric',
		line: plan.line.text,
		prompt: `${prompt ?? `What value does this line print for the ${labels[0]} field?`}${inUnit}`,
		explanation: prompt
			? [`From the ${andList(labels)} fields: ${m.working}${m.unit ? ` ${m.unit}` : ''}.`, measureNotes[name]]
					.filter(Boolean)
					.join(' ')
			: `The line prints the ${labels[0]} field as “${plan.token.text}”.`,
		fields: m.fields,
		answer: m.value,
		unit: m.unit,
		tolerance: m.tolerance,
	};
}

function andList(items: readonly string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const optionIds = ['a', 'b', 'c', 'd'] as const;

/** A wrong option and why it is wrong. */
interface Distractor {
	text: string;
	why: string;
}

function choices(right: string, distractors: readonly Distractor[], random: () => number) {
	const picked = distractors.slice(0, optionIds.length - 1);
	const texts = shuffle([right, ...picked.map((d) => d.text)], random);
	const options = texts.map((text, i) => {
		const why = picked.find((d) => d.text === text)?.why;
		return why === undefined ? { id: optionIds[i], text } : { id: optionIds[i], text, why };
	});
	return { options, answer: options.find((o) => o.text === right)!.id };
}

function meaningQuestion(plan: QuestionPlan, random: () => number): ChoiceQuestion {
	const field = fieldOf(plan.token);
	const format = plan.token.key!.split('/')[0] as TraceFormat;
	const sameFormat = fieldsOfFormat(format);
	// Distractors from the other fields of this kind of line first: the reader tells apart what is
	// printed side by side, and a field of another line may measure the same thing (the assist line's
	// heap at start is the controller line's heap at trigger, in MB). Then other practice fields,
	// then the whole format.
	const onForm = [...plan.formKeys].filter((k) => k !== field.key && k.startsWith(`${format}/`));
	const others = [
		...shuffle(onForm, random).map((k) => getField(k)!),
		...shuffle(
			plan.topicFields.filter((k) => k !== field.key && !onForm.includes(k)),
			random,
		).map((k) => getField(k)!),
		...shuffle(
			sameFormat.filter((f) => f.key !== field.key && !plan.topicFields.includes(f.key) && !onForm.includes(f.key)),
			random,
		),
	];
	const distractors = others
		.filter((f, i) => f.summary !== field.summary && others.findIndex((o) => o.summary === f.summary) === i)
		.slice(0, 3);
	const question = choices(
		field.summary,
		distractors.map((f) => ({ text: f.summary, why: `That describes the ${f.label} field.` })),
		random,
	);
	const otherLabels = question.options
		.filter((o) => o.id !== question.answer)
		.map((o) => distractors.find((f) => f.summary === o.text)!.label);
	return {
		...base(plan),
		type: 'choice',
		prompt: `What does the ${field.label} field mean? On this line it is “${plan.token.text}”.`,
		explanation: `That is what the ${field.label} field means. The other answers describe ${andList(otherLabels)}.`,
		fields: [field.key],
		...question,
	};
}

/** Releases at which a format's values began to print differently (see `printingClues`), beside its field changes. */
const printingChanges: Partial<Record<TraceFormat, readonly number[]>> = {
	scheddetail: [20],
	gcpacertrace: [26],
};

/** Releases at which lines of `format` changed shape: a field appeared or went, or a value printed differently. */
function eraCuts(format: TraceFormat): number[] {
	const cuts = new Set<number>(printingChanges[format] ?? []);
	for (const f of fieldsOfFormat(format)) {
		if (f.since > OLDEST_GO_MINOR) cuts.add(f.since);
		if (f.until !== undefined && f.until < LATEST_GO_MINOR) cuts.add(f.until + 1);
	}
	return [...cuts].sort((a, b) => a - b);
}

/** Why the line is not from before or after its era: the clues at each edge, as sentences. */
interface EraEdges {
	before: string[];
	after: string[];
}

/**
 * Wrong answers a reader actually gives: the era just before or after the line's own, the line's
 * era stretched over one of them, or only part of it. Each says why it is wrong; an edge whose
 * clue the explanation cannot name is never crossed, so no wrong answer goes unexplained.
 */
function eraDistractors(lineEra: Era, format: TraceFormat, edges: EraEdges, random: () => number): Distractor[] {
	if (lineEra.length !== 1) {
		// Rare: a shape several separate release ranges print. Offer each range alone.
		return lineEra.map((r) => ({
			text: describeEra([r]),
			why: `Not only those: ${describeEra(lineEra)} all print lines of this shape.`,
		}));
	}
	const { from, to } = lineEra[0];
	const cuts = eraCuts(format);
	const prev = Math.max(OLDEST_GO_MINOR, ...cuts.filter((c) => c < from));
	const next = Math.min(LATEST_GO_MINOR + 1, ...cuts.filter((c) => c > to + 1));
	const notBefore = `Not before Go 1.${from}: ${edges.before.join(' ')}`;
	const notAfter = `Not after Go 1.${to}: ${edges.after.join(' ')}`;
	const groups: Distractor[][] = [[], [], []];
	if (from > OLDEST_GO_MINOR && edges.before.length) {
		groups[0].push({ text: describeEra(eraOf(prev, from - 1)), why: notBefore });
		groups[0].push({ text: describeEra(eraOf(prev, to)), why: notBefore });
		// The era before that one: older still, and just as ruled out.
		const older = Math.max(OLDEST_GO_MINOR, ...cuts.filter((c) => c < prev));
		if (older < prev) groups[0].push({ text: describeEra(eraOf(older, prev - 1)), why: notBefore });
	}
	if (to < LATEST_GO_MINOR && edges.after.length) {
		groups[1].push({ text: describeEra(eraOf(to + 1, next - 1)), why: notAfter });
		groups[1].push({ text: describeEra(eraOf(from, next - 1)), why: notAfter });
		if (next <= LATEST_GO_MINOR) {
			const later = Math.min(LATEST_GO_MINOR + 1, ...cuts.filter((c) => c > next));
			groups[1].push({ text: describeEra(eraOf(next, later - 1)), why: notAfter });
		}
	}
	for (const c of cuts.filter((c) => c > from && c <= to)) {
		const also = (e: Era) =>
			`Right releases, but not all of them: lines of this shape come from ${describeEra(e)} too, and nothing on this line rules that out.`;
		groups[2].push({ text: describeEra(eraOf(c, to)), why: also(eraOf(from, c - 1)) });
		groups[2].push({ text: describeEra(eraOf(from, c - 1)), why: also(eraOf(c, to)) });
	}
	// One of each kind first, so a set of options is not three variations on one mistake.
	const shuffled = groups.map((g) => shuffle(g, random));
	const out: Distractor[] = [];
	const right = describeEra(lineEra);
	for (let round = 0; shuffled.some((g) => g.length > round); round++) {
		for (const g of shuffled) {
			const d = g[round];
			if (d && d.text !== right && !out.some((o) => o.text === d.text)) out.push(d);
		}
	}
	return out;
}

/** Field labels as a short list: `A field`, `A and B fields`, `A, B, C fields and 4 more`. */
export function fieldList(fields: readonly FieldInfo[]): string {
	const labels = [...new Set(fields.map((f) => f.label))];
	if (labels.length === 1) return `${labels[0]} field`;
	if (labels.length <= 4) return `${andList(labels)} fields`;
	return `${labels.slice(0, 3).join(', ')} fields and ${labels.length - 3} more`;
}

/** Floats as the runtime printed them through Go 1.25: `+2.500000e-001`. */
const oldFloat = /[+-]\d\.\d{6}e[+-]\d{3}/;

/** Clues in how values print, not which fields, at the edges of the line's releases (reference §1, §3). */
function printingClues(text: string, from: number | undefined, to: number | undefined): string[] {
	const clues: string[] = [];
	const oldIds = / (m|p|curg|lockedg|lockedm)=-1\b/.test(text);
	const nilIds = / (m|p|curg|lockedg|lockedm)=nil\b/.test(text);
	const flags = / (gcwaiting|sysmonwait)=(true|false|0|1)\b/.exec(text);
	if (to === 19 && oldIds) clues.push('It prints a missing id as -1; Go 1.20 prints nil.');
	if (from === 20 && nilIds) clues.push('It prints a missing id as nil, as Go 1.20 began to.');
	if (to === 19 && flags && /[01]/.test(flags[2]))
		clues.push(`It prints ${flags[1]} as ${flags[2]}; Go 1.20 prints true or false.`);
	if (from === 20 && flags && /true|false/.test(flags[2]))
		clues.push(`It prints ${flags[1]} as ${flags[2]}, as Go 1.20 began to.`);
	if (to === 25 && text.startsWith('pacer:') && oldFloat.test(text))
		clues.push('Its floats print as +d.dddddde±ddd; Go 1.26 prints the shortest form, such as 0.25.');
	// Of these traces only the pacer lines print floats; gctrace's decimals are fixed-point. A
	// float that is a whole number prints bare, as `cons/mark 0`, where Go 1.25 printed +0.000000e+000.
	if (from === 26 && text.startsWith('pacer:') && !oldFloat.test(text))
		clues.push('Its floats print in the shortest form, such as 0.25 or 0, as Go 1.26 began to.');
	return clues;
}

function eraQuestion(plan: QuestionPlan, random: () => number): ChoiceQuestion {
	const lineEra = plan.parsed.era ?? [];
	const right = describeEra(lineEra);
	const format = topicScope[plan.topic].format;
	const from = lineEra[0]?.from;
	const to = lineEra.at(-1)?.to;
	const lineKeys = new Set(plan.parsed.tokens.map((t) => t.key));
	const newest = plan.parsed.tokens
		.map((t) => (t.key ? getField(t.key) : undefined))
		.filter((f): f is FieldInfo => f !== undefined && f.since === from && from > OLDEST_GO_MINOR);
	const edges: EraEdges = { before: [], after: [] };
	if (newest.length) edges.before.push(`It prints the ${fieldList(newest)}, which Go 1.${from} added.`);
	if (to !== undefined && to < LATEST_GO_MINOR) {
		const missing = [...plan.formKeys]
			.filter((k) => !lineKeys.has(k))
			.map((k) => getField(k)!)
			.filter((f) => f.unit !== 'marker' && f.since === to + 1);
		if (missing.length) edges.after.push(`It has no ${fieldList(missing)}, which Go 1.${to + 1} added.`);
	}
	for (const t of plan.parsed.tokens) {
		const table =
			t.key === 'scheddetail/g-status' ? gStatusNames : t.key === 'scheddetail/p-status' ? pStatusNames : null;
		const status = table && typeof t.value === 'number' ? table[t.value] : undefined;
		const which = `${t.key === 'scheddetail/g-status' ? 'G' : 'P'} status ${t.text} (${status?.name})`;
		if (status && status.since === from && from > OLDEST_GO_MINOR)
			edges.before.push(`It prints ${which}, which Go 1.${from} added.`);
		if (status?.until !== undefined && status.until === to)
			edges.after.push(`It prints ${which}, which Go 1.${to + 1} no longer has.`);
	}
	edges.before.push(...printingClues(plan.parsed.text, from, undefined));
	edges.after.push(...printingClues(plan.parsed.text, undefined, to));
	return {
		...base(plan),
		type: 'choice',
		prompt: 'Which Go releases print a line of exactly this shape?',
		explanation: [`Lines shaped like this one come from ${right}.`, ...edges.before, ...edges.after].join(' '),
		fields: [...new Set(newest.map((f) => f.key))],
		...choices(right, eraDistractors(lineEra, format, edges, random), random),
	};
}

/** Picks up to `perGroup` lines of each topic, line form and era, spread evenly through the captures, for a small practice file. */
export function sampleCandidateLines(
	captures: readonly { file: string; text: string }[],
	perGroup: number,
): CandidateLine[] {
	const groups = new Map<string, CandidateLine[]>();
	const seen = new Set<string>();
	for (const { file, text } of captures) {
		const lines = text.replace(/\n$/, '').split('\n');
		lines.forEach((lineText, i) => {
			if (seen.has(lineText)) return;
			const parsed = parseLine(lineText);
			const topic = topicOfLine(parsed);
			if (!topic) return;
			seen.add(lineText);
			const group = `${topic} ${parsed.form} ${describeEra(parsed.era ?? [])}`;
			const list = groups.get(group) ?? [];
			list.push({ file, lineNo: i + 1, text: lineText });
			groups.set(group, list);
		});
	}
	const out: CandidateLine[] = [];
	for (const list of groups.values()) {
		const n = Math.min(perGroup, list.length);
		for (let i = 0; i < n; i++) out.push(list[Math.floor((i * list.length) / n)]);
	}
	return out;
}
