// Wiping what the phone keeps of a user: every klyngeportal- cache but the shell (the app's own build,
// nothing personal) and every klyngeportal- IndexedDB database, plus Workbox's expiration records.
// Runs in the pages and in the service worker alike.
import { closeMetaDb } from './meta';
import { EXPIRATION_DB, SHELL_CACHE_PREFIX, STORE_PREFIX } from './names';

function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = request.onerror = () => resolve();
		// Another tab still holds it open: the deletion completes when it lets go; do not wait for that.
		request.onblocked = () => resolve();
	});
}

/** Names of the app's IndexedDB databases that hold anything about a user. */
export async function userDatabases(): Promise<string[]> {
	const all = 'databases' in indexedDB ? await indexedDB.databases() : [];
	return all.map((d) => d.name ?? '').filter((name) => name.startsWith(STORE_PREFIX) || name === EXPIRATION_DB);
}

/** Names of the app's caches that hold anything about a user. */
export async function userCaches(): Promise<string[]> {
	return (await caches.keys()).filter((name) => name.startsWith(STORE_PREFIX) && !name.startsWith(SHELL_CACHE_PREFIX));
}

export async function wipeUserData(): Promise<void> {
	await closeMetaDb();
	const [cacheNames, dbNames] = await Promise.all([userCaches(), userDatabases()]);
	await Promise.all([...cacheNames.map((name) => caches.delete(name)), ...dbNames.map(deleteDatabase)]);
}
