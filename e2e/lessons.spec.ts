import { expect, test } from '@playwright/test';

test('all lessons can be walked in order with the keyboard, through the next links', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/lessons/');
	const first = page.locator('a[data-lesson-link]').first();
	await first.focus();
	await page.keyboard.press('Enter');
	const titles: string[] = [];
	for (;;) {
		titles.push((await page.getByRole('heading', { level: 1 }).textContent()) ?? '');
		await expect(page.locator('.lesson-list a[aria-current="page"]')).toHaveCount(1);
		const next = page.locator('a[rel="next"]');
		if ((await next.count()) === 0) break;
		// Tab forward from the top of the page until the next link has had focus, then back to it, and follow it.
		// The keys go in batches, the page noting whether the link has had focus, to save a round trip a key.
		await next.evaluate((a) => a.addEventListener('focus', () => (a.dataset.e2eFocused = 'yes'), { once: true }));
		let presses = 0;
		while ((await next.getAttribute('data-e2e-focused')) !== 'yes') {
			for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
			presses += 10;
			expect(presses, 'the next link is reachable with Tab').toBeLessThan(400);
		}
		while (!(await next.evaluate((a) => a === document.activeElement))) {
			await page.keyboard.press('Shift+Tab');
			expect(--presses, 'Shift+Tab goes back to the next link').toBeGreaterThan(0);
		}
		const before = page.url();
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.href !== before);
	}
	expect(titles).toHaveLength(17);
	expect(new Set(titles).size).toBe(17);
});

test('progress survives a reload and shows on the home page', async ({ page }) => {
	await page.goto('/lessons/');
	const second = page.locator('a[data-lesson-link]').nth(1);
	const title = (await second.textContent())!.trim();
	await second.click();
	await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
	await expect(page.getByRole('button', { name: /Done: you finished this lesson/ })).toHaveAttribute(
		'aria-pressed',
		'true',
	);
	await page.reload();
	await expect(page.getByRole('button', { name: /Done: you finished this lesson/ })).toBeVisible();
	await expect(page.locator('.lesson-list [data-lesson-state]').nth(1)).toHaveText('✓ Done');
	await page.goto('/');
	await expect(page.getByRole('link', { name: `Continue where you left off: ${title}` })).toBeVisible();
	await expect(page.locator('.lessons [data-lesson-state]').nth(1)).toHaveText('✓ Done');
});

test('with storage blocked, lessons work and say quietly that progress is not kept', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
		});
	});
	await page.goto('/lessons/what-is-godebug/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('.progress-notice')).toContainText('kept only until you leave this page');
	await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
	await expect(page.locator('.lesson-list [data-lesson-state]').first()).toHaveText('✓ Done');
	await page.goto('/');
	await expect(page.locator('.resume')).toContainText('kept only until you leave this page');
	expect(errors).toEqual([]);
});

test('damaged saved progress is replaced with a notice, not an error', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.addInitScript(() => localStorage.setItem('godebug-explained:progress', '{"version":1,"lessons":'));
	await page.goto('/lessons/what-is-godebug/');
	await expect(page.locator('.progress-notice')).toContainText('damaged');
	await expect(page.locator('.lesson-list [data-lesson-state]').first()).toHaveText('Visited');
	expect(errors).toEqual([]);
});

test('a printed lesson has no navigation, and its annotated lines keep their field lists', async ({ page }) => {
	await page.goto('/lessons/reading-schedtrace/');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Previous and next lesson' })).toBeHidden();
	await expect(page.locator('.trace-fields').first()).toBeVisible();
	const after = await page
		.locator('article a[href^="/reference/"]')
		.first()
		.evaluate((a) => getComputedStyle(a, '::after').content);
	expect(after).toContain('/reference/');
});

test('the lesson list is a menu on a narrow screen', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/lessons/what-is-godebug/');
	const menu = page.locator('.lesson-list summary');
	await expect(menu).toBeVisible();
	await expect(page.locator('.lesson-list ol')).toBeHidden();
	await menu.click();
	await expect(page.locator('.lesson-list a[aria-current="page"]')).toBeVisible();
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});

test.describe('an old lesson address', () => {
	test.use({ javaScriptEnabled: false });

	test('sends the reader on to the lesson that holds its content, without JavaScript', async ({ page, request }) => {
		const html = await (await request.get('/lessons/more-ps/')).text();
		// If the browser does not follow the refresh, the page says where to go, with a link.
		expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=\/lessons\/generating-a-scheduler-trace\/">/);
		expect(html).toContain('<a href="/lessons/generating-a-scheduler-trace/">');
		await page.goto('/lessons/more-ps/');
		await page.waitForURL(/\/lessons\/generating-a-scheduler-trace\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Generating a scheduler trace');
	});
});

test('progress kept for a folded lesson continues at its new home and is left out of the count', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.addInitScript(() =>
		localStorage.setItem(
			'godebug-explained:progress',
			JSON.stringify({
				version: 1,
				lessons: {
					'what-is-godebug': { visited: '2026-01-01T10:00:00.000Z', completed: '2026-01-01T11:00:00.000Z' },
					'more-ps': { visited: '2026-01-02T10:00:00.000Z', completed: '2026-01-02T11:00:00.000Z' },
				},
				last: 'more-ps',
			}),
		),
	);
	await page.goto('/lessons/');
	const total = await page.locator('a[data-lesson-link]').count();
	await expect(
		page.getByRole('link', { name: /^Continue where you left off: .*Generating a scheduler trace$/ }),
	).toBeVisible();
	await expect(page.locator('.resume')).toContainText(`(1 of ${total} lessons done)`);
	await page.goto('/progress/');
	await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
	expect(errors).toEqual([]);
});
