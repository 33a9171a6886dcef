// Push reminders, end to end on a phone-sized Chromium: a member turns push on from the Påmindelser
// page, the device appears, "Send en test" goes through the real engine to the local push service
// (which decrypts it), a real attendance reminder is sent the same way, and the service worker shows
// the decrypted payload (handed to it with CDP ServiceWorker.deliverPushMessage, as a push service
// would) and answers "Deltager" from it; preferences are saved with "Gemt"; axe on every screen.
//
// Headless Chromium cannot make a real push subscription (it needs Google's FCM), so the page's
// PushManager makes the test's subscription on the local push service instead: `subscribe` returns it
// and `getSubscription` reads it back (the two PushManager methods that make and read one; nothing
// else of the browser or the app is replaced). A test cannot tap a notification either: the tap
// handler is unit-tested (src/lib/push/click.spec.ts), and here a message to the service worker runs
// that same handler for the shown notification (src/service-worker/push.ts, TEST_ACTION_MESSAGE).
import type { Browser, Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { PushControl, type BrowserSubscription } from '../support/push-service';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { savedPages, waitForServiceWorker } from './support/offline';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';
import type { Person, StackInfo } from './support/stack-info';
import { HomePage } from './pages/home-page';
import { RemindersPage } from './pages/reminders-page';

/**
 * Which of `stack.steeringMembers` each test is: after those attendance.spec.ts and outbox.spec.ts
 * take from the start (0–12), before those answer-feedback.spec.ts takes from the end.
 */
const MEMBER = { turnsPushOn: 13, declinesOffer: 14 } as const;

function memberFor(stack: StackInfo, role: keyof typeof MEMBER): Person {
	const member = stack.steeringMembers[MEMBER[role]];
	if (!member || stack.steeringMembers.length < MEMBER[role] + 1 + 4) {
		throw new Error(`the demo has too few steering-group members for "${role}"`);
	}
	return member;
}

async function admin(stack: StackInfo): Promise<PocketBase> {
	const pb = new PocketBase(stack.pbUrl);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	return pb;
}

/** The page's PushManager hands out `subscription` (made on the local push service) as its own. */
async function useTestSubscription(page: Page, subscription: BrowserSubscription) {
	await page.addInitScript((sub) => {
		const STORE = 'e2e:push-subscription';
		const fromB64 = (value: string) => {
			const raw = atob(
				value
					.replace(/-/g, '+')
					.replace(/_/g, '/')
					.padEnd(Math.ceil(value.length / 4) * 4, '=')
			);
			return Uint8Array.from(raw, (c) => c.charCodeAt(0)).buffer;
		};
		const toB64 = (buffer: ArrayBuffer) =>
			btoa(String.fromCharCode(...new Uint8Array(buffer)))
				.replace(/\+/g, '-')
				.replace(/\//g, '_')
				.replace(/=+$/, '');
		const make = (serverKey: string) => ({
			endpoint: sub.endpoint,
			expirationTime: null,
			options: { userVisibleOnly: true, applicationServerKey: fromB64(serverKey) },
			getKey: (name: 'p256dh' | 'auth') => fromB64(sub.keys[name]),
			toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
			unsubscribe: async () => {
				localStorage.removeItem(STORE);
				return true;
			}
		});
		PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
			const key = options?.applicationServerKey;
			const bytes = key instanceof ArrayBuffer ? key : ArrayBuffer.isView(key) ? key.buffer : new ArrayBuffer(0);
			localStorage.setItem(STORE, toB64(bytes as ArrayBuffer));
			return make(toB64(bytes as ArrayBuffer)) as unknown as PushSubscription;
		};
		PushManager.prototype.getSubscription = async function () {
			const key = localStorage.getItem(STORE);
			return (key ? make(key) : null) as unknown as PushSubscription | null;
		};
	}, subscription);
}

/** The title and row id of a decrypted reminder payload. */
function reminderOf(payload: unknown): { title?: string; id?: string } {
	const n = (payload as { notification?: { title?: string; data?: { id?: string } } } | null)?.notification;
	return { title: n?.title, id: n?.data?.id };
}

/** A PocketBase record id made by the test, so that the payload can name its own row. */
const newRowId = () =>
	Array.from({ length: 15 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('');

/** The service worker's registration id, for CDP. */
async function registrationId(page: Page, origin: string) {
	const cdp = await page.context().newCDPSession(page);
	const found = new Promise<string>((resolve) =>
		cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
			const ours = registrations.find((r) => r.scopeURL.startsWith(origin) && !r.isDeleted);
			if (ours) resolve(ours.registrationId);
		})
	);
	await cdp.send('ServiceWorker.enable');
	return { cdp, id: await found };
}

/** The notifications the service worker shows now. */
function shownNotifications(page: Page) {
	return page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		return (await registration.getNotifications()).map((n) => ({
			title: n.title,
			body: n.body,
			tag: n.tag,
			lang: n.lang,
			data: n.data as { url?: string; id?: string },
			actions: (n as Notification & { actions?: { action: string; title: string }[] }).actions ?? []
		}));
	});
}

