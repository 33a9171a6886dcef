// API rules of `notifications` (the reminder outbox) and the member's routes over it: a member lists
// and views only their own sent reminders; pending, failed and cancelled rows stay hidden even from
// their owner; nobody creates, changes or deletes one through the API; the read route and the unread
// count touch only one's own rows. Also the shape check of users.notification_prefs.
import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCast, ids, people, type Cast } from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let cast: Cast;
let rows: Record<'sent' | 'sentOlder' | 'pending' | 'failed' | 'cancelled' | 'othersSent', RecordModel>;

function payload(title: string) {
	return {
		web_push: 8030,
		notification: {
			title,
			body: 'Svar senest i morgen',
			navigate: 'https://klyngeportal.test/',
			lang: 'da',
			dir: 'ltr',
			tag: 't'
		}
	};
}

function createRow(user: string, status: string, moment: string, sentAt = '') {
	return cast.admin.collection('notifications').create({
		user,
		kind: 'attendance',
		subject: cast.meetings.published.id,
		moment,
		origin: 'planner',
		due: new Date().toISOString(),
		status,
		channel: status === 'sent' ? 'push' : '',
		sent_at: sentAt,
		payload: payload(`Påmindelse ${moment}`)
	});
}

async function unread(pb: PocketBase): Promise<number> {
	return (await pb.send<{ unread: number }>('/api/klynge/notifications/unread', {})).unread;
}

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	const member = cast.people.member.record.id;
	const now = Date.now();
	const [sent, sentOlder, pending, failed, cancelled, othersSent] = await Promise.all([
		createRow(member, 'sent', 'd-1', new Date(now - 60_000).toISOString()),
		createRow(member, 'sent', 'd-7', new Date(now - 7 * 86_400_000).toISOString()),
		createRow(member, 'pending', 'd-0'),
		createRow(member, 'failed', 'd-3'),
		createRow(member, 'cancelled', 'd-2'),
		createRow(cast.people.secretariat.record.id, 'sent', 'd-1', new Date(now).toISOString())
	]);
	rows = { sent, sentOlder, pending, failed, cancelled, othersSent };
});

afterAll(async () => {
	await server?.stop();
});

describe('notifications', () => {
	it('lists exactly the member’s own sent reminders, newest first', async () => {
		const list = await cast.as('member').collection('notifications').getFullList({ sort: '-sent_at' });
		expect(list.map((r) => r.id)).toEqual([rows.sent.id, rows.sentOlder.id]);
	});

	it('lets the member view their own sent reminder', async () => {
		await expect(cast.as('member').collection('notifications').getOne(rows.sent.id)).resolves.toMatchObject({
			id: rows.sent.id,
			status: 'sent'
		});
	});

	it.each(['pending', 'failed', 'cancelled'] as const)('hides a %s reminder even from its owner', async (status) => {
		const pb = cast.as('member');
		await expect(pb.collection('notifications').getOne(rows[status].id)).rejects.toMatchObject({ status: 404 });
		const found = await pb
			.collection('notifications')
			.getFullList({ filter: pb.filter('id = {:id}', { id: rows[status].id }) });
		expect(found).toEqual([]);
	});

	it.each(people('anon', 'secretariat', 'guest', 'outsider', 'otherSecretariat'))(
		"hides a member's sent reminder from %s",
		async (_label, who) => {
			const pb = cast.as(who);
			const list = await pb.collection('notifications').getFullList();
			expect(ids(list)).not.toContain(rows.sent.id);
			await expect(pb.collection('notifications').getOne(rows.sent.id)).rejects.toMatchObject({ status: 404 });
		}
	);

	it.each(people('anon', 'member', 'secretariat'))('refuses to let %s create a reminder', async (_label, who) => {
		const before = (await cast.admin.collection('notifications').getFullList()).length;
		await expect(
			cast
				.as(who)
				.collection('notifications')
				.create({
					user: cast.people.member.record.id,
					kind: 'test',
					subject: 'x',
					moment: `made-by-${who}`,
					origin: 'member',
					due: new Date().toISOString(),
					status: 'pending'
				})
		).rejects.toMatchObject({ status: 403 });
		expect((await cast.admin.collection('notifications').getFullList()).length).toBe(before);
	});

	it.each(people('anon', 'member', 'secretariat'))(
		"refuses to let %s change a member's reminder",
		async (_label, who) => {
			await expect(
				cast
					.as(who)
					.collection('notifications')
					.update(rows.sent.id, { read_at: new Date().toISOString(), status: 'pending' })
			).rejects.toMatchObject({ status: 403 });
			const stored = await cast.admin.collection('notifications').getOne(rows.sent.id);
			expect(stored).toMatchObject({ status: 'sent', read_at: '' });
		}
	);

	it.each(people('anon', 'member', 'secretariat'))(
		"refuses to let %s delete a member's reminder",
		async (_label, who) => {
			await expect(cast.as(who).collection('notifications').delete(rows.sentOlder.id)).rejects.toMatchObject({
				status: 403
			});
			await expect(cast.admin.collection('notifications').getOne(rows.sentOlder.id)).resolves.toMatchObject({
				id: rows.sentOlder.id
			});
		}
	);
});

