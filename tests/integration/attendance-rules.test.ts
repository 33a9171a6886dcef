// Attendance: one answer per member per meeting, written by the member until the lock (meeting
// start or attendance deadline) or by the group's secretariat; read only by the member and the
// group's leaders; every change in the audit log; a named substitute becomes a guest of the meeting.
import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createCast,
	createMeeting,
	createMembership,
	createUser,
	daysFromNow,
	ids,
	type Cast,
	type Meeting,
	type Person
} from '../support/factories';
import { startTestPocketBaseWithMail, type TestPocketBase } from '../support/pocketbase';
import { expandedIds, listRefused, viewable } from '../support/rules';

type Answer = RecordModel & {
	meeting: string;
	user: string;
	status: string;
	answered_by: string;
	substitute_user: string;
};

let server: TestPocketBase;
let catcher: Awaited<ReturnType<typeof startTestPocketBaseWithMail>>['catcher'];
let cast: Cast;
let colleague: Person;
let chair: Person;
/** Meetings of group A: open for answers, past its deadline, already held; and one of group B. */
let open: Meeting;
let pastDeadline: Meeting;
let held: Meeting;
let otherGroup: Meeting;

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
	[open, pastDeadline, held, otherGroup] = await Promise.all([
		createMeeting(cast.admin, { group: a }),
		createMeeting(cast.admin, { group: a, attendance_deadline: daysFromNow(-1) }),
		createMeeting(cast.admin, { group: a, status: 'held', starts: daysFromNow(-7), ends: daysFromNow(-7 + 2 / 24) }),
		createMeeting(cast.admin, { group: cast.groups.b.id })
	]);
});

afterAll(async () => {
	await server?.stop();
	await catcher?.close();
});

const answer = (pb: PocketBase, fields: Record<string, unknown>) => pb.collection('attendance').create<Answer>(fields);
const me = (p: Person) => p.record.id;

/** The answer `person` gave for `meeting`, read as the superuser. */
const answerOf = (person: Person, meeting: Meeting) =>
	cast.admin
		.collection('attendance')
		.getFirstListItem<Answer>(
			cast.admin.filter('user = {:user} && meeting = {:meeting}', { user: me(person), meeting: meeting.id })
		);

type AuditEntry = RecordModel & { record: string; action: string; created: string };

/** The audit log of `meeting` as `pb` reads it (an expand of the meeting), oldest first; of one record if given. */
async function auditOf(pb: PocketBase, meeting: Meeting, record?: string): Promise<AuditEntry[]> {
	const read = await pb.collection('meetings').getOne(meeting.id, { expand: 'audit_log_via_meeting' });
	const log = (read.expand?.audit_log_via_meeting as AuditEntry[] | undefined) ?? [];
	return log
		.filter((e) => record === undefined || e.record === record)
		.sort((a, b) => a.created.localeCompare(b.created));
}

