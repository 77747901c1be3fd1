import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { allFields, getField } from '../catalogue.ts';
import { describeEra, LATEST_GO_MINOR } from '../era.ts';
import { parseLine } from '../parse.ts';
import type { FieldKey } from '../types.ts';
import {
	buildQuestion,
	fieldList,
	generatePractice,
	questionTemplates,
	sampleCandidateLines,
	seededRandom,
	templateFits,
	topicOfLine,
	topicTokens,
} from './generate.ts';
import type { CandidateLine } from './generate.ts';
import { quizTopics } from './types.ts';
import type { Question } from './types.ts';

const root = new URL('../../../content/traces/', import.meta.url);
const captures = readdirSync(root, { recursive: true })
	.map(String)
	.filter((f) => f.endsWith('.txt'))
	.sort()
	.map((file) => ({ file, text: readFileSync(new URL(file, root), 'utf8') }));
const captureLines = new Map(captures.map((c) => [c.file, c.text.replace(/\n$/, '').split('\n')]));
/** Every line of every capture, as candidates. */
const allLines: CandidateLine[] = captures.flatMap(({ file }) =>
	captureLines.get(file)!.map((text, i) => ({ file, lineNo: i + 1, text })),
);
const allTopics = [...quizTopics];
const allFieldsWithLabel = (label: string) => allFields.filter((f) => f.label === label);

/** The question's answer, worked out again from the parser and the catalogue. */
function assertAgreesWithParser(q: Question): void {
	assert.ok(q.line && q.source, `${q.id} has a line and its source`);
	assert.equal(
		captureLines.get(q.source.file)?.[q.source.lineNo - 1],
		q.line,
		`${q.id}: the line is the capture's line`,
	);
	const parsed = parseLine(q.line);
	assert.equal(parsed.problem, null);
	assert.equal(topicOfLine(parsed), q.topic);
	for (const key of q.fields) assert.ok(getField(key), `${key} is a catalogue field`);
	switch (q.type) {
		case 'spot': {
			assert.deepEqual(q.fields, [q.answer]);
			const token = parsed.tokens.find((t) => t.key === q.answer);
			assert.ok(token && token.text.length > 0, `${q.answer} is printed on ${q.line}`);
			assert.ok(q.prompt.endsWith(getField(q.answer)!.summary));
			break;
		}
		case 'numeric': {
			const values = q.fields.map((key) => {
				const token = parsed.tokens.find((t) => t.key === key);
				assert.ok(token, `${key} is printed on ${q.line}`);
				return token.value as number | readonly number[];
			});
			const [a, b] = values;
			const near = (x: number, y: number) => Math.abs(x - y) < 1e-9;
			if (q.fields.length === 1) {
				assert.equal(q.answer, a, 'the answer is the value as printed');
			} else if (q.fields[0] === 'schedtrace/runqueue') {
				assert.equal(q.answer, (a as number) + (b as number[]).reduce((x, y) => x + y, 0));
			} else if (q.fields[0] === 'gctrace/heap-end') {
				assert.ok(near(q.answer, (a as number) - (b as number)));
			} else {
				assert.match(
					q.fields.join(' '),
					/^gctrace\/(wall|cpu)-sweep-termination gctrace\/(wall|cpu)-mark-termination$/,
				);
				assert.ok(near(q.answer, (a as number) + (b as number)), `${q.answer} is ${a} + ${b}`);
			}
			assert.ok(q.tolerance >= 0 && q.tolerance <= 0.5);
			break;
		}
		case 'choice': {
			const texts = q.options.map((o) => o.text);
			assert.equal(q.options.length, 4);
			assert.equal(new Set(texts).size, 4, `${q.id}: four different options`);
			assert.deepEqual(
				q.options.map((o) => o.id),
				['a', 'b', 'c', 'd'],
			);
			const right = q.options.find((o) => o.id === q.answer);
			assert.ok(right);
			if (q.prompt.startsWith('Which Go releases')) {
				assert.equal(right.text, describeEra(parsed.era!));
			} else {
				const key = q.fields[0];
				assert.ok(parsed.tokens.some((t) => t.key === key));
				assert.equal(right.text, getField(key)!.summary);
			}
			break;
		}
		default:
			q satisfies never;
	}
}

