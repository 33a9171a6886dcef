// The dispatcher drains the outbox (`notifications`): it claims due rows with a lease through
// PocketBase's dispatch routes (pb_hooks/lib/dispatch.js: one transaction each, so two dispatchers
// never hold the same row), sends each by push to the member's devices and/or by e-mail as the
// member chose, and writes the outcome back while it still holds the lease.
//
// Delivery rules (issue 9, notes/pwa-push-offline.md §2):
// - TTL = seconds left until `expires` (1 day without it), a topic per reminder (from its tag: a
//   newer push replaces an unread older one), urgency high under 24 h left;
// - 2xx: delivered; 404/410: the subscription is deleted; 413: the payload is refused (logged);
//   429: retried at Retry-After; 5xx, timeouts and network errors: backed off and retried, up to
//   `maxAttempts`; 400/401/403: a VAPID fault (logged loudly: keys rotated or misconfigured);
// - a member who wants push but has no device that took it gets the e-mail instead;
// - never sent after `expires` (cancelled with the reason); a `test` row goes only to its device.
// A dispatcher killed mid-batch leaves its rows leased; another claims them once the lease runs out.
// Delivery is at least once: a row pushed in the last round trip before the kill, whose outcome was
// not yet written, is pushed again; its topic and tag are the same, so the device shows it once.
// No SvelteKit imports: the engine, the tests and the benchmark give it its client, clock and options.
import { createHash, randomBytes } from 'node:crypto';
import type { Agent } from 'node:https';
import { hostname } from 'node:os';
import type PocketBase from 'pocketbase';
import webpush from 'web-push';
import { PAYLOAD_LIMIT, type ReminderPayload } from '../../reminders/payload';
import { PREF_KINDS, resolvePrefs, type ChannelChoice, type PrefKind } from '../../reminders/prefs';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
	/** mailto: or https: */
	subject: string;
}

export interface DispatcherOptions {
	vapid: VapidKeys;
	/** Who holds the leases; unique per dispatcher (default: host, pid and random). */
	owner?: string;
	/** Rows per claim. */
	batchSize?: number;
	/** Pushes and mails in flight at once. */
	concurrency?: number;
	/** How long a claim is ours; longer than a batch can take (sends time out well before). */
	leaseMs?: number;
	/** Push request timeout. */
	timeoutMs?: number;
	/** Attempts before a row that keeps meeting 5xx/timeouts is given up (or mailed instead). */
	maxAttempts?: number;
	/** First back-off after a 5xx or timeout; doubles per attempt, at most `backoffCapMs`. */
	backoffMs?: number;
	backoffCapMs?: number;
	/** An https.Agent for the pushes (keep-alive; a test push service's certificate). */
	agent?: Agent;
	now?: () => Date;
	log?: (line: string) => void;
	/** Outcome writes in flight at once (each takes every outcome waiting). */
	commitConcurrency?: number;
	/** Stop a run after this many claims (a safety net; a run normally ends when nothing is due). */
	maxBatches?: number;
}

export interface DispatchReport {
	claimed: number;
	/** Rows marked sent (by push, e-mail or both). */
	sent: number;
	/** Pushes accepted by push services. */
	pushes: number;
	/** E-mails sent. */
	mails: number;
	/** Rows put back for a later attempt (429, 5xx, timeouts). */
	retrying: number;
	failed: number;
	/** Rows cancelled: expired before sending, reminded of within 6 hours, recipient gone, or "none" chosen. */
	cancelled: number;
	/** Subscriptions deleted (404/410, unseen for 60 days). */
	subscriptionsDeleted: number;
	/** Rows whose lease another dispatcher took before we wrote the outcome (not overwritten). */
	lost: number;
	/** Claim and outcome requests made to PocketBase. */
	requests: number;
}

