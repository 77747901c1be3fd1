import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';

// The quiz at the end of "Reading a schedtrace line": 1 spot the field, 2 numeric,
// 3 and 4 multiple choice.
const lesson = '/lessons/reading-schedtrace/';
const KEY = 'godebug-explained:quiz';

function question(page: Page, n: number): Locator {
	return page.locator('trace-quiz .quiz-question').nth(n - 1);
}

async function tabUntil(page: Page, target: Locator): Promise<void> {
	for (let presses = 0; !(await target.evaluate((el) => el === document.activeElement)); presses++) {
		expect(presses, 'reachable with Tab').toBeLessThan(200);
		await page.keyboard.press('Tab');
	}
}

test.beforeEach(async ({ page }) => {
	await page.goto(lesson);
	await expect(page.locator('trace-quiz .quiz-score')).toHaveText('4 questions, none answered yet.');
});

test('answering right and wrong with the pointer: feedback in a live region, retry, score', async ({ page }) => {
	const q1 = question(page, 1);
	const feedback = q1.locator('.quiz-feedback');
	await expect(feedback).toHaveAttribute('role', 'status');
	await expect(feedback).toHaveAttribute('aria-live', 'polite');

	// Checking with nothing chosen is not an attempt.
	await q1.getByRole('button', { name: 'Check' }).click();
	await expect(feedback).toContainText('Choose the part of the line that answers the question first.');
	await expect(page.locator('.quiz-score')).toHaveText('4 questions, none answered yet.');

	await q1.locator('label.quiz-tok', { hasText: '2013' }).click();
	await q1.getByRole('button', { name: 'Check' }).click();
	await expect(feedback).toContainText('✗ Not right. You chose “Elapsed time”.');
	await expect(feedback.getByRole('link', { name: 'Elapsed time' })).toHaveAttribute(
		'href',
		'/reference/schedtrace/elapsed/',
	);
	await expect(page.locator('.quiz-score')).toHaveText('0 of 4 right (1 answered).');

	await q1.getByRole('button', { name: 'Try again' }).click();
	await expect(feedback).toBeEmpty();
	await expect(q1.locator('input:checked')).toHaveCount(0);

	await q1.getByRole('radio', { name: /^1 \(part 8 of 10, after “runqueue=”\)/ }).check({ force: true });
	await q1.getByRole('button', { name: 'Check' }).click();
	await expect(feedback).toContainText('✓ Right.');
	await expect(feedback.getByRole('link', { name: 'Global run queue' })).toHaveAttribute(
		'href',
		'/reference/schedtrace/runqueue/',
	);
	await expect(page.locator('.quiz-score')).toHaveText('1 of 4 right (1 answered).');

	const q3 = question(page, 3);
	await q3.getByLabel('Every OS thread is busy.').check();
	await q3.getByRole('button', { name: 'Check' }).click();
	await expect(q3.locator('.quiz-feedback')).toContainText('✗ Not right. You chose “Every OS thread is busy”.');
	await expect(page.locator('.quiz-score')).toHaveText('1 of 4 right (2 answered).');
});

test('answering with the keyboard alone', async ({ page }) => {
	const q1 = question(page, 1);
	// Tab into the line's radio group, arrow along the line to runqueue=, Tab to Check.
	await tabUntil(page, q1.locator('input[type="radio"]').first());
	for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
	await expect(q1.locator('input:checked')).toHaveValue('schedtrace/runqueue');
	await tabUntil(page, q1.getByRole('button', { name: 'Check' }));
	await page.keyboard.press('Enter');
	await expect(q1.locator('.quiz-feedback')).toContainText('✓ Right.');

	// Numeric: type into the field and press Enter.
	const q2 = question(page, 2);
	await tabUntil(page, q2.getByLabel('Your answer'));
	await page.keyboard.type('1,024');
	await page.keyboard.press('Enter');
	await expect(q2.locator('.quiz-feedback')).toContainText('could mean 1024 or 1.024');
	await page.keyboard.press('Control+A');
	await page.keyboard.type('2');
	await page.keyboard.press('Enter');
	await expect(q2.locator('.quiz-feedback')).toContainText('✗ Not right. You answered 2.');
	await page.keyboard.press('Control+A');
	await page.keyboard.type('3 goroutines');
	await page.keyboard.press('Enter');
	await expect(q2.locator('.quiz-feedback')).toContainText('✓ Right.');
	await expect(q2.locator('.quiz-feedback')).toContainText('From this line: 1 + 2 = 3 goroutines.');

	// Multiple choice: arrows choose within the group, Space presses Check.
	const q4 = question(page, 4);
	await tabUntil(page, q4.locator('input[type="radio"]').first());
	await page.keyboard.press('ArrowDown');
	await expect(q4.locator('input:checked')).toHaveValue('first');
	await tabUntil(page, q4.getByRole('button', { name: 'Check' }));
	await page.keyboard.press('Space');
	await expect(q4.locator('.quiz-feedback')).toContainText('✓ Right.');
	await expect(page.locator('.quiz-score')).toHaveText('3 of 4 right (3 answered).');

	// The answer opens from its summary with the keyboard.
	const q3 = question(page, 3);
	await tabUntil(page, q3.locator('summary'));
	await page.keyboard.press('Enter');
	await expect(q3.locator('details')).toHaveAttribute('open', '');
	await expect(q3.locator('details')).toContainText('Answer: No P is on the idle list');
});

