// The filter side channel (notes/pocketbase-0.40.md §11): PocketBase does not apply a related
// collection's list rule inside the subquery it builds for "match-all" operators on back-relations
// and multiple relations, so counting the results of `visible && path.text !~ "p%"` reveals hidden
// values character by character, and sorting on a hidden field leaks its order.
//
// These tests walk the schema as it is (so a collection added later is covered without editing
// them): from every collection, every relation and back-relation path up to three hops, with every
// operator PocketBase accepts, as a member, a guest of one meeting and a member of another group and
// organisation. None of those filters or sorts may be answered. A second PocketBase without the
// filter guard shows that the closed list rules alone already keep every path out of the Referat,
// decisions, answers, people and the other collections read only by id.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PocketBase, { type CollectionModel } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createAgendaItem,
	createCast,
	createDecision,
	createFollowUp,
	createItemMinutes,
	createMeetingGuest,
	createNomination,
	createNominationCall,
	createNominationForum,
	type Cast,
	type Who
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

/** Every comparison PocketBase's filter syntax has, in its match-all and any-of forms. */
const OPERATORS = ['=', '!=', '>', '>=', '<', '<=', '~', '!~', '?=', '?!=', '?>', '?>=', '?<', '?<=', '?~', '?!~'];
const VIEWERS: Who[] = ['member', 'guest', 'outsider'];
const MAX_HOPS = 3;
/** The word every hidden text in this test starts with, as an attacker would guess it letter by letter. */
const SECRET = 'hemmelig';

type Field = { name: string; type: string; collectionId?: string; hidden?: boolean; maxSelect?: number };
type Schema = Map<string, { id: string; name: string; fields: Field[] }>;

/** The app's collections as PocketBase describes them (PocketBase's own system collections left out). */
async function readSchema(admin: PocketBase): Promise<Schema> {
	const all = await admin.collections.getFullList<CollectionModel>();
	const schema: Schema = new Map();
	for (const c of all) {
		if (c.name.startsWith('_')) continue;
		schema.set(c.id, { id: c.id, name: c.name, fields: c.fields as Field[] });
	}
	return schema;
}

/** Runs `fn` over `items` with at most `limit` at a time (PocketBase answers a refusal in about a millisecond). */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: limit }, async () => {
			while (next < items.length) await fn(items[next++]);
		})
	);
}

/**
 * A filter path and the collections it passes through after the first. `storedId` marks a path such
 * as `meeting.chair.id`: the id stored in a single relation, which PocketBase reads without joining
 * the related collection.
 */
type Path = { path: string; through: string[]; storedId: boolean };

/**
 * Every path from `start` through relations and back-relations, up to MAX_HOPS hops, ending in a
 * field of the last collection: `meeting.title`, `meetings_via_group.agenda_items_via_meeting.id`, …
 * One hop away every field; further away the id and the first text field (what the attack reads).
 */
function pathsFrom(schema: Schema, start: string): Path[] {
	const paths: Path[] = [];
	const walk = (collectionId: string, prefix: string, through: string[], single: boolean) => {
		const c = schema.get(collectionId)!;
		if (through.length > 0) {
			const fields = c.fields.filter((f) => !f.hidden && f.type !== 'password' && f.type !== 'relation');
			const text = fields.find((f) => ['text', 'email', 'editor'].includes(f.type));
			const ends = through.length === 1 ? fields : fields.filter((f) => f.name === 'id' || f === text);
			for (const f of ends) paths.push({ path: `${prefix}.${f.name}`, through, storedId: single && f.name === 'id' });
		}
		if (through.length === MAX_HOPS) return;
		const join = (step: string) => (prefix ? `${prefix}.${step}` : step);
		for (const f of c.fields) {
			if (f.type === 'relation' && f.collectionId && schema.has(f.collectionId)) {
				walk(f.collectionId, join(f.name), [...through, schema.get(f.collectionId)!.name], (f.maxSelect ?? 1) <= 1);
			}
		}
		for (const other of schema.values()) {
			for (const f of other.fields) {
				if (f.type === 'relation' && f.collectionId === collectionId) {
					walk(other.id, join(`${other.name}_via_${f.name}`), [...through, other.name], false);
				}
			}
		}
	};
	walk(start, '', [], false);
	return paths;
}

