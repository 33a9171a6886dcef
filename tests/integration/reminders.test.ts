// Attendance reminders: the group's secretariat's "Send påmindelse nu" queues a reminder in the
// outbox (notifications) for each member who has not answered (never itself); the dispatcher sends
// it by the member's choice of push or e-mail (its own tests). Each round is logged for the
// overview, and a second round within a day needs a confirmation. The log is read by the group's
// secretariat only and written by the route only.
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createCast,
	createMeeting,
	createMembership,
	createUser,
	daysFromNow,
	people,
	type Cast,
	type Person
} from '../support/factories';
import { startTestPocketBaseWithMail, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let catcher: Awaited<ReturnType<typeof startTestPocketBaseWithMail>>['catcher'];
let cast: Cast;
let colleague: Person;
let chair: Person;

beforeAll(async () => {
	({ server, catcher } = await startTestPocketBaseWithMail());
	cast = await createCast(server.admin);
	const a = cast.groups.a.id;
	[colleague, chair] = await Promise.all([
		createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Kaj Kollega' }),
		createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Fie Formand' })
	]);
	await Promise.all([
		createMembership(cast.admin, { user: colleague.record.id, group: a }),
		createMembership(cast.admin, { user: chair.record.id, group: a, role: 'chair' })
	]);
});

afterAll(async () => {
	await server?.stop();
	await catcher?.close();
});

type Log = { meeting: string; sender: string; sender_name: string; recipients: string[]; created: string };

const remind = (pb: PocketBase, meeting: string, body: Record<string, unknown> = {}) =>
	pb.send<{ sent: string[] }>(`/api/klyngeportal/meetings/${meeting}/attendance-reminders`, { method: 'POST', body });
type Queued = {
	id: string;
	user: string;
	kind: string;
	moment: string;
	origin: string;
	status: string;
	due: string;
	expires: string;
	payload: { notification: { title: string; body: string; navigate: string; actions?: { title: string }[] } };
};
/** The reminders queued about a meeting, oldest round first. */
const queuedFor = (meeting: string) =>
	cast.admin.collection('notifications').getFullList<Queued>({
		filter: cast.admin.filter('subject = {:meeting} && kind = "attendance"', { meeting }),
		sort: 'created,user'
	});

/** A meeting of group A where Mette Medlem has answered already. */
async function meetingWithOneAnswer(title: string) {
	const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id, title });
	await cast.as('member').collection('attendance').create({
		meeting: meeting.id,
		user: cast.people.member.record.id,
		status: 'attending'
	});
	return meeting;
}

