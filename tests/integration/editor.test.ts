// The agenda editor against a real PocketBase (issue 10): slots stored from durations, the Danish
// checks beside the field, reorder and removal in one transaction, publishing that notifies once,
// the "Ændret siden udsendelse" marks, "Giv medlemmerne besked" once per revision, the audit log,
// and who may read or write a draft and the hook-only fields.
import type PocketBase from 'pocketbase';
import type { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createCast,
	createMeeting,
	createMembership,
	createUser,
	type AgendaItem,
	type Cast,
	type Meeting,
	type Person
} from '../support/factories';
import { seedDemo } from '../../scripts/lib/seed.mjs';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let cast: Cast;
let chair: Person;
let sec: PocketBase;

/** Friday 8 January 2027 at 08.00 in Copenhagen (07.00 UTC), to 10.00. */
const START = '2027-01-08 07:00:00.000Z';
const END = '2027-01-08 09:00:00.000Z';

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	chair = await createUser(server.admin, { organization: cast.organizations.a.id, name: 'Frida Formand' });
	await createMembership(server.admin, { user: chair.record.id, group: cast.groups.a.id, role: 'chair' });
	sec = cast.as('secretariat');
}, 60_000);

afterAll(async () => {
	await server?.stop();
});

/** A meeting of group A made by its secretariat through the API, as the "Nyt møde" page does. */
function newMeeting(fields: Partial<Meeting> = {}): Promise<Meeting> {
	return sec.collection('meetings').create<Meeting>({
		group: cast.groups.a.id,
		title: 'Styregruppemøde',
		starts: START,
		ends: END,
		status: 'draft',
		...fields
	});
}

function addItem(meeting: string, position: number, fields: Record<string, unknown> = {}): Promise<AgendaItem> {
	return sec
		.collection('agenda_items')
		.create<AgendaItem>({ meeting, position, title: `Punkt ${position}`, kind: 'discussion', ...fields });
}

/** The meeting's items by position as [title, starts, ends]. */
async function slotsOf(meeting: string) {
	const items = await server.admin
		.collection('agenda_items')
		.getFullList<AgendaItem>({ filter: server.admin.filter('meeting = {:m}', { m: meeting }), sort: 'position' });
	return items.map((i) => [i.title, i.starts, i.ends]);
}

async function fieldError(promise: Promise<unknown>, field: string): Promise<string> {
	const err = (await promise.then(
		() => null,
		(e: ClientResponseError) => e
	)) as ClientResponseError | null;
	expect(err?.status).toBe(400);
	return (err?.response.data as Record<string, { message: string }>)[field]?.message ?? '';
}

async function saveAgenda(pb: PocketBase, meeting: string, order: string[], remove: string[] = []) {
	return pb.send(`/api/klynge/meetings/${meeting}/agenda`, { method: 'POST', body: { order, remove } });
}

async function outbox(meeting: string, kind: string) {
	return server.admin.collection('notifications').getFullList<{ user: string; moment: string }>({
		filter: server.admin.filter('subject = {:m} && kind = {:k}', { m: meeting, k: kind })
	});
}

