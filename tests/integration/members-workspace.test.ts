// Members and roles in the secretariat's workspace (issue 10): who may add, change, end and delete
// a membership, the invariants the hooks keep (no end before the start, no second period that
// overlaps, never without a secretariat), the add route (an account and an invitation when needed,
// all or nothing), and the group's audit entries, which only its secretariat reads.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
	createCast,
	createMembership,
	createOrganization,
	createUser,
	daysFromNow,
	people,
	type Cast,
	type Membership,
	type Person,
	type User
} from '../support/factories';
import { startTestPocketBase, startTestPocketBaseWithMail, type TestPocketBase } from '../support/pocketbase';
import { listRefused, viewable } from '../support/rules';

let server: TestPocketBase;
let catcher: Awaited<ReturnType<typeof startTestPocketBaseWithMail>>['catcher'];
let cast: Cast;
let chair: Person;

beforeAll(async () => {
	({ server, catcher } = await startTestPocketBaseWithMail());
	cast = await createCast(server.admin);
	chair = await createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Frida Formand' });
	await createMembership(cast.admin, { user: chair.record.id, group: cast.groups.a.id, role: 'chair' });
}, 60_000);

afterAll(async () => {
	await server?.stop();
	await catcher?.close();
});

type Viewer = 'anon' | 'member' | 'chair' | 'secretariat' | 'guest' | 'former' | 'outsider' | 'otherSecretariat';
const as = (who: Viewer): PocketBase => (who === 'chair' ? chair.pb : cast.as(who));

/** Someone with no membership yet, from the group's own organisation. */
const newcomer = () => createUser(cast.admin, { organization: cast.organizations.a.id });

/** A fresh member of group A. */
async function freshMember(fields: Partial<Pick<Membership, 'starts' | 'ends' | 'role'>> = {}) {
	const person = await newcomer();
	return createMembership(cast.admin, { user: person.record.id, group: cast.groups.a.id, role: 'member', ...fields });
}

type Entry = {
	id: string;
	action: string;
	actor: string;
	group: string;
	summary: string;
	before: unknown;
	after: unknown;
};
/**
 * The audit entries people wrote about one membership, oldest first (read as the superuser; the
 * factories' own writes as the superuser are audited too, with no actor).
 */
const entriesOf = (record: string) =>
	cast.admin.collection('audit_log').getFullList<Entry>({
		filter: cast.admin.filter('collection = "memberships" && record = {:record} && actor != ""', { record }),
		sort: 'created'
	});

/** The error PocketBase answered, or null when the request passed. */
async function refusal(request: Promise<unknown>): Promise<ClientResponseError | null> {
	try {
		await request;
		return null;
	} catch (err) {
		if (err instanceof ClientResponseError) return err;
		throw err;
	}
}

const fieldMessage = (err: ClientResponseError | null, field: string) =>
	(err?.response.data as Record<string, { message: string }> | undefined)?.[field]?.message;

