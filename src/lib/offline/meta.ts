// Small facts about what the phone keeps, in IndexedDB (META_DB): whose pages are saved, when the
// offline list was last fetched, the list itself and the size of each saved attachment. Used by the
// service worker and by the pages (the storage page reads it).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SavedFile } from './budget';
import { META_DB } from './names';

/** One meeting the phone keeps for offline reading, as /offline/liste lists it. */
export interface OfflineMeeting {
	id: string;
	title: string;
	starts: string;
	url: string;
	items: { url: string; title: string }[];
	attachments: { url: string; title: string; size: number | null }[];
}

export interface OfflineList {
	user: string;
	/** Pages beside the meetings: the front page, the meeting list and the calls. */
	pages?: string[];
	meetings: OfflineMeeting[];
}

interface MetaSchema extends DBSchema {
	kv: {
		key: string;
		value: { user?: string; listedAt?: number; list?: OfflineList; manual?: OfflineMeeting[] };
	};
	files: { key: string; value: SavedFile };
}

let opened: Promise<IDBPDatabase<MetaSchema>> | null = null;

export function metaDb(): Promise<IDBPDatabase<MetaSchema>> {
	opened ??= openDB<MetaSchema>(META_DB, 1, {
		upgrade(db) {
			db.createObjectStore('kv');
			db.createObjectStore('files', { keyPath: 'url' });
		},
		// A wipe deletes the database: let go of it so the deletion is not blocked.
		blocking(_current, _next, event) {
			(event.target as IDBDatabase).close();
			opened = null;
		},
		terminated() {
			opened = null;
		}
	});
	return opened;
}

/** Closes the connection (before the database is deleted). */
export async function closeMetaDb(): Promise<void> {
	const db = opened;
	opened = null;
	if (db) (await db).close();
}

export async function readState(): Promise<MetaSchema['kv']['value']> {
	return (await (await metaDb()).get('kv', 'state')) ?? {};
}

export async function writeState(patch: MetaSchema['kv']['value']): Promise<void> {
	const db = await metaDb();
	const tx = db.transaction('kv', 'readwrite');
	const current = (await tx.store.get('state')) ?? {};
	await tx.store.put({ ...current, ...patch }, 'state');
	await tx.done;
}
