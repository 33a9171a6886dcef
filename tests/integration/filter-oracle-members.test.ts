// The filter side channel (notes/pocketbase-0.40.md §11) for members and roles (issue 10): the
// group's audit entries now carry a Danish summary with people's names, and the secretariat now
// sees former members. Neither may be reached by a filter or sort from a listable collection —
// not by a member, a chair, another group's secretariat, or the group's own secretariat (who reads
// entries by id and as expands only) — with the filter guard, and without it through the closed
// list rules of users and audit_log alone. The approach is tests/integration/filter-oracle.test.ts's,
// narrowed to the paths that end in those two collections.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PocketBase, { type CollectionModel } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCast, createMembership, createUser, daysFromNow, type Cast, type Person } from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

const SECRET = 'hemmelig';
/** The collections and the fields an attacker would read there, letter by letter. */
const TARGETS: Record<string, string[]> = { audit_log: ['summary', 'before'], users: ['name', 'email'] };
/** The match-all operators the attack needs, and an any-of one. */
const OPERATORS = ['!~', '!=', '<', '?~'];
const MAX_HOPS = 3;

type Field = { name: string; type: string; collectionId?: string; hidden?: boolean };
type Schema = Map<string, { id: string; name: string; fields: Field[] }>;

async function readSchema(admin: PocketBase): Promise<Schema> {
	const schema: Schema = new Map();
	for (const c of await admin.collections.getFullList<CollectionModel>()) {
		if (!c.name.startsWith('_')) schema.set(c.id, { id: c.id, name: c.name, fields: c.fields as Field[] });
	}
	return schema;
}

/**
 * Every path from `start` through relations and back-relations (up to MAX_HOPS) whose last step
 * enters a target collection, ending in its text fields: `group.audit_log_via_group.summary`, …
 */
function pathsInto(schema: Schema, start: string): string[] {
	const out: string[] = [];
	const walk = (collectionId: string, prefix: string, hops: number) => {
		const c = schema.get(collectionId)!;
		if (hops > 0 && c.name in TARGETS) {
			for (const f of TARGETS[c.name]) out.push(`${prefix}.${f}`);
		}
		if (hops === MAX_HOPS) return;
		const join = (step: string) => (prefix ? `${prefix}.${step}` : step);
		for (const f of c.fields) {
			if (f.type === 'relation' && f.collectionId && schema.has(f.collectionId)) {
				walk(f.collectionId, join(f.name), hops + 1);
			}
		}
		for (const other of schema.values()) {
			for (const f of other.fields) {
				if (f.type === 'relation' && f.collectionId === collectionId) {
					walk(other.id, join(`${other.name}_via_${f.name}`), hops + 1);
				}
			}
		}
	};
	walk(start, '', 0);
	return out;
}

async function list(url: string, token: string, collection: string, query: Record<string, string>) {
	const res = await fetch(`${url}/api/collections/${collection}/records?${new URLSearchParams(query)}`, {
		headers: token ? { authorization: token } : {}
	});
	return res.status;
}

/** The collections `token` may list (the starting points of an attack; the others answer 403). */
async function listable(url: string, token: string, schema: Schema) {
	const out = [];
	for (const c of schema.values()) if ((await list(url, token, c.name, { perPage: '1' })) === 200) out.push(c);
	return out;
}

async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: limit }, async () => {
			while (next < items.length) await fn(items[next++]);
		})
	);
}

/**
 * Group A with a chair, a former member and audit entries whose summaries name a person whose name
 * starts with SECRET (added, role changed, ended by the secretariat through the API).
 */
async function arrange(server: TestPocketBase) {
	const cast = await createCast(server.admin);
	const chair = await createUser(cast.admin, { organization: cast.organizations.a.id });
	await createMembership(cast.admin, { user: chair.record.id, group: cast.groups.a.id, role: 'chair' });
	const hidden = await createUser(cast.admin, { organization: cast.organizations.b.id, name: `${SECRET} Person` });
	const sec = cast.as('secretariat').collection('memberships');
	const m = await sec.create({ user: hidden.record.id, group: cast.groups.a.id, role: 'member' });
	await sec.update(m.id, { role: 'observer' });
	await sec.update(m.id, { ends: daysFromNow(-0.001) });
	return { cast, chair };
}

