import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { axeViolations } from './axe.ts';

const root = path.resolve(import.meta.dirname, '..');
const tracesDir = path.join(root, 'content', 'traces');

function captureFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return captureFiles(full);
		return entry.name.endsWith('.txt') ? [path.relative(tracesDir, full)] : [];
	});
}
const captures = captureFiles(tracesDir).sort();

/** Lines per kind as the core counts them, for each capture, from one run of the CLI (e2e never imports src/). */
let coreCounts: Map<string, Record<string, number>> | undefined;
function expectedKindCounts(file: string): Record<string, number> {
	coreCounts ??= kindCountsFromCli(captures);
	const counts = coreCounts.get(file);
	if (!counts) throw new Error(`the CLI gave no summary for ${file}`);
	return counts;
}

function kindCountsFromCli(files: string[]): Map<string, Record<string, number>> {
	const run = spawnSync(process.execPath, [path.join(root, 'src/cli/explain.ts'), '--json', ...files], {
		cwd: tracesDir,
		encoding: 'utf8',
		maxBuffer: 512 * 1024 * 1024,
	});
	// Exit 1 means some capture has problem lines; 2 means the run itself failed.
	if (run.status !== 0 && run.status !== 1) throw new Error(`the CLI failed: ${run.stderr}`);
	if (run.stderr) throw new Error(`the CLI complained: ${run.stderr}`);
	const counts = new Map<string, Record<string, number>>();
	// After each file's lines comes its summary; the page lists only the kinds present.
	for (const record of run.stdout.split('\n')) {
		if (!record.startsWith('{"summary"')) continue;
		const { summary } = JSON.parse(record) as { summary: { file: string; kinds: Record<string, number> } };
		counts.set(summary.file, Object.fromEntries(Object.entries(summary.kinds).filter(([, n]) => n > 0)));
	}
	return counts;
}

async function shownKindCounts(page: Page): Promise<Record<string, number>> {
	return page
		.locator('[data-kind-count]')
		.evaluateAll((cells) =>
			Object.fromEntries(
				cells.map((c) => [c.getAttribute('data-kind-count'), Number((c.textContent ?? '').replace(/,/g, ''))]),
			),
		);
}

async function chooseFile(
	page: Page,
	file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
	await page.locator('#analyze-file').setInputFiles(file);
}

const results = (page: Page) => page.locator('[data-part="results"]');
const status = (page: Page) => page.locator('[data-part="status"]');

/** Fails the test on any request that leaves the site. */
function forbidOtherOrigins(page: Page, baseURL: string | undefined): string[] {
	const outside: string[] = [];
	const origin = new URL(baseURL!).origin;
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) outside.push(request.url());
	});
	return outside;
}

// Every capture, a share of them per test, one after another on one page as a reader would.
const captureChunks = 4;
for (let chunk = 0; chunk < captureChunks; chunk++) {
	const files = captures.filter((_, i) => i % captureChunks === chunk);
	test(`the summary counts every kind as the core does (captures ${chunk + 1} of every ${captureChunks})`, async ({
		page,
		baseURL,
	}) => {
		test.slow(); // two dozen captures
		const outside = forbidOtherOrigins(page, baseURL);
		await page.goto('/analyze/');
		for (const file of files) {
			// A name no other capture has, so the status names this run and no earlier one.
			const name = file.replaceAll('/', '--');
			await chooseFile(page, { name, mimeType: 'text/plain', buffer: readFileSync(path.join(tracesDir, file)) });
			await expect(status(page)).toContainText(`Analysed ${name}:`);
			expect.soft(await shownKindCounts(page), file).toEqual(expectedKindCounts(file));
			const findings = await page
				.locator('[data-finding]')
				.evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));
			if (/^schedtrace\/.*-leak\.txt$/.test(file)) expect.soft(findings, file).toContain('goroutine-leak');
			if (/-load\.txt$/.test(file)) expect.soft(findings, file).not.toContain('goroutine-leak');
			if (/-block\.txt$/.test(file)) expect.soft(findings, file).toContain('blocked-goroutines');
		}
		expect(files.length).toBeGreaterThan(0);
		expect(outside).toEqual([]);
	});
}

