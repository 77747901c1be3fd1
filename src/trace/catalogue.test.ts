/** Catalogue checks for every format: keys, one-sentence text, releases and sources. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allFields, fieldsOfFormat } from './catalogue.ts';
import { LATEST_GO_MINOR, OLDEST_GO_MINOR } from './era.ts';
import { fieldUnits } from './fields.ts';
import { traceFormats } from './types.ts';

/** How many sentence ends a text has (a dot in `1.5` or `runtime.GC` is not one). */
function sentenceEnds(text: string): number {
	return text.match(/[.!?](?=\s|$)/g)?.length ?? 0;
}

test('keys are unique across the catalogue', () => {
	const keys = allFields.map((f) => f.key);
	assert.equal(new Set(keys).size, keys.length);
});

for (const format of traceFormats) {
	describe(`${format} entries`, () => {
		test('every format has fields, in its own key space', () => {
			const fields = fieldsOfFormat(format);
			assert.ok(fields.length > 0);
			for (const f of fields) assert.match(f.key, new RegExp(`^${format}/[a-z0-9]+(?:-[a-z0-9]+)*$`));
		});
		for (const f of fieldsOfFormat(format)) {
			test(f.key, () => {
				assert.ok(f.label.length > 0);
				assert.ok(fieldUnits.includes(f.unit));
				if (f.unit !== 'marker') assert.ok(f.printed.includes('#'), 'printed shows the value as #');
				assert.equal(sentenceEnds(f.summary), 1, `one sentence: ${f.summary}`);
				assert.ok(f.summary.endsWith('.'));
				assert.ok(f.since >= OLDEST_GO_MINOR && f.since <= LATEST_GO_MINOR);
				if (f.until !== undefined) assert.ok(f.until >= f.since && f.until < LATEST_GO_MINOR);
				let previous = 0;
				for (const change of f.changes) {
					assert.ok(change.go > previous, 'changes are oldest first');
					assert.equal(sentenceEnds(change.note), 1, `one sentence: ${change.note}`);
					previous = change.go;
				}
				assert.match(f.source, /^src\/(?:pkg\/)?runtime\//);
			});
		}
	});
}
