import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getField, parseLine } from '../trace/index.ts';
import { proseHtml } from './html.ts';
import { renderTraceLine } from './trace-line-html.ts';

test('pasted markup in a line is escaped everywhere it appears', () => {
	const line = 'gc 1 @0.1s 0%: <img src=x onerror=alert(1)>"\'&';
	const html = renderTraceLine(parseLine(line), { id: 't', source: '<b>pasted</b>' });
	assert.doesNotMatch(html, /<img|<b>/);
	assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;&quot;&#39;&amp;/);
	assert.match(html, /&lt;b&gt;pasted&lt;\/b&gt;/);
});

test('every field of a line is a link to its explanation, described by its meaning', () => {
	const parsed = parseLine(
		'SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]',
	);
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
	const parsed = parseLine(
		'SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]',
	);
	const html = renderTraceLine(parsed, { id: 'c', collapsed: true });
	assert.match(
		html,
		/<details class="trace-fields-more"><summary>What each of its 8 fields means<\/summary><dl class="trace-fields"/,
	);
	assert.match(html, /<dd id="c-m0">/);
});

/** The line's field links, as attribute maps with their text, in document order. */
function tokenLinks(html: string): { attrs: Record<string, string>; text: string }[] {
	const code = /<code class="trace-code">(.*?)<\/code>/.exec(html)![1];
	return [...code.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].map(([, attrs, text]) => ({
		attrs: Object.fromEntries([...attrs.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])),
		text,
	}));
}

test('a field printed empty is a link of its own, named, described and listed with "(empty)"', () => {
	// Real, Go 1.26 (scheddetail/go1.26-p2-load.txt lines 4 and 57).
	for (const [line, key, label] of [
		[
			'  M4: p=nil curg=nil mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=true lockedg=nil',
			'scheddetail/m-preemptoff',
			'Preempt-off reason',
		],
		['  G5982: status=6() m=nil lockedm=nil', 'scheddetail/g-wait-reason', 'Wait reason'],
	] as const) {
		const parsed = parseLine(line);
		const html = renderTraceLine(parsed, { id: 'e' });
		const links = tokenLinks(html);
		assert.equal(links.length, parsed.tokens.length, 'one link per token, the empty one included');
		const i = parsed.tokens.findIndex((t) => t.key === key);
		const link = links[i];
		assert.equal(link.text, '', 'the marker is drawn by CSS, not written into the line');
		assert.equal(link.attrs.class, 'tok tf-state tok-empty');
		assert.equal(link.attrs['data-key'], key);
		assert.equal(link.attrs['aria-label'], `${label}: (empty)`);
		assert.equal(link.attrs['aria-describedby'], `e-m${i}`);
		assert.equal(link.attrs.href, `#e-f${i}`);
		// The line's text, markup removed, is still exactly the printed line.
		const code = /<code class="trace-code">(.*?)<\/code>/.exec(html)![1];
		assert.equal(code.replace(/<[^>]*>/g, '').replaceAll('&#39;', "'"), line);
		// The field list has its row: name linking to the page, value "(empty)", meaning.
		const row = new RegExp(
			`<div class="field" id="e-f${i}" data-index="${i}" data-key="${key}"><dt>(.*?)</dt><dd id="e-m${i}">(.+?)</dd></div>`,
		).exec(html);
		assert.ok(row, 'the field list has a row for it');
		assert.ok(row[1].includes(`<a href="/reference/${key}/">${label}</a>`));
		assert.ok(row[1].includes('<code class="field-value">(empty)</code>'));
	}
});

test("field links start with the site's base path when it has one", () => {
	const parsed = parseLine(
		'SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]',
	);
	const html = renderTraceLine(parsed, { id: 'b', base: '/sub/' });
	assert.match(html, /<a href="\/sub\/reference\/schedtrace\/gomaxprocs\/">GOMAXPROCS<\/a>/);
	assert.doesNotMatch(html, /href="\/reference/);
});

test('a collapsed line explains its focused field under it, from the catalogue, before the collapsed list', () => {
	// Real, Go 1.26 (gctrace/go1.26-web-load.txt line 83).
	const parsed = parseLine(
		'gc 82 @2.938s 0%: 0.11+0.55+0.002 ms clock, 0.22+0.070/0.13/0+0.004 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P',
	);
	const html = renderTraceLine(parsed, { id: 'l', focus: 'gctrace/heap-goal', collapsed: true });
	const panel =
		/<div class="trace-focus" id="l-focus" data-index="(\d+)" data-key="gctrace\/heap-goal">(.*?)<\/div>/.exec(html);
	assert.ok(panel, 'the focused field has its explanation under the line');
	assert.equal(parsed.tokens[Number(panel[1])].key, 'gctrace/heap-goal');
	assert.ok(panel[2].includes('<a href="/reference/gctrace/heap-goal/">Heap goal</a>'), 'it links the field page');
	assert.ok(panel[2].includes('<code class="field-value">4 MB</code>'));
	assert.ok(panel[2].includes(proseHtml(getField('gctrace/heap-goal')!.summary)), 'its meaning is the catalogue’s');
	assert.ok(html.indexOf('trace-focus') < html.indexOf('<details class="trace-fields-more">'));
	// Without a focus, or with the list open, nothing is repeated under the line.
	assert.doesNotMatch(renderTraceLine(parsed, { id: 'n', collapsed: true }), /trace-focus/);
	assert.doesNotMatch(renderTraceLine(parsed, { id: 'o', focus: 'gctrace/heap-goal' }), /trace-focus/);
});
