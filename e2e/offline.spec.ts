// Offline reading: after one visit the generated service worker (scripts/service-worker.ts) serves
// every page and file the site needs, and a new release replaces the cache whole, when the reader
// accepts it. Each test serves dist/ itself, so it can take the server away or change a release.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

// The site's own service worker takes part, as for a reader (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const dist = path.resolve(import.meta.dirname, '..', 'dist');
const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.txt': 'text/plain; charset=utf-8',
};

/** A static server of dist/ whose files a test may rewrite (`changes`, by path from the root). */
async function serveDist(changes = new Map<string, (text: string) => string>()): Promise<{
	origin: string;
	stop: () => Promise<void>;
}> {
	const server: Server = createServer((req, res) => {
		const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file = path.join(dist, path.normalize(urlPath));
		try {
			if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
			let body: Buffer | string = readFileSync(file);
			const change = changes.get(urlPath);
			if (change) body = change(body.toString('utf8'));
			res.writeHead(200, {
				'content-type': types[path.extname(file)] ?? 'application/octet-stream',
				'cache-control': 'no-store',
			});
			res.end(body);
		} catch {
			res.writeHead(404, { 'content-type': types['.html']! }).end(readFileSync(path.join(dist, '404.html')));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Waits until the service worker has precached the site and controls the page. */
async function untilControlled(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** No server, and no network either. */
async function goOffline(context: BrowserContext, stop: () => Promise<void>): Promise<void> {
	await stop();
	await context.setOffline(true);
}

test('after one visit, lessons, quizzes, the reference, explain, practice, search and the analyzer work offline', async ({
	page,
	context,
}) => {
	const site = await serveDist();
	await page.goto(`${site.origin}/lessons/reading-gctrace/`);
	await untilControlled(page);
	await goOffline(context, site.stop);

	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// Another lesson, by its link, and its quiz.
	await page.locator('a[href="/lessons/reading-schedtrace/"]').first().click();
	await expect(page).toHaveURL(/\/lessons\/reading-schedtrace\/$/);
	const question = page.locator('trace-quiz .quiz-question').nth(2);
	await question.getByLabel('Every OS thread is busy.').check();
	await question.getByRole('button', { name: 'Check' }).click();
	await expect(question.locator('.quiz-feedback')).toContainText(/[✓✗]/);
	await expect(page.locator('trace-quiz .quiz-score')).toContainText('(1 answered)');

	await page.goto(`${site.origin}/reference/schedtrace/local-runqueues/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Local run queues');
	await expect(page.locator('trace-line a.tok.is-selected')).toHaveAttribute('data-key', 'schedtrace/local-runqueues');

	const line =
		'SCHED 1009ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=0 needspinning=0 idlethreads=1 runqueue=1 [2 0] schedticks=[33 40]';
	await page.goto(`${site.origin}/explain/?line=${encodeURIComponent(line)}`);
	await expect(page.locator('.explain-results trace-line')).toHaveCount(1);

	// The practice lines are fetched, so they come from the cache too.
	await page.goto(`${site.origin}/practice/?seed=offline&topics=gc&count=4`);
	await expect(page.locator('.practice-set[data-seed="offline"] .quiz-question[data-wired]')).toHaveCount(4);

	await page.goto(`${site.origin}/search/?q=runqueue`);
	await expect(page.locator('.search-results li').first()).toBeVisible();

	// An example capture, fetched and analyzed in a worker, both from the cache.
	await page.goto(`${site.origin}/analyze/`);
	const item = page.locator('[data-capture="schedtrace/go1.26-p2-leak.txt"]');
	await item.getByRole('button', { name: 'Analyze schedtrace/go1.26-p2-leak.txt' }).click();
	await expect(page.locator('[data-part="results"]')).toBeVisible();
	await expect(page.locator('[data-finding="goroutine-leak"]')).toBeVisible();

	// A page the site does not have: this release's not-found page, not the browser's error.
	await page.goto(`${site.origin}/no-such-page/`);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('a new release waits for the reader, then replaces the whole cache', async ({ page, context }) => {
	const lesson = '/lessons/reading-schedtrace/';
	const changes = new Map<string, (text: string) => string>();
	const site = await serveDist(changes);
	await page.goto(site.origin + lesson);
	await untilControlled(page);
	const notice = page.getByRole('status').filter({ hasText: 'A new version of this site is ready.' });
	await expect(notice).toBeHidden();

	// The next release changes this lesson; its worker lists the lesson with a new revision.
	changes.set(`${lesson}index.html`, (html) => html.replace(/(<main[^>]*>)/, '$1<p id="release-2">Release 2</p>'));
	changes.set('/sw.js', (js) =>
		js.replace(/(url:"lessons\/reading-schedtrace\/index\.html",revision:")[0-9a-f]+/, '$1release-2'),
	);
	await page.reload();
	// The old worker still serves the old release, whole, and offers the new one.
	await expect(notice).toBeVisible();
	await expect(page.locator('#release-2')).toHaveCount(0);
	// Put off, the offer comes back on the next page, and the old release is still served whole.
	await notice.getByRole('button', { name: 'Not now' }).click();
	await expect(notice).toBeHidden();
	await page.reload();
	await expect(notice).toBeVisible();
	await expect(page.locator('#release-2')).toHaveCount(0);

	await notice.getByRole('button', { name: 'Reload to update' }).click();
	await expect(page.locator('#release-2')).toBeVisible();
	await expect(notice).toBeHidden();

	// The cache now holds the new release only, so offline it is the new page that answers.
	const revisions = await page.evaluate(async (url) => {
		const found: string[] = [];
		for (const name of await caches.keys())
			for (const request of await (await caches.open(name)).keys())
				if (new URL(request.url).pathname === url)
					found.push(new URL(request.url).searchParams.get('__WB_REVISION__') ?? '');
		return found;
	}, `${lesson}index.html`);
	expect(revisions).toEqual(['release-2']);
	await goOffline(context, site.stop);
	await page.reload();
	await expect(page.locator('#release-2')).toBeVisible();
});
