// The secretariat's minutes (issue 10) against a real PocketBase: who reads and writes a meeting's
// Referat, decisions and follow-ups (the chairs a shared draft, members once published, another
// group never); the hooks' Danish refusals beside the field with nothing stored; "Udsend referat"
// notifies each member once, whatever is replayed or forged; the audit log after publishing; and a
// follow-up with an owner in that owner's deadlines and the reminder planner's plan.
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedPocketBase } from '../../src/lib/pocketbase-types';
import { loadMinutes, parseItemForm, saveFollowUp, saveItem } from '../../src/lib/server/minutes';
import { loadPrint } from '../../src/lib/server/print';
import { planReminders } from '../../src/lib/server/reminders/planner';
import { deadlinesFor } from '../../src/lib/server/todo';
import {
	createAgendaItem,
	createCast,
	createDecision,
	createFollowUp,
	createItemMinutes,
	createMeeting,
	createMembership,
	createUser,
	daysFromNow,
	type Cast,
	type Meeting,
	type Person
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { viewable } from '../support/rules';

let server: TestPocketBase;
let cast: Cast;
let chair: Person;

type Refusal = { status: number; response: { data: Record<string, { code: string; message: string }> } };

/** The refusal of a write, for its status and field messages. */
async function refusal(write: Promise<unknown>): Promise<Refusal> {
	return write.then(
		() => {
			throw new Error('the write was accepted');
		},
		(err: Refusal) => err
	);
}

/** A meeting of group A with one agenda item (and its Referat, a decision and a follow-up). */
async function meetingWithMinutes(status: Meeting['status'], shared = false) {
	const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id, status });
	if (shared) await cast.admin.collection('meetings').update(meeting.id, { share_with_chairs: true });
	const item = await createAgendaItem(cast.admin, { meeting: meeting.id, title: 'Demensvenlig klynge' });
	const [minutes, decision, followUp] = await Promise.all([
		createItemMinutes(cast.admin, { item: item.id, text: 'Drøftet.' }),
		createDecision(cast.admin, { item: item.id, text: 'Godkendt.' }),
		createFollowUp(cast.admin, { meeting: meeting.id, item: item.id, text: 'Send notatet.' })
	]);
	return { meeting, item, minutes, decision, followUp };
}

type Made = Awaited<ReturnType<typeof meetingWithMinutes>>;

/** What `pb` can view of a meeting's minutes: [Referat, decision, follow-up] ids. */
async function seen(pb: PocketBase, made: Made) {
	return [
		...(await viewable(pb, 'item_minutes', [made.minutes.id])),
		...(await viewable(pb, 'decisions', [made.decision.id])),
		...(await viewable(pb, 'follow_ups', [made.followUp.id]))
	];
}
const all = (made: Made) => [made.minutes.id, made.decision.id, made.followUp.id];

async function auditOf(meetingId: string) {
	return cast.admin.collection('audit_log').getFullList<{
		collection: string;
		action: string;
		actor: string;
		summary: string;
		before: Record<string, unknown> | null;
		after: Record<string, unknown> | null;
	}>({ filter: cast.admin.filter('meeting = {:m}', { m: meetingId }), sort: 'created' });
}

async function notificationsOf(meetingId: string, kind: string) {
	return cast.admin.collection('notifications').getFullList<{ user: string }>({
		filter: cast.admin.filter('subject = {:s} && kind = {:k}', { s: meetingId, k: kind })
	});
}

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	chair = await createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Frida Formand' });
	await createMembership(cast.admin, { user: chair.record.id, group: cast.groups.a.id, role: 'chair' });
});

afterAll(async () => {
	await server?.stop();
});

