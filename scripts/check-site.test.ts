import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { checkSite, htmlValidateConfig } from './check-site.ts';

const made: string[] = [];
after(() => {
	for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A page as the build writes it: lang, one h1, the layout's head script. */
function page(body: string, { title = 'Page', head = '' } = {}): string {
	return (
		'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>' +
		title +
		'</title><script>document.documentElement.dataset.view = "page";</script>' +
		head +
		'</head><body><main id="main"><h1>' +
		title +
		'</h1>' +
		body +
		'</main></body></html>'
	);
}

/** A built site in a fresh directory: path under dist → file contents. */
function site(files: Record<string, string>): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'check-site-'));
	made.push(dir);
	for (const [file, contents] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		writeFileSync(path.join(dir, file), contents);
	}
	return dir;
}

const sound = {
	'index.html': page(
		'<p id="intro"><a href="/lessons/">Lessons</a> <a href="lessons/#second">2</a> <a href="#intro">up</a></p>' +
			'<img src="/logo.svg" alt="" srcset="/logo.svg 1x, /logo.svg 2x"><form action="/search/"><button type="submit">Search</button></form>' +
			'<a href="https://go.dev/">Go</a> <a href="/lessons/?q=1">q</a>',
		{ head: '<link rel="stylesheet" href="/_astro/site.css"><script type="module">console.log(1)</script>' },
	),
	'lessons/index.html': page('<h2 id="second">Second</h2><a href="../">Home</a><a href="/reference">Ref</a>'),
	'reference/index.html': page('<script type="application/json" class="quiz-data">{"a":1}</script>'),
	'search/index.html': page(''),
	'404.html': page('<a href="/">Home</a>'),
	'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
	'_astro/site.css': 'body{}',
	'sitemap-0.xml': '<urlset><url><loc>https://example.dev/lessons/</loc></url></urlset>',
};

test('a sound site has no problems, and every page and address is counted', async () => {
	const result = await checkSite(site(sound));
	assert.deepEqual(result.problems, []);
	assert.equal(result.pages, 5);
	assert.equal(result.links, 12);
});

test('a link to a page that was not built is reported with the page it is on', async () => {
	const { problems } = await checkSite(
		site({ ...sound, 'search/index.html': page('<a href="/lesons/">typo</a><img src="gone.png" alt="x">') }),
	);
	assert.deepEqual(problems, [
		'search/index.html: <a href="/lesons/"> leads to /lesons/, which is not in the build',
		'search/index.html: <img src="gone.png"> leads to /search/gone.png, which is not in the build',
	]);
});

test('an anchor that is no id on its page is reported, on the same page and on another', async () => {
	const { problems } = await checkSite(
		site({ ...sound, 'search/index.html': page('<a href="#results">here</a><a href="/lessons/#third">3</a>') }),
	);
	assert.deepEqual(problems, [
		'search/index.html: <a href="#results"> leads to #results, which is not an id on /search/',
		'search/index.html: <a href="/lessons/#third"> leads to #third, which is not an id on /lessons/',
	]);
});

test('an id used twice, a missing alt, a second h1 and a missing lang are reported', async () => {
	const bad = page('<p id="intro">a</p><p id="intro">b</p><img src="/logo.svg"><h1>Again</h1>').replace(
		' lang="en"',
		'',
	);
	const { problems } = await checkSite(site({ ...sound, 'search/index.html': bad }));
	assert.deepEqual(problems, [
		'search/index.html: <img src="/logo.svg"> has no alt text (alt="" if it is decoration)',
		'search/index.html: <html> has no lang',
		'search/index.html: 2 <h1> elements; a page has exactly one',
		'search/index.html: id "intro" is used more than once',
	]);
});

test('under a base path, an address from the root must start with it', async () => {
	const dist = site({
		...sound,
		'index.html': page(
			'<a href="/sub/lessons/">ok</a> <a href="lessons/">relative</a> <a href="/lessons/">no base</a>',
		),
		'lessons/index.html': page('<a href="../../">above the base</a>'),
		'404.html': page('<a href="/sub/">Home</a>'),
		'sitemap-0.xml': '<urlset><url><loc>https://example.dev/sub/lessons/</loc></url></urlset>',
	});
	const { problems } = await checkSite(dist, { base: '/sub/' });
	assert.deepEqual(problems, [
		'index.html: <a href="/lessons/"> does not start with the base path /sub/',
		'lessons/index.html: <a href="../../"> leads to /, outside the base path /sub/',
	]);
	// The same build checked as if served from the root: every base-path address is broken.
	const atRoot = await checkSite(dist);
	assert.ok(
		atRoot.problems.includes('index.html: <a href="/sub/lessons/"> leads to /sub/lessons/, which is not in the build'),
	);
});

test('a sitemap address outside the base or not built is reported', async () => {
	const { problems } = await checkSite(
		site({
			...sound,
			'sitemap-0.xml': '<urlset><url><loc>https://example.dev/gone/</loc></url></urlset>',
		}),
	);
	assert.deepEqual(problems, ['sitemap-0.xml: https://example.dev/gone/ is not in the build']);
});

test('the 404 page, served at any address, may not link relatively', async () => {
	const { problems } = await checkSite(site({ ...sound, '404.html': page('<a href="lessons/">Lessons</a>') }));
	assert.deepEqual(problems, ['404.html: <a href="lessons/"> is relative, but the 404 page is served at any address']);
});

test('inline scripts other than what the build emits are reported', async () => {
	const { problems } = await checkSite(
		site({
			...sound,
			'search/index.html': page(
				'<script>alert(1)</script><script type="application/json">{nope</script>' +
					'<script type="text/x-template">x</script><button onclick="go()">Go</button><a href="javascript:go()">go</a>',
			),
			'lessons/index.html': page('<h2 id="second">Second</h2>', {
				head: '<script>window.extra = 1;</script>',
			}),
		}),
	);
	assert.equal(problems.length, 6, problems.join('\n'));
	assert.match(problems[0]!, /^search\/index.html: an inline classic <script> outside <head>: alert\(1\)/);
	assert.match(problems[1]!, /^search\/index.html: <script type="application\/json"> is not valid JSON/);
	assert.equal(
		problems[2],
		'search/index.html: an inline <script type="text/x-template">, which the build does not emit',
	);
	assert.equal(problems[3], 'search/index.html: <button onclick="…">: an inline event handler');
	assert.match(
		problems[4]!,
		/^lessons\/index.html: an inline classic <script> in <head> unlike the layout's \(on 5 pages\)/,
	);
	assert.equal(problems[5], 'search/index.html: <a href="javascript:go()"> is a javascript: address');
});

test('html-validate runs with the repository rules and reports line, rule and element', async () => {
	const { problems } = await checkSite(
		site({ ...sound, 'search/index.html': page('<ul><div>not a list item</div></ul>') }),
		{ htmlValidate: htmlValidateConfig() },
	);
	assert.ok(problems.length > 0);
	assert.ok(
		problems.every((p) => /^search\/index\.html:1:\d+: .* \(html-validate [a-z-]+; .*\)$/.test(p)),
		problems.join('\n'),
	);
	assert.ok(problems.some((p) => p.includes('html-validate element-permitted-content')));
});

test('a missing or empty build is an error, not a pass', async () => {
	await assert.rejects(checkSite(path.join(tmpdir(), 'no-such-dist-here')), /no built site/);
	await assert.rejects(checkSite(site({ 'a.txt': 'x' })), /no HTML files/);
	await assert.rejects(checkSite(site(sound), { base: 'sub' }), /--base must start and end/);
});
