// Names of everything the app keeps on the phone. Shared by the pages and the service worker, so
// that a logout or another user's login can find and wipe every one of them.

/** Every Cache Storage cache and IndexedDB database of the app starts with this. */
export const STORE_PREFIX = 'klyngeportal-';

/** The IndexedDB database that holds answers waiting for the network. */
export const OUTBOX_DB = `${STORE_PREFIX}outbox`;

/** The IndexedDB database of small facts about the phone's state (whose pages are saved, when). */
export const META_DB = `${STORE_PREFIX}meta`;

/**
 * The response header by which the server names the signed-in user on every page it renders (absent
 * when nobody is signed in). The service worker keeps pages per user and wipes them when it changes.
 */
export const USER_HEADER = 'x-klyngeportal-user';
