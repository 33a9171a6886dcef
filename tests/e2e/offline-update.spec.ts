// A new version served while a page is open: the page offers "Ny version — genindlæs", and after the
// reload the new version runs (its service worker controls the page, its shell is the one kept).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { logIn } from './support/shortcuts';
import { phoneAt, waitForServiceWorker } from './support/offline';
import { startSecondApp, type SecondApp } from './support/second-app';

const ROOT = join(import.meta.dirname, '..', '..');
const NEW_VERSION = `e2e-update-${Date.now()}`;
let newBuild = '';
let app: SecondApp | null = null;

test.beforeAll(async () => {
	test.setTimeout(180_000);
	// Inside build/ (ignored by git), so that its server code finds node_modules.
	newBuild = mkdtempSync(join(ROOT, 'build', 'update-'));
	const res = spawnSync(
		process.execPath,
		[join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'],
		{
			cwd: ROOT,
			env: { ...process.env, KLYNGEPORTAL_BUILD_OUT: newBuild, KLYNGEPORTAL_VERSION: NEW_VERSION },
			stdio: 'inherit'
		}
	);
	if (res.status !== 0) throw new Error('the second build failed');
});

test.afterAll(async () => {
	await app?.stop();
	if (newBuild) rmSync(newBuild, { recursive: true, force: true });
});

/** The name under which the running page's SvelteKit runtime registered itself (one per version). */
const runtimeKeys = () => Object.keys(globalThis).filter((k) => k.startsWith('__sveltekit_'));

test('a new build served: the open page offers it, and after the reload the new version runs', async ({
	browser,
	stack
}) => {
	test.setTimeout(120_000);
	app = await startSecondApp(stack);
	const page = await phoneAt(browser, app.url);
	await logIn(page, stack.member, stack.password);
	await waitForServiceWorker(page);
	const oldRuntime = await page.evaluate(runtimeKeys);
	const banner = page.getByRole('button', { name: 'Ny version — genindlæs' });
	await expect(banner).toHaveCount(0);

	await app.stop();
	app = await startSecondApp(stack, { env: { BUILD_DIR: newBuild } });

	// One navigation inside the app is enough to find the new version.
	await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));
	await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Møder' }).click();
	await expect(page).toHaveURL('/moeder');
	await expect(banner).toBeVisible({ timeout: 20_000 });

	await Promise.all([page.waitForEvent('load'), banner.click()]);
	expect(await page.evaluate(() => 'beforeUpdate' in window), 'the page reloaded').toBe(false);
	await waitForServiceWorker(page);
	const shells = await page.evaluate(async () =>
		(await caches.keys()).filter((n) => n.startsWith('klyngeportal-shell-'))
	);
	expect(shells.sort()).toEqual([`klyngeportal-shell-${NEW_VERSION}`, 'klyngeportal-shell-immutable'].sort());
	const newRuntime = await page.evaluate(runtimeKeys);
	expect(newRuntime).toHaveLength(1);
	expect(newRuntime).not.toEqual(oldRuntime);
	await expect(banner).toHaveCount(0);
	await page.context().close();
});
