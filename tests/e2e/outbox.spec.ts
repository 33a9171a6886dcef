// Answers without a network: with the app server stopped, an answer waits in the phone's outbox and
// says so ("Venter på netværk"), never that it is saved; when the server is back it is sent and stored
// exactly once; an answer overtaken meanwhile by a newer one is refused, saying why and what holds.
// The app server here is a second one of our own (in front of the stack's PocketBase), so that the
// test can stop and start it; the other tests keep theirs.
import PocketBase from 'pocketbase';
import type { Browser, BrowserContext } from '@playwright/test';
import { CallPage } from './pages/call-page';
import { MeetingPage } from './pages/meeting-page';
import { OutboxStatus } from './pages/outbox-status';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { startSecondApp, type SecondApp } from './support/second-app';
import { logIn } from './support/shortcuts';
import type { Person, StackInfo } from './support/stack-info';

const MEETING_TITLE = 'Klyngestyregruppemøde';

/**
 * Which of `stack.steeringMembers` each test answers as: after those attendance.spec.ts takes from the
 * start (0-8) and before those answer-feedback.spec.ts takes from the end (the last 4).
 */
const MEMBER = { storedOnce: 9, overtaken: 10, answersNone: 11, backgroundSync: 12 } as const;
/** Answers the next meeting's attendance (the "melder ingen" test answers a call of its own). */
const LOGS_OUT = 'answersNone';

function memberFor(stack: StackInfo, role: keyof typeof MEMBER): Person {
	const member = stack.steeringMembers[MEMBER[role]];
	if (!member || stack.steeringMembers.length < MEMBER[role] + 1 + 4) {
		throw new Error(`the demo has too few steering-group members for "${role}"`);
	}
	return member;
}

async function admin(stack: StackInfo): Promise<PocketBase> {
	const pb = new PocketBase(stack.pbUrl);
	await pb.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	return pb;
}

/** The member's answers to the meeting as PocketBase holds them (there may be at most one). */
async function answersOf(pb: PocketBase, member: Person, meetingId: string) {
	return pb.collection('attendance').getFullList<{ id: string; status: string }>({
		filter: pb.filter('user = {:user} && meeting = {:meeting}', { user: member.id, meeting: meetingId })
	});
}

/** A phone of its own that talks to `app`, the app server this test stops and starts. */
async function phoneFor(browser: Browser, app: SecondApp): Promise<BrowserContext> {
	return browser.newContext({
		baseURL: app.url,
		viewport: { width: 360, height: 740 },
		isMobile: true,
		hasTouch: true,
		locale: 'da-DK',
		timezoneId: 'Europe/Copenhagen'
	});
}

/** The network "comes back": Chromium fires `online`, as a phone does when it reconnects. */
async function reconnect(context: BrowserContext) {
	await context.setOffline(true);
	await context.setOffline(false);
}

test('an answer given with the server stopped waits on the phone, then is stored exactly once', async ({
	browser,
	stack
}) => {
	test.setTimeout(120_000);
	const pb = await admin(stack);
	const member = memberFor(stack, 'storedOnce');
	const meetingId = stack.nextMeeting.id;
	let app = await startSecondApp(stack);
	const context = await phoneFor(browser, app);
	try {
		const page = await context.newPage();
		const meetingPage = new MeetingPage(page);
		const outbox = new OutboxStatus(page);
		await logIn(page, member, stack.password);
		await meetingPage.goto(meetingId);
		await expect(meetingPage.answer.status).toHaveText('Du har ikke svaret endnu.');
		expect(await answersOf(pb, member, meetingId)).toEqual([]);

		await app.stop();
		await meetingPage.answer.decline.click();
		await expect(meetingPage.answer.waiting).toHaveText(
			`Venter på netværk: Afbud: ${MEETING_TITLE}. Svaret er ikke sendt endnu.`
		);
		await expect(outbox.waiting).toContainText('Venter på netværk (1 svar)');
		// Never shown as sent while it waits, and nothing reached PocketBase.
		await expect(meetingPage.answer.status).toHaveText('Du har ikke svaret endnu.');
		await expect(meetingPage.answer.saved).toBeHidden();
		await expect(outbox.sent).toBeHidden();
		expect(await answersOf(pb, member, meetingId)).toEqual([]);
		await expectNoAxeViolations(page);

		// Logging out now would leave the answer unsent: the member is asked first.
		await page.getByRole('button', { name: 'Log ud', exact: true }).click();
		await expect(outbox.logoutWarning).toContainText('Du har 1 svar, der venter på netværk.');
		await expect(outbox.logoutAnyway).toBeVisible();
		await expectNoAxeViolations(page);
		await outbox.stayLoggedIn.click();
		await expect(outbox.logoutWarning).toBeHidden();
		await expect(page).toHaveURL(`/moeder/${meetingId}`);

		app = await startSecondApp(stack);
		await reconnect(context);
		await expect(outbox.sent).toHaveText('Sendt: dit svar er gemt.');
		await expect(outbox.waiting).toBeHidden();
		await expect(meetingPage.answer.status).toHaveText('Afbud');
		await expect(meetingPage.answer.waiting).toBeHidden();
		const stored = await answersOf(pb, member, meetingId);
		expect(stored.map((a) => a.status)).toEqual(['absent']);

		// Another flush (another tab, the app coming to the front) sends nothing again.
		await page.evaluate(() => window.dispatchEvent(new Event('online')));
		await page.reload();
		await expect(meetingPage.answer.status).toHaveText('Afbud');
		const log = await pb.collection('audit_log').getFullList({
			filter: pb.filter('record = {:id}', { id: stored[0].id })
		});
		expect(log.map((e) => e.action)).toEqual(['create']);
		await expectNoAxeViolations(page);
	} finally {
		await context.close();
		await app.stop();
	}
});

