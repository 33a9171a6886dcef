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

/** Saved pages (meeting pages, agenda items) of the signed-in user; wiped when the user changes. */
export const PAGES_CACHE = `${STORE_PREFIX}pages`;

/** Saved attachments of the signed-in user, within a budget (src/lib/offline/budget.ts). */
export const ATTACHMENTS_CACHE = `${STORE_PREFIX}attachments`;

/**
 * Caches of the app's own build (hashed JS/CSS, icons, the offline page) start with this. They hold
 * nothing personal, so a change of user keeps them (logout's Clear-Site-Data still removes them).
 */
export const SHELL_CACHE_PREFIX = `${STORE_PREFIX}shell-`;

/** Workbox's expiration bookkeeping (attachment URLs and when they were used): wiped with the user's data. */
export const EXPIRATION_DB = 'workbox-expiration';

/** Sent by the service worker on requests it makes by itself, so the server does not renew cookies. */
export const BACKGROUND_HEADER = 'x-klyngeportal-background';

/** Added by the service worker to each saved page: when it was saved (epoch milliseconds). */
export const SAVED_AT_HEADER = 'x-klyngeportal-saved-at';

/** The JSON list of what the phone should keep for offline reading (src/lib/server/offline-list.ts). */
export const OFFLINE_LIST_PATH = '/offline/liste';

/** The page shown for a page that is not saved when the server cannot be reached. */
export const OFFLINE_PAGE_PATH = '/offline';
