// The dispatcher against a real PocketBase (the outbox and the dispatch routes), the local HTTPS
// push service (which decrypts what it gets) and the mail catcher: what a member's phone would show,
// with the TTL, urgency and topic the issue asks for; 404/410 prune, 429 waits, 5xx backs off, e-mail
// stands in; a killed dispatcher and two dispatchers at once neither lose nor repeat a row.
import { spawn } from 'node:child_process';
import type PocketBase from 'pocketbase';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationsRecord, PushSubscriptionsRecord } from '../../src/lib/pocketbase-types';
import type { ReminderPayload } from '../../src/lib/reminders/payload';
import {
	createDispatcher,
	payloadText,
	topicFor,
	type DispatcherOptions
} from '../../src/lib/server/reminders/dispatcher';
import { createOrganization, createUser, type Person } from '../support/factories';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestPocketBaseWithMail } from '../support/pocketbase';
import { startPushService, type BrowserSubscription, type PushService } from '../support/push-service';

type Started = Awaited<ReturnType<typeof startTestPocketBaseWithMail>>;
let server: Started['server'];
let catcher: Started['catcher'];
let push: PushService;
let admin: PocketBase;
let org: string;
const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:drift@klyngeportal.test' };
const HOUR = 3600_000;

beforeAll(async () => {
	push = await startPushService();
	({ server, catcher } = await startTestPocketBaseWithMail({ env: { PUSH_ALLOWED_ORIGINS: push.origin } }));
	admin = server.admin;
	org = (await createOrganization(admin)).id;
});
afterAll(async () => {
	await push?.close();
	await server?.stop();
	await catcher?.close();
});

/** Polls wait this long: the machine running the tests may be busy. */
const WAIT = { timeout: 15_000 };
const pbDate = (ms: number) => new Date(ms).toISOString().replace('T', ' ');

/** A clock a test moves by hand. */
function clock(start = Date.now()) {
	let t = start;
	return { now: () => new Date(t), set: (ms: number) => (t = ms), advance: (ms: number) => (t += ms), get: () => t };
}

function dispatcher(c = clock(), extra: Partial<DispatcherOptions> = {}) {
	return createDispatcher(admin, { vapid, agent: push.agent, now: c.now, log: () => {}, ...extra });
}

/** A member with `devices` subscriptions made on the push service and posted through our route. */
async function member(devices = 1, prefs?: unknown) {
	const person: Person = await createUser(admin, { organization: org, name: 'Birgitte Bæk' });
	if (prefs) await admin.collection('users').update(person.record.id, { notification_prefs: prefs });
	const subs: (BrowserSubscription & { id: string })[] = [];
	for (let i = 0; i < devices; i++) {
		const sub = push.createSubscription({ vapidKey: vapid.publicKey });
		const { id } = await person.pb.send<{ id: string }>('/api/klynge/push/subscriptions', {
			method: 'POST',
			body: { ...sub, user_agent: 'Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36' }
		});
		subs.push({ ...sub, id });
	}
	return { person, id: person.record.id, email: person.record.email, subs };
}

let serial = 0;
function payload(tag: string, extra: Partial<ReminderPayload['notification']> = {}): ReminderPayload {
	return {
		web_push: 8030,
		notification: {
			title: 'Svar senest i morgen: Klyngestyregruppemøde fredag den 8. januar',
			body: 'Meld afbud eller deltagelse.',
			navigate: 'https://klyngeportal.test/moeder/abc#svar',
			lang: 'da',
			dir: 'ltr',
			tag,
			...extra
		}
	};
}

/** An outbox row as the planner would write it. */
async function row(
	user: string,
	fields: Partial<NotificationsRecord> & { dueMs?: number; expiresMs?: number | null } = {}
): Promise<NotificationsRecord> {
	const { dueMs = Date.now() - 60_000, expiresMs = Date.now() + 3 * HOUR, ...rest } = fields;
	const subject = rest.subject ?? `m${++serial}`;
	return admin.collection('notifications').create<NotificationsRecord>({
		user,
		kind: 'attendance',
		subject,
		moment: `d-1@${serial}`,
		origin: 'planner',
		due: pbDate(dueMs),
		expires: expiresMs === null ? '' : pbDate(expiresMs),
		payload: payload(`attendance-${subject}`),
		status: 'pending',
		attempts: 0,
		...rest
	});
}