describe('time slots', () => {
	it('stores each timed item’s slot from the meeting’s start, and none for an item without a duration', async () => {
		const m = await newMeeting();
		await addItem(m.id, 1, { duration_minutes: 10 });
		await addItem(m.id, 2, { duration_minutes: 30 });
		await addItem(m.id, 3, { kind: 'written' });
		await addItem(m.id, 4, { duration_minutes: 15 });
		expect(await slotsOf(m.id)).toEqual([
			['Punkt 1', '2027-01-08 07:00:00.000Z', '2027-01-08 07:10:00.000Z'],
			['Punkt 2', '2027-01-08 07:10:00.000Z', '2027-01-08 07:40:00.000Z'],
			['Punkt 3', '', ''],
			['Punkt 4', '2027-01-08 07:40:00.000Z', '2027-01-08 07:55:00.000Z']
		]);
	});

	it('moves every slot when a duration changes, an item is removed or the meeting’s start moves', async () => {
		const m = await newMeeting();
		const a = await addItem(m.id, 1, { duration_minutes: 10 });
		const b = await addItem(m.id, 2, { duration_minutes: 20 });
		await sec.collection('agenda_items').update(a.id, { duration_minutes: 25 });
		expect((await slotsOf(m.id))[1]).toEqual(['Punkt 2', '2027-01-08 07:25:00.000Z', '2027-01-08 07:45:00.000Z']);
		await sec.collection('meetings').update(m.id, { starts: '2027-01-08 07:30:00.000Z' });
		expect((await slotsOf(m.id))[0]).toEqual(['Punkt 1', '2027-01-08 07:30:00.000Z', '2027-01-08 07:55:00.000Z']);
		await sec.collection('agenda_items').delete(a.id);
		expect(await slotsOf(m.id)).toEqual([['Punkt 2', '2027-01-08 07:30:00.000Z', '2027-01-08 07:50:00.000Z']]);
		expect(b.id).toBeTruthy();
	});

	it('makes the attendance deadline the end of the day N days before, and again when the start moves', async () => {
		const m = await newMeeting({ attendance_days_before: 3 });
		// Tuesday 5 January 2027, 23.59.59 in Copenhagen.
		expect(m.attendance_deadline).toBe('2027-01-05 22:59:59.999Z');
		const moved = await sec.collection('meetings').update<Meeting>(m.id, {
			starts: '2027-01-15 07:00:00.000Z',
			ends: '2027-01-15 09:00:00.000Z'
		});
		expect(moved.attendance_deadline).toBe('2027-01-12 22:59:59.999Z');
	});
});

describe('checks beside the field', () => {
	it('refuses a duration of 0 and one over four hours, in Danish, storing nothing', async () => {
		const m = await newMeeting();
		expect(await fieldError(addItem(m.id, 1, { duration_minutes: 0 }), 'duration_minutes')).toMatch(/mindst 1 minut/);
		expect(await fieldError(addItem(m.id, 1, { duration_minutes: 600 }), 'duration_minutes')).toBe(
			'Et punkt kan højst vare 4 timer (240 minutter).'
		);
		expect(await slotsOf(m.id)).toEqual([]);
	});

	it('refuses an item that would end after the meeting, naming both times', async () => {
		const m = await newMeeting({ ends: '2027-01-08 08:00:00.000Z' }); // 08.00-09.00
		await addItem(m.id, 1, { duration_minutes: 50 });
		expect(await fieldError(addItem(m.id, 2, { duration_minutes: 20 }), 'duration_minutes')).toBe(
			'Punktet slutter kl. 9.10, efter mødets slut kl. 9.00.'
		);
		expect(await slotsOf(m.id)).toHaveLength(1);
	});

	it('refuses a meeting that ends before it starts, and an end before its agenda ends', async () => {
		expect(await fieldError(newMeeting({ ends: '2027-01-08 06:00:00.000Z' }), 'ends')).toBe(
			'Mødet skal slutte efter det begynder.'
		);
		const m = await newMeeting();
		await addItem(m.id, 1, { duration_minutes: 90 });
		expect(
			await fieldError(sec.collection('meetings').update(m.id, { ends: '2027-01-08 08:00:00.000Z' }), 'ends')
		).toBe('Dagsordenen slutter kl. 9.30, efter mødets slut kl. 9.00.');
	});
});

