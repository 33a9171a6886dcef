// The routes around nomination calls (pb_hooks/nomination-routes.pb.js): the nominee's confirm or
// decline link without login, reminders to the organisations that have not answered, and composing
// a working group from a closed call. Records are arranged as the superuser, so these tests do not
// depend on the nomination hooks; mails go to a real SMTP catcher.
import { randomBytes } from 'node:crypto';
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createCast,
	createGroup,
	createMembership,
	createOrganization,
	createUser,
	daysFromNow,
	type Cast,
	type Organization,
	type Person
} from '../support/factories';
import { startTestPocketBaseWithMail, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let catcher: Awaited<ReturnType<typeof startTestPocketBaseWithMail>>['catcher'];
let cast: Cast;
let chair: Person;
let answeredNominee: Person; // kommune C, whose organisation has named someone
let answeredNone: Person; // kommune D, whose organisation "melder ingen"
let hospital: Person; // a hospital: not eligible for a call to the municipalities
let openMember: Person; // kommune F, not answered
let observer: Person; // kommune F, an observer
let orgs: Record<'c' | 'd' | 'e' | 'f', Organization>;

// Monday 1 July 2030, the end of the day in Copenhagen (summer time).
const DEADLINE = '2030-07-01 21:59:59.999Z';

beforeAll(async () => {
	({ server, catcher } = await startTestPocketBaseWithMail());
	cast = await createCast(server.admin);
	const admin = cast.admin;
	const [c, d, e, f] = await Promise.all([
		createOrganization(admin, { sector: 'kommune' }),
		createOrganization(admin, { sector: 'kommune' }),
		createOrganization(admin, { sector: 'hospital' }),
		createOrganization(admin, { sector: 'kommune' })
	]);
	orgs = { c, d, e, f };
	[chair, answeredNominee, answeredNone, hospital, openMember, observer] = await Promise.all([
		createUser(admin, { organization: cast.organizations.a.id, name: 'Fie Formand' }),
		createUser(admin, { organization: c.id, name: 'Carl Cee' }),
		createUser(admin, { organization: d.id, name: 'Dorte Dee' }),
		createUser(admin, { organization: e.id, name: 'Erik Hospital' }),
		createUser(admin, { organization: f.id, name: 'Frida Eff' }),
		createUser(admin, { organization: f.id, name: 'Otto Observatør' })
	]);
	const a = cast.groups.a.id;
	await Promise.all([
		createMembership(admin, { user: chair.record.id, group: a, role: 'chair' }),
		createMembership(admin, { user: answeredNominee.record.id, group: a }),
		createMembership(admin, { user: answeredNone.record.id, group: a }),
		createMembership(admin, { user: hospital.record.id, group: a }),
		createMembership(admin, { user: openMember.record.id, group: a }),
		createMembership(admin, { user: observer.record.id, group: a, role: 'observer' })
	]);
}, 60_000);

afterAll(async () => {
	await server?.stop();
	await catcher?.close();
});

type Call = { id: string; group: string; title: string };
type Forum = { id: string; name: string; group: string };
type Nomination = { id: string; response: string; responded_at: string };

async function createCall(
	fields: { title: string; status?: string; eligibility?: string; eligible_sectors?: string[]; deadline?: string },
	fora: string[] = ['Faglig gruppe']
) {
	const call = await cast.admin.collection('nomination_calls').create<Call>({
		group: cast.groups.a.id,
		eligibility: 'sectors',
		eligible_sectors: ['kommune'],
		deadline: DEADLINE,
		status: 'open',
		...fields
	});
	const created: Forum[] = [];
	for (const [i, name] of fora.entries()) {
		created.push(
			await cast.admin.collection('nomination_fora').create<Forum>({ call: call.id, name, position: i, quota: i + 1 })
		);
	}
	return { call, fora: created };
}

const token = () => randomBytes(24).toString('hex'); // 48 characters

function nominate(
	call: string,
	fields: {
		forum?: string;
		organization: string;
		kind?: 'nominee' | 'none';
		nominee_name?: string;
		nominee_title?: string;
		nominee_email?: string;
		nominee_user?: string;
		nominated_by?: string;
		response?: 'confirmed' | 'declined';
		response_token?: string;
	}
) {
	return cast.admin.collection('nominations').create<Nomination>({
		call,
		kind: 'nominee',
		nominee_title: fields.kind === 'none' ? '' : 'Sundhedschef',
		...fields
	});
}

const post = <T>(pb: PocketBase, path: string, body: Record<string, unknown> = {}) =>
	pb.send<T>(path, { method: 'POST', body });
const get = <T>(pb: PocketBase, path: string) => pb.send<T>(path, { method: 'GET' });
const mailsAbout = (text: string) => catcher.messages.filter((m) => m.subject.includes(text));
const failure = (p: Promise<unknown>) =>
	p.then(
		() => {
			throw new Error('expected the request to fail');
		},
		(err: { status: number; response: { message: string; data: Record<string, unknown> } }) => err
	);

describe("the nominee's link", () => {
	let call: Call;
	let forum: Forum;
	let secret: string;
	let nomination: Nomination;

	beforeAll(async () => {
		({
			call,
			fora: [forum]
		} = await createCall({ title: 'Indkaldelse med et link' }));
		secret = token();
		nomination = await nominate(call.id, {
			forum: forum.id,
			organization: orgs.c.id,
			nominee_name: 'Nina Nomineret',
			nominee_email: 'nina@test.klyngeportal.local',
			nominated_by: answeredNominee.record.id,
			response_token: secret
		});
	});

	it('shows without a login who named the nominee for what, and never the token', async () => {
		const shown = await get<Record<string, unknown>>(cast.anon, `/api/klyngeportal/nominations/by-token/${secret}`);
		expect(shown).toEqual({
			nominee_name: 'Nina Nomineret',
			call_title: 'Indkaldelse med et link',
			forum_name: 'Faglig gruppe',
			group_name: cast.groups.a.name,
			organization_name: orgs.c.name,
			nominated_by_name: 'Carl Cee',
			deadline: DEADLINE,
			response: ''
		});
	});

	it.each([
		['an unknown token', () => token()],
		['a short token', () => 'abc'],
		['a token of other characters', () => `${'x'.repeat(40)}%20OR%201`]
	])('answers %s with the same Danish 404', async (_label, make) => {
		for (const request of [
			() => get(cast.anon, `/api/klyngeportal/nominations/by-token/${make()}`),
			() => post(cast.anon, '/api/klyngeportal/nominations/respond', { token: make(), response: 'confirmed' })
		]) {
			const err = await failure(request());
			expect(err.status).toBe(404);
			expect(err.response.message).toBe('Linket er ugyldigt. Bed sekretariatet om et nyt.');
		}
	});

	it('lets the nominee confirm, change their mind, and writes each answer to the audit log', async () => {
		const confirmed = await post<{ response: string }>(cast.anon, '/api/klyngeportal/nominations/respond', {
			token: secret,
			response: 'confirmed'
		});
		expect(confirmed).toMatchObject({ response: 'confirmed', nominee_name: 'Nina Nomineret' });
		const declined = await post<{ response: string }>(cast.anon, '/api/klyngeportal/nominations/respond', {
			token: secret,
			response: 'declined'
		});
		expect(declined.response).toBe('declined');

		const stored = await cast.admin.collection('nominations').getOne<Nomination>(nomination.id);
		expect(stored.response).toBe('declined');
		expect(stored.responded_at).toMatch(/^\d{4}-\d\d-\d\d /);
		const audit = await cast.admin.collection('audit_log').getFullList<{
			call: string;
			action: string;
			before: { response: string };
			after: { response: string };
		}>({ filter: cast.admin.filter('record = {:id} && action = "update"', { id: nomination.id }), sort: 'created' });
		expect(audit.map((a) => [a.call, a.action, a.before.response, a.after.response])).toEqual([
			[call.id, 'update', '', 'confirmed'],
			[call.id, 'update', 'confirmed', 'declined']
		]);
	});

	it('refuses an answer other than yes or no beside the field, and stores nothing', async () => {
		const before = await cast.admin.collection('nominations').getOne<Nomination>(nomination.id);
		const err = await failure(
			post(cast.anon, '/api/klyngeportal/nominations/respond', { token: secret, response: 'maybe' })
		);
		expect(err.status).toBe(400);
		expect(err.response.data.response).toMatchObject({ message: 'Svar ja eller nej.' });
		expect((await cast.admin.collection('nominations').getOne<Nomination>(nomination.id)).response).toBe(
			before.response
		);
	});

	it('stops working once the forum has become a group, and says so in Danish', async () => {
		const { call: other, fora } = await createCall({ title: 'Indkaldelse der er sammensat' });
		const used = token();
		await nominate(other.id, {
			forum: fora[0].id,
			organization: orgs.c.id,
			nominee_name: 'Sen Svarer',
			nominee_email: 'sen@test.klyngeportal.local',
			response_token: used
		});
		const group = await createGroup(cast.admin, { kind: 'arbejdsgruppe' });
		await cast.admin.collection('nomination_fora').update(fora[0].id, { group: group.id });
		for (const request of [
			() => get(cast.anon, `/api/klyngeportal/nominations/by-token/${used}`),
			() => post(cast.anon, '/api/klyngeportal/nominations/respond', { token: used, response: 'confirmed' })
		]) {
			const err = await failure(request());
			expect(err.status).toBe(410);
			expect(err.response.message).toContain('Gruppen er allerede sammensat');
		}
	});
});

describe('reminders for a call', () => {
	type Sent = { sent: number; recipients: string[] };
	type Last = { last: { created: string; sender: string; recipients: string[] } | null };
	const remind = (pb: PocketBase, id: string, body: Record<string, unknown> = {}) =>
		post<Sent>(pb, `/api/klyngeportal/calls/${id}/reminders`, body);

	/** A call to the municipalities where C has named someone and D "melder ingen". */
	async function answeredCall(title: string) {
		const { call, fora } = await createCall({ title }, ['Faglig gruppe', 'Strategisk']);
		await nominate(call.id, {
			forum: fora[0].id,
			organization: orgs.c.id,
			nominee_name: 'Carl Cee',
			nominee_user: answeredNominee.record.id
		});
		await nominate(call.id, { organization: orgs.d.id, kind: 'none' });
		return call;
	}

	type Queued = {
		user: string;
		kind: string;
		origin: string;
		moment: string;
		status: string;
		expires: string;
		payload: { notification: { title: string; body: string; navigate: string } };
	};
	/** The reminders queued about a call (the dispatcher sends them; its own tests). */
	const queuedFor = (call: string) =>
		cast.admin.collection('notifications').getFullList<Queued>({
			filter: cast.admin.filter('subject = {:call} && kind = "nomination"', { call }),
			sort: 'created,user'
		});

	it('are queued for the members of eligible organisations that have not answered, and for nobody else', async () => {
		const call = await answeredCall('Indkaldelse med påmindelser');
		const result = await remind(cast.as('secretariat'), call.id);
		// Not the sender, the observer, the former member, the organisations that answered, nor the hospital.
		const expected = ['Fie Formand', 'Frida Eff', 'Mette Medlem'];
		expect(result.recipients.sort()).toEqual(expected);
		expect(result.sent).toBe(3);
		const rows = await queuedFor(call.id);
		expect(rows.map((r) => r.user).sort()).toEqual(
			[chair.record.id, openMember.record.id, cast.people.member.record.id].sort()
		);
		for (const row of rows) {
			expect(row).toMatchObject({ origin: 'secretariat', status: 'pending', expires: DEADLINE });
			expect(row.moment).toMatch(/^manual@[a-z0-9]{15}$/);
		}
		expect(mailsAbout('Indkaldelse med påmindelser')).toEqual([]);
	});

	it('name the call, the deadline in Danish and the seats, and lead to the call', async () => {
		const call = await answeredCall('Indkaldelse med indhold');
		await remind(cast.as('secretariat'), call.id);
		const row = (await queuedFor(call.id)).find((r) => r.user === openMember.record.id);
		expect(row?.payload.notification.title).toMatch(/^Meld deltagere ind senest om \d+ dage: Indkaldelse med indhold$/);
		expect(row?.payload.notification.body).toContain('Meld deltagere ind senest mandag den 1. juli.');
		expect(row?.payload.notification.body).toContain(
			'Faglig gruppe (1 plads pr. organisation), Strategisk (2 pladser pr. organisation)'
		);
		expect(row?.payload.notification.navigate).toBe(`https://klyngeportal.test/indkaldelser/${call.id}`);
	});

	it("show the call's secretariat who was reminded, and nobody else", async () => {
		const call = await answeredCall('Indkaldelse med overblik');
		type Reminded = { members: { user: string; name: string; next: { origin: string } | null }[] };
		const reminded = (pb: PocketBase) => get<Reminded>(pb, `/api/klynge/reminders/calls/${call.id}`);
		await remind(cast.as('secretariat'), call.id);
		const { members } = await reminded(cast.as('secretariat'));
		const next = Object.fromEntries(members.map((m) => [m.name, m.next?.origin ?? null]));
		expect(next).toMatchObject({
			'Fie Formand': 'secretariat',
			'Frida Eff': 'secretariat',
			'Mette Medlem': 'secretariat'
		});
		for (const pb of [cast.as('member'), chair.pb, cast.as('otherSecretariat'), cast.as('outsider')]) {
			await expect(reminded(pb)).rejects.toMatchObject({ status: 404 });
		}
		await expect(reminded(cast.as('anon'))).rejects.toMatchObject({ status: 401 });
	});

	it('are logged with the call, and reported to its secretariat only', async () => {
		const call = await answeredCall('Indkaldelse med en log');
		const last = (pb: PocketBase) => get<Last>(pb, `/api/klyngeportal/calls/${call.id}/reminders`);
		expect((await last(cast.as('secretariat'))).last).toBeNull();
		await remind(cast.as('secretariat'), call.id);
		const { last: round } = await last(cast.as('secretariat'));
		expect(round).toMatchObject({ sender: 'Sofie Sekretær', created: expect.stringMatching(/^\d{4}-\d\d-\d\d /) });
		expect(round?.recipients.sort()).toEqual(['Fie Formand', 'Frida Eff', 'Mette Medlem']);
		const logs = await cast.admin
			.collection('reminder_log')
			.getFullList({ filter: cast.admin.filter('call = {:id}', { id: call.id }) });
		expect(logs.map((l) => [l.group, l.sender, l.meeting])).toEqual([
			[cast.groups.a.id, cast.people.secretariat.record.id, '']
		]);
		for (const pb of [cast.as('member'), chair.pb, cast.as('otherSecretariat')]) {
			await expect(last(pb)).rejects.toMatchObject({ status: 404 });
		}
		await expect(last(cast.as('anon'))).rejects.toMatchObject({ status: 401 });
	});

	it('ask for a confirmation before a second round within a day, and queue nothing without it', async () => {
		const call = await answeredCall('Indkaldelse med to runder');
		await remind(cast.as('secretariat'), call.id);
		const before = (await queuedFor(call.id)).length;
		expect(before).toBe(3);

		const refused = await failure(remind(cast.as('secretariat'), call.id));
		expect(refused.status).toBe(409);
		expect(refused.response.message).toContain('mindre end et døgn');
		expect(refused.response.data.last).toMatchObject({ sender: 'Sofie Sekretær' });
		expect(await queuedFor(call.id)).toHaveLength(before);

		const again = await remind(cast.as('secretariat'), call.id, { confirm: true });
		expect(again.sent).toBe(3);
		expect(await queuedFor(call.id)).toHaveLength(before * 2);
	});

	it('reach every organisation when the call is open to all, except those that answered', async () => {
		const call = await answeredCall('Indkaldelse til alle');
		await cast.admin.collection('nomination_calls').update(call.id, { eligibility: 'all' });
		const { recipients } = await remind(cast.as('secretariat'), call.id);
		expect(recipients.sort()).toEqual(['Erik Hospital', 'Fie Formand', 'Frida Eff', 'Mette Medlem']);
	});

	it.each(['member', 'otherSecretariat', 'outsider', 'guest'] as const)('cannot be sent by %s', async (who) => {
		const call = await answeredCall(`Indkaldelse som ${who} ikke må påminde om`);
		await expect(remind(cast.as(who), call.id)).rejects.toMatchObject({ status: 404 });
		expect(await queuedFor(call.id)).toEqual([]);
	});

	it('cannot be sent by the chair of the group, nor anonymously', async () => {
		const call = await answeredCall('Indkaldelse uden formandens påmindelser');
		await expect(remind(chair.pb, call.id)).rejects.toMatchObject({ status: 404 });
		await expect(remind(cast.as('anon'), call.id)).rejects.toMatchObject({ status: 401 });
		expect(await queuedFor(call.id)).toEqual([]);
	});

	it('cannot be sent for a closed call or one whose deadline has passed', async () => {
		const closed = await answeredCall('Lukket indkaldelse');
		await cast.admin.collection('nomination_calls').update(closed.id, { status: 'closed' });
		const late = await answeredCall('Indkaldelse efter fristen');
		await cast.admin.collection('nomination_calls').update(late.id, { deadline: daysFromNow(-1) });
		for (const id of [closed.id, late.id]) {
			const err = await failure(remind(cast.as('secretariat'), id));
			expect(err.status).toBe(400);
			expect(err.response.message).toContain('åben indkaldelse');
		}
	});
});

describe('composing a group from a closed call', () => {
	type Composed = { group: string; memberships: number; accounts: number };
	const compose = (pb: PocketBase, id: string, body: Record<string, unknown>) =>
		post<Composed>(pb, `/api/klyngeportal/calls/${id}/compose`, body);

	/** A closed call: C named an existing member, F a new person, D someone who declined. */
	async function closedCall(title: string, newEmail: string) {
		const { call, fora } = await createCall({ title, status: 'closed' }, ['Faglig gruppe', 'Strategisk']);
		const forum = fora[0];
		const existing = await nominate(call.id, {
			forum: forum.id,
			organization: orgs.c.id,
			nominee_name: 'Carl Cee',
			nominee_user: answeredNominee.record.id
		});
		const stranger = await nominate(call.id, {
			forum: forum.id,
			organization: orgs.f.id,
			nominee_name: 'Ny Person',
			nominee_title: 'Sygeplejerske',
			nominee_email: newEmail,
			response: 'confirmed'
		});
		const declined = await nominate(call.id, {
			forum: forum.id,
			organization: orgs.d.id,
			nominee_name: 'Nej Tak',
			nominee_email: `nej-${newEmail}`,
			response: 'declined'
		});
		const elsewhere = await nominate(call.id, {
			forum: fora[1].id,
			organization: orgs.c.id,
			nominee_name: 'Anden Forum',
			nominee_email: `andet-${newEmail}`
		});
		return { call, forum, other: fora[1], existing, stranger, declined, elsewhere };
	}

	const groupsNamed = (name: string) =>
		cast.admin.collection('groups').getFullList({ filter: cast.admin.filter('name = {:name}', { name }) });
	const usersWith = (email: string) =>
		cast.admin.collection('users').getFullList({ filter: cast.admin.filter('email = {:email}', { email }) });

	it('creates the working group under the steering group with memberships, an account and an invitation', async () => {
		const c = await closedCall('Indkaldelse til en arbejdsgruppe', 'ny.person@test.klyngeportal.local');
		const result = await compose(cast.as('secretariat'), c.call.id, {
			forum: c.forum.id,
			nominations: [c.existing.id, c.stranger.id],
			target: { kind: 'new', name: 'Arbejdsgruppen for IV', group_kind: 'arbejdsgruppe' }
		});
		expect(result).toMatchObject({ memberships: 2, accounts: 1 });

		const group = await cast.admin.collection('groups').getOne(result.group);
		expect(group).toMatchObject({ name: 'Arbejdsgruppen for IV', kind: 'arbejdsgruppe', parent: cast.groups.a.id });
		const [account] = await usersWith('ny.person@test.klyngeportal.local');
		expect(account).toMatchObject({
			name: 'Ny Person',
			title: 'Sygeplejerske',
			organization: orgs.f.id,
			verified: false
		});
		// Both nominations now point at their person's account.
		expect((await cast.admin.collection('nominations').getOne(c.stranger.id)).nominee_user).toBe(account.id);
		expect((await cast.admin.collection('nominations').getOne(c.existing.id)).nominee_user).toBe(
			answeredNominee.record.id
		);
		const memberships = await cast.admin
			.collection('memberships')
			.getFullList({ filter: cast.admin.filter('group = {:g}', { g: group.id }) });
		expect(memberships.map((m) => `${m.user}:${m.role}`).sort()).toEqual(
			[
				`${answeredNominee.record.id}:member`,
				`${account.id}:member`,
				`${cast.people.secretariat.record.id}:secretariat`
			].sort()
		);
		expect((await cast.admin.collection('nomination_fora').getOne<Forum>(c.forum.id)).group).toBe(group.id);

		// (The nominee's earlier mail, "… har meldt dig ind …", went to the same address.)
		const invitation = catcher.messages.find(
			(m) => m.to[0] === 'ny.person@test.klyngeportal.local' && m.subject.startsWith('Du er med')
		);
		expect(invitation?.subject).toBe('Du er med i Arbejdsgruppen for IV');
		expect(invitation?.text).toContain(
			`https://klyngeportal.test/login?til=%2F&email=${encodeURIComponent('ny.person@test.klyngeportal.local')}`
		);
		// A nominee who already had an account gets no invitation, and sees the new group in the app.
		expect(catcher.messages.filter((m) => m.subject === 'Du er med i Arbejdsgruppen for IV')).toHaveLength(1);
		await expect(answeredNominee.pb.collection('groups').getOne(group.id)).resolves.toMatchObject({
			id: group.id
		});

		const audit = await cast.admin.collection('audit_log').getFullList({
			filter: cast.admin.filter('call = {:call} && collection != "nominations"', { call: c.call.id }),
			sort: 'created'
		});
		expect(audit.map((a) => [a.collection, a.action, a.actor])).toEqual([
			['groups', 'create', cast.people.secretariat.record.id],
			['nomination_fora', 'update', cast.people.secretariat.record.id]
		]);
	});

	it('adds to an existing child group without duplicating anyone who is a member already', async () => {
		const c = await closedCall('Indkaldelse til et eksisterende forum', 'eksisterende@test.klyngeportal.local');
		const child = await cast.admin
			.collection('groups')
			.create({ name: 'Faglig gruppe IV', kind: 'forum', parent: cast.groups.a.id });
		await createMembership(cast.admin, { user: answeredNominee.record.id, group: child.id });
		const result = await compose(cast.as('secretariat'), c.call.id, {
			forum: c.forum.id,
			nominations: [c.existing.id, c.stranger.id],
			target: { kind: 'existing', group: child.id }
		});
		expect(result).toEqual({ group: child.id, memberships: 1, accounts: 1 });
		const memberships = await cast.admin
			.collection('memberships')
			.getFullList({ filter: cast.admin.filter('group = {:g}', { g: child.id }) });
		expect(memberships.filter((m) => m.user === answeredNominee.record.id)).toHaveLength(1);
		expect(memberships).toHaveLength(3);
	});

	it('gives a former member of the group a new period and keeps the ended one as history', async () => {
		const c = await closedCall('Indkaldelse til en tidligere gruppe', 'tidligere@test.klyngeportal.local');
		const child = await cast.admin
			.collection('groups')
			.create({ name: 'Faglig gruppe med historik', kind: 'forum', parent: cast.groups.a.id });
		const ended = await createMembership(cast.admin, {
			user: answeredNominee.record.id,
			group: child.id,
			starts: daysFromNow(-300),
			ends: daysFromNow(-30)
		});
		const result = await compose(cast.as('secretariat'), c.call.id, {
			forum: c.forum.id,
			nominations: [c.existing.id],
			target: { kind: 'existing', group: child.id }
		});
		expect(result).toMatchObject({ group: child.id, memberships: 1 });
		const periods = await cast.admin.collection('memberships').getFullList({
			filter: cast.admin.filter('group = {:g} && user = {:u}', { g: child.id, u: answeredNominee.record.id }),
			sort: 'created'
		});
		expect(periods).toHaveLength(2);
		expect(periods[0]).toMatchObject({ id: ended.id, starts: ended.starts, ends: ended.ends });
		expect(periods[1].ends).toBe('');
		expect(new Date(periods[1].starts.replace(' ', 'T')).getTime()).toBeGreaterThan(Date.now() - 60_000);
	});

	it('refuses a declined nominee with a Danish message, and stores nothing', async () => {
		const c = await closedCall('Indkaldelse med et nej', 'aldrig@test.klyngeportal.local');
		const err = await failure(
			compose(cast.as('secretariat'), c.call.id, {
				forum: c.forum.id,
				nominations: [c.stranger.id, c.existing.id, c.declined.id],
				target: { kind: 'new', name: 'Gruppen der ikke blev', group_kind: 'forum' }
			})
		);
		expect(err.status).toBe(400);
		expect(err.response.data.nominations).toMatchObject({
			message: 'Nej Tak har takket nej og kan ikke komme med i gruppen.'
		});
		expect(await groupsNamed('Gruppen der ikke blev')).toEqual([]);
		expect(await usersWith('aldrig@test.klyngeportal.local')).toEqual([]);
		expect((await cast.admin.collection('nomination_fora').getOne<Forum>(c.forum.id)).group).toBe('');
		// (Only the mail of being named, sent when the nomination was made; no invitation.)
		expect(catcher.messages.filter((m) => m.to[0] === 'aldrig@test.klyngeportal.local').map((m) => m.subject)).toEqual([
			expect.stringContaining('har meldt dig ind')
		]);
	});

	it('takes only nominees of the chosen forum of this call, and only a child group of its group', async () => {
		const c = await closedCall('Indkaldelse med forkerte valg', 'forkert@test.klyngeportal.local');
		const otherCall = await closedCall('En anden indkaldelse', 'anden@test.klyngeportal.local');
		const cases: [Record<string, unknown>, string, string][] = [
			[
				{ nominations: [c.elsewhere.id] },
				'nominations',
				'Der kan kun vælges personer, der er indstillet til Faglig gruppe.'
			],
			[
				{ nominations: [otherCall.stranger.id] },
				'nominations',
				'Der kan kun vælges personer, der er indstillet til Faglig gruppe.'
			],
			[{ nominations: [] }, 'nominations', 'Vælg mindst én af de indstillede.'],
			[{ forum: otherCall.forum.id }, 'forum', 'Vælg et forum fra indkaldelsen.'],
			[
				{ target: { kind: 'existing', group: cast.groups.b.id } },
				'group',
				`Vælg en gruppe under ${cast.groups.a.name}.`
			],
			[{ target: { kind: 'new', name: ' ', group_kind: 'forum' } }, 'name', 'Giv gruppen et navn.'],
			[
				{ target: { kind: 'new', name: 'X', group_kind: 'styregruppe' } },
				'group_kind',
				'Vælg arbejdsgruppe eller forum.'
			]
		];
		for (const [change, field, message] of cases) {
			const err = await failure(
				compose(cast.as('secretariat'), c.call.id, {
					forum: c.forum.id,
					nominations: [c.stranger.id],
					target: { kind: 'new', name: 'Forkert gruppe', group_kind: 'forum' },
					...change
				})
			);
			expect([err.status, err.response.data[field]]).toEqual([400, expect.objectContaining({ message })]);
		}
		expect(await groupsNamed('Forkert gruppe')).toEqual([]);
		expect(await usersWith('forkert@test.klyngeportal.local')).toEqual([]);
	});

	it('is refused while the call is open', async () => {
		const c = await closedCall('Indkaldelse der stadig er åben', 'aaben@test.klyngeportal.local');
		await cast.admin.collection('nomination_calls').update(c.call.id, { status: 'open' });
		const err = await failure(
			compose(cast.as('secretariat'), c.call.id, {
				forum: c.forum.id,
				nominations: [c.stranger.id],
				target: { kind: 'new', name: 'For tidlig gruppe', group_kind: 'forum' }
			})
		);
		expect(err.status).toBe(400);
		expect(err.response.message).toBe('Gruppen kan først sammensættes, når indkaldelsen er lukket.');
		expect(await groupsNamed('For tidlig gruppe')).toEqual([]);
	});

	it('is refused to members, the chair, another group and anonymous visitors', async () => {
		const c = await closedCall('Indkaldelse kun for sekretariatet', 'kun@test.klyngeportal.local');
		const body = {
			forum: c.forum.id,
			nominations: [c.stranger.id],
			target: { kind: 'new', name: 'Uvedkommende gruppe', group_kind: 'forum' }
		};
		for (const pb of [cast.as('member'), chair.pb, cast.as('otherSecretariat'), cast.as('outsider')]) {
			await expect(compose(pb, c.call.id, body)).rejects.toMatchObject({ status: 404 });
		}
		await expect(compose(cast.as('anon'), c.call.id, body)).rejects.toMatchObject({ status: 401 });
		expect(await groupsNamed('Uvedkommende gruppe')).toEqual([]);
		expect(await usersWith('kun@test.klyngeportal.local')).toEqual([]);
	});
});