const reload = (id: string) => admin.collection('notifications').getOne<NotificationsRecord>(id);
const subscriptionExists = (id: string) =>
	admin
		.collection('push_subscriptions')
		.getOne<PushSubscriptionsRecord>(id)
		.then(
			() => true,
			() => false
		);
const mailsTo = (email: string) => catcher.messages.filter((m) => m.to.includes(email));

describe('a push', () => {
	it('decrypts on the device to the stored payload, with TTL = seconds left, high urgency under a day and the topic from the tag', async () => {
		const c = clock();
		const m = await member(1);
		const soon = await row(m.id, { expiresMs: c.get() + 5 * HOUR + 1234 });
		const later = await row(m.id, { expiresMs: c.get() + 3 * 24 * HOUR });
		const report = await dispatcher(c).run();
		expect(report).toMatchObject({ claimed: 2, sent: 2, pushes: 2, mails: 0 });
		const got = push.delivered(m.subs[0].endpoint);
		expect(got).toHaveLength(2);
		const bySubject = (s: string) => got.find((g) => (g.payload as ReminderPayload).notification.data?.subject === s)!;
		const first = bySubject(soon.subject);
		expect(first.payload).toEqual({
			...payload(`attendance-${soon.subject}`),
			notification: {
				...payload(`attendance-${soon.subject}`).notification,
				timestamp: Date.parse(soon.due.replace(' ', 'T')),
				data: { id: soon.id, kind: 'attendance', subject: soon.subject }
			}
		});
		expect(first).toMatchObject({ ttl: 5 * 3600 + 1, urgency: 'high', topic: `attendance-${soon.subject}` });
		expect(bySubject(later.subject)).toMatchObject({ ttl: 3 * 24 * 3600, urgency: 'normal' });
		const stored = await reload(soon.id);
		expect(stored).toMatchObject({ status: 'sent', channel: 'push', attempts: 1, lease_owner: '', error: '' });
		expect(stored.sent_at).not.toBe('');
		expect(mailsTo(m.email)).toEqual([]);
	});

	it('gives a row without a deadline a TTL of one day and sends nothing twice on the next run', async () => {
		const c = clock();
		const m = await member(1);
		await row(m.id, { expiresMs: null });
		await dispatcher(c).run();
		expect((await dispatcher(c).run()).claimed).toBe(0);
		expect(push.delivered(m.subs[0].endpoint).map((d) => [d.ttl, d.urgency])).toEqual([[86400, 'normal']]);
	});

	it('sends to every device of the member, and a test push only to the device tested', async () => {
		const m = await member(2);
		await row(m.id);
		await m.person.pb.send(`/api/klynge/push/subscriptions/${m.subs[1].id}/test`, { method: 'POST' });
		await dispatcher().run();
		expect(push.delivered(m.subs[0].endpoint)).toHaveLength(1);
		const second = push.delivered(m.subs[1].endpoint).map((d) => (d.payload as ReminderPayload).notification);
		expect(second.map((n) => n.title).sort()).toEqual([
			'Svar senest i morgen: Klyngestyregruppemøde fredag den 8. januar',
			'Test fra Klyngeportal'
		]);
		expect(second.find((n) => n.title === 'Test fra Klyngeportal')!.body).toBe(
			'Sådan ser en påmindelse ud på Chrome på Android.'
		);
	});

	it('never sends a row after its deadline: it is cancelled with the reason', async () => {
		const m = await member(1);
		const late = await row(m.id, { dueMs: Date.now() - 2 * HOUR, expiresMs: Date.now() - 60_000 });
		const report = await dispatcher().run();
		expect(report.claimed).toBe(0);
		expect(report.cancelled).toBeGreaterThanOrEqual(1);
		expect(await reload(late.id)).toMatchObject({ status: 'cancelled', error: 'Udløbet før afsendelse' });
		expect(push.received(m.subs[0].endpoint)).toEqual([]);
		// A clock past the deadline of a row claimed just before it: the dispatcher checks again.
		const c = clock();
		const edge = await row(m.id, { expiresMs: c.get() + 5000 });
		c.advance(6000);
		await dispatcher(c).run();
		expect((await reload(edge.id)).status).toBe('cancelled');
		expect(push.received(m.subs[0].endpoint)).toEqual([]);
	});

	it('keeps a payload under 2 KB by shortening the body', () => {
		const big = payloadText({
			id: 'r1',
			kind: 'attendance',
			subject: 's1',
			due: '',
			payload: payload('t', { body: 'Æblegrød og rødgrød med fløde. '.repeat(200) })
		});
		expect(Buffer.byteLength(big!)).toBeLessThanOrEqual(2048);
		expect((JSON.parse(big!) as ReminderPayload).notification.body).toMatch(/^Æblegrød.*…$/);
		expect(topicFor('attendance-abc')).toBe('attendance-abc');
		expect(topicFor('nomination:call/æ')).toMatch(/^[A-Za-z0-9_-]{32}$/);
	});
});

