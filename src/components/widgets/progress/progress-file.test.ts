import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mergeProgress, type Progress } from '../lessons/progress-store.ts';
import { mergeQuizData, type QuizData } from '../quiz/quiz-store.ts';
import { importSummary, progressFile, readProgressFile } from './progress-file.ts';

const now = new Date('2026-12-05T10:00:00Z');
const quiz: QuizData = {
	version: 1,
	quizzes: {
		'practice-a': { answers: { q1: { correct: false, attempts: 1, at: '2026-12-01T10:00:00.000Z', response: 'b' } } },
	},
	missed: { 'gctrace/heap-goal': 1 },
	fields: {
		'gctrace/heap-goal': {
			box: 1,
			right: 0,
			wrong: 1,
			lastAt: '2026-12-01T10:00:00.000Z',
			lastWrongAt: '2026-12-01T10:00:00.000Z',
		},
	},
};
const lessons: Progress = { version: 1, lessons: { 'reading-gctrace': { visited: '2026-12-01T09:00:00.000Z' } } };

const read = (value: unknown) => {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return readProgressFile(text, text.length);
};

describe('progress file', () => {
	test('what is exported reads back the same', () => {
		const file = progressFile(quiz, lessons, now);
		const back = read(file);
		assert.ok(back.ok);
		assert.deepEqual(back.file, file);
		assert.match(
			importSummary(back.file),
			/^Imported 1 answer, 1 field and 1 lesson from the file \(saved 2026-12-05\)/,
		);
	});

	test('a file that is not ours, damaged, from a newer version or huge says so and what was expected', () => {
		const notOurs = /not a GODEBUG Explained progress file: expected a \.json file saved with “Export progress”/;
		for (const text of ['', 'hello', '{"some":"json"}', '[1,2]', '\u0000\u00ff\u0001PK']) {
			const r = read(text);
			assert.ok(!r.ok && notOurs.test(r.message), text);
		}
		const file = progressFile(quiz, lessons, now);
		const newer = read({ ...file, version: 2 });
		assert.ok(
			!newer.ok && /newer version of the site \(file version 2; this page reads version 1\)/.test(newer.message),
		);
		const damaged = read({ ...file, quiz: { ...quiz, fields: { 'gctrace/heap-goal': { box: 9 } } } });
		assert.ok(!damaged.ok && /damaged \(its quiz answers cannot be read\)/.test(damaged.message));
		const noLessons = read({ ...file, lessons: 'x' });
		assert.ok(!noLessons.ok && /damaged \(its lesson progress cannot be read\)/.test(noLessons.message));
		const huge = readProgressFile('', 80_000_000);
		assert.ok(!huge.ok && /80\.0 MB; a progress file is a few kilobytes/.test(huge.message));
		for (const r of [newer, damaged, noLessons, huge]) assert.ok(!r.ok && r.message.endsWith('Nothing was changed.'));
	});

	test('importing merges: nothing either side had is lost, and importing twice changes nothing', () => {
		const other: QuizData = {
			version: 1,
			quizzes: {
				'practice-a': {
					answers: { q1: { correct: true, attempts: 2, at: '2026-12-03T10:00:00.000Z', response: 'a' } },
				},
				'lesson-x': { answers: { q9: { correct: true, attempts: 1, at: '2026-11-20T10:00:00.000Z' } } },
			},
			missed: { 'schedtrace/runqueue': 2 },
			fields: { 'schedtrace/runqueue': { box: 3, right: 2, wrong: 2, lastAt: '2026-12-03T10:00:00.000Z' } },
		};
		const merged = mergeQuizData(quiz, other);
		assert.equal(merged.quizzes['practice-a'].answers.q1.response, 'a', 'the later answer wins');
		assert.ok(merged.quizzes['lesson-x'].answers.q9, 'a quiz only the file had is added');
		assert.deepEqual(merged.missed, { 'gctrace/heap-goal': 1, 'schedtrace/runqueue': 2 });
		assert.deepEqual(Object.keys(merged.fields!).sort(), ['gctrace/heap-goal', 'schedtrace/runqueue']);
		assert.deepEqual(mergeQuizData(merged, other), merged);
		assert.equal(quiz.quizzes['practice-a'].answers.q1.response, 'b', 'the inputs are not changed');

		const later: Progress = {
			version: 1,
			lessons: {
				'reading-gctrace': { visited: '2026-12-02T09:00:00.000Z', completed: '2026-12-02T10:00:00.000Z' },
				'the-pacer': { visited: '2026-12-02T11:00:00.000Z' },
			},
			last: 'the-pacer',
		};
		const both = mergeProgress(lessons, later);
		assert.deepEqual(both.lessons['reading-gctrace'], {
			visited: '2026-12-01T09:00:00.000Z',
			completed: '2026-12-02T10:00:00.000Z',
		});
		assert.ok(both.lessons['the-pacer']);
		assert.deepEqual(mergeProgress(both, later), both);
	});
});
