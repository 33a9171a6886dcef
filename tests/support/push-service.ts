// A local web push service for the tests and the push benchmark: what FCM, Mozilla autopush or
// Apple's service are to a real browser, on this machine, over HTTPS with a certificate made at start.
// It checks what a real push service checks (the VAPID JWT, TTL, Urgency, Topic, aes128gcm) and
// decrypts every message with the subscription's private key, using its own RFC 8291/8188 code on
// node:crypto (independent of web-push's http_ece), so a test sees exactly what a phone would show.
// Answers are scriptable per endpoint (404, 410, 413, 429 with Retry-After, 500, a hang).
//
// Two doors: the HTTPS push endpoints (`/push/<id>`), and a plain-HTTP control API on 127.0.0.1 for
// Playwright tests that run in other processes (see `PushControl` below and tests/e2e/support).
import {
	createECDH,
	createHmac,
	createDecipheriv,
	createPublicKey,
	generateKeyPairSync,
	randomBytes,
	randomUUID,
	sign,
	verify,
	type KeyObject
} from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent, createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// ---------------------------------------------------------------------------------------------
// A self-signed certificate (ECDSA P-256) written with a minimal DER encoder: no key in git, no
// openssl CLI, no dependency.

function derLength(n: number): Buffer {
	if (n < 0x80) return Buffer.from([n]);
	const bytes: number[] = [];
	for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
	return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const der = (tag: number, ...parts: Buffer[]) => {
	const body = Buffer.concat(parts);
	return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
};
const seq = (...parts: Buffer[]) => der(0x30, ...parts);
const set = (...parts: Buffer[]) => der(0x31, ...parts);
const octets = (b: Buffer) => der(0x04, b);
const bits = (b: Buffer) => der(0x03, Buffer.from([0]), b);
const utf8 = (s: string) => der(0x0c, Buffer.from(s, 'utf8'));
function oid(dotted: string): Buffer {
	const [a, b, ...rest] = dotted.split('.').map(Number);
	const out = [40 * a + b];
	for (const n of rest) {
		const chunk = [n & 0x7f];
		for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
		out.push(...chunk);
	}
	return der(0x06, Buffer.from(out));
}
function integer(b: Buffer): Buffer {
	let i = 0;
	while (i < b.length - 1 && b[i] === 0) i++;
	const v = b.subarray(i);
	return der(0x02, v[0] & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
}
function utcTime(d: Date): Buffer {
	const s = d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
	return der(0x17, Buffer.from(s, 'ascii'));
}

export interface Certificate {
	certPem: string;
	keyPem: string;
}

/** A self-signed certificate for localhost and 127.0.0.1, valid from yesterday for 30 days. */
export function selfSignedCertificate(commonName = 'Klyngeportal test push service'): Certificate {
	const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
	const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
	const name = seq(set(seq(oid('2.5.4.3'), utf8(commonName))));
	const now = Date.now();
	const subjectAltName = seq(
		der(0x82, Buffer.from('localhost', 'ascii')), // dNSName
		der(0x87, Buffer.from([127, 0, 0, 1])) // iPAddress
	);
	const extensions = der(
		0xa3,
		seq(
			seq(oid('2.5.29.19'), der(0x01, Buffer.from([0xff])), octets(seq(der(0x01, Buffer.from([0xff]))))), // CA:TRUE
			seq(oid('2.5.29.17'), octets(subjectAltName))
		)
	);
	const tbs = seq(
		der(0xa0, integer(Buffer.from([2]))), // v3
		integer(Buffer.concat([Buffer.from([1]), randomBytes(15)])),
		ecdsaWithSha256,
		name,
		seq(utcTime(new Date(now - 86_400_000)), utcTime(new Date(now + 30 * 86_400_000))),
		name,
		publicKey.export({ type: 'spki', format: 'der' }),
		extensions
	);
	const signature = sign('sha256', tbs, privateKey);
	const cert = seq(tbs, ecdsaWithSha256, bits(signature));
	const certPem = `-----BEGIN CERTIFICATE-----\n${cert
		.toString('base64')
		.replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
	return { certPem, keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

// ---------------------------------------------------------------------------------------------
// RFC 8291 (Message Encryption for Web Push) over RFC 8188 (aes128gcm), receiving side.

const b64url = (b: Buffer) => b.toString('base64url');
const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** The user agent's side of a subscription: its ECDH key pair and auth secret. */
export interface SubscriptionSecrets {
	ecdh: ReturnType<typeof createECDH>;
	publicKey: Buffer;
	auth: Buffer;
}

/** Decrypts an aes128gcm web push body; throws on any malformed or unauthentic input. */
export function decryptWebPush(body: Buffer, secrets: SubscriptionSecrets): Buffer {
	if (body.length < 21) throw new Error('body shorter than the aes128gcm header');
	const salt = body.subarray(0, 16);
	const rs = body.readUInt32BE(16);
	const idlen = body[20];
	const asPublic = body.subarray(21, 21 + idlen);
	if (idlen !== 65 || asPublic[0] !== 4) throw new Error('keyid is not an uncompressed P-256 public key');
	if (rs < 18) throw new Error('record size too small');
	const ecdhSecret = secrets.ecdh.computeSecret(asPublic);
	// HKDF-Extract(auth, ecdh) then Expand with "WebPush: info" || 0 || ua_public || as_public.
	const prkKey = hmac(secrets.auth, ecdhSecret);
	const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0', 'ascii'), secrets.publicKey, asPublic]);
	const ikm = hmac(prkKey, Buffer.concat([keyInfo, Buffer.from([1])]));
	const prk = hmac(salt, ikm);
	const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'binary')).subarray(0, 16);
	const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'binary')).subarray(0, 12);

	const records = body.subarray(21 + idlen);
	if (records.length === 0) throw new Error('no records');
	const out: Buffer[] = [];
	for (let seqNo = 0, at = 0; at < records.length; seqNo++, at += rs) {
		const record = records.subarray(at, Math.min(at + rs, records.length));
		if (record.length < 17) throw new Error('record too short');
		const iv = Buffer.from(nonce);
		// The record sequence number XORs into the nonce's last six bytes (big-endian).
		for (let i = 0, v = seqNo; i < 6; i++, v = Math.floor(v / 256)) iv[11 - i] ^= v & 0xff;
		const decipher = createDecipheriv('aes-128-gcm', cek, iv);
		decipher.setAuthTag(record.subarray(record.length - 16));
		const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
		let end = plain.length - 1;
		while (end >= 0 && plain[end] === 0) end--;
		const last = at + rs >= records.length;
		if (end < 0 || plain[end] !== (last ? 2 : 1)) throw new Error('bad padding delimiter');
		out.push(plain.subarray(0, end));
	}
	return Buffer.concat(out);
}

// ---------------------------------------------------------------------------------------------
// VAPID (RFC 8292).

export interface VapidClaims {
	aud: string;
	exp: number;
	sub: string;
}

/**
 * Checks `Authorization: vapid t=<jwt>, k=<key>`. Returns the claims and the key, or the status a
 * real push service gives: 401 when missing or unreadable, 403 when the signature or claims are wrong.
 */
export function checkVapid(
	header: string | undefined,
	origin: string,
	nowSeconds = Math.floor(Date.now() / 1000)
): { ok: true; claims: VapidClaims; key: string } | { ok: false; status: 401 | 403; reason: string } {
	const match = /^vapid\s+(.+)$/i.exec(header ?? '');
	if (!match) return { ok: false, status: 401, reason: 'no vapid authorization' };
	const params = Object.fromEntries(
		match[1].split(',').map((p) => {
			const i = p.indexOf('=');
			return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
		})
	);
	const { t, k } = params as { t?: string; k?: string };
	if (!t || !k) return { ok: false, status: 401, reason: 'vapid t= or k= missing' };
	const parts = t.split('.');
	if (parts.length !== 3) return { ok: false, status: 401, reason: 'jwt is not three parts' };
	let header_: { alg?: string; typ?: string };
	let claims: Partial<VapidClaims>;
	let key: KeyObject;
	try {
		header_ = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
		claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
		const raw = Buffer.from(k, 'base64url');
		if (raw.length !== 65 || raw[0] !== 4) throw new Error('k is not a P-256 point');
		key = createPublicKey({
			key: { kty: 'EC', crv: 'P-256', x: b64url(raw.subarray(1, 33)), y: b64url(raw.subarray(33)) },
			format: 'jwk'
		});
	} catch (err) {
		return { ok: false, status: 401, reason: `unreadable jwt or key: ${(err as Error).message}` };
	}
	if (header_.alg !== 'ES256') return { ok: false, status: 401, reason: `alg ${header_.alg}` };
	const signature = Buffer.from(parts[2], 'base64url');
	const signed = verify(
		'sha256',
		Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii'),
		{ key, dsaEncoding: 'ieee-p1363' },
		signature
	);
	if (!signed) return { ok: false, status: 403, reason: 'jwt signature does not verify with k' };
	if (claims.aud !== origin) return { ok: false, status: 403, reason: `aud ${claims.aud} is not ${origin}` };
	if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds || claims.exp > nowSeconds + 24 * 3600) {
		return { ok: false, status: 403, reason: `exp ${claims.exp} not within 24 h` };
	}
	if (typeof claims.sub !== 'string' || !/^(mailto:.+|https:\/\/.+)$/.test(claims.sub)) {
		return { ok: false, status: 403, reason: `sub ${claims.sub} is not mailto: or https:` };
	}
	return { ok: true, claims: claims as VapidClaims, key: k };
}

// ---------------------------------------------------------------------------------------------
// The service.

/** A browser-shaped subscription, as `PushSubscription.toJSON()` gives it. */
export interface BrowserSubscription {
	endpoint: string;
	expirationTime: null;
	keys: { p256dh: string; auth: string };
}

/** How the service answers the next push to an endpoint. */
export interface ScriptedAnswer {
	/** 201 by default. */
	status?: 201 | 400 | 404 | 410 | 413 | 429 | 500 | 502 | 503;
	/** Seconds, sent as Retry-After (with 429 or 503). */
	retryAfter?: number;
	/** Waits this long before answering (a push service that hangs: the sender's timeout). */
	delayMs?: number;
}

export interface ReceivedPush {
	endpoint: string;
	/** The status the service answered. */
	status: number;
	/** Why it refused, when it did. */
	reason?: string;
	headers: Record<string, string>;
	ttl: number | null;
	urgency: string | null;
	topic: string | null;
	/** The decrypted text (null when refused before decryption). */
	text: string | null;
	/** The decrypted JSON, when the text is JSON. */
	payload: unknown;
	/** The VAPID public key that signed it. */
	vapidKey: string | null;
	/** Milliseconds since the epoch. */
	at: number;
}

export interface PushService {
	/** https://127.0.0.1:<port>: the origin VAPID's `aud` must name. */
	origin: string;
	/** The plain-HTTP control API (for tests in other processes). */
	controlUrl: string;
	certPem: string;
	/** The certificate in a temporary file, for NODE_EXTRA_CA_CERTS. */
	certFile: string;
	/** An agent that trusts the service (web-push's `agent` option). */
	agent: Agent;
	/** A new subscription on the service; `vapidKey` binds it to one application server key. */
	createSubscription(opts?: { vapidKey?: string }): BrowserSubscription;
	/** Queues answers for the next pushes to an endpoint (after them: the standing answer, else 201). */
	script(endpoint: string, ...answers: ScriptedAnswer[]): void;
	/** The answer given to every push to an endpoint once the queue is empty (`null`: back to 201). */
	setStanding(endpoint: string, answer: ScriptedAnswer | null): void;
	/** Drops an endpoint's queued and standing answers: 201 from now on. */
	reset(endpoint: string): void;
	/** Every push received, accepted or not, oldest first. */
	received(endpoint?: string): ReceivedPush[];
	/** The accepted (2xx) pushes, oldest first. */
	delivered(endpoint?: string): ReceivedPush[];
	/** Forgets what was received. */
	clear(): void;
	close(): Promise<void>;
}

const TOPIC = /^[A-Za-z0-9_-]{1,32}$/;
const URGENCIES = new Set(['very-low', 'low', 'normal', 'high']);
/** A real service refuses bodies over one 4096-byte record (RFC 8291 §4). */
const MAX_BODY = 4096;

interface Endpoint {
	secrets: SubscriptionSecrets;
	vapidKey?: string;
	queue: ScriptedAnswer[];
	standing: ScriptedAnswer | null;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size <= limit) chunks.push(c);
		});
		req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : null));
		req.on('error', reject);
	});
}

/** Starts the push service on 127.0.0.1 (random ports unless given). */
export async function startPushService({
	port = 0,
	controlPort = 0,
	log = () => {}
}: { port?: number; controlPort?: number; log?: (line: string) => void } = {}): Promise<PushService> {
	const { certPem, keyPem } = selfSignedCertificate();
	const dir = mkdtempSync(join(tmpdir(), 'klyngeportal-push-'));
	const certFile = join(dir, 'push-service-ca.pem');
	writeFileSync(certFile, certPem);
	const endpoints = new Map<string, Endpoint>();
	const log_: ReceivedPush[] = [];
	let origin = '';
	const pending = new Set<ReturnType<typeof setTimeout>>();

	const answerFor = (ep: Endpoint | undefined): ScriptedAnswer => ep?.queue.shift() ?? ep?.standing ?? {};

	async function onPush(req: IncomingMessage, res: ServerResponse) {
		const path = new URL(req.url ?? '/', origin).pathname;
		const endpoint = `${origin}${path}`;
		const ep = endpoints.get(endpoint);
		const body = await readBody(req, MAX_BODY);
		const headers = Object.fromEntries(
			Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])
		);
		const ttlHeader = headers['ttl'];
		const record: ReceivedPush = {
			endpoint,
			status: 201,
			headers,
			ttl: ttlHeader !== undefined && /^\d+$/.test(ttlHeader) ? Number(ttlHeader) : null,
			urgency: headers['urgency'] ?? null,
			topic: headers['topic'] ?? null,
			text: null,
			payload: null,
			vapidKey: null,
			at: Date.now()
		};
		const finish = (status: number, reason?: string, extra: Record<string, string> = {}) => {
			record.status = status;
			if (reason) record.reason = reason;
			log_.push(record);
			log(`[push] ${status} ${path}${reason ? ` (${reason})` : ''}`);
			res.writeHead(status, { 'content-type': 'text/plain', ...extra });
			res.end(reason ?? '');
		};

		if (req.method !== 'POST') return finish(405, 'POST only');
		if (!ep) return finish(404, 'no such subscription');
		const vapid = checkVapid(headers['authorization'], origin);
		if (!vapid.ok) return finish(vapid.status, vapid.reason);
		record.vapidKey = vapid.key;
		if (ep.vapidKey && ep.vapidKey !== vapid.key) return finish(403, 'subscribed with another VAPID key');
		if (record.ttl === null) return finish(400, 'TTL header missing or not a number');
		if (record.urgency !== null && !URGENCIES.has(record.urgency)) return finish(400, `urgency ${record.urgency}`);
		if (record.topic !== null && !TOPIC.test(record.topic)) return finish(400, `topic ${record.topic}`);
		if (body === null) return finish(413, `body over ${MAX_BODY} bytes`);
		if (body.length > 0) {
			if (headers['content-encoding'] !== 'aes128gcm') {
				return finish(415, `content-encoding ${headers['content-encoding']}`);
			}
			try {
				record.text = decryptWebPush(body, ep.secrets).toString('utf8');
			} catch (err) {
				return finish(400, `cannot decrypt: ${(err as Error).message}`);
			}
			try {
				record.payload = JSON.parse(record.text);
			} catch {
				record.payload = null;
			}
		}
		const answer = answerFor(ep);
		const respond = () => {
			const status = answer.status ?? 201;
			const extra: Record<string, string> = {};
			if (answer.retryAfter !== undefined) extra['retry-after'] = String(answer.retryAfter);
			if (status === 201) extra['location'] = `${origin}/message/${randomUUID()}`;
			finish(status, status >= 300 ? `scripted ${status}` : undefined, extra);
		};
		if (answer.delayMs) {
			const timer = setTimeout(() => {
				pending.delete(timer);
				if (!res.destroyed) respond();
			}, answer.delayMs);
			pending.add(timer);
		} else respond();
	}

	const server = createHttpsServer({ cert: certPem, key: keyPem }, (req, res) => {
		onPush(req, res).catch((err) => {
			res.writeHead(500);
			res.end(String(err));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const service: PushService = {
		origin,
		controlUrl: '',
		certPem,
		certFile,
		agent: new Agent({ ca: certPem, keepAlive: true }),
		createSubscription({ vapidKey } = {}) {
			const ecdh = createECDH('prime256v1');
			const publicKey = ecdh.generateKeys();
			const auth = randomBytes(16);
			const endpoint = `${origin}/push/${randomUUID()}`;
			endpoints.set(endpoint, { secrets: { ecdh, publicKey, auth }, vapidKey, queue: [], standing: null });
			return { endpoint, expirationTime: null, keys: { p256dh: b64url(publicKey), auth: b64url(auth) } };
		},
		script(endpoint, ...answers) {
			const ep = endpoints.get(endpoint);
			if (!ep) throw new Error(`no subscription ${endpoint}`);
			ep.queue.push(...answers);
		},
		setStanding(endpoint, answer) {
			const ep = endpoints.get(endpoint);
			if (!ep) throw new Error(`no subscription ${endpoint}`);
			ep.standing = answer;
		},
		reset(endpoint) {
			const ep = endpoints.get(endpoint);
			if (!ep) throw new Error(`no subscription ${endpoint}`);
			ep.queue = [];
			ep.standing = null;
		},
		received: (endpoint) => log_.filter((r) => !endpoint || r.endpoint === endpoint),
		delivered: (endpoint) => log_.filter((r) => r.status < 300 && (!endpoint || r.endpoint === endpoint)),
		clear: () => void log_.splice(0),
		close: async () => {
			for (const t of pending) clearTimeout(t);
			service.agent.destroy();
			server.closeAllConnections();
			control.closeAllConnections();
			await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => control.close(r))]);
			rmSync(dir, { recursive: true, force: true });
		}
	};

	// The control API: JSON over plain HTTP on 127.0.0.1.
	//   POST /subscriptions {vapidKey?}         → BrowserSubscription
	//   POST /script {endpoint, answers[]}      → 204
	//   POST /standing {endpoint, answer|null}  → 204
	//   POST /reset {endpoint}                  → 204
	//   GET  /received[?endpoint=…]             → ReceivedPush[]
	//   GET  /delivered[?endpoint=…]            → ReceivedPush[]
	//   POST /clear                             → 204
	const control = createHttpServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const json = (status: number, value?: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(value === undefined ? '' : JSON.stringify(value));
		};
		try {
			const raw = req.method === 'POST' ? await readBody(req, 64 * 1024) : null;
			const body = raw && raw.length ? JSON.parse(raw.toString('utf8')) : {};
			const endpoint = url.searchParams.get('endpoint') ?? undefined;
			switch (`${req.method} ${url.pathname}`) {
				case 'POST /subscriptions':
					return json(200, service.createSubscription({ vapidKey: body.vapidKey }));
				case 'POST /script':
					service.script(body.endpoint, ...(body.answers ?? []));
					return json(204);
				case 'POST /standing':
					service.setStanding(body.endpoint, body.answer ?? null);
					return json(204);
				case 'POST /reset':
					service.reset(body.endpoint);
					return json(204);
				case 'GET /received':
					return json(200, service.received(endpoint));
				case 'GET /delivered':
					return json(200, service.delivered(endpoint));
				case 'POST /clear':
					service.clear();
					return json(204);
				default:
					return json(404, { error: 'unknown control route' });
			}
		} catch (err) {
			return json(400, { error: (err as Error).message });
		}
	});
	await new Promise<void>((resolve, reject) => {
		control.once('error', reject);
		control.listen(controlPort, '127.0.0.1', () => resolve());
	});
	service.controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
	return service;
}

/** The control API from another process (Playwright tests): the same operations over HTTP. */
export class PushControl {
	constructor(private readonly controlUrl: string) {}

	private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
		const res = await fetch(`${this.controlUrl}${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		if (!res.ok) throw new Error(`push service control ${path}: ${res.status} ${await res.text()}`);
		return (res.status === 204 ? undefined : await res.json()) as T;
	}

	createSubscription(opts: { vapidKey?: string } = {}) {
		return this.call<BrowserSubscription>('POST', '/subscriptions', opts);
	}
	script(endpoint: string, ...answers: ScriptedAnswer[]) {
		return this.call<void>('POST', '/script', { endpoint, answers });
	}
	setStanding(endpoint: string, answer: ScriptedAnswer | null) {
		return this.call<void>('POST', '/standing', { endpoint, answer });
	}
	reset(endpoint: string) {
		return this.call<void>('POST', '/reset', { endpoint });
	}
	received(endpoint?: string) {
		return this.call<ReceivedPush[]>('GET', `/received${endpoint ? `?endpoint=${encodeURIComponent(endpoint)}` : ''}`);
	}
	delivered(endpoint?: string) {
		return this.call<ReceivedPush[]>('GET', `/delivered${endpoint ? `?endpoint=${encodeURIComponent(endpoint)}` : ''}`);
	}
	clear() {
		return this.call<void>('POST', '/clear');
	}
}