describe('reorder and remove', () => {
	it('stores a new order and a removal in one step, with slots following', async () => {
		const m = await newMeeting();
		const a = await addItem(m.id, 1, { duration_minutes: 10 });
		const b = await addItem(m.id, 2, { duration_minutes: 20 });
		const c = await addItem(m.id, 3, { duration_minutes: 5 });
		await saveAgenda(sec, m.id, [c.id, a.id], [b.id]);
		expect(await slotsOf(m.id)).toEqual([
			['Punkt 3', '2027-01-08 07:00:00.000Z', '2027-01-08 07:05:00.000Z'],
			['Punkt 1', '2027-01-08 07:05:00.000Z', '2027-01-08 07:15:00.000Z']
		]);
	});

	it('changes nothing when the list misses an item, names one twice or names another meeting’s item', async () => {
		const m = await newMeeting();
		const a = await addItem(m.id, 1, { duration_minutes: 10 });
		const b = await addItem(m.id, 2, { duration_minutes: 20 });
		const other = await addItem((await newMeeting()).id, 1);
		for (const [order, remove] of [
			[[b.id], []],
			[[b.id, a.id, a.id], []],
			[[b.id, other.id], [a.id]],
			[[b.id], [a.id, other.id]]
		]) {
			await expect(saveAgenda(sec, m.id, order, remove)).rejects.toMatchObject({ status: 400 });
		}
		expect((await slotsOf(m.id)).map((s) => s[0])).toEqual(['Punkt 1', 'Punkt 2']);
	});

	it('answers anyone but the group’s secretariat with a 404 and changes nothing', async () => {
		const m = await newMeeting();
		const a = await addItem(m.id, 1, { duration_minutes: 10 });
		const b = await addItem(m.id, 2, { duration_minutes: 20 });
		for (const pb of [cast.as('member'), cast.as('otherSecretariat'), chair.pb]) {
			await expect(saveAgenda(pb, m.id, [b.id], [a.id])).rejects.toMatchObject({ status: 404 });
		}
		await expect(saveAgenda(cast.anon, m.id, [b.id, a.id])).rejects.toMatchObject({ status: 401 });
		expect((await slotsOf(m.id)).map((s) => s[0])).toEqual(['Punkt 1', 'Punkt 2']);
	});
});

describe('publishing', () => {
	it('stamps published_at and notifies each member once, whatever is tapped or replayed', async () => {
		const m = await newMeeting();
		await addItem(m.id, 1, { duration_minutes: 10 });
		const published = await sec.collection('meetings').update<Meeting>(m.id, { status: 'published' });
		expect(published.published_at).not.toBe('');
		const first = await outbox(m.id, 'agenda_published');
		expect(first.map((r) => r.user)).toContain(cast.people.member.record.id);
		// A second tap, a replay and a forged step back and forth.
		await sec.collection('meetings').update(m.id, { status: 'published' });
		await sec.collection('meetings').update(m.id, { status: 'draft' });
		await sec.collection('meetings').update(m.id, { status: 'published' });
		expect(await outbox(m.id, 'agenda_published')).toHaveLength(first.length);
		expect((await sec.collection('meetings').getOne<Meeting>(m.id)).published_at).toBe(published.published_at);
	});
});