describe('memberships through the API', () => {
	it('lets the secretariat appoint another secretariat, and audits it with a Danish summary', async () => {
		const person = await newcomer();
		const created = await as('secretariat')
			.collection('memberships')
			.create<Membership>({ user: person.record.id, group: cast.groups.a.id, role: 'secretariat' });
		expect(created.role).toBe('secretariat');
		const [entry] = await entriesOf(created.id);
		expect(entry).toMatchObject({
			action: 'create',
			actor: cast.people.secretariat.record.id,
			group: cast.groups.a.id,
			summary: `${person.record.name} tilføjet som sekretariat`
		});
	});

	it('lets the secretariat change a role and end a membership, each audited with before and after', async () => {
		const membership = await freshMember();
		const pb = as('secretariat');
		await pb.collection('memberships').update(membership.id, { role: 'co_chair' });
		await pb.collection('memberships').update(membership.id, { ends: '2027-03-01 00:00:00.000Z' });
		const entries = await entriesOf(membership.id);
		expect(entries.map((e) => [e.action, e.actor, e.group])).toEqual([
			['update', cast.people.secretariat.record.id, cast.groups.a.id],
			['update', cast.people.secretariat.record.id, cast.groups.a.id]
		]);
		expect(entries[0].summary).toMatch(/: rolle ændret fra medlem til medformand$/);
		expect(entries[0].before).toMatchObject({ role: 'member' });
		expect(entries[0].after).toMatchObject({ role: 'co_chair' });
		expect(entries[1].summary).toMatch(/: afsluttet pr\. 1\. marts 2027$/);
	});

	it('refuses an end before the start beside the field, and stores nothing', async () => {
		const membership = await freshMember({ starts: '2026-06-01 00:00:00.000Z' });
		const err = await refusal(
			as('secretariat').collection('memberships').update(membership.id, { ends: '2026-05-01 00:00:00.000Z' })
		);
		expect(err?.status).toBe(400);
		expect(fieldMessage(err, 'ends')).toBe('Medlemskabet kan ikke slutte, før det begynder.');
		expect((await cast.admin.collection('memberships').getOne<Membership>(membership.id)).ends).toBe('');
		expect(await entriesOf(membership.id)).toEqual([]);
	});

	it('refuses a second membership of the same person while the first lasts', async () => {
		const err = await refusal(
			as('secretariat')
				.collection('memberships')
				.create({ user: cast.people.member.record.id, group: cast.groups.a.id, role: 'observer' })
		);
		expect(fieldMessage(err, 'user')).toBe('Mette Medlem er allerede med i gruppen.');
	});

	it('lets a former member join again as a new period, keeping the ended one', async () => {
		const created = await as('secretariat')
			.collection('memberships')
			.create<Membership>({ user: cast.people.former.record.id, group: cast.groups.a.id, role: 'member' });
		await expect(cast.admin.collection('memberships').getOne(cast.memberships.former.id)).resolves.toMatchObject({
			ends: cast.memberships.former.ends
		});
		await cast.admin.collection('memberships').delete(created.id);
	});

	it('refuses an unknown role and a guest role without a meeting', async () => {
		const person = await newcomer();
		for (const role of ['guest', 'king']) {
			const err = await refusal(
				as('secretariat').collection('memberships').create({ user: person.record.id, group: cast.groups.a.id, role })
			);
			expect(err?.status, role).toBe(400);
		}
		const stored = await cast.admin
			.collection('memberships')
			.getList(1, 1, { filter: cast.admin.filter('user = {:u}', { u: person.record.id }) });
		expect(stored.totalItems).toBe(0);
	});

	it('keeps a membership that has begun (history): the secretariat may only delete one not yet begun', async () => {
		const begun = await freshMember();
		await expect(as('secretariat').collection('memberships').delete(begun.id)).rejects.toMatchObject({ status: 404 });
		await expect(cast.admin.collection('memberships').getOne(begun.id)).resolves.toMatchObject({ id: begun.id });

		const future = await freshMember({ starts: daysFromNow(30) });
		await expect(as('secretariat').collection('memberships').delete(future.id)).resolves.toBe(true);
		const [entry] = await entriesOf(future.id);
		expect(entry).toMatchObject({ action: 'delete', group: cast.groups.a.id, after: null });
		expect(entry.summary).toMatch(/fjernet fra gruppen \(medlemskabet var ikke begyndt\)$/);
	});

	it.each(people('anon', 'member', 'guest', 'former', 'outsider', 'otherSecretariat'))(
		'refuses to let %s add, change, end or delete a membership of the group',
		async (_label, who) => {
			const person = await newcomer();
			const membership = await freshMember({ starts: daysFromNow(30) });
			const pb = as(who);
			await expect(
				pb.collection('memberships').create({ user: person.record.id, group: cast.groups.a.id, role: 'member' })
			).rejects.toMatchObject({ status: 400 });
			await expect(pb.collection('memberships').update(membership.id, { role: 'chair' })).rejects.toMatchObject({
				status: 404
			});
			await expect(pb.collection('memberships').update(membership.id, { ends: daysFromNow(60) })).rejects.toMatchObject(
				{ status: 404 }
			);
			await expect(pb.collection('memberships').delete(membership.id)).rejects.toMatchObject({ status: 404 });
			await expect(cast.admin.collection('memberships').getOne(membership.id)).resolves.toMatchObject({
				role: 'member',
				ends: ''
			});
			expect(await entriesOf(membership.id)).toEqual([]);
		}
	);

	it('refuses to let a chair add or change members', async () => {
		const person = await newcomer();
		const membership = await freshMember();
		await expect(
			as('chair').collection('memberships').create({ user: person.record.id, group: cast.groups.a.id, role: 'member' })
		).rejects.toMatchObject({ status: 400 });
		await expect(as('chair').collection('memberships').update(membership.id, { role: 'chair' })).rejects.toMatchObject({
			status: 404
		});
	});

	it("refuses to let another group's secretariat move a membership into its group", async () => {
		const membership = await freshMember();
		await expect(
			as('secretariat').collection('memberships').update(membership.id, { group: cast.groups.b.id })
		).rejects.toMatchObject({ status: 404 });
		await expect(
			as('otherSecretariat').collection('memberships').update(membership.id, { group: cast.groups.b.id })
		).rejects.toMatchObject({ status: 404 });
	});
});

