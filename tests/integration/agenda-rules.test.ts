// API rules of agenda_items: an item is as visible as its meeting (drafts to the secretariat only,
// a guest's to that one meeting), and only the group's secretariat writes items, never into or
// out of another group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createAgendaItem,
	createCast,
	ids,
	people,
	type AgendaItem,
	type Cast,
	type Meeting,
	type Who
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { expandedIds, filterRefused } from '../support/rules';

let server: TestPocketBase;
let cast: Cast;
/** One agenda item per meeting of the cast. */
let items: Record<keyof Cast['meetings'], AgendaItem>;

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	const m = cast.meetings;
	const [published, other, draft, minutes, ofOtherGroup] = await Promise.all(
		[m.published, m.other, m.draft, m.minutes, m.ofOtherGroup].map((meeting) =>
			createAgendaItem(cast.admin, { meeting: meeting.id, title: 'Godkendelse af dagsorden' })
		)
	);
	items = { published, other, draft, minutes, ofOtherGroup };
});

afterAll(async () => {
	await server?.stop();
});

/** The agenda items `who` can list, limited to group A's meetings (a filter on the items' own field). */
async function itemsOfGroupA(who: Who): Promise<string[]> {
	const pb = cast.as(who);
	const { published, other, draft, minutes } = cast.meetings;
	const list = await pb.collection('agenda_items').getFullList<AgendaItem>({
		filter: pb.filter('meeting = {:a} || meeting = {:b} || meeting = {:c} || meeting = {:d}', {
			a: published.id,
			b: other.id,
			c: draft.id,
			d: minutes.id
		})
	});
	return ids(list);
}

