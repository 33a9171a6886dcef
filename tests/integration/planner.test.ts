// The reminder planner against a real PocketBase with the demo data: it picks exactly those who
// must act (the same as "what must I do", for every demo user), plans at the right Copenhagen
// times (quiet hours, DST), never at or after a deadline, follows moved deadlines, closed calls,
// answers and ended memberships, and plans nothing new when run again. Meeting events queue their
// reminders once.
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../scripts/lib/seed.mjs';
import type { TypedPocketBase } from '../../src/lib/pocketbase-types';
import type { ReminderPayload } from '../../src/lib/reminders/payload';
import { attendanceMoments, nominationMoments } from '../../src/lib/reminders/schedule';
import { DEFAULT_PREFS } from '../../src/lib/reminders/prefs';
import { mustAct, planReminders, readPlanState } from '../../src/lib/server/reminders/planner';
import { deadlinesFor } from '../../src/lib/server/todo';
import {
	createGroup,
	createMeeting,
	createMembership,
	createNomination,
	createNominationCall,
	createNominationForum,
	createOrganization,
	createUser,
	type Person
} from '../support/factories';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let admin: PocketBase;
const realNow = new Date();
let seeded: Awaited<ReturnType<typeof seedDemo>>;

type Row = {
	id: string;
	user: string;
	kind: string;
	subject: string;
	moment: string;
	origin: string;
	status: string;
	due: string;
	expires: string;
	payload: ReminderPayload;
};

const instant = (value: string) => new Date(value.replace(' ', 'T'));
const pbDate = (d: Date) => d.toISOString().replace('T', ' ');

async function rowsOf(subject: string, kind?: string): Promise<Row[]> {
	return admin.collection('notifications').getFullList<Row>({
		filter: admin.filter(kind ? 'subject = {:subject} && kind = {:kind}' : 'subject = {:subject}', { subject, kind }),
		sort: 'user,due'
	});
}
const usersOf = (rows: Row[], status = 'pending') =>
	[...new Set(rows.filter((r) => r.status === status).map((r) => r.user))].sort();

beforeAll(async () => {
	server = await startTestPocketBase();
	admin = server.admin;
	seeded = await seedDemo({ pbUrl: server.url, email: ADMIN_EMAIL, password: ADMIN_PASSWORD, now: realNow });
}, 90_000);

afterAll(async () => {
	await server?.stop();
});

describe('who must act', () => {
	it('is, for every demo user, exactly what "what must I do" lists (attendance and nominations)', async () => {
		const state = await readPlanState(admin, realNow);
		const planned = mustAct(state);
		const users = await admin
			.collection('users')
			.getFullList<{ id: string; email: string; organization: string }>({ fields: 'id,email,organization' });
		expect(users.length).toBeGreaterThan(10);
		let compared = 0;
		for (const user of users) {
			const pb = new PocketBase(server.url) as TypedPocketBase;
			pb.autoCancellation(false);
			await pb.collection('users').authWithPassword(user.email, DEMO_PASSWORD);
			const listed = (await deadlinesFor(pb, { id: user.id, organization: user.organization }, realNow))
				.filter((d) => d.kind !== 'follow_up')
				.map((d) => `${d.kind}:${d.id}`)
				.sort();
			const mine = (planned.get(user.id) ?? [])
				.filter((d) => d.kind !== 'follow_up')
				.map((d) => `${d.kind}:${d.subject}`)
				.sort();
			expect(mine, user.email).toEqual(listed);
			compared += listed.length;
		}
		// The demo has open calls and an unanswered next meeting: the comparison is not of empty lists.
		expect(compared).toBeGreaterThan(20);
	});
});