describe('reading the minutes', () => {
	it('lets the chair read a draft of the minutes the secretariat shared, and not one it did not share', async () => {
		const shared = await meetingWithMinutes('held', true);
		const unshared = await meetingWithMinutes('held', false);
		expect((await seen(chair.pb, shared)).sort()).toEqual(all(shared).sort());
		expect(await seen(chair.pb, unshared)).toEqual([]);
	});

	it('shows members the minutes only once they are published, and the secretariat always', async () => {
		const made = await meetingWithMinutes('held');
		expect(await seen(cast.as('member'), made)).toEqual([]);
		expect((await seen(cast.as('secretariat'), made)).sort()).toEqual(all(made).sort());
		await cast.as('secretariat').collection('meetings').update(made.meeting.id, { status: 'minutes_published' });
		expect((await seen(cast.as('member'), made)).sort()).toEqual(all(made).sort());
	});

	it("never shows them to another group's secretariat, a member of another group or a visitor", async () => {
		const made = await meetingWithMinutes('minutes_published', true);
		for (const who of ['otherSecretariat', 'outsider', 'anon'] as const) {
			expect(await seen(cast.as(who), made)).toEqual([]);
		}
	});
});

describe('the editor and the print view', () => {
	it("open the editor to the group's secretariat only, with the same 404 for everyone else", async () => {
		const { meeting, item } = await meetingWithMinutes('held', true);
		const editor = await loadMinutes(
			cast.as('secretariat') as TypedPocketBase,
			meeting.id,
			cast.people.secretariat.record.id
		);
		expect(editor.items.map((i) => [i.id, i.minutes, i.decisions.map((d) => d.text)])).toEqual([
			[item.id, 'Drøftet.', ['Godkendt.']]
		]);
		for (const person of [cast.people.member, chair, cast.people.otherSecretariat]) {
			await expect(loadMinutes(person.pb as TypedPocketBase, meeting.id, person.record.id)).rejects.toMatchObject({
				status: 404
			});
		}
	});

	it('prints the minutes for members once published, and a shared draft for the chair only', async () => {
		const { meeting } = await meetingWithMinutes('held', true);
		const member = cast.people.member;
		const asMember = await loadPrint(member.pb as TypedPocketBase, meeting.id, member.record.id, 'minutes');
		expect(asMember).toMatchObject({ mode: 'agenda', canPrintMinutes: false, followUps: [] });
		expect(asMember.items[0]).toMatchObject({ minutes: '', decisions: [] });
		const asChair = await loadPrint(chair.pb as TypedPocketBase, meeting.id, chair.record.id, 'minutes');
		expect(asChair).toMatchObject({ mode: 'minutes', minutesDraft: true });
		expect(asChair.items[0]).toMatchObject({ minutes: 'Drøftet.', decisions: ['Godkendt.'] });
		expect(asChair.followUps.map((f) => f.text)).toEqual(['Send notatet.']);

		await cast.as('secretariat').collection('meetings').update(meeting.id, { status: 'minutes_published' });
		const published = await loadPrint(member.pb as TypedPocketBase, meeting.id, member.record.id, 'minutes');
		expect(published).toMatchObject({ mode: 'minutes', minutesDraft: false });
		expect(published.items[0]).toMatchObject({ minutes: 'Drøftet.', decisions: ['Godkendt.'] });
		const outsider = cast.people.outsider;
		await expect(
			loadPrint(outsider.pb as TypedPocketBase, meeting.id, outsider.record.id, 'agenda')
		).rejects.toMatchObject({ status: 404 });
	});
});

