// Answers replayed from the phone's outbox, against a real PocketBase, through the same server
// modules the form actions use (src/lib/server/attendance.ts, nominations.ts, delivery.ts): a post
// whose response was lost is stored once; an answer that waited longer than a newer one stored
// elsewhere does not overwrite it; and nobody can reach another member's answer with a forged id.
import type { RecordModel } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDelivery, loadMeetingAnswers, saveAnswer } from '$lib/server/attendance';
import { readDelivery } from '$lib/server/delivery';
import { alreadyStored, answerNone, loadCall, nominate } from '$lib/server/nominations';
import { newRecordId } from '$lib/offline/outbox-flush.js';
import {
	createCast,
	createMeeting,
	createMembership,
	createNominationCall,
	createNominationForum,
	createUser,
	type Cast,
	type Meeting,
	type Person
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let cast: Cast;
let colleague: Person;

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	colleague = await createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Kaj Kollega' });
	await createMembership(cast.admin, { user: colleague.record.id, group: cast.groups.a.id });
});

afterAll(async () => {
	await server?.stop();
});

const user = (p: Person) => ({
	id: p.record.id,
	email: p.record.email,
	name: p.record.name,
	title: p.record.title,
	organization: p.record.organization
});

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
}

/**
 * One post of the quick answer as the action handles it: read the delivery, check it against the
 * member's stored answer, then save. Returns what the member is told.
 */
async function post(person: Person, meeting: Meeting, status: string, delivery: Record<string, string>) {
	const pb = person.pb;
	const { answers } = await loadMeetingAnswers(pb, meeting.id);
	const existing = answers.find((a) => a.user === person.record.id);
	const d = readDelivery(form(delivery));
	const check = checkDelivery(existing, d, person.record.id);
	if (check && 'replay' in check) return { stored: true, replay: true };
	if (check) return { stored: false, reason: check.refused };
	const errors = await saveAnswer(pb, meeting.id, person.record.id, existing, { status }, d.clientId);
	return Object.keys(errors).length ? { stored: false, reason: Object.values(errors)[0] } : { stored: true };
}

type Answer = RecordModel & { status: string; user: string; client_id: string; updated: string };

async function answersOf(meeting: Meeting): Promise<Answer[]> {
	return cast.admin
		.collection('attendance')
		.getFullList<Answer>({ filter: cast.admin.filter('meeting = {:m}', { m: meeting.id }) });
}

async function auditCount(meeting: Meeting, record: string): Promise<number> {
	const log = await cast.admin
		.collection('audit_log')
		.getFullList({ filter: cast.admin.filter('meeting = {:m} && record = {:r}', { m: meeting.id, r: record }) });
	return log.length;
}

describe('a replayed attendance answer', () => {
	it('is stored once when the same post arrives twice, with the phone’s id as the record id', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const id = newRecordId();
		const delivery = { client_id: id, queued_at: new Date().toISOString(), outbox_user: cast.people.member.record.id };
		expect(await post(cast.people.member, meeting, 'attending', delivery)).toEqual({ stored: true });
		expect(await post(cast.people.member, meeting, 'attending', delivery)).toEqual({ stored: true, replay: true });
		const stored = await answersOf(meeting);
		expect(stored.map((a) => [a.id, a.status])).toEqual([[id, 'attending']]);
		expect(await auditCount(meeting, id)).toBe(1);
	});

	it('changes an answer once when a replayed change arrives twice', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		await post(cast.people.member, meeting, 'attending', {});
		const change = { client_id: newRecordId(), queued_at: new Date(Date.now() + 1000).toISOString() };
		expect(await post(cast.people.member, meeting, 'absent', change)).toEqual({ stored: true });
		const [after] = await answersOf(meeting);
		expect(await post(cast.people.member, meeting, 'absent', change)).toEqual({ stored: true, replay: true });
		const [again] = await answersOf(meeting);
		expect(again.status).toBe('absent');
		expect(again.updated).toBe(after.updated);
		// One entry for the first answer, one for the change: the replay wrote nothing.
		expect(await auditCount(meeting, after.id)).toBe(2);
	});

	it('is stored once when two copies of a post race each other', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const id = newRecordId();
		const results = await Promise.all([
			saveAnswer(cast.people.member.pb, meeting.id, cast.people.member.record.id, undefined, { status: 'absent' }, id),
			saveAnswer(cast.people.member.pb, meeting.id, cast.people.member.record.id, undefined, { status: 'absent' }, id)
		]);
		expect(results).toEqual([{}, {}]);
		expect((await answersOf(meeting)).map((a) => a.id)).toEqual([id]);
	});

	it('does not overwrite a newer answer given elsewhere, and says what holds', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const queuedAt = new Date(Date.now() - 60_000).toISOString();
		// Answered "Afbud" on the laptop after the phone queued "Deltager".
		await post(cast.people.member, meeting, 'absent', {});
		const result = await post(cast.people.member, meeting, 'attending', {
			client_id: newRecordId(),
			queued_at: queuedAt,
			outbox_user: cast.people.member.record.id
		});
		expect(result.stored).toBe(false);
		expect(result.reason).toMatch(/Det svar gælder stadig: Afbud\. Svaret fra telefonen er ikke gemt\./);
		expect(result.reason).toMatch(/kl\. \d{1,2}\.\d\d/);
		expect((await answersOf(meeting)).map((a) => a.status)).toEqual(['absent']);
	});

	it('overwrites an older stored answer', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		await post(cast.people.member, meeting, 'absent', {});
		const result = await post(cast.people.member, meeting, 'attending', {
			client_id: newRecordId(),
			queued_at: new Date(Date.now() + 1000).toISOString(),
			outbox_user: cast.people.member.record.id
		});
		expect(result).toEqual({ stored: true });
		expect((await answersOf(meeting)).map((a) => a.status)).toEqual(['attending']);
	});
});