test('a file dropped on the drop zone is analysed', async ({ page }) => {
	await page.goto('/analyze/');
	const text = readFileSync(path.join(tracesDir, 'gctrace/go1.26-gcdemo.txt'), 'utf8');
	const transfer = await page.evaluateHandle((content) => {
		const data = new DataTransfer();
		data.items.add(new File([content], 'dropped.log', { type: 'text/plain' }));
		return data;
	}, text);
	await page.locator('[data-part="drop"]').dispatchEvent('drop', { dataTransfer: transfer });
	await expect(results(page)).toBeVisible();
	await expect(status(page)).toContainText('Analysed dropped.log');
	expect(await shownKindCounts(page)).toEqual(expectedKindCounts('gctrace/go1.26-gcdemo.txt'));
});

test('the home page and the navigation link the analyzer', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('main a[href="/analyze/"]')).toHaveText('Analyze a log');
	await expect(page.getByRole('navigation', { name: 'Site' }).locator('a[href="/analyze/"]')).toBeVisible();
});

test('charts draw a canvas for a log with gc and scheduler lines', async ({ page }) => {
	await page.goto('/analyze/');
	await chooseFile(page, path.join(tracesDir, 'combined/go1.26-gcdemo-gc-sched.txt'));
	await expect(results(page)).toBeVisible();
	await expect(page.locator('[data-part="charts"] canvas').first()).toBeVisible();
});

test('an example capture loads from the site with its provenance shown', async ({ page, baseURL }) => {
	const outside = forbidOtherOrigins(page, baseURL);
	await page.goto('/analyze/');
	const item = page.locator('[data-capture="schedtrace/go1.26-p2-leak.txt"]');
	await expect(item).toContainText('GODEBUG=schedtrace=');
	await item.getByRole('button', { name: 'Analyze schedtrace/go1.26-p2-leak.txt' }).click();
	await expect(results(page)).toBeVisible();
	expect(await shownKindCounts(page)).toEqual(expectedKindCounts('schedtrace/go1.26-p2-leak.txt'));
	await expect(page.locator('[data-finding="goroutine-leak"]')).toBeVisible();
	expect(outside).toEqual([]);
});

test('a binary file gets a message saying what was expected, and nothing else', async ({ page }) => {
	await page.goto('/analyze/');
	const buffer = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]);
	await chooseFile(page, { name: 'app', mimeType: 'application/octet-stream', buffer });
	await expect(status(page)).toContainText('This is not a text log: app contains NUL bytes');
	await expect(status(page)).toContainText('GODEBUG=gctrace=1 ./app 2> trace.log');
	await expect(results(page)).toBeHidden();
});

