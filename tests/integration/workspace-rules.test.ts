// The secretariat workspace's contract (pb_migrations/1796300000): a draft that the secretariat
// shares is read by the group's chair and co-chair, and by nobody else; the minutes' draft likewise;
// the fields only hooks write are refused to every API write; a group's audit entries are viewed by
// that group's secretariat only.
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createAgendaItem,
	createCast,
	createDecision,
	createFollowUp,
	createItemMinutes,
	createMeeting,
	createMeetingGuest,
	createMembership,
	createNominationCall,
	createUser,
	type Cast,
	type Meeting,
	type Person
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { expandedIds, listRefused, viewable } from '../support/rules';

let server: TestPocketBase;
let cast: Cast;
let chair: Person;
let coChair: Person;
/** The chair of group B: a chair, but not of the group whose drafts are shared. */
let otherChair: Person;

/** A meeting of group A with one item, its Referat, a decision, a follow-up and a guest. */
async function meetingWithContent(fields: { status: Meeting['status']; share_with_chairs: boolean }) {
	const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id, status: fields.status });
	await cast.admin.collection('meetings').update(meeting.id, { share_with_chairs: fields.share_with_chairs });
	const item = await createAgendaItem(cast.admin, { meeting: meeting.id });
	const [minutes, decision, followUp, guest] = await Promise.all([
		createItemMinutes(cast.admin, { item: item.id }),
		createDecision(cast.admin, { item: item.id }),
		createFollowUp(cast.admin, { meeting: meeting.id, item: item.id }),
		createMeetingGuest(cast.admin, { meeting: meeting.id })
	]);
	return { meeting, item, minutes, decision, followUp, guest };
}
type Content = Awaited<ReturnType<typeof meetingWithContent>>;

/** What `pb` may view of a meeting's content, by collection (true: viewable). */
async function reads(pb: PocketBase, c: Content) {
	const one = async (collection: string, id: string) => (await viewable(pb, collection, [id])).length === 1;
	return {
		meeting: await one('meetings', c.meeting.id),
		item: await one('agenda_items', c.item.id),
		guest: await one('meeting_guests', c.guest.id),
		minutes: await one('item_minutes', c.minutes.id),
		decision: await one('decisions', c.decision.id),
		followUp: await one('follow_ups', c.followUp.id)
	};
}
const all = (value: boolean) => ({
	meeting: value,
	item: value,
	guest: value,
	minutes: value,
	decision: value,
	followUp: value
});

let sharedDraft: Content;
let unsharedDraft: Content;
let sharedPublished: Content;
let unsharedPublished: Content;

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	[chair, coChair, otherChair] = await Promise.all([
		createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Frida Formand' }),
		createUser(cast.admin, { organization: cast.organizations.b.id, name: 'Mads Medformand' }),
		createUser(cast.admin, { organization: cast.organizations.b.id, name: 'Bo Formand' })
	]);
	await Promise.all([
		createMembership(cast.admin, { user: chair.record.id, group: cast.groups.a.id, role: 'chair' }),
		createMembership(cast.admin, { user: coChair.record.id, group: cast.groups.a.id, role: 'co_chair' }),
		createMembership(cast.admin, { user: otherChair.record.id, group: cast.groups.b.id, role: 'chair' })
	]);
	[sharedDraft, unsharedDraft, sharedPublished, unsharedPublished] = await Promise.all([
		meetingWithContent({ status: 'draft', share_with_chairs: true }),
		meetingWithContent({ status: 'draft', share_with_chairs: false }),
		meetingWithContent({ status: 'published', share_with_chairs: true }),
		meetingWithContent({ status: 'published', share_with_chairs: false })
	]);
});

afterAll(async () => {
	await server?.stop();
});

describe('a draft the secretariat shares with the chairs', () => {
	it('is read whole by the group’s chair and co-chair', async () => {
		for (const person of [chair, coChair]) {
			expect(await reads(person.pb, sharedDraft)).toEqual(all(true));
		}
		expect(await expandedIds(chair.pb, 'meetings', sharedDraft.meeting.id, 'agenda_items_via_meeting')).toEqual([
			sharedDraft.item.id
		]);
	});

	it('is not read by an ordinary member, a guest, another group’s chair or secretariat, or a visitor', async () => {
		for (const pb of [
			cast.as('member'),
			cast.as('guest'),
			cast.as('former'),
			cast.as('outsider'),
			cast.as('otherSecretariat'),
			cast.as('anon'),
			otherChair.pb
		]) {
			expect(await reads(pb, sharedDraft)).toEqual(all(false));
		}
	});

	it('stays with the secretariat when it is not shared', async () => {
		expect(await reads(cast.as('secretariat'), unsharedDraft)).toEqual(all(true));
		for (const person of [chair, coChair]) {
			expect(await reads(person.pb, unsharedDraft)).toEqual(all(false));
		}
	});

	it('is never in a list or a filter of anyone but the secretariat and the chairs', async () => {
		const listed = async (pb: PocketBase) =>
			(await pb.collection('meetings').getFullList({ filter: 'share_with_chairs = true && status = "draft"' })).map(
				(m) => m.id
			);
		expect(await listed(chair.pb)).toEqual([sharedDraft.meeting.id]);
		for (const pb of [cast.as('member'), cast.as('outsider'), otherChair.pb]) {
			expect(await listed(pb)).toEqual([]);
		}
	});
});

