// The pages' side of the service worker: messages to it, what is saved, and marking links to pages
// that are not saved while the phone reads offline.
import { ATTACHMENTS_CACHE, OFFLINE_PAGE_PATH, PAGES_CACHE } from './names';

export { wipeUserData } from './wipe';

/** Posts a message to the active service worker and waits for its reply (false when there is none). */
export async function askServiceWorker(message: object, timeoutMs = 60_000): Promise<boolean> {
	if (!('serviceWorker' in navigator)) return false;
	const registration = await navigator.serviceWorker.ready;
	const worker = registration.active;
	if (!worker) return false;
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		const timer = setTimeout(() => resolve(false), timeoutMs);
		channel.port1.onmessage = (event) => {
			clearTimeout(timer);
			resolve(!!(event.data as { ok?: boolean })?.ok);
		};
		worker.postMessage(message, [channel.port2]);
	});
}

/** Paths (with query) of every saved page and attachment. */
export async function savedPaths(): Promise<Set<string>> {
	const paths = new Set<string>();
	if (!('caches' in window)) return paths;
	for (const name of [PAGES_CACHE, ATTACHMENTS_CACHE]) {
		if (!(await caches.has(name))) continue;
		for (const request of await (await caches.open(name)).keys()) {
			const url = new URL(request.url);
			paths.add(url.pathname + url.search);
		}
	}
	return paths;
}

/** True when the page on screen is a saved copy or the offline page, served without the server. */
export function readingOffline(): boolean {
	return !!document.getElementById('kp-offline-stamp');
}

/** Adds "(ikke gemt)" to each link of the app to a page or file that is not saved. */
export async function markUnsavedLinks(root: ParentNode, mark: string): Promise<void> {
	const saved = await savedPaths();
	for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
		const url = new URL(link.href, location.href);
		if (url.origin !== location.origin || link.dataset.offlineMarked) continue;
		if (url.pathname.startsWith(OFFLINE_PAGE_PATH) || url.pathname === location.pathname) continue;
		if (saved.has(url.pathname + url.search)) continue;
		link.dataset.offlineMarked = '1';
		const note = document.createElement('span');
		note.className = 'not-saved';
		// Kept as written, also where the link lays out its parts as a flex box (which drops the space).
		note.style.whiteSpace = 'pre';
		note.textContent = ` ${mark}`;
		link.append(note);
	}
}