describe('what the push service answers', () => {
	it('404 and 410 delete the subscription, and the member gets the e-mail instead (in Danish)', async () => {
		const m = await member(2);
		push.setStanding(m.subs[0].endpoint, { status: 404 });
		push.setStanding(m.subs[1].endpoint, { status: 410 });
		const r = await row(m.id);
		const report = await dispatcher().run();
		expect(report).toMatchObject({ sent: 1, pushes: 0, mails: 1, subscriptionsDeleted: 2 });
		expect(await subscriptionExists(m.subs[0].id)).toBe(false);
		expect(await subscriptionExists(m.subs[1].id)).toBe(false);
		expect(await reload(r.id)).toMatchObject({ status: 'sent', channel: 'email' });
		const [mail] = mailsTo(m.email);
		expect(mail.subject).toBe('Påmindelse: Svar senest i morgen: Klyngestyregruppemøde fredag den 8. januar');
		expect(mail.text).toContain('Kære Birgitte Bæk');
		expect(mail.text).toContain('Meld afbud eller deltagelse.');
		expect(mail.text).toContain('Åbn i Klyngeportal: https://klyngeportal.test/moeder/abc#svar');
	});

	it('429 waits for Retry-After, then sends once', async () => {
		const c = clock();
		const m = await member(1);
		push.script(m.subs[0].endpoint, { status: 429, retryAfter: 120 });
		const r = await row(m.id);
		expect(await dispatcher(c).run()).toMatchObject({ claimed: 1, retrying: 1 });
		const waiting = await reload(r.id);
		expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lease_owner: '' });
		expect(Date.parse(waiting.retry_at.replace(' ', 'T'))).toBe(c.get() + 120_000);
		c.advance(119_000);
		expect((await dispatcher(c).run()).claimed).toBe(0);
		c.advance(2000);
		expect(await dispatcher(c).run()).toMatchObject({ claimed: 1, sent: 1 });
		expect(await reload(r.id)).toMatchObject({ status: 'sent', channel: 'push', attempts: 2 });
		expect(push.received(m.subs[0].endpoint).map((x) => x.status)).toEqual([429, 201]);
		expect(mailsTo(m.email)).toEqual([]);
	});

	it('5xx and timeouts back off (doubling) and retry; after the last attempt the e-mail goes instead', async () => {
		const c = clock();
		const m = await member(1);
		push.script(m.subs[0].endpoint, { status: 500 }, { delayMs: 3000 }, { status: 503 });
		const r = await row(m.id);
		const d = () => dispatcher(c, { backoffMs: 10_000, maxAttempts: 4, timeoutMs: 300 });
		const retryAt = async () => Date.parse((await reload(r.id)).retry_at.replace(' ', 'T')) - c.get();
		expect((await d().run()).retrying).toBe(1);
		expect(await retryAt()).toBe(10_000);
		c.advance(10_000);
		expect((await d().run()).retrying).toBe(1);
		expect(await retryAt()).toBe(20_000);
		c.advance(20_000);
		expect((await d().run()).retrying).toBe(1);
		expect(await retryAt()).toBe(40_000);
		c.advance(40_000);
		// The fourth attempt reaches the device again (the script ran out): sent by push.
		expect((await d().run()).sent).toBe(1);
		expect(await reload(r.id)).toMatchObject({ status: 'sent', channel: 'push', attempts: 4 });
		expect(push.received(m.subs[0].endpoint).map((x) => x.status)).toEqual([500, 503, 201]);
		expect((await admin.collection('push_subscriptions').getOne(m.subs[0].id)).failures).toBe(0);

		const n = await member(1);
		push.setStanding(n.subs[0].endpoint, { status: 502 });
		const s = await row(n.id);
		for (let i = 0; i < 3; i++) {
			await dispatcher(c, { backoffMs: 1000, maxAttempts: 3 }).run();
			c.advance(10_000);
		}
		expect(await reload(s.id)).toMatchObject({ status: 'sent', channel: 'email', attempts: 3 });
		expect(mailsTo(n.email)).toHaveLength(1);
		expect((await admin.collection('push_subscriptions').getOne(n.subs[0].id)).failures).toBe(3);
	});

	it('413 and a VAPID refusal (403) are not retried: the e-mail goes instead; a test push just fails', async () => {
		const m = await member(1);
		push.script(m.subs[0].endpoint, { status: 413 });
		const r = await row(m.id);
		await dispatcher().run();
		expect(await reload(r.id)).toMatchObject({ status: 'sent', channel: 'email' });
		expect((await reload(r.id)).error).toContain('413');

		const other = { ...webpush.generateVAPIDKeys(), subject: vapid.subject };
		const n = await member(1);
		const t = await n.person.pb.send<{ id: string }>(`/api/klynge/push/subscriptions/${n.subs[0].id}/test`, {
			method: 'POST'
		});
		const logged: string[] = [];
		await createDispatcher(admin, { vapid: other, agent: push.agent, log: (l) => logged.push(l) }).run();
		expect(await reload(t.id)).toMatchObject({ status: 'failed', channel: 'none' });
		expect((await reload(t.id)).error).toContain('403');
		expect(logged.join('\n')).toMatch(/VAPID/);
		expect(mailsTo(n.email)).toEqual([]);
	});
});

