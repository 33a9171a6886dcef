// Reading without the server: saved meetings, items and attachments open from the phone with a stamp,
// other pages show the Danish offline page, and one user's saved pages never reach another.
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { logIn } from './support/shortcuts';
import { appStores, phoneAt, savedPages, waitForServiceWorker } from './support/offline';
import { startSecondApp, type SecondApp } from './support/second-app';
import { OfflinePage } from './pages/offline-page';

/** "Offline — viser indhold fra i dag kl. 14.32": saved during the test, so today. */
const STAMP_TODAY = /^Offline — viser indhold fra i dag kl\. \d{1,2}\.\d{2}$/;

let app: SecondApp | null = null;

test.afterEach(async () => {
	await app?.stop();
	app = null;
});

test('saved meetings, items and attachments open with the server stopped, with the stamp', async ({
	browser,
	stack
}) => {
	test.setTimeout(120_000);
	app = await startSecondApp(stack);
	const page = await phoneAt(browser, app.url);
	const offline = new OfflinePage(page);
	await logIn(page, stack.member, stack.password);
	await waitForServiceWorker(page);

	// The next meeting (upcoming) and its items are saved without the member doing anything.
	const next = `/moeder/${stack.nextMeeting.id}`;
	await expect
		.poll(() => savedPages(page), { timeout: 30_000 })
		.toEqual(expect.arrayContaining([next, `${next}/punkter/1`, '/', '/moeder', '/indkaldelser']));

	// The 2020 meeting is older than 90 days: saved when the member asks.
	const past = `/moeder/${stack.pastMeeting.id}`;
	await page.goto(past);
	await page.getByRole('button', { name: 'Gem til offline' }).click();
	await expect(page.getByText('Mødet er gemt til offline brug.')).toBeVisible({ timeout: 30_000 });
	const title = await page.getByRole('heading', { level: 1 }).textContent();
	const itemTitle = await page
		.goto(`${past}/punkter/3`)
		.then(() => page.getByRole('heading', { level: 1 }).textContent());

	await app.stop();
	app = null;

	await page.goto(past);
	await expect(offline.stamp).toHaveText(STAMP_TODAY);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title ?? '');
	// The way back to the meeting list is saved (with the front page and the calls), so it is not marked.
	await expect(page.getByRole('link', { name: /^Alle møder/ })).not.toContainText('ikke gemt');
	await expectNoAxeViolations(page);

	// Item 2 asks for participants: its call's page is not saved, and the link says so instead of failing.
	await page.goto(`${past}/punkter/2`);
	await expect(offline.stamp).toHaveText(STAMP_TODAY);
	await expect(page.locator('main a[href^="/indkaldelser/"]').first()).toHaveText(/ \(ikke gemt\)$/);

	await page.goto(`${past}/punkter/3`);
	await expect(offline.stamp).toHaveText(STAMP_TODAY);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(itemTitle ?? '');

	const attachment = await page.evaluate(
		async (url) => {
			const res = await fetch(url);
			return {
				status: res.status,
				type: res.headers.get('content-type'),
				head: new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5))
			};
		},
		`${past}/punkter/3/bilag/${encodeURIComponent(stack.item3Attachment)}`
	);
	expect(attachment).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

	await page.goto(next);
	await expect(offline.stamp).toHaveText(STAMP_TODAY);

	// A page that was never saved: the offline page, in Danish, accessible.
	await page.goto('/moeder/zzzzzzzzzzzzzzz');
	await expect(offline.heading).toBeVisible();
	await expect(page.getByText('Siden er ikke gemt på telefonen')).toBeVisible();
	await expectNoAxeViolations(page);
	// ... and it takes nothing away: the front page (where an installed app opens) is still there.
	await page.goto('/');
	await expect(offline.stamp).toHaveText(STAMP_TODAY);
	await expect(page.getByRole('heading', { name: 'Dine frister' })).toBeVisible();
	expect(await savedPages(page)).toEqual(expect.arrayContaining([next, past, '/moeder', '/indkaldelser']));
	await page.context().close();
});

test('the offline list names only what the member may see', async ({ page, stack }) => {
	await logIn(page, stack.member, stack.password);
	const list = await page.request.get('/offline/liste');
	expect(list.status()).toBe(200);
	const body = (await list.json()) as { meetings: { id: string; url: string; items: { url: string }[] }[] };
	const ids = body.meetings.map((m) => m.id);
	expect(ids).toContain(stack.nextMeeting.id);
	expect(ids).not.toContain(stack.themeMeeting.id);
	expect(ids).not.toContain(stack.pastMeeting.id);
	// Another group's meeting by its id: not there, as if it did not exist.
	expect((await page.request.get(`/offline/liste?moede=${stack.themeMeeting.id}`)).status()).toBe(404);
	expect((await page.request.get(`/offline/liste?moede=${stack.pastMeeting.id}`)).status()).toBe(200);
	// Without a login: nothing.
	const stranger = await page.context().browser()!.newContext({ baseURL: stack.url });
	expect((await stranger.request.get('/offline/liste')).status()).toBe(401);
	await stranger.close();
});

