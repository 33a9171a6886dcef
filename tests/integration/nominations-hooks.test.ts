// Nominations: the invariants of pb_hooks/nominations.pb.js against a real PocketBase: the quota
// under twenty simultaneous taps, the deadline lock, eligibility and own organisation, "melder
// ingen", every bad input with its Danish message and nothing stored, the audit log, and the mail
// to a new nominee (through a real SMTP catcher).
import type { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createCast,
	createMembership,
	createNomination,
	createNominationCall,
	createNominationForum,
	createOrganization,
	createUser,
	daysFromNow,
	type Cast,
	type Nomination,
	type NominationCall,
	type NominationForum,
	type Person
} from '../support/factories';
import { startTestPocketBaseWithMail, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let catcher: Awaited<ReturnType<typeof startTestPocketBaseWithMail>>['catcher'];
let cast: Cast;
/** A colleague of `member` (org A) and a member of organisation B, both ordinary members of group A. */
let colleague: Person;
let memberB: Person;

beforeAll(async () => {
	({ server, catcher } = await startTestPocketBaseWithMail());
	cast = await createCast(server.admin);
	[colleague, memberB] = await Promise.all([
		createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Kaj Kollega', title: 'Chefkonsulent' }),
		createUser(cast.admin, { organization: cast.organizations.b.id, name: 'Bo Bmedlem' })
	]);
	await Promise.all([
		createMembership(cast.admin, { user: colleague.record.id, group: cast.groups.a.id }),
		createMembership(cast.admin, { user: memberB.record.id, group: cast.groups.a.id })
	]);
}, 60_000);

afterAll(async () => {
	await server?.stop();
	await catcher?.close();
});

/** An open call of group A with one forum (quota 1 unless told). */
async function openCall(
	fields: Partial<Parameters<typeof createNominationCall>[1]> = {},
	quota = 1
): Promise<{ call: NominationCall; forum: NominationForum }> {
	const call = await createNominationCall(cast.admin, { group: cast.groups.a.id, ...fields });
	const forum = await createNominationForum(cast.admin, { call: call.id, name: 'Faglig gruppe', quota });
	return { call, forum };
}

let emailSeq = 0;
function nominee(extra: Record<string, unknown> = {}) {
	emailSeq += 1;
	return {
		kind: 'nominee',
		nominee_name: `Nina Nominee ${emailSeq}`,
		nominee_title: 'Sygeplejerske',
		nominee_email: `nina-${emailSeq}@kommune.test`,
		...extra
	};
}

/** The error of a request that must fail. */
async function refusal(promise: Promise<unknown>): Promise<ClientResponseError> {
	const err = await promise.then(
		() => null,
		(e: ClientResponseError) => e
	);
	if (!err) throw new Error('expected the request to be refused');
	return err;
}

/** The nominations stored for a call, read as the superuser. */
function stored(callId: string): Promise<Nomination[]> {
	return cast.admin
		.collection('nominations')
		.getFullList<Nomination>({ filter: cast.admin.filter('call = {:call}', { call: callId }) });
}

function auditOf(recordId: string) {
	return cast.admin
		.collection('audit_log')
		.getFullList({ filter: cast.admin.filter('record = {:id}', { id: recordId }), sort: 'created' });
}

describe('the quota', () => {
	it('lets exactly one of twenty colleagues tapping at once take the one seat; the others get the Danish quota message', async () => {
		// Five calls at once, twenty colleagues on each: a hundred writes competing for five seats.
		const calls = await Promise.all(Array.from({ length: 5 }, () => openCall()));
		const colleagues = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				createUser(cast.admin, { organization: cast.organizations.a.id, name: `Racer ${i}` })
			)
		);
		await Promise.all(
			colleagues.map((c) => createMembership(cast.admin, { user: c.record.id, group: cast.groups.a.id }))
		);
		const rounds = await Promise.all(
			calls.map(({ call, forum }) =>
				Promise.allSettled(
					colleagues.map((c) =>
						c.pb.collection('nominations').create({
							call: call.id,
							forum: forum.id,
							organization: cast.organizations.a.id,
							...nominee()
						})
					)
				)
			)
		);
		for (const [i, results] of rounds.entries()) {
			const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
			expect(refused).toHaveLength(19);
			for (const r of refused) {
				const err = r.reason as ClientResponseError;
				expect(err.status).toBe(400);
				expect(err.response.data.forum.message).toBe(
					'Jeres organisation har allerede meldt 1 ud af 1 ind til Faglig gruppe.'
				);
			}
			expect(await stored(calls[i].call.id)).toHaveLength(1);
		}
	}, 60_000);

	it('counts per organisation, so organisation B still has its own seat', async () => {
		const { call, forum } = await openCall();
		await cast.people.member.pb
			.collection('nominations')
			.create({ call: call.id, forum: forum.id, organization: cast.organizations.a.id, ...nominee() });
		const b = await memberB.pb
			.collection('nominations')
			.create({ call: call.id, forum: forum.id, organization: cast.organizations.b.id, ...nominee() });
		expect(b.organization).toBe(cast.organizations.b.id);
	});

	it('binds the secretariat too, naming the organisation in the message', async () => {
		const { call, forum } = await openCall();
		await createNomination(cast.admin, { call: call.id, forum: forum.id, organization: cast.organizations.b.id });
		const err = await refusal(
			cast.people.secretariat.pb
				.collection('nominations')
				.create({ call: call.id, forum: forum.id, organization: cast.organizations.b.id, ...nominee() })
		);
		expect(err.response.data.forum.message).toBe(
			`${cast.organizations.b.name} har allerede meldt 1 ud af 1 ind til Faglig gruppe.`
		);
	});
});

