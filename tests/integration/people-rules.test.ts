// API rules of organizations and users: who may see whom, and that nobody signs up or changes
// organisation on their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createCast,
	createMembership,
	createUser,
	daysFromNow,
	people,
	type Cast,
	type Organization,
	type User,
	type Who
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { listRefused, viewable } from '../support/rules';

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
		'lets %s view every organisation, and lists none',
		async (_label, who) => {
			const pb = cast.as(who);
			const { a, b } = cast.organizations;
			expect(await viewable(pb, 'organizations', [a.id, b.id])).toEqual([a.id, b.id].sort());
			await expect(pb.collection('organizations').getOne(b.id)).resolves.toMatchObject({ name: b.name });
			await listRefused(pb, 'organizations');
		}
	);

	it('hides organisations from an anonymous visitor', async () => {
		await listRefused(cast.anon, 'organizations');
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

	/** The people of the cast whom `who` can view, by id. */
	const seenBy = (who: Who) =>
		viewable(
			cast.as(who),
			'users',
			Object.values(cast.people).map((p) => p.record.id)
		);
	const idsOf = (...who: (keyof Cast['people'])[]) => who.map((w) => cast.people[w].record.id).sort();

	it.each(people('anon', 'member', 'secretariat', 'guest', 'former', 'outsider'))(
		'refuses to list people to %s',
		async (_label, who) => {
			await listRefused(cast.as(who), 'users');
		}
	);

	it('shows a member the names and titles of fellow members of the group', async () => {
		const pb = cast.as('member');
		expect(await seenBy('member')).toEqual(idsOf('member', 'secretariat'));
		await expect(pb.collection('users').getOne(cast.people.secretariat.record.id)).resolves.toMatchObject({
			name: 'Sofie Sekretær',
			title: 'Direktør'
		});
	});

	it('shows a guest the people of the group they are invited to, and no strangers', async () => {
		expect(await seenBy('guest')).toEqual(idsOf('member', 'secretariat', 'guest'));
		await expect(
			cast.as('guest').collection('users').getOne(cast.people.otherSecretariat.record.id)
		).rejects.toMatchObject({ status: 404 });
	});

	it("hides a fellow member's e-mail address", async () => {
		const fellow = await cast.as('member').collection('users').getOne<User>(cast.people.secretariat.record.id);
		expect(fellow.name).toBe('Sofie Sekretær');
		expect(fellow).not.toHaveProperty('email');
	});

	it('hides the members of another group from a member', async () => {
		await expect(cast.as('member').collection('users').getOne(cast.people.outsider.record.id)).rejects.toMatchObject({
			status: 404
		});
		expect(await seenBy('member')).not.toContain(cast.people.otherSecretariat.record.id);
	});

	it.each(people('outsider', 'otherSecretariat'))('hides the people of group A from %s', async (_label, who) => {
		expect(await seenBy(who)).toEqual(idsOf('outsider', 'otherSecretariat'));
	});

	it('shows a former member nobody but themselves', async () => {
		expect(await seenBy('former')).toEqual(idsOf('former'));
		await expect(cast.as('former').collection('users').getOne(cast.people.former.record.id)).resolves.toMatchObject({
			name: 'Finn Fhv'
		});
	});

	it('hides a former member from the members who remain', async () => {
		await expect(cast.as('member').collection('users').getOne(cast.people.former.record.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('gives a membership that has not started yet no access to the group', async () => {
		const future = await createUser(cast.admin, { organization: cast.organizations.a.id });
		await createMembership(cast.admin, { user: future.record.id, group: cast.groups.a.id, starts: daysFromNow(7) });
		expect(
			await viewable(future.pb, 'users', [
				future.record.id,
				cast.people.member.record.id,
				cast.people.secretariat.record.id
			])
		).toEqual([future.record.id]);
		expect((await future.pb.collection('meetings').getList(1, 50)).items).toEqual([]);
		await expect(future.pb.collection('meetings').getOne(cast.meetings.published.id)).rejects.toMatchObject({
			status: 404
		});
		await expect(future.pb.collection('groups').getOne(cast.groups.a.id)).rejects.toMatchObject({ status: 404 });
	});

	it('shows an anonymous visitor nobody', async () => {
		await listRefused(cast.anon, 'users');
		await expect(cast.anon.collection('users').getOne(cast.people.member.record.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('lets a user change their own name, title, department, phone and language', async () => {
		const me = cast.people.member.record;
		const change = {
			name: 'Mette Medlem',
			title: 'Kommunaldirektør',
			department: 'Sundhed og Omsorg',
			phone: '+45 12 34 56 78',
			locale: 'en'
		};
		await expect(cast.as('member').collection('users').update<User>(me.id, change)).resolves.toMatchObject(change);
		await expect(cast.admin.collection('users').getOne(me.id)).resolves.toMatchObject(change);
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

	it('refuses to let a user show their e-mail address to others, and shows it to nobody', async () => {
		const me = cast.people.member.record;
		await expect(
			cast.as('member').collection('users').update(me.id, { emailVisibility: true, title: 'Synlig' })
		).rejects.toMatchObject({ status: 404 });
		const stored = await cast.admin.collection('users').getOne<User>(me.id);
		expect(stored).toMatchObject({ emailVisibility: false });
		expect(stored.title).not.toBe('Synlig');
		const seen = await cast.as('secretariat').collection('users').getOne<User>(me.id);
		expect(seen.name).toBe(stored.name);
		expect(seen).not.toHaveProperty('email');
	});

	it('refuses to let a user change their own e-mail address', async () => {
		const me = cast.people.member.record;
		await expect(
			cast.as('member').collection('users').update(me.id, { email: 'ny-adresse@test.klyngeportal.local' })
		).rejects.toMatchObject({ status: 404 });
		const stored = await cast.admin.collection('users').getOne<User>(me.id);
		expect(stored.email).toBe(me.email);
	});

	it('refuses, with a Danish message per field, any field outside the profile', async () => {
		const me = cast.people.member.record;
		const err = await cast
			.as('member')
			.collection('users')
			.update(me.id, { title: 'Udenfor listen', avatar: null })
			.then(
				() => null,
				(e) => e
			);
		expect(err?.status).toBe(400);
		expect(err?.response.message).toBe('Kun dine egne profiloplysninger kan ændres.');
		expect(err?.response.data.avatar).toMatchObject({ code: 'field_locked', message: 'Feltet kan ikke ændres her.' });
		expect(err?.response.data).not.toHaveProperty('title');
		const stored = await cast.admin.collection('users').getOne<User>(me.id);
		expect(stored.title).not.toBe('Udenfor listen');
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