describe('a member answering for themselves', () => {
	it('answers once per meeting and reads only their own answer', async () => {
		const mine = await answer(cast.as('member'), {
			meeting: open.id,
			user: me(cast.people.member),
			status: 'attending'
		});
		expect(mine).toMatchObject({ status: 'attending', answered_by: me(cast.people.member) });
		const theirs = await answer(colleague.pb, { meeting: open.id, user: me(colleague), status: 'absent' });

		await expect(
			answer(cast.as('member'), { meeting: open.id, user: me(cast.people.member), status: 'absent' })
		).rejects.toMatchObject({ status: 400 });
		const pb = cast.as('member');
		expect(await viewable(pb, 'attendance', [mine.id, theirs.id])).toEqual([mine.id]);
		expect(await expandedIds(pb, 'meetings', open.id, 'attendance_via_meeting')).toEqual([mine.id]);
		await listRefused(pb, 'attendance');
	});

	it('changes the answer until the lock', async () => {
		const pb = colleague.pb.collection('attendance');
		const mine = await answerOf(colleague, open);
		await expect(pb.update(mine.id, { status: 'attending', note: 'Kommer med toget' })).resolves.toMatchObject({
			status: 'attending'
		});
	});

	it('cannot answer for someone else', async () => {
		await expect(
			answer(cast.as('member'), { meeting: open.id, user: me(chair), status: 'absent' })
		).rejects.toMatchObject({ status: 400 });
	});

	it.each([
		['after the attendance deadline', () => pastDeadline],
		['for a meeting that has started', () => held],
		['for a meeting of another group', () => otherGroup],
		['for a draft meeting', () => cast.meetings.draft]
	])('cannot answer %s', async (_label, meeting) => {
		await expect(
			answer(cast.as('member'), { meeting: meeting().id, user: me(cast.people.member), status: 'attending' })
		).rejects.toMatchObject({ status: 400 });
	});

	it('cannot change an answer once the deadline has passed', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const mine = await answer(cast.as('member'), {
			meeting: meeting.id,
			user: me(cast.people.member),
			status: 'attending'
		});
		await cast.admin.collection('meetings').update(meeting.id, { attendance_deadline: daysFromNow(-0.01) });
		await expect(
			cast.as('member').collection('attendance').update(mine.id, { status: 'absent' })
		).rejects.toMatchObject({
			status: 404
		});
		await expect(cast.admin.collection('attendance').getOne(mine.id)).resolves.toMatchObject({ status: 'attending' });
	});

	it('cannot set who answered or the substitute account', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const own = { meeting: meeting.id, user: me(cast.people.member), status: 'absent' };
		await expect(answer(cast.as('member'), { ...own, answered_by: me(cast.people.secretariat) })).rejects.toMatchObject(
			{ status: 400 }
		);
		await expect(answer(cast.as('member'), { ...own, substitute_user: me(chair) })).rejects.toMatchObject({
			status: 400
		});
		// The same answer without them is accepted: the refusals above are about those fields.
		await expect(answer(cast.as('member'), own)).resolves.toMatchObject({ status: 'absent' });
	});

	it.each([
		['a guest of one meeting', 'guest'],
		['a former member', 'former'],
		['a member of another group', 'outsider']
	] as const)('refuses %s', async (_label, who) => {
		await expect(
			answer(cast.as(who), { meeting: open.id, user: me(cast.people[who]), status: 'attending' })
		).rejects.toMatchObject({ status: 400 });
	});
});

describe('reading answers', () => {
	it('shows every answer of the group to its secretariat and chair, as an expand of the meeting', async () => {
		const answers = [await answerOf(cast.people.member, open), await answerOf(colleague, open)];
		for (const pb of [cast.as('secretariat'), chair.pb]) {
			expect(await expandedIds(pb, 'meetings', open.id, 'attendance_via_meeting')).toEqual(ids(answers));
			expect(await viewable(pb, 'attendance', ids(answers))).toEqual(ids(answers));
			await listRefused(pb, 'attendance');
		}
	});

	it.each(['outsider', 'otherSecretariat', 'guest', 'former', 'anon'] as const)(
		'hides the answers from %s',
		async (who) => {
			const pb = cast.as(who);
			await listRefused(pb, 'attendance');
			const answers = [await answerOf(cast.people.member, open), await answerOf(colleague, open)];
			expect(await viewable(pb, 'attendance', ids(answers))).toEqual([]);
		}
	);

	it("hides a colleague's answer from a member", async () => {
		const theirs = await answerOf(colleague, open);
		await expect(cast.as('member').collection('attendance').getOne(theirs.id)).rejects.toMatchObject({ status: 404 });
	});
});

