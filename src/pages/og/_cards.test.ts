/**
 * The layered trace line on field cards only works if every layer draws the same rows and columns:
 * these check the rows the layers are made of, on a real captured line.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseLine } from '../../trace/index.ts';
import { layerRows, wrapColumns } from './_cards.ts';

const line = readFileSync(
	new URL('../../../content/traces/schedtrace/go1.26-p2-leak.txt', import.meta.url),
	'utf8',
).split('\n')[10];
const token = parseLine(line).tokens.find((t) => t.key === 'schedtrace/local-runqueues')!;

test('rows break after spaces, fit the columns and keep every character', () => {
	const starts = wrapColumns(line, 74);
	assert.ok(starts.length > 1, 'a schedtrace line is longer than one row');
	starts.forEach((start, i) => {
		const end = starts[i + 1] ?? line.length;
		assert.ok(end - start <= 74, `row ${i} is ${end - start} columns`);
		if (i > 0) assert.equal(line[start - 1], ' ', `row ${i} starts after a space`);
	});
	assert.equal(starts[0], 0);
});

test('the line layer and the field layer put each character in the same row and column', () => {
	const inField = (o: number) => o >= token.start && o < token.end;
	const whole = layerRows(line, token, (o) => line[o]).split('\n');
	const field = layerRows(
		line,
		token,
		(o) => (inField(o) ? line[o] : ' '),
		(o) => (inField(o) ? '▔' : ' '),
	).split('\n');
	assert.equal(whole.length, field.length);
	// Row by row, the field layer shows exactly the field's characters where the line layer has them.
	const marked = field.flatMap((row, r) =>
		[...row].flatMap((ch, c) => (ch !== ' ' && ch !== '\u00a0' && ch !== '▔' ? [[r, c, ch]] : [])),
	);
	assert.equal(marked.map(([, , ch]) => ch).join(''), line.slice(token.start, token.end).replaceAll(' ', ''));
	for (const [r, c, ch] of marked) assert.equal(whole[r as number][c as number], ch);
	// The bar sits in the row right under the field, under its columns only.
	const barRow = field.findIndex((row) => row.includes('▔'));
	assert.ok(barRow > 0 && whole[barRow] === '\u00a0', 'the line layer leaves the bar row empty');
	const barColumns = [...field[barRow]].flatMap((ch, c) => (ch === '▔' ? [c] : []));
	const fieldColumns = marked.filter(([r]) => r === barRow - 1).map(([, c]) => c);
	assert.ok(fieldColumns.every((c) => barColumns.includes(c as number)));
});