describe('the deadline lock', () => {
	it('refuses a member after the deadline with the deadline in Danish, and stores nothing', async () => {
		const { call, forum } = await openCall({ deadline: '2026-07-01 21:59:59.000Z' });
		const err = await refusal(
			cast.people.member.pb
				.collection('nominations')
				.create({ call: call.id, forum: forum.id, organization: cast.organizations.a.id, ...nominee() })
		);
		expect(err.status).toBe(400);
		expect(err.response.data.call.message).toBe(
			'Fristen er udløbet onsdag den 1. juli 2026 kl. 23.59. Kontakt sekretariatet, hvis I stadig vil melde nogen ind.'
		);
		expect(await stored(call.id)).toHaveLength(0);
	});

	it('refuses a member in a closed call, also before its deadline', async () => {
		const { call, forum } = await openCall({ status: 'closed' });
		const err = await refusal(
			cast.people.member.pb
				.collection('nominations')
				.create({ call: call.id, forum: forum.id, organization: cast.organizations.a.id, ...nominee() })
		);
		expect(err.response.data.call.message).toBe(
			'Indkaldelsen er lukket. Kontakt sekretariatet, hvis I stadig vil melde nogen ind.'
		);
		expect(await stored(call.id)).toHaveLength(0);
	});

	it('stops a member changing or withdrawing after the deadline, while the secretariat still can', async () => {
		const { call, forum } = await openCall({ deadline: daysFromNow(-1) });
		const row = await createNomination(cast.admin, {
			call: call.id,
			forum: forum.id,
			organization: cast.organizations.a.id,
			nominated_by: cast.people.member.record.id
		});
		const update = await refusal(
			cast.people.member.pb.collection('nominations').update(row.id, { nominee_title: 'Overlæge' })
		);
		expect(update.response.data.call.message).toMatch(/^Fristen er udløbet /);
		const withdraw = await refusal(cast.people.member.pb.collection('nominations').delete(row.id));
		expect(withdraw.status).toBe(400);
		expect(withdraw.response.message).toMatch(/^Fristen er udløbet /);
		const changed = await cast.people.secretariat.pb
			.collection('nominations')
			.update(row.id, { nominee_title: 'Overlæge' });
		expect(changed.nominee_title).toBe('Overlæge');
		await cast.people.secretariat.pb.collection('nominations').delete(row.id);
		expect(await stored(call.id)).toHaveLength(0);
	});

	it('lets the secretariat nominate for an organisation after the deadline and after closing', async () => {
		for (const fields of [{ deadline: daysFromNow(-1) }, { status: 'closed' as const }]) {
			const { call, forum } = await openCall(fields);
			const row = await cast.people.secretariat.pb
				.collection('nominations')
				.create({ call: call.id, forum: forum.id, organization: cast.organizations.b.id, ...nominee() });
			expect(row.nominated_by).toBe(cast.people.secretariat.record.id);
		}
	});
});

