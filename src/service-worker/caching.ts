// What the service worker keeps: the shell (the app's own build, precached per version), the signed-in
// user's saved pages and attachments (wiped when the user changes), and saving them in the background.
import { build, files, version } from '$service-worker';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import type { WorkboxPlugin } from 'workbox-core';
import { ATTACHMENT_BUDGET, planEviction } from '$lib/offline/budget';
import { metaDb, readState, writeState, type OfflineList } from '$lib/offline/meta';
import {
	ATTACHMENTS_CACHE,
	BACKGROUND_HEADER,
	OFFLINE_LIST_PATH,
	OFFLINE_PAGE_PATH,
	PAGES_CACHE,
	SAVED_AT_HEADER,
	SHELL_CACHE_PREFIX,
	USER_HEADER
} from '$lib/offline/names';
import { wipeUserData } from '$lib/offline/wipe';

/** Hashed build output: its names change with its content, so it is kept across versions. */
export const IMMUTABLE_CACHE = `${SHELL_CACHE_PREFIX}immutable`;
/** Unhashed static files and the offline pages of this version. */
export const VERSION_CACHE = `${SHELL_CACHE_PREFIX}${version}`;

/** Static files worth keeping offline (not, e.g., the manifest's screenshots). */
const STATIC_FILES = files.filter(
	(f) => /\.(css|svg|png|ico|woff2?|webmanifest|json)$/.test(f) && !f.includes('/screenshots/')
);
/** Pages without personal content, fetched without cookies and kept with the shell. */
const SHELL_PAGES = [OFFLINE_PAGE_PATH, `${OFFLINE_PAGE_PATH}/gemt`];

export const PRECACHED = new Set([...build, ...STATIC_FILES, ...SHELL_PAGES]);

/** The background save runs at most this often (a forced save, e.g. "Gem til offline", any time). */
const SAVE_INTERVAL_MS = 10 * 60 * 1000;

async function addMissing(cacheName: string, urls: string[], init?: RequestInit): Promise<void> {
	const cache = await caches.open(cacheName);
	const have = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
	await Promise.all(
		urls
			.filter((url) => !have.has(url))
			.map(async (url) => {
				const response = await fetch(url, init);
				if (!response.ok) throw new Error(`precache ${url}: ${response.status}`);
				await cache.put(url, response);
			})
	);
}

/** Install: the shell of this version. */
export async function precacheShell(): Promise<void> {
	await addMissing(IMMUTABLE_CACHE, build);
	await addMissing(VERSION_CACHE, [...STATIC_FILES, ...SHELL_PAGES], { credentials: 'omit' });
}

/** Activate: drop other versions' shells and build files this version no longer has. */
export async function dropOldShells(): Promise<void> {
	const names = await caches.keys();
	await Promise.all(
		names
			.filter((n) => n.startsWith(SHELL_CACHE_PREFIX) && n !== IMMUTABLE_CACHE && n !== VERSION_CACHE)
			.map((n) => caches.delete(n))
	);
	const immutable = await caches.open(IMMUTABLE_CACHE);
	for (const request of await immutable.keys()) {
		if (!PRECACHED.has(new URL(request.url).pathname)) await immutable.delete(request);
	}
}

export async function shellResponse(pathname: string): Promise<Response | undefined> {
	const cacheName = build.includes(pathname) ? IMMUTABLE_CACHE : VERSION_CACHE;
	return (await caches.open(cacheName)).match(pathname);
}

/** The offline page (from the shell, or a bare one should the shell have been cleared). */
export async function offlinePage(): Promise<Response> {
	const saved = await shellResponse(OFFLINE_PAGE_PATH);
	if (saved) return saved;
	return new Response('<!doctype html><html lang="da"><title>Du er offline</title><h1>Du er offline</h1>', {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8' }
	});
}

// ---- whose data the phone holds -------------------------------------------------------------

let knownUser: Promise<string | null> | null = null;

/** The user whose pages the phone holds (null when none). */
export function currentUser(): Promise<string | null> {
	knownUser ??= readState().then((s) => s.user ?? null);
	return knownUser;
}

let change: Promise<void> = Promise.resolve();

/**
 * A page arrived for `user` (null: nobody signed in). When that is not the user whose pages are
 * saved, every saved page, attachment and database of the former user is wiped first.
 */
export function noteUser(user: string | null): Promise<void> {
	const noted = change.then(async () => {
		const before = await currentUser();
		if (before === user) return;
		knownUser = Promise.resolve(user);
		await wipeUserData();
		if (user) await writeState({ user });
	});
	change = noted.catch(() => {});
	return noted;
}

/** The user a response was rendered for, or null. */
export const userOf = (response: Response) => response.headers.get(USER_HEADER) || null;

