// The outbox on the phone: answers waiting for the network, kept in IndexedDB (`idb`) so that they
// survive a closed tab, and flushed by one flusher at a time across tabs and the service worker
// (a Web Lock). The pages and the service worker both flush through here; sending itself is in
// ./outbox-flush.js.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { OUTBOX_DB, STORE_PREFIX } from './names';
import { flushOutbox, type FlushReport, type OutboxEntry, type OutboxStore } from './outbox-flush.js';

export type { FlushReport, OutboxEntry } from './outbox-flush.js';

/** The Background Sync tag the service worker flushes on. */
export const SYNC_TAG = `${STORE_PREFIX}outbox`;
/** Tabs and the service worker tell each other on this channel that the outbox changed. */
export const CHANNEL = `${STORE_PREFIX}outbox`;
const LOCK = `${STORE_PREFIX}outbox-flush`;

interface OutboxSchema extends DBSchema {
	entries: { key: string; value: OutboxEntry };
}

/**
 * Opens the database for one operation and closes it afterwards: an open connection would block the
 * logout's deletion of every store of the app.
 */
async function withDb<T>(use: (db: IDBPDatabase<OutboxSchema>) => Promise<T>): Promise<T> {
	const db = await openDB<OutboxSchema>(OUTBOX_DB, 1, {
		upgrade: (d) => void d.createObjectStore('entries', { keyPath: 'id' })
	});
	try {
		return await use(db);
	} finally {
		db.close();
	}
}

/** The outbox in IndexedDB. */
export const idbStore: OutboxStore = {
	list: () => withDb((db) => db.getAll('entries')),
	put: (entry) => withDb(async (db) => void (await db.put('entries', entry))),
	remove: (id) => withDb((db) => db.delete('entries', id))
};

function announce() {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(CHANNEL);
	channel.postMessage('changed');
	channel.close();
}

/**
 * Queues an answer. A newer answer about the same thing (`key`, e.g. one meeting's attendance)
 * replaces an older one still waiting: only the last answer the member gave should be sent, and an
 * older one would otherwise be refused as older than the newer one once that is stored.
 */
export async function enqueue(entry: OutboxEntry): Promise<void> {
	await withDb(async (db) => {
		const tx = db.transaction('entries', 'readwrite');
		for (const old of await tx.store.getAll()) {
			if (old.status === 'queued' && old.key === entry.key && old.userId === entry.userId)
				await tx.store.delete(old.id);
		}
		await tx.store.put(entry);
		await tx.done;
	});
	announce();
}

/** Every entry, queued and refused, of every user (the caller filters). */
export function listEntries(): Promise<OutboxEntry[]> {
	return idbStore.list();
}

/** Forgets an entry (a refusal the member has read). */
export async function removeEntry(id: string): Promise<void> {
	await idbStore.remove(id);
	announce();
}

let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs `flush` while holding the outbox lock, so that two tabs, or a tab and the service worker,
 * never send the same entry at once. A second flusher waits for the first and then finds only what
 * is still queued. Without Web Locks (old browsers), flushes of this one context run in turn.
 */
function withFlushLock<T>(flush: () => Promise<T>): Promise<T> {
	const locks = (globalThis.navigator as Navigator | undefined)?.locks;
	if (locks) return locks.request(LOCK, flush) as Promise<T>;
	const next = chain.then(flush, flush);
	chain = next.catch(() => undefined);
	return next;
}

/**
 * Sends what is queued, oldest first, and tells the other tabs. With `userId` only that user's
 * answers (the pages); without, all (the service worker: the server refuses another user's).
 */
export async function flushNow(userId?: string): Promise<FlushReport> {
	const report = await withFlushLock(() =>
		flushOutbox(idbStore, (input, init) => globalThis.fetch(input, init), { userId })
	);
	if (report.sent.length || report.refused.length) announce();
	return report;
}

/** Asks the browser to flush through the service worker when the network is back (where it can). */
export async function requestBackgroundSync(): Promise<void> {
	try {
		const registration = await navigator.serviceWorker?.getRegistration();
		const sync = (
			registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
		)?.sync;
		await sync?.register(SYNC_TAG);
	} catch {
		// No service worker, or sync refused: the page's own triggers still flush.
	}
}
