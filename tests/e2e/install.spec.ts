// Installing the app: Chromium finds it installable, iPhone users get the one-time "Føj til
// hjemmeskærm" hint (and nobody else does), and the manifest's shortcuts lead where they say.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.mjs';
import { IOS_HINT_DISMISSED_KEY, PERSIST_ASKED_KEY } from '../../src/lib/install/storage-keys';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';
import { createOrganization, createUser, PASSWORD } from '../support/factories';

const IPHONE_SAFARI =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';

const PHONE = {
	viewport: { width: 360, height: 740 },
	isMobile: true,
	hasTouch: true,
	locale: 'da-DK',
	timezoneId: 'Europe/Copenhagen'
};

/** A phone of its own with the given user agent (and, optionally, a script run before the page's). */
async function phoneWith(
	browser: Browser,
	baseURL: string,
	userAgent: string,
	initScript?: (standalone: boolean) => void,
	standalone = false
) {
	const context = await browser.newContext({ ...PHONE, baseURL, userAgent });
	// Playwright sends the function's source alone: it may use only its argument, no outer names.
	if (initScript) await context.addInitScript(initScript, standalone);
	return context.newPage();
}

const hintOn = (page: Page) => page.getByRole('region', { name: 'Læg Klyngeportal på hjemmeskærmen' });

/**
 * Follows a link and asserts that the app's client router handled it (no new document): proof that
 * the page had hydrated, so that a hint that is absent is absent for its own reasons.
 */
async function followInApp(page: Page, link: Locator, url: string | RegExp) {
	await page.waitForLoadState('networkidle');
	const documents: string[] = [];
	const onRequest = (r: { resourceType(): string; url(): string }) => {
		if (r.resourceType() === 'document') documents.push(r.url());
	};
	page.on('request', onRequest);
	await link.click();
	await expect(page).toHaveURL(url);
	page.off('request', onRequest);
	expect(documents, 'the link loaded a new document: the page had not hydrated').toEqual([]);
}

const installabilityErrors = async (page: Page) => {
	const cdp = await page.context().newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	await cdp.detach();
	return installabilityErrors.map((e) => e.errorId);
};

