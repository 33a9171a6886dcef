// Which kind of request the service worker is looking at. Pure, so that it is unit-tested.

export type RequestKind = 'page' | 'attachment' | 'data' | 'other';

const ATTACHMENT = /^\/moeder\/[a-z0-9]{15}\/punkter\/\d{1,3}\/bilag\/[^/]+$/;

/**
 * "page": a navigation to one of the app's pages; "attachment": an agenda item's file; "data": what
 * must always come fresh from the server (SvelteKit's __data.json, live feeds, CSV, the offline list);
 * "other": everything else, including other origins, which the service worker leaves alone.
 */
export function classifyRequest(
	url: URL,
	{ origin, method, mode }: { origin: string; method: string; mode: string }
): RequestKind {
	if (url.origin !== origin || method !== 'GET') return 'other';
	if (ATTACHMENT.test(url.pathname)) return 'attachment';
	if (url.pathname.endsWith('/__data.json') || url.pathname.endsWith('/live') || url.pathname.endsWith('.csv'))
		return 'data';
	if (url.pathname === '/offline/liste') return 'data';
	if (mode === 'navigate') return 'page';
	return 'other';
}

/** The key a saved page is kept under: path and query, without the fragment. */
export function pageKey(url: URL): string {
	return url.pathname + url.search;
}
