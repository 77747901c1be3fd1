import { defineConfig, devices } from '@playwright/test';
// Debian's Chromium (`npm run test:e2e` installs it when missing), kept off the network.
import { chromiumLaunch } from './scripts/chromium.ts';

// The test server takes a free port unless E2E_PORT names one. It prints its address, which
// Playwright stores in E2E_PORT for the test workers; Playwright stops it by its process id.
const port = process.env.E2E_PORT ?? '0';

// Each run checks a random sample of pages besides each template's representatives
// (e2e/site-pages.ts); E2E_SAMPLE_SEED repeats a run's sample. Set here, once, so the test
// workers, which load this file again, draw the same pages; the summary reporter prints it.
process.env.E2E_SAMPLE_SEED ||= String(Math.floor(Math.random() * 2 ** 31));

export default defineConfig({
	testDir: './e2e',
	testMatch: '**/*.spec.ts',
	fullyParallel: true,
	// One more than the machine's two cores: a test spends part of its time waiting on the browser's
	// round trips and page loads, which a third worker fills (about a sixth off the run, measured).
	workers: 3,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: [['list'], ['./e2e/summary-reporter.ts']],
	use: {
		baseURL: `http://127.0.0.1:${process.env.E2E_PORT}`,
		launchOptions: chromiumLaunch,
		trace: 'off',
		// The service worker would precache the whole site in every test's fresh context; the specs
		// about it (offline, csp) allow it.
		serviceWorkers: 'block',
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	// Reference images of e2e/screenshots.spec.ts, named by the spec, for this machine's kind of Chromium.
	expect: { toHaveScreenshot: { pathTemplate: '{testDir}/screenshots/{arg}{ext}' } },
	// The tests run against the production build (`npm run build` first), as a reader gets it.
	webServer: {
		command: `node scripts/serve-dist.ts ${port}`,
		wait: { stdout: /serving dist\/ at http:\/\/127\.0\.0\.1:(?<e2e_port>\d+)\// },
		reuseExistingServer: false,
		timeout: 60_000,
	},
});