describe('the read route and the unread count', () => {
	it('refuses an anonymous visitor', async () => {
		await expect(
			cast.anon.send(`/api/klynge/notifications/${rows.sent.id}/read`, { method: 'POST' })
		).rejects.toMatchObject({ status: 401 });
		await expect(unread(cast.anon)).rejects.toMatchObject({ status: 401 });
	});

	it.each([
		['another user’s sent reminder', 'othersSent'],
		['one’s own pending reminder', 'pending'],
		['one’s own cancelled reminder', 'cancelled']
	] as const)('does not mark %s read', async (_label, key) => {
		await expect(
			cast.as('member').send(`/api/klynge/notifications/${rows[key].id}/read`, { method: 'POST' })
		).rejects.toMatchObject({ status: 404 });
		expect((await cast.admin.collection('notifications').getOne(rows[key].id)).read_at).toBe('');
	});

	it('counts and marks read only the member’s own sent reminders', async () => {
		const member = cast.as('member');
		expect(await unread(member)).toBe(2);
		expect(await unread(cast.as('secretariat'))).toBe(1);
		const answer = await member.send<{ id: string; read_at: string }>(
			`/api/klynge/notifications/${rows.sent.id}/read`,
			{ method: 'POST' }
		);
		expect(answer.id).toBe(rows.sent.id);
		expect(answer.read_at).not.toBe('');
		const stored = await cast.admin.collection('notifications').getOne(rows.sent.id);
		expect(stored.read_at).toBe(answer.read_at);
		expect(await unread(member)).toBe(1);
		expect(await unread(cast.as('secretariat'))).toBe(1);
		// Opening it again keeps the first time it was read.
		const again = await member.send<{ read_at: string }>(`/api/klynge/notifications/${rows.sent.id}/read`, {
			method: 'POST'
		});
		expect(again.read_at).toBe(answer.read_at);
	});
});

describe('reminder preferences', () => {
	const me = () => cast.people.member.record.id;

	it('stores well-formed preferences the member sets', async () => {
		const prefs = { channels: { attendance: 'both', follow_up: 'none' }, quiet: { from: '22:00', to: '06:30' } };
		await cast.as('member').collection('users').update(me(), { notification_prefs: prefs });
		expect((await cast.admin.collection('users').getOne(me())).notification_prefs).toEqual(prefs);
	});

	it.each([
		['an unknown channel', { channels: { attendance: 'sms' } }, 'prefs_channel_attendance'],
		['an unknown kind', { channels: { weather: 'push' } }, 'prefs_kind'],
		['a quiet hour that is no clock time', { quiet: { from: '25:00', to: '07:00' } }, 'prefs_quiet_from'],
		['a missing end of the quiet hours', { quiet: { from: '21:00' } }, 'prefs_quiet_to'],
		['an unknown field', { channels: {}, colour: 'red' }, 'prefs_shape'],
		['a list', ['push'], 'prefs_shape']
	])('refuses %s with a Danish message on the field', async (_label, prefs, code) => {
		const before = (await cast.admin.collection('users').getOne(me())).notification_prefs;
		const err = await cast
			.as('member')
			.collection('users')
			.update(me(), { notification_prefs: prefs })
			.then(
				() => null,
				(e: { status: number; response: { data: Record<string, { code: string; message: string }> } }) => e
			);
		expect(err?.status).toBe(400);
		expect(err?.response.data.notification_prefs?.code).toBe(code);
		expect(err?.response.data.notification_prefs?.message).toMatch(/[a-zæøå]/);
		expect((await cast.admin.collection('users').getOne(me())).notification_prefs).toEqual(before);
	});

	it('refuses malformed preferences on a new account too', async () => {
		const err = await cast.admin
			.collection('users')
			.create({
				email: 'prefs-check@test.klyngeportal.local',
				password: 'test-password-1234',
				passwordConfirm: 'test-password-1234',
				name: 'Preben Præference',
				organization: cast.organizations.a.id,
				notification_prefs: { quiet: { from: '7', to: '21:00' } }
			})
			.then(
				() => null,
				(e: { status: number; response: { data: Record<string, { code: string }> } }) => e
			);
		expect(err?.status).toBe(400);
		expect(err?.response.data.notification_prefs?.code).toBe('prefs_quiet_from');
		const found = await cast.admin
			.collection('users')
			.getFullList({ filter: cast.admin.filter('email = {:e}', { e: 'prefs-check@test.klyngeportal.local' }) });
		expect(found).toEqual([]);
	});

	it("refuses to let a member set another user's preferences", async () => {
		const other = cast.people.secretariat.record.id;
		await expect(
			cast
				.as('member')
				.collection('users')
				.update(other, { notification_prefs: { channels: { attendance: 'none' } } })
		).rejects.toMatchObject({ status: 404 });
		expect((await cast.admin.collection('users').getOne(other)).notification_prefs).toBeNull();
	});
});