describe('the demo: next meeting and calls', () => {
	it('plans the "1 day before" attendance reminder for exactly those who have not answered', async () => {
		const state = await readPlanState(admin, realNow);
		const next = state.meetings.find((m) => m.group === seeded.steeringGroupId)!;
		expect(next).toBeTruthy();
		const [, dayBefore] = attendanceMoments(next.deadline, DEFAULT_PREFS.quiet, realNow);
		const now = new Date(dayBefore.at.getTime() + 60_000);
		await planReminders(admin, now);

		const who = [...mustAct(await readPlanState(admin, now))]
			.filter(([, items]) => items.some((i) => i.kind === 'attendance' && i.subject === next.id))
			.map(([user]) => user)
			.sort();
		expect(who.length).toBeGreaterThan(5);
		const rows = await rowsOf(next.id, 'attendance');
		expect(usersOf(rows)).toEqual(who);
		expect(new Set(rows.map((r) => r.moment))).toEqual(new Set([dayBefore.key]));
		const row = rows[0];
		expect(row).toMatchObject({ origin: 'planner', status: 'pending', expires: pbDate(next.deadline) });
		expect(instant(row.due).getTime()).toBe(dayBefore.at.getTime());
		expect(row.payload.notification.title).toBe(
			`Svar senest i morgen: ${next.title} ${row.payload.notification.title.split(`${next.title} `)[1]}`
		);
		expect(row.payload.notification.data).toEqual({ id: row.id, kind: 'attendance', subject: next.id });
		expect(row.payload.notification.actions?.map((a) => a.title)).toEqual(['Deltager', 'Afbud']);
		expect(row.payload.app_badge).toBeGreaterThanOrEqual(1);

		// Run again: nothing new, nothing cancelled.
		expect(await planReminders(admin, now)).toMatchObject({ planned: 0, cancelled: 0 });
	});

	it('plans the last morning of each open call for exactly the members of organisations that have not answered', async () => {
		const state = await readPlanState(admin, realNow);
		const calls = state.calls.filter((c) => c.group === seeded.steeringGroupId);
		expect(calls.length).toBeGreaterThan(0);
		for (const call of calls) {
			const morning = nominationMoments(call.opened, call.deadline, DEFAULT_PREFS.quiet, realNow).find(
				(m) => m.rule === 'morning'
			)!;
			const now = new Date(morning.at.getTime() + 60_000);
			await planReminders(admin, now);
			const who = [...mustAct(await readPlanState(admin, now))]
				.filter(([, items]) => items.some((i) => i.kind === 'nomination' && i.subject === call.id))
				.map(([user]) => user)
				.sort();
			const rows = (await rowsOf(call.id, 'nomination')).filter((r) => r.moment === morning.key);
			expect(usersOf(rows), call.title).toEqual(who);
			expect(rows[0].payload.notification.title).toBe(`Meld deltagere ind senest i dag: ${call.title}`);
		}
	});

	it('never plans a reminder at or after its deadline', async () => {
		const rows = await admin.collection('notifications').getFullList<Row>({ filter: 'origin = "planner"' });
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) expect(instant(r.due).getTime()).toBeLessThan(instant(r.expires).getTime());
	});
});

describe('following changes', () => {
	let group: string;
	let org: string;
	let otherOrg: string;
	let people: Person[];

	beforeAll(async () => {
		const [orgA, orgB] = await Promise.all([
			createOrganization(admin, { sector: 'kommune' }),
			createOrganization(admin, { sector: 'hospital' })
		]);
		org = orgA.id;
		otherOrg = orgB.id;
		group = (await createGroup(admin)).id;
		people = await Promise.all([
			createUser(admin, { organization: org, name: 'Anna A' }),
			createUser(admin, { organization: org, name: 'Bo B' }),
			createUser(admin, { organization: otherOrg, name: 'Carl C' }),
			createUser(admin, { organization: otherOrg, name: 'Dorte Observatør' })
		]);
		await Promise.all(
			people.map((p, i) => createMembership(admin, { user: p.record.id, group, role: i === 3 ? 'observer' : 'member' }))
		);
	});

	const ids = (...who: number[]) => who.map((i) => people[i].record.id).sort();

	it('respects quiet hours and DST: a deadline on the Sunday of the October change', async () => {
		// Attendance deadline Sunday 31 October 2027 10.00 (winter time); the meeting the day after.
		const meeting = await createMeeting(admin, {
			group,
			starts: '2027-11-01 08:00:00.000Z',
			ends: '2027-11-01 10:00:00.000Z',
			attendance_deadline: '2027-10-31 09:00:00.000Z'
		});
		// Bo is quiet 9–12, so his "1 day before" (Saturday 10.00 summer time) moves to 12.00.
		await admin
			.collection('users')
			.update(people[1].record.id, { notification_prefs: { quiet: { from: '09:00', to: '12:00' } } });
		const now = new Date('2027-10-30T07:00:00Z'); // Saturday 9.00
		await planReminders(admin, now);
		const rows = await rowsOf(meeting.id, 'attendance');
		const due = Object.fromEntries(rows.map((r) => [r.user, r.due]));
		expect(due[people[0].record.id]).toBe('2027-10-30 08:00:00.000Z'); // 10.00 CEST
		expect(due[people[1].record.id]).toBe('2027-10-30 10:00:00.000Z'); // 12.00 CEST
		expect(rows.every((r) => r.moment === 'd-1@2027-10-31T09:00:00Z')).toBe(true);
		// The observer answers attendance too (as on the meeting page); the 7-days moment is long past.
		expect(usersOf(rows)).toEqual(ids(0, 1, 2, 3));
	});

	it('replaces the pending rows when the deadline moves, and cancels them once answered', async () => {
		const starts = new Date(Date.now() + 3 * 86_400_000);
		const meeting = await createMeeting(admin, {
			group,
			starts: pbDate(starts),
			ends: pbDate(new Date(starts.getTime() + 7_200_000)),
			attendance_deadline: pbDate(new Date(starts.getTime() - 86_400_000))
		});
		const now = new Date();
		await planReminders(admin, now);
		const before = await rowsOf(meeting.id, 'attendance');
		expect(usersOf(before)).toEqual(ids(0, 1, 2, 3));

		const moved = new Date(starts.getTime() - 2 * 3_600_000);
		await admin.collection('meetings').update(meeting.id, { attendance_deadline: pbDate(moved) });
		const result = await planReminders(admin, now);
		expect(result.cancelled).toBe(before.length);
		const after = await rowsOf(meeting.id, 'attendance');
		expect(
			after
				.filter((r) => r.status === 'cancelled')
				.map((r) => r.id)
				.sort()
		).toEqual(before.map((r) => r.id).sort());
		const pending = after.filter((r) => r.status === 'pending');
		expect(usersOf(pending)).toEqual(ids(0, 1, 2, 3));
		expect(pending.every((r) => r.moment.endsWith(`@${moved.toISOString().replace(/\.\d{3}Z$/, 'Z')}`))).toBe(true);

		// Anna answers: her pending rows are cancelled, the others stay.
		await people[0].pb
			.collection('attendance')
			.create({ meeting: meeting.id, user: people[0].record.id, status: 'attending' });
		await planReminders(admin, now);
		const answered = await rowsOf(meeting.id, 'attendance');
		expect(usersOf(answered)).toEqual(ids(1, 2, 3));
	});

	it('does not plan what the member chose "none" for, and cancels when the membership ends', async () => {
		const starts = new Date(Date.now() + 4 * 86_400_000);
		const meeting = await createMeeting(admin, {
			group,
			starts: pbDate(starts),
			ends: pbDate(new Date(starts.getTime() + 7_200_000)),
			attendance_deadline: pbDate(new Date(starts.getTime() - 86_400_000))
		});
		await admin
			.collection('users')
			.update(people[2].record.id, { notification_prefs: { channels: { attendance: 'none' } } });
		await planReminders(admin, new Date());
		expect(usersOf(await rowsOf(meeting.id, 'attendance'))).toEqual(ids(0, 1, 3));

		const membership = await admin
			.collection('memberships')
			.getFirstListItem(admin.filter('user = {:u} && group = {:g}', { u: people[1].record.id, g: group }));
		await admin.collection('memberships').update(membership.id, { ends: pbDate(new Date(Date.now() - 1000)) });
		await planReminders(admin, new Date());
		expect(usersOf(await rowsOf(meeting.id, 'attendance'))).toEqual(ids(0, 3));
		await admin.collection('memberships').update(membership.id, { ends: '' });
		await admin.collection('users').update(people[2].record.id, { notification_prefs: null });
	});

	it('reminds only organisations that have not answered a call (not observers), and stops when it closes', async () => {
		const call = await createNominationCall(admin, { group, deadline: pbDate(new Date(Date.now() + 2 * 86_400_000)) });
		const forum = await createNominationForum(admin, { call: call.id });
		await planReminders(admin, new Date());
		// It opened just now: the "opens" reminder, to the members (not the observer) of both organisations.
		expect(usersOf(await rowsOf(call.id, 'nomination'))).toEqual(ids(0, 1, 2));

		// Organisation A says "melder ingen": none of its members is reminded any more.
		await createNomination(admin, { call: call.id, organization: org, kind: 'none' });
		const result = await planReminders(admin, new Date());
		expect(result.cancelled).toBeGreaterThanOrEqual(2);
		expect(usersOf(await rowsOf(call.id, 'nomination'))).toEqual(ids(2));

		await admin.collection('nomination_calls').update(call.id, { status: 'closed' });
		await planReminders(admin, new Date());
		expect(usersOf(await rowsOf(call.id, 'nomination'))).toEqual([]);
		void forum;
	});

	it('plans nothing new when run again', async () => {
		const now = new Date();
		await planReminders(admin, now);
		expect(await planReminders(admin, now)).toEqual({ planned: 0, cancelled: 0, moved: 0 });
	});
});