describe('the secretariat', () => {
	it('answers on behalf of a member, also after the deadline, and the audit log says so', async () => {
		const record = await answer(cast.as('secretariat'), {
			meeting: pastDeadline.id,
			user: me(chair),
			status: 'absent'
		});
		expect(record.answered_by).toBe(me(cast.people.secretariat));
		const log = await auditOf(cast.as('secretariat'), pastDeadline, record.id);
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({
			action: 'create',
			actor: me(cast.people.secretariat),
			on_behalf_of: me(chair),
			after: expect.objectContaining({ status: 'absent' })
		});
	});

	it('records every change with the old and the new answer', async () => {
		const record = await answer(cast.as('secretariat'), { meeting: held.id, user: me(colleague), status: 'attending' });
		await cast.as('secretariat').collection('attendance').update(record.id, { status: 'absent', note: 'Syg' });
		const log = await auditOf(cast.as('secretariat'), held, record.id);
		expect(log.map((l) => l.action)).toEqual(['create', 'update']);
		expect(log[1].before).toMatchObject({ status: 'attending' });
		expect(log[1].after).toMatchObject({ status: 'absent', note: 'Syg' });
	});

	it('cannot answer for someone who is not a member of the group', async () => {
		await expect(
			answer(cast.as('secretariat'), { meeting: open.id, user: me(cast.people.outsider), status: 'attending' })
		).rejects.toMatchObject({ status: 400 });
	});

	it("of another group can neither read nor write the group's answers", async () => {
		await expect(
			answer(cast.as('otherSecretariat'), { meeting: open.id, user: me(chair), status: 'absent' })
		).rejects.toMatchObject({ status: 400 });
		const any = await answerOf(cast.people.member, open);
		await expect(
			cast.as('otherSecretariat').collection('attendance').update(any.id, { status: 'absent' })
		).rejects.toMatchObject({ status: 404 });
	});

	it('is the only one who may read the audit log, and nobody writes it through the API', async () => {
		const entries = (await auditOf(cast.as('secretariat'), open)).map((e) => e.id);
		expect(entries.length).toBeGreaterThan(0);
		for (const pb of [cast.as('member'), chair.pb, cast.as('otherSecretariat'), cast.as('anon')]) {
			expect(await viewable(pb, 'audit_log', entries)).toEqual([]);
		}
		for (const pb of [cast.as('member'), chair.pb]) {
			expect(await expandedIds(pb, 'meetings', open.id, 'audit_log_via_meeting')).toEqual([]);
		}
		for (const pb of [cast.as('secretariat'), cast.as('member'), cast.as('otherSecretariat')]) {
			await listRefused(pb, 'audit_log');
		}
		await expect(
			cast.as('secretariat').collection('audit_log').create({ collection: 'attendance', record: 'x', action: 'create' })
		).rejects.toMatchObject({ status: 403 });
	});
	it('deletes an answer of the group, and the audit log keeps what it was', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const record = await answer(cast.as('member'), {
			meeting: meeting.id,
			user: me(cast.people.member),
			status: 'absent'
		});
		await expect(cast.as('secretariat').collection('attendance').delete(record.id)).resolves.toBe(true);
		await expect(cast.admin.collection('attendance').getOne(record.id)).rejects.toMatchObject({ status: 404 });
		const log = await auditOf(cast.as('secretariat'), meeting, record.id);
		expect(log.map((l) => l.action)).toEqual(['create', 'delete']);
	});

	it('is the only one who may delete an answer, and nobody changes or deletes the audit log', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const record = await answer(cast.as('member'), {
			meeting: meeting.id,
			user: me(cast.people.member),
			status: 'attending'
		});
		for (const pb of [cast.as('member'), chair.pb, cast.as('otherSecretariat'), cast.as('guest'), cast.as('anon')]) {
			await expect(pb.collection('attendance').delete(record.id)).rejects.toMatchObject({ status: 404 });
		}
		await expect(cast.admin.collection('attendance').getOne(record.id)).resolves.toMatchObject({ status: 'attending' });
		const [entry] = await auditOf(cast.as('secretariat'), meeting, record.id);
		for (const pb of [cast.as('secretariat'), cast.as('member')]) {
			await expect(pb.collection('audit_log').update(entry.id, { action: 'delete' })).rejects.toMatchObject({
				status: 403
			});
			await expect(pb.collection('audit_log').delete(entry.id)).rejects.toMatchObject({ status: 403 });
		}
		await expect(cast.admin.collection('audit_log').getOne(entry.id)).resolves.toMatchObject({ action: 'create' });
	});
});

