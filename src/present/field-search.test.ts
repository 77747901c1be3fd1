import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allFields } from '../trace/index.ts';
import { fieldSearchEntries, fieldsNamedBy, nearestPrintedWord, printedWords } from './field-search.ts';

const entries = fieldSearchEntries(allFields);
const keysNamedBy = (query: string) => fieldsNamedBy(query, entries).map((e) => e.key);

describe('printedWords', () => {
	const cases: [printed: string, words: string][] = [
		['needspinning=#', 'needspinning'],
		['# MB goal', 'MB goal'],
		['schedticks=[ # # … ]', 'schedticks'],
		['…->…-># MB', 'MB'],
		['…+…/…/…+# ms cpu', 'ms cpu'],
		['gc #', 'gc'],
		['P#:', 'P'],
		['H_T=#', 'H_T'],
		['(scan … MB in …-># MB)', 'scan MB in MB'],
		['(checking for goroutine leaks)', 'checking for goroutine leaks'],
	];
	for (const [printed, words] of cases) test(printed, () => assert.equal(printedWords(printed), words));
});

describe('fieldsNamedBy', () => {
	test('each printed token of a trace line names its field', () => {
		assert.deepEqual(keysNamedBy('needspinning'), ['schedtrace/needspinning']);
		assert.deepEqual(keysNamedBy('schedticks'), ['schedtrace/schedticks']);
		assert.deepEqual(keysNamedBy('gcwaiting'), ['scheddetail/gcwaiting']);
		assert.deepEqual(keysNamedBy('idleprocs'), ['schedtrace/idleprocs']);
		assert.deepEqual(keysNamedBy('MB goal'), ['gctrace/heap-goal']);
		// schedtick (a P's count in a detailed dump) is not schedticks (the schedtrace bracket).
		assert.deepEqual(keysNamedBy('schedtick'), ['scheddetail/p-schedtick']);
	});

	test('a token copied with its value, or typed in another case, still names its field', () => {
		assert.deepEqual(keysNamedBy('idleprocs=3'), ['schedtrace/idleprocs']);
		assert.deepEqual(keysNamedBy(' 4 MB goal '), ['gctrace/heap-goal']);
		assert.deepEqual(keysNamedBy('mb goal'), ['gctrace/heap-goal']);
		assert.deepEqual(keysNamedBy('NEEDSPINNING=1'), ['schedtrace/needspinning']);
		assert.deepEqual(keysNamedBy('gc 318'), ['gctrace/cycle', 'gctrace/legacy-cycle', 'gctrace/legacy-procs']);
	});

	test('case tells the pacer’s h_t from H_T, and either case finds both when neither is exact', () => {
		assert.deepEqual(keysNamedBy('h_t=0.9'), ['gcpacertrace/trigger-ratio']);
		assert.deepEqual(keysNamedBy('H_T=4194304'), ['gcpacertrace/trigger-heap']);
		assert.deepEqual(keysNamedBy('h_T'), ['gcpacertrace/trigger-ratio', 'gcpacertrace/trigger-heap']);
	});

	test('a token printed by several fields names them all, in catalogue order', () => {
		assert.deepEqual(keysNamedBy('ms clock'), [
			'gctrace/wall-sweep-termination',
			'gctrace/wall-scan',
			'gctrace/wall-install-write-barrier',
			'gctrace/wall-mark',
			'gctrace/wall-mark-termination',
			'inittrace/clock',
		]);
	});

	test('a key or a label names its field', () => {
		assert.deepEqual(keysNamedBy('gctrace/heap-goal'), ['gctrace/heap-goal']);
		assert.deepEqual(keysNamedBy('/scheddetail/gcwaiting/'), ['scheddetail/gcwaiting']);
		assert.deepEqual(keysNamedBy('heap-goal'), ['gctrace/heap-goal', 'gcpacertrace/heap-goal']);
		assert.deepEqual(keysNamedBy('Heap goal'), ['gctrace/heap-goal', 'gcpacertrace/heap-goal']);
	});

	test('words that are not a whole printed token name nothing', () => {
		for (const query of ['', '   ', 'xyzzy', 'sched', 'needspin', 'goal', 'heap', '=', 'gctrace/', 'heap-go']) {
			assert.deepEqual(keysNamedBy(query), [], query);
		}
	});

	test('each entry links its field page under the base', () => {
		const [entry] = fieldsNamedBy('needspinning', fieldSearchEntries(allFields, '/sub/'));
		assert.equal(entry.url, '/sub/reference/schedtrace/needspinning/');
		assert.equal(entry.label, 'Need spinning');
		assert.equal(entry.printed, 'needspinning=#');
	});
});

describe('nearestPrintedWord', () => {
	test('a misspelt token is one or two edits from the one meant', () => {
		assert.equal(nearestPrintedWord('idelprocs', entries), 'idleprocs');
		assert.equal(nearestPrintedWord('gcwaitng', entries), 'gcwaiting');
		assert.equal(nearestPrintedWord('nedspining', entries), 'needspinning');
	});

	test('a word far from every token has no suggestion', () => {
		assert.equal(nearestPrintedWord('xyzzy', entries), null);
		assert.equal(nearestPrintedWord('blorptastic', entries), null);
		// A token spelt right is not "did you mean" itself.
		assert.equal(nearestPrintedWord('idleprocs', entries), null);
	});
});