/** Runs the service worker's tap handler for a shown notification, as a tap on `action` would. */
function tapAction(page: Page, tag: string, action: string) {
	return page.evaluate(
		async ({ tag, action }) => {
			const registration = await navigator.serviceWorker.ready;
			const channel = new MessageChannel();
			const reply = new Promise<{ ok: boolean }>((resolve) => (channel.port1.onmessage = (e) => resolve(e.data)));
			registration.active!.postMessage({ type: 'notification-action', tag, action }, [channel.port2]);
			return reply;
		},
		{ tag, action }
	);
}

test('a member turns push on, gets a test and a reminder, and answers "Deltager" from the notification', async ({
	page,
	context,
	stack
}) => {
	test.setTimeout(120_000);
	const pb = await admin(stack);
	const control = new PushControl(stack.push.controlUrl);
	const member = memberFor(stack, 'turnsPushOn');
	const memberId = (await pb.collection('users').getFirstListItem(pb.filter('email = {:e}', { e: member.email }))).id;
	const meetingId = stack.nextMeeting.id;
	const reminders = new RemindersPage(page);
	await context.grantPermissions(['notifications'], { origin: stack.url });

	await logIn(page, member, stack.password);
	await waitForServiceWorker(page);
	// The subscription is bound to the key the app subscribes with, as a real push service binds it.
	const status = await (await page.request.get('/paamindelser/status')).json();
	expect(status.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
	const subscription = await control.createSubscription({ vapidKey: status.publicKey });
	await useTestSubscription(page, subscription);
	// The replacement applies from the next document on.
	await page.reload();

	await page.getByRole('link', { name: 'Påmindelser om dine frister' }).click();
	await expect(reminders.heading).toBeVisible();
	await expect(reminders.turnOn).toBeVisible();
	await expect(reminders.devices).toHaveCount(0);
	await expectNoAxeViolations(page);

	await reminders.turnOn.click();
	await expect(reminders.pushState).toContainText('Påmindelser er slået til på denne enhed.');
	const device = reminders.devices.first();
	await expect(device).toContainText('Denne enhed');
	await expect(device).toContainText(/Sidst set i dag kl\. \d{1,2}\.\d\d/);
	const stored = await pb
		.collection('push_subscriptions')
		.getFirstListItem(pb.filter('endpoint = {:e}', { e: subscription.endpoint }));
	expect(stored).toMatchObject({ user: memberId, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth });
	await expectNoAxeViolations(page);

	// Every app start posts the subscription again, so the server sees the device is alive.
	// Three days ago: well within the 60 days after which the engine drops a device unseen.
	const longAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().replace('T', ' ');
	const lastSeen = async () => (await pb.collection('push_subscriptions').getOne(stored.id)).last_seen as string;
	await pb.collection('push_subscriptions').update(stored.id, { last_seen: longAgo });
	await page.reload();
	await expect.poll(lastSeen).not.toBe(longAgo);
	// A subscription made with a former VAPID key is made anew with the current one at the next start.
	await page.evaluate(() => localStorage.setItem('e2e:push-subscription', 'b2xkLWtleQ'));
	await pb.collection('push_subscriptions').update(stored.id, { last_seen: longAgo });
	await page.reload();
	await expect.poll(() => page.evaluate(() => localStorage.getItem('e2e:push-subscription'))).toBe(status.publicKey);
	await expect.poll(lastSeen).not.toBe(longAgo);

	// "Send en test": through the real engine to the push service, which decrypts it.
	await device.getByRole('button', { name: 'Send en test' }).click();
	await expect(device.getByRole('status')).toHaveText('Testen er sendt. Den bør komme frem om et øjeblik.');
	await expect
		.poll(async () => (await control.delivered(subscription.endpoint)).map((p) => reminderOf(p.payload).title))
		.toContain('Test fra Klyngeportal');

	// A real attendance reminder, due now, queued as the secretariat's "Send påmindelse nu" queues one
	// (the planner cancels pending rows of its own that it did not plan).
	const origin = stack.url.replace(/\/$/, '');
	const meetingUrl = `${origin}/moeder/${meetingId}#svar`;
	const rowId = newRowId();
	await pb.collection('notifications').create({
		id: rowId,
		user: memberId,
		kind: 'attendance',
		subject: meetingId,
		moment: `e2e@${Date.now()}`,
		origin: 'secretariat',
		due: new Date(Date.now() - 1000).toISOString(),
		expires: new Date(Date.now() + 3600_000).toISOString(),
		status: 'pending',
		attempts: 0,
		payload: {
			web_push: 8030,
			app_badge: 2,
			notification: {
				title: 'Svar senest i morgen: Klyngestyregruppemøde fredag den 8. januar',
				body: 'Svarfristen er torsdag den 7. januar kl. 12.00.',
				navigate: meetingUrl,
				lang: 'da',
				dir: 'ltr',
				tag: `attendance:${meetingId}`,
				timestamp: Date.now(),
				actions: [
					{ action: 'attending', title: 'Deltager', navigate: meetingUrl },
					{ action: 'absent', title: 'Afbud', navigate: meetingUrl }
				],
				data: { id: rowId, kind: 'attendance', subject: meetingId }
			}
		}
	});
	let text = '';
	await expect
		.poll(async () => {
			const pushes = await control.delivered(subscription.endpoint);
			text = pushes.find((p) => reminderOf(p.payload).id === rowId)?.text ?? '';
			return text;
		})
		.not.toBe('');

	// The service worker shows what the phone would have shown.
	const { cdp, id } = await registrationId(page, origin);
	await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: id, data: text });
	await expect
		.poll(async () => (await shownNotifications(page)).find((n) => n.tag === `attendance:${meetingId}`))
		.toMatchObject({
			title: 'Svar senest i morgen: Klyngestyregruppemøde fredag den 8. januar',
			body: 'Svarfristen er torsdag den 7. januar kl. 12.00.',
			lang: 'da',
			data: { url: meetingUrl, id: rowId },
			actions: [
				{ action: 'attending', title: 'Deltager' },
				{ action: 'absent', title: 'Afbud' }
			]
		});

	// "Deltager" on the notification: stored without opening a page, and a confirmation replaces it.
	await expect
		.poll(() => savedPages(page).then((p) => p.length), { message: 'the service worker knows whose phone it is' })
		.toBeGreaterThan(0);
	expect(await tapAction(page, `attendance:${meetingId}`, 'attending')).toEqual({ ok: true });
	await expect
		.poll(async () =>
			(
				await pb.collection('attendance').getFullList({
					filter: pb.filter('meeting = {:m} && user = {:u}', { m: meetingId, u: memberId })
				})
			).map((a) => a.status)
		)
		.toEqual(['attending']);
	await expect
		.poll(async () => (await shownNotifications(page)).find((n) => n.tag === `attendance:${meetingId}`))
		.toMatchObject({
			title: 'Svar registreret',
			body: 'Du deltager i Klyngestyregruppemøde fredag den 8. januar.'
		});
	// Tapping it marked the reminder read.
	await expect.poll(async () => (await pb.collection('notifications').getOne(rowId)).read_at).not.toBe('');

	// A clock time PocketBase refuses comes back as a Danish message on its field (the form without
	// JavaScript; with it the time input cannot hold one).
	const form: Record<string, string> = { quiet_from: '25:00', quiet_to: '07:00' };
	for (const kind of ['attendance', 'nomination', 'meeting_tomorrow', 'agenda_published', 'agenda_changed']) {
		form[`channel_${kind}`] = 'push';
	}
	form.channel_minutes_published = 'email';
	form.channel_follow_up = 'both';
	const refused = await page.request.post('/paamindelser?/prefs', {
		form,
		headers: { origin: origin, accept: 'text/html' }
	});
	expect(refused.status()).toBe(400);
	expect(await refused.text()).toMatch(/id="quiet_from-error"[^>]*>Skriv et klokkeslæt som TT:MM, fx 21:00\./);
	expect((await pb.collection('users').getOne(memberId)).notification_prefs).toBeNull();

	// Preferences, saved with "Gemt".
	await reminders.goto();
	await reminders.prefs.getByLabel('Referat udsendt').selectOption('none');
	await reminders.prefs.getByLabel('Fra kl.').fill('22:00');
	await reminders.save.click();
	await expect(reminders.saved).toHaveText('Gemt');
	const prefs = (await pb.collection('users').getOne(memberId)).notification_prefs;
	expect(prefs).toMatchObject({
		channels: { minutes_published: 'none', attendance: 'push' },
		quiet: { from: '22:00', to: '07:00' }
	});
	await reminders.page.reload();
	await expect(reminders.prefs.getByLabel('Referat udsendt')).toHaveValue('none');

	// The newest reminders: the test (unread) and the answered reminder (read).
	await expect(reminders.recent.first()).toBeVisible();
	const testReminder = reminders.recent.filter({ hasText: 'Test fra Klyngeportal' });
	await expect(testReminder).toContainText('Ulæst');
	await expect(reminders.recent.filter({ hasText: 'Svar senest i morgen' })).not.toContainText('Ulæst');
	// The navigation counts what is unread (the planner may have sent this member reminders of its own).
	const unread = await pb.collection('notifications').getFullList({
		filter: pb.filter('user = {:u} && status = "sent" && read_at = ""', { u: memberId })
	});
	expect(unread.length).toBeGreaterThan(0);
	await expect(reminders.navLink).toHaveAccessibleName(
		new RegExp(
			`^Påmindelser\\s*, ${unread.length === 1 ? '1 ulæst påmindelse' : `${unread.length} ulæste påmindelser`}$`
		)
	);
	await expectNoAxeViolations(page);
	await testReminder.getByRole('button').click();
	await expect(page).toHaveURL('/paamindelser');
	await expect(reminders.recent.filter({ hasText: 'Test fra Klyngeportal' })).not.toContainText('Ulæst');

	// At 200 % text the page still fits a 360 px phone (WCAG 1.4.4, 1.4.10).
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	expect(await elementsWiderThanScreen(page)).toEqual([]);
	await page.evaluate(() => (document.documentElement.style.fontSize = ''));

	// Turning push off forgets this device.
	const rowsAt = () =>
		pb
			.collection('push_subscriptions')
			.getFullList({ filter: pb.filter('endpoint = {:e}', { e: subscription.endpoint }) });
	await reminders.turnOff.click();
	await expect(reminders.turnOn).toBeVisible();
	await expect(reminders.devices).toHaveCount(0);
	await expect.poll(rowsAt).toEqual([]);

	// "Fjern" on the device in hand turns push off here too: it does not come back at the next start.
	await reminders.turnOn.click();
	await expect(reminders.device(/Denne enhed/)).toHaveCount(1);
	await reminders
		.device(/Denne enhed/)
		.getByRole('button', { name: 'Fjern' })
		.click();
	await expect(reminders.turnOn).toBeVisible();
	await expect(reminders.devices).toHaveCount(0);
	await expect.poll(rowsAt).toEqual([]);
	await page.reload({ waitUntil: 'networkidle' });
	await expect(reminders.turnOn).toBeVisible();
	expect(await rowsAt()).toEqual([]);
});