test('a queued answer overtaken by a newer one is refused, saying why and what holds', async ({ browser, stack }) => {
	test.setTimeout(120_000);
	const pb = await admin(stack);
	const member = memberFor(stack, 'overtaken');
	const meetingId = stack.nextMeeting.id;
	let app = await startSecondApp(stack);
	const context = await phoneFor(browser, app);
	try {
		const page = await context.newPage();
		const meetingPage = new MeetingPage(page);
		const outbox = new OutboxStatus(page);
		await logIn(page, member, stack.password);
		await meetingPage.goto(meetingId);
		await expect(meetingPage.answer.status).toHaveText('Du har ikke svaret endnu.');

		await app.stop();
		await meetingPage.answer.attend.click();
		await expect(meetingPage.answer.waiting).toContainText('Venter på netværk: Deltager');

		// Meanwhile the secretariat records "Afbud" for the member (a phone call, say).
		await pb.collection('attendance').create({ meeting: meetingId, user: member.id, status: 'absent' });

		app = await startSecondApp(stack);
		await reconnect(context);
		await expect(outbox.refused).toContainText(`Deltager: ${MEETING_TITLE}. Du havde allerede svaret et andet sted`);
		await expect(outbox.refused).toContainText('Det svar gælder stadig: Afbud. Svaret fra telefonen er ikke gemt.');
		await expect(outbox.refused).toContainText(/kl\. \d{1,2}\.\d\d/);
		await expect(outbox.waiting).toBeHidden();
		await expect(meetingPage.answer.status).toHaveText('Afbud');
		expect((await answersOf(pb, member, meetingId)).map((a) => a.status)).toEqual(['absent']);
		await expectNoAxeViolations(page);

		await outbox.dismissRefusal.click();
		await expect(outbox.refused).toBeHidden();
		await page.reload();
		await expect(outbox.refused).toBeHidden();
	} finally {
		await context.close();
		await app.stop();
	}
});

test('"Vi melder ingen ind" given with the server stopped is sent when it is back, once', async ({
	browser,
	stack
}) => {
	test.setTimeout(120_000);
	const pb = await admin(stack);
	const member = memberFor(stack, 'answersNone');
	const user = await pb.collection('users').getOne(member.id, { fields: 'organization' });
	const group = await pb
		.collection('groups')
		.getFirstListItem(pb.filter('name = {:name}', { name: 'Klyngestyregruppen for Midtklyngen' }), { fields: 'id' });
	const call = await pb.collection('nomination_calls').create({
		group: group.id,
		title: `Offline-indkaldelse ${Date.now() % 100000}`,
		eligibility: 'all',
		deadline: new Date(Date.now() + 10 * 86_400_000).toISOString().replace('T', ' '),
		status: 'open'
	});
	await pb.collection('nomination_fora').create({ call: call.id, name: 'Arbejdsgruppen', position: 0, quota: 1 });
	const answersOfOrganization = () =>
		pb.collection('nominations').getFullList({
			filter: pb.filter('call = {:call} && organization = {:org}', { call: call.id, org: user.organization })
		});

	let app = await startSecondApp(stack);
	const context = await phoneFor(browser, app);
	try {
		const page = await context.newPage();
		const callPage = new CallPage(page);
		const outbox = new OutboxStatus(page);
		await logIn(page, member, stack.password);
		await callPage.goto(call.id);

		await app.stop();
		await callPage.noneButton.click();
		await expect(page.getByTestId('none-waiting')).toHaveText(
			'Venter på netværk: Vi melder ingen ind. Svaret er ikke sendt endnu.'
		);
		await expect(outbox.waiting).toContainText('Venter på netværk (1 svar)');
		await expect(callPage.answeredNone).toHaveCount(0);
		expect(await answersOfOrganization()).toEqual([]);
		await expectNoAxeViolations(page);

		app = await startSecondApp(stack);
		await reconnect(context);
		await expect(outbox.sent).toHaveText('Sendt: dit svar er gemt.');
		await expect(callPage.answeredNone).toBeVisible();
		await expect(page.getByTestId('none-waiting')).toBeHidden();
		expect((await answersOfOrganization()).map((n) => n.kind)).toEqual(['none']);
	} finally {
		await context.close();
		await app.stop();
	}
});

