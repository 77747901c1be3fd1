/**
 * A quiz or practice set as files a learning management system imports: Moodle XML, and a
 * QTI 2.1 content package (the IMS format Canvas, Blackboard and others import). Pure: the
 * questions come from the core (answer keys from `parseLine` and `measure`, as on the site) and
 * every string goes through the XML serializer once (`xml.ts`); a trace line is always text in a
 * `<pre>`, never markup.
 *
 * Spot-the-field questions become multiple choice: one option per field the line prints (in
 * line order, the first part printing each field), named by its text and the label just before
 * it, so a learner still reads the line to answer; a wrong option says which field that part is.
 */
import { getField, parseLine, unitName, type FieldKey, type Question, type SpotQuestion } from '../trace/index.ts';
import { el, serialize, xmlDocument, type XmlElement, type XmlNode } from './xml.ts';
import { utf8, zipStore, type ZipEntry } from './zip.ts';

/** What the exported set is, for titles, the Moodle category and file names. */
export interface ExportSet {
	/** `Set “k3x9ab”` or `Lesson 2: Reading a schedtrace line`. */
	title: string;
	/** One sentence on what the set is and where it comes from, plain text. */
	about: string;
	/** A short name for files: letters, digits, `-`. */
	slug: string;
}

interface ExportOption {
	/** An identifier safe in QTI and Moodle: letters, digits, `-`, `_`, starting with a letter. */
	id: string;
	text: string;
	correct: boolean;
	/** Why this option is wrong; left out on the right one. */
	why?: string;
}

/** One question as both formats ask it: a choice among options, or a number within a tolerance. */
export type ExportQuestion = {
	/** An identifier safe in QTI and as a file name. */
	id: string;
	number: number;
	prompt: string;
	line?: string;
	explanation: string;
	/** The right answer in words, for the answer key. */
	answer: string;
	fields: readonly FieldKey[];
} & (
	| { kind: 'choice'; options: ExportOption[]; fromSpot: boolean }
	| { kind: 'numeric'; value: number; tolerance: number; unit: string }
);

function safeId(prefix: string, raw: string): string {
	return `${prefix}${raw.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** A spot question's line as options: the first printed part of each field, in line order. */
function spotOptions(question: SpotQuestion): ExportOption[] {
	const line = question.line;
	const seen = new Set<string>();
	const options: ExportOption[] = [];
	// Where the fixed text before the previous part starts, and where the previous part ends.
	let labelStart = 0;
	let previousEnd = 0;
	for (const token of parseLine(line).tokens) {
		// The fixed text just before the part (`runqueue=`), or with the part before it when there is
		// none (`runqueue=1` before a bracket), so a learner finds it by reading the line.
		const label = line.slice(previousEnd, token.start).trim();
		const before = label || line.slice(labelStart, token.start).trim();
		labelStart = label ? previousEnd : labelStart;
		previousEnd = token.end;
		if (token.key === null || token.end === token.start || seen.has(token.key)) continue;
		seen.add(token.key);
		const field = getField(token.key);
		const correct = token.key === question.answer;
		options.push({
			id: safeId('part-', String(options.length + 1)),
			text: `“${token.text}”${before ? `, after “${before}”` : ', at the start of the line'}`,
			correct,
			...(correct
				? {}
				: { why: `That part is the ${field?.label ?? token.key} field: ${field?.summary ?? ''}`.trim() }),
		});
	}
	// Still alike (the same text after the same text): number them by their place in the line.
	const counts = new Map<string, number>();
	for (const o of options) counts.set(o.text, (counts.get(o.text) ?? 0) + 1);
	options.forEach((o, i) => {
		if (counts.get(o.text)! > 1) o.text += ` (part ${i + 1} of ${options.length})`;
	});
	return options;
}

function numberText(value: number, unit: string): string {
	return `${value}${unit === '%' || unit === '' ? unit : ` ${unit}`}`;
}

/** A question of the core as the exports ask it; `number` is its 1-based position. */
export function exportQuestion(question: Question, number: number): ExportQuestion {
	const common = {
		id: safeId(`q${number}-`, question.id),
		number,
		prompt: question.prompt,
		explanation: question.explanation,
		fields: question.fields,
		...(question.line !== undefined ? { line: question.line } : {}),
	};
	switch (question.type) {
		case 'choice': {
			const options = question.options.map((o) => ({
				id: safeId('opt-', o.id),
				text: o.text,
				correct: o.id === question.answer,
				...(o.why && o.id !== question.answer ? { why: o.why } : {}),
			}));
			const right = options.find((o) => o.correct);
			return { ...common, kind: 'choice', options, fromSpot: false, answer: right?.text ?? question.answer };
		}
		case 'spot': {
			const options = spotOptions(question);
			const right = options.find((o) => o.correct);
			const label = getField(question.answer)?.label ?? question.answer;
			return { ...common, kind: 'choice', options, fromSpot: true, answer: `${right?.text ?? ''}: ${label}` };
		}
		case 'numeric':
			return {
				...common,
				kind: 'numeric',
				value: question.answer,
				tolerance: question.tolerance,
				unit: question.unit,
				answer: `${numberText(question.answer, question.unit)} (± ${numberText(question.tolerance, question.unit)})`,
			};
	}
}

/** Catalogue prose (`backticks` mark printed text) as inline nodes: text and `<code>`. */
function prose(text: string): XmlNode[] {
	return text.split('`').map((part, i) => (i % 2 === 1 ? el('code', {}, part) : part));
}

