import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/lib/chromium.mjs';
import { PORTS } from './tests/e2e/support/stack-info';

// End-to-end tests against the built app, a fresh PocketBase with the demo data and the mail catcher,
// all started once by the global setup. Debian's Chromium, on a phone-sized screen in Danish.
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: true,
	reporter: 'list',
	globalSetup: './tests/e2e/support/global-setup.ts',
	globalTeardown: './tests/e2e/support/global-teardown.ts',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://localhost:${PORTS.appPort}`,
		headless: true,
		viewport: { width: 360, height: 740 },
		isMobile: true,
		hasTouch: true,
		locale: 'da-DK',
		timezoneId: 'Europe/Copenhagen',
		launchOptions: {
			executablePath: CHROMIUM_PATH,
			args: CHROMIUM_ARGS
		},
		trace: 'retain-on-failure'
	},
	projects: [{ name: 'phone-chromium' }]
});