describe('changes after publishing', () => {
	let m: Meeting;
	let a: AgendaItem;
	let b: AgendaItem;
	let c: AgendaItem;

	beforeAll(async () => {
		m = await newMeeting({ title: 'Møde med ændringer' });
		a = await addItem(m.id, 1, { duration_minutes: 10, title: 'Velkomst' });
		b = await addItem(m.id, 2, { duration_minutes: 20, title: 'Demensvenlig klynge' });
		c = await addItem(m.id, 3, { duration_minutes: 15, title: 'Eventuelt' });
		await sec.collection('meetings').update(m.id, { status: 'published' });
	});

	it('leaves no marks on changes made while the meeting was a draft', async () => {
		const item = await cast.as('member').collection('agenda_items').getOne<AgendaItem>(a.id);
		expect(item.changes).toBeNull();
		expect((await cast.as('member').collection('meetings').getOne<Meeting>(m.id)).agenda_changes).toBeNull();
	});

	it('marks the changed item and the items its new duration moved, and lists them for members', async () => {
		await sec.collection('agenda_items').update(b.id, { title: 'Demensvenlig klynge 2027', duration_minutes: 25 });
		const member = cast.as('member');
		const [changedB, changedC] = await Promise.all([
			member.collection('agenda_items').getOne<AgendaItem>(b.id),
			member.collection('agenda_items').getOne<AgendaItem>(c.id)
		]);
		expect(changedB.changes).toEqual(['title', 'time']);
		expect(changedB.changed_at).not.toBe('');
		expect(changedC.changes).toEqual(['time']);
		const meeting = await member.collection('meetings').getOne<Meeting>(m.id);
		expect(meeting.agenda_changes).toEqual([
			'Punkt 2 ‘Demensvenlig klynge 2027’: ny titel, nyt tidspunkt',
			'Punkt 3 ‘Eventuelt’: nyt tidspunkt'
		]);
		expect(meeting.agenda_changed_at).not.toBe('');
	});

	it('lists a new item and a removed one', async () => {
		const d = await addItem(m.id, 4, { duration_minutes: 5, title: 'Ny orientering' });
		await saveAgenda(sec, m.id, [a.id, b.id, d.id], [c.id]);
		const meeting = await cast.as('member').collection('meetings').getOne<Meeting>(m.id);
		expect(meeting.agenda_changes).toEqual([
			'Punkt 2 ‘Demensvenlig klynge 2027’: ny titel, nyt tidspunkt',
			'Punkt 3 ‘Ny orientering’: nyt punkt',
			'Fjernet: punkt 3 ‘Eventuelt’'
		]);
	});

	it('notifies the members of the changes once per revision', async () => {
		const notify = (pb: PocketBase) => pb.send(`/api/klynge/meetings/${m.id}/notify-changes`, { method: 'POST' });
		await expect(notify(cast.as('member'))).rejects.toMatchObject({ status: 404 });
		await expect(notify(cast.as('otherSecretariat'))).rejects.toMatchObject({ status: 404 });
		const first = await notify(sec);
		expect(first.queued).toBeGreaterThan(0);
		expect(await notify(sec)).toMatchObject({ queued: 0 });
		const rows = await outbox(m.id, 'agenda_changed');
		expect(rows.map((r) => r.user)).toContain(cast.people.member.record.id);
		expect(new Set(rows.map((r) => r.moment)).size).toBe(1);
		// A later change is a new revision: one more notice per member.
		await sec.collection('agenda_items').update(a.id, { presenter: 'v/ Sofie Sekretær' });
		await notify(sec);
		expect(await outbox(m.id, 'agenda_changed')).toHaveLength(rows.length * 2);
	});

	it('writes an audit entry with a Danish summary for every change', async () => {
		const entries = await server.admin.collection('audit_log').getFullList<{ summary: string; actor: string }>({
			filter: server.admin.filter('meeting = {:m}', { m: m.id }),
			sort: 'created'
		});
		const summaries = entries.map((e) => e.summary);
		expect(summaries).toEqual(
			expect.arrayContaining([
				'Dagsordenen er udsendt',
				'Punkt 2 ‘Demensvenlig klynge 2027’: ændret titel, varighed',
				'Punkt 4 ‘Ny orientering’: nyt punkt',
				'Punkt 3 ‘Eventuelt’: fjernet',
				'Medlemmerne har fået besked om ændringerne i dagsordenen'
			])
		);
		expect(entries.every((e) => e.actor === cast.people.secretariat.record.id)).toBe(true);
	});
});

