import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasWordStarting, pagefindQuery, queryTerms } from './search-terms.ts';

describe('pagefindQuery', () => {
	test('a dash between letters or digits becomes a space; other dashes stay for Pagefind to drop', () => {
		assert.equal(pagefindQuery('gc-forced heap–goal'), 'gc forced heap goal');
		assert.equal(pagefindQuery('-5 a- -b'), '-5 a- -b');
	});
});

describe('queryTerms', () => {
	test('lowercase words without punctuation, each once, as Pagefind searches them', () => {
		assert.deepEqual(queryTerms('  Heap   goal '), ['heap', 'goal']);
		assert.deepEqual(queryTerms('“xyzzy”, (xyzzy)'), ['xyzzy']);
		assert.deepEqual(queryTerms('needspinning=1'), ['needspinning=1']);
		assert.deepEqual(queryTerms('h_t'), ['h_t']);
		assert.deepEqual(queryTerms('GC-forced'), ['gcforced']);
		assert.deepEqual(queryTerms(' ... '), []);
	});
});

describe('hasWordStarting', () => {
	const schedtracePage =
		'schedtrace: a snapshot of the scheduler every X milliseconds. GODEBUG=schedtrace=1000 prints needspinning=1 and h_t=0.9.';

	test('a whole word, a word’s beginning, and a part between punctuation are in the page', () => {
		for (const term of queryTerms('scheduler sched schedtrace needspinning needspinning=1 h_t godebug milli')) {
			assert.equal(hasWordStarting(schedtracePage, term), true, term);
		}
	});

	test('a word the page only has the first letters of is not in it', () => {
		// Pagefind's fallback matches these through "x", "s" and "needspinning".
		for (const term of queryTerms('xyzzy schedulers needspinning=0 blorptastic')) {
			assert.equal(hasWordStarting(schedtracePage, term), false, term);
		}
	});
});
