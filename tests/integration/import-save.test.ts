// Saving an imported agenda or minutes (pb_hooks/import.pb.js): only the chosen group's active
// secretariat may, everything is stored in one transaction or nothing is, and the import leaves one
// audit entry with a Danish summary.
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCast, createMembership, createUser, people, type Cast, type Who } from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let cast: Cast;

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
}, 60_000);

afterAll(async () => {
	await server?.stop();
});

let sequence = 0;

/** A reviewed proposal as the app sends it: 12 June 2020, 08.00-10.40 in Copenhagen. */
function proposal(overrides: Record<string, unknown> = {}) {
	sequence += 1;
	return {
		group: cast.groups.a.id,
		title: `Importeret møde ${sequence}`,
		starts: '2020-06-12T06:00:00.000Z',
		ends: '2020-06-12T08:40:00.000Z',
		location_room: 'Mødelokale 22',
		location_address: 'Heibergs Alle 4F, 8800 Viborg',
		location_note: 'jf. vedlagte kort',
		catering: 'Kaffe/te/vand',
		chair: cast.people.member.record.id,
		minute_takers: [cast.people.secretariat.record.id],
		minutes_date: '2020-06-15',
		items: [
			{
				title: 'Velkomst',
				kind: 'decision',
				presenter: 'formandskabet',
				duration_minutes: 10,
				recommendation: 'At dagsordenen godkendes.',
				background: '',
				minutes: 'Dagsordenen blev godkendt.',
				decisions: ['Dagsordenen godkendt']
			},
			{
				title: 'Demensvenlig klynge',
				kind: 'discussion',
				presenter: 'Mette Medlem',
				duration_minutes: 15,
				recommendation: '',
				background: '- Et\n- To',
				minutes: '',
				decisions: []
			},
			{
				title: 'Skriftlige orienteringer',
				kind: 'written',
				presenter: '',
				duration_minutes: null,
				recommendation: '',
				background: 'Status på projektet.',
				minutes: '',
				decisions: []
			}
		],
		attendance: [{ user: cast.people.member.record.id, status: 'attending', note: 'indtil kl. 9.45' }],
		guests: [{ name: 'Signe Brandt', title: 'Projektleder', organization_name: 'Region Midtjylland' }],
		follow_ups: [{ item: 0, text: 'Inviter Niels til næste møde.', owner_text: 'Sekretariatet', due: '2020-09-11' }],
		...overrides
	};
}

async function importAs(pb: PocketBase, body: unknown) {
	return pb.send<{ meeting: string; items: string[] }>('/api/klynge/meetings/import', { method: 'POST', body });
}

async function refusal(promise: Promise<unknown>): Promise<ClientResponseError> {
	try {
		await promise;
	} catch (err) {
		if (err instanceof ClientResponseError) return err;
		throw err;
	}
	throw new Error('the import was saved');
}

async function meetingsTitled(title: string) {
	return cast.admin.collection('meetings').getFullList({ filter: cast.admin.filter('title = {:title}', { title }) });
}

async function counts() {
	const names = ['meetings', 'agenda_items', 'item_minutes', 'decisions', 'follow_ups', 'meeting_guests', 'attendance'];
	const totals = await Promise.all(
		names.map(async (n) => (await cast.admin.collection(n).getList(1, 1, { skipTotal: false })).totalItems)
	);
	return Object.fromEntries(names.map((n, i) => [n, totals[i]]));
}