/** A raw list request, so that PocketBase's answer (status and body) is seen exactly as sent. */
async function list(url: string, token: string, collection: string, query: Record<string, string>) {
	const res = await fetch(`${url}/api/collections/${collection}/records?${new URLSearchParams(query)}`, {
		headers: token ? { authorization: token } : {}
	});
	const body = (await res.json()) as { items?: { id: string }[]; message?: string };
	return { status: res.status, ids: (body.items ?? []).map((i) => i.id).sort(), message: body.message ?? '' };
}

/** Hidden records with texts starting with SECRET, of the kinds the outside check read through filters. */
async function hideSecrets(cast: Cast) {
	const { admin, meetings, groups, people } = cast;
	const secret = (what: string) => `${SECRET} ${what}`;
	for (const meeting of [meetings.published, meetings.draft, meetings.ofOtherGroup]) {
		const item = await createAgendaItem(admin, { meeting: meeting.id, title: secret('punkt') });
		await createItemMinutes(admin, { item: item.id, text: secret('referat') });
		await createDecision(admin, { item: item.id, text: secret('beslutning') });
		await createFollowUp(admin, { meeting: meeting.id, item: item.id, text: secret('opfølgning') });
		await createMeetingGuest(admin, { meeting: meeting.id, name: secret('gæst') });
	}
	await admin.collection('meetings').update(meetings.draft.id, { title: secret('udkast') });
	await admin.collection('groups').update(groups.b.id, { description: secret('gruppe') });
	// Another member's answer with a note and a substitute, and an e-mail someone made visible.
	await admin.collection('attendance').create({
		meeting: meetings.published.id,
		user: people.secretariat.record.id,
		status: 'substitute',
		substitute_name: secret('suppleant'),
		note: secret('note')
	});
	await admin.collection('users').update(people.outsider.record.id, { phone: '12345678', emailVisibility: true });
	// A call the member reads, with another organisation's nominee (name and e-mail hidden from the
	// member, who sees only the tallies), and a draft call of the same group.
	const call = await createNominationCall(admin, { group: groups.a.id, title: 'Indkaldelse til arbejdsgruppe' });
	const forum = await createNominationForum(admin, { call: call.id, name: 'Faglig gruppe' });
	await createNomination(admin, {
		call: call.id,
		forum: forum.id,
		organization: cast.organizations.b.id,
		nominee_name: secret('kandidat'),
		nominee_title: secret('titel'),
		nominee_email: `${SECRET}.kandidat@hospital.test`
	});
	const draft = await createNominationCall(admin, { group: groups.a.id, status: 'draft', title: secret('kladde') });
	await createNominationForum(admin, { call: draft.id, name: secret('forum') });
	// The reminder engine's rows (issue 9): the member's own device and sent reminder, and another
	// person's, whose endpoint and reminder text are theirs alone; a pending row nobody may list.
	const subscription = (user: string, host: string) =>
		admin.collection('push_subscriptions').create({
			user,
			endpoint: `https://${host}.push.test/${user}`,
			p256dh: 'B'.repeat(87),
			auth: 'A'.repeat(22),
			device: 'Chrome på Android',
			failures: 0
		});
	await subscription(people.member.record.id, 'medlem');
	await subscription(people.secretariat.record.id, SECRET);
	const reminder = (user: string, title: string, status: string) =>
		admin.collection('notifications').create({
			user,
			kind: 'attendance',
			subject: meetings.published.id,
			moment: `${status}@${user}`,
			origin: 'planner',
			due: '2026-01-01 08:00:00.000Z',
			status,
			payload: { web_push: 8030, notification: { title } }
		});
	await reminder(people.member.record.id, 'Svar senest i morgen', 'sent');
	await reminder(people.member.record.id, secret('planlagt'), 'pending');
	await reminder(people.secretariat.record.id, secret('påmindelse'), 'sent');
}