describe('bad answers', () => {
	async function rejected(fields: Record<string, unknown>) {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const before = await cast.admin.collection('attendance').getList(1, 1);
		const err = await answer(cast.as('member'), { meeting: meeting.id, user: me(cast.people.member), ...fields }).then(
			() => null,
			(e) => e
		);
		expect(err?.status).toBe(400);
		expect((await cast.admin.collection('attendance').getList(1, 1)).totalItems).toBe(before.totalItems);
		return { data: err.response.data as Record<string, { code: string; message: string }>, meeting };
	}

	it('needs a name for a substitute', async () => {
		const { data } = await rejected({ status: 'substitute', substitute_email: 'a@b.dk' });
		expect(data.substitute_name.message).toBe('Skriv suppleantens navn.');
	});

	it("needs a valid e-mail for a substitute's invitation", async () => {
		const { data } = await rejected({ status: 'substitute', substitute_name: 'Eva', substitute_email: 'eva@kommune' });
		expect(data.substitute_email.message).toContain('gyldig e-mail');
	});

	it('needs partial times within the meeting, arriving before leaving', async () => {
		const outside = await rejected({ status: 'partial', arrives: daysFromNow(30) });
		expect(outside.data.arrives.message).toMatch(
			/^Vælg et tidspunkt inden for mødet, kl\. \d{1,2}\.\d\d-\d{1,2}\.\d\d\.$/
		);
		const none = await rejected({ status: 'partial' });
		expect(none.data.arrives.code).toBe('partial_times_required');
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const start = new Date(meeting.starts.replace(' ', 'T')).getTime();
		const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString().replace('T', ' ');
		const err = await answer(cast.as('member'), {
			meeting: meeting.id,
			user: me(cast.people.member),
			status: 'partial',
			arrives: at(60),
			leaves: at(30)
		}).catch((e) => e);
		expect(err.response.data.leaves.message).toBe('Du skal gå senere, end du kommer.');
	});

	it('refuses a 10,000-character note', async () => {
		const { data } = await rejected({ status: 'attending', note: 'x'.repeat(10_000) });
		expect(data.note.message).toBe('Noten må højst være 1.000 tegn.');
	});
});

describe('a named substitute', () => {
	it('gets an invitation, an account and access to that one meeting only', async () => {
		const meeting = await createMeeting(cast.admin, {
			group: cast.groups.a.id,
			title: 'Styregruppemøde med suppleant'
		});
		const record = await answer(cast.as('member'), {
			meeting: meeting.id,
			user: me(cast.people.member),
			status: 'substitute',
			substitute_name: 'Sanne Suppleant',
			substitute_title: 'Sundhedschef',
			substitute_email: 'Sanne.Suppleant@kommune.test'
		});
		const stored = await cast.admin.collection('attendance').getOne<Answer>(record.id);
		expect(stored.substitute_user).toMatch(/^[a-z0-9]{15}$/);

		const mail = catcher.messages.find((m) => m.to.includes('sanne.suppleant@kommune.test'));
		expect(mail?.subject).toContain('Du er suppleant for Mette Medlem');
		expect(mail?.text).toContain(`https://klyngeportal.test/login?til=%2Fmoeder%2F${meeting.id}`);

		const memberships = await cast.admin
			.collection('memberships')
			.getFullList({ filter: cast.admin.filter('user = {:user}', { user: stored.substitute_user }) });
		expect(memberships).toEqual([expect.objectContaining({ role: 'guest', meeting: meeting.id })]);
	});

	it('loses the guest access when the member names someone else', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const record = await answer(colleague.pb, {
			meeting: meeting.id,
			user: me(colleague),
			status: 'substitute',
			substitute_name: 'Første Suppleant',
			substitute_email: 'forste@kommune.test'
		});
		const first = (await cast.admin.collection('attendance').getOne<Answer>(record.id)).substitute_user;
		await colleague.pb.collection('attendance').update(record.id, {
			status: 'substitute',
			substitute_name: 'Anden Suppleant',
			substitute_email: 'anden@kommune.test'
		});
		const guestOf = async (user: string) =>
			(
				await cast.admin.collection('memberships').getFullList({
					filter: cast.admin.filter('user = {:user} && meeting = {:meeting}', { user, meeting: meeting.id })
				})
			).length;
		const second = (await cast.admin.collection('attendance').getOne<Answer>(record.id)).substitute_user;
		expect(second).not.toBe(first);
		expect(await guestOf(first)).toBe(0);
		expect(await guestOf(second)).toBe(1);
		await colleague.pb.collection('attendance').update(record.id, { status: 'attending' });
		expect(await guestOf(second)).toBe(0);
	});
	it("is hidden from the group's members until the minutes are published, and shown to the chair at once", async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const record = await answer(colleague.pb, {
			meeting: meeting.id,
			user: me(colleague),
			status: 'substitute',
			substitute_name: 'Sigrid Suppleant',
			substitute_email: 'sigrid@kommune.test'
		});
		const substitute = (await cast.admin.collection('attendance').getOne<Answer>(record.id)).substitute_user;
		const invitation = await cast.admin
			.collection('memberships')
			.getFirstListItem(cast.admin.filter('user = {:user}', { user: substitute }));
		const sees = async (pb: PocketBase) => ({
			user: (await viewable(pb, 'users', [substitute])).length === 1,
			membership: (await viewable(pb, 'memberships', [invitation.id])).length === 1
		});
		const both = { user: true, membership: true };
		const neither = { user: false, membership: false };

		for (const pb of [cast.as('member'), colleague.pb, cast.as('outsider')]) expect(await sees(pb)).toEqual(neither);
		for (const pb of [chair.pb, cast.as('secretariat')]) expect(await sees(pb)).toEqual(both);

		await cast.admin.collection('meetings').update(meeting.id, { status: 'minutes_published' });
		for (const pb of [cast.as('member'), colleague.pb]) expect(await sees(pb)).toEqual(both);
		expect(await sees(cast.as('outsider'))).toEqual(neither);
	});
});