test('progress survives a reload, and resetting the quiz clears it', async ({ page }) => {
	const q1 = question(page, 1);
	await q1.getByRole('radio', { name: /after “runqueue=”/ }).check({ force: true });
	await q1.getByRole('button', { name: 'Check' }).click();
	const q2 = question(page, 2);
	await q2.getByLabel('Your answer').fill('4');
	await q2.getByRole('button', { name: 'Check' }).click();
	await expect(page.locator('.quiz-score')).toHaveText('1 of 4 right (2 answered).');

	await page.reload();
	await expect(page.locator('.quiz-score')).toHaveText('1 of 4 right (2 answered).');
	await expect(q1.locator('input:checked')).toHaveValue('schedtrace/runqueue');
	await expect(q1.locator('.quiz-feedback')).toContainText('✓ Right.');
	await expect(q2.getByLabel('Your answer')).toHaveValue('4');
	await expect(q2.locator('.quiz-feedback')).toContainText('✗ Not right. You answered 4.');

	await page.getByRole('button', { name: 'Reset this quiz' }).click();
	await expect(page.locator('.quiz-score')).toHaveText('4 questions, none answered yet.');
	await expect(page.locator('.quiz-notice')).toHaveText('This quiz was reset.');
	await expect(q1.locator('input:checked')).toHaveCount(0);
	await expect(q2.getByLabel('Your answer')).toHaveValue('');
	await expect(page.locator('.quiz-feedback:not(:empty)')).toHaveCount(0);
	await page.reload();
	await expect(page.locator('.quiz-score')).toHaveText('4 questions, none answered yet.');
	const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), KEY);
	expect(saved.quizzes['reading-schedtrace']).toBeUndefined();
	// A wrong answer counted against its field, and resetting one quiz keeps that.
	expect(saved.missed['schedtrace/runqueue']).toBe(1);
});

test('damaged storage gives a quiet notice, keeps the damaged value, and the quiz still works', async ({ page }) => {
	await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"quizzes":'), KEY);
	await page.reload();
	await expect(page.locator('.quiz-notice')).toHaveText(/Saved quiz answers were damaged and could not be read/);
	expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe('{"version":1,"quizzes":');
	const q4 = question(page, 4);
	await q4.getByLabel('Since the first schedtrace line', { exact: false }).check();
	await q4.getByRole('button', { name: 'Check' }).click();
	await expect(q4.locator('.quiz-feedback')).toContainText('✓ Right.');
	await expect(page.locator('.quiz-score')).toHaveText('1 of 4 right (1 answered).');
});

test('with JavaScript off, every question reads and its answer opens from the summary', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(lesson);
	const questions = page.locator('.quiz-question');
	await expect(questions).toHaveCount(4);
	await expect(page.getByRole('group', { name: /Question 1\. In this Go 1\.26 line, choose/ })).toBeVisible();
	// Buttons that need a script are hidden without one.
	await expect(page.locator('.quiz-check')).toHaveCount(4);
	for (const button of await page.locator('.quiz-check').all()) await expect(button).toBeHidden();
	await expect(page.locator('.quiz-reset')).toBeHidden();
	await expect(page.getByRole('radio', { name: /^1 \(part 8 of 10, after “runqueue=”\)$/ })).toHaveCount(1);
	const q2 = questions.nth(1);
	await expect(q2.locator('details')).not.toHaveAttribute('open', '');
	await q2.getByText('Show the answer').click();
	await expect(q2.locator('details')).toContainText('Answer: 3 goroutines');
	await expect(q2.locator('details').getByRole('link', { name: 'Global run queue' })).toBeVisible();
	await context.close();
});

test('every lesson has a quiz with at least three questions that checks answers', async ({ page }) => {
	await page.goto('/lessons/');
	const hrefs = await page
		.locator('a[data-lesson-link]')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
	expect(hrefs).toHaveLength(17);
	for (const href of hrefs) {
		await page.goto(href);
		const count = await page.locator('trace-quiz .quiz-question').count();
		expect(count, `${href} has a quiz`).toBeGreaterThanOrEqual(3);
		const first = page.locator('trace-quiz .quiz-question').first();
		await first.locator('summary', { hasText: 'Show the answer' }).click();
		await expect(first.locator('details')).toContainText('Answer:');
		await expect(page.locator('trace-quiz .quiz-score')).toHaveText(`${count} questions, none answered yet.`);
	}
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe finds nothing in an answered quiz (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await page.reload();
		const q1 = question(page, 1);
		await q1.getByRole('radio', { name: /after “runqueue=”/ }).check({ force: true });
		await q1.getByRole('button', { name: 'Check' }).click();
		const q2 = question(page, 2);
		await q2.getByLabel('Your answer').fill('5');
		await q2.getByRole('button', { name: 'Check' }).click();
		const q3 = question(page, 3);
		await q3.getByRole('button', { name: 'Check' }).click();
		await q3.locator('summary').click();
		await expect(q3.locator('.quiz-feedback')).toContainText('Choose one of the answers first.');
		expect(await axeViolations(page, { include: 'section.quiz' })).toEqual([]);
	});
}
