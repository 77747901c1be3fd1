/**
 * How the tests, the benchmark and the screenshots launch Chromium. Playwright cannot download
 * its own browsers here, so they drive Debian's; the flags keep it off the network.
 */
export const chromiumLaunch = {
	executablePath: '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
	],
};
