import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { generatePractice, sampleCandidateLines, type Question } from '../../../trace/index.ts';
import { answerText } from '../quiz/render.ts';
import { practiceQuizId, practiceSetHtml, worksheetHtml } from './practice-html.ts';

const root = new URL('../../../../content/traces/', import.meta.url);
const lines = sampleCandidateLines(
	readdirSync(root, { recursive: true })
		.map(String)
		.filter((f) => f.endsWith('.txt'))
		.map((file) => ({ file, text: readFileSync(new URL(file, root), 'utf8') })),
	8,
);
const set = { seed: 'class-7b', topics: ['scheduler', 'gc', 'pacer', 'detail'] as const, count: 12 };
const questions = generatePractice({ ...set, topics: [...set.topics], lines });
const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;

describe('worksheetHtml', () => {
	const html = worksheetHtml({ ...set, topics: [...set.topics] }, questions);
	const [sheet, key] = html.split('<section class="ws-key"');

	test('numbers every question on the sheet and answers every one in the key, in order', () => {
		assert.equal(count(sheet, /<li class="ws-question">/g), 12);
		const keyItems = key.split('<li>').slice(1);
		assert.equal(keyItems.length, 12);
		questions.forEach((q, i) => {
			const escaped = answerText(q)
				.replace(/&/g, '&amp;')
				.replace(/</g, '&lt;')
				.replace(/>/g, '&gt;')
				.replace(/"/g, '&quot;');
			assert.ok(keyItems[i].includes(escaped), `answer ${i + 1} is ${answerText(q)}`);
		});
	});

	test('the question sheet gives no answer away', () => {
		for (const q of questions) {
			if (q.type === 'numeric') assert.ok(!sheet.includes(`>${q.answer}<`));
			assert.ok(!sheet.includes(q.explanation.replace(/&/g, '&amp;')));
		}
	});

	test('text is escaped, never markup', () => {
		const evil: Question = {
			id: 'x',
			topic: 'gc',
			type: 'numeric',
			prompt: 'What is <img src=x onerror=alert(1)>?',
			explanation: '<b>bold</b>',
			fields: [],
			line: 'gc 1 <script>alert(1)</script>',
			answer: 1,
			unit: '<ms>',
			tolerance: 0,
		};
		const out = worksheetHtml({ seed: '<s>', topics: ['gc'], count: 1 }, [evil]);
		assert.ok(!/<(img|script|b|s|ms)[\s>]/.test(out), out);
	});
});

describe('practiceSetHtml', () => {
	test('one trace-quiz per set, its id naming the seed, topics, count and focus', () => {
		const html = practiceSetHtml({ ...set, topics: [...set.topics] }, questions);
		assert.equal(count(html, /<trace-quiz /g), 1);
		assert.equal(count(html, /class="quiz-question"/g), 12);
		assert.ok(html.includes('data-quiz-id="practice-class-7b-scheduler.gc.pacer.detail-12"'));
		const focused = practiceQuizId({ ...set, topics: [...set.topics], weights: { 'gctrace/heap-goal': 2 } });
		assert.notEqual(focused, practiceQuizId({ ...set, topics: [...set.topics] }));
		assert.notEqual(focused, practiceQuizId({ ...set, topics: [...set.topics], weights: { 'gctrace/heap-goal': 3 } }));
	});
});
