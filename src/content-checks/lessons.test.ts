// Lessons point at real captures instead of pasting runtime output. This checks every such
// reference resolves and parses, every listed field exists, and every field is taught somewhere.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { movedLessons } from '../present/urls.ts';
import { allFields, isFieldKey, measure, parseLine } from '../trace/index.ts';
import { readFrontmatter } from './frontmatter.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const lessonsDir = path.join(root, 'content', 'lessons');
const tracesDir = path.join(root, 'content', 'traces');

const lessonFiles = existsSync(lessonsDir)
	? readdirSync(lessonsDir)
			.filter((d) => /^\d\d-[a-z0-9-]+$/.test(d))
			.sort()
			.map((d) => path.join(lessonsDir, d, 'index.mdx'))
	: [];

function captureLines(file: string): string[] {
	const full = path.join(tracesDir, file);
	assert.ok(existsSync(full), `capture ${file} exists`);
	return readFileSync(full, 'utf8').replace(/\n$/, '').split('\n');
}

/** Attributes of every `<Name …>` tag in MDX source, as raw strings (`"x"` or `{12}`); bare ones as `''`. */
function tags(source: string, name: string): Record<string, string>[] {
	// Attribute values may contain `>` (`4->4->0 MB`), so the tag is read attribute by attribute.
	const attribute = /\s+(\w+)(?:=(?:"([^"]*)"|\{([^}]*)\}))?/y;
	const out: Record<string, string>[] = [];
	for (const match of source.matchAll(new RegExp(`<${name}\\b`, 'g'))) {
		const values: Record<string, string> = {};
		attribute.lastIndex = match.index + match[0].length;
		for (let m = attribute.exec(source); m; m = attribute.exec(source)) values[m[1]] = m[2] ?? m[3] ?? '';
		out.push(values);
	}
	return out;
}

test('the lessons are numbered folders 01 to 17, each with an index.mdx', () => {
	assert.equal(lessonFiles.length, 17);
	lessonFiles.forEach((f, i) => {
		assert.ok(existsSync(f), `${f} exists`);
		assert.ok(path.basename(path.dirname(f)).startsWith(String(i + 1).padStart(2, '0')));
	});
});

test("a moved lesson's old address leads to a lesson that exists, and no lesson uses it", () => {
	const slugs = new Set(lessonFiles.map((f) => path.basename(path.dirname(f)).replace(/^\d+-/, '')));
	for (const [from, to] of Object.entries(movedLessons)) {
		assert.ok(!slugs.has(from), `${from} is a lesson again: take it out of movedLessons`);
		assert.ok(slugs.has(to), `${from} moved to ${to}, which is a lesson`);
	}
});

describe('lesson content', () => {
	for (const file of lessonFiles.filter((f) => existsSync(f))) {
		const name = path.relative(lessonsDir, file);
		test(name, () => {
			const { data, body } = readFrontmatter(file);
			assert.equal(typeof data.title, 'string');
			assert.equal(typeof data.description, 'string');
			for (const key of (data.fields as string[] | undefined) ?? []) assert.ok(isFieldKey(key), `field ${key} exists`);
			for (const t of tags(body, 'TraceLine')) {
				const line = t.capture !== undefined ? captureLines(t.capture)[Number(t.lineNo) - 1] : t.line;
				assert.ok(line !== undefined, `TraceLine ${JSON.stringify(t)} names a line that exists`);
				const parsed = parseLine(line);
				// A lesson may show a malformed line on purpose (the tutorial's [4 4]); it must say so.
				if (t.expectProblem === undefined) assert.equal(parsed.problem, null, `${line} parses`);
				if (t.focus)
					assert.ok(
						parsed.tokens.some((tok) => tok.key === t.focus),
						`${line} prints ${t.focus}`,
					);
			}
			for (const t of tags(body, 'TraceExcerpt')) {
				const lines = captureLines(t.capture);
				const from = Number(t.from);
				const to = Number(t.to);
				assert.ok(from >= 1 && to >= from && to <= lines.length, `${t.capture} has lines ${from}-${to}`);
				for (const line of lines.slice(from - 1, to)) assert.equal(parseLine(line).problem, null, line);
			}
			for (const t of tags(body, 'FieldRef')) {
				assert.ok(isFieldKey(t.field), `field ${t.field} exists`);
			}
			for (const t of tags(body, 'SourceFile')) assert.ok(existsSync(path.join(root, t.path)), `${t.path} exists`);
			for (const [, href] of body.matchAll(/\]\((\/reference\/[^)#]*)/g)) {
				const linked = href.replace(/^\/reference\//, '').replace(/\/$/, '');
				assert.ok(linked.split('/').length !== 2 || isFieldKey(linked), `link ${href} names a field that exists`);
			}
		});
	}
});

test('every catalogue field is taught by at least one lesson', () => {
	const taught = new Set(
		lessonFiles.filter(existsSync).flatMap((f) => (readFrontmatter(f).data.fields as string[]) ?? []),
	);
	assert.deepEqual(
		allFields.map((f) => f.key).filter((k) => !taught.has(k)),
		[],
	);
});

describe('every lesson ends with a quiz of at least three questions on real lines', () => {
	const quizIds = new Set<string>();
	for (const file of lessonFiles.filter((f) => existsSync(f))) {
		test(path.relative(lessonsDir, file), () => {
			const { body } = readFrontmatter(file);
			const quizzes = tags(body, 'Quiz');
			assert.equal(quizzes.length, 1, 'one <Quiz> per lesson');
			assert.match(body.trimEnd(), /<\/Quiz>$/, 'the quiz is the last thing in the lesson');
			const id = quizzes[0].id;
			assert.ok(id && !quizIds.has(id), `quiz id "${id}" is unique across lessons`);
			quizIds.add(id);
			const quiz = body.slice(body.indexOf('<Quiz'));
			const spots = tags(quiz, 'SpotField');
			const numerics = tags(quiz, 'Numeric');
			const choices = tags(quiz, 'Choice');
			assert.ok(spots.length + numerics.length + choices.length >= 3, 'at least three questions');
			for (const t of spots) {
				const line = captureLines(t.capture)[Number(t.lineNo) - 1];
				assert.ok(
					parseLine(line).tokens.some((tok) => tok.key === t.answer),
					`${t.capture}:${t.lineNo} prints ${t.answer}`,
				);
			}
			for (const t of numerics) {
				const result = measure(t.measure, captureLines(t.capture)[Number(t.lineNo) - 1]);
				assert.ok(result.ok, result.ok ? '' : `${t.id}: ${result.message}`);
			}
			// Lessons that show real lines ask about them: at least one spot or numeric question.
			if (tags(body, 'TraceLine').length + tags(body, 'TraceExcerpt').length > 0) {
				assert.ok(spots.length + numerics.length > 0, 'a lesson with real lines asks about one');
			}
		});
	}
});