describe('agenda items: reading', () => {
	it('shows a member the items of every published meeting of the group', async () => {
		expect(await itemsOfGroupA('member')).toEqual(ids([items.published, items.other, items.minutes]));
		await expect(cast.as('member').collection('agenda_items').getOne(items.published.id)).resolves.toMatchObject({
			title: 'Godkendelse af dagsorden'
		});
	});

	it('hides the items of a draft meeting from a member', async () => {
		await expect(cast.as('member').collection('agenda_items').getOne(items.draft.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('shows the secretariat the items of a draft meeting', async () => {
		expect(await itemsOfGroupA('secretariat')).toEqual(ids([items.published, items.other, items.draft, items.minutes]));
		await expect(cast.as('secretariat').collection('agenda_items').getOne(items.draft.id)).resolves.toMatchObject({
			id: items.draft.id
		});
	});

	it('shows a guest the items of their own meeting and no other', async () => {
		const pb = cast.as('guest');
		expect(ids(await pb.collection('agenda_items').getFullList<AgendaItem>())).toEqual([items.published.id]);
		for (const hidden of [items.other, items.draft, items.minutes]) {
			await expect(pb.collection('agenda_items').getOne(hidden.id)).rejects.toMatchObject({ status: 404 });
		}
	});

	it.each(people('anon', 'former', 'outsider', 'otherSecretariat'))(
		'hides every agenda item of the group from %s',
		async (_label, who) => {
			expect(await itemsOfGroupA(who)).toEqual([]);
			for (const item of [items.published, items.minutes, items.draft]) {
				await expect(cast.as(who).collection('agenda_items').getOne(item.id)).rejects.toMatchObject({ status: 404 });
			}
		}
	);

	it('hides the items of another group’s meeting from a member', async () => {
		const pb = cast.as('member');
		expect(ids(await pb.collection('agenda_items').getFullList<AgendaItem>())).not.toContain(items.ofOtherGroup.id);
		await expect(pb.collection('agenda_items').getOne(items.ofOtherGroup.id)).rejects.toMatchObject({ status: 404 });
	});

	it('lists for a member of another group only the items of their own group’s meetings', async () => {
		const list = await cast
			.as('outsider')
			.collection('agenda_items')
			.getFullList<AgendaItem<{ meeting?: Meeting }>>({ expand: 'meeting' });
		expect(ids(list)).toEqual([items.ofOtherGroup.id]);
		expect(list[0].expand?.meeting).toMatchObject({ id: cast.meetings.ofOtherGroup.id });
	});

	it.each<[string, { filter?: string; sort?: string }]>([
		['a filter through the meeting to its group', { filter: 'meeting.group != ""' }],
		['a filter through the meeting to its status', { filter: 'meeting.status = "draft"' }],
		['a sort on the meeting’s start', { sort: 'meeting.starts' }]
	])('refuses %s on agenda items', async (_label, options) => {
		await filterRefused(cast.as('member'), 'agenda_items', options);
	});

	it('expands the items of a meeting from the meeting for whoever may read it, as the meeting page does', async () => {
		const expand = (who: Who, meeting: string) =>
			expandedIds(cast.as(who), 'meetings', meeting, 'agenda_items_via_meeting');
		expect(await expand('member', cast.meetings.published.id)).toEqual([items.published.id]);
		expect(await expand('guest', cast.meetings.published.id)).toEqual([items.published.id]);
		expect(await expand('secretariat', cast.meetings.draft.id)).toEqual([items.draft.id]);
	});
});

describe('agenda items: writing', () => {
	it('lets the secretariat add an item to a meeting of its group, drafts included', async () => {
		const created = await cast.as('secretariat').collection('agenda_items').create<AgendaItem>({
			meeting: cast.meetings.draft.id,
			position: 50,
			title: 'Orientering fra sekretariatet',
			kind: 'orientation'
		});
		expect(created).toMatchObject({ meeting: cast.meetings.draft.id, position: 50 });
	});

	it('refuses to let the secretariat add an item to a meeting of another group', async () => {
		await expect(
			cast
				.as('secretariat')
				.collection('agenda_items')
				.create({ meeting: cast.meetings.ofOtherGroup.id, position: 51, title: 'Indsmuglet punkt' })
		).rejects.toMatchObject({ status: 400 });
		const inB = await cast.admin
			.collection('agenda_items')
			.getFullList({ filter: cast.admin.filter('meeting = {:m}', { m: cast.meetings.ofOtherGroup.id }) });
		expect(ids(inB)).toEqual([items.ofOtherGroup.id]);
	});

	it.each(people('anon', 'member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'refuses to let %s add an item to a meeting of the group',
		async (_label, who) => {
			await expect(
				cast
					.as(who)
					.collection('agenda_items')
					.create({ meeting: cast.meetings.published.id, position: 60, title: 'Eget punkt' })
			).rejects.toMatchObject({ status: 400 });
		}
	);

	it('lets the secretariat edit and reorder an item', async () => {
		const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.published.id });
		const updated = await cast
			.as('secretariat')
			.collection('agenda_items')
			.update<AgendaItem>(item.id, { title: 'Nyt punkt', position: 70, recommendation: 'Det indstilles, at …' });
		expect(updated).toMatchObject({ title: 'Nyt punkt', position: 70 });
	});

	it.each<[string, () => string]>([
		['a meeting of another group', () => cast.meetings.ofOtherGroup.id],
		['another meeting of its own group', () => cast.meetings.other.id]
	])('refuses to let the secretariat move an item to %s', async (_where, target) => {
		const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.published.id });
		await expect(
			cast.as('secretariat').collection('agenda_items').update(item.id, { meeting: target() })
		).rejects.toMatchObject({ status: 404 });
		const stored = await cast.admin.collection('agenda_items').getOne<AgendaItem>(item.id);
		expect(stored.meeting).toBe(cast.meetings.published.id);
	});

	it('refuses to let another group’s secretariat pull an item into its own meeting', async () => {
		const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.published.id });
		await expect(
			cast.as('otherSecretariat').collection('agenda_items').update(item.id, { meeting: cast.meetings.ofOtherGroup.id })
		).rejects.toMatchObject({ status: 404 });
		const stored = await cast.admin.collection('agenda_items').getOne<AgendaItem>(item.id);
		expect(stored.meeting).toBe(cast.meetings.published.id);
	});

	it.each(people('anon', 'member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'refuses to let %s change an item of the group',
		async (_label, who) => {
			const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.published.id });
			await expect(cast.as(who).collection('agenda_items').update(item.id, { title: 'Ændret' })).rejects.toMatchObject({
				status: 404
			});
			const stored = await cast.admin.collection('agenda_items').getOne<AgendaItem>(item.id);
			expect(stored.title).toBe(item.title);
		}
	);

	it('lets the secretariat delete an item', async () => {
		const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.draft.id });
		await expect(cast.as('secretariat').collection('agenda_items').delete(item.id)).resolves.toBe(true);
		await expect(cast.admin.collection('agenda_items').getOne(item.id)).rejects.toMatchObject({ status: 404 });
	});

	it('refuses to let the secretariat delete an item of another group', async () => {
		await expect(cast.as('secretariat').collection('agenda_items').delete(items.ofOtherGroup.id)).rejects.toMatchObject(
			{ status: 404 }
		);
		await expect(cast.admin.collection('agenda_items').getOne(items.ofOtherGroup.id)).resolves.toMatchObject({
			id: items.ofOtherGroup.id
		});
	});

	it.each(people('anon', 'member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'refuses to let %s delete an item of the group',
		async (_label, who) => {
			const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.published.id });
			await expect(cast.as(who).collection('agenda_items').delete(item.id)).rejects.toMatchObject({ status: 404 });
			await expect(cast.admin.collection('agenda_items').getOne(item.id)).resolves.toMatchObject({ id: item.id });
		}
	);
});