describe('saving an import as a draft', () => {
	it('stores the meeting, its items with slots, minutes, decisions, follow-ups, guests and attendance', async () => {
		const body = proposal();
		const saved = await importAs(cast.people.secretariat.pb, body);
		const admin = cast.admin;
		const meeting = await admin.collection('meetings').getOne(saved.meeting);
		expect(meeting).toMatchObject({
			group: cast.groups.a.id,
			status: 'draft',
			title: body.title,
			starts: '2020-06-12 06:00:00.000Z',
			ends: '2020-06-12 08:40:00.000Z',
			location_room: 'Mødelokale 22',
			chair: cast.people.member.record.id,
			minute_takers: [cast.people.secretariat.record.id]
		});
		const items = await admin.collection('agenda_items').getFullList({
			filter: admin.filter('meeting = {:m}', { m: saved.meeting }),
			sort: 'position'
		});
		expect(items.map((i) => i.id)).toEqual(saved.items);
		expect(items.map((i) => [i.position, i.title, i.duration_minutes, i.starts, i.ends])).toEqual([
			[1, 'Velkomst', 10, '2020-06-12 06:00:00.000Z', '2020-06-12 06:10:00.000Z'],
			[2, 'Demensvenlig klynge', 15, '2020-06-12 06:10:00.000Z', '2020-06-12 06:25:00.000Z'],
			[3, 'Skriftlige orienteringer', 0, '', '']
		]);
		const [minutes, decisions, followUps, guests, attendance] = await Promise.all([
			admin
				.collection('item_minutes')
				.getFullList({ filter: admin.filter('item.meeting = {:m}', { m: saved.meeting }) }),
			admin.collection('decisions').getFullList({ filter: admin.filter('item.meeting = {:m}', { m: saved.meeting }) }),
			admin.collection('follow_ups').getFullList({ filter: admin.filter('meeting = {:m}', { m: saved.meeting }) }),
			admin.collection('meeting_guests').getFullList({ filter: admin.filter('meeting = {:m}', { m: saved.meeting }) }),
			admin.collection('attendance').getFullList({ filter: admin.filter('meeting = {:m}', { m: saved.meeting }) })
		]);
		expect(minutes.map((m) => [m.item, m.text])).toEqual([[saved.items[0], 'Dagsordenen blev godkendt.']]);
		expect(decisions.map((d) => [d.item, d.text])).toEqual([[saved.items[0], 'Dagsordenen godkendt']]);
		expect(followUps.map((f) => [f.item, f.text, f.owner_text, f.due.slice(0, 10), f.status])).toEqual([
			[saved.items[0], 'Inviter Niels til næste møde.', 'Sekretariatet', '2020-09-11', 'open']
		]);
		expect(guests.map((g) => [g.name, g.title, g.organization_name])).toEqual([
			['Signe Brandt', 'Projektleder', 'Region Midtjylland']
		]);
		expect(attendance.map((a) => [a.user, a.status, a.note])).toEqual([
			[cast.people.member.record.id, 'attending', 'indtil kl. 9.45']
		]);
	});

	it('writes one audit entry for the import, with who did it and a Danish summary', async () => {
		const saved = await importAs(cast.people.secretariat.pb, proposal());
		const entries = await cast.admin.collection('audit_log').getFullList({
			filter: cast.admin.filter('meeting = {:m} && collection = "meetings"', { m: saved.meeting })
		});
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			action: 'create',
			record: saved.meeting,
			group: cast.groups.a.id,
			actor: cast.people.secretariat.record.id
		});
		expect(entries[0].summary).toMatch(/importeret som kladde: 3 punkter, 1 beslutning, 1 opfølgningspunkter/);
	});

	it('keeps the draft from the group’s members and from another group’s secretariat', async () => {
		const saved = await importAs(cast.people.secretariat.pb, proposal());
		for (const who of ['member', 'otherSecretariat', 'outsider'] as Who[]) {
			const err = await refusal(cast.as(who).collection('meetings').getOne(saved.meeting));
			expect(err.status, who).toBe(404);
			const items = await cast
				.as(who)
				.collection('agenda_items')
				.getList(1, 50, {
					filter: cast.admin.filter('meeting = {:m}', { m: saved.meeting })
				});
			expect(items.totalItems, who).toBe(0);
		}
		expect((await cast.people.secretariat.pb.collection('meetings').getOne(saved.meeting)).status).toBe('draft');
	});
});

