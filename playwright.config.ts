import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download its own browsers here, so it drives Debian's Chromium
// (`npm run test:e2e` installs it when missing). The flags keep Chromium off the network.
const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
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
		launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
		trace: 'off',
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
