// Nomination calls attacked through PocketBase's API as an outsider would, with the requests the app
// never makes: expands from every collection that leads to a nomination, `fields=` tricks, filters and
// sorts on the tallies and the calls, batch writes and realtime subscriptions. Organisation A names
// a colleague ("SECRET Kaj", an account in group A); what the other personas receive must never hold
// his name or e-mail. Each table also has a row for organisation A's own member, who must see them,
// so a table that only ever gets 404s would fail.
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createAgendaItem,
	createCast,
	createDecision,
	createMembership,
	createNomination,
	createNominationCall,
	createNominationForum,
	createOrganization,
	createUser,
	type AgendaItem,
	type Cast,
	type Nomination,
	type NominationCall,
	type NominationForum,
	type Person
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { FILTER_PATH_REFUSED } from '../support/rules';

type Attacker = 'anon' | 'memberB' | 'chair' | 'outsider' | 'nominee';
const ATTACKERS: Record<Attacker, string> = {
	anon: 'an anonymous visitor',
	memberB: 'a member of another organisation in the group',
	chair: 'the chair (another organisation)',
	outsider: 'a member of another group',
	nominee: 'a nominee of another organisation'
};
const SECRET_NAME = 'SECRET Kaj';
const SECRET_EMAIL = 'secret-kaj@test.klyngeportal.local';

let server: TestPocketBase;
let cast: Cast;
let persons: Record<'member' | 'colleague' | 'memberB' | 'chair' | 'outsider' | 'nominee', Person>;
let call: NominationCall;
let draft: NominationCall;
let forum: NominationForum;
let draftForum: NominationForum;
/** The draft's one nomination (a tally mark carries the nomination's id). */
let draftNomination: { id: string };
let item: AgendaItem;
let secret: Nomination;

const pbOf = (who: Attacker | 'member'): PocketBase | null => (who === 'anon' ? null : persons[who].pb);

/** The raw answer of a GET as `who`: status and body text (so nothing is hidden by the SDK's types). */
async function get(who: Attacker | 'member', path: string): Promise<{ status: number; text: string }> {
	const token = pbOf(who)?.authStore.token;
	const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: token } : {} });
	return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	const a = cast.groups.a.id;
	const orgC = await createOrganization(cast.admin, { sector: 'region' });
	const [colleague, memberB, chair, nominee] = await Promise.all([
		createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Kaj Kollega' }),
		createUser(cast.admin, { organization: cast.organizations.b.id, name: 'Bo Bmedlem' }),
		createUser(cast.admin, { organization: orgC.id, name: 'Fie Formand' }),
		createUser(cast.admin, { organization: cast.organizations.b.id, name: 'Nils Nominee' })
	]);
	await Promise.all([
		createMembership(cast.admin, { user: colleague.record.id, group: a }),
		createMembership(cast.admin, { user: memberB.record.id, group: a }),
		createMembership(cast.admin, { user: chair.record.id, group: a, role: 'chair' })
	]);
	persons = {
		member: cast.people.member,
		colleague,
		memberB,
		chair,
		outsider: cast.people.outsider,
		nominee
	};
	item = await createAgendaItem(cast.admin, { meeting: cast.meetings.published.id });
	[call, draft] = await Promise.all([
		createNominationCall(cast.admin, { group: a, item: item.id, meeting: cast.meetings.published.id }),
		createNominationCall(cast.admin, { group: a, status: 'draft' })
	]);
	[forum, draftForum] = await Promise.all([
		createNominationForum(cast.admin, { call: call.id, quota: 5 }),
		createNominationForum(cast.admin, { call: draft.id, quota: 5 })
	]);
	// Organisation A's member names a colleague through the API (the hooks set nominated_by and
	// nominee_user); organisation B names the nominee, who thereby reads the call.
	secret = await persons.member.pb.collection('nominations').create<Nomination>({
		call: call.id,
		forum: forum.id,
		organization: cast.organizations.a.id,
		kind: 'nominee',
		nominee_name: SECRET_NAME,
		nominee_title: 'Overlæge',
		nominee_email: SECRET_EMAIL
	});
	await createNomination(cast.admin, {
		call: call.id,
		forum: forum.id,
		organization: cast.organizations.b.id,
		nominee_name: 'Nils Nominee',
		nominee_email: nominee.record.email,
		nominee_user: nominee.record.id
	});
	draftNomination = await createNomination(cast.admin, {
		call: draft.id,
		forum: draftForum.id,
		organization: cast.organizations.a.id,
		nominee_name: `${SECRET_NAME} i kladden`,
		nominee_email: `draft-${SECRET_EMAIL}`
	});
}, 60_000);