describe('who nominates for whom', () => {
	it('sets nominated_by to the author', async () => {
		const { call, forum } = await openCall();
		const row = await cast.people.member.pb
			.collection('nominations')
			.create({ call: call.id, forum: forum.id, organization: cast.organizations.a.id, ...nominee() });
		expect(row.nominated_by).toBe(cast.people.member.record.id);
	});

	it('refuses a forged nominated_by beside that field and stores nothing', async () => {
		const { call, forum } = await openCall();
		const err = await refusal(
			cast.people.member.pb.collection('nominations').create({
				call: call.id,
				forum: forum.id,
				organization: cast.organizations.a.id,
				nominated_by: colleague.record.id,
				...nominee()
			})
		);
		expect(err.status).toBe(400);
		expect(err.response.data.nominated_by.message).toBe('Du kan kun melde ind i dit eget navn.');
		expect(await stored(call.id)).toHaveLength(0);
	});

	it('refuses a member nominating for another organisation beside the organisation field', async () => {
		const { call, forum } = await openCall();
		const err = await refusal(
			cast.people.member.pb
				.collection('nominations')
				.create({ call: call.id, forum: forum.id, organization: cast.organizations.b.id, ...nominee() })
		);
		expect(err.response.data.organization.message).toBe('Du kan kun melde ind for din egen organisation.');
		expect(await stored(call.id)).toHaveLength(0);
	});

	it('refuses an organisation the call does not ask, also from the secretariat', async () => {
		// Organisation A is a municipality, B a hospital: the call asks municipalities only.
		const { call, forum } = await openCall({ eligibility: 'sectors', eligible_sectors: ['kommune'] });
		for (const [pb, org] of [
			[memberB.pb, cast.organizations.b],
			[cast.people.secretariat.pb, cast.organizations.b]
		] as const) {
			const err = await refusal(
				pb.collection('nominations').create({ call: call.id, forum: forum.id, organization: org.id, ...nominee() })
			);
			expect(err.response.data.organization.message).toBe(
				`${org.name} er ikke blandt dem, der kan melde ind til denne indkaldelse.`
			);
		}
		const municipality = await cast.people.member.pb
			.collection('nominations')
			.create({ call: call.id, forum: forum.id, organization: cast.organizations.a.id, ...nominee() });
		expect(municipality.organization).toBe(cast.organizations.a.id);
		const chosen = await openCall({ eligibility: 'organizations', eligible_organizations: [cast.organizations.b.id] });
		const err = await refusal(
			cast.people.member.pb.collection('nominations').create({
				call: chosen.call.id,
				forum: chosen.forum.id,
				organization: cast.organizations.a.id,
				...nominee()
			})
		);
		expect(err.response.data.organization.message).toMatch(/ er ikke blandt dem, der kan melde ind/);
		const chosenB = await memberB.pb
			.collection('nominations')
			.create({ call: chosen.call.id, forum: chosen.forum.id, organization: cast.organizations.b.id, ...nominee() });
		expect(chosenB.organization).toBe(cast.organizations.b.id);
		expect((await stored(call.id)).map((r) => r.organization)).toEqual([cast.organizations.a.id]);
	});

	it('fills nominee_user from an e-mail that has an account', async () => {
		const { call, forum } = await openCall();
		const row = await cast.people.member.pb.collection('nominations').create({
			call: call.id,
			forum: forum.id,
			organization: cast.organizations.a.id,
			...nominee({ nominee_email: colleague.record.email.toUpperCase() })
		});
		expect(row.nominee_user).toBe(colleague.record.id);
		expect(row.nominee_email).toBe(colleague.record.email.toLowerCase());
	});

	it('takes a colleague picked by account with their name, title and e-mail', async () => {
		const { call, forum } = await openCall();
		const row = await cast.people.member.pb.collection('nominations').create({
			call: call.id,
			forum: forum.id,
			organization: cast.organizations.a.id,
			kind: 'nominee',
			nominee_user: colleague.record.id
		});
		expect(row).toMatchObject({
			nominee_user: colleague.record.id,
			nominee_name: 'Kaj Kollega',
			nominee_title: 'Chefkonsulent'
		});
		const admin = await cast.admin.collection('nominations').getOne<Nomination>(row.id);
		expect(admin.nominee_email).toBe(colleague.record.email.toLowerCase());
	});

	it('refuses a picked account from another organisation', async () => {
		const { call, forum } = await openCall();
		const err = await refusal(
			cast.people.member.pb.collection('nominations').create({
				call: call.id,
				forum: forum.id,
				organization: cast.organizations.a.id,
				kind: 'nominee',
				nominee_user: memberB.record.id
			})
		);
		expect(err.response.data.nominee_user.message).toBe('Vælg en person fra organisationen.');
		expect(await stored(call.id)).toHaveLength(0);
	});
});

