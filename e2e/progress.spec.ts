import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { axeViolations } from './axe.ts';

const DAY = 86_400_000;
const start = new Date('2026-12-01T09:00:00Z').getTime();

/** Answers the set's first numeric question wrong and returns the fields it counts against. */
async function answerWrong(page: Page, seed: string): Promise<string[]> {
	await page.goto(`/practice/?seed=${seed}&topics=gc&count=6`);
	const numeric = page
		.locator(`.practice-set[data-seed="${seed}"] .quiz-question[data-wired][data-type="numeric"]`)
		.first();
	await expect(numeric).toBeVisible();
	const data = JSON.parse((await numeric.locator('script.quiz-data').textContent())!) as {
		question: { fields: string[] };
	};
	await numeric.getByLabel('Your answer').fill('987654');
	await numeric.getByRole('button', { name: 'Check' }).click();
	await expect(numeric.locator('.quiz-feedback')).toContainText('✗ Not right.');
	return data.question.fields;
}

const row = (page: Page, key: string) => page.locator(`tr[data-field="${key}"]`);

test('a learner’s missed field shows on the progress page, comes due, and a review set asks about it', async ({
	page,
}) => {
	test.setTimeout(90_000);
	await page.clock.install({ time: start });
	await page.goto('/progress/');
	await expect(page.locator('.progress-summary')).toHaveText(/You have not answered any questions yet\./);
	await expect(page.locator('.progress-review')).toBeHidden();
	expect(await axeViolations(page)).toEqual([]);

	const fields = await answerWrong(page, 'progress-a');
	await page.goto('/progress/');
	const missed = fields.find((k) => k.startsWith('gctrace/'))!;
	await expect(row(page, missed).locator('.progress-standing')).toHaveText('✗ Missed recently (0 right, 1 wrong)');
	await expect(row(page, missed).locator('.progress-due')).toHaveText('Next review: due tomorrow');
	await expect(page.locator('.progress-summary')).toContainText(`You have met ${fields.length} fields.`);

	// Two days on, the field is due: the home page says so and the review set asks only about due fields.
	await page.clock.setSystemTime(start + 2 * DAY);
	await page.goto('/');
	await expect(page.locator('.review-due')).toContainText(/due for review today\. Review them now\./);
	await page.locator('.review-due').getByRole('link', { name: 'Review them now' }).click();
	await expect(page).toHaveURL(/\/practice\/\?review=1&seed=[a-z0-9]+/);
	await expect(page.locator('.practice-status')).toContainText(/^Review: \d+ fields? (is|are) due/);
	// The review set by its seed: until its lines arrive, the page's fixed set is still shown.
	const seed = new URL(page.url()).searchParams.get('seed');
	const questions = page.locator(`.practice-set[data-seed="${seed}"] .quiz-question[data-wired]`);
	await expect(questions.first()).toBeVisible();
	const asked = await questions.evaluateAll((els) =>
		els.map((el) => {
			const q = JSON.parse(el.querySelector('script.quiz-data')!.textContent!).question;
			return q.type === 'spot' ? [q.answer] : q.fields;
		}),
	);
	expect(asked.length).toBeGreaterThanOrEqual(5);
	for (const keys of asked.filter((k: string[]) => k.length)) {
		expect(
			keys.some((k: string) => fields.includes(k)),
			`asks about a due field: ${keys}`,
		).toBe(true);
	}
});

test('progress is exported, cleared only after asking, and imported back; a wrong file changes nothing', async ({
	page,
}, info) => {
	test.setTimeout(90_000);
	const fields = await answerWrong(page, 'progress-b');
	const key = fields[0];
	await page.goto('/progress/');
	await expect(row(page, key).locator('.progress-standing')).toContainText('Missed recently');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export progress' }).click();
	const file = info.outputPath((await download).suggestedFilename());
	await (await download).saveAs(file);
	expect((await download).suggestedFilename()).toMatch(/^godebug-explained-progress-\d{4}-\d{2}-\d{2}\.json$/);
	expect(JSON.parse(readFileSync(file, 'utf8')).quiz.fields[key].wrong).toBe(1);

	// Clearing asks first; keeping changes nothing.
	await page.getByRole('button', { name: 'Clear all progress…' }).click();
	await expect(page.getByRole('dialog', { name: 'Clear all progress?' })).toBeVisible();
	await page.getByRole('button', { name: 'Keep my progress' }).click();
	await expect(row(page, key).locator('.progress-standing')).toContainText('Missed recently');
	await page.getByRole('button', { name: 'Clear all progress…' }).click();
	await page.getByRole('button', { name: 'Clear everything' }).click();
	await expect(row(page, key).locator('.progress-standing')).toHaveText('○ Not met yet');
	await expect(page.locator('.progress-message')).toHaveText('All progress in this browser was cleared.');

	// A file that is not ours: a clear message, nothing changed.
	const wrong = info.outputPath('notes.json');
	writeFileSync(wrong, '{"hello": "world"}');
	await page.getByLabel('Import progress').setInputFiles(wrong);
	await expect(page.locator('.progress-message')).toContainText('This is not a GODEBUG Explained progress file');
	await expect(row(page, key).locator('.progress-standing')).toHaveText('○ Not met yet');

	await page.getByLabel('Import progress').setInputFiles(file);
	await expect(page.locator('.progress-message')).toContainText(
		/^Imported 1 answer, \d+ fields? and \d+ lessons? from the file/,
	);
	await expect(row(page, key).locator('.progress-standing')).toContainText('Missed recently');
	await page.reload();
	await expect(row(page, key).locator('.progress-standing')).toContainText('Missed recently');
});

test('corrupted storage: the progress page says so and still works', async ({ page }) => {
	await page.addInitScript(() => localStorage.setItem('godebug-explained:quiz', '{"version":1,"quizzes":'));
	await page.goto('/progress/');
	await expect(page.locator('.progress-message')).toContainText('damaged and could not be read');
	await expect(page.locator('.progress-summary')).toHaveText(/You have not answered any questions yet\./);
	await expect(page.getByRole('button', { name: 'Export progress' })).toBeVisible();
});
