// Every experiment's questions match the keys the core works out, and each answer gets feedback
// naming the reader's own lines, on real runs of the lab's program.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
	checkLabAnswer,
	labAnswerKeys,
	labChoiceOptions,
	labExperimentIds,
	labRunFacts,
	type LabAnswerKey,
	type LabExperimentId,
} from '../trace/index.ts';
import { labAnswerText, labExperiments, labFeedback, labShortfallText } from './lab-experiments.ts';
import { labProgram } from './lab-settings.ts';

const combined = path.resolve(import.meta.dirname, '..', '..', 'content', 'traces', 'combined');
const lines = (scenario: string): string[] =>
	readFileSync(path.join(combined, `go1.26-lab-${scenario}.txt`), 'utf8')
		.replace(/\n$/, '')
		.split('\n');

/** The captures made with each experiment's settings (scripts/capture.sh, the `lab` scenarios). */
const captures: Record<LabExperimentId, string[]> = {
	'reading-gctrace': ['default'],
	'gogc-doubled': ['gogc100', 'gogc200'],
	'memlimit-under-live': ['memlimit'],
	leak: ['retain'],
};

test('every experiment has its words, and the captures were made with its settings', () => {
	assert.deepEqual(Object.keys(labExperiments), [...labExperimentIds]);
	const provenance = JSON.parse(readFileSync(path.join(combined, '..', 'captures.json'), 'utf8')) as {
		file: string;
		command: string;
	}[];
	for (const id of labExperimentIds) {
		const experiment = labExperiments[id];
		assert.equal(experiment.id, id);
		assert.equal(experiment.runs.length, captures[id].length);
		experiment.runs.forEach((run, i) => {
			const { env, args } = labProgram(run.settings);
			const command = provenance.find((c) => c.file === `combined/go1.26-lab-${captures[id][i]}.txt`)!.command;
			for (const arg of args) assert.ok(command.includes(` ${arg}`), `${id}: ${command} runs ${arg}`);
			for (const name of ['GOGC', 'GOMEMLIMIT']) {
				if (env[name]) assert.ok(command.includes(`${name}=${env[name]}`), `${id}: ${command} sets ${name}`);
				else assert.ok(!command.includes(`${name}=`), `${id}: ${command} leaves ${name} unset`);
			}
		});
	}
});

test('each question is answered from the lines, with feedback that quotes them', () => {
	for (const id of labExperimentIds) {
		const experiment = labExperiments[id];
		const runs = captures[id].map((c) => labRunFacts(lines(c)));
		const result = labAnswerKeys(id, runs);
		assert.ok(result.ok);
		assert.deepEqual(
			experiment.questions.map((q) => q.id),
			Object.keys(result.keys),
		);
		for (const question of experiment.questions) {
			const key: LabAnswerKey = result.keys[question.id]!;
			if (key.type === 'choice') {
				assert.deepEqual(
					question.options?.map((o) => o.id),
					[...labChoiceOptions[question.id as keyof typeof labChoiceOptions]],
				);
			} else {
				assert.equal(question.unit, key.unit);
			}
			const right = key.type === 'choice' ? key.answer : String(key.answer);
			const wrong =
				key.type === 'choice' ? question.options!.find((o) => o.id !== key.answer)!.id : String(key.answer + 1);
			const yes = labFeedback(id, question.id, runs, checkLabAnswer(key, right));
			const no = labFeedback(id, question.id, runs, checkLabAnswer(key, wrong));
			assert.match(yes, /^Right: /);
			assert.match(no, /^Not quite: /);
			// The feedback names a line of the reader's run.
			assert.match(yes, /line \d+|gc \d+ @|goals are \d+ MB|gaps between a cycle’s end|analyzer (did not )?raised?/);
			assert.ok(labAnswerText(id, question.id, key).length > 0);
		}
	}
	const reading = labRunFacts(lines('default'));
	assert.equal(
		labFeedback('reading-gctrace', 'last-goal', [reading], { correct: true, problem: null }),
		`Right: line ${reading.last!.lineNo} prints “${reading.last!.goalMB} MB goal”.`,
	);
	assert.equal(
		labAnswerText('memlimit-under-live', 'gc-cpu', { type: 'numeric', answer: 38, unit: '%', tolerance: 0 }),
		'38%',
	);
	assert.equal(
		labAnswerText('leak', 'live-growth', { type: 'numeric', answer: 12, unit: 'MB', tolerance: 0 }),
		'12 MB',
	);
	assert.equal(labAnswerText('gogc-doubled', 'heap-goal', { type: 'choice', answer: 'higher' }), 'higher');
	assert.equal(
		labFeedback('reading-gctrace', 'last-goal', [reading], { correct: false, problem: 'Type a number.' }),
		'Type a number.',
	);
});

test('a run too short to answer from says so and what to do', () => {
	assert.match(labShortfallText('no-cycles'), /no complete gc line.*Run it again/);
	assert.match(labShortfallText('few-cycles'), /fewer than 3 gc lines/);
});
