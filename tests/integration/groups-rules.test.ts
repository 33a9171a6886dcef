// API rules of groups and memberships: a group and its roster are visible to its active members
// only, and the secretariat manages members without being able to make secretariats or reach
// into another group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createMembership,
	createUser,
	daysFromNow,
	ids,
	people,
	createCast,
	type Cast,
	type Group,
	type Meeting,
	type Membership,
	type Person,
	type User
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

/** Someone with no membership yet, from the group's own organisation. */
function newcomer(): Promise<Person> {
	return createUser(cast.admin, { organization: cast.organizations.a.id });
}

describe('groups', () => {
	it.each(people('member', 'secretariat', 'guest'))('shows %s group A and no other group', async (_label, who) => {
		const pb = cast.as(who);
		expect(ids(await pb.collection('groups').getFullList<Group>())).toEqual([cast.groups.a.id]);
		await expect(pb.collection('groups').getOne(cast.groups.a.id)).resolves.toMatchObject({ name: cast.groups.a.name });
		await expect(pb.collection('groups').getOne(cast.groups.b.id)).rejects.toMatchObject({ status: 404 });
	});

	it.each(people('outsider', 'otherSecretariat'))('hides group A from %s', async (_label, who) => {
		const pb = cast.as(who);
		expect(ids(await pb.collection('groups').getFullList<Group>())).toEqual([cast.groups.b.id]);
		await expect(pb.collection('groups').getOne(cast.groups.a.id)).rejects.toMatchObject({ status: 404 });
	});

	it.each(people('anon', 'former'))('shows %s no group at all', async (_label, who) => {
		const pb = cast.as(who);
		expect((await pb.collection('groups').getList(1, 50)).items).toEqual([]);
		await expect(pb.collection('groups').getOne(cast.groups.a.id)).rejects.toMatchObject({ status: 404 });
	});

	it.each(people('anon', 'member', 'secretariat', 'guest', 'former', 'outsider'))(
		'refuses to let %s create, update or delete a group',
		async (_label, who) => {
			const groups = cast.as(who).collection('groups');
			await expect(groups.create({ name: 'Ny gruppe', kind: 'forum' })).rejects.toMatchObject({ status: 403 });
			await expect(groups.update(cast.groups.a.id, { name: 'Omdøbt' })).rejects.toMatchObject({ status: 403 });
			await expect(groups.delete(cast.groups.a.id)).rejects.toMatchObject({ status: 403 });
			const stored = await cast.admin.collection('groups').getOne<Group>(cast.groups.a.id);
			expect(stored.name).toBe(cast.groups.a.name);
		}
	);
});