function viewers(cast: Cast, chair: Person): [string, string][] {
	return [
		['a member', cast.as('member').authStore.token],
		['a chair', chair.pb.authStore.token],
		["another group's secretariat", cast.as('otherSecretariat').authStore.token],
		["the group's own secretariat", cast.as('secretariat').authStore.token]
	];
}

describe('paths into the audit log and people, with the filter guard', () => {
	let server: TestPocketBase;
	let cast: Cast;
	let chair: Person;
	let schema: Schema;

	beforeAll(async () => {
		server = await startTestPocketBase();
		({ cast, chair } = await arrange(server));
		schema = await readSchema(server.admin);
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
	});

	it('has audit entries whose summaries name the hidden person', async () => {
		const entries = await server.admin
			.collection('audit_log')
			.getFullList({ filter: `summary ~ "${SECRET}" && group = "${cast.groups.a.id}"` });
		expect(entries.length).toBe(3);
	});

	it('answers nobody a filter or sort that reaches an audit summary or a person', async () => {
		const answered: string[] = [];
		let checked = 0;
		for (const [label, token] of viewers(cast, chair)) {
			const probes: { collection: string; query: Record<string, string> }[] = [];
			for (const c of await listable(server.url, token, schema)) {
				for (const path of pathsInto(schema, c.id)) {
					for (const op of OPERATORS) probes.push({ collection: c.name, query: { filter: `${path} ${op} "h%"` } });
					probes.push({ collection: c.name, query: { sort: path } });
				}
			}
			checked += probes.length;
			await eachLimited(probes, 6, async ({ collection, query }) => {
				const status = await list(server.url, token, collection, query);
				// 400: the guard refused the path (the list itself is open to this viewer).
				if (status !== 400) answered.push(`${label}: ${collection}?${new URLSearchParams(query)} → ${status}`);
			});
		}
		expect(checked).toBeGreaterThan(1000);
		expect(answered).toEqual([]);
	}, 300_000);

	it("lists the audit log and people to nobody, the group's own secretariat included", async () => {
		for (const [label, token] of viewers(cast, chair)) {
			for (const name of Object.keys(TARGETS))
				expect(await list(server.url, token, name, {}), `${label} lists ${name}`).toBe(403);
		}
	});
});

describe('paths into the audit log and people, without the filter guard', () => {
	let server: TestPocketBase;
	let cast: Cast;
	let chair: Person;
	let schema: Schema;
	let hooksDir: string;

	beforeAll(async () => {
		hooksDir = mkdtempSync(join(tmpdir(), 'klyngeportal-hooks-'));
		cpSync(join(process.cwd(), 'pb_hooks'), hooksDir, { recursive: true });
		rmSync(join(hooksDir, 'filter-guard.pb.js'));
		server = await startTestPocketBase({ hooksDir });
		({ cast, chair } = await arrange(server));
		schema = await readSchema(server.admin);
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
		rmSync(hooksDir, { recursive: true, force: true });
	});

	it('refuses every path that enters the audit log or people, whatever the operator', async () => {
		const answered: string[] = [];
		let checked = 0;
		for (const [label, token] of viewers(cast, chair)) {
			for (const c of await listable(server.url, token, schema)) {
				const paths = pathsInto(schema, c.id);
				checked += paths.length;
				await eachLimited(paths, 6, async (path) => {
					for (const op of ['!~', '!=', '<', '?~']) {
						const status = await list(server.url, token, c.name, { filter: `${path} ${op} "h%"` });
						if (status !== 400) answered.push(`${label}: ${c.name}: ${path} ${op} → ${status}`);
					}
				});
			}
		}
		expect(checked).toBeGreaterThan(200);
		expect(answered).toEqual([]);
	}, 300_000);
});
