import { expect, test, type Browser } from '@playwright/test';
import { axeViolations } from './axe.ts';

const query = '?seed=hand-in-1&topics=scheduler,gc&count=4';

/**
 * One learner answers the set (the `pick`-th choice, or `typed` for numbers), makes a hand-in
 * code, and reports what the page said of each answer.
 */
async function learner(browser: Browser, pick: number, typed: string): Promise<{ code: string; verdicts: string[] }> {
	const context = await browser.newContext();
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const page = await context.newPage();
	await page.goto(`/practice/${query}`);
	const questions = page.locator('.practice-set[data-seed="hand-in-1"] .quiz-question[data-wired]');
	await expect(questions).toHaveCount(4);
	const verdicts: string[] = [];
	for (const question of await questions.all()) {
		const type = await question.getAttribute('data-type');
		if (type === 'numeric') await question.locator('input[type="text"]').fill(typed);
		else await question.locator('input[type="radio"]').nth(pick).check({ force: true });
		await question.getByRole('button', { name: 'Check' }).click();
		await expect(question).toHaveAttribute('data-state', /right|wrong/);
		verdicts.push((await question.getAttribute('data-state'))!);
	}
	await page.getByRole('button', { name: 'Make my hand-in code' }).click();
	await expect(page.locator('.hand-in-status')).toHaveText(/answers to 4 of 4 questions/);
	const code = await page.getByLabel('Your hand-in code').inputValue();
	expect(code).toMatch(/^GDX1\.[A-Za-z0-9_-]+\.[0-9a-z]+$/);
	await page.getByRole('button', { name: 'Copy the code' }).click();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
	await context.close();
	return { code, verdicts };
}

test('two learners hand in codes; the teacher pastes them and reads the class’s table', async ({ browser, page }) => {
	test.setTimeout(60_000);
	const first = await learner(browser, 0, '1');
	const second = await learner(browser, 1, '2');

	await page.goto('/teach/');
	const damaged = `${first.code.slice(0, 20)}x${first.code.slice(21)}`;
	await page
		.getByLabel('Hand-in codes')
		.fill(`${first.code}\n${second.code}\nnot-a-code\n${damaged}\n${first.code.replace('GDX1', 'GDX9')}`);
	await page.getByRole('button', { name: 'Show the class’s answers' }).click();
	await expect(page.locator('.class-summary')).toHaveText('2 codes counted, 3 not counted.');
	const problems = page.locator('.class-problems li');
	await expect(problems).toHaveCount(3);
	await expect(problems.nth(0)).toContainText('not a hand-in code from this site');
	await expect(problems.nth(1)).toContainText('damaged');
	await expect(problems.nth(2)).toContainText('newer version of the site');

	await expect(page.getByRole('heading', { name: 'Set “hand-in-1”: 2 learners' })).toBeVisible();
	const rows = page.locator('.class-table tbody tr');
	await expect(rows).toHaveCount(4);
	// The table's counts are what each learner's own page said, checked again from the seed.
	for (let i = 0; i < 4; i++) {
		const right = [first, second].filter((l) => l.verdicts[i] === 'right').length;
		await expect(rows.nth(i).locator('.class-right')).toHaveText(`${right} of 2`);
		const wrongCount = await rows.nth(i).locator('.class-wrong .class-count').allTextContents();
		expect(wrongCount.reduce((n, t) => n + Number(t.replace(/\D/g, '')), 0)).toBe(2 - right);
	}
	if (first.verdicts.includes('wrong') || second.verdicts.includes('wrong')) {
		await expect(page.getByRole('heading', { name: 'Fields this class finds hard' })).toBeVisible();
		await expect(page.locator('.class-set ul').last().locator('li').first()).toContainText(/wrong of \d+ answers/);
	}
});

test('axe finds nothing on the class report and the hand-in code, in both schemes', async ({ browser, page }) => {
	test.setTimeout(90_000);
	const { code } = await learner(browser, 0, '1');
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await page.goto('/teach/');
		await page.getByLabel('Hand-in codes').fill(`${code}\nnot-a-code`);
		await page.getByRole('button', { name: 'Show the class’s answers' }).click();
		await expect(page.locator('.class-table')).toBeVisible();
		expect(await axeViolations(page, { include: '.class-answers' }), `teach, ${colorScheme}`).toEqual([]);
		await page.goto(`/practice/${query}`);
		await expect(page.locator('.practice-set[data-seed="hand-in-1"] .quiz-question[data-wired]').first()).toBeVisible();
		await page.getByRole('button', { name: 'Make my hand-in code' }).click();
		expect(await axeViolations(page, { include: '.hand-in' }), `practice, ${colorScheme}`).toEqual([]);
	}
});

test('without JavaScript both pages say the codes need it', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/practice/${query}`);
	await expect(page.getByText('Making a code needs JavaScript.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Make my hand-in code' })).toBeHidden();
	await page.goto('/teach/');
	await expect(page.getByText('Reading the codes needs JavaScript; nothing is uploaded.')).toBeVisible();
	await context.close();
});
