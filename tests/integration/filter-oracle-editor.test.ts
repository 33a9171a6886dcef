// The filter side channel (notes/pocketbase-0.40.md §11) for the agenda editor's fields (issue 10):
// meetings' share_with_chairs, attendance_days_before, published_at, minutes_published_at,
// agenda_changes, agenda_changed_at, agenda_notified_at; agenda items' duration_minutes,
// attachment_titles, changes, changed_at. Hidden values (a draft's change lines, another group's,
// an unshared draft for a chair) must not show through a filter or a sort on these fields, whatever
// the operator, and no path from another collection may reach them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createAgendaItem,
	createCast,
	createMeeting,
	createMembership,
	createUser,
	type Cast,
	type Person
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

/** The comparisons, match-all and any-of (a field of the record itself has one value, so both act alike). */
const OPERATORS = ['=', '!=', '>', '<', '~', '!~', '?=', '?!~'];
const SECRET = 'hemmelig';
const MEETING_FIELDS = [
	'share_with_chairs',
	'attendance_days_before',
	'published_at',
	'minutes_published_at',
	'agenda_changes',
	'agenda_changed_at',
	'agenda_notified_at'
];
const ITEM_FIELDS = ['duration_minutes', 'attachment_titles', 'changes', 'changed_at'];
/** Values the probes compare with: a letter of the secret, a date, a number and a boolean. */
const VALUES = ['"h%"', '"2026-01-01 00:00:00.000Z"', '0', 'true', '""'];

let server: TestPocketBase;
let cast: Cast;
let chair: Person;
/** The records nobody but the secretariat may see, by who looks. */
let hidden: { meetings: string[]; items: string[]; chairMeetings: string[]; chairItems: string[] };

/** Runs `fn` over `items` with at most `limit` at a time (empty results are delayed by PocketBase, §11). */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: limit }, async () => {
			while (next < items.length) await fn(items[next++]);
		})
	);
}

async function list(token: string, collection: string, query: Record<string, string>) {
	const res = await fetch(`${server.url}/api/collections/${collection}/records?${new URLSearchParams(query)}`, {
		headers: token ? { authorization: token } : {}
	});
	const body = (await res.json()) as { items?: { id: string }[] };
	return { status: res.status, ids: (body.items ?? []).map((i) => i.id) };
}

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	const admin = server.admin;
	chair = await createUser(admin, { organization: cast.organizations.a.id, name: 'Frida Formand' });
	await createMembership(admin, { user: chair.record.id, group: cast.groups.a.id, role: 'chair' });
	// A draft of group A shared with the chairs, one not shared, and group B's meeting, each with an
	// item whose hook-written fields hold the secret.
	const shared = await createMeeting(admin, { group: cast.groups.a.id, status: 'draft' });
	const secretFields = {
		agenda_changes: [`${SECRET} linje`],
		agenda_changed_at: '2026-11-01 08:00:00.000Z',
		agenda_notified_at: '2026-11-01 09:00:00.000Z',
		published_at: '2026-10-01 08:00:00.000Z',
		minutes_published_at: '2026-10-02 08:00:00.000Z',
		attendance_days_before: 7
	};
	await admin.collection('meetings').update(shared.id, { share_with_chairs: true, ...secretFields });
	const unshared = cast.meetings.draft;
	await admin.collection('meetings').update(unshared.id, secretFields);
	await admin.collection('meetings').update(cast.meetings.ofOtherGroup.id, secretFields);
	const itemOf = async (meeting: string) => {
		const item = await createAgendaItem(admin, { meeting, title: `${SECRET} punkt` });
		await admin.collection('agenda_items').update(item.id, {
			duration_minutes: 30,
			attachment_titles: { [`${SECRET}.pdf`]: `${SECRET} bilag` },
			changes: ['attachment', SECRET],
			changed_at: '2026-11-01 08:00:00.000Z'
		});
		return item.id;
	};
	const [sharedItem, unsharedItem, otherItem] = [
		await itemOf(shared.id),
		await itemOf(unshared.id),
		await itemOf(cast.meetings.ofOtherGroup.id)
	];
	hidden = {
		meetings: [shared.id, unshared.id, cast.meetings.ofOtherGroup.id],
		items: [sharedItem, unsharedItem, otherItem],
		chairMeetings: [unshared.id, cast.meetings.ofOtherGroup.id],
		chairItems: [unsharedItem, otherItem]
	};
}, 60_000);