describe('writing the minutes', () => {
	it('lets the secretariat write a Referat, decisions and follow-ups', async () => {
		const { meeting, item } = await meetingWithMinutes('held');
		const pb = cast.as('secretariat');
		const other = await createAgendaItem(cast.admin, { meeting: meeting.id });
		await expect(
			pb.collection('item_minutes').create({ item: other.id, text: 'Taget til efterretning.' })
		).resolves.toMatchObject({
			text: 'Taget til efterretning.'
		});
		const decision = await pb.collection('decisions').create({ item: item.id, text: 'Vedtaget.', position: 2 });
		await pb.collection('decisions').update(decision.id, { text: 'Vedtaget med ændringer.' });
		await pb.collection('decisions').delete(decision.id);
		await expect(
			pb.collection('follow_ups').create({ meeting: meeting.id, text: 'Indkald Niels.', status: 'open' })
		).resolves.toMatchObject({ text: 'Indkald Niels.' });
	});

	it("refuses a member, a chair and another group's secretariat every write", async () => {
		const made = await meetingWithMinutes('held', true);
		for (const pb of [cast.as('member'), chair.pb, cast.as('otherSecretariat')]) {
			await expect(pb.collection('decisions').create({ item: made.item.id, text: 'Snydt.' })).rejects.toMatchObject({
				status: 400
			});
			await expect(
				pb.collection('follow_ups').create({ meeting: made.meeting.id, text: 'Snydt.', status: 'open' })
			).rejects.toMatchObject({ status: 400 });
			await expect(pb.collection('item_minutes').update(made.minutes.id, { text: 'Snydt.' })).rejects.toMatchObject({
				status: 404
			});
			await expect(pb.collection('decisions').delete(made.decision.id)).rejects.toMatchObject({ status: 404 });
			await expect(pb.collection('follow_ups').delete(made.followUp.id)).rejects.toMatchObject({ status: 404 });
		}
		expect((await seen(cast.as('secretariat'), made)).sort()).toEqual(all(made).sort());
	});
});

