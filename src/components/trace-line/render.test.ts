import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLine } from '../../trace/index.ts';
import { proseHtml, renderTraceLine } from './render.ts';

test('pasted markup in a line is escaped everywhere it appears', () => {
	const line = 'gc 1 @0.1s 0%: <img src=x onerror=alert(1)>"\'&';
	const html = renderTraceLine(parseLine(line), { id: 't', source: '<b>pasted</b>' });
	assert.doesNotMatch(html, /<img|<b>/);
	assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;&quot;&#39;&amp;/);
	assert.match(html, /&lt;b&gt;pasted&lt;\/b&gt;/);
});

test('every field of a line is a link to its explanation, described by its meaning', () => {
	const parsed = parseLine('SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]');
	const html = renderTraceLine(parsed, { id: 'x' });
	const links = [...html.matchAll(/<a class="tok[^"]*" href="#x-f(\d+)"[^>]*aria-describedby="x-m(\d+)"/g)];
	assert.equal(links.length, parsed.tokens.length);
	for (const [, f, m] of links) {
		assert.equal(f, m);
		assert.match(html, new RegExp(`<dd id="x-m${m}">`));
	}
	assert.match(html, /<a href="\/reference\/schedtrace\/gomaxprocs\/">GOMAXPROCS<\/a>/);
});

test('catalogue prose shows backticked tokens as code, and nothing else as markup', () => {
	assert.equal(proseHtml('the first cycle prints `gc 1` <b>'), 'the first cycle prints <code>gc 1</code> &lt;b&gt;');
});

test('a collapsed line keeps its field list, behind a disclosure', () => {
	const parsed = parseLine('SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]');
	const html = renderTraceLine(parsed, { id: 'c', collapsed: true });
	assert.match(html, /<details class="trace-fields-more"><summary>What each of its 8 fields means<\/summary><dl class="trace-fields"/);
	assert.match(html, /<dd id="c-m0">/);
});