describe('no second reminder of one deadline within 6 hours', () => {
	it("cancels a planned reminder when the secretariat's round reached the member an hour ago; a later one still goes", async () => {
		const c = clock();
		const m = await member(1);
		const round = await row(m.id, { origin: 'secretariat', moment: 'manual@round1' });
		await dispatcher(c).run();
		expect((await reload(round.id)).status).toBe('sent');
		c.advance(HOUR);
		const planned = await row(m.id, { subject: round.subject, dueMs: c.get() - 1000, expiresMs: c.get() + 20 * HOUR });
		const other = await row(m.id, { dueMs: c.get() - 1000, expiresMs: c.get() + 20 * HOUR });
		const report = await dispatcher(c).run();
		expect(report).toMatchObject({ claimed: 1, sent: 1 });
		expect(await reload(planned.id)).toMatchObject({ status: 'cancelled', error: 'Mindet for nylig' });
		expect((await reload(other.id)).status).toBe('sent');
		c.advance(6 * HOUR);
		const tomorrow = await row(m.id, { subject: round.subject, dueMs: c.get() - 1000, expiresMs: c.get() + 9 * HOUR });
		await dispatcher(c).run();
		expect((await reload(tomorrow.id)).status).toBe('sent');
		expect(push.delivered(m.subs[0].endpoint)).toHaveLength(3);
	});
});