afterAll(async () => {
	await server?.stop();
});

describe('expands and fields that lead to a nomination', () => {
	const ALL = '&fields=*,expand.*';
	/** Every way of reaching organisation A's nominee from a record an attacker may be able to read. */
	const paths: [string, () => string][] = [
		['the call with nominations_via_call', () => `nomination_calls/records/${call.id}?expand=nominations_via_call`],
		[
			'the call with its fora and their nominations',
			() => `nomination_calls/records/${call.id}?expand=nomination_fora_via_call.nominations_via_forum`
		],
		[
			'the call with its tallies and audit entries',
			() => `nomination_calls/records/${call.id}?expand=nomination_tallies_via_call,audit_log_via_call`
		],
		['the list of calls with nominations_via_call', () => `nomination_calls/records?expand=nominations_via_call${ALL}`],
		[
			'the forum with nominations_via_forum',
			() => `nomination_fora/records/${forum.id}?expand=nominations_via_forum,call.nominations_via_call`
		],
		[
			'the nominee (a user) with nominations_via_nominee_user',
			() => `users/records/${persons.colleague.record.id}?expand=nominations_via_nominee_user`
		],
		[
			'the nominating member with nominations_via_nominated_by',
			() => `users/records/${persons.member.record.id}?expand=nominations_via_nominated_by`
		],
		[
			'the organisation with nominations_via_organization',
			() => `organizations/records/${cast.organizations.a.id}?expand=nominations_via_organization`
		],
		[
			'the agenda item with its calls and their nominations',
			() => `agenda_items/records/${item.id}?expand=nomination_calls_via_item.nominations_via_call`
		],
		[
			'the meeting with its calls and their nominations',
			() => `meetings/records/${cast.meetings.published.id}?expand=nomination_calls_via_meeting.nominations_via_call`
		],
		[
			'the group with its calls and their nominations',
			() => `groups/records/${cast.groups.a.id}?expand=nomination_calls_via_group.nominations_via_call`
		],
		[
			'the tallies with their call and its nominations',
			() => `nomination_tallies/records?expand=call.nominations_via_call,forum.nominations_via_forum,organization`
		],
		['the nomination itself by id', () => `nominations/records/${secret.id}?fields=*,nominee_email:excerpt(200)`],
		[
			'the draft call with its nominations',
			() => `nomination_calls/records/${draft.id}?expand=nominations_via_call${ALL}`
		]
	];

	const cases = (Object.keys(ATTACKERS) as Attacker[]).flatMap((who) =>
		paths.map(([what, path]) => [ATTACKERS[who], what, who, path] as const)
	);

	it.each(cases)('%s reading %s never receives the nominee of organisation A', async (_l, _w, who, path) => {
		const { status, text } = await get(who, `/api/collections/${path()}`);
		expect([200, 403, 404]).toContain(status);
		expect(text).not.toContain('SECRET');
		expect(text).not.toContain('secret-kaj');
	});

	it("shows organisation A's own member the nominee along the call's expand (the control of the table)", async () => {
		const { status, text } = await get('member', `/api/collections/${paths[0][1]()}`);
		expect(status).toBe(200);
		expect(text).toContain(SECRET_NAME);
		expect(text).toContain(SECRET_EMAIL);
	});

	it.each([
		['the nominated colleague', 'colleague'],
		["organisation A's member", 'member'],
		['organisation B', 'memberB']
	] as const)('never hands %s the response token, whatever `fields` asks for', async (_l, who) => {
		const { response_token: token } = await cast.admin.collection('nominations').getOne(secret.id);
		expect(token).toMatch(/.{16,}/);
		const pb = persons[who].pb;
		for (const path of [
			`nominations/records/${secret.id}?fields=response_token,*`,
			`nomination_calls/records/${call.id}?expand=nominations_via_call&fields=expand.nominations_via_call.response_token,expand.nominations_via_call.*`,
			`users/records/${persons.colleague.record.id}?expand=nominations_via_nominee_user&fields=*,expand.*`
		]) {
			const res = await fetch(`${server.url}/api/collections/${path}`, {
				headers: { authorization: pb.authStore.token }
			});
			expect(await res.text()).not.toContain(token);
		}
	});
});

