// API rules of meetings and meeting_guests: members see their group's meetings once published,
// the secretariat also the drafts, a guest the one meeting they are invited to, and nobody
// anything of another group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createCast,
	createMeeting,
	createMeetingGuest,
	createMembership,
	createUser,
	daysFromNow,
	ids,
	people,
	type Cast,
	type Meeting,
	type MeetingGuest,
	type Organization,
	type Who
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { expandedIds, filterRefused, listRefused, viewable } from '../support/rules';

let server: TestPocketBase;
let cast: Cast;

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
});

afterAll(async () => {
	await server?.stop();
});

function meetingBody(group: string) {
	return {
		group,
		title: 'Ekstraordinært møde',
		starts: '2026-12-15 08:00:00.000Z',
		ends: '2026-12-15 10:00:00.000Z',
		status: 'draft'
	};
}

/** The meetings of group A that `who` can list. */
async function meetingsOfGroupA(who: Who) {
	const pb = cast.as(who);
	return pb
		.collection('meetings')
		.getFullList<Meeting>({ filter: pb.filter('group = {:group}', { group: cast.groups.a.id }) });
}

describe('meetings: reading', () => {
	it('shows a member every meeting of the group except drafts', async () => {
		const { published, other, minutes } = cast.meetings;
		expect(ids(await meetingsOfGroupA('member'))).toEqual(ids([published, other, minutes]));
	});

	it('hides a draft meeting from a member', async () => {
		await expect(cast.as('member').collection('meetings').getOne(cast.meetings.draft.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('shows the secretariat every meeting of the group, drafts included', async () => {
		const { published, other, draft, minutes } = cast.meetings;
		expect(ids(await meetingsOfGroupA('secretariat'))).toEqual(ids([published, other, draft, minutes]));
		await expect(cast.as('secretariat').collection('meetings').getOne(draft.id)).resolves.toMatchObject({
			status: 'draft'
		});
	});

	it('shows a guest the meeting they are invited to and no other meeting of the group', async () => {
		const pb = cast.as('guest');
		expect(ids(await pb.collection('meetings').getFullList<Meeting>())).toEqual([cast.meetings.published.id]);
		for (const hidden of [cast.meetings.other, cast.meetings.draft, cast.meetings.minutes]) {
			await expect(pb.collection('meetings').getOne(hidden.id)).rejects.toMatchObject({ status: 404 });
		}
	});

	it.each(people('anon', 'former', 'outsider', 'otherSecretariat'))(
		'hides every meeting of the group from %s',
		async (_label, who) => {
			expect(await meetingsOfGroupA(who)).toEqual([]);
			for (const meeting of [cast.meetings.published, cast.meetings.minutes, cast.meetings.draft]) {
				await expect(cast.as(who).collection('meetings').getOne(meeting.id)).rejects.toMatchObject({ status: 404 });
			}
		}
	);

	it('hides a meeting of another group from a member', async () => {
		const pb = cast.as('member');
		const all = await pb.collection('meetings').getFullList<Meeting>();
		expect(ids(all)).not.toContain(cast.meetings.ofOtherGroup.id);
		await expect(pb.collection('meetings').getOne(cast.meetings.ofOtherGroup.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('lets a member of another group list only the meetings of their own group', async () => {
		const all = await cast.as('outsider').collection('meetings').getFullList<Meeting>();
		expect(ids(all)).toEqual([cast.meetings.ofOtherGroup.id]);
	});

	it.each<[string, Who, () => Meeting[]]>([
		['a member', 'member', () => [cast.meetings.published, cast.meetings.other, cast.meetings.minutes]],
		['a guest', 'guest', () => [cast.meetings.published]]
	])('expands for %s only the meetings they may read from the group’s back-relation', async (_label, who, visible) => {
		const group = await cast.as(who).collection('groups').getOne(cast.groups.a.id, { expand: 'meetings_via_group' });
		const expanded = (group.expand?.meetings_via_group as Meeting[] | undefined) ?? [];
		expect(ids(expanded)).toEqual(ids(visible()));
	});

	it.each<[string, { filter?: string; sort?: string }]>([
		['a filter on the group name', { filter: 'group.name != ""' }],
		['a filter through a back-relation', { filter: 'agenda_items_via_meeting.title ~ "a"' }],
		['a filter through @collection', { filter: '@collection.groups.name ?= "x"' }],
		['a filter on @request', { filter: '@request.auth.id != ""' }],
		['a sort on a related field', { sort: 'group.name' }]
	])('refuses %s on meetings, so no filter reveals what the rules hide', async (_label, options) => {
		await filterRefused(cast.as('outsider'), 'meetings', options);
	});

	it('still accepts a filter and sort on the meetings’ own fields', async () => {
		const pb = cast.as('member');
		const list = await pb.collection('meetings').getFullList<Meeting>({
			filter: pb.filter('group = {:group} && status != "draft" && starts > {:since}', {
				group: cast.groups.a.id,
				since: daysFromNow(-1)
			}),
			sort: '-starts,title'
		});
		const { published, other, minutes } = cast.meetings;
		expect(ids(list)).toEqual(ids([published, other, minutes]));
	});
});

describe('meetings: writing', () => {
	it('lets the secretariat create a meeting in its group', async () => {
		const created = await cast.as('secretariat').collection('meetings').create<Meeting>(meetingBody(cast.groups.a.id));
		expect(created).toMatchObject({ group: cast.groups.a.id, status: 'draft' });
	});

	it('refuses to let the secretariat create a meeting in another group', async () => {
		await expect(
			cast.as('secretariat').collection('meetings').create(meetingBody(cast.groups.b.id))
		).rejects.toMatchObject({ status: 400 });
		const inB = await cast.admin
			.collection('meetings')
			.getFullList<Meeting>({ filter: cast.admin.filter('group = {:group}', { group: cast.groups.b.id }) });
		expect(ids(inB)).toEqual([cast.meetings.ofOtherGroup.id]);
	});

	it.each(people('anon', 'member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'refuses to let %s create a meeting in the group',
		async (_label, who) => {
			await expect(cast.as(who).collection('meetings').create(meetingBody(cast.groups.a.id))).rejects.toMatchObject({
				status: 400
			});
		}
	);

	it('lets the secretariat publish and rename a meeting', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id, status: 'draft' });
		const updated = await cast
			.as('secretariat')
			.collection('meetings')
			.update<Meeting>(meeting.id, { title: 'Styregruppemøde', status: 'published' });
		expect(updated).toMatchObject({ title: 'Styregruppemøde', status: 'published' });
		await expect(cast.as('member').collection('meetings').getOne(meeting.id)).resolves.toMatchObject({
			title: 'Styregruppemøde'
		});
	});

	it('refuses to let the secretariat move a meeting to another group', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		await expect(
			cast.as('secretariat').collection('meetings').update(meeting.id, { group: cast.groups.b.id })
		).rejects.toMatchObject({ status: 404 });
		const stored = await cast.admin.collection('meetings').getOne<Meeting>(meeting.id);
		expect(stored.group).toBe(cast.groups.a.id);
		await expect(cast.as('outsider').collection('meetings').getOne(meeting.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it.each(people('anon', 'member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'refuses to let %s change a meeting of the group',
		async (_label, who) => {
			const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id, status: 'draft' });
			await expect(
				cast.as(who).collection('meetings').update(meeting.id, { status: 'published', title: 'Ændret' })
			).rejects.toMatchObject({ status: 404 });
			const stored = await cast.admin.collection('meetings').getOne<Meeting>(meeting.id);
			expect(stored).toMatchObject({ status: 'draft', title: meeting.title });
		}
	);

	it('refuses to let a guest change the meeting they are invited to', async () => {
		const meeting = cast.meetings.published;
		await expect(cast.as('guest').collection('meetings').update(meeting.id, { title: 'Ændret' })).rejects.toMatchObject(
			{ status: 404 }
		);
	});

	it('lets the secretariat delete a meeting of its group', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		await expect(cast.as('secretariat').collection('meetings').delete(meeting.id)).resolves.toBe(true);
		await expect(cast.admin.collection('meetings').getOne(meeting.id)).rejects.toMatchObject({ status: 404 });
	});

	it('refuses to let the secretariat delete a meeting of another group', async () => {
		await expect(
			cast.as('secretariat').collection('meetings').delete(cast.meetings.ofOtherGroup.id)
		).rejects.toMatchObject({ status: 404 });
		await expect(cast.admin.collection('meetings').getOne(cast.meetings.ofOtherGroup.id)).resolves.toMatchObject({
			id: cast.meetings.ofOtherGroup.id
		});
	});

	it.each(people('anon', 'member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'refuses to let %s delete a meeting of the group',
		async (_label, who) => {
			const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
			await expect(cast.as(who).collection('meetings').delete(meeting.id)).rejects.toMatchObject({ status: 404 });
			await expect(cast.admin.collection('meetings').getOne(meeting.id)).resolves.toMatchObject({ id: meeting.id });
		}
	);

	it('does not let a former secretariat manage meetings', async () => {
		const formerSecretariat = await createUser(cast.admin, { organization: cast.organizations.a.id });
		await createMembership(cast.admin, {
			user: formerSecretariat.record.id,
			group: cast.groups.a.id,
			role: 'secretariat',
			ends: daysFromNow(-30)
		});
		const meetings = formerSecretariat.pb.collection('meetings');
		await expect(meetings.create(meetingBody(cast.groups.a.id))).rejects.toMatchObject({ status: 400 });
		await expect(meetings.getOne(cast.meetings.draft.id)).rejects.toMatchObject({ status: 404 });
		await expect(meetings.update(cast.meetings.published.id, { title: 'Ændret' })).rejects.toMatchObject({
			status: 404
		});
	});
});

describe('meeting guests', () => {
	let onPublished: MeetingGuest;
	let onOther: MeetingGuest;
	let onDraft: MeetingGuest;
	let onOtherGroup: MeetingGuest;

	beforeAll(async () => {
		[onPublished, onOther, onDraft, onOtherGroup] = await Promise.all([
			createMeetingGuest(cast.admin, { meeting: cast.meetings.published.id, organization: cast.organizations.b.id }),
			createMeetingGuest(cast.admin, { meeting: cast.meetings.other.id }),
			createMeetingGuest(cast.admin, { meeting: cast.meetings.draft.id }),
			createMeetingGuest(cast.admin, { meeting: cast.meetings.ofOtherGroup.id })
		]);
	});

	/** The four guests of the cast's meetings, by id. */
	const allGuests = () => [onPublished.id, onOther.id, onDraft.id, onOtherGroup.id];

	it.each(people('anon', 'member', 'secretariat', 'guest', 'former', 'outsider'))(
		'refuses to list meeting guests to %s',
		async (_label, who) => {
			await listRefused(cast.as(who), 'meeting_guests');
		}
	);

	it('shows a member the guests of published meetings, with their organisation', async () => {
		const pb = cast.as('member');
		expect(await viewable(pb, 'meeting_guests', allGuests())).toEqual(ids([onPublished, onOther]));
		const guest = await pb
			.collection('meeting_guests')
			.getOne<MeetingGuest<{ organization?: Organization }>>(onPublished.id, { expand: 'organization' });
		expect(guest.expand?.organization).toMatchObject({ name: cast.organizations.b.name });
	});

	it('expands for a member the guests of a meeting from the meeting, as the meeting page does', async () => {
		const pb = cast.as('member');
		expect(await expandedIds(pb, 'meetings', cast.meetings.published.id, 'meeting_guests_via_meeting')).toEqual([
			onPublished.id
		]);
		expect(await expandedIds(pb, 'meetings', cast.meetings.other.id, 'meeting_guests_via_meeting')).toEqual([
			onOther.id
		]);
	});

	it('hides the guests of a draft meeting from a member but not from the secretariat', async () => {
		await expect(cast.as('member').collection('meeting_guests').getOne(onDraft.id)).rejects.toMatchObject({
			status: 404
		});
		await expect(cast.as('secretariat').collection('meeting_guests').getOne(onDraft.id)).resolves.toMatchObject({
			id: onDraft.id
		});
	});

	it('shows a guest the other guests of their own meeting only', async () => {
		const pb = cast.as('guest');
		expect(await viewable(pb, 'meeting_guests', allGuests())).toEqual([onPublished.id]);
		expect(await expandedIds(pb, 'meetings', cast.meetings.published.id, 'meeting_guests_via_meeting')).toEqual([
			onPublished.id
		]);
	});

	it.each(people('anon', 'former', 'outsider', 'otherSecretariat'))(
		'hides the guests of the group’s meetings from %s',
		async (_label, who) => {
			const ownGroupGuests = who === 'outsider' || who === 'otherSecretariat' ? [onOtherGroup.id] : [];
			expect(await viewable(cast.as(who), 'meeting_guests', allGuests())).toEqual(ownGroupGuests);
		}
	);

	it('hides the guests of another group’s meeting from a member', async () => {
		await expect(cast.as('member').collection('meeting_guests').getOne(onOtherGroup.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('lets the secretariat add, change and remove a guest of its meeting', async () => {
		const guests = cast.as('secretariat').collection('meeting_guests');
		const created = await guests.create<MeetingGuest>({ meeting: cast.meetings.published.id, name: 'Gitte Gæst' });
		await expect(guests.update(created.id, { title: 'Konsulent' })).resolves.toMatchObject({ title: 'Konsulent' });
		await expect(guests.delete(created.id)).resolves.toBe(true);
		await expect(cast.admin.collection('meeting_guests').getOne(created.id)).rejects.toMatchObject({ status: 404 });
	});

	it('refuses to let the secretariat add a guest to a meeting of another group', async () => {
		await expect(
			cast
				.as('secretariat')
				.collection('meeting_guests')
				.create({ meeting: cast.meetings.ofOtherGroup.id, name: 'Indtrængende Gæst' })
		).rejects.toMatchObject({ status: 400 });
	});

	it('refuses to let the secretariat move a guest to a meeting of another group', async () => {
		const guest = await createMeetingGuest(cast.admin, { meeting: cast.meetings.published.id });
		await expect(
			cast.as('secretariat').collection('meeting_guests').update(guest.id, { meeting: cast.meetings.ofOtherGroup.id })
		).rejects.toMatchObject({ status: 404 });
		const stored = await cast.admin.collection('meeting_guests').getOne<MeetingGuest>(guest.id);
		expect(stored.meeting).toBe(cast.meetings.published.id);
	});

	it.each(people('anon', 'member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'refuses to let %s add, change or remove a guest of the group’s meeting',
		async (_label, who) => {
			const guests = cast.as(who).collection('meeting_guests');
			const target = await createMeetingGuest(cast.admin, { meeting: cast.meetings.published.id });
			await expect(guests.create({ meeting: cast.meetings.published.id, name: 'Selvinviteret' })).rejects.toMatchObject(
				{ status: 400 }
			);
			await expect(guests.update(target.id, { name: 'Ændret' })).rejects.toMatchObject({ status: 404 });
			await expect(guests.delete(target.id)).rejects.toMatchObject({ status: 404 });
			const stored = await cast.admin.collection('meeting_guests').getOne<MeetingGuest>(target.id);
			expect(stored.name).toBe(target.name);
		}
	);
});
