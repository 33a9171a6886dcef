// Login rate limits count per visitor address (X-Forwarded-For from the app server), so guessing
// codes or passwords gets nowhere while colleagues behind other addresses log in as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;

beforeAll(async () => {
	server = await startTestPocketBase({ rateLimits: true });
});
afterAll(async () => {
	await server?.stop();
});

function post(path: string, body: unknown, address: string) {
	return fetch(`${server.url}/api/collections/users/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
		body: JSON.stringify(body)
	});
}

describe('login rate limits', () => {
	it('stop password guessing from one address after 30 tries a minute', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 32; i++) {
			const res = await post(
				'auth-with-password',
				{ identity: 'nogen@kommune.dk', password: `gæt-${i}` },
				'203.0.113.7'
			);
			statuses.push(res.status);
		}
		expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
		expect(statuses.slice(30)).toEqual([429, 429]);
	});

	it('stop code requests from one address after 20 a minute', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 21; i++) {
			statuses.push((await post('request-otp', { email: `person${i}@kommune.dk` }, '203.0.113.8')).status);
		}
		expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
		expect(statuses[20]).toBe(429);
	});

	it('stop login checks from one address after 600 a minute', async () => {
		const check = (address: string) =>
			fetch(`${server.url}/api/klynge/sessions/aaaaaaaaaaaaaaa/check`, {
				headers: { authorization: 'not-a-token', 'x-forwarded-for': address }
			}).then((res) => res.status);
		const statuses: number[] = [];
		for (let i = 0; i < 601; i++) statuses.push(await check('203.0.113.9'));
		expect(statuses.slice(0, 600).every((s) => s === 401)).toBe(true);
		expect(statuses[600]).toBe(429);
		expect(await check('198.51.100.5')).toBe(401);
	});

	it('count each address on its own', async () => {
		const res = await post('auth-with-password', { identity: 'nogen@kommune.dk', password: 'forkert' }, '198.51.100.4');
		expect(res.status).toBe(400);
	});
});
