// The field explanations in content/fields agree with the catalogue: one per key, named after
// it, with an example line that really prints that field and related keys that exist.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { allFields, isFieldKey, parseLine } from '../trace/index.ts';
import { readFrontmatter } from './frontmatter.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const fieldsDir = path.join(root, 'content', 'fields');
const tracesDir = path.join(root, 'content', 'traces');

function markdownFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory()
			? markdownFiles(path.join(dir, e.name)).map((f) => `${e.name}/${f}`)
			: e.name.endsWith('.md')
				? [e.name]
				: [],
	);
}

const files = markdownFiles(fieldsDir);

test('every catalogue field has an explanation, and every explanation a field', () => {
	const explained = files.map((f) => f.replace(/\.md$/, '')).sort();
	assert.deepEqual(explained, allFields.map((f) => f.key).sort());
});

describe('field explanations', () => {
	for (const file of files) {
		test(file, () => {
			const { data, body } = readFrontmatter(path.join(fieldsDir, file));
			const key = file.replace(/\.md$/, '');
			assert.equal(data.key, key, 'the frontmatter key matches the file name');
			const example = data.example as { capture?: string; line?: number; synthetic?: string; era?: string };
			let line: string;
			if (example.capture !== undefined) {
				const lines = readFileSync(path.join(tracesDir, example.capture), 'utf8').split('\n');
				assert.ok(example.line && example.line >= 1 && example.line <= lines.length, 'the example line exists');
				line = lines[example.line! - 1];
			} else {
				assert.ok(example.synthetic && example.era, 'a synthetic example names the era it imitates');
				line = example.synthetic!;
			}
			const parsed = parseLine(line);
			assert.equal(parsed.problem, null, `the example parses: ${line}`);
			assert.ok(
				parsed.tokens.some((t) => t.key === key),
				`the example line prints ${key}: ${line}`,
			);
			for (const related of (data.related as string[] | undefined) ?? []) {
				assert.ok(isFieldKey(related), `related field ${related} exists`);
				assert.notEqual(related, key);
			}
			for (const [, href] of body.matchAll(/\]\((\/reference\/[^)#]*)/g)) {
				const linked = href.replace(/^\/reference\//, '').replace(/\/$/, '');
				assert.ok(linked.split('/').length !== 2 || isFieldKey(linked), `link to ${href} names a field that exists`);
			}
			assert.ok(body.trim().length > 200, 'the explanation has substance');
		});
	}
});