describe('"Vi melder ingen ind"', () => {
	it('is one row without a forum, and cannot be given twice', async () => {
		const { call } = await openCall();
		const none = await cast.people.member.pb
			.collection('nominations')
			.create({ call: call.id, organization: cast.organizations.a.id, kind: 'none' });
		expect(none.forum).toBe('');
		const err = await refusal(
			colleague.pb
				.collection('nominations')
				.create({ call: call.id, organization: cast.organizations.a.id, kind: 'none' })
		);
		expect(err.response.data.organization.message).toBe(
			'Jeres organisation har allerede svaret, at I ikke melder nogen ind.'
		);
	});

	it('is refused while the organisation has a nominee', async () => {
		const { call, forum } = await openCall();
		await cast.people.member.pb
			.collection('nominations')
			.create({ call: call.id, forum: forum.id, organization: cast.organizations.a.id, ...nominee() });
		const err = await refusal(
			colleague.pb
				.collection('nominations')
				.create({ call: call.id, organization: cast.organizations.a.id, kind: 'none' })
		);
		expect(err.response.data.organization.message).toBe(
			'Jeres organisation har allerede meldt nogen ind. Træk dem tilbage først, hvis I ikke vil melde nogen ind.'
		);
		expect((await stored(call.id)).map((r) => r.kind)).toEqual(['nominee']);
	});

	it('gives way to a nominee named afterwards', async () => {
		const { call, forum } = await openCall();
		const none = await cast.people.member.pb
			.collection('nominations')
			.create({ call: call.id, organization: cast.organizations.a.id, kind: 'none' });
		await colleague.pb
			.collection('nominations')
			.create({ call: call.id, forum: forum.id, organization: cast.organizations.a.id, ...nominee() });
		expect((await stored(call.id)).map((r) => r.kind)).toEqual(['nominee']);
		expect((await auditOf(none.id)).map((a) => a.action)).toEqual(['create', 'delete']);
	});
});

describe('bad input', () => {
	const long = 'x'.repeat(201);
	it.each([
		['an empty name', { nominee_name: '  ' }, 'nominee_name', 'Skriv navnet på den, I melder ind.'],
		['an over-long name', { nominee_name: long }, 'nominee_name', 'Navnet må højst være 200 tegn.'],
		['an empty title', { nominee_title: '' }, 'nominee_title', 'Skriv personens titel eller stilling.'],
		['an over-long title', { nominee_title: long }, 'nominee_title', 'Titlen må højst være 200 tegn.'],
		['an invalid e-mail', { nominee_email: 'nina@' }, 'nominee_email', 'Skriv en gyldig e-mail, fx navn@kommune.dk.'],
		['no e-mail', { nominee_email: '' }, 'nominee_email', 'Skriv personens e-mail, så de kan bekræfte.']
	])('refuses %s beside its field and stores nothing', async (_label, fields, field, message) => {
		const { call, forum } = await openCall();
		const err = await refusal(
			cast.people.member.pb
				.collection('nominations')
				.create({ call: call.id, forum: forum.id, organization: cast.organizations.a.id, ...nominee(fields) })
		);
		expect(err.status).toBe(400);
		expect(err.response.data[field].message).toBe(message);
		expect(await stored(call.id)).toHaveLength(0);
	});

	it('refuses a person already named in the same forum, by e-mail in any case', async () => {
		const { call, forum } = await openCall({}, 3);
		const first = nominee();
		await cast.people.member.pb
			.collection('nominations')
			.create({ call: call.id, forum: forum.id, organization: cast.organizations.a.id, ...first });
		const err = await refusal(
			colleague.pb.collection('nominations').create({
				call: call.id,
				forum: forum.id,
				organization: cast.organizations.a.id,
				...nominee({ nominee_email: first.nominee_email.toUpperCase() })
			})
		);
		expect(err.response.data.nominee_email.message).toMatch(/ er allerede meldt ind til Faglig gruppe\.$/);
		expect(await stored(call.id)).toHaveLength(1);
	});

	it('refuses a forum of another call beside the forum field', async () => {
		const { call } = await openCall();
		const other = await openCall();
		const err = await refusal(
			cast.people.member.pb
				.collection('nominations')
				.create({ call: call.id, forum: other.forum.id, organization: cast.organizations.a.id, ...nominee() })
		);
		expect(err.response.data.forum.message).toBe('Vælg et af indkaldelsens fora.');
		expect(await stored(call.id)).toHaveLength(0);
	});
});

