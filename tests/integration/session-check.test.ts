// The app server's one-round-trip login check (GET /api/klynge/sessions/{id}/check,
// pb_hooks/sessions.pb.js): the user for a valid token and session, a renewed token once the token is
// a day old, and one and the same 401 for everything else, so the route is no oracle for session ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordModel } from 'pocketbase';
import { anonymousClient, createCast, createOrganization, createUser, PASSWORD, type Cast } from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let cast: Cast;
let memberSession: RecordModel;
let outsiderSession: RecordModel;

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	[memberSession, outsiderSession] = await Promise.all([
		cast.as('member').collection('sessions').create({ user: cast.people.member.record.id }),
		cast.as('outsider').collection('sessions').create({ user: cast.people.outsider.record.id })
	]);
});

afterAll(async () => {
	await server?.stop();
});

/** Asks the check route as the app server does; the body is read as text to compare refusals. */
async function check(sessionId: string, token: string | null) {
	const res = await fetch(`${server.url}/api/klynge/sessions/${sessionId}/check`, {
		headers: token === null ? {} : { authorization: token }
	});
	const text = await res.text();
	return {
		status: res.status,
		text,
		body: res.ok ? (JSON.parse(text) as { user: RecordModel; token: string | null }) : null
	};
}

/** The claims of a token (not verified: for reading `exp` and forging). */
function claims(token: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Runs `fn` while the users' token lifetime is longer by `days`, so a fresh token reads as that old. */
async function withTokensAged<T>(days: number, fn: () => Promise<T>): Promise<T> {
	const users = await server.admin.collections.getOne('users');
	const duration = users.authToken.duration as number;
	await server.admin.collections.update('users', { authToken: { duration: duration + days * 86_400 } });
	try {
		return await fn();
	} finally {
		await server.admin.collections.update('users', { authToken: { duration } });
	}
}

let refusal = '';

describe('the login check', () => {
	it('answers the user of a valid token and session, without a new token while the token is fresh', async () => {
		const member = cast.people.member;
		const res = await check(memberSession.id, member.pb.authStore.token);
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			user: {
				id: member.record.id,
				collectionId: member.record.collectionId,
				collectionName: 'users',
				email: member.record.email,
				name: 'Mette Medlem',
				title: member.record.title,
				organization: cast.organizations.a.id
			},
			token: null
		});
	});

	it('renews a token that is a day old, and the new token works', async () => {
		const token = cast.people.member.pb.authStore.token;
		const res = await withTokensAged(2, () => check(memberSession.id, token));
		expect(res.status).toBe(200);
		expect(res.body?.user.id).toBe(cast.people.member.record.id);
		const renewed = res.body?.token;
		expect(renewed).toEqual(expect.any(String));
		expect(renewed).not.toBe(token);
		expect(claims(renewed!).exp).toBeGreaterThan(claims(token).exp as number);
		const again = await check(memberSession.id, renewed!);
		expect(again.status).toBe(200);
		expect(again.body?.token).toBeNull();
	});

	it('does not renew a token that cannot be refreshed (a superuser’s impersonation)', async () => {
		const impersonated = await server.admin.collection('users').impersonate(cast.people.member.record.id, 3600);
		const res = await withTokensAged(2, () => check(memberSession.id, impersonated.authStore.token));
		expect(res.status).toBe(200);
		expect(res.body?.token).toBeNull();
	});

	it('refuses a request without a token, and remembers the refusal to compare the others with', async () => {
		const res = await check(memberSession.id, null);
		expect(res.status).toBe(401);
		refusal = res.text;
		expect(JSON.parse(refusal)).toMatchObject({ status: 401 });
	});

	it('refuses an expired token the same way', async () => {
		const short = await server.admin.collection('users').impersonate(cast.people.member.record.id, 1);
		const token = short.authStore.token;
		// Wait for the one-second token to expire (no timing is asserted).
		await new Promise((resolve) => setTimeout(resolve, 2100));
		expect(await check(memberSession.id, token)).toMatchObject({ status: 401, text: refusal });
	});

	it("refuses another user's session the same way, in both directions", async () => {
		expect(await check(outsiderSession.id, cast.people.member.pb.authStore.token)).toMatchObject({
			status: 401,
			text: refusal
		});
		expect(await check(memberSession.id, cast.people.outsider.pb.authStore.token)).toMatchObject({
			status: 401,
			text: refusal
		});
	});

	it('refuses a session id that does not exist or is malformed the same way', async () => {
		const token = cast.people.member.pb.authStore.token;
		for (const id of ['aaaaaaaaaaaaaaa', 'x', memberSession.id.toUpperCase(), `${memberSession.id}'--`]) {
			expect(await check(encodeURIComponent(id), token)).toMatchObject({ status: 401, text: refusal });
		}
	});

	it('refuses forged tokens the same way', async () => {
		const token = cast.people.member.pb.authStore.token;
		const [header, , signature] = token.split('.');
		const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const asOutsider = { ...claims(token), id: cast.people.outsider.record.id };
		const forged = [
			// Another user's id under the member's signature.
			`${header}.${encode(asOutsider)}.${signature}`,
			// A later expiry under the same signature.
			`${header}.${encode({ ...claims(token), exp: (claims(token).exp as number) + 86_400 })}.${signature}`,
			// No signature at all.
			`${encode({ alg: 'none', typ: 'JWT' })}.${encode(asOutsider)}.`,
			'not-a-token'
		];
		for (const value of forged) {
			expect(await check(outsiderSession.id, value)).toMatchObject({ status: 401, text: refusal });
			expect(await check(memberSession.id, value)).toMatchObject({ status: 401, text: refusal });
		}
	});

	it('refuses a superuser token the same way (only users log in to the app)', async () => {
		expect(await check(memberSession.id, server.admin.authStore.token)).toMatchObject({ status: 401, text: refusal });
	});

	it('refuses a session ended by logging out, and every session after "log out on every device"', async () => {
		const org = await createOrganization(server.admin);
		const person = await createUser(server.admin, { organization: org.id });
		const laptop = anonymousClient(server.url);
		await laptop.collection('users').authWithPassword(person.record.email, PASSWORD);
		const [phoneSession, laptopSession] = await Promise.all([
			person.pb.collection('sessions').create({ user: person.record.id }),
			laptop.collection('sessions').create({ user: person.record.id })
		]);
		expect((await check(phoneSession.id, person.pb.authStore.token)).status).toBe(200);

		// Logging out here ends this session only.
		await person.pb.collection('sessions').delete(phoneSession.id);
		expect(await check(phoneSession.id, person.pb.authStore.token)).toMatchObject({ status: 401, text: refusal });
		expect((await check(laptopSession.id, laptop.authStore.token)).status).toBe(200);

		// A new session with the old token still works until the user logs out everywhere.
		const another = await person.pb.collection('sessions').create({ user: person.record.id });
		await laptop.send('/api/klynge/sessions/end-all', { method: 'POST' });
		expect(await check(laptopSession.id, laptop.authStore.token)).toMatchObject({ status: 401, text: refusal });
		expect(await check(another.id, person.pb.authStore.token)).toMatchObject({ status: 401, text: refusal });
	});
});