describe('meeting events', () => {
	it('queue "agenda published" once to the active members, and "minutes published" once', async () => {
		const org = await createOrganization(admin);
		const group = (await createGroup(admin)).id;
		const [a, b] = await Promise.all([
			createUser(admin, { organization: org.id, name: 'Eva E' }),
			createUser(admin, { organization: org.id, name: 'Frank F' })
		]);
		await createMembership(admin, { user: a.record.id, group });
		await createMembership(admin, { user: b.record.id, group, role: 'observer' });
		const meeting = await createMeeting(admin, { group, status: 'draft', title: 'Temamøde' });
		expect(await rowsOf(meeting.id)).toEqual([]);

		await admin.collection('meetings').update(meeting.id, { status: 'published' });
		await admin.collection('meetings').update(meeting.id, { title: 'Temamøde om data' });
		await admin.collection('meetings').update(meeting.id, { status: 'draft' });
		await admin.collection('meetings').update(meeting.id, { status: 'published' });
		const published = await rowsOf(meeting.id, 'agenda_published');
		expect(published.map((r) => r.user).sort()).toEqual([a.record.id, b.record.id].sort());
		expect(published[0]).toMatchObject({ origin: 'event', status: 'pending', moment: 'published' });
		expect(published[0].payload.notification.title).toBe('Dagsorden udsendt: Temamøde');
		expect(published[0].payload.notification.navigate).toMatch(new RegExp(`/moeder/${meeting.id}$`));

		await admin.collection('meetings').update(meeting.id, { status: 'minutes_published' });
		await admin.collection('meetings').update(meeting.id, { status: 'minutes_published', title: 'Igen' });
		expect(await rowsOf(meeting.id, 'minutes_published')).toHaveLength(2);
	});
});
