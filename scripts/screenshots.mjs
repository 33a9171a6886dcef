// Takes the screenshots the web app manifest shows in the richer install sheet (Android, desktop
// Chromium): the demo as a member sees it, on a phone (narrow) and on a laptop (wide). It starts the
// whole stack with the demo data on ports of its own (shifted by E2E_PORT_OFFSET), builds the app
// when it is stale, and writes static/screenshots/install-*.png. Run `npm run screenshots` after a
// visible change; the manifest test checks that every file has the size the manifest declares.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildIfStale } from './lib/build.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/chromium.mjs';
import { ROOT } from './lib/pocketbase.mjs';
import { startStack } from './lib/stack.mjs';

const OUT = join(ROOT, 'static', 'screenshots');
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);

/**
 * The shots: a CSS viewport times the device scale gives the file's pixel size, which the manifest
 * declares (720×1280 and 1280×800; the narrow ratio stays under Chromium's limit of 2.3).
 * @type {{ out: string, path: 'home' | 'meeting', viewport: { width: number, height: number }, scale: number }[]}
 */
export const SHOTS = [
	{ out: 'install-home-narrow.png', path: 'home', viewport: { width: 360, height: 640 }, scale: 2 },
	{ out: 'install-meeting-narrow.png', path: 'meeting', viewport: { width: 360, height: 640 }, scale: 2 },
	{ out: 'install-home-wide.png', path: 'home', viewport: { width: 1280, height: 800 }, scale: 1 }
];

buildIfStale();
const dataDir = mkdtempSync(join(tmpdir(), 'klyngeportal-screenshots-'));
const stack = await startStack({
	dataDir,
	appPort: 4190 + offset,
	pbPort: 8490 + offset,
	smtpPort: 2790 + offset,
	inboxPort: 8390 + offset,
	exemptLoopback: true,
	log: () => {}
});
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
	const member = stack.logins.find((l) => l.role === 'member');
	if (!member) throw new Error('The demo data has no member login.');
	for (const shot of SHOTS) {
		const narrow = shot.viewport.width < 600;
		const context = await browser.newContext({
			baseURL: stack.url,
			viewport: shot.viewport,
			deviceScaleFactor: shot.scale,
			isMobile: narrow,
			hasTouch: narrow,
			locale: 'da-DK',
			timezoneId: 'Europe/Copenhagen'
		});
		const page = await context.newPage();
		await page.goto('/login');
		// Hydration sets the password disclosure's state: opened before it, it would shut again.
		await page.waitForLoadState('networkidle');
		await page.getByText('Log ind med adgangskode', { exact: true }).click();
		const details = page.getByRole('group').filter({ hasText: 'Log ind med adgangskode' });
		await details.getByRole('textbox', { name: 'E-mail', exact: true }).fill(member.email);
		await details.getByLabel('Adgangskode', { exact: true }).fill(stack.demoPassword);
		await details.getByRole('button', { name: 'Log ind', exact: true }).click();
		await page.waitForURL(`${stack.url}/`);
		if (shot.path === 'meeting') {
			await page.getByRole('region', { name: 'Dit næste møde' }).getByRole('link', { name: 'Se dagsorden' }).click();
			await page.waitForURL(/\/moeder\/[a-z0-9]{15}$/);
		}
		await page.screenshot({ path: join(OUT, shot.out) });
		console.log(`static/screenshots/${shot.out}`);
		await context.close();
	}
} finally {
	await browser.close();
	await stack.stop();
	rmSync(dataDir, { recursive: true, force: true });
}
