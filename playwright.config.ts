import { defineConfig, devices } from '@playwright/test';
// Debian's Chromium (`npm run test:e2e` installs it when missing), kept off the network.
import { chromiumLaunch } from './scripts/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4391);

export default defineConfig({
	testDir: './e2e',
	testMatch: '**/*.spec.ts',
	fullyParallel: true,
	workers: 2,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: [['list'], ['./e2e/summary-reporter.ts']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: chromiumLaunch,
		trace: 'off',
		// The service worker would precache the whole site in every test's fresh context; the specs
		// about it (offline, csp) allow it.
		serviceWorkers: 'block',
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	// The tests run against the production build (`npm run build` first), as a reader gets it.
	webServer: {
		command: `node scripts/serve-dist.ts ${port}`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 60_000,
	},
});
