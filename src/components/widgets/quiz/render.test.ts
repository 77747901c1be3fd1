import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLine, type ChoiceQuestion, type NumericQuestion, type SpotQuestion } from '../../../trace/index.ts';
import { renderQuestion, type QuestionPayload } from './render.ts';

const line =
	'SCHED 2013ms: gomaxprocs=1 idleprocs=0 threads=6 spinningthreads=0 needspinning=1 idlethreads=2 runqueue=1 [ 2 ] schedticks=[ 37480 ]';
const spot: SpotQuestion = {
	type: 'spot',
	id: 'global-queue',
	topic: 'scheduler',
	prompt: 'Choose the global run queue',
	explanation: 'runqueue= is global.',
	fields: ['schedtrace/runqueue'],
	line,
	answer: 'schedtrace/runqueue',
};
const opts = { number: 2, quizId: 'reading-schedtrace' };

/** Text content of markup, as a browser would show it (hidden helper text removed). */
function visibleText(html: string): string {
	return html
		.replace(/<span class="visually-hidden">.*?<\/span>/g, '')
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}

function payloadOf(html: string): QuestionPayload {
	const m = /<script type="application\/json" class="quiz-data">([\s\S]*?)<\/script>/.exec(html);
	assert.ok(m);
	return JSON.parse(m[1]);
}

describe('renderQuestion', () => {
	test('a spot question: every field of the line is a radio labelled with its own text, in line order', () => {
		const html = renderQuestion(spot, opts);
		const radios = [
			...html.matchAll(/<label class="quiz-tok"><input type="radio" name="([^"]+)" value="([^"]+)">([^<]*)</g),
		];
		const tokens = parseLine(line).tokens.filter((t) => t.key);
		assert.deepEqual(
			radios.map((r) => [r[2], r[3]]),
			tokens.map((t) => [t.key, t.text]),
		);
		assert.ok(radios.every((r) => r[1] === 'quiz-reading-schedtrace-global-queue'));
		const code = /<code class="trace-code quiz-spot">([\s\S]*?)<\/code>/.exec(html)![1];
		assert.equal(visibleText(code), line, 'the line reads exactly as captured');
	});

	test('a spot question on a line with a field printed empty offers every field with text, and the line reads as printed', () => {
		// Real, Go 1.26 (scheddetail/go1.26-p2-load.txt line 4).
		const m =
			'  M4: p=nil curg=nil mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=true lockedg=nil';
		const html = renderQuestion(
			{ ...spot, topic: 'detail', line: m, answer: 'scheddetail/m-locks', fields: ['scheddetail/m-locks'] },
			opts,
		);
		const radios = [
			...html.matchAll(/<label class="quiz-tok"><input type="radio" name="[^"]+" value="([^"]+)">([^<]*)</g),
		];
		const printed = parseLine(m).tokens.filter((t) => t.key && t.text !== '');
		assert.deepEqual(
			radios.map((r) => [r[1], r[2]]),
			printed.map((t) => [t.key, t.text]),
		);
		assert.ok(!radios.some((r) => r[1] === 'scheddetail/m-preemptoff'), 'no radio without text to click');
		assert.ok(html.includes(' (part 6 of 10, after “locks=”)'), 'the count of choices leaves it out');
		const code = /<code class="trace-code quiz-spot">([\s\S]*?)<\/code>/.exec(html)![1];
		assert.equal(visibleText(code), m);
	});

	test('a question is a fieldset whose legend has the number and prompt, with the answer in a native disclosure', () => {
		const html = renderQuestion(spot, opts);
		assert.match(
			html,
			/<fieldset><legend><span class="quiz-number">Question 2\.<\/span> Choose the global run queue<\/legend>/,
		);
		assert.match(
			html,
			/<details class="quiz-answer"><summary>Show the answer<\/summary><p><strong>Answer:<\/strong> “1”: Global run queue<\/p>/,
		);
		assert.match(html, /<a href="\/reference\/schedtrace\/runqueue\/">Global run queue<\/a>/);
		assert.match(html, /<div class="quiz-feedback" role="status" aria-live="polite" data-script-output><\/div>/);
		assert.match(
			html,
			/<div class="quiz-actions" hidden data-script-output><button type="button" class="button button-primary quiz-check">Check<\/button>/,
		);
	});

	test('choice and numeric controls', () => {
		const choice: ChoiceQuestion = {
			type: 'choice',
			id: 'c',
			topic: 'gc',
			prompt: 'Why?',
			explanation: 'Because.',
			fields: [],
			options: [
				{ id: 'a', text: 'First' },
				{ id: 'b', text: 'Second' },
			],
			answer: 'b',
		};
		const c = renderQuestion(choice, opts);
		assert.match(
			c,
			/<li><label><input type="radio" name="quiz-reading-schedtrace-c" value="a"> <span>First<\/span><\/label><\/li>/,
		);
		assert.match(c, /<strong>Answer:<\/strong> Second<\/p>/);
		const numeric: NumericQuestion = { ...spot, type: 'numeric', id: 'n', answer: 3, unit: 'goroutines', tolerance: 0 };
		const n = renderQuestion(numeric, opts);
		assert.match(
			n,
			/<label for="quiz-reading-schedtrace-n-input">Your answer<\/label> <input type="text" inputmode="decimal"[^>]* id="quiz-reading-schedtrace-n-input"[^>]* aria-describedby="quiz-reading-schedtrace-n-unit">/,
		);
		assert.match(n, /<strong>Answer:<\/strong> 3 goroutines<\/p>/);
		assert.match(n, /<code class="trace-code">SCHED 2013ms:/);
	});

	test('everything is escaped, and the data script cannot be closed early', () => {
		const nasty: ChoiceQuestion = {
			type: 'choice',
			id: 'x',
			topic: 'gc',
			prompt: '<img src=x onerror=alert(1)> & "q"',
			explanation: '</script><script>alert(2)</script>',
			fields: [],
			options: [
				{ id: 'a"b', text: '<b>bold</b>' },
				{ id: 'b', text: 'ok' },
			],
			answer: 'b',
		};
		const html = renderQuestion(nasty, opts);
		assert.doesNotMatch(html, /<img|<b>bold|<script>alert/);
		assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;q&quot;/);
		assert.match(html, /value="a&quot;b"/);
		assert.equal(html.match(/<\/script>/g)!.length, 1);
		assert.deepEqual(payloadOf(html).question, nasty);
	});

	test('the data script carries the question, the labels feedback needs and the answer in words', () => {
		const p = payloadOf(renderQuestion(spot, opts));
		assert.deepEqual(p.question, spot);
		assert.equal(p.labels['schedtrace/runqueue'], 'Global run queue');
		assert.equal(p.labels['schedtrace/threads'], 'Threads');
		assert.equal(p.answer, '“1”: Global run queue');
	});
});
