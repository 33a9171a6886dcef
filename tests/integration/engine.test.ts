// The engine loop against a real PocketBase and the local push service: it signs in as its own
// superuser, plans then dispatches every interval, never runs two ticks at once, dispatches soon
// after a kick, survives a failing tick (logged once) and stops cleanly; it stays off, saying why,
// without its configuration.
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationsRecord } from '../../src/lib/pocketbase-types';
import { createEngine, kickReminders, startReminders, stopReminders } from '../../src/lib/server/reminders/engine';
import { createOrganization } from '../support/factories';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { startPushService, type PushService } from '../support/push-service';

let server: TestPocketBase;
let push: PushService;
const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:drift@klyngeportal.test' };
const pbDate = (ms: number) => new Date(ms).toISOString().replace('T', ' ');

beforeAll(async () => {
	server = await startTestPocketBase();
	push = await startPushService();
});
afterAll(async () => {
	await push?.close();
	await server?.stop();
});

async function memberWithDevice() {
	const org = await createOrganization(server.admin);
	const user = await server.admin.collection('users').create({
		email: `engine-${Date.now()}-${Math.random().toString(36).slice(2)}@test.klyngeportal.local`,
		password: 'engine-password-1234',
		passwordConfirm: 'engine-password-1234',
		name: 'Erik Engel',
		organization: org.id
	});
	const sub = push.createSubscription();
	await server.admin.collection('push_subscriptions').create({
		user: user.id,
		endpoint: sub.endpoint,
		p256dh: sub.keys.p256dh,
		auth: sub.keys.auth,
		last_seen: pbDate(Date.now())
	});
	return { user: user.id, endpoint: sub.endpoint };
}

const queue = (user: string, subject: string) =>
	server.admin.collection('notifications').create<NotificationsRecord>({
		user,
		kind: 'attendance',
		subject,
		moment: 'd-1',
		origin: 'secretariat',
		due: pbDate(Date.now() - 1000),
		expires: pbDate(Date.now() + 3600_000),
		status: 'pending',
		payload: {
			web_push: 8030,
			notification: {
				title: 'Svar senest i dag',
				body: '',
				navigate: 'https://k.test/',
				lang: 'da',
				dir: 'ltr',
				tag: subject
			}
		}
	});

describe('the engine loop', () => {
	it('plans then dispatches on every tick, as its own superuser, without overlapping ticks', async () => {
		const { user, endpoint } = await memberWithDevice();
		let active = 0;
		let overlapped = false;
		const order: string[] = [];
		const engine = createEngine({
			pbUrl: server.url,
			email: ADMIN_EMAIL,
			password: ADMIN_PASSWORD,
			intervalMs: 20,
			dispatcher: { vapid, agent: push.agent },
			log: () => {},
			// A planner that takes longer than the interval and queues a reminder on its second tick.
			plan: async (pb) => {
				active++;
				if (active > 1) overlapped = true;
				order.push('plan');
				if (order.filter((o) => o === 'plan').length === 2) await queue(user, 'planned-by-tick');
				await new Promise((r) => setTimeout(r, 60));
				active--;
				expect(pb.authStore.isSuperuser).toBe(true);
				return { planned: 0, cancelled: 0 };
			},
			onTick: ({ dispatch }) => order.push(`dispatch:${dispatch?.sent ?? 'error'}`)
		});
		engine.kick();
		engine.kick();
		await expect.poll(() => push.delivered(endpoint).length).toBe(1);
		await expect.poll(() => order.length).toBeGreaterThanOrEqual(6);
		await engine.stop();
		const after = order.length;
		await new Promise((r) => setTimeout(r, 100));
		expect(order.length).toBe(after);
		expect(overlapped).toBe(false);
		// Strictly plan, dispatch, plan, dispatch …; the reminder went on the second tick.
		expect(order.slice(0, 4)).toEqual(['plan', 'dispatch:0', 'plan', 'dispatch:1']);
		for (let i = 0; i + 1 < order.length; i += 2) expect(order[i]).toBe('plan');
	});

	it('a kick dispatches soon, long before the next interval', async () => {
		const { user, endpoint } = await memberWithDevice();
		const ticks: number[] = [];
		const engine = createEngine({
			pbUrl: server.url,
			email: ADMIN_EMAIL,
			password: ADMIN_PASSWORD,
			intervalMs: 3600_000,
			dispatcher: { vapid, agent: push.agent },
			log: () => {},
			plan: async () => ({ planned: 0, cancelled: 0 }),
			onTick: () => ticks.push(Date.now())
		});
		try {
			await expect.poll(() => ticks.length).toBe(1);
			await queue(user, 'kicked');
			engine.kick();
			await expect.poll(() => push.delivered(endpoint).length).toBe(1);
			expect(ticks.length).toBe(2);
		} finally {
			await engine.stop();
		}
	});

	it('logs a failing tick once (not on every tick), keeps going and says when it works again', async () => {
		const lines: string[] = [];
		let fail = true;
		let ticks = 0;
		const engine = createEngine({
			pbUrl: server.url,
			email: ADMIN_EMAIL,
			password: ADMIN_PASSWORD,
			intervalMs: 10,
			dispatcher: { vapid, agent: push.agent },
			log: (l) => lines.push(l),
			plan: async () => {
				if (fail) throw new Error('planlægning fejlede');
				return { planned: 0, cancelled: 0 };
			},
			onTick: () => ticks++
		});
		await expect.poll(() => ticks).toBeGreaterThanOrEqual(5);
		fail = false;
		await expect.poll(() => lines.includes('[reminders] working again')).toBe(true);
		await engine.stop();
		expect(lines.filter((l) => l.includes('planlægning fejlede'))).toEqual([
			'[reminders] tick failed: planlægning fejlede'
		]);
	});

	it('keeps running with a wrong superuser password, logging it once', async () => {
		const lines: string[] = [];
		let ticks = 0;
		const engine = createEngine({
			pbUrl: server.url,
			email: ADMIN_EMAIL,
			password: 'wrong-password',
			intervalMs: 10,
			dispatcher: { vapid },
			log: (l) => lines.push(l),
			onTick: () => ticks++
		});
		await expect.poll(() => ticks).toBeGreaterThanOrEqual(3);
		await engine.stop();
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^\[reminders\] tick failed: /);
	});
});