test('Background Sync sends a queued answer from the service worker with no page of the app open', async ({
	browser,
	stack
}) => {
	test.setTimeout(120_000);
	const pb = await admin(stack);
	const member = memberFor(stack, 'backgroundSync');
	const meetingId = stack.nextMeeting.id;
	let app = await startSecondApp(stack);
	const context = await phoneFor(browser, app);
	try {
		const page = await context.newPage();
		const meetingPage = new MeetingPage(page);
		await logIn(page, member, stack.password);
		await meetingPage.goto(meetingId);
		const worker = await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.ready;
			return registration.active?.scriptURL ?? '';
		});
		expect(worker).toMatch(/service-worker\.js$/);

		await app.stop();
		await meetingPage.answer.attend.click();
		await expect(meetingPage.answer.waiting).toContainText('Venter på netværk: Deltager');
		// No page of the app is open any more: only the service worker can send it.
		await page.goto('about:blank');
		app = await startSecondApp(stack);
		expect(await answersOf(pb, member, meetingId)).toEqual([]);

		const cdp = await context.newCDPSession(page);
		const registered = new Promise<string>((resolve) =>
			cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
				const found = registrations.find((r) => r.scopeURL.startsWith(app.url) && !r.isDeleted);
				if (found) resolve(found.registrationId);
			})
		);
		await cdp.send('ServiceWorker.enable');
		await cdp.send('ServiceWorker.dispatchSyncEvent', {
			origin: app.url,
			registrationId: await registered,
			tag: 'klyngeportal-outbox',
			lastChance: false
		});
		await expect.poll(async () => (await answersOf(pb, member, meetingId)).map((a) => a.status)).toEqual(['attending']);

		await meetingPage.goto(meetingId);
		await expect(meetingPage.answer.status).toHaveText('Deltager');
		await expect(meetingPage.answer.waiting).toBeHidden();
	} finally {
		await context.close();
		await app.stop();
	}
});

test('"Log ud alligevel" forgets the waiting answers: they are never sent', async ({ browser, stack }) => {
	test.setTimeout(120_000);
	const pb = await admin(stack);
	const member = memberFor(stack, LOGS_OUT);
	const meetingId = stack.nextMeeting.id;
	let app = await startSecondApp(stack);
	const context = await phoneFor(browser, app);
	try {
		const page = await context.newPage();
		const meetingPage = new MeetingPage(page);
		const outbox = new OutboxStatus(page);
		await logIn(page, member, stack.password);
		await meetingPage.goto(meetingId);
		await expect(meetingPage.answer.status).toHaveText('Du har ikke svaret endnu.');

		await app.stop();
		await meetingPage.answer.decline.click();
		await expect(outbox.waiting).toContainText('Venter på netværk (1 svar)');
		await page.getByRole('button', { name: 'Log ud', exact: true }).click();
		await expect(outbox.logoutWarning).toContainText('Logger du ud nu, bliver det ikke sendt.');
		// The answer is forgotten before the logout's post leaves. With the server stopped the logout
		// itself does not arrive, so the member is still signed in when it is back: the answer must
		// not be sent all the same.
		await outbox.logoutAnyway.click();
		app = await startSecondApp(stack);
		await meetingPage.goto(meetingId);
		await reconnect(context);
		await expect(outbox.waiting).toBeHidden();
		await expect(meetingPage.answer.waiting).toBeHidden();
		await expect(meetingPage.answer.status).toHaveText('Du har ikke svaret endnu.');
		expect(await answersOf(pb, member, meetingId)).toEqual([]);
	} finally {
		await context.close();
		await app.stop();
	}
});