describe('bad input', () => {
	it('refuses an empty decision beside its text, and stores nothing', async () => {
		const { item } = await meetingWithMinutes('held');
		const err = await refusal(cast.as('secretariat').collection('decisions').create({ item: item.id, text: '   ' }));
		expect(err.status).toBe(400);
		expect(err.response.data.text).toMatchObject({ code: 'empty', message: 'Skriv beslutningen.' });
	});

	it('refuses over-long texts with a Danish message', async () => {
		const { meeting, item } = await meetingWithMinutes('held');
		const pb = cast.as('secretariat');
		const decision = await refusal(pb.collection('decisions').create({ item: item.id, text: 'x'.repeat(5001) }));
		expect(decision.response.data.text.message).toMatch(/for lang/);
		const followUp = await refusal(
			pb.collection('follow_ups').create({ meeting: meeting.id, text: 'x'.repeat(5001), status: 'open' })
		);
		expect(followUp.response.data.text.message).toMatch(/for langt/);
		const owner = await refusal(
			pb
				.collection('follow_ups')
				.create({ meeting: meeting.id, text: 'Ring', owner_text: 'y'.repeat(201), status: 'open' })
		);
		expect(owner.response.data.owner_text.message).toMatch(/200 tegn/);
	});

	it('refuses a follow-up without text, due before the meeting, or owned outside the group', async () => {
		const { meeting } = await meetingWithMinutes('held');
		const pb = cast.as('secretariat');
		const base = { meeting: meeting.id, status: 'open' };
		const cases: [Record<string, unknown>, string, string][] = [
			[{ text: '' }, 'text', 'Skriv hvad der skal følges op på.'],
			[{ text: 'Send tal', due: daysFromNow(1) }, 'due', 'Fristen kan ikke ligge før mødet.'],
			[
				{ text: 'Send tal', owner_user: cast.people.outsider.record.id },
				'owner_user',
				'Den ansvarlige skal være medlem af gruppen.'
			],
			[
				{ text: 'Send tal', owner_organization: cast.organizations.b.id },
				'owner_organization',
				'Organisationen skal være med i gruppen.'
			],
			[
				{ text: 'Send tal', owner_user: cast.people.member.record.id, owner_organization: cast.organizations.a.id },
				'owner_organization',
				'Vælg enten en person eller en organisation som ansvarlig.'
			]
		];
		for (const [fields, field, message] of cases) {
			const err = await refusal(pb.collection('follow_ups').create({ ...base, ...fields }));
			expect(err.status).toBe(400);
			expect(err.response.data[field]?.message).toBe(message);
		}
		const read = await cast.admin.collection('meetings').getOne(meeting.id, { expand: 'follow_ups_via_meeting' });
		expect((read.expand?.follow_ups_via_meeting as unknown[]).length).toBe(1);
	});

	it("copies the owner's name for every reader of the minutes", async () => {
		const { meeting } = await meetingWithMinutes('held');
		const pb = cast.as('secretariat');
		const byPerson = await pb.collection('follow_ups').create({
			meeting: meeting.id,
			text: 'Send tal',
			owner_user: cast.people.member.record.id,
			due: daysFromNow(30),
			status: 'open'
		});
		expect(byPerson.owner_text).toBe('Mette Medlem');
		const byOrg = await pb
			.collection('follow_ups')
			.create({ meeting: meeting.id, text: 'Send tal', owner_organization: cast.organizations.a.id, status: 'open' });
		expect(byOrg.owner_text).toBe(cast.organizations.a.name);
	});

	it('saves an item as a whole or not at all: a refused decision leaves the Referat unsaved', async () => {
		const { meeting, item, decision } = await meetingWithMinutes('held');
		const pb = cast.as('secretariat') as TypedPocketBase;
		const editor = await loadMinutes(pb, meeting.id, cast.people.secretariat.record.id);
		const editorItem = editor.items.find((i) => i.id === item.id)!;
		const form = new FormData();
		form.set('item', item.id);
		form.set('minutes', 'Nyt referat, der ikke må gemmes alene.');
		form.append('decision_id', decision.id);
		form.append('decision_text', '');
		const result = await saveItem(pb, editorItem, parseItemForm(form));
		expect(result).toEqual({ errors: { [`decision-${decision.id}`]: 'Skriv beslutningen.' } });
		const again = await loadMinutes(pb, meeting.id, cast.people.secretariat.record.id);
		expect(again.items.find((i) => i.id === item.id)).toMatchObject({
			minutes: 'Drøftet.',
			decisions: [{ id: decision.id, text: 'Godkendt.' }]
		});

		form.set('minutes', 'Drøftet og godkendt.');
		form.set('decision_text', 'Godkendt med ændringer.');
		form.set('decision_new', 'Sekretariatet følger op.');
		form.set('op', `down:${decision.id}`);
		expect(await saveItem(pb, editorItem, parseItemForm(form))).toEqual({ ok: true });
		const saved = (await loadMinutes(pb, meeting.id, cast.people.secretariat.record.id)).items.find(
			(i) => i.id === item.id
		);
		expect(saved?.minutes).toBe('Drøftet og godkendt.');
		// The new decision comes last; moving the only old one down leaves it first.
		expect(saved?.decisions.map((d) => d.text)).toEqual(['Godkendt med ændringer.', 'Sekretariatet følger op.']);
	});

	it('shows a follow-up refused by the hooks beside the owner field', async () => {
		const { meeting } = await meetingWithMinutes('held');
		const pb = cast.as('secretariat') as TypedPocketBase;
		const editor = await loadMinutes(pb, meeting.id, cast.people.secretariat.record.id);
		const result = await saveFollowUp(pb, meeting.id, editor.followUps, {
			id: '',
			item: '',
			text: 'Send tal',
			owner: `user:${cast.people.outsider.record.id}`,
			ownerText: '',
			due: '',
			done: false
		});
		expect(result).toEqual({ errors: { owner: 'Den ansvarlige skal være medlem af gruppen.' } });
		expect(editor.owners.people.map((p) => p.id)).not.toContain(cast.people.outsider.record.id);
		expect(editor.owners.organizations.map((o) => o.id)).toEqual([cast.organizations.a.id]);
	});
});

