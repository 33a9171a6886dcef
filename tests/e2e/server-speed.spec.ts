// The server's side of "opens instantly", from outside: pages go out compressed when the browser
// asks (and the live feed never), the login cookie holds the token alone and is set only when it
// changes, a day-old token is renewed, an old-format cookie still logs in, and the service worker's
// background requests never set a cookie. Raw HTTP (node:http), so the encoding is seen as sent.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import PocketBase from 'pocketbase';
import { expect, test } from './support/fixtures';
import type { StackInfo } from './support/stack-info';

interface Raw {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

/** A GET as sent, not decoded. `stopAfterFirstChunk` for streams that stay open. */
function get(
	stack: StackInfo,
	path: string,
	headers: Record<string, string> = {},
	stopAfterFirstChunk = false
): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(new URL(path, stack.url), { headers }, (res) => {
			const chunks: Buffer[] = [];
			const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
			res.on('data', (chunk: Buffer) => {
				chunks.push(chunk);
				if (stopAfterFirstChunk) {
					done();
					req.destroy();
				}
			});
			res.on('end', done);
		});
		req.on('error', (err) => (stopAfterFirstChunk ? undefined : reject(err)));
		req.end();
	});
}

/** The login cookies of a fresh password login, as `name=value` pairs. */
async function logIn(stack: StackInfo, email: string): Promise<Map<string, string>> {
	const res = await fetch(`${stack.url}/login?/password`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: stack.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: stack.password })
	});
	expect(res.status).toBe(303);
	return applyCookies(new Map(), res.headers.getSetCookie());
}

/** Keeps what a browser would of some set-cookie headers (an expired cookie goes). */
function applyCookies(jar: Map<string, string>, setCookies: string[] | undefined): Map<string, string> {
	for (const c of setCookies ?? []) {
		const [pair] = c.split(';');
		const [name, ...value] = pair.split('=');
		if (/max-age=0/i.test(c)) jar.delete(name);
		else jar.set(name, value.join('='));
	}
	return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
const loginCookies = (raw: Raw) => (raw.headers['set-cookie'] ?? []).filter((c) => /^(pb_auth|kp_session)=/.test(c));

async function superuser(stack: StackInfo): Promise<PocketBase> {
	const pb = new PocketBase(stack.pbUrl);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	return pb;
}

/** Runs `fn` while the users' token lifetime is longer by two days: every token then reads as two days old. */
async function withTokensAged<T>(stack: StackInfo, fn: () => Promise<T>): Promise<T> {
	const admin = await superuser(stack);
	const users = await admin.collections.getOne('users');
	const duration = users.authToken.duration as number;
	await admin.collections.update('users', { authToken: { duration: duration + 2 * 86_400 } });
	try {
		return await fn();
	} finally {
		await admin.collections.update('users', { authToken: { duration } });
	}
}

test.describe('the meeting page as sent', () => {
	let jar: Map<string, string>;
	let path: string;
	test.beforeAll(async ({ stack }) => {
		jar = await logIn(stack, stack.member.email);
		path = `/moeder/${stack.nextMeeting.id}`;
	});

	test('is brotli when the browser accepts it, gzip when only that, and plain when neither', async ({ stack }) => {
		const plain = await get(stack, path, { cookie: cookieHeader(jar) });
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers['vary']).toMatch(/accept-encoding/i);
		const html = plain.body.toString();
		expect(html).toContain('<html lang="da"');
		// The same page each time, apart from the order of PocketBase's fields and the CSP nonce.
		const samePage = (decoded: string) => {
			expect(decoded.length).toBe(html.length);
			expect(decoded).toContain('<html lang="da"');
			expect(decoded).toContain('Klyngestyregruppemøde');
		};

		const br = await get(stack, path, { cookie: cookieHeader(jar), 'accept-encoding': 'gzip, deflate, br, zstd' });
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers['vary']).toMatch(/accept-encoding/i);
		expect(br.body.length).toBeLessThan(plain.body.length / 3);
		samePage(brotliDecompressSync(br.body).toString());

		const gzip = await get(stack, path, { cookie: cookieHeader(jar), 'accept-encoding': 'gzip, deflate' });
		expect(gzip.headers['content-encoding']).toBe('gzip');
		samePage(gunzipSync(gzip.body).toString());
	});

	test('comes with a login cookie of the token alone, and no cookie on later pages', async ({ stack }) => {
		const token = jar.get('pb_auth') ?? '';
		// A JWT, not the SDK's JSON of token and user record.
		expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
		expect(`pb_auth=${token}`.length).toBeLessThan(400);
		expect(jar.get('kp_session')).toMatch(/^[a-z0-9]{15}$/);
		for (const page of [path, '/', '/moeder']) {
			const res = await get(stack, page, { cookie: cookieHeader(jar), 'accept-encoding': 'br' });
			expect(res.status, page).toBe(200);
			expect(res.headers['set-cookie'], page).toBeUndefined();
		}
	});

	test("the secretariat's live feed is not compressed, and its first event arrives", async ({ stack }) => {
		const secretariat = await logIn(stack, stack.secretariat.email);
		const live = await get(
			stack,
			`/moeder/${stack.nextMeeting.id}/fremmoede/live`,
			{ cookie: cookieHeader(secretariat), 'accept-encoding': 'br, gzip' },
			true
		);
		expect(live.status).toBe(200);
		expect(live.headers['content-type']).toMatch(/^text\/event-stream/);
		expect(live.headers['content-encoding']).toBeUndefined();
		expect(live.body.toString()).toMatch(/^retry: 3000\n\nevent: ready/);
	});
});