describe("the member's choice", () => {
	it('e-mail only, both, or none', async () => {
		const channels = { attendance: 'email', nomination: 'both', meeting_tomorrow: 'none' };
		const m = await member(1, { channels });
		const a = await row(m.id, { kind: 'attendance' });
		const b = await row(m.id, { kind: 'nomination' });
		const c = await row(m.id, { kind: 'meeting_tomorrow' });
		await dispatcher().run();
		expect(await reload(a.id)).toMatchObject({ status: 'sent', channel: 'email' });
		expect(await reload(b.id)).toMatchObject({ status: 'sent', channel: 'both' });
		expect(await reload(c.id)).toMatchObject({ status: 'cancelled', channel: 'none' });
		expect(push.delivered(m.subs[0].endpoint).map((d) => (d.payload as ReminderPayload).notification.data?.id)).toEqual(
			[b.id]
		);
		expect(mailsTo(m.email)).toHaveLength(2);
	});

	it('push without any device: the e-mail goes instead', async () => {
		const m = await member(0);
		const r = await row(m.id);
		await dispatcher().run();
		expect(await reload(r.id)).toMatchObject({ status: 'sent', channel: 'email' });
		expect(mailsTo(m.email)).toHaveLength(1);
	});

	it("mails news (an agenda sent out) under its own title, not as a 'Påmindelse'", async () => {
		const m = await member(0);
		const title = 'Dagsorden udsendt: Klyngestyregruppemøde fredag den 8. januar';
		const r = await row(m.id, { kind: 'agenda_published', origin: 'event', payload: payload('agenda-x', { title }) });
		await dispatcher().run();
		expect(await reload(r.id)).toMatchObject({ status: 'sent', channel: 'email' });
		await expect.poll(() => mailsTo(m.email).map((x) => x.subject), WAIT).toEqual([title]);
		expect(mailsTo(m.email)[0].text).toContain('denne besked pr. e-mail');
	});
});

describe('subscriptions unseen for 60 days', () => {
	it('are dropped by the next run', async () => {
		const m = await member(2);
		await admin
			.collection('push_subscriptions')
			.update(m.subs[0].id, { last_seen: pbDate(Date.now() - 61 * 24 * HOUR) });
		await admin
			.collection('push_subscriptions')
			.update(m.subs[1].id, { last_seen: pbDate(Date.now() - 59 * 24 * HOUR) });
		const report = await dispatcher().run();
		expect(report.subscriptionsDeleted).toBeGreaterThanOrEqual(1);
		expect(await subscriptionExists(m.subs[0].id)).toBe(false);
		expect(await subscriptionExists(m.subs[1].id)).toBe(true);
	});
});

