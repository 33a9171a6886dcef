// Substitute invitations: limited per answer and per member per day (a Danish message on the
// e-mail field, nothing stored), a withdrawn substitute is told by mail, and an account the
// invitation created is removed again when it was never used.
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCast, createMeeting, createMembership, createUser, type Cast, type Person } from '../support/factories';
import { startTestPocketBaseWithMail, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let catcher: Awaited<ReturnType<typeof startTestPocketBaseWithMail>>['catcher'];
let cast: Cast;

beforeAll(async () => {
	({ server, catcher } = await startTestPocketBaseWithMail());
	cast = await createCast(server.admin);
});

afterAll(async () => {
	await server?.stop();
	await catcher?.close();
});

type Answer = { id: string; substitute_email: string; substitute_user: string };

/** A member of group A of their own, so the per-member limit of one test does not touch another. */
async function newMember(name: string): Promise<Person> {
	const person = await createUser(cast.admin, { organization: cast.organizations.a.id, name });
	await createMembership(cast.admin, { user: person.record.id, group: cast.groups.a.id });
	return person;
}

const sub = (email: string, name = 'Sanne Suppleant') => ({
	status: 'substitute',
	substitute_name: name,
	substitute_email: email
});
const nameSubstitute = async (who: Person, email: string) => {
	const meeting = await createMeeting(cast.admin, { group: cast.groups.a.id });
	return who.pb.collection('attendance').create<Answer>({ meeting: meeting.id, user: who.record.id, ...sub(email) });
};
const change = (pb: PocketBase, id: string, fields: Record<string, unknown>) =>
	pb.collection('attendance').update<Answer>(id, fields);
const accounts = async (email: string) =>
	(await cast.admin.collection('users').getFullList({ filter: cast.admin.filter('email = {:email}', { email }) }))
		.length;
const mailsTo = (email: string) => catcher.messages.filter((m) => m.to.includes(email));

describe('substitute invitations', () => {
	it('are refused from the fourth new address for one answer within a day, and nothing is stored', async () => {
		const who = await newMember('Anna Afbud');
		const answer = await nameSubstitute(who, 'en@kommune.test');
		await change(who.pb, answer.id, sub('to@kommune.test'));
		await change(who.pb, answer.id, sub('tre@kommune.test'));

		const err = await change(who.pb, answer.id, sub('fire@kommune.test')).catch((e) => e);
		expect(err.status).toBe(400);
		expect(err.response.data.substitute_email.message).toBe(
			'Der er allerede sendt 3 invitationer for dette svar i dag. Prøv igen i morgen.'
		);
		expect((await cast.admin.collection('attendance').getOne<Answer>(answer.id)).substitute_email).toBe(
			'tre@kommune.test'
		);
		expect(await accounts('fire@kommune.test')).toBe(0);
		expect(mailsTo('fire@kommune.test')).toEqual([]);
	});

	it('are not counted again when the member saves the same address', async () => {
		const who = await newMember('Bo Bevarer');
		const answer = await nameSubstitute(who, 'samme@kommune.test');
		for (let i = 0; i < 4; i++) await change(who.pb, answer.id, sub('samme@kommune.test', `Sanne ${i}`));
		expect(mailsTo('samme@kommune.test')).toHaveLength(1);
	});

	it('are refused from the sixth by one member within a day, across meetings', async () => {
		const who = await newMember('Carl Cannon');
		for (let i = 1; i <= 5; i++) await nameSubstitute(who, `kanon${i}@kommune.test`);
		const err = await nameSubstitute(who, 'kanon6@kommune.test').catch((e) => e);
		expect(err.status).toBe(400);
		expect(err.response.data.substitute_email.message).toBe(
			'Der er sendt 5 invitationer til suppleanter i dag. Prøv igen i morgen.'
		);
		expect(await accounts('kanon6@kommune.test')).toBe(0);
		// Another member is not held back by Carl's invitations.
		await expect(nameSubstitute(await newMember('Dorte Dagligdag'), 'dorte@kommune.test')).resolves.toMatchObject({
			substitute_email: 'dorte@kommune.test'
		});
	});

	it('are not readable or writable through the API, even by the secretariat', async () => {
		for (const who of ['member', 'secretariat', 'anon'] as const) {
			const invitations = cast.as(who).collection('substitute_invitations');
			await expect(invitations.getList(1, 1)).rejects.toMatchObject({ status: 403 });
			await expect(
				invitations.create({ attendance: 'x', meeting: 'x', member: 'x', email: 'a@b.dk' })
			).rejects.toMatchObject({ status: 403 });
		}
	});
});

describe('a withdrawn substitute', () => {
	it('is told by a short mail without a link, and their unused account is removed', async () => {
		const who = await newMember('Eva Ændrer');
		const answer = await nameSubstitute(who, 'forste.sub@kommune.test');
		expect(await accounts('forste.sub@kommune.test')).toBe(1);

		await change(who.pb, answer.id, sub('anden.sub@kommune.test', 'Anden Suppleant'));
		const [withdrawn] = mailsTo('forste.sub@kommune.test').filter((m) => m.subject.includes('ikke længere'));
		expect(withdrawn.subject).toMatch(/^Du er ikke længere suppleant: /);
		expect(withdrawn.text).toContain('Eva Ændrer har ændret sit svar');
		expect(withdrawn.text).not.toContain('/login');
		expect(await accounts('forste.sub@kommune.test')).toBe(0);
		expect(await accounts('anden.sub@kommune.test')).toBe(1);

		await change(who.pb, answer.id, { status: 'attending' });
		expect(mailsTo('anden.sub@kommune.test').map((m) => m.subject)).toEqual([
			expect.stringMatching(/^Du er suppleant for Eva Ændrer/),
			expect.stringMatching(/^Du er ikke længere suppleant/)
		]);
		expect(await accounts('anden.sub@kommune.test')).toBe(0);
	});

	it('keeps an account that has logged in', async () => {
		const who = await newMember('Frida Fortryder');
		const answer = await nameSubstitute(who, 'brugt@kommune.test');
		const stored = await cast.admin.collection('attendance').getOne<Answer>(answer.id);
		// Logging in with an e-mail code verifies the address.
		await cast.admin.collection('users').update(stored.substitute_user, { verified: true });
		await change(who.pb, answer.id, { status: 'absent' });
		expect(await accounts('brugt@kommune.test')).toBe(1);
	});

	it('keeps the account of someone who was a user before the invitation', async () => {
		const who = await newMember('Gert Gensidig');
		const colleague = await newMember('Hanne Hjælper');
		const answer = await nameSubstitute(who, colleague.record.email);
		await change(who.pb, answer.id, { status: 'absent' });
		expect(await accounts(colleague.record.email)).toBe(1);
	});
});