describe('filters and sorts that would learn a nomination', () => {
	const refused: [string, string, Record<string, string>][] = [
		[
			'nomination_tallies',
			'a filter through the call to the nominations',
			{ filter: `call.nominations_via_call.nominee_name ~ "SECRET"` }
		],
		[
			'nomination_tallies',
			'a sort through the call to the nominations',
			{ sort: 'call.nominations_via_call.nominee_email' }
		],
		[
			'nomination_tallies',
			'a filter on another collection',
			{ filter: '@collection.nominations.nominee_name ~ "SECRET"' }
		],
		[
			'nomination_tallies',
			'a filter through the forum',
			{ filter: 'forum.nominations_via_forum.nominee_email ~ "secret"' }
		],
		['nomination_calls', 'a filter on the back-relation', { filter: 'nominations_via_call.nominee_name ~ "SECRET"' }],
		['nomination_fora', 'a sort on the back-relation', { sort: 'nominations_via_forum.nominee_name' }],
		[
			'agenda_items',
			'a filter through the item to the nominations',
			{ filter: 'nomination_calls_via_item.nominations_via_call.nominee_name ~ "S%"' }
		]
	];
	it.each(refused)('refuses a member of another organisation listing %s with %s', async (collection, _what, query) => {
		const res = await get('memberB', `/api/collections/${collection}/records?${new URLSearchParams(query)}`);
		expect(res.status).toBe(400);
		expect(JSON.parse(res.text).message).toBe(FILTER_PATH_REFUSED);
	});

	it.each((['memberB', 'chair', 'outsider', 'anon'] as const).map((w) => [ATTACKERS[w], w]))(
		'refuses %s listing nominations, even filtered by name',
		async (_l, who) => {
			const res = await get(
				who,
				`/api/collections/nominations/records?filter=${encodeURIComponent('nominee_name ~ "SECRET"')}`
			);
			expect(res.status).toBe(403);
			expect(res.text).not.toContain('SECRET');
		}
	);

	it('lets another organisation filter the tallies on their own fields, which hold no names', async () => {
		const res = await get(
			'memberB',
			`/api/collections/nomination_tallies/records?filter=${encodeURIComponent(`organization = "${cast.organizations.a.id}" && kind = "nominee"`)}&fields=*`
		);
		expect(res.status).toBe(200);
		const items = (JSON.parse(res.text) as { items: Record<string, unknown>[] }).items;
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0]).sort()).toEqual([
			'call',
			'collectionId',
			'collectionName',
			'forum',
			'id',
			'kind',
			'organization'
		]);
	});

	it('keeps the tallies of a draft from everyone but the superuser, even by id', async () => {
		const id = draftNomination.id;
		expect((await get('memberB', `/api/collections/nomination_tallies/records/${id}`)).status).toBe(404);
		await expect(cast.as('secretariat').collection('nomination_tallies').getOne(id)).rejects.toMatchObject({
			status: 404
		});
		// The superuser reads it: the mark exists, and the 404s are the rule's.
		expect((await cast.admin.collection('nomination_tallies').getOne(id)).call).toBe(draft.id);
		expect((await get('member', `/api/collections/nomination_tallies/records/${id}`)).status).toBe(404);
	});
});