afterAll(async () => {
	await server?.stop();
});

describe('the editor’s fields and the filter side channel', () => {
	it('lets a chair read the shared draft and its item, as the rule says (the probes below rely on it)', async () => {
		const token = chair.pb.authStore.token;
		const meetings = await list(token, 'meetings', { filter: 'share_with_chairs = true' });
		expect(meetings.ids).toEqual([hidden.meetings[0]]);
		const items = await list(token, 'agenda_items', { filter: 'duration_minutes = 30' });
		expect(items.ids).toEqual([hidden.items[0]]);
	});

	it.each([
		['a member', 'member', 'member'],
		['a member of another group', 'outsider', 'outsider'],
		['a chair', 'chair', 'chair']
	] as const)(
		'shows %s no hidden meeting or item through a filter or sort on the new fields, with any operator',
		async (_label, who, key) => {
			const token = who === 'chair' ? chair.pb.authStore.token : cast.as(who).authStore.token;
			// The outsider is a member of group B and reads its meeting; never group A's drafts.
			const hiddenMeetings =
				key === 'chair' ? hidden.chairMeetings : key === 'outsider' ? hidden.meetings.slice(0, 2) : hidden.meetings;
			const hiddenItems =
				key === 'chair' ? hidden.chairItems : key === 'outsider' ? hidden.items.slice(0, 2) : hidden.items;
			const leaked: string[] = [];
			let answered = 0;
			const probes: { collection: string; secret: readonly string[]; query: Record<string, string> }[] = [];
			for (const [collection, fields, secret] of [
				['meetings', MEETING_FIELDS, hiddenMeetings],
				['agenda_items', ITEM_FIELDS, hiddenItems]
			] as const) {
				for (const field of fields) {
					probes.push(
						{ collection, secret, query: { sort: field } },
						{ collection, secret, query: { sort: `-${field}` } }
					);
					for (const op of OPERATORS) {
						for (const v of VALUES) probes.push({ collection, secret, query: { filter: `${field} ${op} ${v}` } });
					}
				}
			}
			await eachLimited(probes, 8, async ({ collection, secret, query }) => {
				const res = await list(token, collection, query);
				if (res.status === 200) answered++;
				const seen = res.ids.filter((id) => secret.includes(id));
				if (seen.length) leaked.push(`${collection}?${new URLSearchParams(query)} → ${seen.join(',')}`);
			});
			expect(answered).toBeGreaterThan(100);
			expect(leaked).toEqual([]);
		},
		240_000
	);

	it.each([
		['groups', 'meetings_via_group.agenda_changes ~ "h%"'],
		['groups', 'meetings_via_group.share_with_chairs = false'],
		['groups', 'meetings_via_group.agenda_items_via_meeting.changes !~ "h%"'],
		['agenda_items', 'meeting.agenda_changes ~ "h%"'],
		['agenda_items', 'meeting.share_with_chairs = true'],
		['meetings', 'agenda_items_via_meeting.attachment_titles ~ "h%"'],
		['meetings', 'agenda_items_via_meeting.changes !~ "h%"'],
		['meetings', 'agenda_items_via_meeting.duration_minutes > 0']
	])('refuses a path into the new fields: %s?filter=%s', async (collection, filter) => {
		for (const token of [cast.as('member').authStore.token, chair.pb.authStore.token]) {
			const res = await list(token, collection, { filter });
			expect(res.status).toBe(400);
			expect(res.ids).toEqual([]);
		}
		const sortRes = await list(cast.as('member').authStore.token, 'agenda_items', {
			sort: 'meeting.agenda_changed_at'
		});
		expect(sortRes.status).toBe(400);
	});
});
