import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { loadQuizStore, QUIZ_KEY } from './quiz-store.ts';
import { fakeStorage, withStorage } from '../../shared/storage/fake-storage.ts';

afterEach(() => delete (globalThis as { window?: unknown }).window);

const now = () => new Date('2026-11-26T10:00:00Z');
const wrongAt = '2026-11-26T10:00:00.000Z';
const runqueue = { id: 'global-queue', fields: ['schedtrace/runqueue' as const] };
const stw = {
	id: 'stw',
	fields: ['gctrace/wall-sweep-termination' as const, 'gctrace/wall-mark-termination' as const],
};

describe('quiz answer storage', () => {
	test('records answers, attempts and missed fields, versioned, and reads them back', () => {
		const storage = fakeStorage();
		withStorage(storage);
		const store = loadQuizStore(now);
		assert.equal(store.problem, null);
		store.recordAnswer('reading-schedtrace', runqueue, false, 'schedtrace/threads');
		store.recordAnswer('reading-schedtrace', runqueue, true, 'schedtrace/runqueue');
		store.recordAnswer('reading-gctrace', stw, false, '0.3');
		const saved = JSON.parse(storage.data.get(QUIZ_KEY)!);
		assert.deepEqual(saved, {
			version: 1,
			quizzes: {
				'reading-schedtrace': {
					answers: {
						'global-queue': {
							correct: true,
							attempts: 2,
							at: '2026-11-26T10:00:00.000Z',
							response: 'schedtrace/runqueue',
						},
					},
				},
				'reading-gctrace': {
					answers: { stw: { correct: false, attempts: 1, at: '2026-11-26T10:00:00.000Z', response: '0.3' } },
				},
			},
			missed: { 'schedtrace/runqueue': 1, 'gctrace/wall-sweep-termination': 1, 'gctrace/wall-mark-termination': 1 },
			// The right retry of the same question the same day is not a review: the field stays in box 1.
			fields: {
				'schedtrace/runqueue': { box: 1, right: 0, wrong: 1, lastAt: wrongAt, lastWrongAt: wrongAt },
				'gctrace/wall-sweep-termination': { box: 1, right: 0, wrong: 1, lastAt: wrongAt, lastWrongAt: wrongAt },
				'gctrace/wall-mark-termination': { box: 1, right: 0, wrong: 1, lastAt: wrongAt, lastWrongAt: wrongAt },
			},
		});
		withStorage(storage);
		const again = loadQuizStore(now);
		assert.deepEqual(again.data, saved);
		assert.equal(again.score('reading-schedtrace', ['global-queue', 'other']), 1);
		assert.equal(again.answer('reading-gctrace', 'stw')?.correct, false);
	});

	test('each field climbs a Leitner box per day it is answered right, and an older page’s data without boxes still reads', () => {
		const storage = fakeStorage();
		storage.data.set(QUIZ_KEY, JSON.stringify({ version: 1, quizzes: {}, missed: {} }));
		withStorage(storage);
		let today = new Date('2026-11-26T10:00:00Z');
		const store = loadQuizStore(() => today);
		assert.equal(store.problem, null);
		for (let d = 0; d < 3; d++) {
			today = new Date(Date.UTC(2026, 10, 26 + d, 10));
			store.recordAnswer(`set-${d}`, runqueue, true);
			store.recordAnswer(`set-${d}`, runqueue, true); // again, the same day: no review
		}
		assert.equal(store.data.fields!['schedtrace/runqueue'].box, 4);
		assert.equal(store.data.fields!['schedtrace/runqueue'].right, 3);
		store.recordAnswer('later', runqueue, false);
		assert.equal(JSON.parse(storage.data.get(QUIZ_KEY)!).fields['schedtrace/runqueue'].box, 1);
	});

	test('stored boxes that are broken make the whole value unreadable, and it is left in place', () => {
		const storage = fakeStorage();
		const broken = JSON.stringify({
			version: 1,
			quizzes: {},
			missed: {},
			fields: { 'gctrace/heap-goal': { box: 'x' } },
		});
		storage.data.set(QUIZ_KEY, broken);
		withStorage(storage);
		const store = loadQuizStore(now);
		assert.match(store.problem!, /could not be read/);
		assert.equal(storage.data.get(QUIZ_KEY), broken);
	});

	test('resetting a quiz forgets its answers and keeps the other quizzes and missed fields', () => {
		const storage = fakeStorage();
		withStorage(storage);
		const store = loadQuizStore(now);
		store.recordAnswer('a', runqueue, false);
		store.recordAnswer('b', stw, true);
		store.resetQuiz('a');
		const saved = JSON.parse(storage.data.get(QUIZ_KEY)!);
		assert.deepEqual(Object.keys(saved.quizzes), ['b']);
		assert.deepEqual(saved.missed, { 'schedtrace/runqueue': 1 });
		store.resetAll();
		assert.deepEqual(JSON.parse(storage.data.get(QUIZ_KEY)!), { version: 1, quizzes: {}, missed: {} });
	});

	const unreadable: [string, string][] = [
		['damaged JSON', '{"version":1,"quizzes":'],
		['another version', '{"version":2,"quizzes":{},"missed":{}}'],
		[
			'the wrong shape',
			'{"version":1,"quizzes":{"a":{"answers":{"q":{"correct":"yes","attempts":1,"at":"x"}}}},"missed":{}}',
		],
		['negative counts', '{"version":1,"quizzes":{},"missed":{"schedtrace/runqueue":-1}}'],
		['JSON null', 'null'],
		['an array', '[]'],
	];
	for (const [what, raw] of unreadable) {
		test(`${what} is reported quietly, starts afresh, and is not overwritten until the reader answers`, () => {
			const storage = fakeStorage({ [QUIZ_KEY]: raw });
			withStorage(storage);
			const store = loadQuizStore(now);
			assert.deepEqual(store.data, { version: 1, quizzes: {}, missed: {} });
			assert.match(store.problem!, /quiz answers.*could not be read|damaged/);
			assert.equal(storage.data.get(QUIZ_KEY), raw);
			store.recordAnswer('a', runqueue, true);
			assert.equal(JSON.parse(storage.data.get(QUIZ_KEY)!).quizzes.a.answers['global-queue'].correct, true);
		});
	}

	test('storage that throws on access keeps answers in memory, with a notice', () => {
		withStorage('throws');
		const store = loadQuizStore(now);
		assert.match(store.problem!, /kept only until you leave this page/);
		store.recordAnswer('a', runqueue, false);
		assert.equal(store.score('a', ['global-queue']), 0);
		assert.equal(store.answer('a', 'global-queue')?.attempts, 1);
	});

	test('storage that throws on reading is never written either', () => {
		const storage = fakeStorage({}, 'read');
		withStorage(storage);
		const store = loadQuizStore(now);
		assert.match(store.problem!, /blocks the site’s storage/);
		assert.doesNotThrow(() => store.recordAnswer('a', runqueue, true));
		assert.equal(storage.data.size, 0);
		assert.equal(store.score('a', ['global-queue']), 1);
	});

	test('a full store is reported when saving fails, and answers stay in memory', () => {
		withStorage(fakeStorage({}, 'write'));
		const store = loadQuizStore(now);
		assert.equal(store.problem, null);
		store.recordAnswer('a', runqueue, true);
		assert.match(store.problem!, /quiz answers could not be saved/);
		assert.equal(store.score('a', ['global-queue']), 1);
	});
});
