import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	analyzeUrl,
	captureFileUrl,
	explainUrl,
	fieldUrl,
	formatUrl,
	homeUrl,
	lessonUrl,
	practiceLinesUrl,
	practiceUrl,
	referenceUrl,
	searchUrl,
	siteUrl,
	worksheetUrl,
	setupUrl,
	exampleZipUrl,
	exampleFileUrl,
	changesUrl,
} from './urls.ts';

test('at the root, addresses are the site paths', () => {
	assert.equal(homeUrl(), '/');
	assert.equal(referenceUrl(), '/reference/');
	assert.equal(formatUrl('gctrace'), '/reference/gctrace/');
	assert.equal(fieldUrl('gctrace/heap-live'), '/reference/gctrace/heap-live/');
	assert.equal(lessonUrl('memory-leaks'), '/lessons/memory-leaks/');
	assert.equal(analyzeUrl(), '/analyze/');
	assert.equal(captureFileUrl('gctrace/go1.26-web-load.txt'), '/analyze/captures/gctrace/go1.26-web-load.txt');
	assert.equal(practiceUrl('?seed=a&count=4'), '/practice/?seed=a&count=4');
	assert.equal(practiceUrl(), '/practice/');
	assert.equal(practiceLinesUrl(), '/practice/lines.json');
	assert.equal(worksheetUrl('?seed=a'), '/teach/worksheet/?seed=a');
	assert.equal(searchUrl(), '/search/');
	assert.equal(siteUrl('/favicon.svg'), '/favicon.svg');
});

test('under a base path, every address starts with it, however the base is written', () => {
	for (const base of ['/sub/', '/sub', 'sub', 'sub/']) {
		assert.equal(homeUrl(base), '/sub/');
		assert.equal(fieldUrl('schedtrace/gomaxprocs', base), '/sub/reference/schedtrace/gomaxprocs/');
		assert.equal(formatUrl('scavtrace', base), '/sub/reference/scavtrace/');
		assert.equal(lessonUrl('memory-leaks', base), '/sub/lessons/memory-leaks/');
		assert.equal(analyzeUrl(base), '/sub/analyze/');
		assert.equal(practiceUrl('?seed=x', base), '/sub/practice/?seed=x');
		assert.equal(siteUrl('sitemap-index.xml', base), '/sub/sitemap-index.xml');
		assert.equal(explainUrl(undefined, undefined, base), '/sub/explain/');
		assert.equal(setupUrl(base), '/sub/setup/');
		assert.equal(exampleZipUrl('godebug', base), '/sub/setup/godebug.zip');
		assert.equal(exampleFileUrl('godebug', 'main.go', base), '/sub/setup/godebug/main.go');
		assert.equal(changesUrl(base), '/sub/reference/changes/');
	}
	assert.equal(siteUrl('', ''), '/');
});

test('an explain link carries the line, read back exactly, and the selected field', () => {
	const line = 'gc 1 @0.012s 2%: 0.011+1.2+0.003 ms clock & <b>';
	const url = new URL(explainUrl(line, 'gctrace/cycle', '/sub/'), 'http://example.test');
	assert.equal(url.pathname, '/sub/explain/');
	assert.equal(url.searchParams.get('line'), line);
	assert.equal(url.hash, '#field=gctrace/cycle');
	assert.equal(explainUrl(line), `/explain/?line=${encodeURIComponent(line)}`);
	assert.equal(explainUrl(), '/explain/');
});
