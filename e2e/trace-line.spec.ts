import { expect, test, type Page } from '@playwright/test';

const gcLine =
	'gc 318 @36.750s 0%: 0.022+0.27+0.040 ms clock, 0.13+0.60/0.43/0.031+0.24 ms cpu, 4->4->0 MB, 5 MB goal, 8 P';

function explainPath(line: string, field?: string): string {
	return `/explain/?line=${encodeURIComponent(line)}${field ? `#field=${field}` : ''}`;
}

async function focusedKey(page: Page): Promise<string | null> {
	return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key ?? null);
}

test('keyboard alone walks a line field by field, and each field names its meaning', async ({ page }) => {
	await page.goto('/reference/gctrace/');
	const line = page.locator('trace-line').first();
	const first = line.locator('a.tok').first();
	await first.focus();
	await expect(first).toHaveAttribute('data-key', 'gctrace/cycle');
	// The line is one tab stop; arrows move inside it.
	expect(await line.locator('a.tok[tabindex="0"]').count()).toBe(1);
	await page.keyboard.press('ArrowRight');
	expect(await focusedKey(page)).toBe('gctrace/since-start');
	await page.keyboard.press('End');
	const keys = await line.locator('a.tok').evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.key));
	expect(await focusedKey(page)).toBe(keys.at(-1));
	await page.keyboard.press('Home');
	expect(await focusedKey(page)).toBe('gctrace/cycle');
	// The focused field's meaning is tied to it for screen readers, and highlighted in the list.
	const describedBy = await page.evaluate(() => document.activeElement!.getAttribute('aria-describedby'));
	const meaning = page.locator(`[id="${describedBy}"]`);
	await expect(meaning).toContainText('completed GC cycle');
	await expect(line.locator('.field.is-active')).toHaveAttribute('data-key', 'gctrace/cycle');
	await expect(page.locator('a.tok:focus')).toHaveAccessibleName(/GC cycle: \d+/);
});

test('hovering a field highlights its explanation, and hovering an explanation highlights the field', async ({
	page,
}) => {
	await page.goto(explainPath(gcLine));
	const line = page.locator('.explain-results trace-line');
	await line.locator('a.tok[data-key="gctrace/heap-goal"]').hover();
	await expect(line.locator('.field[data-key="gctrace/heap-goal"]')).toHaveClass(/is-active/);
	await line.locator('.field[data-key="gctrace/procs"]').hover();
	await expect(line.locator('a.tok[data-key="gctrace/procs"]')).toHaveClass(/is-active/);
	await expect(line.locator('a.tok[data-key="gctrace/heap-goal"]')).not.toHaveClass(/is-active/);
});

test('a shared link shows the line annotated with its field focused', async ({ page }) => {
	await page.goto(explainPath(gcLine, 'gctrace/heap-live'));
	await expect(page.getByRole('textbox', { name: 'Trace lines' })).toHaveValue(gcLine);
	expect(await focusedKey(page)).toBe('gctrace/heap-live');
	await expect(page.locator('.explain-results .field.is-selected')).toContainText('Live heap');
	await expect(page.getByRole('status').first()).toContainText('Go 1.6–1.17');
});

test('the copy control copies a link that brings the same line and field back', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto(explainPath(gcLine));
	const line = page.locator('.explain-results trace-line');
	await line.locator('a.tok[data-key="gctrace/heap-goal"]').click();
	await line.getByRole('button', { name: /Copy link to this line, at “Heap goal”/ }).click();
	await expect(line.getByRole('status')).toHaveText('Link copied.');
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	const page2 = await context.newPage();
	await page2.goto(copied);
	await expect(page2.getByRole('textbox', { name: 'Trace lines' })).toHaveValue(gcLine);
	expect(await focusedKey(page2)).toBe('gctrace/heap-goal');
});

test('typing a line annotates it at once and puts it in the address', async ({ page }) => {
	await page.goto('/explain/');
	const box = page.getByRole('textbox', { name: 'Trace lines' });
	await box.fill('SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=2 spinningthreads=0 idlethreads=0 runqueue=0 [1]');
	const line = page.locator('.explain-results trace-line');
	await expect(line.locator('a.tok[data-key="schedtrace/gomaxprocs"]')).toHaveText('1');
	await expect(page).toHaveURL(/\?line=SCHED/);
	await expect(page.getByRole('status').first()).toContainText('Go 1.4–1.19');
});

test('a field printed empty can be reached by keyboard, is announced by name, and leaves the line text as printed', async ({
	page,
}) => {
	// Real, Go 1.26 (scheddetail/go1.26-p2-load.txt line 4): preemptoff= prints nothing.
	const mLine =
		'  M4: p=nil curg=nil mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=true lockedg=nil';
	await page.goto(explainPath(mLine, 'scheddetail/m-throwing'));
	const line = page.locator('.explain-results trace-line');
	// The explainer's code loads once the page has (it is loaded only where it is used).
	await expect.poll(() => focusedKey(page)).toBe('scheddetail/m-throwing');
	await page.keyboard.press('ArrowRight');
	expect(await focusedKey(page)).toBe('scheddetail/m-preemptoff');
	const empty = page.locator('a.tok:focus');
	await expect(empty).toHaveAccessibleName('Preempt-off reason: (empty)');
	await expect(empty).toHaveAccessibleDescription(/preemption/);
	// A visible marker, drawn by CSS, so it is seen and takes room, but is not part of the text.
	const box = await empty.boundingBox();
	expect(box!.width).toBeGreaterThan(8);
	await expect(empty).toHaveText('');
	expect(await line.locator('.trace-code').textContent()).toBe(mLine);
	await expect(line.locator('.field.is-selected')).toHaveAttribute('data-key', 'scheddetail/m-preemptoff');
	await expect(line.locator('.field.is-selected .field-value')).toHaveText('(empty)');
	await page.keyboard.press('ArrowRight');
	expect(await focusedKey(page)).toBe('scheddetail/m-locks');
	// Its row in the field list links to the field's page.
	await line.locator('.field[data-key="scheddetail/m-preemptoff"] .field-name a').click();
	await expect(page).toHaveURL(/\/reference\/scheddetail\/m-preemptoff\/$/);
});