describe('writes that go around the app', () => {
	it('refuses a batch that creates a nomination for another organisation', async () => {
		const res = await fetch(`${server.url}/api/batch`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: persons.memberB.pb.authStore.token },
			body: JSON.stringify({
				requests: [
					{
						method: 'POST',
						url: '/api/collections/nominations/records',
						body: {
							call: call.id,
							forum: forum.id,
							organization: cast.organizations.a.id,
							kind: 'nominee',
							nominee_name: 'Indsmuglet'
						}
					}
				]
			})
		});
		expect(res.status).toBe(400);
		const stored = await cast.admin
			.collection('nominations')
			.getFullList({ filter: cast.admin.filter('nominee_name = {:n}', { n: 'Indsmuglet' }) });
		expect(stored).toEqual([]);
	});

	it("refuses a member of another organisation pointing organisation A's nomination at themselves", async () => {
		const before = await cast.admin.collection('nominations').getOne(secret.id);
		await expect(
			persons.memberB.pb.collection('nominations').update(secret.id, { nominee_user: persons.memberB.record.id })
		).rejects.toMatchObject({ status: 404 });
		const after = await cast.admin.collection('nominations').getOne(secret.id);
		expect(after.nominee_user).toBe(before.nominee_user);
	});

	it('refuses a member who points their own nomination at a person of another group and organisation', async () => {
		await expect(
			persons.member.pb.collection('nominations').update(secret.id, { nominee_user: persons.outsider.record.id })
		).rejects.toMatchObject({ status: 400 });
		expect((await get('outsider', `/api/collections/nomination_calls/records/${call.id}`)).status).toBe(404);
	});

	it("refuses the secretariat tying a call to another group's decision, on create and on update", async () => {
		const otherItem = await createAgendaItem(cast.admin, { meeting: cast.meetings.ofOtherGroup.id });
		const [foreign, own] = await Promise.all([
			createDecision(cast.admin, { item: otherItem.id, text: 'Gruppe B beslutter.' }),
			createDecision(cast.admin, { item: item.id, text: 'Gruppe A beslutter.' })
		]);
		const secretariat = cast.as('secretariat');
		const fields = {
			group: cast.groups.a.id,
			title: 'Lånt beslutning',
			eligibility: 'all',
			deadline: '2099-01-01 00:00:00.000Z',
			status: 'draft'
		};
		await expect(
			secretariat.collection('nomination_calls').create({ ...fields, item: item.id, decision: foreign.id })
		).rejects.toMatchObject({ status: 400 });
		const made = await secretariat
			.collection('nomination_calls')
			.create({ ...fields, item: item.id, decision: own.id });
		expect(made.decision).toBe(own.id);
		await expect(
			secretariat.collection('nomination_calls').update(made.id, { decision: foreign.id })
		).rejects.toMatchObject({ status: 404 });
		expect((await cast.admin.collection('nomination_calls').getOne(made.id)).decision).toBe(own.id);
	});

	it('refuses the chair changing the call (closing, extending) through the API', async () => {
		await expect(
			persons.chair.pb.collection('nomination_calls').update(call.id, { status: 'closed' })
		).rejects.toMatchObject({ status: 404 });
		await expect(
			persons.chair.pb.collection('nomination_calls').update(call.id, { deadline: '2099-01-01 00:00:00.000Z' })
		).rejects.toMatchObject({ status: 404 });
		expect((await cast.admin.collection('nomination_calls').getOne(call.id)).status).toBe('open');
	});
});

/** A realtime connection as `pb`, collecting every event's data as text. */
async function listen(pb: PocketBase, subscriptions: string[]) {
	const controller = new AbortController();
	const res = await fetch(`${server.url}/api/realtime`, { signal: controller.signal });
	const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
	let text = '';
	while (!/"clientId":"[^"]+"/.test(text)) text += (await reader.read()).value ?? '';
	const clientId = /"clientId":"([^"]+)"/.exec(text)![1];
	const sub = await fetch(`${server.url}/api/realtime`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: pb.authStore.token },
		body: JSON.stringify({ clientId, subscriptions })
	});
	expect(sub.status).toBe(204);
	let received = '';
	const pump = (async () => {
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				received += value;
			}
		} catch {
			// aborted
		}
	})();
	return {
		received: () => received,
		close: async () => {
			controller.abort();
			await pump;
		}
	};
}

describe('realtime', () => {
	it("sends another organisation's member no nominee of organisation A, while organisation A's member gets them", async () => {
		const expandCall = `?options=${encodeURIComponent(JSON.stringify({ query: { expand: 'nominations_via_call' } }))}`;
		const topics = [
			'nominations/*',
			`nominations/${secret.id}`,
			`nomination_calls/*${expandCall}`,
			`nomination_calls/${call.id}${expandCall}`,
			'nomination_tallies/*',
			`nomination_fora/*?options=${encodeURIComponent(JSON.stringify({ query: { expand: 'nominations_via_forum' } }))}`
		];
		const [b, chair, outsider, own] = await Promise.all([
			listen(persons.memberB.pb, topics),
			listen(persons.chair.pb, topics),
			listen(persons.outsider.pb, topics),
			listen(persons.member.pb, [`nomination_calls/${call.id}${expandCall}`])
		]);
		try {
			await persons.member.pb.collection('nominations').update(secret.id, { nominee_title: 'SECRET overlæge' });
			await persons.member.pb.collection('nominations').create({
				call: call.id,
				forum: forum.id,
				organization: cast.organizations.a.id,
				kind: 'nominee',
				nominee_name: 'SECRET Ny',
				nominee_title: 'Sygeplejerske',
				nominee_email: 'secret-ny@test.klyngeportal.local'
			});
			await cast.admin.collection('nomination_fora').update(forum.id, { name: 'Omdøbt forum' });
			await cast.admin.collection('nomination_calls').update(call.id, { description: 'Ændret' });
			await new Promise((r) => setTimeout(r, 500));
		} finally {
			await Promise.all([b.close(), chair.close(), outsider.close(), own.close()]);
		}
		expect(b.received()).toContain('Ændret');
		expect(b.received()).not.toContain('SECRET');
		expect(chair.received()).not.toContain('SECRET');
		expect(outsider.received()).toBe('');
		expect(own.received()).toContain(SECRET_NAME);
	});
});