describe('the nominee mail', () => {
	it('tells a new nominee who named them for what, with a link holding their secret token', async () => {
		const { call, forum } = await openCall();
		const person = nominee();
		const row = await cast.people.member.pb
			.collection('nominations')
			.create({ call: call.id, forum: forum.id, organization: cast.organizations.a.id, ...person });
		const { response_token: token } = await cast.admin.collection('nominations').getOne<Nomination>(row.id);
		expect(token).toMatch(/^[A-Za-z0-9]{40}$/);
		expect('response_token' in row).toBe(false);
		const mail = catcher.messages.find((m) => m.to.includes(person.nominee_email));
		expect(mail?.subject).toBe('Mette Medlem har meldt dig ind til Faglig gruppe');
		expect(mail?.text).toContain(`https://klyngeportal.test/indstilling/${token}`);
		expect(mail?.text).toContain(call.title);
	});

	it('mails again with a fresh token when the e-mail changes', async () => {
		const { call, forum } = await openCall();
		const row = await cast.people.member.pb
			.collection('nominations')
			.create({ call: call.id, forum: forum.id, organization: cast.organizations.a.id, ...nominee() });
		const before = await cast.admin.collection('nominations').getOne<Nomination>(row.id);
		await cast.people.member.pb.collection('nominations').update(row.id, { nominee_email: 'ny-adresse@kommune.test' });
		const after = await cast.admin.collection('nominations').getOne<Nomination>(row.id);
		expect(after.response_token).not.toBe(before.response_token);
		const mail = catcher.messages.find((m) => m.to.includes('ny-adresse@kommune.test'));
		expect(mail?.text).toContain(`/indstilling/${after.response_token}`);
	});

	it('is not sent for "Mig selv", which counts as confirmed', async () => {
		const { call, forum } = await openCall();
		const before = catcher.messages.length;
		const row = await cast.people.member.pb.collection('nominations').create({
			call: call.id,
			forum: forum.id,
			organization: cast.organizations.a.id,
			kind: 'nominee',
			nominee_user: cast.people.member.record.id
		});
		expect(row.response).toBe('confirmed');
		expect(catcher.messages.slice(before).filter((m) => m.to.includes(cast.people.member.record.email))).toHaveLength(
			0
		);
	});

	it('refuses the nomination that would be a member’s 21st mail of the day, and stores nothing', async () => {
		const org = await createOrganization(cast.admin, { sector: 'kommune' });
		const spammer = await createUser(cast.admin, { organization: org.id });
		await createMembership(cast.admin, { user: spammer.record.id, group: cast.groups.a.id });
		const { call, forum } = await openCall({}, 50);
		for (let i = 0; i < 20; i++) {
			await spammer.pb
				.collection('nominations')
				.create({ call: call.id, forum: forum.id, organization: org.id, ...nominee() });
		}
		const err = await refusal(
			spammer.pb
				.collection('nominations')
				.create({ call: call.id, forum: forum.id, organization: org.id, ...nominee() })
		);
		expect(err.response.data.nominee_email.message).toBe(
			'Du har meldt 20 personer ind med e-mail det seneste døgn. Prøv igen i morgen, eller bed sekretariatet om at melde personen ind.'
		);
		expect(await stored(call.id)).toHaveLength(20);
	}, 60_000);
});

describe('the audit log', () => {
	it('records who created, changed and withdrew a nomination, with the call', async () => {
		const { call, forum } = await openCall();
		const row = await cast.people.member.pb
			.collection('nominations')
			.create({ call: call.id, forum: forum.id, organization: cast.organizations.a.id, ...nominee() });
		await colleague.pb.collection('nominations').update(row.id, { nominee_title: 'Ledende sygeplejerske' });
		await cast.people.secretariat.pb.collection('nominations').delete(row.id);
		const entries = await auditOf(row.id);
		expect(entries.map((a) => [a.action, a.actor, a.call, a.collection])).toEqual([
			['create', cast.people.member.record.id, call.id, 'nominations'],
			['update', colleague.record.id, call.id, 'nominations'],
			['delete', cast.people.secretariat.record.id, call.id, 'nominations']
		]);
		expect(entries[1].before.nominee_title).toBe('Sygeplejerske');
		expect(entries[1].after.nominee_title).toBe('Ledende sygeplejerske');
		expect(entries[2].after).toBeNull();
	});

	it("records a call's closing and its new deadline", async () => {
		const { call } = await openCall();
		const sec = cast.people.secretariat.pb.collection('nomination_calls');
		await sec.update(call.id, { status: 'closed' });
		await sec.update(call.id, { status: 'open', deadline: daysFromNow(14) });
		await sec.update(call.id, { description: 'Ikke en status- eller fristændring' });
		const entries = await auditOf(call.id);
		expect(entries.map((a) => [a.collection, a.before.status, a.after.status, a.actor])).toEqual([
			['nomination_calls', 'open', 'closed', cast.people.secretariat.record.id],
			['nomination_calls', 'closed', 'open', cast.people.secretariat.record.id]
		]);
		expect(entries[1].after.deadline).not.toBe(entries[1].before.deadline);
	});
});