describe("an answer's note", () => {
	type Noted = Answer & { note: string };
	const update = (pb: PocketBase, id: string, fields: Record<string, unknown>) =>
		pb.collection('attendance').update<Noted>(id, fields);
	/** Kaj Kollega's absence with a note, recorded by `writer` for a meeting of its own. */
	async function absentWithNote(writer: PocketBase, note: string) {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		return answer(writer, { meeting: meeting.id, user: me(colleague), status: 'absent', note });
	}

	it('does not outlive the answer the secretariat recorded when the member answers anew', async () => {
		const sick = await absentWithNote(cast.as('secretariat'), 'Sygdom');
		// The member's one-tap answer, even when it sends the old note back.
		expect(await update(colleague.pb, sick.id, { status: 'attending', note: 'Sygdom' })).toMatchObject({
			status: 'attending',
			note: ''
		});
	});

	it('is not carried over by someone else who keeps the status', async () => {
		const sick = await absentWithNote(cast.as('secretariat'), 'Sygdom');
		expect((await update(colleague.pb, sick.id, { status: 'absent' })).note).toBe('');
	});

	it('is cleared when its writer changes the status without writing a new note', async () => {
		const mine = await absentWithNote(colleague.pb, 'Tandlæge');
		expect((await update(colleague.pb, mine.id, { status: 'attending' })).note).toBe('');
	});

	it('stays while its writer keeps the status, and a new note replaces it', async () => {
		const mine = await absentWithNote(colleague.pb, 'Tandlæge');
		expect((await update(colleague.pb, mine.id, { status: 'absent' })).note).toBe('Tandlæge');
		expect((await update(colleague.pb, mine.id, { status: 'attending', note: 'Kommer alligevel' })).note).toBe(
			'Kommer alligevel'
		);
	});
});

describe('answers in published minutes', () => {
	it('are read by every member of the meeting once the minutes are published, and by nobody else', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const [mine, theirs] = await Promise.all([
			answer(cast.as('member'), { meeting: meeting.id, user: me(cast.people.member), status: 'attending' }),
			answer(colleague.pb, { meeting: meeting.id, user: me(colleague), status: 'absent' })
		]);
		const both = ids([mine, theirs]);
		const seenBy = (pb: PocketBase) => viewable(pb, 'attendance', both);
		expect(await seenBy(cast.as('member'))).toEqual([mine.id]);
		expect(await expandedIds(cast.as('member'), 'meetings', meeting.id, 'attendance_via_meeting')).toEqual([mine.id]);

		await cast.admin.collection('meetings').update(meeting.id, { status: 'minutes_published' });
		expect(await seenBy(cast.as('member'))).toEqual(both);
		expect(await expandedIds(cast.as('member'), 'meetings', meeting.id, 'attendance_via_meeting')).toEqual(both);
		for (const who of ['outsider', 'otherSecretariat', 'former', 'guest'] as const) {
			expect(await seenBy(cast.as(who))).toEqual([]);
		}
	});
});