/** A copy of a page response worth keeping: a full page for the current user, stamped with the time. */
export async function savableCopy(response: Response): Promise<Response | null> {
	const user = userOf(response);
	if (response.status !== 200 || response.type !== 'basic' || !user || user !== (await currentUser())) return null;
	const headers = new Headers(response.headers);
	headers.set(SAVED_AT_HEADER, String(Date.now()));
	return new Response(await response.blob(), { status: 200, statusText: response.statusText, headers });
}

/** A saved response may be shown only to the user it was saved for. */
export async function isCurrentUsers(response: Response | undefined | null): Promise<boolean> {
	const user = response ? userOf(response) : null;
	return !!user && user === (await currentUser());
}

// ---- attachments -------------------------------------------------------------------------------

/** Keeps the attachments within the byte budget, oldest first (Workbox's plugin counts entries). */
const byteBudget: WorkboxPlugin = {
	cacheWillUpdate: async ({ response }) => savableCopy(response),
	cacheDidUpdate: async ({ request, newResponse }) => {
		const size = Number(newResponse.headers.get('content-length')) || (await newResponse.clone().blob()).size;
		const db = await metaDb();
		await db.put('files', { url: new URL(request.url).pathname, size, savedAt: Date.now() });
		const evict = planEviction(await db.getAll('files'), ATTACHMENT_BUDGET);
		const cache = await caches.open(ATTACHMENTS_CACHE);
		for (const url of evict) {
			await cache.delete(url);
			await db.delete('files', url);
		}
	},
	cachedResponseWillBeUsed: async ({ cachedResponse }) =>
		(await isCurrentUsers(cachedResponse)) ? cachedResponse : null,
	// An attachment opened offline that is not saved: the offline page rather than the browser's error.
	handlerDidError: async ({ request }) => (request.mode === 'navigate' ? offlinePage() : undefined)
};

export const attachmentStrategy = new CacheFirst({
	cacheName: ATTACHMENTS_CACHE,
	plugins: [
		new ExpirationPlugin({
			maxEntries: ATTACHMENT_BUDGET.maxEntries,
			maxAgeSeconds: 90 * 24 * 3600,
			purgeOnQuotaError: true
		}),
		byteBudget
	]
});

// ---- saving in the background --------------------------------------------------------------------

const background = (url: string) =>
	new Request(url, { headers: { [BACKGROUND_HEADER]: '1' }, credentials: 'same-origin' });

/**
 * Stores a saved page in turn with the wipes (noteUser), checking its user once more: a page of the
 * former user that arrives while another logs in is dropped, never stored after the wipe.
 */
function putForCurrentUser(url: string, copy: Response): Promise<void> {
	const put = change.then(async () => {
		if (userOf(copy) === (await currentUser())) await (await caches.open(PAGES_CACHE)).put(url, copy);
	});
	change = put.catch(() => {});
	return put;
}

async function savePage(url: string): Promise<void> {
	const response = await fetch(background(url));
	const copy = await savableCopy(response);
	if (copy) await putForCurrentUser(url, copy);
}

async function fetchList(query = ''): Promise<OfflineList | null> {
	const response = await fetch(background(OFFLINE_LIST_PATH + query));
	const user = userOf(response);
	if (!response.ok || !user) return null;
	await noteUser(user);
	return (await response.json()) as OfflineList;
}

async function saveAll(list: OfflineList, event: ExtendableEvent): Promise<void> {
	for (const url of list.pages ?? []) await savePage(url).catch(() => {});
	for (const meeting of list.meetings) {
		// One at a time: a phone on a train, and a server shared with everyone else.
		for (const url of [meeting.url, ...meeting.items.map((i) => i.url)]) await savePage(url).catch(() => {});
		for (const file of meeting.attachments) {
			await attachmentStrategy.handle({ event, request: background(file.url) }).catch(() => {});
		}
	}
}

let saving: Promise<void> | null = null;

/**
 * Saves every meeting of the offline list (at most every 10 minutes unless forced), or one meeting
 * by id ("Gem til offline" on an older meeting).
 */
export function saveForOffline(
	event: ExtendableEvent,
	{ force = false, meetingId }: { force?: boolean; meetingId?: string } = {}
): Promise<void> {
	const previous = saving ?? Promise.resolve();
	const run = previous.then(async () => {
		const { listedAt } = await readState();
		if (!meetingId && !force && listedAt && Date.now() - listedAt < SAVE_INTERVAL_MS) return;
		const list = await fetchList(meetingId ? `?moede=${encodeURIComponent(meetingId)}` : '');
		if (!list) return;
		if (meetingId) {
			// Read after the list: fetching it may have wiped a former user's state.
			const { manual: before = [] } = await readState();
			const manual = [...before.filter((m) => m.id !== meetingId), ...list.meetings];
			await writeState({ manual });
		} else {
			await writeState({ listedAt: Date.now(), list });
		}
		await saveAll(list, event);
	});
	saving = run.catch(() => {});
	return run;
}
