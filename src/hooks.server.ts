import { redirect, type Handle, type HandleServerError, type RequestEvent } from '@sveltejs/kit';
import { AUTH_COOKIE, SESSION_COOKIE, clientFromCookie, currentUser } from '$lib/server/pocketbase';
import { t } from '$lib/messages';
import { BACKGROUND_HEADER, USER_HEADER } from '$lib/offline/names';

const SECURITY_HEADERS: Record<string, string> = {
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
	'cross-origin-opener-policy': 'same-origin'
};

/** Sent only over https (a browser ignores it over http, and it must never pin a dev machine). */
const HSTS = 'max-age=31536000; includeSubDomains';

/** The session cookie lives as long as the token can be renewed; each visit renews both. */
const SESSION_MAX_AGE = 30 * 24 * 3600;

/**
 * The one login guard: every route of the (app) group — pages, form actions and endpoints such as
 * the CSV, attachments and the live feed — needs a signed-in user. Without one the visitor goes to
 * the login page and, after logging in, back to the page (never to a form action's URL).
 */
function requireLogin(event: RequestEvent) {
	if (event.locals.user || !event.route.id?.startsWith('/(app)')) return;
	// An expired or revoked login's cookies go with the redirect.
	for (const name of [AUTH_COOKIE, SESSION_COOKIE]) {
		if (event.cookies.get(name) !== undefined) event.cookies.delete(name, { path: '/' });
	}
	const isPage = event.request.method === 'GET' || event.request.method === 'HEAD';
	const back = isPage ? event.url.pathname + event.url.search : event.url.pathname;
	redirect(303, back === '/' ? '/login' : `/login?til=${encodeURIComponent(back)}`);
}

export const handle: Handle = async ({ event, resolve }) => {
	const sessionCookie = event.cookies.get(SESSION_COOKIE);
	const pb = await clientFromCookie(event.request.headers.get('cookie') ?? '', sessionCookie, event.getClientAddress());
	event.locals.pb = pb;
	event.locals.user = currentUser(pb);
	event.locals.sessionId = event.locals.user ? (sessionCookie ?? null) : null;
	requireLogin(event);

	const response = await resolve(event);

	const secure = event.url.protocol === 'https:';
	// The service worker's saving in the background is not a visit: it renews no cookie.
	const background = event.request.headers.get(BACKGROUND_HEADER) === '1';
	const hadCookie = event.cookies.get(AUTH_COOKIE) !== undefined;
	if (!background && (pb.authStore.isValid || hadCookie)) {
		// Refreshes the token on every visit; an invalid cookie is cleared.
		response.headers.append(
			'set-cookie',
			pb.authStore.exportToCookie({ httpOnly: true, sameSite: 'Lax', secure, path: '/' }, AUTH_COOKIE)
		);
	}
	const sessionId = pb.authStore.isValid ? event.locals.sessionId : null;
	if (!background && (sessionId || sessionCookie !== undefined)) {
		response.headers.append(
			'set-cookie',
			event.cookies.serialize(SESSION_COOKIE, sessionId ?? '', {
				httpOnly: true,
				sameSite: 'lax',
				secure,
				path: '/',
				maxAge: sessionId ? SESSION_MAX_AGE : 0
			})
		);
	}
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (secure) response.headers.set('strict-transport-security', HSTS);
	// Logging out (src/routes/logout) wipes what the browser keeps of the user.
	if (event.url.pathname === '/logout' && event.request.method === 'POST') {
		response.headers.set('clear-site-data', '"cache", "storage"');
	}
	if (event.locals.user) {
		response.headers.set('cache-control', 'private, no-store');
		// The service worker keeps saved pages per user by this (src/service-worker).
		response.headers.set(USER_HEADER, event.locals.user.id);
	}
	return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: t.errors.notFound };
	const id = crypto.randomUUID().slice(0, 8);
	console.error(`[${id}] ${event.request.method} ${event.url.pathname}: ${status} ${message}`, error);
	return { message: t.errors.generic, id };
};