describe('the minutes’ draft of a published meeting', () => {
	it('is read by the chairs when shared: the agenda as everyone, the Referat, decisions and follow-ups as well', async () => {
		expect(await reads(chair.pb, sharedPublished)).toEqual(all(true));
		expect(await reads(chair.pb, unsharedPublished)).toEqual({
			...all(false),
			meeting: true,
			item: true,
			guest: true
		});
	});

	it('is not read by an ordinary member, shared or not, until the minutes are published', async () => {
		for (const c of [sharedPublished, unsharedPublished]) {
			expect(await reads(cast.as('member'), c)).toEqual({ ...all(false), meeting: true, item: true, guest: true });
		}
	});
});

describe('the fields only hooks write', () => {
	const meetingFields = {
		published_at: '2026-01-01 10:00:00.000Z',
		minutes_published_at: '2026-01-01 10:00:00.000Z',
		agenda_changes: ['Punkt 1 er ændret'],
		agenda_changed_at: '2026-01-01 10:00:00.000Z',
		agenda_notified_at: '2026-01-01 10:00:00.000Z'
	};

	it.each(Object.entries(meetingFields))('refuses %s on a meeting to its own secretariat', async (field, value) => {
		const pb = cast.as('secretariat');
		await expect(pb.collection('meetings').update(sharedDraft.meeting.id, { [field]: value })).rejects.toMatchObject({
			status: expect.any(Number)
		});
		await expect(
			pb.collection('meetings').create({
				group: cast.groups.a.id,
				title: 'Forfalsket',
				starts: '2027-01-08 08:00:00.000Z',
				ends: '2027-01-08 10:00:00.000Z',
				status: 'draft',
				[field]: value
			})
		).rejects.toMatchObject({ status: 400 });
		const stored = await cast.admin.collection('meetings').getOne(sharedDraft.meeting.id);
		expect(stored[field] === '' || stored[field] === null).toBe(true);
	});

	it.each([
		['changes', ['attachment']],
		['changed_at', '2026-01-01 10:00:00.000Z']
	])('refuses %s on an agenda item to its own secretariat', async (field, value) => {
		const pb = cast.as('secretariat');
		await expect(pb.collection('agenda_items').update(sharedDraft.item.id, { [field]: value })).rejects.toMatchObject({
			status: expect.any(Number)
		});
		await expect(
			pb
				.collection('agenda_items')
				.create({ meeting: sharedDraft.meeting.id, position: 900, title: 'X', [field]: value })
		).rejects.toMatchObject({ status: 400 });
		const stored = await cast.admin.collection('agenda_items').getOne(sharedDraft.item.id);
		expect(stored[field] === '' || stored[field] === null).toBe(true);
	});

	it('still lets the secretariat share a draft and set the template rule', async () => {
		const pb = cast.as('secretariat');
		const updated = await pb
			.collection('meetings')
			.update(unsharedDraft.meeting.id, { share_with_chairs: false, attendance_days_before: 3 });
		expect(updated).toMatchObject({ share_with_chairs: false, attendance_days_before: 3 });
	});
});

describe('a group’s audit entries (memberships)', () => {
	it('are viewed by that group’s secretariat only, and listed by nobody', async () => {
		const entry = await cast.admin.collection('audit_log').create({
			collection: 'memberships',
			record: cast.memberships.member.id,
			group: cast.groups.a.id,
			action: 'update',
			summary: 'Mette Medlem er nu formand'
		});
		expect(await viewable(cast.as('secretariat'), 'audit_log', [entry.id])).toEqual([entry.id]);
		for (const pb of [cast.as('member'), chair.pb, cast.as('otherSecretariat'), cast.as('outsider'), cast.as('anon')]) {
			expect(await viewable(pb, 'audit_log', [entry.id])).toEqual([]);
		}
		for (const pb of [cast.as('secretariat'), chair.pb, cast.as('member')]) await listRefused(pb, 'audit_log');
		// The group's expand holds its other entries too (the membership hooks audit every change).
		expect(await expandedIds(chair.pb, 'groups', cast.groups.a.id, 'audit_log_via_group')).toEqual([]);
		expect(await expandedIds(cast.as('secretariat'), 'groups', cast.groups.a.id, 'audit_log_via_group')).toContain(
			entry.id
		);
		expect(
			await expandedIds(cast.as('otherSecretariat'), 'groups', cast.groups.b.id, 'audit_log_via_group')
		).not.toContain(entry.id);
	});
});

describe('a nomination call’s audit entries', () => {
	it('are viewed by the call’s group’s secretariat only', async () => {
		const call = await createNominationCall(cast.admin, { group: cast.groups.a.id });
		const entry = await cast.admin.collection('audit_log').create({
			collection: 'nominations',
			record: 'x1y2z3a4b5c6d7e',
			call: call.id,
			action: 'create'
		});
		expect(await viewable(cast.as('secretariat'), 'audit_log', [entry.id])).toEqual([entry.id]);
		for (const pb of [cast.as('member'), chair.pb, cast.as('otherSecretariat'), cast.as('anon')]) {
			expect(await viewable(pb, 'audit_log', [entry.id])).toEqual([]);
		}
	});
});
