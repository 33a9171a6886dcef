// API rules of organizations and users: who may see whom, and that nobody signs up or changes
// organisation on their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createCast,
	createMembership,
	createUser,
	daysFromNow,
	ids,
	people,
	type Cast,
	type Organization,
	type User,
	type Who
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let cast: Cast;

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
});

afterAll(async () => {
	await server?.stop();
});

describe('organizations', () => {
	it.each(people('member', 'secretariat', 'guest', 'former', 'outsider'))(
		'lets %s list and view every organisation',
		async (_label, who) => {
			const pb = cast.as(who);
			const list = await pb.collection('organizations').getFullList<Organization>();
			expect(ids(list)).toEqual(expect.arrayContaining([cast.organizations.a.id, cast.organizations.b.id]));
			await expect(pb.collection('organizations').getOne(cast.organizations.b.id)).resolves.toMatchObject({
				name: cast.organizations.b.name
			});
		}
	);

	it('hides organisations from an anonymous visitor', async () => {
		const list = await cast.anon.collection('organizations').getList(1, 50);
		expect(list.items).toEqual([]);
		await expect(cast.anon.collection('organizations').getOne(cast.organizations.a.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it.each(people('anon', 'member', 'secretariat', 'guest', 'former', 'outsider'))(
		'refuses to let %s create, update or delete an organisation',
		async (_label, who) => {
			const orgs = cast.as(who).collection('organizations');
			const target = cast.organizations.a;
			await expect(orgs.create({ name: 'Ny organisation', sector: 'andet' })).rejects.toMatchObject({ status: 403 });
			await expect(orgs.update(target.id, { name: 'Omdøbt' })).rejects.toMatchObject({ status: 403 });
			await expect(orgs.delete(target.id)).rejects.toMatchObject({ status: 403 });
			const stored = await cast.admin.collection('organizations').getOne<Organization>(target.id);
			expect(stored.name).toBe(target.name);
		}
	);
});

describe('users', () => {
	it('refuses self-registration by an anonymous visitor', async () => {
		const email = 'selvregistreret@test.klyngeportal.local';
		await expect(
			cast.anon.collection('users').create({
				email,
				password: 'selv-password-123',
				passwordConfirm: 'selv-password-123',
				name: 'Selv Registreret'
			})
		).rejects.toMatchObject({ status: 403 });
		const found = await cast.admin
			.collection('users')
			.getList(1, 1, { filter: server.admin.filter('email = {:email}', { email }) });
		expect(found.totalItems).toBe(0);
	});

	it.each(people('member', 'secretariat', 'guest', 'former', 'outsider'))(
		'refuses to let %s create a user account',
		async (_label, who) => {
			await expect(
				cast
					.as(who)
					.collection('users')
					.create({
						email: `oprettet-af-${who}@test.klyngeportal.local`,
						password: 'oprettet-password-1',
						passwordConfirm: 'oprettet-password-1',
						name: 'Oprettet'
					})
			).rejects.toMatchObject({ status: 403 });
		}
	);

	it('shows a member the names and titles of fellow members of the group', async () => {
		const pb = cast.as('member');
		const list = await pb.collection('users').getFullList<User>();
		expect(ids(list)).toEqual(
			expect.arrayContaining([
				cast.people.member.record.id,
				cast.people.secretariat.record.id,
				cast.people.guest.record.id
			])
		);
		await expect(pb.collection('users').getOne(cast.people.secretariat.record.id)).resolves.toMatchObject({
			name: 'Sofie Sekretær',
			title: 'Direktør'
		});
	});

	it('shows a guest the people of the group they are invited to, and no strangers', async () => {
		const pb = cast.as('guest');
		const list = ids(await pb.collection('users').getFullList<User>());
		expect(list).toEqual(expect.arrayContaining([cast.people.member.record.id, cast.people.secretariat.record.id]));
		expect(list).not.toContain(cast.people.outsider.record.id);
		await expect(pb.collection('users').getOne(cast.people.otherSecretariat.record.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it("hides a fellow member's e-mail address", async () => {
		const fellow = await cast.as('member').collection('users').getOne<User>(cast.people.secretariat.record.id);
		expect(fellow).not.toHaveProperty('email');
	});

	it('hides the members of another group from a member', async () => {
		const pb = cast.as('member');
		const list = await pb.collection('users').getFullList<User>();
		expect(ids(list)).not.toContain(cast.people.outsider.record.id);
		expect(ids(list)).not.toContain(cast.people.otherSecretariat.record.id);
		await expect(pb.collection('users').getOne(cast.people.outsider.record.id)).rejects.toMatchObject({ status: 404 });
	});

	it.each(people('outsider', 'otherSecretariat'))('hides the people of group A from %s', async (_label, who) => {
		const pb = cast.as(who);
		const list = await pb.collection('users').getFullList<User>();
		expect(ids(list)).toEqual(ids([cast.people.outsider.record, cast.people.otherSecretariat.record]));
		for (const stranger of [cast.people.member, cast.people.secretariat, cast.people.former]) {
			await expect(pb.collection('users').getOne(stranger.record.id)).rejects.toMatchObject({ status: 404 });
		}
	});

	it('shows a former member nobody but themselves', async () => {
		const pb = cast.as('former');
		const list = await pb.collection('users').getFullList<User>();
		expect(ids(list)).toEqual([cast.people.former.record.id]);
		await expect(pb.collection('users').getOne(cast.people.member.record.id)).rejects.toMatchObject({ status: 404 });
	});

	it('hides a former member from the members who remain', async () => {
		const pb = cast.as('member');
		expect(ids(await pb.collection('users').getFullList<User>())).not.toContain(cast.people.former.record.id);
		await expect(pb.collection('users').getOne(cast.people.former.record.id)).rejects.toMatchObject({ status: 404 });
	});

	it('gives a membership that has not started yet no access to the group', async () => {
		const future = await createUser(cast.admin, { organization: cast.organizations.a.id });
		await createMembership(cast.admin, { user: future.record.id, group: cast.groups.a.id, starts: daysFromNow(7) });
		expect(ids(await future.pb.collection('users').getFullList<User>())).toEqual([future.record.id]);
		expect((await future.pb.collection('meetings').getList(1, 50)).items).toEqual([]);
		await expect(future.pb.collection('meetings').getOne(cast.meetings.published.id)).rejects.toMatchObject({
			status: 404
		});
		await expect(future.pb.collection('groups').getOne(cast.groups.a.id)).rejects.toMatchObject({ status: 404 });
	});

	it('shows an anonymous visitor nobody', async () => {
		const list = await cast.anon.collection('users').getList(1, 50);
		expect(list.items).toEqual([]);
		await expect(cast.anon.collection('users').getOne(cast.people.member.record.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('lets a user change their own name and title', async () => {
		const pb = cast.as('member');
		const updated = await pb
			.collection('users')
			.update<User>(cast.people.member.record.id, { name: 'Mette Medlem', title: 'Kommunaldirektør' });
		expect(updated.title).toBe('Kommunaldirektør');
	});

	it('refuses to let a user move themselves to another organisation', async () => {
		const me = cast.people.member.record;
		await expect(
			cast.as('member').collection('users').update(me.id, { organization: cast.organizations.b.id })
		).rejects.toMatchObject({ status: 404 });
		const stored = await cast.admin.collection('users').getOne<User>(me.id);
		expect(stored.organization).toBe(cast.organizations.a.id);
	});

	it('refuses to let a user mark their own e-mail address as verified', async () => {
		const me = cast.people.member.record;
		await expect(cast.as('member').collection('users').update(me.id, { verified: true })).rejects.toMatchObject({
			status: 404
		});
		const stored = await cast.admin.collection('users').getOne(me.id);
		expect(stored.verified).toBe(false);
	});

	it.each<[string, Who, keyof Cast['people']]>([
		['a member', 'member', 'secretariat'],
		['the secretariat', 'secretariat', 'member'],
		['a member of another group', 'outsider', 'member']
	])("refuses to let %s change another person's profile", async (_label, who, target) => {
		const other = cast.people[target].record;
		await expect(cast.as(who).collection('users').update(other.id, { title: 'Ændret' })).rejects.toMatchObject({
			status: 404
		});
		const stored = await cast.admin.collection('users').getOne<User>(other.id);
		expect(stored.title).not.toBe('Ændret');
	});

	it.each(people('anon', 'member', 'secretariat', 'guest', 'former', 'outsider'))(
		'refuses to let %s delete an account, not even their own',
		async (_label, who) => {
			const target = who === 'anon' ? cast.people.member.record : cast.people[who].record;
			await expect(cast.as(who).collection('users').delete(target.id)).rejects.toMatchObject({ status: 403 });
			await expect(cast.admin.collection('users').getOne(target.id)).resolves.toMatchObject({ id: target.id });
		}
	);
});