describe('the last secretariat', () => {
	it('keeps the group with a standing secretariat, and lets one go once another runs the group', async () => {
		// A group of its own, run by one secretariat.
		const group = await cast.admin.collection('groups').create({ name: 'Gruppe med ét sekretariat', kind: 'forum' });
		const sole = await createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Eneste Sekretær' });
		const own = await createMembership(cast.admin, { user: sole.record.id, group: group.id, role: 'secretariat' });

		const ending = await refusal(sole.pb.collection('memberships').update(own.id, { ends: daysFromNow(10) }));
		expect(fieldMessage(ending, 'ends')).toMatch(/^Gruppen skal have mindst ét sekretariat uden slutdato/);
		const demoting = await refusal(sole.pb.collection('memberships').update(own.id, { role: 'member' }));
		expect(fieldMessage(demoting, 'role')).toMatch(/^Gruppen skal have mindst ét sekretariat/);
		expect(await cast.admin.collection('memberships').getOne<Membership>(own.id)).toMatchObject({
			role: 'secretariat',
			ends: ''
		});

		// A secretariat that only begins next month does not run the group yet.
		const next = await createUser(cast.admin, { organization: cast.organizations.a.id });
		const coming = await sole.pb
			.collection('memberships')
			.create<Membership>({ user: next.record.id, group: group.id, role: 'secretariat', starts: daysFromNow(30) });
		expect(await refusal(sole.pb.collection('memberships').update(own.id, { ends: daysFromNow(10) }))).not.toBeNull();

		await sole.pb.collection('memberships').update(coming.id, { starts: daysFromNow(-1) });
		await expect(
			sole.pb.collection('memberships').update<Membership>(own.id, { ends: daysFromNow(10) })
		).resolves.toMatchObject({ role: 'secretariat' });
	});
});

describe('people the secretariat sees', () => {
	it("lets the secretariat read a former member's name, and nobody else outside the group", async () => {
		const former = cast.people.former.record.id;
		expect(await viewable(as('secretariat'), 'users', [former])).toEqual([former]);
		for (const who of ['member', 'chair', 'outsider', 'otherSecretariat', 'guest', 'anon'] as const) {
			expect(await viewable(as(who), 'users', [former]), who).toEqual([]);
		}
	});

	it("keeps other groups' people from the secretariat", async () => {
		const theirs = [cast.people.outsider.record.id, cast.people.otherSecretariat.record.id];
		expect(await viewable(as('secretariat'), 'users', theirs)).toEqual([]);
		await listRefused(as('secretariat'), 'users');
	});
});

