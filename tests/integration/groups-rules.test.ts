// API rules of groups and memberships: a group and its roster are visible to its active members
// only, and the secretariat manages members without being able to make secretariats or reach
// into another group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import {
	createMeeting,
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
	type Organization,
	type Person,
	type User
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { filterRefused, viewable } from '../support/rules';

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

	it.each<[string, { filter?: string; sort?: string }]>([
		['a filter through the memberships of a group', { filter: 'memberships_via_group.user.name ~ "Mette"' }],
		['a sort through the meetings of a group', { sort: 'meetings_via_group.title' }]
	])('refuses %s', async (_label, options) => {
		await filterRefused(cast.as('outsider'), 'groups', options);
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
	it("shows a member the group's ordinary memberships, a former member's included", async () => {
		const list = await cast.as('member').collection('memberships').getFullList<Membership>();
		const m = cast.memberships;
		expect(ids(list)).toEqual(ids([m.member, m.secretariat, m.former]));
	});

	it("shows the secretariat the group's memberships, guests included", async () => {
		const list = await cast.as('secretariat').collection('memberships').getFullList<Membership>();
		const m = cast.memberships;
		expect(ids(list)).toEqual(expect.arrayContaining(ids([m.member, m.secretariat, m.guest, m.former])));
		expect(list.every((r) => r.group === cast.groups.a.id)).toBe(true);
	});

	it("hides from a guest the ended membership of the group's former member", async () => {
		const list = await cast.as('guest').collection('memberships').getFullList<Membership>();
		expect(ids(list)).not.toContain(cast.memberships.former.id);
		await expect(cast.as('guest').collection('memberships').getOne(cast.memberships.former.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('shows a guest the memberships of the group they are invited to and of no other group', async () => {
		const list = await cast.as('guest').collection('memberships').getFullList<Membership>();
		expect(ids(list)).toEqual(expect.arrayContaining([cast.memberships.guest.id, cast.memberships.member.id]));
		expect(list.every((r) => r.group === cast.groups.a.id)).toBe(true);
	});

	it("lists for a member the group's members with their names and organisations, as the meeting page does", async () => {
		const pb = cast.as('member');
		const list = await pb
			.collection('memberships')
			.getFullList<Membership<{ user?: User<{ organization?: Organization }> }>>({
				filter: pb.filter(
					'group = {:group} && meeting = "" && role != "guest" && (starts = "" || starts <= @now) && (ends = "" || ends > @now)',
					{ group: cast.groups.a.id }
				),
				expand: 'user.organization'
			});
		const names = list.map((m) => m.expand?.user?.name).sort();
		expect(names).toEqual(['Mette Medlem', 'Sofie Sekretær']);
		const organisations = list.map((m) => m.expand?.user?.expand?.organization?.name);
		expect(organisations).toEqual([cast.organizations.a.name, cast.organizations.a.name]);
	});

	it.each<[string, string]>([
		['a filter on the group name', 'group.name != ""'],
		['a filter through the user', 'user.email ~ "@"'],
		['a filter through a back-relation', 'group.meetings_via_group.title ~ "M"']
	])('refuses %s on memberships', async (_label, filter) => {
		await filterRefused(cast.as('member'), 'memberships', { filter });
	});

	it('refuses a sort on a related field of memberships', async () => {
		await filterRefused(cast.as('secretariat'), 'memberships', { sort: '-user.name' });
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

	it("hides another guest's invitation from a guest, and expands the guest's own meeting", async () => {
		const otherGuest = await createUser(cast.admin, { organization: cast.organizations.b.id });
		const invitation = await createMembership(cast.admin, {
			user: otherGuest.record.id,
			group: cast.groups.a.id,
			role: 'guest',
			meeting: cast.meetings.other.id
		});
		const pb = cast.as('guest');
		await expect(pb.collection('memberships').getOne(invitation.id)).rejects.toMatchObject({ status: 404 });
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

describe('memberships and people: guests and substitutes', () => {
	/** A new person with a guest membership of `meeting` in group A. */
	async function guestOf(meeting: Meeting) {
		const person = await createUser(cast.admin, { organization: cast.organizations.b.id });
		const membership = await createMembership(cast.admin, {
			user: person.record.id,
			group: cast.groups.a.id,
			role: 'guest',
			meeting: meeting.id
		});
		return { person, membership };
	}

	/** What `pb` can view of the given people and their memberships. */
	async function seen(pb: PocketBase, people: { person: Person; membership: Membership }[]) {
		return {
			users: await viewable(
				pb,
				'users',
				people.map((p) => p.person.record.id)
			),
			memberships: await viewable(
				pb,
				'memberships',
				people.map((p) => p.membership.id)
			)
		};
	}

	const ordinary = () => [
		{ person: cast.people.member, membership: cast.memberships.member },
		{ person: cast.people.secretariat, membership: cast.memberships.secretariat }
	];
	const everything = (people: { person: Person; membership: Membership }[]) => ({
		users: people.map((p) => p.person.record.id).sort(),
		memberships: people.map((p) => p.membership.id).sort()
	});
	const nothing = { users: [], memberships: [] };

	it("shows a guest the group's members only until their meeting ends, and their own record after", async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const guest = await guestOf(meeting);
		expect(await seen(guest.person.pb, ordinary())).toEqual(everything(ordinary()));

		await cast.admin
			.collection('meetings')
			.update(meeting.id, { starts: daysFromNow(-1), ends: daysFromNow(-1 + 2 / 24), status: 'held' });
		expect(await seen(guest.person.pb, ordinary())).toEqual(nothing);
		expect(await seen(guest.person.pb, [guest])).toEqual(everything([guest]));
	});

	it('shows the guest of a meeting that has already ended no member of the group', async () => {
		const ended = await createMeeting(cast.admin, {
			group: cast.groups.a.id,
			status: 'held',
			starts: daysFromNow(-3),
			ends: daysFromNow(-3 + 2 / 24)
		});
		const guest = await guestOf(ended);
		expect(await seen(guest.person.pb, ordinary())).toEqual(nothing);
		expect(await seen(guest.person.pb, [guest])).toEqual(everything([guest]));
	});

	it("never shows a guest another guest's membership or account, not even of the same meeting", async () => {
		const sameMeeting = await guestOf(cast.meetings.published);
		const otherMeeting = await guestOf(cast.meetings.other);
		expect(await seen(cast.as('guest'), [sameMeeting, otherMeeting])).toEqual(nothing);
		// The same guest sees the group's ordinary members: the refusal above is about guests.
		expect(await seen(cast.as('guest'), ordinary())).toEqual(everything(ordinary()));
	});

	it("shows a member a substitute's guest membership and account only once the minutes are published", async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id, status: 'held' });
		const substitute = await guestOf(meeting);
		expect(await seen(cast.as('member'), [substitute])).toEqual(nothing);

		await cast.admin.collection('meetings').update(meeting.id, { status: 'minutes_published' });
		expect(await seen(cast.as('member'), [substitute])).toEqual(everything([substitute]));
		for (const who of ['outsider', 'otherSecretariat', 'former', 'anon'] as const) {
			expect(await seen(cast.as(who), [substitute])).toEqual(nothing);
		}
	});

	it("shows the group's secretariat, chair and co-chair a substitute at once", async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const substitute = await guestOf(meeting);
		const leaders: PocketBase[] = [cast.as('secretariat')];
		for (const role of ['chair', 'co_chair'] as const) {
			const leader = await createUser(cast.admin, { organization: cast.organizations.a.id });
			await createMembership(cast.admin, { user: leader.record.id, group: cast.groups.a.id, role });
			leaders.push(leader.pb);
		}
		for (const pb of leaders) {
			expect(await seen(pb, [substitute])).toEqual(everything([substitute]));
		}
		expect(await seen(cast.as('otherSecretariat'), [substitute])).toEqual(nothing);
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

	it('lets the secretariat appoint another secretariat (issue 10; the last one stays, see members-workspace)', async () => {
		const person = await newcomer();
		await expect(
			cast
				.as('secretariat')
				.collection('memberships')
				.create({ user: person.record.id, group: cast.groups.a.id, role: 'secretariat' })
		).resolves.toMatchObject({ role: 'secretariat' });
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

	it('refuses to let the secretariat delete its own (begun) secretariat membership', async () => {
		const own = cast.memberships.secretariat;
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

	it('lets the secretariat delete a membership that has not begun, and keeps one that has (history)', async () => {
		const person = await newcomer();
		const coming = await createMembership(cast.admin, {
			user: person.record.id,
			group: cast.groups.a.id,
			role: 'member',
			starts: daysFromNow(30)
		});
		await expect(cast.as('secretariat').collection('memberships').delete(coming.id)).resolves.toBe(true);
		const begun = await freshMembership();
		await expect(cast.as('secretariat').collection('memberships').delete(begun.id)).rejects.toMatchObject({
			status: 404
		});
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