test('Chromium finds the app installable from its manifest and icons', async ({ stack, page }) => {
	// Playwright's default context is incognito, where Chromium installs nothing: the same check
	// there names exactly that, so the call below is a real check and not an empty answer.
	await logIn(page, stack.member, stack.password);
	await expect.poll(() => installabilityErrors(page)).toEqual(['in-incognito']);

	const profile = mkdtempSync(join(tmpdir(), 'klyngeportal-install-'));
	const context = await chromium.launchPersistentContext(profile, {
		...PHONE,
		baseURL: stack.url,
		headless: true,
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS
	});
	try {
		const installed = context.pages()[0] ?? (await context.newPage());
		await logIn(installed, stack.member, stack.password);
		const cdp = await context.newCDPSession(installed);
		const manifest = await cdp.send('Page.getAppManifest');
		expect(manifest.url).toBe(`${stack.url}/manifest.webmanifest`);
		expect(manifest.errors).toEqual([]);
		// No service worker is needed for this (Chromium dropped that criterion); the manifest decides.
		await expect.poll(() => installabilityErrors(installed)).toEqual([]);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test('an iPhone in Safari gets the home-screen hint once, without losing focus, and closing it is remembered', async ({
	browser,
	baseURL,
	stack
}) => {
	const page = await phoneWith(browser, baseURL!, IPHONE_SAFARI);
	try {
		await logIn(page, stack.member, stack.password);
		const hint = hintOn(page);
		await expect(hint).toBeVisible();
		await expect(hint).toContainText('Tryk på Del i Safari, og vælg Føj til hjemmeskærm.');
		// It appears in the page, not over it, and takes no focus from what the member was doing.
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
		await expectNoAxeViolations(page);
		// The 44 px target and, at 200 % text, nothing wider than the phone.
		const close = hint.getByRole('button', { name: 'Luk', exact: true });
		expect((await close.boundingBox())?.height).toBeGreaterThanOrEqual(44);
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		expect(await elementsWiderThanScreen(page)).toEqual([]);
		await page.evaluate(() => (document.documentElement.style.fontSize = ''));

		await hint.getByRole('button', { name: 'Luk', exact: true }).click();
		await expect(hint).toBeHidden();
		await expect(page.locator('main')).toBeFocused();
		expect(await page.evaluate((key) => localStorage.getItem(key), IOS_HINT_DISMISSED_KEY)).not.toBeNull();

		await page.reload();
		await followInApp(
			page,
			page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Møder' }),
			'/moeder'
		);
		await expect(hintOn(page)).toHaveCount(0);
	} finally {
		await page.context().close();
	}
});

test('no hint in a browser with its own install prompt, nor on an iPhone running the installed app', async ({
	browser,
	baseURL,
	stack,
	page
}) => {
	// Playwright's Chromium on a phone: Android's install prompt, no hint.
	await logIn(page, stack.member, stack.password);
	await followInApp(
		page,
		page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Møder' }),
		'/moeder'
	);
	await expect(hintOn(page)).toHaveCount(0);

	// Safari opened from the home screen says so through navigator.standalone.
	const homeScreen = await phoneWith(browser, baseURL!, IPHONE_SAFARI, () => {
		Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true });
	});
	try {
		await logIn(homeScreen, stack.member, stack.password);
		await followInApp(
			homeScreen,
			homeScreen.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Møder' }),
			'/moeder'
		);
		await expect(hintOn(homeScreen)).toHaveCount(0);
	} finally {
		await homeScreen.context().close();
	}
});

test('"Næste møde" opens the meeting home shows first, and each member only their own', async ({
	page,
	homePage,
	stack,
	newPhone
}) => {
	// Not logged in: to the login page, and back to the shortcut afterwards.
	const anonymous = await page.request.get('/moeder/naeste', { maxRedirects: 0 });
	expect(anonymous.status()).toBe(303);
	expect(anonymous.headers().location).toBe('/login?til=%2Fmoeder%2Fnaeste');

	await logIn(page, stack.member, stack.password);
	const shownFirst = await homePage.openNextMeeting.getAttribute('href');
	expect(shownFirst).toMatch(/\/moeder\/[a-z0-9]{15}$/);
	const response = await page.request.get('/moeder/naeste', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers()['cache-control']).toBe('private, no-store');
	expect(response.headers().location).toBe(new URL(shownFirst!, stack.url).pathname);
	expect(response.headers().location).not.toContain(stack.themeMeeting.id);

	await page.goto('/moeder/naeste');
	await expect(page).toHaveURL(new URL(shownFirst!, stack.url).pathname);

	// A member of another group is sent to that group's meeting, never to the steering group's.
	const other = await newPhone();
	await logIn(other, stack.themeMember, stack.password);
	const theirs = await other.request.get('/moeder/naeste', { maxRedirects: 0 });
	expect(theirs.status()).toBe(303);
	expect(theirs.headers().location).toBe(`/moeder/${stack.themeMeeting.id}`);
});

test('"Næste møde" sends a person with no upcoming meeting to the front page', async ({ page, stack }) => {
	const admin = new PocketBase(stack.pbUrl);
	admin.autoCancellation(false);
	await admin.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	const organization = await createOrganization(admin);
	const { record } = await createUser(admin, { organization: organization.id });

	await logIn(page, { email: record.email }, PASSWORD);
	const response = await page.request.get('/moeder/naeste', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers().location).toBe('/');
});

test('"Dine frister" opens the front page at the deadline list', async ({ page, stack }) => {
	await logIn(page, stack.member, stack.password);
	await page.goto('/#frister');
	const deadlines = page.locator('#frister');
	await expect(deadlines.getByRole('heading', { name: 'Dine frister' })).toBeVisible();
	await expect(deadlines).toBeInViewport();
});

/**
 * Counts calls of navigator.storage.persist() in sessionStorage (it outlives a reload) and, when
 * `standalone`, makes the page believe it runs as an installed app: Chromium's media emulation has
 * no display-mode, so matchMedia answers for it.
 */
function persistSpy(standalone: boolean) {
	// "0" from the start: a missing count means the spy is missing, not that nothing was asked.
	if (sessionStorage.getItem('test:persist-calls') === null) sessionStorage.setItem('test:persist-calls', '0');
	const storage = navigator.storage;
	const persist = storage.persist.bind(storage);
	storage.persist = () => {
		sessionStorage.setItem('test:persist-calls', String(Number(sessionStorage.getItem('test:persist-calls')) + 1));
		return persist();
	};
	if (standalone) {
		const matchMedia = window.matchMedia.bind(window);
		window.matchMedia = (query: string) =>
			query === '(display-mode: standalone)'
				? ({ ...matchMedia(query), matches: true } as MediaQueryList)
				: matchMedia(query);
	}
}

const persistState = (page: Page) =>
	page.evaluate(
		(key) => ({ calls: sessionStorage.getItem('test:persist-calls'), asked: localStorage.getItem(key) }),
		PERSIST_ASKED_KEY
	);

test('persistent storage is asked for once when the app runs installed, and never in a browser tab', async ({
	browser,
	baseURL,
	stack
}) => {
	const menuLink = (page: Page) =>
		page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Møder' });
	const tab = await phoneWith(browser, baseURL!, IPHONE_SAFARI, persistSpy, false);
	const installed = await phoneWith(browser, baseURL!, IPHONE_SAFARI, persistSpy, true);
	try {
		await logIn(tab, stack.member, stack.password);
		await followInApp(tab, menuLink(tab), '/moeder');
		expect(await persistState(tab)).toEqual({ calls: '0', asked: null });

		await logIn(installed, stack.member, stack.password);
		await followInApp(installed, menuLink(installed), '/moeder');
		const first = await persistState(installed);
		expect(first.calls).toBe('1');
		expect(['granted', 'denied']).toContain(first.asked);
		await installed.reload();
		await followInApp(installed, installed.getByRole('link', { name: 'Klyngeportal' }), '/');
		expect(await persistState(installed)).toEqual(first);
	} finally {
		await tab.context().close();
		await installed.context().close();
	}
});