test('pasted markup is shown as text and never runs', async ({ page }) => {
	let dialog = false;
	page.on('dialog', async (d) => {
		dialog = true;
		await d.dismiss();
	});
	const evil = 'gc 1 @0.1s 0%: <img src=x onerror=alert(1)><script>alert(2)</script>';
	await page.goto(explainPath(evil));
	const results = page.locator('.explain-results');
	await expect(results).toContainText('<img src=x onerror=alert(1)>');
	expect(await results.locator('img, script').count()).toBe(0);
	await expect(results.locator('.trace-problem')).toContainText('Problem at column');
	expect(dialog).toBe(false);
});

test('a line that is not runtime output says so', async ({ page }) => {
	await page.goto(explainPath('2026/11/26 listener : Started'));
	await expect(page.locator('.explain-results .trace-note')).toContainText('not runtime trace output');
});

test('a very long paste keeps the page responsive and says how much it shows', async ({ page }) => {
	await page.goto('/explain/');
	// A paste arrives as one input event with the whole text.
	await page.getByRole('textbox', { name: 'Trace lines' }).evaluate((box: HTMLTextAreaElement, line) => {
		box.value = Array.from({ length: 20_000 }, (_, i) => line.replace('318', String(i + 1))).join('\n');
		box.dispatchEvent(new Event('input', { bubbles: true }));
	}, gcLine);
	await expect(page.getByRole('status').first()).toContainText('Showing the first 100 lines', { timeout: 15_000 });
	expect(await page.locator('.explain-results trace-line').count()).toBe(100);
	// The text is too long for an address, so it is not put there.
	await expect(page).not.toHaveURL(/line=/);
	// The main thread answers while the rest is read.
	expect(await page.evaluate(() => 1 + 1)).toBe(2);
});

test('the summary counts how many pasted lines are runtime output', async ({ page }) => {
	await page.goto(explainPath(`${gcLine}\n2026/11/26 listener : Started`));
	await expect(page.getByRole('status').first()).toContainText('2 lines, 1 of them runtime trace output.');
	await page.goto(explainPath(gcLine));
	await expect(page.getByRole('status').first()).toContainText('1 line of runtime trace output.');
});

// A lesson's line: its fields linked, the field the paragraph is about explained under it, the
// whole list collapsed. The detailed-dump lesson focuses a field on each of its lines.
const lessonWithFocus = '/lessons/the-detailed-dump/';

test('in a lesson, the focused field is explained under the line, and choosing another explains that one', async ({
	page,
}) => {
	await page.goto(lessonWithFocus);
	const line = page.locator('trace-line:has(.trace-focus)').first();
	const panel = line.locator('.trace-focus');
	const focusKey = await line.locator('a.tok.is-selected').getAttribute('data-key');
	expect(focusKey).toBeTruthy();
	// The explanation names the focused field, links its page, and is not the list (which stays closed).
	const label = await panel.locator('.field-name a').textContent();
	await expect(panel.locator('.field-name a')).toHaveAttribute('href', new RegExp(`/reference/${focusKey}/$`));
	await expect(line.locator('details.trace-fields-more')).not.toHaveAttribute('open');
	expect(label).toBe(await line.locator(`.field[data-key="${focusKey}"] .field-name a`).textContent());
	// Pointer: another field, and the explanation follows it.
	const other = line.locator('a.tok[data-key]:not(.is-selected)').first();
	const otherKey = await other.getAttribute('data-key');
	expect(otherKey).not.toBe(focusKey);
	await other.click();
	await expect(panel.locator('.field-name a')).toHaveAttribute('href', new RegExp(`/reference/${otherKey}/$`));
	// Keyboard: arrows move along the line and the explanation keeps up.
	await page.keyboard.press('Home');
	const firstKey = await line.locator('a.tok').first().getAttribute('data-key');
	await expect(panel.locator('.field-name a')).toHaveAttribute('href', new RegExp(`/reference/${firstKey}/$`));
	await expect(panel.locator('.trace-focus-meaning')).toHaveText(
		(await line.locator('.field').first().locator('dd').textContent())!,
	);
	// The whole list is still one disclosure away.
	await line.getByText(/What each of its \d+ fields means/).click();
	await expect(line.locator('.trace-fields .field').first()).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a lesson line explains its focused field, and each field link opens the list at its row', async ({ page }) => {
		await page.goto(lessonWithFocus);
		const line = page.locator('.trace-line:has(.trace-focus)').first();
		await expect(line.locator('.trace-focus .trace-focus-meaning')).not.toBeEmpty();
		const rows = line.locator('.trace-fields .field');
		await expect(rows.first()).toBeHidden();
		const token = line.locator('a.tok').nth(1);
		const target = (await token.getAttribute('href'))!;
		await token.click();
		// The browser opens the collapsed list to show the linked row.
		await expect(line.locator(target)).toBeVisible();
		await expect(line.locator('details.trace-fields-more')).toHaveAttribute('open');
	});
});
