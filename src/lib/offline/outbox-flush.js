// @ts-check
// Sending queued answers: the one module the pages, the service worker and Node scripts (the
// reliability run) share. Plain JavaScript with JSDoc types so that Node imports it as it is.
//
// An entry is a form post waiting for the network. It is sent the way SvelteKit's `use:enhance`
// sends a form (`x-sveltekit-action: true`, url-encoded fields) and the action's devalue'd result
// decides what happens to it: sent, refused by the server (kept with the reason, for the member to
// read), or kept for the next try (network down, server unreachable, not signed in).
import { parse } from 'devalue';

/** PocketBase's record id alphabet; ids are 15 characters of it. */
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const ID_LENGTH = 15;
export const ID_PATTERN = /^[a-z0-9]{15}$/;

/**
 * A record id made on the phone, so that the server can tell a replay from a new answer. Uniform over
 * the alphabet: random bytes at or above the largest multiple of 36 are drawn again.
 * @returns {string}
 */
export function newRecordId() {
	let id = '';
	const limit = 256 - (256 % ID_ALPHABET.length);
	while (id.length < ID_LENGTH) {
		for (const byte of crypto.getRandomValues(new Uint8Array(ID_LENGTH * 2))) {
			if (byte < limit && id.length < ID_LENGTH) id += ID_ALPHABET[byte % ID_ALPHABET.length];
		}
	}
	return id;
}

/** The time an answer is queued, as sent in `queued_at` (ISO 8601, UTC). @returns {string} */
export function queuedNow() {
	return new Date().toISOString();
}

/**
 * @typedef {object} OutboxEntry
 * @property {string} id The client-made record id; also sent as the form field `client_id`.
 * @property {string} key What the answer is about (`attendance:<meeting>`), so a form finds its own.
 * @property {string} action The form action's URL (absolute, or relative to the app's origin).
 * @property {[string, string][]} fields The form's fields as the member sent them.
 * @property {string} queuedAt When it was queued (ISO 8601), sent as `queued_at`.
 * @property {string} userId Whose answer it is; the server refuses it from anyone else's session.
 * @property {string} label A short Danish line naming the answer ("Deltager: Styregruppemøde").
 * @property {'queued' | 'refused'} status
 * @property {string} [reason] Why the server refused it (Danish, from the server).
 */

/**
 * @typedef {object} OutboxStore
 * @property {() => Promise<OutboxEntry[]>} list
 * @property {(entry: OutboxEntry) => Promise<void>} put
 * @property {(id: string) => Promise<void>} remove
 */

/**
 * @typedef {{ outcome: 'sent' }
 *   | { outcome: 'refused', reason: string }
 *   | { outcome: 'retry', why: 'network' | 'server' | 'login' }} SendResult
 */

/** Said when the server refuses without a reason of its own (never expected; a safe default). */
export const DEFAULT_REFUSAL = 'Svaret blev afvist af serveren.';

/** @param {unknown} value @returns {string | null} */
function firstText(value) {
	if (typeof value === 'string') return value || null;
	if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) {
			const text = firstText(inner);
			if (text) return text;
		}
	}
	return null;
}

/**
 * The reason a form action gave for refusing: its form-wide message first, then the first field
 * message (`{ errors: { form, status, … } }`, `{ quick: { error } }`).
 * @param {unknown} data
 * @returns {string}
 */
export function refusalReason(data) {
	if (data && typeof data === 'object') {
		const d = /** @type {Record<string, any>} */ (data);
		const text = firstText(d.errors?.form) ?? firstText(d.errors) ?? firstText(d.quick?.error) ?? firstText(d.quick);
		if (text) return text;
	}
	return DEFAULT_REFUSAL;
}

/**
 * The form body of an entry: its fields plus `client_id`, `queued_at` and `outbox_user`.
 * @param {OutboxEntry} entry
 */
export function entryBody(entry) {
	const body = new URLSearchParams();
	for (const [name, value] of entry.fields) {
		if (name !== 'client_id' && name !== 'queued_at' && name !== 'outbox_user') body.append(name, value);
	}
	body.set('client_id', entry.id);
	body.set('queued_at', entry.queuedAt);
	body.set('outbox_user', entry.userId);
	return body;
}

