// The API rules of nomination calls as a matrix: who lists, views, creates, updates and deletes
// calls, fora, nominations and tallies. Group A has an open call (every organisation) and a draft;
// group B a call of its own. Organisation A's nominee is a person with an account who is not a
// member. Other organisations read counts (tallies), never names or e-mails; drafts stay with the
// secretariat.
import type PocketBase from 'pocketbase';
import type { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	anonymousClient,
	createCast,
	createMembership,
	createNomination,
	createNominationCall,
	createNominationForum,
	createOrganization,
	createUser,
	ids,
	type Cast,
	type Nomination,
	type NominationCall,
	type NominationForum,
	type Organization,
	type Person
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { expandedIds, listRefused, viewable } from '../support/rules';

type Persona =
	| 'anon'
	| 'member'
	| 'colleague'
	| 'memberB'
	| 'observer'
	| 'outsider'
	| 'secretariat'
	| 'chair'
	| 'guest'
	| 'former'
	| 'nominee';

const DESCRIBE: Record<Persona, string> = {
	anon: 'an anonymous visitor',
	member: 'a member of organisation A',
	colleague: 'a colleague in organisation A',
	memberB: 'a member of organisation B in the same group',
	observer: 'an observer of the group (organisation A)',
	outsider: 'a member of another group',
	secretariat: "the group's secretariat",
	chair: 'the chair (organisation C)',
	guest: 'a guest invited to one meeting',
	former: 'a former member',
	nominee: 'the nominee (an account, not a member)'
};
const ALL = Object.keys(DESCRIBE) as Persona[];

let server: TestPocketBase;
let cast: Cast;
let orgC: Organization;
let persons: Record<Exclude<Persona, 'anon'>, Person>;
let open: NominationCall;
let draft: NominationCall;
let ofGroupB: NominationCall;
let forumOpen: NominationForum;
let forumDraft: NominationForum;
let forumB: NominationForum;
let nomA: Nomination;
let nomB: Nomination;

const as = (who: Persona): PocketBase => (who === 'anon' ? anonymousClient(server.url) : persons[who].pb);

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	const a = cast.groups.a.id;
	orgC = await createOrganization(cast.admin, { sector: 'region' });
	const [colleague, memberB, observer, chair, nominee] = await Promise.all([
		createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Kaj Kollega' }),
		createUser(cast.admin, { organization: cast.organizations.b.id, name: 'Bo Bmedlem' }),
		createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Olga Observatør' }),
		createUser(cast.admin, { organization: orgC.id, name: 'Fie Formand' }),
		createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Nina Nominee' })
	]);
	await Promise.all([
		createMembership(cast.admin, { user: colleague.record.id, group: a }),
		createMembership(cast.admin, { user: memberB.record.id, group: a }),
		createMembership(cast.admin, { user: observer.record.id, group: a, role: 'observer' }),
		createMembership(cast.admin, { user: chair.record.id, group: a, role: 'chair' })
	]);
	persons = { ...cast.people, colleague, memberB, observer, chair, nominee };
	[open, draft, ofGroupB] = await Promise.all([
		createNominationCall(cast.admin, { group: a }),
		createNominationCall(cast.admin, { group: a, status: 'draft' }),
		createNominationCall(cast.admin, { group: cast.groups.b.id })
	]);
	[forumOpen, forumDraft, forumB] = await Promise.all([
		createNominationForum(cast.admin, { call: open.id, quota: 20 }),
		createNominationForum(cast.admin, { call: draft.id }),
		createNominationForum(cast.admin, { call: ofGroupB.id })
	]);
	[nomA, nomB] = await Promise.all([
		createNomination(cast.admin, {
			call: open.id,
			forum: forumOpen.id,
			organization: cast.organizations.a.id,
			nominee_name: 'SECRET Nina',
			nominee_email: nominee.record.email,
			nominee_user: nominee.record.id
		}),
		createNomination(cast.admin, { call: open.id, forum: forumOpen.id, organization: cast.organizations.b.id })
	]);
}, 60_000);

afterAll(async () => {
	await server?.stop();
});

const cases = (...who: Persona[]) => who.map((w) => [DESCRIBE[w], w] as [string, Persona]);
const callIds = () => [open.id, draft.id, ofGroupB.id];

/** What each persona lists and views of the three calls (and, the same, of their fora). */
const READS: Record<Persona, () => string[]> = {
	anon: () => [],
	member: () => [open.id],
	colleague: () => [open.id],
	memberB: () => [open.id],
	observer: () => [open.id],
	outsider: () => [ofGroupB.id],
	secretariat: () => [open.id, draft.id],
	chair: () => [open.id],
	guest: () => [],
	former: () => [],
	nominee: () => [open.id]
};

