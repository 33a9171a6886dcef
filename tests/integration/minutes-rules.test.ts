// The minutes (referat) of a meeting: each agenda item's Referat (item_minutes), its decisions and
// the meeting's follow-ups stay with the secretariat until the meeting's status is
// "minutes_published"; then the group's members (and a guest of that meeting) read them.
import type { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createAgendaItem,
	createCast,
	createDecision,
	createFollowUp,
	createItemMinutes,
	createMeeting,
	createMembership,
	createUser,
	ids,
	people,
	type AgendaItem,
	type Cast,
	type Decision,
	type FollowUp,
	type ItemMinutes,
	type Person,
	type Who
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

type Where = keyof Cast['meetings'];
const WHERE: Where[] = ['published', 'other', 'draft', 'minutes', 'ofOtherGroup'];

let server: TestPocketBase;
let cast: Cast;
/** A guest invited to the meeting whose minutes are published (the cast's guest is invited to one whose are not). */
let minutesGuest: Person;
/** One agenda item, decision and follow-up per meeting of the cast. */
let items: Record<Where, AgendaItem>;
let itemMinutes: Record<Where, ItemMinutes>;
let decisions: Record<Where, Decision>;
let followUps: Record<Where, FollowUp>;

const minutesText = (where: Where) => `Referat (${where}): styregruppen tog orienteringen til efterretning.`;

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	minutesGuest = await createUser(cast.admin, { organization: cast.organizations.b.id });
	await createMembership(cast.admin, {
		user: minutesGuest.record.id,
		group: cast.groups.a.id,
		role: 'guest',
		meeting: cast.meetings.minutes.id
	});
	const made = await Promise.all(
		WHERE.map(async (where) => {
			const meeting = cast.meetings[where].id;
			const item = await createAgendaItem(cast.admin, { meeting });
			const [minutes, decision, followUp] = await Promise.all([
				createItemMinutes(cast.admin, { item: item.id, text: minutesText(where) }),
				createDecision(cast.admin, { item: item.id }),
				createFollowUp(cast.admin, { meeting, item: item.id })
			]);
			return { item, minutes, decision, followUp };
		})
	);
	const pick = <K extends keyof (typeof made)[number]>(key: K) =>
		Object.fromEntries(WHERE.map((where, i) => [where, made[i][key]])) as Record<Where, (typeof made)[number][K]>;
	items = pick('item');
	itemMinutes = pick('minutes');
	decisions = pick('decision');
	followUps = pick('followUp');
});

afterAll(async () => {
	await server?.stop();
});

describe('the Referat of an agenda item', () => {
	it('is not a field of the agenda item, so no filter on agenda items can reach it', async () => {
		const pb = cast.as('member');
		const item = await pb.collection('agenda_items').getOne<AgendaItem>(items.published.id);
		expect(item.title).toBe(items.published.title);
		expect(item).not.toHaveProperty('minutes');
		await expect(
			pb.collection('agenda_items').getList(1, 1, { filter: pb.filter('minutes ~ {:w}', { w: 'efterretning' }) })
		).rejects.toMatchObject({ status: 400 });
	});

	it('cannot be searched by a member through a back-relation before it is published', async () => {
		const pb = cast.as('member');
		const search = async (collection: string, filter: string, id: string) =>
			pb
				.collection(collection)
				.getList(1, 50, { filter: pb.filter(`id = {:id} && ${filter} ~ {:word}`, { id, word: 'efterretning' }) })
				.then(
					(list) => ids(list.items),
					(err: ClientResponseError) => {
						// Refusing the filter would do as well as matching nothing.
						expect(err.status).toBe(400);
						return [];
					}
				);
		expect(await search('agenda_items', 'item_minutes_via_item.text', items.published.id)).toEqual([]);
		expect(
			await search('meetings', 'agenda_items_via_meeting.item_minutes_via_item.text', cast.meetings.published.id)
		).toEqual([]);
		// Once published, the same search finds the item: the searches above could have matched.
		expect(await search('agenda_items', 'item_minutes_via_item.text', items.minutes.id)).toEqual([items.minutes.id]);
	});

	it('appears for members as soon as the secretariat publishes the minutes', async () => {
		const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id, status: 'held' });
		const item = await createAgendaItem(cast.admin, { meeting: meeting.id });
		const minutes = await createItemMinutes(cast.admin, { item: item.id, text: 'Punktet blev godkendt.' });
		const member = cast.as('member').collection('item_minutes');
		try {
			await expect(member.getOne(minutes.id)).rejects.toMatchObject({ status: 404 });
			await cast.as('secretariat').collection('meetings').update(meeting.id, { status: 'minutes_published' });
			await expect(member.getOne(minutes.id)).resolves.toMatchObject({ text: 'Punktet blev godkendt.' });
		} finally {
			// Other tests count group A's minutes.
			await cast.admin.collection('meetings').delete(meeting.id);
		}
	});

	it('is one record per agenda item', async () => {
		await expect(
			cast.as('secretariat').collection('item_minutes').create({ item: items.published.id, text: 'Endnu et referat' })
		).rejects.toMatchObject({ status: 400 });
	});
});

