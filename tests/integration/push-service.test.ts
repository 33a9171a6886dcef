// The local push service that the dispatcher's tests, the e2e tests and the push benchmark rely on:
// what web-push sends decrypts to the same text with the service's own RFC 8291 code, what a real
// service refuses is refused, and scripted answers reach the sender.
import { createECDH, createPrivateKey, randomBytes, sign } from 'node:crypto';
import { request } from 'node:https';
import { X509Certificate } from 'node:crypto';
import ece from 'http_ece';
import webpush, { WebPushError } from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	checkVapid,
	decryptWebPush,
	PushControl,
	selfSignedCertificate,
	startPushService,
	type PushService
} from '../support/push-service';

let service: PushService;
const vapid = webpush.generateVAPIDKeys();
const SUBJECT = 'mailto:drift@klyngeportal.test';

beforeAll(async () => {
	service = await startPushService();
});
afterAll(async () => {
	await service?.close();
});

function send(subscription: webpush.PushSubscription, text: string, options: webpush.RequestOptions = {}) {
	return webpush.sendNotification(subscription, text, {
		vapidDetails: { subject: SUBJECT, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
		agent: service.agent,
		TTL: 600,
		...options
	});
}

/** A raw POST to the service, for what web-push itself would refuse to send. */
function rawPost(endpoint: string, headers: Record<string, string>, body = Buffer.alloc(0)) {
	return new Promise<{ status: number; text: string }>((resolve, reject) => {
		const req = request(endpoint, { method: 'POST', headers, agent: service.agent }, (res) => {
			let text = '';
			res.on('data', (c) => (text += c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

/** A VAPID JWT signed by `privateKey` (base64url d of the P-256 key) with any claims. */
function jwt(claims: object, keys = vapid) {
	const pub = Buffer.from(keys.publicKey, 'base64url');
	const key = createPrivateKey({
		key: {
			kty: 'EC',
			crv: 'P-256',
			d: keys.privateKey,
			x: pub.subarray(1, 33).toString('base64url'),
			y: pub.subarray(33).toString('base64url')
		},
		format: 'jwk'
	});
	const head = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'ES256' })).toString('base64url');
	const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
	const sig = sign('sha256', Buffer.from(`${head}.${body}`), { key, dsaEncoding: 'ieee-p1363' });
	return `${head}.${body}.${sig.toString('base64url')}`;
}

describe('certificate', () => {
	it('is a self-signed P-256 certificate for 127.0.0.1 and localhost', () => {
		const cert = new X509Certificate(selfSignedCertificate().certPem);
		expect(cert.checkIssued(cert)).toBe(true);
		expect(cert.verify(cert.publicKey)).toBe(true);
		expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
		expect(cert.checkHost('localhost')).toBe('localhost');
		expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
	});
});

describe('decryption', () => {
	it('decrypts what web-push sends, with the TTL, urgency and topic recorded', async () => {
		const sub = service.createSubscription();
		const text = JSON.stringify({ web_push: 8030, notification: { title: 'Svar senest i morgen', body: 'Æ ø å' } });
		const result = await send(sub, text, { TTL: 3600, urgency: 'high', topic: 'attendance-abc123' });
		expect(result.statusCode).toBe(201);
		const [got] = service.delivered(sub.endpoint);
		expect(got.text).toBe(text);
		expect(got.payload).toEqual(JSON.parse(text));
		expect(got).toMatchObject({ ttl: 3600, urgency: 'high', topic: 'attendance-abc123', vapidKey: vapid.publicKey });
	});

	it('decrypts multi-record bodies made by http_ece (an independent implementation)', () => {
		const ua = createECDH('prime256v1');
		const uaPublic = ua.generateKeys();
		const auth = randomBytes(16);
		const as = createECDH('prime256v1');
		as.generateKeys();
		const text = 'Klyngeportal '.repeat(40);
		const body: Buffer = ece.encrypt(Buffer.from(text), {
			version: 'aes128gcm',
			dh: uaPublic.toString('base64url'),
			privateKey: as,
			authSecret: auth.toString('base64url'),
			rs: 100
		});
		expect(decryptWebPush(body, { ecdh: ua, publicKey: uaPublic, auth }).toString()).toBe(text);
		const tampered = Buffer.from(body);
		tampered[tampered.length - 1] ^= 1;
		expect(() => decryptWebPush(tampered, { ecdh: ua, publicKey: uaPublic, auth })).toThrow();
	});
});

describe('what a push service refuses', () => {
	it('refuses a JWT signed with another key than k (403) and no authorization at all (401)', async () => {
		const sub = service.createSubscription();
		const other = webpush.generateVAPIDKeys();
		const exp = Math.floor(Date.now() / 1000) + 3600;
		const forged = jwt({ aud: service.origin, exp, sub: SUBJECT }, other);
		const forgedRes = await rawPost(sub.endpoint, {
			authorization: `vapid t=${forged}, k=${vapid.publicKey}`,
			ttl: '60'
		});
		expect(forgedRes.status).toBe(403);
		const none = await rawPost(sub.endpoint, { ttl: '60' });
		expect(none.status).toBe(401);
		expect(service.delivered(sub.endpoint)).toEqual([]);
	});

	it('refuses the wrong audience, an expiry beyond 24 h and a subject that is neither mailto: nor https:', async () => {
		const sub = service.createSubscription();
		const now = Math.floor(Date.now() / 1000);
		for (const claims of [
			{ aud: 'https://fcm.googleapis.com', exp: now + 3600, sub: SUBJECT },
			{ aud: service.origin, exp: now + 25 * 3600, sub: SUBJECT },
			{ aud: service.origin, exp: now - 10, sub: SUBJECT },
			{ aud: service.origin, exp: now + 3600, sub: 'drift@klyngeportal.test' }
		]) {
			const res = await rawPost(sub.endpoint, {
				authorization: `vapid t=${jwt(claims)}, k=${vapid.publicKey}`,
				ttl: '60'
			});
			expect(res.status, JSON.stringify(claims)).toBe(403);
		}
		const good = jwt({ aud: service.origin, exp: now + 3600, sub: SUBJECT });
		expect(
			(await rawPost(sub.endpoint, { authorization: `vapid t=${good}, k=${vapid.publicKey}`, ttl: '60' })).status
		).toBe(201);
		expect(checkVapid(`vapid t=${good}, k=${vapid.publicKey}`, service.origin).ok).toBe(true);
	});

	it('refuses a missing TTL, a topic over 32 characters, an unknown urgency and another content encoding', async () => {
		const sub = service.createSubscription();
		const auth = `vapid t=${jwt({ aud: service.origin, exp: Math.floor(Date.now() / 1000) + 600, sub: SUBJECT })}, k=${vapid.publicKey}`;
		expect((await rawPost(sub.endpoint, { authorization: auth })).status).toBe(400);
		expect((await rawPost(sub.endpoint, { authorization: auth, ttl: '60', topic: 'x'.repeat(33) })).status).toBe(400);
		expect((await rawPost(sub.endpoint, { authorization: auth, ttl: '60', topic: 'a.b' })).status).toBe(400);
		expect((await rawPost(sub.endpoint, { authorization: auth, ttl: '60', urgency: 'urgent' })).status).toBe(400);
		expect(
			(await rawPost(sub.endpoint, { authorization: auth, ttl: '60', 'content-encoding': 'aesgcm' }, randomBytes(64)))
				.status
		).toBe(415);
		expect(
			(
				await rawPost(
					sub.endpoint,
					{ authorization: auth, ttl: '60', 'content-encoding': 'aes128gcm' },
					randomBytes(64)
				)
			).status
		).toBe(400);
		expect((await rawPost(sub.endpoint, { authorization: auth, ttl: '60' }, randomBytes(5000))).status).toBe(413);
	});

	it('answers 403 when the subscription was made for another application server key', async () => {
		const sub = service.createSubscription({ vapidKey: webpush.generateVAPIDKeys().publicKey });
		const err = await send(sub, 'x').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(WebPushError);
		expect((err as WebPushError).statusCode).toBe(403);
	});

	it('answers 404 for an endpoint it never made', async () => {
		const err = await send(
			{ endpoint: `${service.origin}/push/unknown`, keys: service.createSubscription().keys },
			'x'
		).catch((e: unknown) => e);
		expect((err as WebPushError).statusCode).toBe(404);
	});
});

describe('scripted answers', () => {
	it('gives the queued answers in order, Retry-After included, then the standing answer, then 201', async () => {
		const sub = service.createSubscription();
		service.script(sub.endpoint, { status: 429, retryAfter: 17 }, { status: 500 });
		service.setStanding(sub.endpoint, { status: 410 });
		const first = (await send(sub, 'a').catch((e: unknown) => e)) as WebPushError;
		expect(first.statusCode).toBe(429);
		expect(first.headers['retry-after']).toBe('17');
		expect(((await send(sub, 'b').catch((e: unknown) => e)) as WebPushError).statusCode).toBe(500);
		expect(((await send(sub, 'c').catch((e: unknown) => e)) as WebPushError).statusCode).toBe(410);
		expect(((await send(sub, 'd').catch((e: unknown) => e)) as WebPushError).statusCode).toBe(410);
		service.script(sub.endpoint, { status: 500 });
		service.reset(sub.endpoint);
		expect((await send(sub, 'e')).statusCode).toBe(201);
		expect(service.received(sub.endpoint).map((r) => [r.status, r.text])).toEqual([
			[429, 'a'],
			[500, 'b'],
			[410, 'c'],
			[410, 'd'],
			[201, 'e']
		]);
		expect(service.delivered(sub.endpoint).map((r) => r.text)).toEqual(['e']);
	});

	it('hangs when asked, so that the sender times out', async () => {
		const sub = service.createSubscription();
		service.script(sub.endpoint, { delayMs: 5_000 });
		const err = await send(sub, 'x', { timeout: 200 }).catch((e: unknown) => e);
		expect(String(err)).toMatch(/timeout|socket hang up|ECONNRESET/i);
	});
});

describe('control API (for tests in other processes)', () => {
	it('makes subscriptions, scripts answers and lists what was delivered', async () => {
		const control = new PushControl(service.controlUrl);
		const sub = await control.createSubscription();
		expect(sub.endpoint.startsWith(`${service.origin}/push/`)).toBe(true);
		expect(Buffer.from(sub.keys.p256dh, 'base64url')).toHaveLength(65);
		expect(Buffer.from(sub.keys.auth, 'base64url')).toHaveLength(16);
		await control.script(sub.endpoint, { status: 413 });
		expect(((await send(sub, 'big').catch((e: unknown) => e)) as WebPushError).statusCode).toBe(413);
		await send(sub, '{"web_push":8030}');
		const delivered = await control.delivered(sub.endpoint);
		expect(delivered.map((d) => d.payload)).toEqual([{ web_push: 8030 }]);
		expect((await control.received(sub.endpoint)).map((r) => r.status)).toEqual([413, 201]);
	});
});