describe('calls and fora', () => {
	it('makes the author created_by and refuses to open a call without fora', async () => {
		const sec = cast.people.secretariat.pb.collection('nomination_calls');
		const call = await sec.create<NominationCall>({
			group: cast.groups.a.id,
			title: 'Arbejdsgruppe om udskrivning',
			eligibility: 'all',
			deadline: daysFromNow(10),
			status: 'draft'
		});
		expect(call.created_by).toBe(cast.people.secretariat.record.id);
		const err = await refusal(sec.update(call.id, { status: 'open' }));
		expect(err.response.data.status.message).toBe('Tilføj mindst ét forum, før indkaldelsen åbnes.');
		await cast.people.secretariat.pb
			.collection('nomination_fora')
			.create({ call: call.id, name: 'Faglig gruppe', quota: 1 });
		const opened = await sec.update<NominationCall>(call.id, { status: 'open' });
		expect(opened.opened_at).not.toBe('');
		const closed = await sec.update<NominationCall>(call.id, { status: 'closed' });
		expect(closed.closed_at).not.toBe('');
	});

	it('refuses to open a call with a past deadline or an eligibility naming nothing', async () => {
		const sec = cast.people.secretariat.pb.collection('nomination_calls');
		const past = await refusal(
			sec.create({ group: cast.groups.a.id, title: 'T', eligibility: 'all', deadline: daysFromNow(-1), status: 'open' })
		);
		expect(past.response.data.deadline.message).toBe('Fristen skal ligge i fremtiden.');
		const { call } = await openCall({ status: 'draft', eligibility: 'sectors', eligible_sectors: [] });
		const none = await refusal(sec.update(call.id, { status: 'open' }));
		expect(none.response.data.eligible_sectors.message).toBe('Vælg mindst én sektor, der kan melde ind.');
		expect((await cast.admin.collection('nomination_calls').getOne(call.id)).status).toBe('draft');
	});

	it('refuses a quota of 0 in Danish', async () => {
		const { call } = await openCall({ status: 'draft' });
		const err = await refusal(
			cast.people.secretariat.pb.collection('nomination_fora').create({ call: call.id, name: 'Strategisk', quota: 0 })
		);
		expect(err.response.data.quota.message).toBe('Hver organisation skal kunne melde mindst 1 person ind.');
	});

	it('refuses to lower a quota below what an organisation has named', async () => {
		const { call, forum } = await openCall({}, 2);
		for (let i = 0; i < 2; i++) {
			await createNomination(cast.admin, { call: call.id, forum: forum.id, organization: cast.organizations.a.id });
		}
		const err = await refusal(cast.people.secretariat.pb.collection('nomination_fora').update(forum.id, { quota: 1 }));
		expect(err.response.data.quota.message).toBe(
			`${cast.organizations.a.name} har allerede meldt 2 ind til Faglig gruppe. Kvoten kan ikke være lavere.`
		);
	});

	it('keeps a forum and a call that have nominations from being deleted', async () => {
		const { call, forum } = await openCall();
		await createNomination(cast.admin, { call: call.id, forum: forum.id, organization: cast.organizations.a.id });
		const f = await refusal(cast.people.secretariat.pb.collection('nomination_fora').delete(forum.id));
		expect(f.response.message).toBe('Forummet har indstillinger og kan ikke slettes. Træk dem tilbage først.');
		const c = await refusal(cast.people.secretariat.pb.collection('nomination_calls').delete(call.id));
		expect(c.response.message).toBe(
			'Indkaldelsen har svar fra organisationerne og kan ikke slettes. Luk den i stedet.'
		);
		expect(await stored(call.id)).toHaveLength(1);
	});
});