/**
 * Sends one entry as `use:enhance` would and says what became of it.
 * @param {OutboxEntry} entry
 * @param {typeof fetch} fetchFn
 * @param {string} [base] Origin to resolve a relative action against (Node has no location).
 * @returns {Promise<SendResult>}
 */
export async function sendEntry(entry, fetchFn, base) {
	/** @type {Response} */
	let response;
	let text;
	try {
		response = await fetchFn(base ? new URL(entry.action, base).href : entry.action, {
			method: 'POST',
			headers: {
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: entryBody(entry),
			cache: 'no-store',
			credentials: 'same-origin'
		});
		text = await response.text();
	} catch {
		return { outcome: 'retry', why: 'network' };
	}
	/** @type {{ type?: string, location?: string, data?: string, error?: { message?: string } } | null} */
	let result = null;
	try {
		result = JSON.parse(text);
	} catch {
		// A proxy's error page, or no app behind it: unreachable unless it is a plain refusal.
	}
	if (!result || typeof result.type !== 'string') {
		return response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429
			? { outcome: 'refused', reason: DEFAULT_REFUSAL }
			: { outcome: 'retry', why: 'server' };
	}
	switch (result.type) {
		case 'success':
			return { outcome: 'sent' };
		case 'redirect':
			// The login guard sends an expired session to the login page: keep it until signed in again.
			return /^\/login(\?|$)/.test(String(result.location)) ? { outcome: 'retry', why: 'login' } : { outcome: 'sent' };
		case 'failure': {
			let data = null;
			try {
				data = result.data ? parse(result.data) : null;
			} catch {
				data = null;
			}
			return { outcome: 'refused', reason: refusalReason(data) };
		}
		default:
			return response.status >= 500 || response.status === 429
				? { outcome: 'retry', why: 'server' }
				: { outcome: 'refused', reason: result.error?.message || DEFAULT_REFUSAL };
	}
}

/**
 * @typedef {object} FlushReport
 * @property {OutboxEntry[]} sent
 * @property {OutboxEntry[]} refused Refused now (kept in the store with the reason until dismissed).
 * @property {OutboxEntry[]} waiting Still queued.
 * @property {'network' | 'server' | 'login' | null} stoppedBy Why the flush stopped early.
 */

/**
 * Sends every queued entry, oldest first, one at a time. The first network failure stops the flush
 * (the rest would fail the same way and keep their order). Only `userId`'s entries are sent when it is
 * given (the pages know the signed-in user; the service worker relies on the server's own check).
 * @param {OutboxStore} store
 * @param {typeof fetch} fetchFn
 * @param {{ userId?: string, base?: string }} [options]
 * @returns {Promise<FlushReport>}
 */
export async function flushOutbox(store, fetchFn, options = {}) {
	const entries = (await store.list())
		.filter((e) => e.status === 'queued' && (!options.userId || e.userId === options.userId))
		.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.id.localeCompare(b.id));
	/** @type {FlushReport} */
	const report = { sent: [], refused: [], waiting: [], stoppedBy: null };
	for (const entry of entries) {
		if (report.stoppedBy) {
			report.waiting.push(entry);
			continue;
		}
		const result = await sendEntry(entry, fetchFn, options.base);
		if (result.outcome === 'sent') {
			await store.remove(entry.id);
			report.sent.push(entry);
		} else if (result.outcome === 'refused') {
			const refused = { ...entry, status: /** @type {const} */ ('refused'), reason: result.reason };
			await store.put(refused);
			report.refused.push(refused);
		} else {
			report.stoppedBy = result.why;
			report.waiting.push(entry);
		}
	}
	return report;
}

/**
 * An outbox kept in memory: for tests and the reliability script.
 * @param {OutboxEntry[]} [initial]
 * @returns {OutboxStore & { entries: Map<string, OutboxEntry> }}
 */
export function memoryStore(initial = []) {
	const entries = new Map(initial.map((e) => [e.id, e]));
	return {
		entries,
		list: async () => [...entries.values()],
		put: async (entry) => void entries.set(entry.id, entry),
		remove: async (id) => void entries.delete(id)
	};
}