/** How to read and write the records of one minutes collection in the tests below. */
interface MinutesCollection {
	records: () => Record<Where, ItemMinutes | Decision | FollowUp>;
	/** A valid new record attached to the meeting (or its item) at `where`. */
	body: (where: Where) => Record<string, unknown> | Promise<Record<string, unknown>>;
	/** The change that would move a record of group A to group B. */
	moveToOtherGroup: () => Record<string, unknown>;
	/** A filter for the records of group A. */
	groupFilter: string;
	create: (meeting: Where) => Promise<ItemMinutes | Decision | FollowUp>;
}

/** A new agenda item without a Referat yet, in the meeting at `where`. */
const freshItem = (where: Where) => createAgendaItem(cast.admin, { meeting: cast.meetings[where].id });

const collections: [string, MinutesCollection][] = [
	[
		'item_minutes',
		{
			records: () => itemMinutes,
			body: async (where) => ({ item: (await freshItem(where)).id, text: 'Indstillingen blev godkendt.' }),
			moveToOtherGroup: () => ({ item: items.ofOtherGroup.id }),
			groupFilter: 'item.meeting.group = {:group}',
			create: async (where) => createItemMinutes(cast.admin, { item: (await freshItem(where)).id })
		}
	],
	[
		'decisions',
		{
			records: () => decisions,
			body: (where) => ({ item: items[where].id, text: 'Styregruppen godkendte indstillingen.' }),
			moveToOtherGroup: () => ({ item: items.ofOtherGroup.id }),
			groupFilter: 'item.meeting.group = {:group}',
			create: (where) => createDecision(cast.admin, { item: items[where].id })
		}
	],
	[
		'follow_ups',
		{
			records: () => followUps,
			body: (where) => ({ meeting: cast.meetings[where].id, text: 'Sekretariatet følger op.', status: 'open' }),
			moveToOtherGroup: () => ({ meeting: cast.meetings.ofOtherGroup.id }),
			groupFilter: 'meeting.group = {:group}',
			create: (where) => createFollowUp(cast.admin, { meeting: cast.meetings[where].id })
		}
	]
];