describe('who reads a draft and writes the hook-only fields', () => {
	it('shows a draft to the chair only when it is shared, and never to a member or another group', async () => {
		const m = await newMeeting();
		const item = await addItem(m.id, 1, { duration_minutes: 10 });
		const reads = (pb: PocketBase) =>
			Promise.all([
				pb
					.collection('meetings')
					.getOne(m.id)
					.then(
						() => true,
						() => false
					),
				pb
					.collection('agenda_items')
					.getOne(item.id)
					.then(
						() => true,
						() => false
					)
			]);
		expect(await reads(chair.pb)).toEqual([false, false]);
		await sec.collection('meetings').update(m.id, { share_with_chairs: true });
		expect(await reads(chair.pb)).toEqual([true, true]);
		for (const who of ['member', 'otherSecretariat', 'outsider', 'guest', 'anon'] as const) {
			expect(await reads(cast.as(who)), who).toEqual([false, false]);
		}
	});

	it('refuses the hook-only fields to everyone, the secretariat included', async () => {
		const m = await newMeeting();
		const item = await addItem(m.id, 1);
		for (const body of [
			{ published_at: START },
			{ agenda_changes: ['x'] },
			{ agenda_changed_at: START },
			{ agenda_notified_at: START },
			{ minutes_published_at: START }
		]) {
			await expect(sec.collection('meetings').update(m.id, body)).rejects.toMatchObject({ status: 404 });
		}
		for (const body of [{ changes: ['new'] }, { changed_at: START }]) {
			await expect(sec.collection('agenda_items').update(item.id, body)).rejects.toMatchObject({ status: 404 });
		}
		await expect(
			sec
				.collection('meetings')
				.create({ group: cast.groups.a.id, title: 'X', starts: START, ends: END, published_at: START })
		).rejects.toMatchObject({ status: 400 });
	});

	it('lets only the group’s secretariat create, change and remove items', async () => {
		const m = await createMeeting(server.admin, {
			group: cast.groups.a.id,
			status: 'published',
			starts: START,
			ends: END
		});
		const item = await addItem(m.id, 1, { duration_minutes: 10 });
		for (const pb of [cast.as('member'), chair.pb, cast.as('otherSecretariat')]) {
			await expect(
				pb.collection('agenda_items').create({ meeting: m.id, position: 2, title: 'Indsmuglet' })
			).rejects.toMatchObject({ status: 400 });
			await expect(pb.collection('agenda_items').update(item.id, { title: 'Ændret' })).rejects.toMatchObject({
				status: 404
			});
			await expect(pb.collection('agenda_items').delete(item.id)).rejects.toMatchObject({ status: 404 });
		}
		expect(await slotsOf(m.id)).toEqual([['Punkt 1', '2027-01-08 07:00:00.000Z', '2027-01-08 07:10:00.000Z']]);
	});
});

describe('the demo seed', () => {
	let demo: TestPocketBase;
	afterAll(async () => {
		await demo?.stop();
	});

	it('gives every timed item its slot’s duration and every meeting the "3 dage før" rule', async () => {
		demo = await startTestPocketBase();
		const seeded = await seedDemo({
			pbUrl: demo.url,
			email: ADMIN_EMAIL,
			password: ADMIN_PASSWORD,
			now: new Date('2026-11-29T12:00:00Z')
		});
		const items = await demo.admin.collection('agenda_items').getFullList<AgendaItem>({
			filter: demo.admin.filter('meeting = {:id}', { id: seeded.meetingId }),
			sort: 'position'
		});
		expect(items.map((i) => i.duration_minutes)).toEqual([10, 10, 30, 15, 15, 15, 20, 30, 10, 5, 0]);
		// The slots the hooks computed from the durations are the seed's own.
		expect([items[2].starts, items[2].ends]).toEqual(['2020-06-12 06:20:00.000Z', '2020-06-12 06:50:00.000Z']);
		expect([items[10].starts, items[10].ends]).toEqual(['', '']);
		const meetings = await demo.admin.collection('meetings').getFullList<Meeting>();
		expect(meetings.map((m) => m.attendance_days_before)).toEqual(meetings.map(() => 3));
		// The demo's changes are the operator's, not news for members.
		expect(meetings.every((m) => !m.agenda_changes)).toBe(true);
	}, 60_000);
});