describe('never lost, never twice', () => {
	/** `n` due rows over members with one device each (made as the superuser: no logins). */
	async function crowd(n: number, perMember = 1) {
		const endpoints: string[] = [];
		const rows: NotificationsRecord[] = [];
		for (let i = 0; i < n / perMember; i++) {
			const user = await admin.collection('users').create({
				email: `crowd-${++serial}@test.klyngeportal.local`,
				password: 'crowd-password-1234',
				passwordConfirm: 'crowd-password-1234',
				name: `Medlem ${serial}`,
				organization: org
			});
			const sub = push.createSubscription({ vapidKey: vapid.publicKey });
			await admin.collection('push_subscriptions').create({
				user: user.id,
				endpoint: sub.endpoint,
				p256dh: sub.keys.p256dh,
				auth: sub.keys.auth,
				last_seen: pbDate(Date.now()),
				failures: 0
			});
			endpoints.push(sub.endpoint);
			for (let j = 0; j < perMember; j++) rows.push(await row(user.id));
		}
		return { rows, endpoints };
	}
	const deliveredIds = (endpoints: string[]) =>
		endpoints.flatMap((e) => push.delivered(e).map((d) => (d.payload as ReminderPayload).notification.data!.id));

	it('two dispatchers at once send each row exactly once', async () => {
		const { rows, endpoints } = await crowd(120, 10);
		const [a, b] = await Promise.all([
			dispatcher(clock(), { batchSize: 10, concurrency: 8 }).run(),
			dispatcher(clock(), { batchSize: 10, concurrency: 8 }).run()
		]);
		expect(a.claimed + b.claimed).toBe(120);
		expect(a.claimed).toBeGreaterThan(0);
		expect(b.claimed).toBeGreaterThan(0);
		const ids = deliveredIds(endpoints);
		expect(ids).toHaveLength(120);
		expect(new Set(ids).size).toBe(120);
		const stored = await Promise.all(rows.map((r) => reload(r.id)));
		expect(stored.every((s) => s.status === 'sent' && s.attempts === 1)).toBe(true);
	}, 60_000);

	it('a dispatcher killed mid-batch: its finished rows stay sent, the rest go once after the lease (0 lost, 0 duplicated)', async () => {
		const { rows, endpoints } = await crowd(30);
		// The first ten devices answer at once; the other twenty hang until the dispatcher is killed.
		const quick = new Set(endpoints.slice(0, 10));
		for (const e of endpoints) if (!quick.has(e)) push.script(e, { delayMs: 60_000 });
		const child = spawn(
			process.execPath,
			[
				'tests/support/dispatch-child.mjs',
				JSON.stringify({
					pbUrl: server.url,
					email: ADMIN_EMAIL,
					password: ADMIN_PASSWORD,
					vapid,
					caFile: push.certFile,
					owner: 'doomed',
					batchSize: 30,
					concurrency: 30,
					leaseMs: 30_000,
					timeoutMs: 120_000
				})
			],
			{ stdio: ['ignore', 'pipe', 'inherit'] }
		);
		const exited = new Promise((resolve) => child.once('exit', resolve));
		try {
			// Wait until the ten quick rows are recorded as sent (the twenty hang), then kill.
			const quickIds = new Set(rows.filter((_, i) => i < 10).map((r) => r.id));
			await expect
				.poll(
					async () => {
						const stored = await Promise.all(rows.map((r) => reload(r.id)));
						const sent = stored.filter((s) => s.status === 'sent').map((s) => s.id);
						return sent.length === 10 && sent.every((id) => quickIds.has(id));
					},
					{ timeout: 15_000 }
				)
				.toBe(true);
		} finally {
			// Killed here, or when the wait fails: a live child would claim the next tests' rows.
			child.kill('SIGKILL');
			await exited;
		}
		const leased = (await Promise.all(rows.map((r) => reload(r.id)))).filter((s) => s.status === 'pending');
		expect(leased).toHaveLength(20);
		expect(leased.every((s) => s.lease_owner === 'doomed')).toBe(true);

		// The devices work again. While the lease holds, another dispatcher leaves the rows alone …
		for (const e of endpoints) push.reset(e);
		const c = clock();
		expect((await dispatcher(c).run()).claimed).toBe(0);
		// … and after it, sends each once.
		c.advance(30_001);
		const report = await dispatcher(c).run();
		expect(report).toMatchObject({ claimed: 20, sent: 20 });
		const ids = deliveredIds(endpoints);
		const stored = await Promise.all(rows.map((r) => reload(r.id)));
		const lost = stored.filter((s) => s.status !== 'sent').length;
		const duplicated = ids.length - new Set(ids).size;
		expect({ lost, duplicated, delivered: new Set(ids).size }).toEqual({ lost: 0, duplicated: 0, delivered: 30 });
	}, 60_000);

	it('a dispatcher that outlived its lease cannot overwrite the row another dispatcher took', async () => {
		const c = clock();
		const m = await member(1);
		const r = await row(m.id);
		push.script(m.subs[0].endpoint, { delayMs: 1500 });
		const slow = dispatcher(c, { owner: 'slow', leaseMs: 1000, timeoutMs: 10_000 }).run();
		await expect.poll(() => reload(r.id).then((x) => x.lease_owner), WAIT).toBe('slow');
		const later = clock(c.get() + 2000);
		const fast = await dispatcher(later, { owner: 'fast' }).run();
		expect(fast.sent).toBe(1);
		expect((await slow).lost).toBe(1);
		expect(await reload(r.id)).toMatchObject({ status: 'sent', lease_owner: '' });
	}, 30_000);
});
