import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const reader = fileURLToPath(new URL('../src/present/lms-export-read.py', import.meta.url));

interface ReadBack {
	questions: { prompt: string; line: string | null; kind: string; options?: { correct: boolean }[] }[];
	problems: string[];
	files?: string[];
}

/** Clicks a download button and reads the file back with Python's XML parser and zip reader. */
async function downloadAndRead(page: Page, button: string, name: RegExp): Promise<{ back: ReadBack; path: string }> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click(),
	]);
	expect(download.suggestedFilename()).toMatch(name);
	const path = `${await download.path()}${name.source.includes('zip') ? '.zip' : '.xml'}`;
	await download.saveAs(path);
	const back = JSON.parse(execFileSync('python3', [reader, path], { encoding: 'utf8' })) as ReadBack;
	return { back, path };
}

/** Prompts as the page shows them (code marks dropped, as in the files' text). */
async function promptsOn(page: Page, scope: string): Promise<string[]> {
	return page
		.locator(`${scope} .quiz-question legend`)
		.evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/^\s*Question \d+\.\s*/, '').trim()));
}

test('the teach page downloads its practice set for Moodle and as a QTI package, the same questions the class gets', async ({
	page,
}) => {
	await page.goto('/teach/');
	await page.getByLabel('Seed').fill('room-12');
	await page.getByLabel('detailed scheduler dump (scheddetail)').check();
	await page.getByLabel('Number of questions').fill('6');

	const moodle = await downloadAndRead(page, 'Download for Moodle (XML)', /^godebug-room-12-moodle\.xml$/);
	expect(moodle.back.problems).toEqual([]);
	// The browser's own XML parser agrees the file is well-formed.
	const xml = readFileSync(moodle.path, 'utf8');
	expect(
		await page.evaluate(
			(text) =>
				new DOMParser().parseFromString(text, 'application/xml').querySelector('parsererror')?.textContent ?? '',
			xml,
		),
	).toBe('');
	await expect(page.locator('.teach-export-status')).toContainText('Downloaded godebug-room-12-moodle.xml');

	const qti = await downloadAndRead(page, 'Download QTI 2.1 package', /^godebug-room-12-qti21\.zip$/);
	expect(qti.back.problems).toEqual([]);
	expect(qti.back.files).toContain('imsmanifest.xml');
	expect(execFileSync('unzip', ['-t', qti.path], { encoding: 'utf8' })).toMatch(/No errors detected/);

	await page.goto('/practice/?seed=room-12&topics=scheduler,gc,detail&count=6');
	await expect(page.locator('.practice-set[data-seed="room-12"] .quiz-question[data-wired]').first()).toBeVisible();
	const shown = await promptsOn(page, '.practice-set');
	expect(shown).toHaveLength(6);
	expect(moodle.back.questions.map((q) => q.prompt)).toEqual(shown);
	expect(qti.back.questions.map((q) => q.prompt)).toEqual(shown);
	for (const q of qti.back.questions) {
		if (q.kind === 'choice') expect(q.options!.filter((o) => o.correct)).toHaveLength(1);
	}
});

test('a lesson’s quiz downloads with its questions and real lines', async ({ page }) => {
	await page.goto('/teach/');
	await page.getByLabel('Lesson', { exact: true }).selectOption('reading-schedtrace');
	await expect(page.getByLabel('A lesson’s quiz')).toBeChecked();
	const moodle = await downloadAndRead(page, 'Download for Moodle (XML)', /^godebug-lesson-3-moodle\.xml$/);
	const qti = await downloadAndRead(page, 'Download QTI 2.1 package', /^godebug-lesson-3-qti21\.zip$/);
	expect(qti.back.problems).toEqual([]);

	await page.goto('/lessons/reading-schedtrace/');
	const shown = await promptsOn(page, 'trace-quiz');
	expect(shown.length).toBeGreaterThanOrEqual(3);
	expect(moodle.back.questions.map((q) => q.prompt)).toEqual(shown);
	expect(qti.back.questions.map((q) => q.prompt)).toEqual(shown);
	const lines = await page.locator('trace-quiz .quiz-question .quiz-line').allTextContents();
	expect(lines.length).toBeGreaterThan(0);
	for (const line of moodle.back.questions.map((q) => q.line).filter(Boolean)) {
		expect(lines.some((shownLine) => shownLine.replace(/\s+/g, ' ').includes(line!.replace(/\s+/g, ' ')))).toBe(true);
	}
});

test('without JavaScript the page says what the downloads need', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/teach/');
	await expect(page.getByText('so the downloads need JavaScript')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Download for Moodle (XML)' })).toBeHidden();
	await context.close();
});