describe.each(collections)('%s', (name, spec) => {
	async function listedForGroupA(who: Who): Promise<string[]> {
		const pb = cast.as(who);
		const list = await pb
			.collection(name)
			.getFullList({ filter: pb.filter(spec.groupFilter, { group: cast.groups.a.id }) });
		return ids(list);
	}

	it('are hidden from a member until the minutes are published', async () => {
		const records = spec.records();
		expect(await listedForGroupA('member')).toEqual([records.minutes.id]);
		for (const where of ['published', 'other', 'draft'] as const) {
			await expect(cast.as('member').collection(name).getOne(records[where].id)).rejects.toMatchObject({ status: 404 });
		}
	});

	it('are shown to a member once the minutes are published', async () => {
		const record = spec.records().minutes;
		await expect(cast.as('member').collection(name).getOne(record.id)).resolves.toMatchObject({ text: record.text });
	});

	it('are shown to the secretariat before the minutes are published, drafts included', async () => {
		const records = spec.records();
		expect(await listedForGroupA('secretariat')).toEqual(
			ids([records.published, records.other, records.draft, records.minutes])
		);
	});

	it('are shown to a guest only for their own meeting, once its minutes are published', async () => {
		const records = spec.records();
		expect(await listedForGroupA('guest')).toEqual([]);
		const list = await minutesGuest.pb.collection(name).getFullList();
		expect(ids(list)).toEqual([records.minutes.id]);
		await expect(minutesGuest.pb.collection(name).getOne(records.other.id)).rejects.toMatchObject({ status: 404 });
	});

	it.each(people('anon', 'former', 'outsider', 'otherSecretariat'))(
		'are hidden from %s even after the minutes are published',
		async (_label, who) => {
			expect(await listedForGroupA(who)).toEqual([]);
			await expect(cast.as(who).collection(name).getOne(spec.records().minutes.id)).rejects.toMatchObject({
				status: 404
			});
		}
	);

	it('of another group are hidden from a member even after that group published its minutes', async () => {
		const pb = cast.as('member');
		expect(ids(await pb.collection(name).getFullList())).not.toContain(spec.records().ofOtherGroup.id);
		await expect(pb.collection(name).getOne(spec.records().ofOtherGroup.id)).rejects.toMatchObject({ status: 404 });
	});

	it('can be created, changed and deleted by the secretariat before the minutes are published', async () => {
		const records = cast.as('secretariat').collection(name);
		const created = await records.create(await spec.body('published'));
		await expect(records.update(created.id, { text: 'Rettet tekst.' })).resolves.toMatchObject({
			text: 'Rettet tekst.'
		});
		await expect(records.delete(created.id)).resolves.toBe(true);
		await expect(cast.admin.collection(name).getOne(created.id)).rejects.toMatchObject({ status: 404 });
	});

	it('cannot be created by the secretariat for a meeting of another group', async () => {
		await expect(
			cast
				.as('secretariat')
				.collection(name)
				.create(await spec.body('ofOtherGroup'))
		).rejects.toMatchObject({
			status: 400
		});
	});

	it('cannot be moved by the secretariat to another group', async () => {
		const record = await spec.create('published');
		await expect(
			cast.as('secretariat').collection(name).update(record.id, spec.moveToOtherGroup())
		).rejects.toMatchObject({ status: 404 });
		await expect(cast.admin.collection(name).getOne(record.id)).resolves.toMatchObject({ text: record.text });
		await expect(cast.as('outsider').collection(name).getOne(record.id)).rejects.toMatchObject({ status: 404 });
	});

	it.each(people('anon', 'member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'cannot be created, changed or deleted by %s',
		async (_label, who) => {
			const records = cast.as(who).collection(name);
			const target = await spec.create('minutes');
			await expect(records.create(await spec.body('minutes'))).rejects.toMatchObject({ status: 400 });
			await expect(records.update(target.id, { text: 'Ændret' })).rejects.toMatchObject({ status: 404 });
			await expect(records.delete(target.id)).rejects.toMatchObject({ status: 404 });
			await expect(cast.admin.collection(name).getOne(target.id)).resolves.toMatchObject({ text: target.text });
		}
	);
});

describe('follow-ups and agenda items of another group', () => {
	it('does not expand an agenda item of another group from a follow-up', async () => {
		const crossed = await createFollowUp(cast.admin, {
			meeting: cast.meetings.minutes.id,
			item: items.ofOtherGroup.id
		});
		const seen = await cast
			.as('member')
			.collection('follow_ups')
			.getOne<FollowUp<{ item?: AgendaItem }>>(crossed.id, { expand: 'item' });
		expect(seen.item).toBe(items.ofOtherGroup.id);
		expect(seen.expand?.item).toBeUndefined();
	});

	it('refuses to let the secretariat tie a new follow-up to an agenda item of another group', async () => {
		await expect(
			cast.as('secretariat').collection('follow_ups').create({
				meeting: cast.meetings.published.id,
				item: items.ofOtherGroup.id,
				text: 'Opfølgning på et andet udvalgs punkt',
				status: 'open'
			})
		).rejects.toMatchObject({ status: 400 });
	});

	it('refuses to let the secretariat point a follow-up at an agenda item of another group', async () => {
		const followUp = await createFollowUp(cast.admin, {
			meeting: cast.meetings.published.id,
			item: items.published.id
		});
		await expect(
			cast.as('secretariat').collection('follow_ups').update(followUp.id, { item: items.ofOtherGroup.id })
		).rejects.toMatchObject({ status: 404 });
	});
});