describe('nomination_calls', () => {
	it.each(cases(...ALL))('%s lists and views exactly the calls they may read', async (_l, who) => {
		const pb = as(who);
		const want = READS[who]().sort();
		expect(ids(await pb.collection('nomination_calls').getFullList())).toEqual(want);
		expect(await viewable(pb, 'nomination_calls', callIds())).toEqual(want);
	});

	it.each(cases(...ALL.filter((w) => w !== 'secretariat')))(
		'%s cannot create, update or delete a call of the group',
		async (_l, who) => {
			const pb = as(who);
			await expect(
				pb.collection('nomination_calls').create({
					group: cast.groups.a.id,
					title: 'Ny',
					eligibility: 'all',
					deadline: open.deadline,
					status: 'draft'
				})
			).rejects.toMatchObject({ status: 400 });
			await expect(pb.collection('nomination_calls').update(open.id, { title: 'Ændret' })).rejects.toMatchObject({
				status: 404
			});
			await expect(pb.collection('nomination_calls').delete(draft.id)).rejects.toMatchObject({ status: 404 });
		}
	);

	it("lets the group's secretariat create, update and delete a call, but not another group's", async () => {
		const pb = as('secretariat');
		const made = await pb
			.collection('nomination_calls')
			.create({ group: cast.groups.a.id, title: 'Ny', eligibility: 'all', deadline: open.deadline, status: 'draft' });
		await expect(pb.collection('nomination_calls').update(made.id, { title: 'Ændret' })).resolves.toMatchObject({
			title: 'Ændret'
		});
		await pb.collection('nomination_calls').delete(made.id);
		await expect(pb.collection('nomination_calls').update(ofGroupB.id, { title: 'X' })).rejects.toMatchObject({
			status: 404
		});
		await expect(
			pb
				.collection('nomination_calls')
				.create({ group: cast.groups.b.id, title: 'Ny', eligibility: 'all', deadline: open.deadline, status: 'draft' })
		).rejects.toMatchObject({ status: 400 });
	});
});

describe('nomination_fora', () => {
	const forumOf: Record<string, () => string> = {};
	beforeAll(() => {
		forumOf[open.id] = () => forumOpen.id;
		forumOf[draft.id] = () => forumDraft.id;
		forumOf[ofGroupB.id] = () => forumB.id;
	});

	it.each(cases(...ALL))('%s reads the fora of exactly the calls they may read', async (_l, who) => {
		const pb = as(who);
		const want = READS[who]()
			.map((c) => forumOf[c]())
			.sort();
		expect(ids(await pb.collection('nomination_fora').getFullList())).toEqual(want);
		expect(await viewable(pb, 'nomination_fora', [forumOpen.id, forumDraft.id, forumB.id])).toEqual(want);
	});

	it.each(cases(...ALL.filter((w) => w !== 'secretariat')))('%s cannot write a forum', async (_l, who) => {
		const pb = as(who);
		await expect(
			pb.collection('nomination_fora').create({ call: draft.id, name: 'X', quota: 1 })
		).rejects.toMatchObject({ status: 400 });
		await expect(pb.collection('nomination_fora').update(forumDraft.id, { name: 'X' })).rejects.toMatchObject({
			status: 404
		});
		await expect(pb.collection('nomination_fora').delete(forumDraft.id)).rejects.toMatchObject({ status: 404 });
	});

	it("lets the group's secretariat write the fora of its calls", async () => {
		const pb = as('secretariat').collection('nomination_fora');
		const made = await pb.create({ call: draft.id, name: 'Strategisk', quota: 2 });
		await expect(pb.update(made.id, { quota: 3 })).resolves.toMatchObject({ quota: 3 });
		await pb.delete(made.id);
		await expect(pb.create({ call: ofGroupB.id, name: 'X', quota: 1 })).rejects.toMatchObject({ status: 400 });
	});
});