describe('who may import', () => {
	it.each(people('member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'refuses %s, beside the group field, and stores nothing',
		async (_label, who) => {
			const before = await counts();
			const body = proposal();
			const err = await refusal(importAs(cast.as(who), body));
			expect(err.status).toBe(400);
			expect(err.response.data.group.message).toBe('Vælg en gruppe, du er sekretariat for.');
			expect(await meetingsTitled(body.title)).toHaveLength(0);
			expect(await counts()).toEqual(before);
		}
	);

	it('refuses the group’s chair and co-chair, who may read shared drafts but not make meetings', async () => {
		for (const role of ['chair', 'co_chair'] as const) {
			const chair = await createUser(cast.admin, { organization: cast.organizations.a.id });
			await createMembership(cast.admin, { user: chair.record.id, group: cast.groups.a.id, role });
			const before = await counts();
			const err = await refusal(importAs(chair.pb, proposal()));
			expect(err.response.data.group.message, role).toBe('Vælg en gruppe, du er sekretariat for.');
			expect(await counts()).toEqual(before);
		}
	});

	it('refuses an anonymous visitor', async () => {
		const err = await refusal(importAs(cast.anon, proposal()));
		expect(err.status).toBe(401);
	});

	it('refuses a forged group: one the secretariat does not run, or no group at all', async () => {
		for (const group of [cast.groups.b.id, 'aaaaaaaaaaaaaaa', '', { id: cast.groups.a.id }]) {
			const body = proposal({ group });
			const err = await refusal(importAs(cast.people.secretariat.pb, body));
			expect(err.status).toBe(400);
			expect(err.response.data.group.message).toBe('Vælg en gruppe, du er sekretariat for.');
			expect(await meetingsTitled(body.title)).toHaveLength(0);
		}
	});
});

describe('whole or nothing', () => {
	it('stores nothing when one item is invalid, and names that item’s field', async () => {
		const before = await counts();
		const body = proposal();
		body.items[1].duration_minutes = 0;
		body.items[2].title = '  ';
		const err = await refusal(importAs(cast.people.secretariat.pb, body));
		expect(err.status).toBe(400);
		expect(err.response.data['items.1.duration_minutes'].message).toBe(
			'Varigheden skal være mellem 1 og 480 minutter.'
		);
		expect(err.response.data['items.2.title'].message).toBe('Skriv punktets titel.');
		expect(await meetingsTitled(body.title)).toHaveLength(0);
		expect(await counts()).toEqual(before);
	});

	it('refuses a date that is not in the calendar, beside its field', async () => {
		const before = await counts();
		const body = proposal({
			minutes_date: '2020-02-30',
			follow_ups: [{ item: 0, text: 'Noget', owner_text: '', due: '2020-19-45' }]
		});
		const err = await refusal(importAs(cast.people.secretariat.pb, body));
		expect(err.response.data.minutes_date.message).toBe('Skriv datoen som 12.06.2020.');
		expect(err.response.data['follow_ups.0.due'].message).toBe('Skriv fristen som 11.09.2020.');
		expect(await counts()).toEqual(before);
	});

	it('refuses an item that ends after the meeting, beside its duration', async () => {
		const body = proposal();
		body.items[1].duration_minutes = 200;
		const err = await refusal(importAs(cast.people.secretariat.pb, body));
		expect(err.response.data['items.1.duration_minutes'].message).toMatch(/slutter efter mødets afslutning/);
		expect(await meetingsTitled(body.title)).toHaveLength(0);
	});

	it('refuses attendance for someone outside the group, and a chair who is not a member', async () => {
		const before = await counts();
		const body = proposal({
			chair: cast.people.outsider.record.id,
			attendance: [{ user: cast.people.outsider.record.id, status: 'absent', note: '' }]
		});
		const err = await refusal(importAs(cast.people.secretariat.pb, body));
		expect(err.response.data['attendance.0.user'].message).toBe('Personen er ikke medlem af gruppen.');
		expect(err.response.data.chair.message).toBe('Mødelederen skal være medlem af gruppen.');
		expect(await counts()).toEqual(before);
	});

	it('refuses a meeting that ends before it starts, and a follow-up on an item that does not exist', async () => {
		const body = proposal({
			ends: '2020-06-12T05:00:00.000Z',
			follow_ups: [{ item: 7, text: 'Noget', owner_text: '', due: '' }]
		});
		const err = await refusal(importAs(cast.people.secretariat.pb, body));
		expect(err.response.data.ends.message).toBe('Mødet skal slutte, efter det begynder.');
		expect(err.response.data['follow_ups.0.item'].message).toBe('Vælg et af mødets punkter.');
		expect(await meetingsTitled(body.title)).toHaveLength(0);
	});
});