describe('generatePractice', () => {
	const lines = sampleCandidateLines(captures, 8);

	test('the same seed gives the same set; different seeds give different sets', () => {
		const opts = { topics: allTopics, count: 20, lines };
		const a = generatePractice({ ...opts, seed: 'class-7b' });
		assert.equal(a.length, 20);
		assert.deepEqual(generatePractice({ ...opts, seed: 'class-7b' }), a);
		for (const other of ['class-7c', 'class-7B', 'first-set', 'x']) {
			const b = generatePractice({ ...opts, seed: other });
			assert.notDeepEqual(
				b.map((q) => [q.prompt, q.line]),
				a.map((q) => [q.prompt, q.line]),
				`seed ${other} differs from class-7b`,
			);
		}
	});

	test('a shorter set is the start of a longer one, and ids are stable per seed and position', () => {
		const long = generatePractice({ seed: 'abc', topics: allTopics, count: 30, lines });
		const short = generatePractice({ seed: 'abc', topics: allTopics, count: 7, lines });
		assert.deepEqual(short, long.slice(0, 7));
		assert.equal(new Set(long.map((q) => q.id)).size, 30);
	});

	test('questions stay within the chosen topics, which take turns', () => {
		for (const topics of [['gc'], ['scheduler', 'detail'], ['pacer', 'gc', 'scheduler']] as const) {
			const set = generatePractice({ seed: 't', topics, count: 12, lines });
			const perTopic = new Map<string, number>();
			for (const q of set) perTopic.set(q.topic, (perTopic.get(q.topic) ?? 0) + 1);
			assert.deepEqual([...perTopic.keys()].sort(), [...topics].sort());
			for (const n of perTopic.values()) assert.equal(n, 12 / topics.length);
		}
	});

	test('every question of many sets on every capture line agrees with the parser', () => {
		const kinds = new Set<string>();
		const measured = new Set<string>();
		for (let i = 0; i < 40; i++) {
			for (const q of generatePractice({ seed: `seed-${i}`, topics: allTopics, count: 50, lines: allLines })) {
				assertAgreesWithParser(q);
				kinds.add(q.type);
				if (q.type === 'numeric' && q.fields.length > 1) measured.add(q.prompt);
			}
		}
		assert.deepEqual([...kinds].sort(), ['choice', 'numeric', 'spot']);
		assert.ok(measured.size >= 4, `questions on ${[...measured].join(', ')}`);
	});

	test('every kind of question about every field of every capture line agrees with the parser', () => {
		const random = seededRandom('all');
		const byTopic = new Map<string, { line: CandidateLine; parsed: ReturnType<typeof parseLine> }[]>();
		for (const line of allLines) {
			const parsed = parseLine(line.text);
			const topic = topicOfLine(parsed);
			if (topic) byTopic.set(topic, [...(byTopic.get(topic) ?? []), { line, parsed }]);
		}
		assert.deepEqual([...byTopic.keys()].sort(), [...allTopics].sort(), 'the captures cover every topic');
		let checked = 0;
		for (const [topic, entries] of byTopic) {
			const topicFields = [
				...new Set(entries.flatMap((e) => topicTokens(e.parsed, topic as never).map((t) => t.key as FieldKey))),
			];
			for (const { line, parsed } of entries) {
				const formKeys = new Set(topicTokens(parsed, topic as never).map((t) => t.key as FieldKey));
				for (const token of topicTokens(parsed, topic as never)) {
					for (const template of questionTemplates.filter((t) => templateFits(t, token, parsed))) {
						const q = buildQuestion(
							{ id: 'q', topic: topic as never, template, line, parsed, token, topicFields, formKeys },
							random,
						);
						assertAgreesWithParser(q);
						checked++;
					}
				}
			}
		}
		assert.ok(checked > 10000, `${checked} questions checked`);
	});

	test('the pause-sum question does not call the pause values CPU time, and says how they are computed', () => {
		const line = allLines.find((l) => parseLine(l.text).form === 'gc-cycle' && !parseLine(l.text).problem)!;
		const parsed = parseLine(line.text);
		const token = parsed.tokens.find((t) => t.key === 'gctrace/cpu-sweep-termination')!;
		const q = buildQuestion(
			{ id: 'q', topic: 'gc', template: 'measure', line, parsed, token, topicFields: [], formKeys: new Set() },
			seededRandom('pause'),
		);
		assert.equal(q.type, 'numeric');
		assert.deepEqual(q.fields, ['gctrace/cpu-sweep-termination', 'gctrace/cpu-mark-termination']);
		assert.doesNotMatch(q.prompt, /CPU time/);
		assert.match(q.explanation, /min\(GOMAXPROCS, CPUs\); no CPU time was measured/);
	});

	test('an era explanation names the fields that date the line, those of another format too', () => {
		// A Go 1.19 scheddetail header lacks schedtrace's needspinning, which a Go 1.26 header prints.
		const header = allLines.filter((l) => parseLine(l.text).form === 'sched-detail-header');
		const old = header.find((l) => l.text.includes('gcwaiting=0'))!;
		assert.ok(old && header.some((l) => l.text.includes('needspinning=')), 'captures have headers of both eras');
		let eraQuestions = 0;
		for (let i = 0; i < 40; i++) {
			const set = generatePractice({ seed: `era${i}`, topics: ['detail'], count: 30, lines: header });
			for (const q of set) {
				if (!q.prompt.startsWith('Which Go releases') || q.line !== old.text) continue;
				eraQuestions++;
				assert.match(q.explanation, /It has no Need spinning field, which Go 1\.20 added\./);
			}
		}
		assert.ok(eraQuestions > 0, 'some sets ask the era of the Go 1.19 header');
	});

	test('a meaning question takes its wrong answers from the fields printed beside the asked one', () => {
		// Heap at start (assist line) and heap at trigger (controller line) are the same moment's heap.
		const pacer = allLines.filter((l) => topicOfLine(parseLine(l.text)) === 'pacer');
		let meaning = 0;
		for (let i = 0; i < 30; i++) {
			for (const q of generatePractice({ seed: `m${i}`, topics: ['pacer'], count: 30, lines: pacer })) {
				if (q.type !== 'choice' || q.prompt.startsWith('Which Go releases')) continue;
				meaning++;
				const onLine = new Set(parseLine(q.line!).tokens.map((t) => t.key && getField(t.key)?.summary));
				for (const o of q.options)
					assert.ok(onLine.has(o.text), `“${o.text}” is about a field of this line: ${q.line}`);
			}
		}
		assert.ok(meaning > 20, `${meaning} meaning questions`);
	});

	test('an era explanation gives the printing clues at the edges of the era, and only where they apply', () => {
		const lines = sampleCandidateLines(captures, 8);
		const seen = { oldFloat: 0, newFloat: 0, nil: 0, minusOne: 0 };
		for (let i = 0; i < 40; i++) {
			for (const q of generatePractice({ seed: `clue${i}`, topics: allTopics, count: 30, lines })) {
				if (!q.prompt.startsWith('Which Go releases')) continue;
				const e = q.explanation;
				if (/floats print/.test(e)) assert.ok(q.line!.startsWith('pacer:'), `only pacer lines print floats: ${q.line}`);
				if (q.line!.startsWith('pacer:') && /e[+-]\d{3}/.test(q.line!)) {
					assert.match(e, /floats print as \+d\.dddddde±ddd/);
					seen.oldFloat++;
				}
				if (/Go 1\.26 or later/.test(e) && q.line!.startsWith('pacer:') && /\d\.\d/.test(q.line!)) {
					assert.match(e, /shortest form/);
					seen.newFloat++;
				}
				if (/ (m|p|curg)=nil/.test(q.line!) && /Go 1\.20 or later/.test(e)) {
					assert.match(e, /missing id as nil/);
					seen.nil++;
				}
				if (/ (m|p|curg)=-1/.test(q.line!) && /Go 1\.\d+–1\.19/.test(e)) {
					assert.match(e, /missing id as -1/);
					seen.minusOne++;
				}
			}
		}
		for (const [clue, n] of Object.entries(seen)) assert.ok(n > 0, `the sets ask about a line with the ${clue} clue`);
	});

	test('an era question offers the eras a reader confuses, each wrong one saying why, and never a range no format has', () => {
		// Reader form back to releases: `Go 1.6–1.17`, `Go 1.18 or later`, `Go 1.25`.
		const releases = (text: string): [number, number] => {
			const m = /^Go 1\.(\d+)(?:–1\.(\d+)| (or later))?$/.exec(text);
			assert.ok(m, `an era as a reader reads it: ${text}`);
			const from = Number(m[1]);
			return [from, m[3] ? LATEST_GO_MINOR : m[2] ? Number(m[2]) : from];
		};
		const lines = sampleCandidateLines(captures, 8);
		const stacksLineOptions = new Set<string>();
		let eraQuestions = 0;
		for (let i = 0; i < 60; i++) {
			for (const q of generatePractice({ seed: `confuse${i}`, topics: allTopics, count: 30, lines })) {
				if (q.type !== 'choice' || !q.prompt.startsWith('Which Go releases')) continue;
				eraQuestions++;
				const [from, to] = releases(q.options.find((o) => o.id === q.answer)!.text);
				assert.equal(q.options.find((o) => o.id === q.answer)!.why, undefined, 'the right option has no why');
				for (const o of q.options.filter((o) => o.id !== q.answer)) {
					const [a, b] = releases(o.text);
					assert.ok(o.why, `${o.text} says why it is wrong`);
					// Each wrong era crosses an edge of the line's era that the explanation dates, or is part of it.
					if (a < from) {
						assert.ok(o.why.startsWith(`Not before Go 1.${from}: `), `${o.text} vs Go 1.${from}–: ${o.why}`);
						assert.ok(q.explanation.includes(o.why.slice(`Not before Go 1.${from}: `.length)));
					} else if (b > to) {
						assert.ok(o.why.startsWith(`Not after Go 1.${to}: `), `${o.text} vs –1.${to}: ${o.why}`);
						assert.ok(q.explanation.includes(o.why.slice(`Not after Go 1.${to}: `.length)));
					} else {
						assert.ok(a > from || b < to, `${o.text} differs from the line's era`);
						assert.match(o.why, /^Right releases, but not all of them: /);
					}
				}
				if (q.line!.includes('MB stacks') && /^gc /.test(q.line!) && to === LATEST_GO_MINOR && from === 18)
					for (const o of q.options) stacksLineOptions.add(o.text);
			}
		}
		assert.ok(eraQuestions > 50, `${eraQuestions} era questions`);
		// The example: a Go 1.18-or-later gctrace line is told apart from 1.6–1.17 and from 1.26 or later.
		assert.ok(stacksLineOptions.has('Go 1.6–1.17'), [...stacksLineOptions].join(', '));
		assert.ok(stacksLineOptions.has('Go 1.26 or later') || stacksLineOptions.has('Go 1.18–1.25'));
		for (const nonsense of ['Go 1.1–1.25', 'Go 1.3–1.24', 'Go 1.4–1.5'])
			assert.ok(!stacksLineOptions.has(nonsense), nonsense);
	});

	test('a meaning question says, for each wrong answer, which field it describes', () => {
		let checked = 0;
		for (let i = 0; i < 20; i++) {
			for (const q of generatePractice({
				seed: `why${i}`,
				topics: allTopics,
				count: 30,
				lines: sampleCandidateLines(captures, 4),
			})) {
				if (q.type !== 'choice' || q.prompt.startsWith('Which Go releases')) continue;
				for (const o of q.options.filter((o) => o.id !== q.answer)) {
					const label = /^That describes the (.+) field\.$/.exec(o.why ?? '')?.[1];
					assert.ok(label, `why for “${o.text}”: ${o.why}`);
					const onLine = parseLine(q.line!).tokens.map((t) => (t.key ? getField(t.key) : undefined));
					const described = [...onLine, ...allFieldsWithLabel(label)].filter((f) => f?.label === label);
					assert.ok(
						described.some((f) => f!.summary === o.text),
						`${label} means “${o.text}”`,
					);
					checked++;
				}
			}
		}
		assert.ok(checked > 30, `${checked} wrong answers checked`);
	});

	test('field lists read as English', () => {
		const f = (...keys: string[]) => keys.map((k) => getField(k)!);
		assert.equal(fieldList(f('gctrace/stacks')), 'Scannable stacks field');
		assert.equal(fieldList(f('gctrace/stacks', 'gctrace/globals')), 'Scannable stacks and Scannable globals fields');
		assert.match(
			fieldList(f('gctrace/stacks', 'gctrace/globals', 'gctrace/heap-goal', 'gctrace/heap-live', 'gctrace/procs')),
			/^[^,]+, [^,]+, [^,]+ fields and 2 more$/,
		);
	});

	test('missed fields come back more often, only when weights are given', () => {
		const key = 'gctrace/heap-goal';
		const asked = (weights?: Record<string, number>) => {
			let n = 0;
			for (let i = 0; i < 30; i++) {
				const set = generatePractice({ seed: `w${i}`, topics: ['gc'], count: 20, lines, weights });
				n += set.filter((q) => q.fields.includes(key)).length;
			}
			return n;
		};
		const plain = asked();
		assert.equal(asked({}), plain, 'empty weights change nothing');
		const weighted = asked({ [key]: 3 });
		assert.ok(plain > 0, 'the field is asked without weights');
		assert.ok(weighted >= 3 * plain, `${weighted} questions with the weight, ${plain} without`);
		const moreMissed = asked({ [key]: 5 });
		assert.ok(moreMissed > weighted, `${moreMissed} with five misses, ${weighted} with three`);
	});

	test('a review set asks only about the fields it is given, and leaves out topics without them', () => {
		const lines = sampleCandidateLines(captures, 8);
		const only = ['gctrace/heap-goal', 'schedtrace/runqueue'] as FieldKey[];
		for (let i = 0; i < 20; i++) {
			const set = generatePractice({ seed: `review${i}`, topics: allTopics, count: 12, lines, only });
			assert.equal(set.length, 12);
			assert.deepEqual([...new Set(set.map((q) => q.topic))].sort(), ['gc', 'scheduler']);
			for (const q of set) {
				assertAgreesWithParser(q);
				// Era questions are about the whole line, so a review never asks one.
				assert.ok(
					q.fields.some((k) => only.includes(k)),
					`${q.prompt} is about a due field`,
				);
				if (q.type === 'spot') assert.ok(only.includes(q.answer));
			}
		}
		assert.deepEqual(generatePractice({ seed: 'r', topics: ['pacer'], count: 5, lines, only }), []);
	});

	test('no topics or no lines give an empty set, never an error', () => {
		assert.deepEqual(generatePractice({ seed: 'a', topics: [], count: 5, lines }), []);
		assert.deepEqual(generatePractice({ seed: 'a', topics: allTopics, count: 5, lines: [] }), []);
		const onlyGc = lines.filter((l) => l.text.startsWith('gc '));
		const set = generatePractice({ seed: 'a', topics: ['gc', 'scheduler'], count: 4, lines: onlyGc });
		assert.ok(set.every((q) => q.topic === 'gc'));
	});
});

describe('sampleCandidateLines', () => {
	test('keeps a few distinct lines of every topic, form and era, all from the captures', () => {
		const lines = sampleCandidateLines(captures, 8);
		assert.ok(lines.length < 200, `${lines.length} lines`);
		assert.equal(new Set(lines.map((l) => l.text)).size, lines.length);
		for (const l of lines) assert.equal(captureLines.get(l.file)?.[l.lineNo - 1], l.text);
		const topics = new Set(lines.map((l) => topicOfLine(parseLine(l.text))));
		assert.deepEqual([...topics].sort(), [...allTopics].sort());
	});
});