/** How to type a numeric answer: LMSs read a bare number, so the unit is said, not typed. */
function unitSentence(q: ExportQuestion & { kind: 'numeric' }): string {
	return q.unit === '' || q.unit === 'goroutines'
		? 'Type a number.'
		: `Type the number in ${unitName(q.unit)}, without the unit.`;
}

/** The question's text as block elements: the prompt, then the real line, preformatted. */
function questionBody(q: ExportQuestion): XmlElement[] {
	const body = [el('p', {}, prose(q.prompt))];
	if (q.line !== undefined) body.push(el('pre', {}, q.line));
	return body;
}

/** HTML for Moodle's text fields. */
function html(nodes: readonly XmlNode[]): string {
	return nodes.map((n) => serialize(n, true)).join('');
}

function htmlText(name: string, nodes: readonly XmlNode[]): XmlElement {
	return el(name, { format: 'html' }, el('text', {}, html(nodes)));
}

function plainText(name: string, text: string): XmlElement {
	return el(name, {}, el('text', {}, text));
}

/** Moodle's question name: its number and the start of its prompt. */
function questionName(q: ExportQuestion): string {
	const prompt = q.prompt.replace(/`/g, '');
	return `${String(q.number).padStart(2, '0')}. ${prompt.length > 70 ? `${prompt.slice(0, 69)}…` : prompt}`;
}

/** The hint Moodle gives for any wrong number (its `*` answer), as the site does. */
function numericHint(q: ExportQuestion & { kind: 'numeric' }): string {
	return q.fields.length > 1
		? `Not right. The answer is worked out from the numbers the line prints, in ${unitName(q.unit)}.`
		: `Not right. The answer is a number the line prints, in ${unitName(q.unit)}.`;
}

function moodleQuestion(q: ExportQuestion): XmlElement {
	const common = [
		plainText('name', questionName(q)),
		htmlText(
			'questiontext',
			q.kind === 'numeric' ? [...questionBody(q), el('p', {}, unitSentence(q))] : questionBody(q),
		),
		htmlText('generalfeedback', [el('p', {}, prose(q.explanation))]),
		el('defaultgrade', {}, '1'),
		el('penalty', {}, '0'),
		el('hidden', {}, '0'),
	];
	if (q.kind === 'numeric') {
		return el(
			'question',
			{ type: 'numerical' },
			common,
			el(
				'answer',
				{ fraction: '100', format: 'moodle_auto_format' },
				el('text', {}, String(q.value)),
				htmlText('feedback', [el('p', {}, 'Right.')]),
				el('tolerance', {}, String(q.tolerance)),
			),
			el(
				'answer',
				{ fraction: '0', format: 'moodle_auto_format' },
				el('text', {}, '*'),
				htmlText('feedback', [el('p', {}, numericHint(q))]),
				el('tolerance', {}, '0'),
			),
			// The unit is said in the question text; Moodle asks for the number alone.
			el('unitgradingtype', {}, '0'),
			el('unitpenalty', {}, '0'),
			el('showunits', {}, '3'),
			el('unitsleft', {}, '0'),
		);
	}
	return el(
		'question',
		{ type: 'multichoice' },
		common,
		el('single', {}, 'true'),
		// Options keep their order: a spot question's parts follow the line.
		el('shuffleanswers', {}, '0'),
		el('answernumbering', {}, 'abc'),
		htmlText('correctfeedback', [el('p', {}, 'Right.')]),
		htmlText('partiallycorrectfeedback', [el('p', {}, 'Partly right.')]),
		htmlText('incorrectfeedback', [el('p', {}, 'Not right.')]),
		q.options.map((o) =>
			el(
				'answer',
				{ fraction: o.correct ? '100' : '0', format: 'html' },
				el('text', {}, html(prose(o.text))),
				htmlText('feedback', o.why ? [el('p', {}, prose(o.why))] : o.correct ? [el('p', {}, 'Right.')] : []),
			),
		),
	);
}

/** The set as Moodle XML (Question bank, Import, “Moodle XML format”), in a category named after the set. */
export function moodleXml(set: ExportSet, questions: readonly Question[]): string {
	const exported = questions.map((q, i) => exportQuestion(q, i + 1));
	const category = el(
		'question',
		{ type: 'category' },
		el('category', {}, el('text', {}, `$course$/top/GODEBUG Explained/${set.title.replace(/\//g, '-')}`)),
		htmlText('info', [el('p', {}, set.about)]),
	);
	return xmlDocument(el('quiz', {}, category, exported.map(moodleQuestion)));
}

const qtiNamespace = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const qtiSchema = 'http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd';
const xsi = 'http://www.w3.org/2001/XMLSchema-instance';

function setOutcome(identifier: string, baseType: string, value: string): XmlElement {
	return el('setOutcomeValue', { identifier }, el('baseValue', { baseType }, value));
}

/** Score 1 when `condition` holds, else 0. */
function scoreIf(condition: XmlElement): XmlElement {
	return el(
		'responseCondition',
		{},
		el('responseIf', {}, condition, setOutcome('SCORE', 'float', '1')),
		el('responseElse', {}, setOutcome('SCORE', 'float', '0')),
	);
}

/** One question as a QTI 2.1 assessmentItem. */
function qtiItem(q: ExportQuestion): string {
	const choice = q.kind === 'choice';
	const right = choice ? q.options.find((o) => o.correct) : undefined;
	const response = el(
		'responseDeclaration',
		{ identifier: 'RESPONSE', cardinality: 'single', baseType: choice ? 'identifier' : 'float' },
		el('correctResponse', {}, el('value', {}, choice ? (right?.id ?? '') : String(q.value))),
	);
	const outcomes = [
		el(
			'outcomeDeclaration',
			{ identifier: 'SCORE', cardinality: 'single', baseType: 'float' },
			el('defaultValue', {}, el('value', {}, '0')),
		),
		el(
			'outcomeDeclaration',
			{ identifier: 'MAXSCORE', cardinality: 'single', baseType: 'float' },
			el('defaultValue', {}, el('value', {}, '1')),
		),
		el('outcomeDeclaration', { identifier: 'FEEDBACK', cardinality: 'single', baseType: 'identifier' }),
		el('outcomeDeclaration', { identifier: 'GENERAL_FEEDBACK', cardinality: 'single', baseType: 'identifier' }),
	];
	const interaction = choice
		? el(
				'choiceInteraction',
				{ responseIdentifier: 'RESPONSE', shuffle: 'false', maxChoices: '1' },
				q.options.map((o) => el('simpleChoice', { identifier: o.id }, prose(o.text))),
			)
		: el(
				'p',
				{},
				`${unitSentence(q)} `,
				el('textEntryInteraction', { responseIdentifier: 'RESPONSE', expectedLength: '12' }),
				q.unit && q.unit !== 'goroutines' ? ` ${q.unit}` : '',
			);
	const condition = choice
		? el('match', {}, el('variable', { identifier: 'RESPONSE' }), el('correct', { identifier: 'RESPONSE' }))
		: el(
				'equal',
				{ toleranceMode: 'absolute', tolerance: String(q.tolerance) },
				el('variable', { identifier: 'RESPONSE' }),
				el('correct', { identifier: 'RESPONSE' }),
			);
	const processing = el(
		'responseProcessing',
		{},
		scoreIf(condition),
		choice
			? el('setOutcomeValue', { identifier: 'FEEDBACK' }, el('variable', { identifier: 'RESPONSE' }))
			: el(
					'responseCondition',
					{},
					el(
						'responseIf',
						{},
						el('match', {}, el('variable', { identifier: 'SCORE' }), el('baseValue', { baseType: 'float' }, '0')),
						setOutcome('FEEDBACK', 'identifier', 'WRONG'),
					),
				),
		setOutcome('GENERAL_FEEDBACK', 'identifier', 'EXPLANATION'),
	);
	const feedback = [
		...(choice
			? q.options
					.filter((o) => o.why)
					.map((o) =>
						el(
							'modalFeedback',
							{ outcomeIdentifier: 'FEEDBACK', identifier: o.id, showHide: 'show', title: 'Not right' },
							prose(o.why!),
						),
					)
			: [
					el(
						'modalFeedback',
						{ outcomeIdentifier: 'FEEDBACK', identifier: 'WRONG', showHide: 'show', title: 'Not right' },
						numericHint(q),
					),
				]),
		el(
			'modalFeedback',
			{ outcomeIdentifier: 'GENERAL_FEEDBACK', identifier: 'EXPLANATION', showHide: 'show', title: 'Why' },
			prose(q.explanation),
		),
	];
	return xmlDocument(
		el(
			'assessmentItem',
			{
				xmlns: qtiNamespace,
				'xmlns:xsi': xsi,
				'xsi:schemaLocation': `${qtiNamespace} ${qtiSchema}`,
				identifier: q.id,
				title: questionName(q),
				adaptive: 'false',
				timeDependent: 'false',
			},
			response,
			outcomes,
			el('itemBody', {}, questionBody(q), interaction),
			processing,
			feedback,
		),
	);
}

/** The assessmentTest: every item in order, in one section, scores added up. */
function qtiTest(set: ExportSet, items: readonly { q: ExportQuestion; href: string }[]): string {
	return xmlDocument(
		el(
			'assessmentTest',
			{
				xmlns: qtiNamespace,
				'xmlns:xsi': xsi,
				'xsi:schemaLocation': `${qtiNamespace} ${qtiSchema}`,
				identifier: safeId('test-', set.slug),
				title: set.title,
			},
			el(
				'outcomeDeclaration',
				{ identifier: 'SCORE', cardinality: 'single', baseType: 'float' },
				el('defaultValue', {}, el('value', {}, '0')),
			),
			el(
				'testPart',
				{ identifier: 'part-1', navigationMode: 'nonlinear', submissionMode: 'simultaneous' },
				el(
					'assessmentSection',
					{ identifier: 'section-1', title: set.title, visible: 'true' },
					items.map(({ q, href }) => el('assessmentItemRef', { identifier: q.id, href })),
				),
			),
			el(
				'outcomeProcessing',
				{},
				el(
					'setOutcomeValue',
					{ identifier: 'SCORE' },
					el('sum', {}, el('testVariables', { variableIdentifier: 'SCORE' })),
				),
			),
		),
	);
}

const cpNamespace = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const cpSchema = 'http://www.imsglobal.org/xsd/imscp_v1p1.xsd';

function manifest(set: ExportSet, items: readonly { q: ExportQuestion; href: string }[]): string {
	const testHref = 'assessment-test.xml';
	return xmlDocument(
		el(
			'manifest',
			{
				xmlns: cpNamespace,
				'xmlns:xsi': xsi,
				'xsi:schemaLocation': `${cpNamespace} ${cpSchema} ${qtiNamespace} ${qtiSchema}`,
				identifier: safeId('manifest-', set.slug),
			},
			el('metadata', {}, el('schema', {}, 'QTIv2.1 Package'), el('schemaversion', {}, '1.0.0')),
			el('organizations'),
			el(
				'resources',
				{},
				el(
					'resource',
					{ identifier: safeId('test-', set.slug), type: 'imsqti_test_xmlv2p1', href: testHref },
					el('file', { href: testHref }),
					items.map(({ q }) => el('dependency', { identifierref: safeId('res-', q.id) })),
				),
				items.map(({ q, href }) =>
					el('resource', { identifier: safeId('res-', q.id), type: 'imsqti_item_xmlv2p1', href }, el('file', { href })),
				),
				el(
					'resource',
					{ identifier: 'answer-key', type: 'webcontent', href: 'answer-key.txt' },
					el('file', { href: 'answer-key.txt' }),
				),
			),
		),
	);
}

/** The answer key as plain text: each question, its line, its answer and why. */
function answerKeyText(set: ExportSet, questions: readonly Question[]): string {
	const entries = questions.map((question, i) => {
		const q = exportQuestion(question, i + 1);
		return [
			`${q.number}. ${q.prompt}`,
			...(q.line !== undefined ? [`   ${q.line}`] : []),
			`   Answer: ${q.answer}`,
			`   ${q.explanation}`,
		].join('\n');
	});
	return `Answer key: ${set.title}\n${set.about}\n\n${entries.join('\n\n')}\n`;
}

/** The files of the QTI 2.1 content package: manifest, the test, one item per question, the answer key. */
export function qtiFiles(set: ExportSet, questions: readonly Question[]): { path: string; text: string }[] {
	const items = questions.map((question, i) => {
		const q = exportQuestion(question, i + 1);
		return { q, href: `items/${q.id}.xml` };
	});
	return [
		{ path: 'imsmanifest.xml', text: manifest(set, items) },
		{ path: 'assessment-test.xml', text: qtiTest(set, items) },
		...items.map(({ q, href }) => ({ path: href, text: qtiItem(q) })),
		{ path: 'answer-key.txt', text: answerKeyText(set, questions) },
	];
}

/** The QTI 2.1 content package as a zip file's bytes. */
export function qtiPackage(set: ExportSet, questions: readonly Question[], modified?: Date): Uint8Array {
	const entries: ZipEntry[] = qtiFiles(set, questions).map((f) => ({ path: f.path, data: utf8(f.text) }));
	return zipStore(entries, modified);
}

/** File names of the downloads. */
export function exportFileNames(set: ExportSet): { moodle: string; qti: string } {
	const slug = set.slug.replace(/[^A-Za-z0-9_-]/g, '-');
	return { moodle: `godebug-${slug}-moodle.xml`, qti: `godebug-${slug}-qti21.zip` };
}