test('after an answer the member is offered reminders once; "Nej tak" is remembered', async ({ page, stack }) => {
	const member = memberFor(stack, 'declinesOffer');
	const home = new HomePage(page);
	await logIn(page, member, stack.password);
	const offer = page.getByTestId('push-offer');
	await expect(offer).toBeHidden();

	await home.answer.attend.click();
	await expect(home.answer.saved).toBeVisible();
	await expect(offer).toContainText('Vil du have en påmindelse før næste frist?');
	await expect(offer.getByRole('button', { name: 'Ja, slå påmindelser til' })).toBeVisible();
	await expectNoAxeViolations(page);
	await offer.getByRole('button', { name: 'Nej tak' }).click();
	await expect(offer).toBeHidden();

	await home.answer.decline.click();
	await expect(home.answer.status).toContainText('Afbud');
	await expect(home.answer.saved).toBeVisible();
	await expect(offer).toBeHidden();
});

test.describe('where push cannot simply be turned on, the page says why', () => {
	const IPHONE_SAFARI =
		'Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1';

	async function phone(browser: Browser, stack: StackInfo, options: { userAgent?: string } = {}) {
		const context = await browser.newContext({
			baseURL: stack.url,
			viewport: { width: 360, height: 740 },
			isMobile: true,
			hasTouch: true,
			locale: 'da-DK',
			timezoneId: 'Europe/Copenhagen',
			...options
		});
		const page = await context.newPage();
		await logIn(page, stack.member, stack.password);
		return { context, page, reminders: new RemindersPage(page) };
	}

	test('a browser that blocks notifications: how to unblock them, and no button', async ({ browser, stack }) => {
		const { context, page, reminders } = await phone(browser, stack);
		try {
			// Granting nothing refuses every permission, as a member's "Bloker" does.
			await context.grantPermissions([], { origin: stack.url });
			await reminders.goto();
			await expect(reminders.pushState).toContainText('Påmindelser er blokeret for Klyngeportal i din browser.');
			await expect(reminders.pushState).toContainText('vælg Notifikationer, og tillad dem');
			await expect(reminders.turnOn).toBeHidden();
			await expectNoAxeViolations(page);
		} finally {
			await context.close();
		}
	});

	test('a browser without push: e-mail instead', async ({ browser, stack }) => {
		const { context, page, reminders } = await phone(browser, stack);
		try {
			await page.addInitScript(() => {
				delete (window as { PushManager?: unknown }).PushManager;
			});
			await reminders.goto();
			await expect(reminders.pushState).toContainText('Denne browser kan ikke vise påmindelser.');
			await expect(reminders.turnOn).toBeHidden();
			await expectNoAxeViolations(page);
		} finally {
			await context.close();
		}
	});

	test('an iPhone in a Safari tab: the home-screen hint instead of the button', async ({ browser, stack }) => {
		const { context, page, reminders } = await phone(browser, stack, { userAgent: IPHONE_SAFARI });
		try {
			await reminders.goto();
			await expect(reminders.pushState).toContainText('Læg Klyngeportal på hjemmeskærmen');
			await expect(reminders.pushState).toContainText('Tryk på Del i Safari, og vælg Føj til hjemmeskærm.');
			await expect(reminders.turnOn).toBeHidden();
			await expectNoAxeViolations(page);
		} finally {
			await context.close();
		}
	});
});