describe('reminders', () => {
	it('are queued for the members who have not answered, never for the secretary who sends them', async () => {
		const meeting = await meetingWithOneAnswer('Møde med påmindelser');
		const { sent } = await remind(cast.as('secretariat'), meeting.id);
		expect(sent.sort()).toEqual(['Fie Formand', 'Kaj Kollega']);
		const rows = await queuedFor(meeting.id);
		expect(rows.map((r) => r.user).sort()).toEqual([chair.record.id, colleague.record.id].sort());
		for (const row of rows) {
			expect(row).toMatchObject({
				kind: 'attendance',
				origin: 'secretariat',
				status: 'pending',
				expires: meeting.starts
			});
			expect(row.moment).toMatch(/^manual@[a-z0-9]{15}$/);
		}
		// Mail no longer goes from the route: the dispatcher sends by each member's choice.
		expect(catcher.messages.filter((m) => m.subject.includes('Møde med påmindelser'))).toEqual([]);
	});

	it('carry the meeting, the deadline and the answer buttons, leading to the answer', async () => {
		const meeting = await meetingWithOneAnswer('Møde med et link');
		await remind(cast.as('secretariat'), meeting.id);
		const [row] = await queuedFor(meeting.id);
		expect(row.payload.notification.title).toMatch(/^Svar senest om \d+ dage: Møde med et link \S+dag den \d+\. \S+$/);
		expect(row.payload.notification.body).toMatch(
			/^Sekretariatet mangler dit svar\. Svar senest \S+dag den \d+\. \S+ kl\. \d+\.\d\d\. Deltager du\?$/
		);
		expect(row.payload.notification.navigate).toBe(`https://klyngeportal.test/moeder/${meeting.id}#svar`);
		expect(row.payload.notification.actions?.map((a) => a.title)).toEqual(['Deltager', 'Afbud']);
	});

	it('skip a member who chose no attendance reminders', async () => {
		const meeting = await meetingWithOneAnswer('Møde uden påmindelse til én');
		await colleague.pb
			.collection('users')
			.update(colleague.record.id, { notification_prefs: { channels: { attendance: 'none' } } });
		try {
			const { sent } = await remind(cast.as('secretariat'), meeting.id);
			expect(sent).toEqual(['Fie Formand']);
			expect((await queuedFor(meeting.id)).map((r) => r.user)).toEqual([chair.record.id]);
		} finally {
			await colleague.pb.collection('users').update(colleague.record.id, { notification_prefs: null });
		}
	});

	it('are logged with the sender and the names reminded', async () => {
		const meeting = await meetingWithOneAnswer('Møde med en log');
		await remind(cast.as('secretariat'), meeting.id);
		const logs = await cast
			.as('secretariat')
			.collection('reminder_log')
			.getFullList<Log>({ filter: cast.admin.filter('meeting = {:id}', { id: meeting.id }) });
		expect(logs).toHaveLength(1);
		expect(logs[0]).toMatchObject({ sender: cast.people.secretariat.record.id, sender_name: 'Sofie Sekretær' });
		expect(logs[0].recipients.sort()).toEqual(['Fie Formand', 'Kaj Kollega']);
	});

	it('ask for a confirmation before a second round within a day, and queue nothing without it', async () => {
		const meeting = await meetingWithOneAnswer('Møde med to runder');
		await remind(cast.as('secretariat'), meeting.id);
		const before = (await queuedFor(meeting.id)).length;
		expect(before).toBe(2);

		const refused = await remind(cast.as('secretariat'), meeting.id).catch((e) => e);
		expect(refused.status).toBe(409);
		expect(refused.response.message).toContain('mindre end et døgn');
		expect(await queuedFor(meeting.id)).toHaveLength(before);

		const { sent } = await remind(cast.as('secretariat'), meeting.id, { confirm: true });
		expect(sent.sort()).toEqual(['Fie Formand', 'Kaj Kollega']);
		const rows = await queuedFor(meeting.id);
		expect(rows).toHaveLength(before * 2);
		// Two rounds, two moments: the second is a new reminder, not a duplicate of the first.
		expect(new Set(rows.map((r) => r.moment)).size).toBe(2);
	});

	it("are reported to the group's secretariat only: when, by whom and to whom", async () => {
		const meeting = await meetingWithOneAnswer('Møde med en rapport');
		const last = (pb: PocketBase) =>
			pb.send<{ last: { created: string; sender: string; recipients: string[] } | null }>(
				`/api/klyngeportal/meetings/${meeting.id}/attendance-reminders`,
				{ method: 'GET' }
			);
		expect((await last(cast.as('secretariat'))).last).toBeNull();
		await remind(cast.as('secretariat'), meeting.id);
		const { last: round } = await last(cast.as('secretariat'));
		expect(round).toMatchObject({ sender: 'Sofie Sekretær', created: expect.stringMatching(/^\d{4}-\d\d-\d\d /) });
		expect(round?.recipients.sort()).toEqual(['Fie Formand', 'Kaj Kollega']);
		for (const pb of [cast.as('member'), chair.pb, cast.as('otherSecretariat')]) {
			await expect(last(pb)).rejects.toMatchObject({ status: 404 });
		}
		await expect(last(cast.as('anon'))).rejects.toMatchObject({ status: 401 });
	});

	it('log nothing when everyone has answered', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.b.id });
		const { sent } = await remind(cast.as('otherSecretariat'), meeting.id);
		expect(sent).toEqual(['Ole Udefra']);
		await cast.as('outsider').collection('attendance').create({
			meeting: meeting.id,
			user: cast.people.outsider.record.id,
			status: 'absent'
		});
		const next = await createMeeting(cast.admin, { group: cast.groups.b.id });
		await cast.as('outsider').collection('attendance').create({
			meeting: next.id,
			user: cast.people.outsider.record.id,
			status: 'absent'
		});
		expect((await remind(cast.as('otherSecretariat'), next.id)).sent).toEqual([]);
		const logs = await cast.admin
			.collection('reminder_log')
			.getFullList({ filter: cast.admin.filter('meeting = {:id}', { id: next.id }) });
		expect(logs).toEqual([]);
	});

	it.each(['member', 'otherSecretariat', 'guest'] as const)('cannot be sent by %s', async (who) => {
		await expect(remind(cast.as(who), cast.meetings.published.id)).rejects.toMatchObject({ status: 404 });
	});

	it('cannot be sent for a meeting that has started', async () => {
		const held = await createMeeting(cast.admin, {
			group: cast.groups.a.id,
			status: 'held',
			starts: daysFromNow(-7),
			ends: daysFromNow(-7 + 2 / 24)
		});
		await expect(remind(cast.as('secretariat'), held.id)).rejects.toMatchObject({ status: 400 });
	});
});