interface ClaimedRow {
	id: string;
	user: string;
	kind: string;
	subject: string;
	due: string;
	expires: string;
	payload: ReminderPayload | null;
	attempts: number;
	channel: string;
	origin: string;
}
interface Subscription {
	id: string;
	endpoint: string;
	p256dh: string;
	auth: string;
	failures: number;
}
interface Claim {
	rows: ClaimedRow[];
	users: Record<string, { email: string; name: string; prefs: unknown }>;
	subscriptions: Record<string, Subscription[]>;
	expired: number;
	/** Planned rows cancelled because the member was reminded of the same deadline within 6 hours. */
	recent?: number;
	pruned: number;
}
interface Outcome {
	id: string;
	status: 'pending' | 'sent' | 'failed' | 'cancelled';
	channel: 'push' | 'email' | 'both' | 'none' | '';
	attempts: number;
	error: string;
	retryAt?: string;
	sentAt?: string;
}

/** What one push attempt came to. */
type PushResult =
	| { kind: 'ok' }
	| { kind: 'gone'; status: number }
	| { kind: 'refused'; status: number; why: string }
	| { kind: 'transient'; status: number | null; retryAfterMs: number | null; why: string };

const DAY_MS = 24 * 3600 * 1000;
const TOPIC = /^[A-Za-z0-9_-]{1,32}$/;

/** PocketBase's "2027-01-05 13:00:00.000Z" (or ISO) → ms; NaN for "". */
const instant = (value: string) => (value ? Date.parse(value.replace(' ', 'T')) : NaN);

/** One topic per reminder, ≤ 32 URL-safe characters: the tag itself, or a digest of it. */
export function topicFor(tag: string): string {
	if (TOPIC.test(tag)) return tag;
	return createHash('sha256').update(tag).digest('base64url').slice(0, 32);
}

/** Retry-After in ms (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, nowMs: number): number | null {
	const value = Array.isArray(header) ? header[0] : header;
	if (!value) return null;
	if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
	const at = Date.parse(value);
	return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * The JSON a row sends: its stored payload with the row's id, kind and subject for the service
 * worker, kept under PAYLOAD_LIMIT bytes (the body is shortened, then actions dropped, if need be).
 * Null when it cannot be made to fit or there is no payload.
 */
export function payloadText(row: Pick<ClaimedRow, 'id' | 'kind' | 'subject' | 'due' | 'payload'>): string | null {
	const stored = row.payload;
	if (!stored || typeof stored !== 'object' || !stored.notification) return null;
	const notification = {
		...stored.notification,
		timestamp: stored.notification.timestamp ?? (instant(row.due) || undefined),
		data: { ...stored.notification.data, id: row.id, kind: row.kind, subject: row.subject }
	};
	const payload: ReminderPayload = { ...stored, web_push: 8030, notification };
	const size = (p: ReminderPayload) => Buffer.byteLength(JSON.stringify(p));
	if (size(payload) <= PAYLOAD_LIMIT) return JSON.stringify(payload);
	// The longest start of the body that fits (by characters: Danish æ, ø, å take two bytes); if
	// not even an empty body fits, the same without the actions (the app has them all too).
	const body = notification.body;
	const withBody = (n: number) => {
		notification.body = n >= body.length ? body : body.slice(0, n).trimEnd() + '…';
		return size(payload) <= PAYLOAD_LIMIT;
	};
	const fit = () => {
		if (withBody(body.length)) return true;
		if (!withBody(0)) return false;
		let [lo, hi] = [0, body.length - 1];
		while (lo < hi) {
			const mid = Math.ceil((lo + hi) / 2);
			if (withBody(mid)) lo = mid;
			else hi = mid - 1;
		}
		return withBody(lo);
	};
	if (fit()) return JSON.stringify(payload);
	delete notification.actions;
	return fit() ? JSON.stringify(payload) : null;
}

function choiceFor(kind: string, prefs: unknown): ChannelChoice {
	if (!(PREF_KINDS as readonly string[]).includes(kind)) return 'push';
	return resolvePrefs(prefs).channels[kind as PrefKind];
}

/** A simple counting semaphore around the sends. */
function limiter(max: number) {
	let active = 0;
	const waiting: (() => void)[] = [];
	return async <T>(fn: () => Promise<T>): Promise<T> => {
		if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
		active++;
		try {
			return await fn();
		} finally {
			active--;
			waiting.shift()?.();
		}
	};
}

