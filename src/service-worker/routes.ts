// Which request is answered how: the shell from its cache, pages network-first (3 s) falling back to
// the user's saved copy (stamped) and then the offline page, attachments cache-first.
import { registerRoute, NavigationRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core';
import { classifyRequest } from '$lib/offline/classify';
import { offlineStampText } from '$lib/offline/stamp';
import { PAGES_CACHE, SAVED_AT_HEADER } from '$lib/offline/names';
import {
	PRECACHED,
	attachmentStrategy,
	isCurrentUsers,
	noteUser,
	offlinePage,
	savableCopy,
	shellResponse,
	userOf
} from './caching';

/** The saved copy with the visible stamp right after <body>, outside the part the app hydrates. */
export async function stampedCopy(saved: Response, now = new Date()): Promise<Response> {
	const savedAt = new Date(Number(saved.headers.get(SAVED_AT_HEADER)) || Date.now());
	const stamp =
		`<p id="kp-offline-stamp" role="status" data-saved-at="${savedAt.getTime()}" ` +
		'style="margin:0;padding:.5rem 1rem;background:#5c3b00;color:#fff;font:600 1rem/1.4 system-ui,sans-serif">' +
		`${offlineStampText(savedAt, now)}</p>`;
	const html = (await saved.text()).replace(/<body[^>]*>/i, (body) => body + stamp);
	const headers = new Headers(saved.headers);
	headers.delete('content-length');
	return new Response(html, { status: 200, headers });
}

const pagePlugin: WorkboxPlugin = {
	// Every page names its user (or none, e.g. the login page): another user's page wipes the former's.
	fetchDidSucceed: async ({ response }) => {
		if (response.type === 'basic') await noteUser(userOf(response));
		return response;
	},
	cacheWillUpdate: async ({ response }) => savableCopy(response),
	cachedResponseWillBeUsed: async ({ cachedResponse }) =>
		cachedResponse && (await isCurrentUsers(cachedResponse)) ? stampedCopy(cachedResponse) : null,
	handlerDidError: () => offlinePage()
};

export const pageStrategy = new NetworkFirst({
	cacheName: PAGES_CACHE,
	networkTimeoutSeconds: 3,
	plugins: [pagePlugin]
});

export function registerRoutes(sw: ServiceWorkerGlobalScope): void {
	const kind = (request: Request, url: URL) =>
		classifyRequest(url, { origin: sw.location.origin, method: request.method, mode: request.mode });

	registerRoute(({ request, url }) => kind(request, url) === 'attachment', attachmentStrategy);
	registerRoute(
		({ request, url }) =>
			request.mode !== 'navigate' &&
			kind(request, url) === 'other' &&
			url.origin === sw.location.origin &&
			PRECACHED.has(url.pathname),
		async ({ request, url }) => (await shellResponse(url.pathname)) ?? fetch(request)
	);
	registerRoute(new NavigationRoute(pageStrategy, { denylist: [/\/__data\.json$/, /\.csv$/, /\/live$/] }));
}