describe('the audit entries of a group', () => {
	let entry: string;

	beforeAll(async () => {
		const membership = await freshMember();
		await as('secretariat').collection('memberships').update(membership.id, { role: 'observer' });
		entry = (await entriesOf(membership.id))[0].id;
	});

	it("shows them to the group's secretariat, by id and as the group's back-relation", async () => {
		expect(await viewable(as('secretariat'), 'audit_log', [entry])).toEqual([entry]);
		const group = await as('secretariat')
			.collection('groups')
			.getOne<{ expand?: { audit_log_via_group?: { id: string }[] } }>(cast.groups.a.id, {
				expand: 'audit_log_via_group'
			});
		expect(group.expand?.audit_log_via_group?.map((e) => e.id)).toContain(entry);
	});

	it.each<[string, Viewer]>([
		["another group's secretariat", 'otherSecretariat'],
		['a member', 'member'],
		['a chair', 'chair'],
		['a visitor', 'anon'],
		['a former member', 'former']
	])('hides them from %s', async (_label, who) => {
		expect(await viewable(as(who), 'audit_log', [entry])).toEqual([]);
	});

	it('lets nobody list the audit log', async () => {
		for (const who of ['secretariat', 'otherSecretariat', 'member', 'chair', 'anon'] as const) {
			await listRefused(as(who), 'audit_log');
		}
	});

	it('refuses to let anyone write an audit entry through the API', async () => {
		const err = await refusal(
			as('secretariat').collection('audit_log').create({
				collection: 'memberships',
				record: 'x',
				action: 'create',
				group: cast.groups.a.id,
				summary: 'Falsk'
			})
		);
		expect(err?.status).toBe(403);
	});
});

