// The minutes (referat) of a meeting: each agenda item's Referat (item_minutes), its decisions and
// the meeting's follow-ups stay with the secretariat until the meeting's status is
// "minutes_published"; then the group's members (and a guest of that meeting) read them.
import type PocketBase from 'pocketbase';
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
	type Person
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { expandedIds, filterRefused, listRefused, viewable } from '../support/rules';

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

	it.each<[string, string, string]>([
		['an agenda item', 'agenda_items', 'item_minutes_via_item.text ~ "efterretning"'],
		['a meeting', 'meetings', 'agenda_items_via_meeting.item_minutes_via_item.text ~ "efterretning"'],
		['a meeting, with a match-all operator', 'meetings', 'agenda_items_via_meeting.item_minutes_via_item.text !~ "e%"']
	])('cannot be searched through a back-relation from %s, published or not', async (_label, collection, filter) => {
		for (const who of ['member', 'secretariat'] as const) {
			await filterRefused(cast.as(who), collection, { filter });
		}
	});

	it('cannot be searched or listed directly, not even by the secretariat', async () => {
		for (const who of ['member', 'secretariat', 'guest', 'anon'] as const) {
			await listRefused(cast.as(who), 'item_minutes');
		}
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
	/** Where the app reads the record at `where`: the collection, record id and back-relation to expand. */
	expandFrom: (where: Where) => [collection: string, id: string, relation: string];
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
			expandFrom: (where) => ['agenda_items', items[where].id, 'item_minutes_via_item'],
			create: async (where) => createItemMinutes(cast.admin, { item: (await freshItem(where)).id })
		}
	],
	[
		'decisions',
		{
			records: () => decisions,
			body: (where) => ({ item: items[where].id, text: 'Styregruppen godkendte indstillingen.' }),
			moveToOtherGroup: () => ({ item: items.ofOtherGroup.id }),
			expandFrom: (where) => ['agenda_items', items[where].id, 'decisions_via_item'],
			create: (where) => createDecision(cast.admin, { item: items[where].id })
		}
	],
	[
		'follow_ups',
		{
			records: () => followUps,
			body: (where) => ({ meeting: cast.meetings[where].id, text: 'Sekretariatet følger op.', status: 'open' }),
			moveToOtherGroup: () => ({ meeting: cast.meetings.ofOtherGroup.id }),
			expandFrom: (where) => ['meetings', cast.meetings[where].id, 'follow_ups_via_meeting'],
			create: (where) => createFollowUp(cast.admin, { meeting: cast.meetings[where].id })
		}
	]
];

describe.each(collections)('%s', (name, spec) => {
	/** The records of the cast's five meetings that `pb` may view by id. */
	const viewed = (pb: PocketBase) =>
		viewable(
			pb,
			name,
			WHERE.map((where) => spec.records()[where].id)
		);
	/** The records `pb` reads as an expand from the meeting (or agenda item) at `where`. */
	const expanded = (pb: PocketBase, where: Where) => expandedIds(pb, ...spec.expandFrom(where));

	it('are hidden from a member until the minutes are published, and never listed', async () => {
		const records = spec.records();
		const pb = cast.as('member');
		expect(await viewed(pb)).toEqual([records.minutes.id]);
		expect(await expanded(pb, 'published')).toEqual([]);
		expect(await expanded(pb, 'other')).toEqual([]);
		await listRefused(pb, name);
	});

	it('are shown to a member once the minutes are published, also as an expand', async () => {
		const record = spec.records().minutes;
		const pb = cast.as('member');
		await expect(pb.collection(name).getOne(record.id)).resolves.toMatchObject({ text: record.text });
		expect(await expanded(pb, 'minutes')).toContain(record.id);
	});

	it('are shown to the secretariat before the minutes are published, drafts included', async () => {
		const records = spec.records();
		const pb = cast.as('secretariat');
		expect(await viewed(pb)).toEqual(ids([records.published, records.other, records.draft, records.minutes]));
		expect(await expanded(pb, 'draft')).toContain(records.draft.id);
		await listRefused(pb, name);
	});

	it('are shown to a guest only for their own meeting, once its minutes are published', async () => {
		const records = spec.records();
		expect(await viewed(cast.as('guest'))).toEqual([]);
		expect(await expanded(cast.as('guest'), 'published')).toEqual([]);
		expect(await viewed(minutesGuest.pb)).toEqual([records.minutes.id]);
		expect(await expanded(minutesGuest.pb, 'minutes')).toContain(records.minutes.id);
	});

	it.each(people('anon', 'former', 'outsider', 'otherSecretariat'))(
		'are hidden from %s even after the minutes are published',
		async (_label, who) => {
			const pb = cast.as(who);
			const records = spec.records();
			const ownGroup = who === 'outsider' || who === 'otherSecretariat' ? [records.ofOtherGroup.id] : [];
			expect(await viewed(pb)).toEqual(ownGroup);
			await listRefused(pb, name);
		}
	);

	it('of another group are hidden from a member even after that group published its minutes', async () => {
		const pb = cast.as('member');
		await expect(pb.collection(name).getOne(spec.records().ofOtherGroup.id)).rejects.toMatchObject({ status: 404 });
		await expect(expanded(pb, 'ofOtherGroup')).rejects.toMatchObject({ status: 404 });
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
