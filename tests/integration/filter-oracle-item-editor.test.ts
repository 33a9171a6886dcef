// The filter side channel (notes/pocketbase-0.40.md §11) for the attachment titles the item editor
// writes (`agenda_items.attachment_titles`): a member, a guest, a member of another group and a chair
// without shared drafts filter and sort on them with every operator, and from other collections
// through every path to them. No answer may depend on the titles of an item they may not read (a
// draft's, another group's): a guess of the hidden title's first letters is answered exactly like a
// wrong guess, and a path from another collection is refused by the filter guard.
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgendaItem, createCast, createMembership, createUser, type Cast } from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { FILTER_PATH_REFUSED, viewable } from '../support/rules';

const OPERATORS = ['=', '!=', '>', '>=', '<', '<=', '~', '!~', '?=', '?!=', '?>', '?>=', '?<', '?<=', '?~', '?!~'];
const SECRET = 'hemmelig';
/** The other group's title: hidden from group A's people, readable by that group's own member. */
const OTHER = 'fortrolig';
const WRONG = 'zqxjkvwy';
/** Paths from the collections around an item to its titles. */
const PATHS: [collection: string, path: string][] = [
	['meetings', 'agenda_items_via_meeting.attachment_titles'],
	['groups', 'meetings_via_group.agenda_items_via_meeting.attachment_titles'],
	['item_minutes', 'item.attachment_titles'],
	['decisions', 'item.attachment_titles'],
	['follow_ups', 'item.attachment_titles'],
	['nomination_calls', 'item.attachment_titles']
];

let server: TestPocketBase;
let cast: Cast;
let chair: PocketBase;
/** The items and the word their attachment's title starts with. */
const items: { id: string; word: string }[] = [];
let visible = '';

const pdf = { name: 'bilag.pdf', content: '%PDF-1.4', type: 'application/pdf' };

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	const person = await createUser(cast.admin, { organization: cast.organizations.a.id });
	await createMembership(cast.admin, { user: person.record.id, group: cast.groups.a.id, role: 'chair' });
	chair = person.pb;
	const titled = async (meeting: string, title: string) => {
		const item = await createAgendaItem(cast.admin, { meeting, attachment: pdf });
		await cast.admin
			.collection('agenda_items')
			.update(item.id, { attachment_titles: { [item.attachments[0]]: title } });
		return item.id;
	};
	visible = await titled(cast.meetings.published.id, 'Strategi for klyngen');
	items.push({ id: visible, word: 'Strategi' });
	items.push({ id: await titled(cast.meetings.draft.id, `${SECRET} udkast`), word: SECRET });
	items.push({ id: await titled(cast.meetings.ofOtherGroup.id, `${OTHER} bilag`), word: OTHER });
}, 60_000);

afterAll(async () => {
	await server?.stop();
});

/** A raw list request, so that PocketBase's answer is seen exactly as sent. */
async function list(pb: PocketBase, collection: string, query: Record<string, string>) {
	const res = await fetch(`${server.url}/api/collections/${collection}/records?${new URLSearchParams(query)}`, {
		headers: { authorization: pb.authStore.token }
	});
	const body = (await res.json()) as { items?: { id: string }[]; totalItems?: number; message?: string };
	return { status: res.status, ids: (body.items ?? []).map((i) => i.id).sort(), message: body.message ?? '' };
}

/** The items `pb` may not read. */
async function hiddenFrom(pb: PocketBase) {
	const readable = await viewable(
		pb,
		'agenda_items',
		items.map((i) => i.id)
	);
	return items.filter((i) => !readable.includes(i.id));
}

const viewers = (): [string, PocketBase][] => [
	['a member', cast.as('member')],
	['a guest of one meeting', cast.as('guest')],
	['a member of another group', cast.as('outsider')],
	['a chair without shared drafts', chair]
];

describe('filter oracle: attachment titles', () => {
	it('answers a guess of a hidden title exactly like a wrong guess, for every operator and viewer', async () => {
		for (const [label, pb] of viewers()) {
			const hidden = await hiddenFrom(pb);
			expect(hidden.length, `${label} has titles hidden from them`).toBeGreaterThan(0);
			for (const { id, word } of hidden) {
				for (const op of OPERATORS) {
					const guess = (w: string) =>
						list(pb, 'agenda_items', { filter: `attachment_titles ${op} "%${w}%"`, perPage: '200' });
					const [secret, wrong] = await Promise.all([guess(word), guess(WRONG)]);
					expect(secret, `${label}, ${op} ${word}`).toEqual(wrong);
					expect(secret.ids, `${label}, ${op}`).not.toContain(id);
				}
			}
		}
		// Every viewer × title × operator is two requests: minutes on a busy two-core machine.
	}, 120_000);

	it('never lists a hidden item when sorting on the titles', async () => {
		for (const [label, pb] of viewers()) {
			const hidden = (await hiddenFrom(pb)).map((i) => i.id);
			for (const sort of ['attachment_titles', '-attachment_titles']) {
				const res = await list(pb, 'agenda_items', { sort, perPage: '200' });
				expect(res.status, label).toBe(200);
				expect(
					res.ids.filter((id) => hidden.includes(id)),
					label
				).toEqual([]);
			}
		}
	});

	it('shows a member the titles of an item they may read', async () => {
		const res = await list(cast.as('member'), 'agenda_items', { filter: 'attachment_titles ~ "Strategi"' });
		expect(res.ids).toEqual([visible]);
	});

	it.each(PATHS)('refuses a filter and a sort from %s through %s', async (collection, path) => {
		for (const [label, pb] of viewers()) {
			const filtered = await list(pb, collection, { filter: `${path} ~ "${SECRET}%"` });
			expect(filtered, `${label}: filter`).toMatchObject({ status: 400, message: FILTER_PATH_REFUSED, ids: [] });
			const sorted = await list(pb, collection, { sort: path });
			expect(sorted, `${label}: sort`).toMatchObject({ status: 400, message: FILTER_PATH_REFUSED, ids: [] });
		}
	});
});