describe('Udsend referat', () => {
	it('notifies each member once, however often it is sent, and stamps the moment', async () => {
		const { meeting } = await meetingWithMinutes('held');
		const pb = cast.as('secretariat');
		await pb.collection('meetings').update(meeting.id, { status: 'minutes_published' });
		const first = await notificationsOf(meeting.id, 'minutes_published');
		expect(first.map((n) => n.user)).toContain(cast.people.member.record.id);
		expect(new Set(first.map((n) => n.user)).size).toBe(first.length);
		const stamped = await cast.admin.collection('meetings').getOne(meeting.id);
		expect(stamped.minutes_published_at).not.toBe('');

		// A second tap, a replay of the same write, a step back and forth: nobody is notified again.
		await pb.collection('meetings').update(meeting.id, { status: 'minutes_published' });
		await pb.collection('meetings').update(meeting.id, { status: 'held' });
		await pb.collection('meetings').update(meeting.id, { status: 'minutes_published' });
		expect(await notificationsOf(meeting.id, 'minutes_published')).toHaveLength(first.length);
		const after = await cast.admin.collection('meetings').getOne(meeting.id);
		expect(after.minutes_published_at).toBe(stamped.minutes_published_at);
	});

	it('refuses a forged stamp, and a member publishing', async () => {
		const { meeting } = await meetingWithMinutes('held');
		await expect(
			cast
				.as('secretariat')
				.collection('meetings')
				.update(meeting.id, { minutes_published_at: daysFromNow(-1) })
		).rejects.toMatchObject({ status: 404 });
		await expect(
			cast.as('member').collection('meetings').update(meeting.id, { status: 'minutes_published' })
		).rejects.toMatchObject({ status: 404 });
		expect(await notificationsOf(meeting.id, 'minutes_published')).toEqual([]);
		expect((await cast.admin.collection('meetings').getOne(meeting.id)).minutes_published_at).toBe('');
	});

	it('refuses to publish the minutes of a draft, beside the status', async () => {
		const { meeting } = await meetingWithMinutes('draft');
		const err = await refusal(
			cast.as('secretariat').collection('meetings').update(meeting.id, { status: 'minutes_published' })
		);
		expect(err.response.data.status.message).toBe('Udsend dagsordenen, før referatet udsendes.');
	});
});

describe('the audit log', () => {
	it('records every change to the minutes of a published meeting with a Danish summary', async () => {
		const { meeting, item, minutes, decision } = await meetingWithMinutes('published');
		const pb = cast.as('secretariat');
		const actor = cast.people.secretariat.record.id;
		// The fixtures themselves (written by the superuser) are in the log too, without an actor.
		const setup = await auditOf(meeting.id);
		expect(setup.map((e) => [e.collection, e.action, e.actor]).sort()).toEqual([
			['agenda_items', 'create', ''],
			['decisions', 'create', ''],
			['follow_ups', 'create', ''],
			['item_minutes', 'create', '']
		]);
		await pb.collection('item_minutes').update(minutes.id, { text: 'Drøftet grundigt.' });
		const added = await pb.collection('decisions').create({ item: item.id, text: 'Strategien vedtages.' });
		await pb.collection('decisions').update(decision.id, { text: 'Godkendt med bemærkninger.' });
		await pb.collection('decisions').delete(added.id);
		const followUp = await pb
			.collection('follow_ups')
			.create({ meeting: meeting.id, text: 'Send strategien.', status: 'open' });
		await pb.collection('follow_ups').update(followUp.id, { status: 'done' });
		await pb.collection('meetings').update(meeting.id, { status: 'minutes_published' });
		const log = (await auditOf(meeting.id)).slice(setup.length);
		expect(log.map((e) => e.summary)).toEqual([
			'Punkt ' + item.position + ' ‘Demensvenlig klynge’: referat ændret',
			'Punkt ' + item.position + ' ‘Demensvenlig klynge’: ny beslutning ‘Strategien vedtages.’',
			'Punkt ' + item.position + ' ‘Demensvenlig klynge’: beslutning ændret ‘Godkendt med bemærkninger.’',
			'Punkt ' + item.position + ' ‘Demensvenlig klynge’: beslutning fjernet ‘Strategien vedtages.’',
			'Mødet: nyt opfølgningspunkt ‘Send strategien.’',
			'Mødet: opfølgningspunkt ændret ‘Send strategien.’',
			'Referat udsendt'
		]);
		expect(log.every((e) => e.actor === actor)).toBe(true);
		expect(log[0]).toMatchObject({
			collection: 'item_minutes',
			action: 'update',
			before: { text: 'Drøftet.' },
			after: { text: 'Drøftet grundigt.' }
		});
		expect(log[3]).toMatchObject({ action: 'delete', after: null });
	});

	it('leaves a draft and refused changes out of the log', async () => {
		const draft = await meetingWithMinutes('draft');
		await cast.as('secretariat').collection('decisions').create({ item: draft.item.id, text: 'Kladde.' });
		expect(await auditOf(draft.meeting.id)).toEqual([]);
		const published = await meetingWithMinutes('published');
		const before = await auditOf(published.meeting.id);
		await refusal(cast.as('secretariat').collection('decisions').create({ item: published.item.id, text: '' }));
		await refusal(cast.as('member').collection('decisions').create({ item: published.item.id, text: 'Snydt.' }));
		expect(await auditOf(published.meeting.id)).toEqual(before);
	});
});

