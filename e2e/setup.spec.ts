/**
 * The setup page gives a learner with only Go the programs the lessons run: each .zip downloads,
 * unpacks and builds with the machine's Go, and each file's own link gives the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const hasGo = spawnSync('go', ['version']).status === 0;

test('every example program downloads as a .zip that unpacks and builds with Go', async ({ page }) => {
	test.skip(!hasGo, 'no `go` on this machine: the downloads are not built');
	test.setTimeout(180_000);
	await page.goto('/setup/');
	const links = page.getByRole('link', { name: /^Download .+\.zip$/ });
	const count = await links.count();
	// The captures ran at least the tutorial's web service and the GC demo.
	expect(count).toBeGreaterThanOrEqual(2);
	const dir = mkdtempSync(path.join(tmpdir(), 'setup-e2e-'));
	try {
		for (let i = 0; i < count; i++) {
			const link = links.nth(i);
			const name = (await link.textContent())!.trim().replace(/^Download /, '');
			const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
			expect(download.suggestedFilename()).toBe(name);
			const zip = path.join(dir, name);
			await download.saveAs(zip);
			const unzip = spawnSync('unzip', ['-q', zip, '-d', dir], { encoding: 'utf8' });
			expect(unzip.status, unzip.stderr).toBe(0);
			const folder = path.join(dir, name.replace(/\.zip$/, ''));
			// Built offline, as the program needs nothing beyond the standard library.
			const build = spawnSync('go', ['build', '-o', path.join(dir, 'bin', name), '.'], {
				cwd: folder,
				encoding: 'utf8',
				env: { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local' },
			});
			expect(build.status, `go build in ${name}: ${build.stderr}`).toBe(0);
			// Each file's own link serves exactly what the archive holds.
			const section = page.locator('section.program').nth(i);
			const fileLinks = section.getByRole('link', { name: /^download / });
			expect(await fileLinks.count()).toBeGreaterThan(0);
			for (const fileLink of await fileLinks.all()) {
				const file = (await fileLink.getAttribute('download'))!;
				const response = await page.request.get((await fileLink.getAttribute('href'))!);
				expect(response.ok()).toBe(true);
				expect(await response.text()).toBe(readFileSync(path.join(folder, file), 'utf8'));
			}
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