describe('starting from the environment', () => {
	it("runs one engine from the app server's variables; kickReminders dispatches what was queued; it stops", async () => {
		const { user } = await memberWithDevice();
		const env = {
			PB_URL: server.url,
			ENGINE_PB_EMAIL: ADMIN_EMAIL,
			ENGINE_PB_PASSWORD: ADMIN_PASSWORD,
			VAPID_PUBLIC_KEY: vapid.publicKey,
			VAPID_PRIVATE_KEY: vapid.privateKey,
			VAPID_SUBJECT: vapid.subject,
			REMINDER_INTERVAL_MS: '3600000'
		};
		const lines: string[] = [];
		startReminders(env, (l) => lines.push(l));
		// A second start (a reloaded module in development) finds the running engine.
		startReminders(env, (l) => lines.push(l));
		let row: NotificationsRecord;
		try {
			await expect.poll(() => lines.length).toBe(0);
			row = await queue(user, 'from-env');
			kickReminders();
			// This test process does not trust the push service's certificate (the app server does,
			// through NODE_EXTRA_CA_CERTS): the attempt is made, fails at TLS and waits for a retry.
			await expect
				.poll(async () => (await server.admin.collection('notifications').getOne<NotificationsRecord>(row.id)).attempts)
				.toBe(1);
		} finally {
			await stopReminders();
		}
		const stored = await server.admin.collection('notifications').getOne<NotificationsRecord>(row.id);
		expect(stored).toMatchObject({ status: 'pending', lease_owner: '' });
		expect(stored.error).toMatch(/^Push: ingen svar/);
		kickReminders();
		expect(lines).toEqual([]);
	});

	it('stays off with REMINDERS=off, or without its superuser or keys, and says why', () => {
		const lines: string[] = [];
		startReminders({ REMINDERS: 'off', ENGINE_PB_EMAIL: 'x' }, (l) => lines.push(l));
		startReminders({ ENGINE_PB_EMAIL: 'engine@klyngeportal.local', VAPID_PUBLIC_KEY: 'k' }, (l) => lines.push(l));
		expect(lines).toEqual([
			'[reminders] off (REMINDERS=off)',
			'[reminders] off: ENGINE_PB_PASSWORD, VAPID_PRIVATE_KEY not set (npm start sets them)'
		]);
	});
});