describe('the add route', () => {
	const add = (pb: PocketBase, group: string, body: Record<string, unknown>) =>
		pb.send<{ membership: string; user: string; created: boolean; invited: boolean; kept: unknown[] }>(
			`/api/klynge/groups/${group}/members`,
			{ method: 'POST', body }
		);
	const person = (email: string, fields: Record<string, unknown> = {}) => ({
		name: 'Nina Ny',
		title: 'Kommunaldirektør',
		organization: cast.organizations.a.id,
		email,
		role: 'member',
		starts: '2027-02-01 00:00:00.000Z',
		...fields
	});
	const accountFor = async (email: string) =>
		(
			await cast.admin
				.collection('users')
				.getList<User>(1, 1, { filter: cast.admin.filter('email = {:email}', { email }) })
		).items[0];

	it('makes an account, the membership and its audit entry, and sends a Danish invitation', async () => {
		const email = 'nina.ny@test.klyngeportal.local';
		const result = await add(as('secretariat'), cast.groups.a.id, person(email, { role: 'co_chair' }));
		expect(result).toMatchObject({ created: true, invited: true, kept: [] });
		expect(await accountFor(email)).toMatchObject({
			id: result.user,
			name: 'Nina Ny',
			title: 'Kommunaldirektør',
			organization: cast.organizations.a.id,
			verified: false
		});
		expect(await cast.admin.collection('memberships').getOne<Membership>(result.membership)).toMatchObject({
			user: result.user,
			group: cast.groups.a.id,
			role: 'co_chair',
			starts: '2027-02-01 00:00:00.000Z'
		});
		const [entry] = await entriesOf(result.membership);
		expect(entry).toMatchObject({
			action: 'create',
			actor: cast.people.secretariat.record.id,
			group: cast.groups.a.id,
			summary: 'Nina Ny tilføjet som medformand fra 1. februar 2027'
		});
		await vi.waitFor(() => expect(catcher.messages.some((m) => m.to[0] === email)).toBe(true));
		const mail = catcher.messages.find((m) => m.to[0] === email)!;
		expect(mail.subject).toBe(`Du er med i ${cast.groups.a.name}`);
		expect(mail.text).toContain('som medformand fra 1. februar 2027');
		expect(mail.text).toContain('engangskode');
		expect(mail.text).toContain(`https://klyngeportal.test/login?til=%2F&email=${encodeURIComponent(email)}`);
	});

	it('reuses an existing account, keeps its name, title and organisation, says so and sends no invitation', async () => {
		const existing = await createUser(cast.admin, {
			organization: cast.organizations.b.id,
			name: 'Karin Kendt',
			title: 'Direktør'
		});
		const before = catcher.messages.length;
		const result = await add(
			as('secretariat'),
			cast.groups.a.id,
			person(existing.record.email.toUpperCase(), { name: 'Karin K.', title: 'Chef' })
		);
		expect(result).toMatchObject({ user: existing.record.id, created: false, invited: false });
		expect(result.kept).toEqual([
			{ field: 'name', kept: 'Karin Kendt', given: 'Karin K.' },
			{ field: 'title', kept: 'Direktør', given: 'Chef' },
			{ field: 'organization', kept: cast.organizations.b.name, given: cast.organizations.a.name }
		]);
		expect(await cast.admin.collection('users').getOne<User>(existing.record.id)).toMatchObject({
			name: 'Karin Kendt',
			title: 'Direktør',
			organization: cast.organizations.b.id
		});
		expect(catcher.messages.length).toBe(before);
	});

	it('begins a membership without a date now, so the history says when', async () => {
		const before = new Date().toISOString().replace('T', ' ');
		const result = await add(
			as('secretariat'),
			cast.groups.a.id,
			person('uden.dato@test.klyngeportal.local', { starts: '' })
		);
		const stored = await cast.admin.collection('memberships').getOne<Membership>(result.membership);
		expect(stored.starts >= before.slice(0, 19)).toBe(true);
		expect(stored.starts <= new Date().toISOString().replace('T', ' ')).toBe(true);
	});

	it.each<[string, Viewer]>([
		['a member', 'member'],
		['a chair', 'chair'],
		["another group's secretariat", 'otherSecretariat'],
		['a former member', 'former']
	])('refuses %s with the same 404 as a group that does not exist', async (_label, who) => {
		const email = `afvist.${who}@test.klyngeportal.local`;
		const err = await refusal(add(as(who), cast.groups.a.id, person(email)));
		expect(err).toMatchObject({ status: 404, message: 'Gruppen findes ikke.' });
		expect(await accountFor(email)).toBeUndefined();
	});

	it('refuses a visitor', async () => {
		const err = await refusal(add(as('anon'), cast.groups.a.id, person('gaest@test.klyngeportal.local')));
		expect(err?.status).toBe(401);
	});

	it("refuses the secretariat another group's id and a made-up id", async () => {
		for (const group of [cast.groups.b.id, 'abcdefghijklmno', '../../x']) {
			const err = await refusal(add(as('secretariat'), group, person('forfalsket@test.klyngeportal.local')));
			expect(err?.status, group).toBe(404);
		}
		expect(await accountFor('forfalsket@test.klyngeportal.local')).toBeUndefined();
	});

	it.each<[string, Record<string, unknown>]>([
		['a group in the body', { group: 'x' }],
		['a user id', { user: 'x' }],
		['the verified flag', { verified: true }],
		['a meeting', { meeting: 'x' }]
	])('refuses %s among the fields', async (_label, extra) => {
		const email = `felt.${Object.keys(extra)[0]}@test.klyngeportal.local`;
		const err = await refusal(add(as('secretariat'), cast.groups.a.id, { ...person(email), ...extra }));
		expect(err?.status).toBe(400);
		expect(fieldMessage(err, 'form')).toBe(`Feltet "${Object.keys(extra)[0]}" kan ikke sættes her.`);
		expect(await accountFor(email)).toBeUndefined();
	});

	it.each<[string, Record<string, unknown>, string, string]>([
		['no name', { name: '  ' }, 'name', 'Skriv personens navn.'],
		['an invalid e-mail', { email: 'ikke-en-mail' }, 'email', 'Skriv en gyldig e-mail, fx navn@kommune.dk.'],
		[
			'an unknown organisation',
			{ organization: 'abcdefghijklmno' },
			'organization',
			'Vælg en organisation fra listen.'
		],
		[
			'a role that does not exist',
			{ role: 'king' },
			'role',
			'Vælg en rolle: medlem, formand, medformand, sekretariat eller observatør.'
		],
		[
			'the guest role',
			{ role: 'guest' },
			'role',
			'Vælg en rolle: medlem, formand, medformand, sekretariat eller observatør.'
		],
		['an unreadable date', { starts: 'i morgen' }, 'starts', 'Skriv en dato, fx 1. februar 2027.']
	])('refuses %s beside the field and makes no account', async (label, fields, field, message) => {
		const email = `fejl.${label.replace(/\W/g, '')}@test.klyngeportal.local`;
		const err = await refusal(add(as('secretariat'), cast.groups.a.id, person(email, fields)));
		expect(err?.status).toBe(400);
		expect(fieldMessage(err, field)).toBe(message);
		expect(await accountFor(email)).toBeUndefined();
	});

	it('refuses a person already in the group beside the e-mail', async () => {
		const err = await refusal(add(as('secretariat'), cast.groups.a.id, person(cast.people.member.record.email)));
		expect(fieldMessage(err, 'email')).toBe('Mette Medlem er allerede med i gruppen.');
	});

	it('leaves the route the only way to make an account: nobody creates one through the API', async () => {
		for (const who of ['secretariat', 'member', 'anon'] as const) {
			const err = await refusal(
				as(who)
					.collection('users')
					.create({
						email: `api.${who}@test.klyngeportal.local`,
						password: 'en-lang-adgangskode',
						passwordConfirm: 'en-lang-adgangskode',
						name: 'Via API'
					})
			);
			expect(err?.status, who).toBe(403);
		}
	});

	it('lists every organisation to the secretariat only', async () => {
		const extra = await createOrganization(cast.admin, { name: 'Aarhus Kommune', sector: 'kommune' });
		const path = `/api/klynge/groups/${cast.groups.a.id}/organizations`;
		const { organizations } = await as('secretariat').send<{ organizations: { id: string }[] }>(path, {});
		expect(organizations.map((o) => o.id)).toEqual(
			expect.arrayContaining([extra.id, cast.organizations.a.id, cast.organizations.b.id])
		);
		for (const who of ['member', 'chair', 'otherSecretariat'] as const) {
			expect((await refusal(as(who).send(path, {})))?.status, who).toBe(404);
		}
	});
});

