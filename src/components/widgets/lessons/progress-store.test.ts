import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { loadProgress, PROGRESS_KEY } from './progress-store.ts';
import { fakeStorage, withStorage } from '../../shared/storage/fake-storage.ts';

afterEach(() => delete (globalThis as { window?: unknown }).window);

describe('lesson progress storage', () => {
	test('starts empty and saves what the reader did, versioned', () => {
		const storage = fakeStorage();
		withStorage(storage);
		const store = loadProgress();
		assert.equal(store.problem, null);
		store.progress.lessons['what-is-godebug'] = { visited: '2026-11-26T10:00:00Z' };
		store.progress.last = 'what-is-godebug';
		store.save();
		const saved = JSON.parse(storage.data.get(PROGRESS_KEY)!);
		assert.equal(saved.version, 1);
		assert.equal(saved.last, 'what-is-godebug');
		withStorage(storage);
		assert.deepEqual(loadProgress().progress, saved);
	});

	const unreadable: [string, string][] = [
		['damaged JSON', '{"version":1,"lessons":'],
		['another version', '{"version":7,"lessons":{}}'],
		['the wrong shape', '{"version":1,"lessons":{"x":{"visited":3}}}'],
		['JSON null', 'null'],
	];
	for (const [what, raw] of unreadable) {
		test(`${what} is reported quietly and progress starts afresh`, () => {
			withStorage(fakeStorage({ [PROGRESS_KEY]: raw }));
			const store = loadProgress();
			assert.deepEqual(store.progress, { version: 1, lessons: {} });
			assert.match(store.problem!, /could not be read|damaged/);
		});
	}

	test('storage that throws on access leaves progress in memory, with a notice', () => {
		withStorage('throws');
		const store = loadProgress();
		assert.match(store.problem!, /kept only until you leave this page/);
		store.progress.last = 'x';
		assert.doesNotThrow(() => store.save());
	});

	test('storage that throws on reading is never written either', () => {
		const storage = fakeStorage({}, 'read');
		withStorage(storage);
		const store = loadProgress();
		assert.match(store.problem!, /blocks the site’s storage/);
		assert.doesNotThrow(() => store.save());
		assert.equal(storage.data.size, 0);
	});

	test('a full store is reported when saving fails', () => {
		withStorage(fakeStorage({}, 'write'));
		const store = loadProgress();
		assert.equal(store.problem, null);
		store.save();
		assert.match(store.problem!, /could not be saved/);
	});
});