describe('memberships: reading', () => {
	it.each(people('member', 'secretariat'))('shows %s the memberships of the group', async (_label, who) => {
		const list = await cast.as(who).collection('memberships').getFullList<Membership>();
		const m = cast.memberships;
		expect(ids(list)).toEqual(expect.arrayContaining([m.member.id, m.secretariat.id, m.guest.id, m.former.id]));
		expect(list.every((r) => r.group === cast.groups.a.id)).toBe(true);
	});

	it('shows a guest the memberships of the group they are invited to and of no other group', async () => {
		const list = await cast.as('guest').collection('memberships').getFullList<Membership>();
		expect(ids(list)).toEqual(expect.arrayContaining([cast.memberships.guest.id, cast.memberships.member.id]));
		expect(list.every((r) => r.group === cast.groups.a.id)).toBe(true);
	});

	it.each(people('outsider', 'otherSecretariat'))('hides every membership of group A from %s', async (_label, who) => {
		const pb = cast.as(who);
		const filtered = await pb
			.collection('memberships')
			.getList(1, 50, { filter: pb.filter('group = {:group}', { group: cast.groups.a.id }) });
		expect(filtered.items).toEqual([]);
		const all = await pb.collection('memberships').getFullList<Membership>();
		expect(all.map((r) => r.group)).not.toContain(cast.groups.a.id);
		await expect(pb.collection('memberships').getOne(cast.memberships.member.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('hides memberships from an anonymous visitor', async () => {
		expect((await cast.anon.collection('memberships').getList(1, 50)).items).toEqual([]);
		await expect(cast.anon.collection('memberships').getOne(cast.memberships.member.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('shows a former member their own membership and nobody else’s', async () => {
		const pb = cast.as('former');
		expect(ids(await pb.collection('memberships').getFullList<Membership>())).toEqual([cast.memberships.former.id]);
		await expect(pb.collection('memberships').getOne(cast.memberships.member.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('does not expand the group of a former member’s own membership', async () => {
		const own = await cast
			.as('former')
			.collection('memberships')
			.getOne<Membership<{ group?: Group; user?: User }>>(cast.memberships.former.id, { expand: 'group,user' });
		expect(own.group).toBe(cast.groups.a.id);
		expect(own.expand?.group).toBeUndefined();
	});

	it('does not expand, for a guest, the meeting another guest is invited to', async () => {
		const otherGuest = await createUser(cast.admin, { organization: cast.organizations.b.id });
		const invitation = await createMembership(cast.admin, {
			user: otherGuest.record.id,
			group: cast.groups.a.id,
			role: 'guest',
			meeting: cast.meetings.other.id
		});
		const pb = cast.as('guest');
		const theirs = await pb
			.collection('memberships')
			.getOne<Membership<{ meeting?: Meeting }>>(invitation.id, { expand: 'meeting' });
		expect(theirs.meeting).toBe(cast.meetings.other.id);
		expect(theirs.expand?.meeting).toBeUndefined();
		const mine = await pb
			.collection('memberships')
			.getOne<Membership<{ meeting?: Meeting }>>(cast.memberships.guest.id, { expand: 'meeting' });
		expect(mine.expand?.meeting?.id).toBe(cast.meetings.published.id);
	});

	it('does not expand a meeting of another group even when a membership points at it', async () => {
		const crossed = await createMembership(cast.admin, {
			user: cast.people.outsider.record.id,
			group: cast.groups.b.id,
			role: 'guest',
			meeting: cast.meetings.published.id
		});
		const pb = cast.as('outsider');
		const own = await pb
			.collection('memberships')
			.getOne<Membership<{ meeting?: Meeting }>>(crossed.id, { expand: 'meeting,meeting.group' });
		expect(own.expand?.meeting).toBeUndefined();
		await expect(pb.collection('meetings').getOne(cast.meetings.published.id)).rejects.toMatchObject({ status: 404 });
	});
});

describe('memberships: creating', () => {
	it('lets the secretariat add a member, who then sees the group', async () => {
		const person = await newcomer();
		const created = await cast
			.as('secretariat')
			.collection('memberships')
			.create<Membership>({ user: person.record.id, group: cast.groups.a.id, role: 'member' });
		expect(created).toMatchObject({ group: cast.groups.a.id, role: 'member' });
		expect(ids(await person.pb.collection('groups').getFullList<Group>())).toEqual([cast.groups.a.id]);
	});

	it('lets the secretariat invite a guest to one meeting', async () => {
		const person = await newcomer();
		const created = await cast.as('secretariat').collection('memberships').create<Membership>({
			user: person.record.id,
			group: cast.groups.a.id,
			role: 'guest',
			meeting: cast.meetings.published.id
		});
		expect(created.meeting).toBe(cast.meetings.published.id);
	});

	it('refuses to let the secretariat appoint another secretariat', async () => {
		const person = await newcomer();
		await expect(
			cast
				.as('secretariat')
				.collection('memberships')
				.create({ user: person.record.id, group: cast.groups.a.id, role: 'secretariat' })
		).rejects.toMatchObject({ status: 400 });
		const stored = await cast.admin
			.collection('memberships')
			.getList(1, 1, { filter: cast.admin.filter('user = {:user}', { user: person.record.id }) });
		expect(stored.totalItems).toBe(0);
	});

	it('refuses to let the secretariat add someone to another group', async () => {
		const person = await newcomer();
		await expect(
			cast
				.as('secretariat')
				.collection('memberships')
				.create({ user: person.record.id, group: cast.groups.b.id, role: 'member' })
		).rejects.toMatchObject({ status: 400 });
	});

	it('refuses to let the secretariat add itself to another group', async () => {
		await expect(
			cast
				.as('secretariat')
				.collection('memberships')
				.create({ user: cast.people.secretariat.record.id, group: cast.groups.b.id, role: 'member' })
		).rejects.toMatchObject({ status: 400 });
	});

	it.each(people('anon', 'member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'refuses to let %s add a membership to the group',
		async (_label, who) => {
			const person = await newcomer();
			await expect(
				cast
					.as(who)
					.collection('memberships')
					.create({ user: person.record.id, group: cast.groups.a.id, role: 'member' })
			).rejects.toMatchObject({ status: 400 });
		}
	);

	it('refuses to let a member of another group join the group on their own', async () => {
		await expect(
			cast
				.as('outsider')
				.collection('memberships')
				.create({ user: cast.people.outsider.record.id, group: cast.groups.a.id, role: 'member' })
		).rejects.toMatchObject({ status: 400 });
	});

	it('refuses to let a guest turn their invitation into a full membership', async () => {
		await expect(
			cast
				.as('guest')
				.collection('memberships')
				.create({ user: cast.people.guest.record.id, group: cast.groups.a.id, role: 'member' })
		).rejects.toMatchObject({ status: 400 });
	});

	it('refuses a guest membership tied to a meeting of another group', async () => {
		const person = await newcomer();
		await expect(
			cast.as('secretariat').collection('memberships').create({
				user: person.record.id,
				group: cast.groups.a.id,
				role: 'guest',
				meeting: cast.meetings.ofOtherGroup.id
			})
		).rejects.toMatchObject({ status: 400 });
	});
});

describe('memberships: updating and deleting', () => {
	async function freshMembership(): Promise<Membership> {
		const person = await newcomer();
		return createMembership(cast.admin, { user: person.record.id, group: cast.groups.a.id, role: 'member' });
	}

	it("lets the secretariat change a member's role and end date", async () => {
		const membership = await freshMembership();
		const ends = daysFromNow(90);
		const updated = await cast
			.as('secretariat')
			.collection('memberships')
			.update<Membership>(membership.id, { role: 'chair', ends });
		expect(updated).toMatchObject({ role: 'chair', ends });
	});

	it.each<[string, () => Partial<Membership>]>([
		['promote a member to secretariat', () => ({ role: 'secretariat' })],
		['move a membership to another group', () => ({ group: cast.groups.b.id })],
		['hand a membership to another person', () => ({ user: cast.people.outsider.record.id })]
	])('refuses to let the secretariat %s', async (_change, body) => {
		const membership = await freshMembership();
		await expect(cast.as('secretariat').collection('memberships').update(membership.id, body())).rejects.toMatchObject({
			status: 404
		});
		const stored = await cast.admin.collection('memberships').getOne<Membership>(membership.id);
		expect(stored).toMatchObject({ role: 'member', group: cast.groups.a.id, user: membership.user });
	});

	it('refuses to let the secretariat change a secretariat membership, its own included', async () => {
		const own = cast.memberships.secretariat;
		await expect(
			cast
				.as('secretariat')
				.collection('memberships')
				.update(own.id, { ends: daysFromNow(10) })
		).rejects.toMatchObject({ status: 404 });
		await expect(cast.as('secretariat').collection('memberships').delete(own.id)).rejects.toMatchObject({
			status: 404
		});
		const stored = await cast.admin.collection('memberships').getOne<Membership>(own.id);
		expect(stored.ends).toBe('');
	});

	it.each(people('anon', 'member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'refuses to let %s change a membership of the group',
		async (_label, who) => {
			const membership = await freshMembership();
			await expect(
				cast.as(who).collection('memberships').update(membership.id, { role: 'chair' })
			).rejects.toMatchObject({ status: 404 });
			const stored = await cast.admin.collection('memberships').getOne<Membership>(membership.id);
			expect(stored.role).toBe('member');
		}
	);

	it('refuses to let a former member reopen their own membership', async () => {
		const own = cast.memberships.former;
		await expect(cast.as('former').collection('memberships').update(own.id, { ends: '' })).rejects.toMatchObject({
			status: 404
		});
		const stored = await cast.admin.collection('memberships').getOne<Membership>(own.id);
		expect(stored.ends).toBe(own.ends);
	});

	it('refuses to let a guest widen their invitation to every meeting of the group', async () => {
		const own = cast.memberships.guest;
		await expect(cast.as('guest').collection('memberships').update(own.id, { meeting: '' })).rejects.toMatchObject({
			status: 404
		});
		const stored = await cast.admin.collection('memberships').getOne<Membership>(own.id);
		expect(stored.meeting).toBe(cast.meetings.published.id);
	});

	it('lets the secretariat remove a member from the group', async () => {
		const membership = await freshMembership();
		await expect(cast.as('secretariat').collection('memberships').delete(membership.id)).resolves.toBe(true);
		await expect(cast.admin.collection('memberships').getOne(membership.id)).rejects.toMatchObject({ status: 404 });
	});

	it.each(people('anon', 'member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'refuses to let %s remove a membership of the group',
		async (_label, who) => {
			const membership = await freshMembership();
			await expect(cast.as(who).collection('memberships').delete(membership.id)).rejects.toMatchObject({
				status: 404
			});
			await expect(cast.admin.collection('memberships').getOne(membership.id)).resolves.toMatchObject({
				id: membership.id
			});
		}
	);

	it('refuses to let a member remove their own membership', async () => {
		await expect(cast.as('member').collection('memberships').delete(cast.memberships.member.id)).rejects.toMatchObject({
			status: 404
		});
	});
});

describe('memberships: dates', () => {
	it('keeps a member whose membership ends in the future', async () => {
		const person = await newcomer();
		await createMembership(cast.admin, {
			user: person.record.id,
			group: cast.groups.a.id,
			role: 'member',
			ends: daysFromNow(30)
		});
		expect(ids(await person.pb.collection('groups').getFullList<Group>())).toEqual([cast.groups.a.id]);
	});

	it('drops a member the moment their membership has ended', async () => {
		const person = await newcomer();
		await createMembership(cast.admin, {
			user: person.record.id,
			group: cast.groups.a.id,
			role: 'member',
			ends: daysFromNow(-0.01)
		});
		expect((await person.pb.collection('groups').getList(1, 50)).items).toEqual([]);
		await expect(person.pb.collection('meetings').getOne(cast.meetings.published.id)).rejects.toMatchObject({
			status: 404
		});
	});
});