describe('the add route, when the membership fails after the account was made', () => {
	let failing: TestPocketBase;
	let hooksDir: string;

	beforeAll(async () => {
		// The real hooks, and one more that refuses memberships beginning in 2099: a failure inside the
		// transaction, after the account has been saved.
		hooksDir = mkdtempSync(join(tmpdir(), 'klyngeportal-hooks-'));
		cpSync(join(process.cwd(), 'pb_hooks'), hooksDir, { recursive: true });
		writeFileSync(
			join(hooksDir, 'zz-refuse-2099.pb.js'),
			"onRecordCreate((e) => { if (String(e.record.getString('starts')).indexOf('2099') === 0) " +
				"throw new BadRequestError('Afvist i testen.'); e.next(); }, 'memberships');\n"
		);
		failing = await startTestPocketBase({ hooksDir });
	}, 60_000);

	afterAll(async () => {
		await failing?.stop();
		rmSync(hooksDir, { recursive: true, force: true });
	});

	it('leaves no new account, no membership and no audit entry', async () => {
		const small = await createCast(failing.admin);
		const email = 'halvt.gemt@test.klyngeportal.local';
		const err = await refusal(
			small.as('secretariat').send(`/api/klynge/groups/${small.groups.a.id}/members`, {
				method: 'POST',
				body: {
					name: 'Halvt Gemt',
					organization: small.organizations.a.id,
					email,
					role: 'member',
					starts: '2099-01-01 00:00:00.000Z'
				}
			})
		);
		expect(err?.status).toBe(400);
		const users = await failing.admin
			.collection('users')
			.getList(1, 1, { filter: failing.admin.filter('email = {:email}', { email }) });
		expect(users.totalItems).toBe(0);
		const entries = await failing.admin
			.collection('audit_log')
			.getList(1, 1, { filter: 'collection = "memberships" && summary ~ "Halvt Gemt"' });
		expect(entries.totalItems).toBe(0);
	});
});
