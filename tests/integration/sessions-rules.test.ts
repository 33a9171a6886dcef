// API rules of sessions (one row per login on one device): each user sees and ends only their own,
// nobody edits one, and "log out on every device" ends them all and renews the user's tokens.
import type { RecordModel } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	anonymousClient,
	createCast,
	createOrganization,
	createUser,
	ids,
	people,
	PASSWORD,
	type Cast
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let cast: Cast;
let memberSession: RecordModel;

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	memberSession = await cast.as('member').collection('sessions').create({ user: cast.people.member.record.id });
});

afterAll(async () => {
	await server?.stop();
});

describe('sessions', () => {
	it('lets a user start a session of their own and list and view it', async () => {
		const pb = cast.as('secretariat');
		const own = await pb.collection('sessions').create({ user: cast.people.secretariat.record.id });
		expect(ids(await pb.collection('sessions').getFullList())).toEqual([own.id]);
		await expect(pb.collection('sessions').getOne(own.id)).resolves.toMatchObject({
			user: cast.people.secretariat.record.id
		});
	});

	it.each(people('anon', 'secretariat', 'guest', 'former', 'outsider'))(
		"hides a member's session from %s",
		async (_label, who) => {
			const pb = cast.as(who);
			const list = await pb
				.collection('sessions')
				.getFullList({ filter: pb.filter('id = {:id}', { id: memberSession.id }) });
			expect(list).toEqual([]);
			await expect(pb.collection('sessions').getOne(memberSession.id)).rejects.toMatchObject({ status: 404 });
		}
	);

	it.each(people('anon', 'secretariat', 'outsider'))(
		'refuses to let %s start a session for a member',
		async (_label, who) => {
			await expect(
				cast.as(who).collection('sessions').create({ user: cast.people.member.record.id })
			).rejects.toMatchObject({ status: 400 });
			const rows = await cast.admin
				.collection('sessions')
				.getFullList({ filter: cast.admin.filter('user = {:user}', { user: cast.people.member.record.id }) });
			expect(ids(rows)).toEqual([memberSession.id]);
		}
	);

	it.each(people('member', 'secretariat', 'outsider'))('refuses to let %s change a session', async (_label, who) => {
		await expect(
			cast.as(who).collection('sessions').update(memberSession.id, { user: cast.people.outsider.record.id })
		).rejects.toMatchObject({ status: 403 });
		const stored = await cast.admin.collection('sessions').getOne(memberSession.id);
		expect(stored.user).toBe(cast.people.member.record.id);
	});

	it.each(people('anon', 'secretariat', 'guest', 'outsider'))(
		"refuses to let %s end a member's session",
		async (_label, who) => {
			await expect(cast.as(who).collection('sessions').delete(memberSession.id)).rejects.toMatchObject({
				status: 404
			});
			await expect(cast.admin.collection('sessions').getOne(memberSession.id)).resolves.toMatchObject({
				id: memberSession.id
			});
		}
	);

	it('lets a user end their own session', async () => {
		const pb = cast.as('guest');
		const own = await pb.collection('sessions').create({ user: cast.people.guest.record.id });
		await pb.collection('sessions').delete(own.id);
		await expect(cast.admin.collection('sessions').getOne(own.id)).rejects.toMatchObject({ status: 404 });
	});

	it('ends every session of the user and their tokens on every device, and no one else’s', async () => {
		const org = await createOrganization(server.admin);
		const person = await createUser(server.admin, { organization: org.id });
		const phone = person.pb;
		const laptop = anonymousClient(server.url);
		await laptop.collection('users').authWithPassword(person.record.email, PASSWORD);
		const [a, b] = await Promise.all([
			phone.collection('sessions').create({ user: person.record.id }),
			laptop.collection('sessions').create({ user: person.record.id })
		]);

		await expect(cast.anon.send('/api/klynge/sessions/end-all', { method: 'POST' })).rejects.toMatchObject({
			status: 401
		});
		await phone.send('/api/klynge/sessions/end-all', { method: 'POST' });

		for (const id of [a.id, b.id]) {
			await expect(server.admin.collection('sessions').getOne(id)).rejects.toMatchObject({ status: 404 });
		}
		// Tokens issued before no longer work, on either device.
		await expect(laptop.collection('users').authRefresh()).rejects.toMatchObject({ status: 401 });
		await expect(phone.collection('users').authRefresh()).rejects.toMatchObject({ status: 401 });
		await expect(server.admin.collection('sessions').getOne(memberSession.id)).resolves.toMatchObject({
			user: cast.people.member.record.id
		});
	});
});
