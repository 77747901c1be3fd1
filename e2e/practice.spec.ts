import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { axeViolations } from './axe.ts';

const allTopics = 'scheduler,gc,pacer,detail';

/** Opens a practice address and waits until the script has made that set. */
async function openSet(page: Page, query: string, seed: string): Promise<void> {
	await page.goto(`/practice/${query}`);
	await expect(page.locator(`.practice-set[data-seed="${seed}"] .quiz-question[data-wired]`).first()).toBeVisible();
}

/** The questions as a reader sees them: prompt and line. */
async function questionsShown(page: Page): Promise<string[]> {
	return page
		.locator('.practice-set .quiz-question')
		.evaluateAll((els) =>
			els.map(
				(el) =>
					`${el.querySelector('legend')?.textContent?.trim()} | ${el.querySelector('.quiz-line')?.textContent ?? ''}`,
			),
		);
}

/** The right answer in words, from the question's own "Show the answer". */
async function revealedAnswer(question: Locator): Promise<string> {
	await question.getByText('Show the answer').click();
	const text = (await question.locator('.quiz-answer p').first().textContent()) ?? '';
	await question.getByText('Show the answer').click();
	// Catalogue prose marks code with backticks; the options show it as code.
	return text
		.replace(/^Answer:\s*/, '')
		.replace(/`/g, '')
		.trim();
}

test('the same seed gives the same questions in two browsers; another seed gives others', async ({ browser }) => {
	const query = `?seed=class-7b&topics=${allTopics}&count=8`;
	const first = await (await browser.newContext()).newPage();
	const second = await (await browser.newContext()).newPage();
	await openSet(first, query, 'class-7b');
	await openSet(second, query, 'class-7b');
	const shown = await questionsShown(first);
	expect(shown).toHaveLength(8);
	expect(await questionsShown(second)).toEqual(shown);
	// Every question is about a real line.
	expect(shown.every((q) => q.split(' | ')[1].length > 20)).toBe(true);

	await openSet(second, `?seed=class-7c&topics=${allTopics}&count=8`, 'class-7c');
	expect(await questionsShown(second)).not.toEqual(shown);
	await first.context().close();
	await second.context().close();
});

test('an invalid seed, topic and count fall back to a valid set and say so', async ({ page }) => {
	await page.goto('/practice/?seed=bad%20seed!&topics=foo&count=500');
	const status = page.locator('.practice-status');
	await expect(status).toContainText('The topic “foo” does not exist');
	await expect(status).toContainText('showing scheduler and gc');
	await expect(status).toContainText('seed “badseed”');
	await expect(status).toContainText('1 to 50 questions; showing 50');
	await expect(page.locator('.practice-set[data-seed="badseed"] .quiz-question')).toHaveCount(50);
	await expect(page.locator('.practice-set-about')).toContainText(
		'scheduler (schedtrace) and garbage collector (gctrace)',
	);
});

test('a bad address says, as text, what is shown instead and why, and the address is corrected', async ({ page }) => {
	await page.goto('/practice/?seed=%00%ff<script>&count=-5&view=projector');
	await expect(page.locator('.practice-set[data-seed="script"] .quiz-question')).toHaveCount(1);
	const status = page.locator('.practice-status');
	await expect(status).toHaveText(
		'A seed has up to 32 letters, digits, - and _; the seed “␀\uFFFD<script>” has other characters, so this is the set for seed “script”. ' +
			'The number of questions “-5” is less than 1: a set has 1 to 50 questions; showing 1. ' +
			'The address now names the set shown.',
	);
	// Text, never markup: the status holds no element.
	expect(await status.evaluate((el) => el.childElementCount)).toBe(0);
	// The address names the set shown, keeping what it does not read.
	await expect(page).toHaveURL(/\/practice\/\?seed=script&topics=scheduler,gc&count=1&view=projector$/);
	await page.reload();
	await expect(page.locator('.practice-set[data-seed="script"] .quiz-question')).toHaveCount(1);
	await expect(status).toBeEmpty();

	await page.goto('/teach/worksheet/?seed=ok&count=99999&topics=nope');
	await expect(page.locator('.ws-status')).toContainText('The number of questions “99999” is more than 50');
	await expect(page.locator('.ws-status')).toContainText('The topic “nope” does not exist');
	await expect(page).toHaveURL(/\/teach\/worksheet\/\?seed=ok&topics=scheduler,gc&count=50$/);
});

test('without a seed the page picks one and puts it in the address, so a reload gives the same set', async ({
	page,
}) => {
	await page.goto('/practice/?topics=gc&count=4');
	await expect(page).toHaveURL(/[?&]seed=[a-z0-9]+/);
	const seed = new URL(page.url()).searchParams.get('seed')!;
	await expect(page.locator(`.practice-set[data-seed="${seed}"] .quiz-question`)).toHaveCount(4);
	const shown = await questionsShown(page);
	await page.reload();
	await expect(page.locator(`.practice-set[data-seed="${seed}"] .quiz-question[data-wired]`)).toHaveCount(4);
	expect(await questionsShown(page)).toEqual(shown);
});

test('answering right and wrong, by pointer and keyboard, gives feedback that survives a reload', async ({ page }) => {
	await openSet(page, `?seed=class-7b&topics=${allTopics}&count=8`, 'class-7b');
	const choices = page.locator('.practice-set .quiz-question[data-type="choice"]');
	expect(await choices.count()).toBeGreaterThanOrEqual(2);

	// Right, by pointer.
	const right = choices.nth(0);
	await right.getByRole('radio', { name: await revealedAnswer(right), exact: true }).check();
	await right.getByRole('button', { name: 'Check' }).click();
	await expect(right.locator('.quiz-feedback')).toContainText('✓ Right.');

	// Wrong, by keyboard: move off the right option with the arrow keys, then Check with Enter.
	const wrong = choices.nth(1);
	const answer = await revealedAnswer(wrong);
	const labels = await wrong.locator('.quiz-options label').allTextContents();
	await wrong.getByRole('radio').first().focus();
	await page.keyboard.press(labels[0].trim() === answer ? 'ArrowDown' : 'Space');
	await expect(wrong.locator('input:checked')).toHaveCount(1);
	await page.keyboard.press('Tab');
	await expect(wrong.getByRole('button', { name: 'Check' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(wrong.locator('.quiz-feedback')).toContainText('✗ Not right.');
	await expect(wrong.locator('.quiz-feedback a').first()).toHaveAttribute('href', /^\/reference\//);

	// A numeric question, typed with its unit.
	const numeric = page.locator('.practice-set .quiz-question[data-type="numeric"]').first();
	await numeric.getByLabel('Your answer').fill(await revealedAnswer(numeric));
	await numeric.getByRole('button', { name: 'Check' }).click();
	await expect(numeric.locator('.quiz-feedback')).toContainText('✓ Right.');

	const score = page.locator('.practice-set .quiz-score');
	await expect(score).toHaveText('2 of 8 right (3 answered).');
	await page.reload();
	await expect(page.locator('.practice-set[data-seed="class-7b"] .quiz-score')).toHaveText(
		'2 of 8 right (3 answered).',
	);
	await expect(choices.nth(0).locator('.quiz-feedback')).toContainText('✓ Right.');
	await expect(choices.nth(1).locator('.quiz-feedback')).toContainText('✗ Not right.');

	// The missed field comes back: the reader's next fresh set carries it as its focus.
	await page.getByRole('button', { name: 'More questions' }).click();
	await expect(page).toHaveURL(/focus=[a-z]+%2F|focus=[a-z]+\//);
	await expect(page.locator('.practice-set-heading')).toBeFocused();
	await expect(page.locator('.practice-set-about')).toContainText('Fields you missed before come up more often');

	expect(await axeViolations(page)).toEqual([]);
});

test('axe finds nothing on a loaded practice set with feedback, and on the teach page, in both schemes', async ({
	page,
}) => {
	// Six full axe scans of long pages: more than the default 30 s on a busy two-core machine.
	test.setTimeout(90_000);
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await openSet(page, `?seed=axe&topics=${allTopics}&count=12&view=projector`, 'axe');
		const question = page.locator('.practice-set .quiz-question[data-type="spot"]').first();
		await question.getByRole('button', { name: 'Check' }).click();
		await expect(question.locator('.quiz-feedback')).not.toBeEmpty();
		expect(await axeViolations(page), `practice, projector view, ${colorScheme}`).toEqual([]);
		await page.getByRole('button', { name: 'Projector view' }).click();
		expect(await axeViolations(page), `practice, ${colorScheme}`).toEqual([]);
		await page.goto('/teach/');
		await expect(page.getByRole('button', { name: 'New seed' })).toBeVisible();
		expect(await axeViolations(page), `teach, ${colorScheme}`).toEqual([]);
	}
});

test('the teach page builds the assignment, worksheet and projector links from its form', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/teach/');
	await page.getByLabel('Seed').fill('room-12');
	await page.getByLabel('detailed scheduler dump (scheddetail)').check();
	await page.getByLabel('Number of questions').fill('6');
	const link = page.locator('.teach-link');
	await expect(link).toHaveText(/\/practice\/\?seed=room-12&topics=scheduler,gc,detail&count=6$/);
	await expect(page.getByRole('link', { name: 'Printable worksheet of this set' })).toHaveAttribute(
		'href',
		'/teach/worksheet/?seed=room-12&topics=scheduler,gc,detail&count=6',
	);
	await page.getByRole('button', { name: 'Copy the link' }).click();
	await expect(page.locator('.teach-copy-status')).toHaveText('Link copied.');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.getAttribute('href'));
	const before = await page.getByLabel('Seed').inputValue();
	await page.getByRole('button', { name: 'New seed' }).click();
	await expect(page.getByLabel('Seed')).not.toHaveValue(before);
	await expect(link).not.toContainText('room-12');
	await page.getByLabel('Seed').fill('room-12');
	await page.getByRole('link', { name: 'This set in projector view' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-view', 'projector');
	await expect(page.locator('.practice-set[data-seed="room-12"] .quiz-question')).toHaveCount(6);
});

test('the worksheet prints the questions, then the answer key on a new page', async ({ page }) => {
	const query = '?seed=class-7b&topics=scheduler,gc,pacer,detail&count=8';
	await openSet(page, query, 'class-7b');
	const prompts = await page
		.locator('.practice-set .quiz-question legend')
		.evaluateAll((els) => els.map((el) => el.textContent!.replace(/^\s*Question \d+\.\s*/, '').trim()));
	const answers: string[] = [];
	for (const q of await page.locator('.practice-set .quiz-question').all()) answers.push(await revealedAnswer(q));

	await page.goto(`/teach/worksheet/${query}`);
	await expect(page.locator('practice-worksheet[data-seed="class-7b"]')).toBeAttached();
	await page.emulateMedia({ media: 'print' });
	const questions = page.locator('.ws-questions > li');
	await expect(questions).toHaveCount(8);
	expect(await page.locator('.ws-prompt').allTextContents()).toEqual(prompts);
	await expect(page.getByRole('button', { name: 'Print the worksheet' })).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Projector view' })).toBeHidden();
	const key = page.locator('.ws-key');
	await expect(key.getByRole('heading', { name: 'Answer key' })).toBeVisible();
	expect(await key.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
	const keyText = await key.textContent();
	for (const answer of answers) expect(keyText).toContain(answer);
	// The questions part gives no answers away.
	const sheetText = await page.locator('.ws-sheet').textContent();
	expect(sheetText).not.toContain('Answer key');

	mkdirSync('.tmp', { recursive: true });
	const pdf = await page.pdf({ path: '.tmp/worksheet.pdf', format: 'A4', printBackground: true });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('the projector view toggle enlarges the type and is remembered across reloads and pages', async ({ page }) => {
	await openSet(page, '?seed=proj&topics=gc&count=3', 'proj');
	const toggle = page.getByRole('button', { name: 'Projector view' });
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	const size = () => page.locator('h1').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	const normal = await size();
	await toggle.click();
	await expect(page.locator('html')).toHaveAttribute('data-view', 'projector');
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	expect(await size()).toBeGreaterThanOrEqual(normal * 1.4);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-view', 'projector');
	expect(await size()).toBeGreaterThanOrEqual(normal * 1.4);
	// Lesson pages offer the toggle too, and the view follows the teacher there.
	await page.goto('/lessons/');
	await page.locator('main a[href^="/lessons/"]').first().click();
	await expect(page.locator('html')).toHaveAttribute('data-view', 'projector');
	await page.getByRole('button', { name: 'Projector view' }).click();
	await expect(page.locator('html')).not.toHaveAttribute('data-view', 'projector');
	await page.reload();
	await expect(page.locator('html')).not.toHaveAttribute('data-view', 'projector');
	await expect(page.getByRole('button', { name: 'Projector view' })).toBeVisible();
});

test('?view=projector turns the view on even where storage is blocked', async ({ browser }) => {
	const context = await browser.newContext();
	await context.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			get() {
				throw new DOMException('blocked', 'SecurityError');
			},
		});
	});
	const page = await context.newPage();
	await page.goto('/teach/worksheet/?seed=x&view=projector');
	await expect(page.locator('html')).toHaveAttribute('data-view', 'projector');
	await page.getByRole('button', { name: 'Projector view' }).click();
	await expect(page.locator('html')).not.toHaveAttribute('data-view', 'projector');
	await context.close();
});