describe('nominations', () => {
	/** What each persona views of organisation A's and B's nominee. */
	const VIEWS: Record<Persona, () => string[]> = {
		anon: () => [],
		member: () => [nomA.id],
		colleague: () => [nomA.id],
		memberB: () => [nomB.id],
		observer: () => [nomA.id],
		outsider: () => [],
		secretariat: () => [nomA.id, nomB.id],
		chair: () => [],
		guest: () => [],
		former: () => [],
		nominee: () => [nomA.id]
	};

	it.each(cases(...ALL))('%s lists none and views only the nominations they may read', async (_l, who) => {
		const pb = as(who);
		await listRefused(pb, 'nominations');
		expect(await viewable(pb, 'nominations', [nomA.id, nomB.id])).toEqual(VIEWS[who]().sort());
	});

	it.each(cases('member', 'memberB', 'secretariat', 'observer', 'nominee'))(
		"%s reads through the call's expand only the nominations they may view",
		async (_l, who) => {
			expect(await expandedIds(as(who), 'nomination_calls', open.id, 'nominations_via_call')).toEqual(
				VIEWS[who]().sort()
			);
		}
	);

	it('never shows the response token, not even to the secretariat', async () => {
		const read = await as('secretariat').collection('nominations').getOne(nomA.id);
		expect(read.nominee_name).toBe('SECRET Nina');
		expect('response_token' in read).toBe(false);
	});

	const organizationOf = (who: Persona) => persons[who as Exclude<Persona, 'anon'>].record.organization;
	let seq = 0;
	const fresh = (who: Persona) => {
		seq += 1;
		return {
			call: open.id,
			forum: forumOpen.id,
			organization: who === 'anon' ? cast.organizations.a.id : organizationOf(who),
			kind: 'nominee',
			nominee_name: `Person ${seq}`,
			nominee_title: 'Konsulent',
			nominee_email: `matrix-${seq}@kommune.test`
		};
	};

	it.each(cases('member', 'colleague', 'memberB', 'chair', 'secretariat'))(
		'%s may nominate for their own organisation, change it and withdraw it',
		async (_l, who) => {
			const pb = as(who).collection('nominations');
			const row = await pb.create<Nomination>(fresh(who));
			await expect(pb.update(row.id, { nominee_title: 'Overlæge' })).resolves.toMatchObject({
				nominee_title: 'Overlæge'
			});
			await pb.delete(row.id);
		}
	);

	it.each(cases('anon', 'observer', 'outsider', 'guest', 'former', 'nominee'))(
		'%s cannot nominate, change or withdraw',
		async (_l, who) => {
			const pb = as(who).collection('nominations');
			const err = await pb.create(fresh(who)).then(
				() => null,
				(e: ClientResponseError) => e
			);
			expect(err?.status).toBe(400);
			await expect(pb.update(nomA.id, { nominee_title: 'X' })).rejects.toMatchObject({ status: 404 });
			await expect(pb.delete(nomA.id)).rejects.toMatchObject({ status: 404 });
		}
	);

	it("keeps another organisation's member from changing or withdrawing organisation A's nominee", async () => {
		const pb = as('memberB').collection('nominations');
		await expect(pb.update(nomA.id, { nominee_title: 'X' })).rejects.toMatchObject({ status: 404 });
		await expect(pb.delete(nomA.id)).rejects.toMatchObject({ status: 404 });
	});

	it('refuses a member writing the response themselves', async () => {
		await expect(
			as('member')
				.collection('nominations')
				.create({ ...fresh('member'), response: 'confirmed' })
		).rejects.toMatchObject({ status: 400 });
	});
});

describe('nomination_tallies', () => {
	const TALLIES: Persona[] = ['member', 'colleague', 'memberB', 'observer', 'chair', 'secretariat'];

	it.each(cases(...TALLIES))(
		"%s reads every organisation's answers to the open call as marks to count, and nothing else",
		async (_l, who) => {
			const rows = await as(who).collection('nomination_tallies').getFullList();
			expect(rows.map((r) => [r.call, r.organization, r.kind]).sort()).toEqual(
				[
					[open.id, cast.organizations.a.id, 'nominee'],
					[open.id, cast.organizations.b.id, 'nominee']
				].sort()
			);
			// Nothing about the person: no name, title, e-mail, account, author or answer.
			for (const row of rows) {
				expect(Object.keys(row).sort()).toEqual(
					['call', 'collectionId', 'collectionName', 'forum', 'id', 'kind', 'organization'].sort()
				);
			}
		}
	);

	it.each(cases(...ALL.filter((w) => !TALLIES.includes(w))))('%s reads no tallies of group A', async (_l, who) => {
		const rows = await as(who).collection('nomination_tallies').getFullList();
		expect(rows.filter((r) => r.call === open.id || r.call === draft.id)).toEqual([]);
	});

	it('hides the tallies of a draft, even from the secretariat', async () => {
		await createNomination(cast.admin, { call: draft.id, forum: forumDraft.id, organization: cast.organizations.a.id });
		const rows = await as('secretariat').collection('nomination_tallies').getFullList();
		expect(rows.filter((r) => r.call === draft.id)).toEqual([]);
	});
});
