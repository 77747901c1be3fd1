import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseLinksPlugin, withBase } from './base-links.ts';

test('a path from the root gets the base; other links stay as written', () => {
	assert.equal(withBase('/lessons/the-pacer/', '/sub/'), '/sub/lessons/the-pacer/');
	assert.equal(withBase('/reference/gctrace/#heap-live', '/sub/'), '/sub/reference/gctrace/#heap-live');
	assert.equal(withBase('/analyze/', '/'), '/analyze/');
	for (const url of ['../work/', '#field', 'https://go.dev/doc/gc-guide', '//go.dev/', 'mailto:a@b.c']) {
		assert.equal(withBase(url, '/sub/'), url);
	}
});

/** Runs one visitor of the plugin on a node, collecting the properties it sets, as Sätteri applies them. */
function visit(type: 'link' | 'definition' | 'image' | 'mdxJsxFlowElement', node: object): Record<string, unknown> {
	const set: Record<string, unknown> = {};
	const plugin = baseLinksPlugin('/sub/');
	const ctx = { setProperty: (_node: object, key: string, value: unknown) => void (set[key] = value) };
	(plugin[type] as (n: object, c: typeof ctx) => void)(node, ctx);
	return set;
}

test('Markdown links, definitions and images from the root are rebased; others are left alone', () => {
	assert.deepEqual(visit('link', { url: '/lessons/memory-leaks/' }), { url: '/sub/lessons/memory-leaks/' });
	assert.deepEqual(visit('definition', { url: '/explain/' }), { url: '/sub/explain/' });
	assert.deepEqual(visit('image', { url: '/favicon.svg' }), { url: '/sub/favicon.svg' });
	assert.deepEqual(visit('link', { url: '../work/' }), {});
	assert.deepEqual(visit('link', { url: 'https://go.dev/' }), {});
});

test("href and src on MDX's JSX tags are rebased; other attributes and expressions are not", () => {
	const attributes = [
		{ type: 'mdxJsxAttribute', name: 'href', value: '/analyze/' },
		{ type: 'mdxJsxAttribute', name: 'title', value: '/not-a-link/' },
		{ type: 'mdxJsxExpressionAttribute', value: '{...props}' },
	];
	assert.deepEqual(visit('mdxJsxFlowElement', { attributes }), {
		attributes: [{ ...attributes[0], value: '/sub/analyze/' }, attributes[1], attributes[2]],
	});
	const external = [{ type: 'mdxJsxAttribute', name: 'href', value: 'https://go.dev/' }];
	assert.deepEqual(visit('mdxJsxFlowElement', { attributes: external }), {});
});