test('logging out wipes every saved page and database from the phone', async ({ browser, stack }) => {
	const page = await phoneAt(browser, stack.url);
	await logIn(page, stack.member, stack.password);
	await waitForServiceWorker(page);
	await expect.poll(() => savedPages(page), { timeout: 30_000 }).toContain(`/moeder/${stack.nextMeeting.id}`);
	expect((await appStores(page)).databases).toContain('klyngeportal-meta');
	// What Clear-Site-Data does to the service worker, watched through the DevTools protocol.
	const cdp = await page.context().newCDPSession(page);
	const versions = new Map<string, string>();
	cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
		for (const v of e.versions) versions.set(v.registrationId, v.status);
	});
	await cdp.send('ServiceWorker.enable');
	await expect.poll(() => [...versions.values()]).toEqual(['activated']);
	const [before] = versions.keys();
	await page.evaluate(async () =>
		(await caches.open('klyngeportal-shell-immutable')).put('/marker', new Response('x'))
	);

	const logout = page.waitForResponse(
		(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/logout'
	);
	await page.getByRole('button', { name: 'Log ud', exact: true }).click();
	expect((await (await logout).allHeaders())['clear-site-data']).toBe('"cache", "storage"');
	await expect(page).toHaveURL('/login');
	await expect
		.poll(async () => {
			const { caches, databases } = await appStores(page);
			return { caches: caches.filter((c) => !c.startsWith('klyngeportal-shell-')), databases };
		})
		.toEqual({ caches: [], databases: [] });
	// "storage" unregistered the worker (Chromium 156) and "cache" emptied even the shell; the login
	// page registered a new worker, which precached the shell afresh.
	await expect.poll(() => versions.get(before)).toBe('redundant');
	await expect
		.poll(() => [...versions].filter(([id, status]) => id !== before && status === 'activated').length)
		.toBe(1);
	expect(await page.evaluate(async () => !!(await caches.match('/marker')))).toBe(false);
	await page.context().close();
});

test('a second user on the same phone never sees the first user’s saved pages', async ({ browser, stack }) => {
	test.setTimeout(120_000);
	app = await startSecondApp(stack);
	const page = await phoneAt(browser, app.url);
	const offline = new OfflinePage(page);
	const next = `/moeder/${stack.nextMeeting.id}`;
	await logIn(page, stack.member, stack.password);
	await waitForServiceWorker(page);
	await expect.poll(() => savedPages(page), { timeout: 30_000 }).toContain(next);
	const memberTitle = await page.goto(next).then(() => page.getByRole('heading', { level: 1 }).textContent());
	const memberId = await page.evaluate(async () => (await fetch('/')).headers.get('x-klyngeportal-user'));
	expect(memberId).toMatch(/^[a-z0-9]{15}$/);

	// The first user's login ends without a logout (e.g. it expired); the theme member logs in.
	await page.context().clearCookies();
	await logIn(page, stack.themeMember, stack.password);
	expect(await savedPages(page)).not.toContain(next);
	// Online, the server refuses; the phone has nothing of the former user to show either.
	await page.goto(next);
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(memberTitle ?? '');
	await expect(offline.stamp).toHaveCount(0);

	// A copy of the first user's page slipped into the cache (a replay): never served to this user.
	await page.evaluate(
		async ([url, title, user]) => {
			const cache = await caches.open('klyngeportal-pages');
			const headers = {
				'content-type': 'text/html',
				'x-klyngeportal-user': user,
				'x-klyngeportal-saved-at': String(Date.now())
			};
			await cache.put(url, new Response(`<!doctype html><html><body><h1>${title}</h1></body></html>`, { headers }));
		},
		[next, memberTitle ?? 'forged', memberId ?? '']
	);

	await app.stop();
	app = null;
	await page.goto(next);
	await expect(offline.heading).toBeVisible();
	await expect(page.getByText(memberTitle ?? 'forged')).toHaveCount(0);
	await page.context().close();
});

test('the storage page shows what is saved and how much space it takes, and clears it', async ({ browser, stack }) => {
	const page = await phoneAt(browser, stack.url);
	await logIn(page, stack.member, stack.password);
	await waitForServiceWorker(page);
	const next = `/moeder/${stack.nextMeeting.id}`;
	// Wait until the background save has every item page of the next meeting.
	const list = (await (await page.request.get('/offline/liste')).json()) as {
		meetings: { url: string; items: { url: string }[] }[];
	};
	const itemPages = list.meetings.find((m) => m.url === next)?.items.map((i) => i.url) ?? [];
	expect(itemPages.length).toBeGreaterThan(0);
	await expect.poll(() => savedPages(page), { timeout: 60_000 }).toEqual(expect.arrayContaining([next, ...itemPages]));
	const title = await page.goto(next).then(() => page.getByRole('heading', { level: 1 }).textContent());

	// Found from every page, at its foot.
	await page.getByRole('contentinfo').getByRole('link', { name: 'Gemt til offline' }).click();
	await expect(page).toHaveURL('/offline/gemt');
	await expect(page.getByRole('heading', { level: 1, name: 'Gemt til offline' })).toBeVisible();
	await expect(page.getByText(/^Sidst gemt i dag kl\. \d{1,2}\.\d{2}\.$/)).toBeVisible();
	const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title ?? '' }) });
	await expect(entry).toContainText(`Punkter: ${itemPages.length} af ${itemPages.length}`);
	await expect(page.getByTestId('saved-bytes')).toHaveText(/^Gemte sider og bilag fylder \d+(,\d)? (kB|MB)\.$/);
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Ryd gemte data' }).click();
	await expect(page.getByText('De gemte data er ryddet.')).toBeVisible();
	expect(await savedPages(page)).toEqual([]);
	await expect(entry).toHaveCount(0);
	await page.context().close();
});
