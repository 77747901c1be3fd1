// The content security policy Astro writes into every page (astro.config.mjs, `security.csp`):
// each page template loads and does its main job in Chromium with no violation reported, and
// every built page allows exactly its own inline scripts and style attributes by hash, never by
// 'unsafe-inline'.
import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// The site's own service worker takes part, as for a reader (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const dist = path.resolve(import.meta.dirname, '..', 'dist');

/** Violations as the page reports them, and Chromium's console errors about the policy. */
function watchViolations(page: Page): string[] {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => {
		if (/Content[ -]Security[ -]Policy/i.test(error.message)) violations.push(`error: ${error.message}`);
	});
	page.on('worker', (worker) => {
		worker.on('console', (message) => {
			if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(`worker: ${message.text()}`);
		});
	});
	return violations;
}

test.beforeEach(async ({ page }) => {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (e) => {
			seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
		});
	});
});

/** Opens `url`, runs the page's main interaction, and expects no violation along the way. */
async function withoutViolations(page: Page, url: string, use: () => Promise<void>): Promise<void> {
	const console = watchViolations(page);
	await page.goto(url);
	await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
	await use();
	const reported = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
	expect([...reported, ...console]).toEqual([]);
}

test('home: the header search form leads to results', async ({ page }) => {
	await withoutViolations(page, '/', async () => {
		await page.locator('#site-search-input').fill('heap goal');
		await page.locator('#site-search-input').press('Enter');
		await expect(page).toHaveURL(/\/search\/\?q=heap\+goal/);
		await expect(page.locator('.search-results li').first()).toBeVisible();
	});
});

test('lessons index: a lesson marked done shows as done, and the list offers to continue', async ({ page }) => {
	await withoutViolations(page, '/lessons/', async () => {
		const second = page.locator('a[data-lesson-link]').nth(1);
		const title = (await second.textContent())!.trim();
		await second.click();
		await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
		await page.goto('/lessons/');
		await expect(page.locator('.lessons [data-lesson-state]').nth(1)).toHaveText('✓ Done');
		await expect(page.getByRole('link', { name: `Continue where you left off: ${title}` })).toBeVisible();
	});
});

test('a lesson: the quiz answers, the projector view switches', async ({ page }) => {
	await withoutViolations(page, '/lessons/reading-schedtrace/', async () => {
		const q3 = page.locator('trace-quiz .quiz-question').nth(2);
		await q3.getByLabel('Every OS thread is busy.').check();
		await q3.getByRole('button', { name: 'Check' }).click();
		await expect(q3.locator('.quiz-feedback')).not.toBeEmpty();
		await page.getByRole('button', { name: 'Projector view' }).click();
		await expect(page.locator('html')).toHaveAttribute('data-view', 'projector');
		// The pre-paint script in the head, allowed by its hash, applies the view on the next page.
		await page.goto('/lessons/');
		await expect(page.locator('html')).toHaveAttribute('data-view', 'projector');
	});
});

test('reference index', async ({ page }) => {
	await withoutViolations(page, '/reference/', async () => {
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.locator('main a[href="/reference/gctrace/"]').first()).toBeVisible();
	});
});

test('a format page: a trace line explains the field under the keyboard', async ({ page }) => {
	await withoutViolations(page, '/reference/gctrace/', async () => {
		const first = page.locator('trace-line').first().locator('a.tok').first();
		await first.focus();
		await page.keyboard.press('ArrowRight');
		await expect(page.locator('a.tok:focus')).toHaveAttribute('data-key', 'gctrace/since-start');
	});
});

test('a field page: its field marked in a real line, Shiki colours on the page', async ({ page }) => {
	await withoutViolations(page, '/reference/schedtrace/local-runqueues/', async () => {
		await expect(page.locator('trace-line a.tok.is-selected')).toHaveAttribute(
			'data-key',
			'schedtrace/local-runqueues',
		);
		await page.locator('trace-line a.tok').first().click();
		await expect(page.locator('trace-line .field.is-active').first()).toBeAttached();
	});
});

test('a lesson code block keeps its Shiki colours (style attributes are allowed, nothing else inline)', async ({
	page,
}) => {
	await withoutViolations(page, '/lessons/reading-gctrace/', async () => {
		const token = page.locator('pre.astro-code span[style*="--shiki-dark"]').first();
		await expect(token).toBeAttached();
		const styled = await token.evaluate((el) => (el as HTMLElement).style.getPropertyValue('--shiki-dark'));
		expect(styled).not.toBe('');
	});
});

test('explain with a line from the address', async ({ page }) => {
	const line =
		'gc 1 @0.019s 0%: 0.011+0.51+0.003 ms clock, 0.090+0.10/0.61/0.030+0.024 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P';
	await withoutViolations(page, `/explain/?line=${encodeURIComponent(line)}`, async () => {
		await expect(page.locator('.explain-results trace-line')).toHaveCount(1);
		await expect(page.locator('.explain-results trace-line a.tok').first()).toBeVisible();
	});
});