describe('another user attacking with forged ids', () => {
	it('cannot make another member’s answer count as theirs by replaying its client id', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const theirs = newRecordId();
		await post(colleague, meeting, 'attending', { client_id: theirs });
		// The member sends the colleague's id: it is not a replay of the member's own answer.
		expect(await post(cast.people.member, meeting, 'absent', { client_id: theirs })).toEqual({
			stored: false,
			reason: expect.any(String)
		});
		const stored = await answersOf(meeting);
		expect(stored.map((a) => [a.user, a.status])).toEqual([[colleague.record.id, 'attending']]);
	});

	it('cannot create an answer under the record id of another member’s answer', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const theirs = newRecordId();
		await post(colleague, meeting, 'attending', { client_id: theirs });
		const other = await createMeeting(cast.admin, { group: cast.groups.a.id });
		// Another member of another organisation, answering another meeting with the colleague's record id.
		const errors = await saveAnswer(
			cast.people.secretariat.pb,
			other.id,
			cast.people.secretariat.record.id,
			undefined,
			{ status: 'absent' },
			theirs
		);
		expect(Object.keys(errors)).not.toHaveLength(0);
		const colleagueAnswer = await cast.admin.collection('attendance').getOne<Answer>(theirs);
		expect([colleagueAnswer.user, colleagueAnswer.status]).toEqual([colleague.record.id, 'attending']);
		expect(await answersOf(other)).toEqual([]);
	});

	it('refuses an outbox answer queued by another user on the same phone', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
		const result = await post(cast.people.member, meeting, 'attending', {
			client_id: newRecordId(),
			queued_at: new Date().toISOString(),
			outbox_user: colleague.record.id
		});
		expect(result).toEqual({
			stored: false,
			reason: 'Svaret blev givet af en anden bruger på denne telefon og er ikke gemt.'
		});
		expect(await answersOf(meeting)).toEqual([]);
	});
});

describe('a replayed nomination', () => {
	it('is stored once, and another organisation’s nomination id is no replay', async () => {
		const call = await createNominationCall(cast.admin, { group: cast.groups.a.id });
		const forum = await createNominationForum(cast.admin, { call: call.id, quota: 3 });
		const member = cast.people.member;
		const page = await loadCall(member.pb as never, call.id, user(member));
		const id = newRecordId();
		const record = { nominee_name: 'Ida Indstillet', nominee_title: 'Overlæge', nominee_email: 'ida@hospital.dk' };
		expect(await nominate(member.pb as never, page, forum.id, user(member), record, id)).toEqual({});
		// The replay: the action asks first, and finds it stored.
		expect(await alreadyStored(member.pb as never, id, page, user(member))).toBe(true);
		// Even sent again without asking, it is not stored twice.
		expect(await nominate(member.pb as never, page, forum.id, user(member), record, id)).toEqual({});
		const stored = await cast.admin
			.collection('nominations')
			.getFullList({ filter: cast.admin.filter('call = {:c}', { c: call.id }) });
		expect(stored.map((n) => n.id)).toEqual([id]);

		// A member of another organisation cannot claim it as theirs, nor create under its id.
		const outsider = cast.people.guest;
		await createMembership(cast.admin, { user: outsider.record.id, group: cast.groups.a.id });
		const theirPage = await loadCall(outsider.pb as never, call.id, user(outsider));
		expect(await alreadyStored(outsider.pb as never, id, theirPage, user(outsider))).toBe(false);
		expect(await answerNone(outsider.pb as never, theirPage, user(outsider), id)).not.toEqual({});
		const after = await cast.admin.collection('nominations').getOne(id);
		expect([after.organization, after.kind, after.nominee_name]).toEqual([
			cast.organizations.a.id,
			'nominee',
			'Ida Indstillet'
		]);
	});

	it('stores "melder ingen" once when it arrives twice', async () => {
		const call = await createNominationCall(cast.admin, { group: cast.groups.a.id });
		await createNominationForum(cast.admin, { call: call.id });
		const member = colleague;
		const page = await loadCall(member.pb as never, call.id, user(member));
		const id = newRecordId();
		expect(await answerNone(member.pb as never, page, user(member), id)).toEqual({});
		expect(await answerNone(member.pb as never, page, user(member), id)).toEqual({});
		const stored = await cast.admin
			.collection('nominations')
			.getFullList({ filter: cast.admin.filter('call = {:c}', { c: call.id }) });
		expect(stored.map((n) => [n.id, n.kind])).toEqual([[id, 'none']]);
	});
});