test('an empty file gets a message saying what was expected', async ({ page }) => {
	await page.goto('/analyze/');
	await chooseFile(page, { name: 'trace.log', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
	await expect(status(page)).toContainText('Nothing to analyse: trace.log is empty');
	await expect(status(page)).toContainText('Expected: the GODEBUG output');
	await expect(results(page)).toBeHidden();
});

test('text with no trace lines gets a message, and the pasted text is kept', async ({ page }) => {
	await page.goto('/analyze/');
	const text = 'listening on :8080\nGET / 200\n';
	await page.getByLabel('Paste a log').fill(text);
	await page.getByRole('button', { name: 'Analyze the pasted text' }).click();
	await expect(status(page)).toContainText(
		'No trace lines: none of the 2 lines in the pasted text is Go runtime trace output',
	);
	await expect(page.getByLabel('Paste a log')).toHaveValue(text);
	await expect(results(page)).toBeHidden();
});

test('the line browser works from the keyboard, and Enter shows the line annotated', async ({ page }) => {
	await page.goto('/analyze/');
	await chooseFile(page, path.join(tracesDir, 'combined/go1.26-gcdemo-gc-sched.txt'));
	await expect(results(page)).toBeVisible();
	const list = page.getByRole('listbox', { name: 'Lines of the log' });
	await list.focus();
	await expect(list).toBeFocused();
	// The line of the row the list's aria-activedescendant names (null while none is drawn).
	const active = () =>
		list.evaluate((l) => {
			const id = l.getAttribute('aria-activedescendant');
			return id ? (document.getElementById(id)?.dataset.line ?? null) : null;
		});
	// Focus makes the first row in view active; the arrows move from there.
	await expect.poll(active).toBe('1');
	await page.keyboard.press('ArrowDown');
	await expect.poll(active).toBe('2');
	await page.keyboard.press('End');
	await expect.poll(active).toBe('60');
	await page.keyboard.press('Home');
	await expect.poll(active).toBe('1');
	await page.keyboard.press('PageDown');
	await expect.poll(async () => Number(await active())).toBeGreaterThan(5);
	await page.keyboard.press('Home');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	const detail = page.locator('[data-part="detail"] trace-line');
	await expect(detail).toBeVisible();
	await expect(detail.locator('.trace-code')).toHaveText(/^gc 1 @0\.066s/);
	await expect(detail.locator('a.tok').first()).toBeVisible();
	await expect(page.locator('[data-part="detail"] a[href^="/reference/gctrace/"]').first()).toBeAttached();
	await expect(list).toBeFocused();
});

test('filters: one kind, then problems only', async ({ page }) => {
	await page.goto('/analyze/');
	const text =
		'SCHED 1000ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=0 needspinning=0 idlethreads=1 runqueue=0 [0 0]\nhello\nSCHED 2000ms: gomaxprocs=2 idleprocs\n';
	await page.getByLabel('Paste a log').fill(text);
	await page.getByRole('button', { name: 'Analyze the pasted text' }).click();
	await expect(results(page)).toBeVisible();
	await expect(page.getByRole('option')).toHaveCount(3);
	await page.getByRole('checkbox', { name: /^other/ }).uncheck();
	await expect(page.getByRole('option')).toHaveCount(2);
	await page.getByRole('checkbox', { name: 'Problems only' }).check();
	await expect(page.getByRole('option')).toHaveCount(1);
	await expect(page.getByRole('option')).toHaveAttribute('data-line', '3');
	// A problem in the summary jumps to its line.
	await page.getByRole('checkbox', { name: 'Problems only' }).uncheck();
	await page.locator('.problems a[data-line="3"]').click();
	await expect(page.locator('[data-part="detail"] .trace-problem')).toBeVisible();
});

test('a share link carries the log in the fragment and opens it analysed', async ({ page, context }) => {
	await page.goto('/analyze/');
	await chooseFile(page, path.join(tracesDir, 'schedtrace/go1.26-p1-leak.txt'));
	await expect(results(page)).toBeVisible();
	await page.getByRole('button', { name: 'Make a link to share this log' }).click();
	const field = page.locator('[data-part="share-url"]');
	await expect(field).toBeVisible();
	const link = await field.inputValue();
	expect(new URL(link).hash).toMatch(/^#log=[A-Za-z0-9_-]+$/);
	const expected = await shownKindCounts(page);
	const other = await context.newPage();
	const requests: string[] = [];
	other.on('request', (r) => requests.push(r.url()));
	await other.goto(link);
	await expect(results(other)).toBeVisible();
	expect(await shownKindCounts(other)).toEqual(expected);
	await expect(other.locator('[data-finding="goroutine-leak"]')).toBeVisible();
	// The fragment never reaches the server.
	expect(requests.filter((u) => u.includes('log='))).toEqual([]);
});

test('a corrupt share link gets a message', async ({ page }) => {
	await page.goto('/analyze/#log=AAAAAAAA');
	await expect(status(page)).toContainText('This link carries a log that cannot be read');
	await page.goto('/analyze/#log=not*base64');
	await expect(status(page)).toContainText('not valid base64url');
});

/** A `#log=` value packing `bytes` of zeros as the page packs logs (deflate-raw, base64url). */
function zeroBomb(bytes: number): string {
	return deflateRawSync(Buffer.alloc(bytes), { level: 9 }).toString('base64url');
}

/** The page still answers at once: a script runs, and the text box takes typing. */
async function staysResponsive(page: Page): Promise<void> {
	const started = Date.now();
	await page.evaluate(() => 1);
	await page.locator('#analyze-text').fill('SCHED 0ms: gomaxprocs=1');
	expect(Date.now() - started).toBeLessThan(2000);
}

test('a share link that unpacks past the limit is refused at once, saying the limit', async ({ page }) => {
	// 50 MB of zeros pack into about 50 KB: longer than any link the page makes.
	const long = zeroBomb(50 * 1024 * 1024);
	await page.goto(`/analyze/#log=${long}`);
	await expect(status(page)).toHaveText(
		/^This link holds more than a shared link may: \d+ KB of packed log after #log=, and this page reads at most 36 KB\./,
		{ timeout: 5000 },
	);
	await staysResponsive(page);
	await expect(results(page)).toBeHidden();
	// 20 MB of zeros pack into about 20 KB, the length of a real link: unpacking stops at 9 MB.
	const short = zeroBomb(20 * 1024 * 1024);
	expect(short.length).toBeLessThan(32 * 1024);
	await page.goto('/analyze/');
	await page.goto(`/analyze/#log=${short}`);
	await expect(status(page)).toHaveText(
		/^This link holds more than a shared link may: its log unpacks to more than 9 MB, the most this page reads from a link\./,
		{ timeout: 5000 },
	);
	await staysResponsive(page);
	await expect(page.locator('#analyze-text')).toHaveValue('SCHED 0ms: gomaxprocs=1');
});

test('at 360 px the page is no wider than the screen with a capture loaded', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto('/analyze/');
	await chooseFile(page, path.join(tracesDir, 'combined/go1.26-gcdemo-gc-pacer-scav.txt'));
	await expect(results(page)).toBeVisible();
	await expect(page.locator('[data-chart="scavenger"] canvas').first()).toBeVisible();
	const widths = () =>
		page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
	const [scroll, client] = await widths();
	expect(scroll).toBeLessThanOrEqual(client);
	// A long line scrolls inside the line browser's box, not the page.
	const box = page.locator('[data-part="lines"]');
	const inside = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
	expect(inside[0]).toBeGreaterThan(inside[1]!);
});

test('a log too large for a link says so and why', async ({ page }) => {
	await page.goto('/analyze/');
	// Real lines with varied numbers do not compress to nothing: about 600 KB of them.
	const lines: string[] = [];
	for (let i = 0; lines.join('\n').length < 600_000 && i < 20000; i++) {
		lines.push(
			`SCHED ${i * 1000 + ((i * 7919) % 997)}ms: gomaxprocs=2 idleprocs=${i % 3} threads=${(i * 31) % 97} spinningthreads=0 needspinning=0 idlethreads=${(i * 13) % 89} runqueue=${(i * 7) % 251} [${(i * 17) % 113} ${(i * 29) % 127}]`,
		);
	}
	await chooseFile(page, { name: 'big.log', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) });
	await expect(results(page)).toBeVisible();
	await page.getByRole('button', { name: 'Make a link to share this log' }).click();
	await expect(page.locator('[data-part="share-message"]')).toContainText('too large to share in a link');
	await expect(page.locator('[data-part="share-message"]')).toContainText('32 KB');
	expect(new URL(page.url()).hash).toBe('');
});

test('pasted markup is shown as text, never run', async ({ page }) => {
	let dialog = false;
	page.on('dialog', async (d) => {
		dialog = true;
		await d.dismiss();
	});
	await page.goto('/analyze/');
	const evil = '<img src=x onerror="window.__xss=1;alert(1)">';
	await page
		.getByLabel('Paste a log')
		.fill(
			`gc 1 @0.012s 2%: 0.010+1.2+0.003 ms clock, 0.020+0.5/1.0/0+0.006 ms cpu, 4->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n${evil}\n`,
		);
	await page.getByRole('button', { name: 'Analyze the pasted text' }).click();
	await expect(results(page)).toBeVisible();
	await expect(page.getByRole('option').nth(1)).toContainText(evil);
	await page.getByRole('option').nth(1).click();
	await expect(page.locator('[data-part="detail"] .trace-code')).toHaveText(evil);
	expect(await page.locator('main img').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	expect(dialog).toBe(false);
});

test('Cancel stops a run and keeps the input', async ({ page }, testInfo) => {
	await page.goto('/analyze/');
	// Large enough (~60 MB) that the run is still going when Cancel is pressed; a file on disk,
	// so the browser reads it from there.
	const line =
		'gc 1 @0.012s 2%: 0.010+1.2+0.003 ms clock, 0.020+0.5/1.0/0+0.006 ms cpu, 4->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n';
	const file = testInfo.outputPath('long.log');
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, line.repeat(500_000));
	await chooseFile(page, file);
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(status(page)).toContainText('Cancelled: long.log was not analysed');
	await expect(results(page)).toBeHidden();
	expect(await page.locator('#analyze-file').evaluate((i: HTMLInputElement) => i.files?.[0]?.name)).toBe('long.log');
});

test('while a long log is read: how much is left, the charts so far, and Cancel takes them away', async ({
	page,
}, testInfo) => {
	// Real gc and schedtrace lines, repeated to about 120 MB: long enough to watch it being read.
	const capture = readFileSync(path.join(tracesDir, 'combined/go1.26-gcdemo-gc-sched.txt'), 'utf8');
	const file = testInfo.outputPath('big.log');
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, capture.repeat(Math.ceil((120 * 1024 * 1024) / capture.length)));
	await page.goto('/analyze/');
	await chooseFile(page, file);
	const progress = await page.waitForFunction(
		() => {
			const text = document.querySelector('[data-part="progress-text"]')?.textContent ?? '';
			return /^[\d.]+ MB of [\d.]+ MB read, (about \d+ (s|min)|less than a second) left$/.test(text) && text;
		},
		undefined,
		{ polling: 'raf' },
	);
	expect(await progress.jsonValue()).toMatch(/of 12\d\.\d MB read/);
	// The charts so far, said to be so, while the Cancel button is still there to press.
	const partial = await page.waitForFunction(
		() =>
			document.querySelector('[data-part="charts"]')?.getAttribute('data-charts') === 'partial' &&
			document.querySelector('[data-chart="heap"][data-chart-state="drawn"] canvas') !== null &&
			document.querySelector('[data-charts-missing]')?.textContent,
		undefined,
		{ polling: 'raf' },
	);
	expect(await partial.jsonValue()).toMatch(
		/^Drawn from the first \d+% of the log; the charts fill in as it is read\.$/,
	);
	await expect(results(page)).toBeVisible();
	await expect(page.locator('[data-part="summary"]')).toHaveText('The summary appears once the whole log is read.');
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(status(page)).toContainText('Cancelled: big.log was not analysed');
	await expect(results(page)).toBeHidden();
	rmSync(file);
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe finds no WCAG 2.2 A/AA violations with a log loaded (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await page.goto('/analyze/');
		await chooseFile(page, path.join(tracesDir, 'combined/go1.26-gcdemo-gc-sched.txt'));
		await expect(results(page)).toBeVisible();
		await page.getByRole('listbox', { name: 'Lines of the log' }).focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect(page.locator('[data-part="detail"] trace-line')).toBeVisible();
		expect(await axeViolations(page)).toEqual([]);
	});
}