test('analyze: an example capture is fetched, analyzed in a worker and charted', async ({ page }) => {
	await withoutViolations(page, '/analyze/', async () => {
		const item = page.locator('[data-capture="gctrace/go1.26-web-load.txt"]');
		await item.getByRole('button', { name: 'Analyze gctrace/go1.26-web-load.txt' }).click();
		await expect(page.locator('[data-part="results"]')).toBeVisible();
		await expect(page.locator('[data-part="charts"] canvas').first()).toBeVisible();
	});
});

test('lab: the Go runtime loads as WebAssembly in its worker and prints its lines', async ({ page }) => {
	await withoutViolations(page, '/lab/?seconds=2', async () => {
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		await expect(page.locator('gc-lab')).toHaveAttribute('data-state', 'ended', { timeout: 40_000 });
		await expect(page.locator('[data-part="lines"] .trace-code').first()).toBeVisible();
	});
});

test('practice: a set is drawn from the fetched lines and a question answers', async ({ page }) => {
	await withoutViolations(page, '/practice/?seed=csp&topics=gc&count=4', async () => {
		const question = page.locator('.practice-set[data-seed="csp"] .quiz-question[data-wired]').first();
		await expect(question).toBeVisible();
		await question.getByText('Show the answer').click();
		await expect(question.locator('.quiz-answer p').first()).toBeVisible();
	});
});

test('teach: a new seed rewrites the links', async ({ page }) => {
	await withoutViolations(page, '/teach/', async () => {
		const link = page.getByRole('link', { name: 'Printable worksheet of this set' });
		const before = await link.getAttribute('href');
		await page.getByRole('button', { name: 'New seed' }).click();
		await expect(link).not.toHaveAttribute('href', before!);
	});
});

test('worksheet: the questions and the answer key are drawn', async ({ page }) => {
	await withoutViolations(page, '/teach/worksheet/?seed=csp&topics=scheduler,gc&count=6', async () => {
		await expect(page.locator('.ws-questions > li')).toHaveCount(6);
		await expect(page.locator('.ws-key')).toBeAttached();
	});
});

test('search with a query: Pagefind loads its index and shows results', async ({ page }) => {
	await withoutViolations(page, '/search/?q=runqueue', async () => {
		await expect(page.locator('.search-results li').first()).toBeVisible();
		await expect(page.locator('.search-status')).not.toBeEmpty();
	});
});

test('404', async ({ page }) => {
	await withoutViolations(page, '/no-such-page/', async () => {
		await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	});
});

/** Every built page, its policy, and the inline scripts it runs. */
function builtPages(): { file: string; html: string }[] {
	const pages: { file: string; html: string }[] = [];
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.html'))
				pages.push({ file: path.relative(dist, full), html: readFileSync(full, 'utf8') });
		}
	};
	walk(dist);
	return pages;
}

test('every built page: one policy, no unsafe script sources, each inline script allowed by its hash', () => {
	const pages = builtPages();
	expect(pages.length).toBeGreaterThan(100);
	for (const { file, html } of pages) {
		const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/g)];
		expect(metas, file).toHaveLength(1);
		const directives = new Map(
			metas[0]![1]!
				.split(';')
				.map((d) => d.trim().split(/\s+/))
				.filter((parts) => parts[0])
				.map(([name, ...sources]) => [name!, sources]),
		);
		const scriptSrc = directives.get('script-src') ?? [];
		expect(scriptSrc, file).toContain("'self'");
		for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", 'data:', '*'])
			expect(scriptSrc, `${file}: script-src`).not.toContain(unsafe);
		expect(directives.get('style-src-elem') ?? [], file).not.toContain("'unsafe-inline'");
		// Style attributes (Shiki's colours) by the hash of each value on the page, or none at all.
		const styleValues = [...html.matchAll(/<[a-z][^>]*\sstyle="([^"]*)"/g)].map(([, value]) => value!);
		const styleAttr = directives.get('style-src-attr') ?? [];
		expect(styleAttr, file).not.toContain("'unsafe-inline'");
		if (styleValues.length === 0) expect(styleAttr, file).toEqual(["'none'"]);
		else expect(styleAttr[0], file).toBe("'unsafe-hashes'");
		for (const value of styleValues)
			expect(styleAttr, `${file}: style="${value}"`).toContain(
				`'sha256-${createHash('sha256').update(value).digest('base64')}'`,
			);
		expect(directives.get('object-src'), file).toEqual(["'none'"]);
		for (const [, attributes, body] of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
			if (/type="application\/(ld\+)?json"/.test(attributes!)) continue;
			const hash = `'sha256-${createHash('sha256').update(body!).digest('base64')}'`;
			expect(scriptSrc, `${file}: inline script ${body!.slice(0, 60)}`).toContain(hash);
		}
		expect(html, `${file}: no event-handler attributes`).not.toMatch(/<[^>]+\son[a-z]+="/);
	}
});
