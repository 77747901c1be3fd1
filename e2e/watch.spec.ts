// `npm run explain -- --watch`: a real Go program (examples/gcdemo) run under the command, its
// lines followed live by the analyzer page the command serves from the built site.
import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = mkdtempSync(path.join(tmpdir(), 'watch-e2e-'));
const gcdemo = path.join(bin, 'gcdemo');
let watcher: ChildProcess | null = null;

test.beforeAll(() => {
	const built = spawnSync('go', ['build', '-o', gcdemo, '.'], { cwd: path.join(root, 'examples', 'gcdemo') });
	if (built.status !== 0) throw new Error(`go build failed: ${built.stderr}`);
});
test.afterAll(() => rmSync(bin, { recursive: true, force: true }));
test.afterEach(() => {
	if (watcher?.exitCode === null) watcher.kill('SIGKILL');
	watcher = null;
});

/** Runs the command; resolves with the address it prints and a promise of its exit status. */
async function startWatch(
	args: string[],
): Promise<{ address: string; closed: Promise<number | null>; output: () => string }> {
	const child = spawn(process.execPath, ['src/cli/explain.ts', '--watch', ...args], { cwd: root });
	watcher = child;
	let output = '';
	child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
	const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
	const address = await new Promise<string>((resolve, reject) => {
		let err = '';
		child.stderr!.on('data', (c: Buffer) => {
			err += c.toString();
			const found = /the live analyzer is at (\S+)/.exec(err);
			if (found) resolve(found[1]!);
		});
		void closed.then(() => reject(new Error(`the command ended: ${err}`)));
	});
	return { address, closed, output: () => output };
}

test('watching gcdemo: lines arrive in the page, the charts and summary follow, and the end is told', async ({
	page,
}) => {
	const watch = await startWatch(['--godebug', 'gctrace=1,schedtrace=250', '--', gcdemo, '-d', '5s']);
	const outside: string[] = [];
	page.on('request', (r) => {
		if (new URL(r.url()).origin !== new URL(watch.address).origin && !r.url().startsWith('blob:'))
			outside.push(r.url());
	});
	await page.goto(watch.address);
	const live = page.locator('[data-part="live"]');
	await expect(live).toContainText(/Watching live: [\d,]+ lines? so far/);
	const count = async () => Number(/([\d,]+) lines?/.exec((await live.textContent()) ?? '')![1]!.replace(/,/g, ''));
	const first = await count();
	// More lines arrive while the program runs, and the analysis follows them.
	await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(first);
	await expect(page.locator('[data-chart="heap"] canvas')).toBeVisible();
	await expect(page.locator('[data-chart="runqueues"] canvas')).toBeVisible();
	await expect(page.locator('[data-part="summary"]')).toContainText('Stop-the-world pauses');
	// gcdemo runs for 5 s, then exits: the page says the analysis is final.
	await expect(page.getByRole('status').first()).toContainText(
		/^Watched [\d,]+ lines; the program exited with status 0, so this analysis is final\.$/,
		{ timeout: 15_000 },
	);
	expect(await watch.closed).toBe(0);
	const lines = await count();
	await expect(page.locator('[data-kind-count="gctrace"]')).not.toHaveText('0');
	const shown = await page.locator('[data-kind-count]').allTextContents();
	expect(shown.reduce((sum, n) => sum + Number(n.replace(/,/g, '')), 0)).toBe(lines);
	expect(outside).toEqual([]);
});

test('opened on an ordinary copy of the site, #watch says what it is for', async ({ page }) => {
	await page.goto('/analyze/#watch');
	await expect(page.getByRole('status').first()).toContainText(
		'Nothing to watch here: this address follows a live program only when the command',
	);
	// The analyzer still takes a log.
	await expect(page.getByRole('button', { name: /Analyze/ }).first()).toBeVisible();
});