describe('who was reminded', () => {
	type Reminded = {
		members: {
			user: string;
			name: string;
			sent: { at: string; channel: string; origin: string }[];
			failed: { at: string }[];
			next: { due: string; origin: string } | null;
		}[];
	};
	const reminded = (pb: PocketBase, meeting: string) =>
		pb.send<Reminded>(`/api/klynge/reminders/meetings/${meeting}`, { method: 'GET' });

	it("shows the group's secretariat, per member, what went out, how, when and what is next", async () => {
		const meeting = await meetingWithOneAnswer('Møde med overblik over påmindelser');
		let { members } = await reminded(cast.as('secretariat'), meeting.id);
		const kaj = () => members.find((m) => m.user === colleague.record.id)!;
		expect(kaj()).toMatchObject({ name: 'Kaj Kollega', sent: [], failed: [], next: null });

		await remind(cast.as('secretariat'), meeting.id);
		({ members } = await reminded(cast.as('secretariat'), meeting.id));
		expect(kaj().next).toMatchObject({ origin: 'secretariat', due: expect.stringMatching(/^\d{4}-/) });

		// As the dispatcher records a sent reminder (arranged here as the superuser).
		const [row] = await queuedFor(meeting.id).then((rows) => rows.filter((r) => r.user === colleague.record.id));
		await cast.admin
			.collection('notifications')
			.update(row.id, { status: 'sent', channel: 'email', sent_at: '2026-12-03 09:15:00.000Z' });
		({ members } = await reminded(cast.as('secretariat'), meeting.id));
		expect(kaj()).toMatchObject({
			sent: [{ at: '2026-12-03 09:15:00.000Z', channel: 'email', origin: 'secretariat' }],
			next: null
		});
		// Every member of the group is listed, reminded or not.
		expect(members.map((m) => m.name)).toEqual(expect.arrayContaining(['Mette Medlem', 'Fie Formand', 'Kaj Kollega']));
	});

	it('is a 404 for everyone else, the chair included, and a 401 without a login', async () => {
		const meeting = cast.meetings.published.id;
		for (const pb of [cast.as('member'), chair.pb, cast.as('otherSecretariat'), cast.as('guest'), cast.as('former')]) {
			await expect(reminded(pb, meeting)).rejects.toMatchObject({ status: 404 });
		}
		await expect(reminded(cast.as('secretariat'), 'xxxxxxxxxxxxxxx')).rejects.toMatchObject({ status: 404 });
		await expect(reminded(cast.as('anon'), meeting)).rejects.toMatchObject({ status: 401 });
	});
});

describe('the reminder log', () => {
	let logId: string;
	beforeAll(async () => {
		const meeting = await meetingWithOneAnswer('Møde for loggens regler');
		await remind(cast.as('secretariat'), meeting.id);
		const [log] = await cast.admin
			.collection('reminder_log')
			.getFullList({ filter: cast.admin.filter('meeting = {:id}', { id: meeting.id }) });
		logId = log.id;
	});

	it("is read by the group's secretariat", async () => {
		await expect(cast.as('secretariat').collection('reminder_log').getOne(logId)).resolves.toMatchObject({
			id: logId
		});
	});

	it.each(people('member', 'guest', 'former', 'outsider', 'otherSecretariat', 'anon'))(
		'is hidden from %s',
		async (_label, who) => {
			const pb = cast.as(who);
			const listed = (await pb.collection('reminder_log').getFullList()).map((l) => l.id);
			expect(listed).not.toContain(logId);
			await expect(pb.collection('reminder_log').getOne(logId)).rejects.toMatchObject({ status: 404 });
		}
	);

	it('is hidden from a chair of the group', async () => {
		expect((await chair.pb.collection('reminder_log').getList(1, 50)).items).toEqual([]);
	});

	it.each(people('secretariat', 'member', 'anon'))('cannot be written through the API by %s', async (_label, who) => {
		const pb = cast.as(who);
		const fields = {
			meeting: cast.meetings.published.id,
			group: cast.groups.a.id,
			sender: cast.people.secretariat.record.id,
			recipients: []
		};
		await expect(pb.collection('reminder_log').create(fields)).rejects.toMatchObject({ status: 403 });
		await expect(pb.collection('reminder_log').update(logId, { recipients: ['Falsk'] })).rejects.toMatchObject({
			status: 403
		});
		await expect(pb.collection('reminder_log').delete(logId)).rejects.toMatchObject({ status: 403 });
	});
});