describe('the filter side channel', () => {
	let server: TestPocketBase;
	let cast: Cast;
	let schema: Schema;

	beforeAll(async () => {
		server = await startTestPocketBase();
		cast = await createCast(server.admin);
		await hideSecrets(cast);
		schema = await readSchema(server.admin);
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
	});

	it('refuses the filter the outside check used to read unpublished minutes', async () => {
		const token = cast.as('member').authStore.token;
		const attack = 'meetings_via_group.agenda_items_via_meeting.item_minutes_via_item.text !~ "h%"';
		const res = await list(server.url, token, 'groups', { filter: attack });
		expect(res).toMatchObject({ status: 400, ids: [] });
		// The same filter as the superuser is valid and does reach the Referat: the refusal is the guard's.
		const admin = await list(server.url, server.admin.authStore.token, 'groups', { filter: attack });
		expect(admin.status).toBe(200);
	});

	it('keeps the reminder collections off every path, and a member filtering them sees only their own sent rows', async () => {
		// Neither has a relation, and nothing relates to them: no back-relation path reaches them.
		for (const name of ['push_subscriptions', 'notifications']) {
			const c = [...schema.values()].find((x) => x.name === name)!;
			expect(c.fields.filter((f) => f.type === 'relation')).toEqual([]);
			expect([...schema.values()].flatMap((o) => o.fields.filter((f) => f.collectionId === c.id))).toEqual([]);
			expect(
				[...schema.values()].flatMap((o) => pathsFrom(schema, o.id)).filter((p) => p.through.includes(name))
			).toEqual([]);
		}
		const token = cast.as('member').authStore.token;
		const own = cast.people.member.record.id;
		const subs = await list(server.url, token, 'push_subscriptions', { filter: 'endpoint != ""' });
		expect(subs.status).toBe(200);
		expect(subs.ids).toHaveLength(1);
		expect((await list(server.url, token, 'push_subscriptions', { filter: `endpoint ~ "${SECRET}"` })).ids).toEqual([]);
		expect((await list(server.url, token, 'push_subscriptions', { filter: `user != "${own}"` })).ids).toEqual([]);
		const sent = await list(server.url, token, 'notifications', { filter: 'id != ""' });
		expect(sent.ids).toHaveLength(1);
		for (const filter of [`user != "${own}"`, 'status = "pending"', `payload ~ "${SECRET}"`]) {
			expect((await list(server.url, token, 'notifications', { filter })).ids, filter).toEqual([]);
		}
	});

	it('walks paths into every collection that has a relation', () => {
		const all = [...schema.values()].flatMap((c) => pathsFrom(schema, c.id));
		const reached = new Set(all.flatMap((p) => p.through));
		// A collection no path reaches has no relation to or from it (sessions, the logs): no filter
		// path can start or end there, by construction.
		const related = (c: { id: string; fields: Field[] }) =>
			c.fields.some((f) => f.type === 'relation') ||
			[...schema.values()].some((o) => o.fields.some((f) => f.type === 'relation' && f.collectionId === c.id));
		const unreached = [...schema.values()].filter((c) => !reached.has(c.name));
		expect(unreached.filter(related).map((c) => c.name)).toEqual([]);
		expect(all.length).toBeGreaterThan(1000);
	});

	// Every operator up to two hops; at three hops the match-all operators the attack needs, for the
	// member (the guard does not depend on who asks, and the guest and the outsider get two hops).
	it.each(VIEWERS)(
		'answers %s no filter and no sort that leaves the listed collection',
		async (who) => {
			const token = cast.as(who).authStore.token;
			const answered: string[] = [];
			const probes: { collection: string; query: Record<string, string> }[] = [];
			for (const c of schema.values()) {
				for (const { path, through } of pathsFrom(schema, c.id)) {
					if (through.length === MAX_HOPS && who !== 'member') continue;
					const operators = through.length < MAX_HOPS ? OPERATORS : ['!~', '!=', '<', '?~'];
					for (const op of operators) probes.push({ collection: c.name, query: { filter: `${path} ${op} "h%"` } });
					probes.push(
						{ collection: c.name, query: { sort: path } },
						{ collection: c.name, query: { sort: `-${path}` } }
					);
				}
			}
			await eachLimited(probes, 6, async ({ collection, query }) => {
				const res = await list(server.url, token, collection, query);
				// 400: the guard or PocketBase refused the path; 403: nobody but superusers lists it.
				if (![400, 403].includes(res.status))
					answered.push(`${collection}?${new URLSearchParams(query)} → ${res.status}`);
			});
			expect(probes.length).toBeGreaterThan(10_000);
			expect(answered).toEqual([]);
		},
		300_000
	);

	// Slow: filters matching nothing are delayed (§11), and the nomination collections brought many fields.
	it.each(VIEWERS)(
		'lets %s filter a listable collection on its own fields within what its rule shows',
		async (who) => {
			const token = cast.as(who).authStore.token;
			let answeredOnce = false;
			for (const c of schema.values()) {
				const baseline = await list(server.url, token, c.name, { perPage: '500' });
				if (baseline.status !== 200) continue;
				for (const f of c.fields.filter((f) => f.type !== 'password' && !f.hidden)) {
					// Filters that match rows: PocketBase delays empty filtered lists (§11).
					for (const op of ['!=', '>=', '?!=']) {
						const res = await list(server.url, token, c.name, { filter: `${f.name} ${op} ""`, perPage: '500' });
						if (res.status !== 200) continue;
						answeredOnce = true;
						expect(baseline.ids).toEqual(expect.arrayContaining(res.ids));
					}
				}
			}
			expect(answeredOnce).toBe(true);
		},
		120_000
	);

	it('refuses a realtime subscription whose filter leaves the collection', async () => {
		const controller = new AbortController();
		const res = await fetch(`${server.url}/api/realtime`, { signal: controller.signal });
		const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
		let text = '';
		while (!/data:\s*\{[^\n]*clientId/.test(text)) text += (await reader.read()).value ?? '';
		const clientId = /"clientId":"([^"]+)"/.exec(text)![1];
		const subscribe = (filter: string) =>
			fetch(`${server.url}/api/realtime`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: cast.as('member').authStore.token },
				body: JSON.stringify({
					clientId,
					subscriptions: [`meetings/*?options=${encodeURIComponent(JSON.stringify({ query: { filter } }))}`]
				})
			});
		try {
			expect((await subscribe('agenda_items_via_meeting.title !~ "h%"')).status).toBe(400);
			// A filter on the meeting's own fields is a normal subscription.
			expect((await subscribe('title != ""')).status).toBe(204);
		} finally {
			controller.abort();
		}
	});
});

