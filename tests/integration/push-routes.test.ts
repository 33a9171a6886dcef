// A member's push devices: the subscription route (validation with Danish field errors, upsert by
// endpoint, the device's Danish name, at most ten), the test push (own device only, once per 30 s),
// the collections' API rules (push_subscriptions: list/view/delete own, never create/update through
// the API; notifications: own sent rows read-only), and a deleted user's rows going with them.
import { randomBytes } from 'node:crypto';
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationsRecord, PushSubscriptionsRecord } from '../../src/lib/pocketbase-types';
import { anonymousClient, createOrganization, createUser, type Person } from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let admin: PocketBase;
let org: string;
let anna: Person;
let bo: Person;

beforeAll(async () => {
	server = await startTestPocketBase();
	admin = server.admin;
	org = (await createOrganization(admin)).id;
	[anna, bo] = await Promise.all([
		createUser(admin, { organization: org, name: 'Anna Andersen' }),
		createUser(admin, { organization: org, name: 'Bo Bech' })
	]);
});
afterAll(async () => {
	await server?.stop();
});

const UA = {
	android:
		'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
	iphone:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1',
	windowsFirefox: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
	macEdge:
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0'
};

function browserSubscription(host = 'fcm.googleapis.com') {
	return {
		endpoint: `https://${host}/fcm/send/${randomBytes(12).toString('hex')}`,
		keys: {
			p256dh: Buffer.concat([Buffer.from([4]), randomBytes(64)]).toString('base64url'),
			auth: randomBytes(16).toString('base64url')
		}
	};
}

const subscribe = (who: Person, body: object) =>
	who.pb.send<{ id: string; device: string }>('/api/klynge/push/subscriptions', { method: 'POST', body });

