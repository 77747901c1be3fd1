import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingRules, normalRanges } from '../trace/index.ts';
import { decisionRows, ruleAnchor, sourceLink } from './decisions.ts';

test('the decision guide has one row per finding rule, in order, with the rule’s own words', () => {
	const rows = decisionRows('/sub/');
	assert.deepEqual(
		rows.map((r) => r.kind),
		findingRules.map((r) => r.kind),
	);
	for (const [i, row] of rows.entries()) {
		const rule = findingRules[i];
		assert.equal(row.see, rule.title);
		assert.equal(row.means, rule.means);
		assert.equal(row.command, rule.next.command);
		// Every address carries the base path, and the rule link lands on the analyzer's rule.
		assert.equal(row.ruleUrl, `/sub/analyze/#${ruleAnchor(rule.kind)}`);
		assert.equal(row.lessonUrl, `/sub/lessons/${rule.lesson}/`);
		assert.ok(row.fields.length === rule.fields.length && row.fields.every((f) => f.url.startsWith('/sub/reference/')));
	}
});

test('a range’s sources link to the Go document or the capture, and name runtime source without a link', () => {
	const kinds = new Set<string>();
	for (const range of normalRanges) {
		for (const source of range.sources) {
			const link = sourceLink(source, '/sub/');
			kinds.add(source.kind);
			if (source.kind === 'doc') assert.equal(link.href, source.where);
			if (source.kind === 'capture') assert.equal(link.href, `/sub/analyze/captures/${source.where}`);
			if (source.kind === 'runtime') {
				assert.equal(link.href, null);
				assert.ok(link.name.startsWith('runtime/'));
			}
		}
	}
	assert.deepEqual([...kinds].sort(), ['capture', 'doc', 'runtime']);
});