describe('the closed list rules, without the filter guard', () => {
	let server: TestPocketBase;
	let cast: Cast;
	let schema: Schema;
	let hooksDir: string;
	/** The collections the app reads only by id or as expands: nobody but superusers lists them. */
	const CLOSED = [
		'users',
		'organizations',
		'item_minutes',
		'decisions',
		'follow_ups',
		'meeting_guests',
		'attendance',
		'audit_log',
		'nominations'
	];

	beforeAll(async () => {
		// A misconfigured or future server: every hook but the guard.
		hooksDir = mkdtempSync(join(tmpdir(), 'klyngeportal-hooks-'));
		cpSync(join(process.cwd(), 'pb_hooks'), hooksDir, { recursive: true });
		rmSync(join(hooksDir, 'filter-guard.pb.js'));
		server = await startTestPocketBase({ hooksDir });
		cast = await createCast(server.admin);
		await hideSecrets(cast);
		schema = await readSchema(server.admin);
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
		rmSync(hooksDir, { recursive: true, force: true });
	});

	it('lists none of the closed collections to anyone but superusers', async () => {
		for (const who of [...VIEWERS, 'secretariat' as Who]) {
			for (const name of CLOSED) {
				expect((await list(server.url, cast.as(who).authStore.token, name, {})).status, `${who} lists ${name}`).toBe(
					403
				);
			}
		}
	});

	it('refuses every path that enters a closed collection, whatever the operator', async () => {
		const token = cast.as('member').authStore.token;
		const answered: string[] = [];
		let checked = 0;
		for (const c of schema.values()) {
			if (CLOSED.includes(c.name)) continue;
			const entering = pathsFrom(schema, c.id).filter((p) =>
				(p.storedId ? p.through.slice(0, -1) : p.through).some((name) => CLOSED.includes(name))
			);
			await eachLimited(entering, 6, async ({ path }) => {
				for (const op of ['!~', '!=', '<', '?~']) {
					const res = await list(server.url, token, c.name, { filter: `${path} ${op} "h%"` });
					if (res.status !== 400) answered.push(`${c.name}: ${path} ${op} → ${res.status}`);
				}
			});
			checked += entering.length;
		}
		expect(checked).toBeGreaterThan(500);
		expect(answered).toEqual([]);
	}, 300_000);
});
