/**
 * Build-time builders behind the MDX quiz components (`<Quiz>`, `<Choice>`, `<SpotField>`,
 * `<Numeric>`): they turn props into a `Question` and fail the build with a clear message when a
 * question cannot be right (a spot answer the line does not print, a measure the line lacks).
 * Answer keys of spot and numeric questions come from `parseLine` and `measure`, never from props.
 */
import {
	isFieldKey,
	measure,
	parseLine,
	quizTopics,
	type ChoiceOption,
	type ChoiceQuestion,
	type FieldKey,
	type LineSource,
	type NumericQuestion,
	type Question,
	type QuizTopic,
	type SpotQuestion,
} from '../../../trace/index.ts';

const topicOfFormat: Record<string, QuizTopic> = {
	schedtrace: 'scheduler',
	scheddetail: 'detail',
	gctrace: 'gc',
	gcpacertrace: 'pacer',
	scavtrace: 'gc',
	inittrace: 'scheduler',
};

const idPattern = /^[a-z0-9][a-z0-9-]*$/;

/**
 * A built question travels from its component to the enclosing `<Quiz>` as JSON in the slot's
 * HTML (MDX may render children before their parent, so there is no shared "current quiz").
 */
const carrierType = 'application/x-quiz-question';

export function questionCarrier(question: Question): string {
	const json = JSON.stringify(question).replace(/</g, '\\u003c');
	return `<script type="${carrierType}">${json}</script>`;
}

/** The questions in a `<Quiz>`'s rendered slot, in order; throws on bad ids or repeats. */
export function questionsIn(slotHtml: string, quizId: string, topic?: string): Question[] {
	if (!idPattern.test(quizId)) throw new Error(`<Quiz id="${quizId}">: use lower-case letters, digits and dashes`);
	if (topic !== undefined && !(quizTopics as readonly string[]).includes(topic)) {
		throw new Error(`<Quiz topic="${topic}">: expected one of ${quizTopics.join(', ')}`);
	}
	const questions: Question[] = [];
	for (const m of slotHtml.matchAll(/<script type="application\/x-quiz-question">([\s\S]*?)<\/script>/g)) {
		const q = JSON.parse(m[1]) as Question;
		if (questions.some((o) => o.id === q.id))
			throw new Error(`<Quiz id="${quizId}">: two questions have the id "${q.id}"`);
		// A question whose fields do not name a topic takes the quiz's.
		if (topic && q.fields.length === 0) q.topic = topic as QuizTopic;
		questions.push(q);
	}
	return questions;
}

function checkId(id: string, component: string): void {
	if (!idPattern.test(id)) throw new Error(`<${component} id="${id}">: use lower-case letters, digits and dashes`);
}

function checkFields(fields: readonly string[], where: string): FieldKey[] {
	for (const f of fields) if (!isFieldKey(f)) throw new Error(`${where}: "${f}" is not a field key in the catalogue`);
	return fields as FieldKey[];
}

function topicOf(fields: readonly FieldKey[]): QuizTopic {
	const fromField = fields.length ? topicOfFormat[fields[0].split('/')[0]] : undefined;
	return fromField ?? 'scheduler';
}

interface Common {
	id: string;
	prompt: string;
	explanation: string;
}

function need(value: unknown, name: string, where: string): void {
	if (typeof value !== 'string' || value.trim() === '') throw new Error(`${where}: the ${name} prop is missing`);
}

function lineAndSource(where: string, line?: string, source?: LineSource): { line?: string; source?: LineSource } {
	if (line === undefined) return {};
	const parsed = parseLine(line);
	if (parsed.problem) throw new Error(`${where}: the line does not parse (${parsed.problem.message}): ${line}`);
	return source ? { line, source } : { line };
}

export interface ChoiceProps extends Common {
	options: ChoiceOption[];
	answer: string;
	fields?: string[];
}

export function buildChoice(p: ChoiceProps, line?: string, source?: LineSource): ChoiceQuestion {
	const where = `<Choice id="${p.id}">`;
	checkId(p.id, 'Choice');
	need(p.prompt, 'prompt', where);
	need(p.explanation, 'explanation', where);
	if (!Array.isArray(p.options) || p.options.length < 2) throw new Error(`${where}: give at least two options`);
	const ids = p.options.map((o) => o.id);
	if (new Set(ids).size !== ids.length) throw new Error(`${where}: option ids repeat: ${ids.join(', ')}`);
	if (!ids.includes(p.answer))
		throw new Error(`${where}: answer "${p.answer}" is not one of the option ids ${ids.join(', ')}`);
	const fields = checkFields(p.fields ?? [], where);
	return {
		type: 'choice',
		id: p.id,
		topic: topicOf(fields),
		prompt: p.prompt,
		explanation: p.explanation,
		fields,
		options: p.options.map((o) => ({ id: o.id, text: o.text })),
		answer: p.answer,
		...lineAndSource(where, line, source),
	};
}

export interface SpotProps extends Common {
	answer: string;
}

export function buildSpot(p: SpotProps, line: string, source?: LineSource): SpotQuestion {
	const where = `<SpotField id="${p.id}">`;
	checkId(p.id, 'SpotField');
	need(p.prompt, 'prompt', where);
	need(p.explanation, 'explanation', where);
	const [answer] = checkFields([p.answer], where);
	lineAndSource(where, line);
	const tokens = parseLine(line).tokens;
	// A field printed empty has nothing to click on, so it cannot be the answer.
	const matches = tokens.filter((t) => t.key === answer && t.end > t.start);
	if (matches.length === 0 && tokens.some((t) => t.key === answer)) {
		throw new Error(`${where}: the line prints "${answer}" empty, so there is nothing to choose: ${line}`);
	}
	if (matches.length === 0) {
		const keys = tokens
			.filter((t) => t.end > t.start)
			.map((t) => t.key)
			.filter(Boolean);
		throw new Error(`${where}: the line has no "${answer}"; its fields are ${keys.join(', ')}: ${line}`);
	}
	return {
		type: 'spot',
		id: p.id,
		topic: topicOf([answer]),
		prompt: p.prompt,
		explanation: p.explanation,
		fields: [answer],
		line,
		answer,
		...(source ? { source } : {}),
	};
}

export interface NumericProps extends Common {
	measure: string;
}

export function buildNumeric(p: NumericProps, line: string, source?: LineSource): NumericQuestion {
	const where = `<Numeric id="${p.id}">`;
	checkId(p.id, 'Numeric');
	need(p.prompt, 'prompt', where);
	need(p.explanation, 'explanation', where);
	const result = measure(p.measure, line);
	if (!result.ok) throw new Error(`${where}: ${result.message}`);
	const m = result.measure;
	const unit = m.unit ? ` ${m.unit}` : '';
	return {
		type: 'numeric',
		id: p.id,
		topic: topicOf(m.fields),
		prompt: p.prompt,
		explanation: `${p.explanation} From this line: ${m.working}${unit}.`,
		fields: m.fields,
		line,
		answer: m.value,
		unit: m.unit,
		tolerance: m.tolerance,
		...(source ? { source } : {}),
	};
}