describe("follow-ups in the owner's deadlines", () => {
	it('reach the owning person and the owning organisation once the minutes are out, and are reminded', async () => {
		const member = cast.people.member;
		const colleague = await createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Karl Kollega' });
		await createMembership(cast.admin, { user: colleague.record.id, group: cast.groups.a.id });
		const { meeting } = await meetingWithMinutes('held');
		const pb = cast.as('secretariat');
		// Within the planner's horizon (8 days) and not before the meeting (in 7 days).
		const due = daysFromNow(7.9);
		const mine = await pb
			.collection('follow_ups')
			.create({ meeting: meeting.id, text: 'Send tallene', owner_user: member.record.id, due, status: 'open' });
		const ours = await pb.collection('follow_ups').create({
			meeting: meeting.id,
			text: 'Meld en deltager ind',
			owner_organization: cast.organizations.a.id,
			due,
			status: 'open'
		});
		const asTodo = (p: Person) => ({ id: p.record.id, organization: p.record.organization });
		const idsFor = async (p: Person) =>
			(await deadlinesFor(p.pb as TypedPocketBase, asTodo(p))).filter((d) => d.kind === 'follow_up').map((d) => d.id);

		// Before the minutes are out, a follow-up is nobody's task (not even the secretariat's, who can read it).
		expect(await idsFor(member)).not.toContain(mine.id);
		await pb.collection('meetings').update(meeting.id, { status: 'minutes_published' });

		expect(await idsFor(member)).toEqual(expect.arrayContaining([mine.id, ours.id]));
		expect(await idsFor(colleague)).toContain(ours.id);
		expect(await idsFor(colleague)).not.toContain(mine.id);
		expect(await idsFor(cast.people.outsider)).toEqual([]);
		const listed = (await deadlinesFor(member.pb as TypedPocketBase, asTodo(member))).find((d) => d.id === mine.id);
		expect(listed).toMatchObject({
			title: 'Send tallene',
			deadline: due,
			href: `/moeder/${meeting.id}#followups-title`
		});

		await planReminders(cast.admin, new Date());
		const planned = await cast.admin.collection('notifications').getFullList<{ user: string; subject: string }>({
			filter: cast.admin.filter('kind = "follow_up" && (subject = {:a} || subject = {:b})', { a: mine.id, b: ours.id })
		});
		const pairs = planned.map((r) => `${r.subject}:${r.user}`);
		expect(pairs).toContain(`${mine.id}:${member.record.id}`);
		expect(pairs).toContain(`${ours.id}:${colleague.record.id}`);
		expect(pairs).not.toContain(`${mine.id}:${colleague.record.id}`);
	});
});