test.describe('the login cookie', () => {
	test('carries a renewed token once the token is a day old, then is left alone again', async ({ stack }) => {
		const jar = await logIn(stack, stack.themeMember.email);
		const before = jar.get('pb_auth');
		const renewed = await withTokensAged(stack, () => get(stack, '/', { cookie: cookieHeader(jar) }));
		expect(renewed.status).toBe(200);
		const cookies = loginCookies(renewed);
		expect(cookies.map((c) => c.split('=')[0]).sort()).toEqual(['kp_session', 'pb_auth']);
		for (const c of cookies) expect(c).toMatch(/HttpOnly/i);
		applyCookies(jar, cookies);
		expect(jar.get('pb_auth')).not.toBe(before);
		expect(jar.get('pb_auth')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

		// The renewed token opens pages, and nothing is set while it is fresh.
		const after = await get(stack, '/moeder', { cookie: cookieHeader(jar) });
		expect(after.status).toBe(200);
		expect(after.headers['set-cookie']).toBeUndefined();
	});

	test("is not renewed or set by the service worker's background requests", async ({ stack }) => {
		const jar = await logIn(stack, stack.themeMember.email);
		const res = await withTokensAged(stack, () =>
			get(stack, '/moeder', { cookie: cookieHeader(jar), 'x-klyngeportal-background': '1' })
		);
		expect(res.status).toBe(200);
		expect(res.headers['set-cookie']).toBeUndefined();
	});

	test('in the old format (token and user record as JSON) still logs in, and is rewritten slim', async ({ stack }) => {
		const jar = await logIn(stack, stack.member.email);
		const token = jar.get('pb_auth') ?? '';
		const old = encodeURIComponent(
			JSON.stringify({ token, record: { id: 'x', name: 'Gammel', collectionName: 'users' } })
		);
		const res = await get(stack, '/moeder', { cookie: `pb_auth=${old}; kp_session=${jar.get('kp_session')}` });
		expect(res.status).toBe(200);
		expect(res.body.toString()).toContain(stack.member.name);
		const rewritten = applyCookies(new Map(), loginCookies(res));
		expect(rewritten.get('pb_auth')).toBe(token);
		expect(rewritten.get('kp_session')).toBe(jar.get('kp_session'));
	});

	test("with another user's session id opens nothing, and both cookies are expired", async ({ stack }) => {
		const mine = await logIn(stack, stack.member.email);
		const theirs = await logIn(stack, stack.themeMember.email);
		const res = await get(stack, '/moeder', {
			cookie: `pb_auth=${mine.get('pb_auth')}; kp_session=${theirs.get('kp_session')}`
		});
		expect(res.status).toBe(303);
		expect(res.headers['location']).toBe('/login?til=%2Fmoeder');
		const cleared = loginCookies(res);
		expect(cleared.map((c) => c.split('=')[0]).sort()).toEqual(['kp_session', 'pb_auth']);
		for (const c of cleared) expect(c).toMatch(/max-age=0/i);
	});
});