async function refusal(p: Promise<unknown>) {
	const err = await p.then(
		() => null,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(ClientResponseError);
	return err as ClientResponseError;
}

const own = (who: Person) =>
	admin.collection('push_subscriptions').getFullList<PushSubscriptionsRecord>({
		filter: admin.filter('user = {:u}', { u: who.record.id })
	});

describe('POST /api/klynge/push/subscriptions', () => {
	it('stores a subscription with a Danish device name, last seen now and no failures', async () => {
		const sub = browserSubscription();
		const before = Date.now() - 1000;
		const saved = await subscribe(anna, { ...sub, user_agent: UA.android });
		expect(saved.device).toBe('Chrome på Android');
		const stored = await admin.collection('push_subscriptions').getOne<PushSubscriptionsRecord>(saved.id);
		expect(stored).toMatchObject({
			user: anna.record.id,
			endpoint: sub.endpoint,
			p256dh: sub.keys.p256dh,
			auth: sub.keys.auth,
			user_agent: UA.android,
			device: 'Chrome på Android',
			failures: 0
		});
		expect(Date.parse(stored.last_seen.replace(' ', 'T'))).toBeGreaterThan(before);
	});

	it('names devices in Danish from their user agent', async () => {
		const names: string[] = [];
		for (const ua of [UA.iphone, UA.windowsFirefox, UA.macEdge, 'curl/8']) {
			names.push((await subscribe(bo, { ...browserSubscription(), user_agent: ua })).device);
		}
		expect(names).toEqual(['Safari på iPhone', 'Firefox på Windows', 'Edge på Mac', 'Ukendt enhed']);
	});

	it('posting the same endpoint again updates it (no second row) and resets its failures', async () => {
		const sub = browserSubscription();
		const first = await subscribe(anna, sub);
		await admin.collection('push_subscriptions').update(first.id, { failures: 3 });
		const second = await subscribe(anna, { ...sub, user_agent: UA.iphone });
		expect(second.id).toBe(first.id);
		expect(await admin.collection('push_subscriptions').getOne(first.id)).toMatchObject({
			failures: 0,
			device: 'Safari på iPhone'
		});
	});

	it('moves an endpoint another user held (a shared phone) to whoever subscribed last', async () => {
		const sub = browserSubscription();
		const first = await subscribe(anna, sub);
		const moved = await subscribe(bo, sub);
		expect(moved.id).toBe(first.id);
		expect((await admin.collection('push_subscriptions').getOne(first.id)).user).toBe(bo.record.id);
	});

	it('keeps at most ten per user: the one seen longest ago goes', async () => {
		const carl = await createUser(admin, { organization: org });
		const ids: string[] = [];
		for (let i = 0; i < 10; i++) ids.push((await subscribe(carl, browserSubscription())).id);
		await admin.collection('push_subscriptions').update(ids[3], { last_seen: '2026-01-01 00:00:00.000Z' });
		const eleventh = await subscribe(carl, browserSubscription());
		const left = (await own(carl)).map((s) => s.id);
		expect(left).toHaveLength(10);
		expect(left).toContain(eleventh.id);
		expect(left).not.toContain(ids[3]);
	});

	it('refuses what is not a push subscription, with Danish field errors', async () => {
		const good = browserSubscription();
		const cases: [object, string][] = [
			[{ ...good, endpoint: 'http://fcm.googleapis.com/x' }, 'endpoint'],
			[{ ...good, endpoint: `https://push.test/${'x'.repeat(1000)}` }, 'endpoint'],
			[{ ...good, endpoint: 42 }, 'endpoint'],
			[{ ...good, keys: { ...good.keys, p256dh: randomBytes(64).toString('base64url') } }, 'keys.p256dh'],
			[{ ...good, keys: { ...good.keys, p256dh: 'not base64url!' } }, 'keys.p256dh'],
			[{ ...good, keys: { ...good.keys, auth: randomBytes(15).toString('base64url') } }, 'keys.auth'],
			[{ endpoint: good.endpoint }, 'keys.auth'],
			// Only the browsers' push services: never a host of the member's choosing.
			[{ ...good, endpoint: 'https://127.0.0.1:8090/api/collections/users/records' }, 'endpoint'],
			[{ ...good, endpoint: 'https://intranet.region.example/push' }, 'endpoint'],
			[{ ...good, endpoint: 'https://fcm.googleapis.com.evil.example/fcm/send/x' }, 'endpoint'],
			[{ ...good, endpoint: 'https://fcm.googleapis.com:8443/fcm/send/x' }, 'endpoint'],
			[{ ...good, endpoint: 'https://user@fcm.googleapis.com/fcm/send/x' }, 'endpoint']
		];
		for (const [body, field] of cases) {
			const err = await refusal(subscribe(anna, body));
			expect(err.status, JSON.stringify(body).slice(0, 80)).toBe(400);
			expect(err.response.message).toBe('Enheden kunne ikke gemmes.');
			expect(Object.keys(err.response.data), JSON.stringify(body).slice(0, 80)).toContain(field);
		}
		expect((await refusal(subscribe(anna, cases[0][0]))).response.data.endpoint.message).toBe(
			'Adressen skal være en https-adresse.'
		);
		expect((await refusal(subscribe(anna, cases[7][0]))).response.data.endpoint.message).toBe(
			'Adressen er ikke en kendt push-tjeneste.'
		);
	});

	it("takes the browsers' push services: Chrome's, Firefox's, Safari's and Edge's", async () => {
		for (const endpoint of [
			'https://fcm.googleapis.com/fcm/send/abc:APA91b',
			'https://updates.push.services.mozilla.com/wpush/v2/gAAAAA',
			'https://web.push.apple.com/QGuQyavXutnMH',
			'https://wns2-par02p.notify.windows.com/w/?token=BQYAAA'
		]) {
			const { keys } = browserSubscription();
			expect((await subscribe(bo, { endpoint, keys })).id, endpoint).toMatch(/^\w{15}$/);
		}
	});

	it('needs a logged-in user', async () => {
		const err = await refusal(
			anonymousClient(server.url).send('/api/klynge/push/subscriptions', {
				method: 'POST',
				body: browserSubscription()
			})
		);
		expect(err.status).toBe(401);
	});
});

describe('POST /api/klynge/push/subscriptions/{id}/test', () => {
	it("queues one test push to the member's own device, at most once per 30 seconds", async () => {
		const { id } = await subscribe(anna, { ...browserSubscription(), user_agent: UA.android });
		const queued = await anna.pb.send<{ queued: boolean; id: string }>(`/api/klynge/push/subscriptions/${id}/test`, {
			method: 'POST'
		});
		expect(queued.queued).toBe(true);
		const row = await admin.collection('notifications').getOne<NotificationsRecord>(queued.id);
		expect(row).toMatchObject({ user: anna.record.id, kind: 'test', subject: id, origin: 'member', status: 'pending' });
		expect(row.payload).toMatchObject({
			web_push: 8030,
			notification: {
				title: 'Test fra Klyngeportal',
				body: 'Sådan ser en påmindelse ud på Chrome på Android.',
				lang: 'da'
			}
		});
		expect(Date.parse(row.due.replace(' ', 'T'))).toBeLessThanOrEqual(Date.now());
		const again = await refusal(anna.pb.send(`/api/klynge/push/subscriptions/${id}/test`, { method: 'POST' }));
		expect(again.status).toBe(429);
		expect(again.response.message).toBe(
			'Du har lige sendt en test til denne enhed. Vent et halvt minut, og prøv igen.'
		);
	});

	it("answers 404 for another member's device and for one that does not exist", async () => {
		const { id } = await subscribe(anna, browserSubscription());
		for (const target of [id, 'nosuchsubscrip']) {
			const err = await refusal(bo.pb.send(`/api/klynge/push/subscriptions/${target}/test`, { method: 'POST' }));
			expect(err.status).toBe(404);
			expect(err.response.message).toBe('Enheden findes ikke.');
		}
	});
});

describe('push_subscriptions API rules', () => {
	it('a member lists and views their own devices only; others and anonymous see none', async () => {
		const mine = await subscribe(anna, browserSubscription());
		const listed = await anna.pb.collection('push_subscriptions').getFullList();
		expect(listed.every((s) => s.user === anna.record.id)).toBe(true);
		expect(listed.map((s) => s.id)).toContain(mine.id);
		expect((await bo.pb.collection('push_subscriptions').getFullList()).map((s) => s.id)).not.toContain(mine.id);
		expect((await refusal(bo.pb.collection('push_subscriptions').getOne(mine.id))).status).toBe(404);
		expect(await anonymousClient(server.url).collection('push_subscriptions').getFullList()).toEqual([]);
		expect((await anna.pb.collection('push_subscriptions').getOne(mine.id)).id).toBe(mine.id);
	});

	it('a member may not create or update one through the API, not even their own', async () => {
		const mine = await subscribe(anna, browserSubscription());
		const created = await refusal(
			anna.pb
				.collection('push_subscriptions')
				.create({ user: anna.record.id, ...browserSubscription(), p256dh: 'x', auth: 'y' })
		);
		expect([400, 403]).toContain(created.status);
		const updated = await refusal(anna.pb.collection('push_subscriptions').update(mine.id, { user: bo.record.id }));
		expect([403, 404]).toContain(updated.status);
		expect((await admin.collection('push_subscriptions').getOne(mine.id)).user).toBe(anna.record.id);
	});

	it('a member deletes their own device, never another’s', async () => {
		const mine = await subscribe(anna, browserSubscription());
		const theirs = await subscribe(bo, browserSubscription());
		expect((await refusal(anna.pb.collection('push_subscriptions').delete(theirs.id))).status).toBe(404);
		expect(await anna.pb.collection('push_subscriptions').delete(mine.id)).toBe(true);
		expect((await own(anna)).map((s) => s.id)).not.toContain(mine.id);
		expect((await own(bo)).map((s) => s.id)).toContain(theirs.id);
	});
});

describe('notifications API rules', () => {
	it('a member reads their own sent reminders only, and nobody writes through the API', async () => {
		const make = (user: string, status: string, moment: string) =>
			admin.collection('notifications').create<NotificationsRecord>({
				user,
				kind: 'attendance',
				subject: 'meeting1',
				moment,
				origin: 'planner',
				due: '2026-12-01 08:00:00.000Z',
				status,
				payload: { web_push: 8030, notification: { title: 'x' } }
			});
		const sent = await make(anna.record.id, 'sent', 'rules-1');
		const pending = await make(anna.record.id, 'pending', 'rules-2');
		const others = await make(bo.record.id, 'sent', 'rules-3');
		const listed = (await anna.pb.collection('notifications').getFullList()).map((n) => n.id);
		expect(listed).toContain(sent.id);
		expect(listed).not.toContain(pending.id);
		expect(listed).not.toContain(others.id);
		expect((await refusal(anna.pb.collection('notifications').getOne(others.id))).status).toBe(404);
		expect((await refusal(anna.pb.collection('notifications').getOne(pending.id))).status).toBe(404);
		expect(
			(await refusal(anna.pb.collection('notifications').update(sent.id, { read_at: '2026-12-02 08:00:00.000Z' })))
				.status
		).toBe(403);
		expect((await refusal(anna.pb.collection('notifications').delete(sent.id))).status).toBe(403);
		expect(
			(
				await refusal(
					anna.pb.collection('notifications').create({
						user: anna.record.id,
						kind: 'test',
						subject: 's',
						moment: 'm',
						origin: 'member',
						due: '2026-12-01 08:00:00.000Z',
						status: 'pending'
					})
				)
			).status
		).toBe(403);
		expect(await anonymousClient(server.url).collection('notifications').getFullList()).toEqual([]);
	});
});

describe('the dispatch routes', () => {
	it('answer superusers only: no member (and nobody anonymous) can claim, complete or mail reminders', async () => {
		const anonymous = anonymousClient(server.url);
		for (const route of ['claim', 'complete', 'mail']) {
			for (const client of [anna.pb, anonymous]) {
				const err = await refusal(
					client.send(`/api/klynge/dispatch/${route}`, { method: 'POST', body: { owner: 'x', id: 'y', limit: 1 } })
				);
				expect([401, 403], `${route} as ${client === anonymous ? 'anonymous' : 'member'}`).toContain(err.status);
			}
		}
		const claimed = await admin.send<{ rows: unknown[] }>('/api/klynge/dispatch/claim', {
			method: 'POST',
			body: { owner: 'rules-test', limit: 1, now: '2000-01-01T00:00:00Z' }
		});
		expect(claimed.rows).toEqual([]);
	});
});

describe('a deleted user', () => {
	it('takes their subscriptions and reminders along', async () => {
		const dora = await createUser(admin, { organization: org });
		const { id: subId } = await subscribe(dora, browserSubscription());
		const row = await admin.collection('notifications').create({
			user: dora.record.id,
			kind: 'attendance',
			subject: 'm',
			moment: 'gone',
			origin: 'planner',
			due: '2026-12-01 08:00:00.000Z',
			status: 'pending'
		});
		await admin.collection('users').delete(dora.record.id);
		expect((await refusal(admin.collection('push_subscriptions').getOne(subId))).status).toBe(404);
		expect((await refusal(admin.collection('notifications').getOne(row.id))).status).toBe(404);
	});
});