export function createDispatcher(pb: PocketBase, options: DispatcherOptions) {
	const {
		vapid,
		owner = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`,
		batchSize = 50,
		concurrency = 16,
		leaseMs = 120_000,
		timeoutMs = 10_000,
		maxAttempts = 5,
		backoffMs = 30_000,
		backoffCapMs = 3600_000,
		agent,
		now = () => new Date(),
		log = (line: string) => console.log(line),
		maxBatches = 1000,
		commitConcurrency = 2
	} = options;
	const limit = limiter(concurrency);
	/** VAPID headers per push service origin, reused while their JWT has over an hour left. */
	const vapidHeaders = new Map<string, { headers: Record<string, string>; until: number }>();
	let vapidFaultLogged = false;

	function authorization(endpoint: string): Record<string, string> {
		const audience = new URL(endpoint).origin;
		const cached = vapidHeaders.get(audience);
		const nowS = Math.floor(Date.now() / 1000);
		if (cached && cached.until - nowS > 3600) return cached.headers;
		const exp = nowS + 12 * 3600;
		const headers = webpush.getVapidHeaders(
			audience,
			vapid.subject,
			vapid.publicKey,
			vapid.privateKey,
			'aes128gcm',
			exp
		) as unknown as Record<string, string>;
		vapidHeaders.set(audience, { headers, until: exp });
		return headers;
	}

	async function push(sub: Subscription, text: string, ttl: number, urgency: 'high' | 'normal', topic: string) {
		try {
			await webpush.sendNotification({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, text, {
				TTL: ttl,
				urgency,
				topic,
				timeout: timeoutMs,
				headers: authorization(sub.endpoint),
				...(agent ? { agent } : {})
			});
			return { kind: 'ok' } as PushResult;
		} catch (err) {
			const e = err as { statusCode?: number; headers?: Record<string, string>; body?: string; message?: string };
			const status = typeof e.statusCode === 'number' ? e.statusCode : null;
			if (status === 404 || status === 410) return { kind: 'gone', status } as PushResult;
			if (status === 413) {
				log(`[reminders] push refused as too large (413) at ${new URL(sub.endpoint).origin}`);
				return { kind: 'refused', status, why: 'Push: 413 (beskeden er for stor)' } as PushResult;
			}
			if (status === 429) {
				return {
					kind: 'transient',
					status,
					retryAfterMs: retryAfterMs(e.headers?.['retry-after'], now().getTime()),
					why: 'Push: 429 (for mange beskeder)'
				} as PushResult;
			}
			if (status !== null && status >= 400 && status < 500) {
				if (!vapidFaultLogged || status !== 403) {
					log(
						`[reminders] push service ${new URL(sub.endpoint).origin} refused our VAPID authorization (${status}): ` +
							`keys rotated or misconfigured? ${String(e.body ?? '').slice(0, 200)}`
					);
				}
				if (status === 403) vapidFaultLogged = true;
				return { kind: 'refused', status, why: `Push: ${status} (VAPID afvist)` } as PushResult;
			}
			return {
				kind: 'transient',
				status,
				retryAfterMs: status === 503 ? retryAfterMs(e.headers?.['retry-after'], now().getTime()) : null,
				why: status ? `Push: ${status} (fejl hos push-tjenesten)` : `Push: ingen svar (${e.message ?? 'netværksfejl'})`
			} as PushResult;
		}
	}

	async function mail(row: ClaimedRow): Promise<string | null> {
		try {
			await pb.send('/api/klynge/dispatch/mail', { method: 'POST', body: { owner, id: row.id } });
			return null;
		} catch (err) {
			return `E-mail: ${(err as Error).message}`;
		}
	}

	interface BatchTally {
		gone: Set<string>;
		ok: Set<string>;
		failing: Set<string>;
	}

	async function handle(row: ClaimedRow, claim: Claim, tally: BatchTally, report: DispatchReport): Promise<Outcome> {
		const nowMs = now().getTime();
		const attempts = row.attempts + 1;
		const user = claim.users[row.user];
		const base = { id: row.id, attempts, error: '' };
		const expiresMs = instant(row.expires);
		if (!user) return { ...base, status: 'cancelled', channel: 'none', error: 'Modtageren findes ikke længere' };
		if (!Number.isNaN(expiresMs) && expiresMs <= nowMs) {
			return { ...base, status: 'cancelled', channel: 'none', error: 'Udløbet før afsendelse' };
		}
		const test = row.kind === 'test';
		const choice = test ? 'push' : choiceFor(row.kind, user.prefs);
		if (choice === 'none') return { ...base, status: 'cancelled', channel: 'none', error: 'Fravalgt af modtageren' };
		const wantPush = choice === 'push' || choice === 'both';
		const wantMail = choice === 'email' || choice === 'both';

		const errors: string[] = [];
		let pushed = false;
		let transient: Extract<PushResult, { kind: 'transient' }> | null = null;
		if (wantPush) {
			const text = payloadText(row);
			const all = claim.subscriptions[row.user] ?? [];
			const subs = test ? all.filter((s) => s.id === row.subject) : all;
			if (!text) errors.push('Push: beskeden kunne ikke laves (mangler eller er for stor)');
			else if (subs.length === 0) errors.push(test ? 'Enheden findes ikke længere' : 'Push: ingen enheder');
			else {
				const leftMs = Number.isNaN(expiresMs) ? DAY_MS : expiresMs - nowMs;
				const ttl = Math.max(0, Math.floor(leftMs / 1000));
				const urgency = leftMs < DAY_MS ? 'high' : 'normal';
				const topic = topicFor(row.payload?.notification.tag || `${row.kind}-${row.subject}`);
				const targets = subs.filter((s) => !tally.gone.has(s.id));
				const results = await Promise.all(targets.map((s) => limit(() => push(s, text, ttl, urgency, topic))));
				results.forEach((r, i) => {
					const sub = targets[i];
					if (r.kind === 'ok') {
						pushed = true;
						report.pushes++;
						if (sub.failures) tally.ok.add(sub.id);
					} else if (r.kind === 'gone') tally.gone.add(sub.id);
					else {
						tally.failing.add(sub.id);
						errors.push(r.why);
						if (r.kind === 'transient' && (!transient || (r.retryAfterMs ?? 0) > (transient.retryAfterMs ?? 0))) {
							transient = r;
						}
					}
				});
				if (!pushed && results.every((r) => r.kind === 'gone')) errors.push('Push: enhederne findes ikke længere');
			}
		}

		// Nothing delivered yet and a device that may take it later: try again (before the deadline).
		if (wantPush && !pushed && !wantMail && transient) {
			const t = transient as Extract<PushResult, { kind: 'transient' }>;
			const wait = t.retryAfterMs ?? Math.min(backoffCapMs, backoffMs * 2 ** (attempts - 1));
			const retryAt = nowMs + Math.max(1000, wait);
			const beforeDeadline = Number.isNaN(expiresMs) || retryAt < expiresMs;
			if (attempts < maxAttempts && beforeDeadline) {
				return {
					...base,
					status: 'pending',
					channel: '',
					error: errors.join('; '),
					retryAt: new Date(retryAt).toISOString()
				};
			}
		}
		// The e-mail: chosen, or instead of a push no device took (never for a test).
		let mailed = false;
		if (!test && (wantMail || (wantPush && !pushed))) {
			const failure = await limit(() => mail(row));
			if (failure) errors.push(failure);
			else {
				mailed = true;
				report.mails++;
			}
		}
		const channel = pushed && mailed ? 'both' : pushed ? 'push' : mailed ? 'email' : '';
		if (channel) {
			return { ...base, status: 'sent', channel, error: errors.join('; '), sentAt: new Date(nowMs).toISOString() };
		}
		// The mailer failed too: retry while there is time, like a push service's 5xx.
		if (!test && attempts < maxAttempts) {
			const retryAt = nowMs + Math.max(1000, Math.min(backoffCapMs, backoffMs * 2 ** (attempts - 1)));
			if (Number.isNaN(expiresMs) || retryAt < expiresMs) {
				return {
					...base,
					status: 'pending',
					channel: '',
					error: errors.join('; '),
					retryAt: new Date(retryAt).toISOString()
				};
			}
		}
		return { ...base, status: 'failed', channel: 'none', error: errors.join('; ') || 'Ikke sendt' };
	}

	/**
	 * Writes outcomes as they come, up to `flushes` requests at once (commitConcurrency, 2), each taking every outcome
	 * waiting (a group commit): a row is recorded within about one round trip of its push. A
	 * dispatcher killed in that window leaves rows sent but unrecorded; they are sent again after the
	 * lease (at least once; the topic and the tag make the device show one notification).
	 */
	function committer(report: DispatchReport, tally: BatchTally, flushes: number) {
		let queue: Outcome[] = [];
		const active = new Set<Promise<void>>();
		let failure: unknown = null;
		const recorded = { gone: new Set<string>(), ok: new Set<string>(), failing: new Set<string>() };
		const take = (from: Set<string>, seen: Set<string>) => {
			const fresh = [...from].filter((id) => !seen.has(id));
			fresh.forEach((id) => seen.add(id));
			return fresh;
		};

		async function flush(outcomes: Outcome[]) {
			const gone = take(tally.gone, recorded.gone);
			const ok = take(tally.ok, recorded.ok);
			const failing = take(tally.failing, recorded.failing).filter((id) => !tally.gone.has(id));
			const done = await pb.send<{ completed: number; lost: string[] }>('/api/klynge/dispatch/complete', {
				method: 'POST',
				body: { owner, results: outcomes, gone, ok, failing }
			});
			report.requests++;
			report.subscriptionsDeleted += gone.length;
			const lost = new Set(done.lost);
			if (lost.size) log(`[reminders] ${lost.size} row(s) were claimed by another dispatcher before we finished them`);
			report.lost += lost.size;
			for (const o of outcomes) {
				if (lost.has(o.id)) continue;
				if (o.status === 'sent') report.sent++;
				else if (o.status === 'pending') report.retrying++;
				else if (o.status === 'failed') report.failed++;
				else report.cancelled++;
			}
		}
		const kick = () => {
			while (active.size < flushes && queue.length) {
				const outcomes = queue;
				queue = [];
				const p: Promise<void> = flush(outcomes)
					.catch((err) => void (failure = err))
					.finally(() => {
						active.delete(p);
						kick();
					});
				active.add(p);
			}
		};
		return {
			add(outcome: Outcome) {
				queue.push(outcome);
				kick();
			},
			async drain() {
				while (active.size) await Promise.all(active);
				if (failure !== null) throw failure;
			}
		};
	}

	return {
		owner,
		/** Claims and sends until nothing is due; batches overlap (claim the next while one sends). */
		async run(): Promise<DispatchReport> {
			const report: DispatchReport = {
				claimed: 0,
				sent: 0,
				pushes: 0,
				mails: 0,
				retrying: 0,
				failed: 0,
				cancelled: 0,
				subscriptionsDeleted: 0,
				lost: 0,
				requests: 0
			};
			const tally: BatchTally = { gone: new Set(), ok: new Set(), failing: new Set() };
			const commit = committer(report, tally, commitConcurrency);
			const inflight = new Set<Promise<void>>();
			let failure: unknown = null;
			for (let n = 0; n < maxBatches && failure === null; n++) {
				const claim = await pb.send<Claim>('/api/klynge/dispatch/claim', {
					method: 'POST',
					body: { owner, limit: batchSize, leaseMs, now: now().toISOString(), prune: n === 0 }
				});
				report.requests++;
				report.cancelled += claim.expired + (claim.recent ?? 0);
				report.subscriptionsDeleted += claim.pruned;
				if (!claim.rows.length) break;
				report.claimed += claim.rows.length;
				const p: Promise<void> = Promise.all(
					claim.rows.map((row) => handle(row, claim, tally, report).then((outcome) => commit.add(outcome)))
				).then(
					() => undefined,
					(err) => void (failure = err)
				);
				inflight.add(p);
				void p.finally(() => inflight.delete(p));
				// Keep two batches going: one sending while the next is claimed.
				if (inflight.size >= 2) await Promise.race(inflight);
				// A short batch means the outbox is drained for now.
				if (claim.rows.length < batchSize) break;
			}
			await Promise.all(inflight);
			await commit.drain();
			if (failure !== null) throw failure;
			return report;
		}
	};
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
