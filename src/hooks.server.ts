import { redirect, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { startReminders } from '$lib/server/reminders/engine';
import { AUTH_COOKIE, SESSION_COOKIE, clientFromToken, currentUser, tokenFromCookie } from '$lib/server/pocketbase';
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

/** The session cookie lives as long as the token can be renewed; each renewal renews both. */
const SESSION_MAX_AGE = 30 * 24 * 3600;

/** Seconds until a token expires (its `exp` claim), at least 0; 0 when it cannot be read. */
function secondsLeft(token: string): number {
	try {
		const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
			exp?: unknown;
		};
		return typeof payload.exp === 'number' ? Math.max(0, Math.floor(payload.exp - Date.now() / 1000)) : 0;
	} catch {
		return 0;
	}
}

/**
 * The one login guard: every route of the (app) group — pages, form actions and endpoints such as
 * the CSV, attachments and the live feed — needs a signed-in user. Without one the visitor goes to
 * the login page and, after logging in, back to the page (never to a form action's URL).
 */
function requireLogin(event: RequestEvent, keepCookies: boolean) {
	if (event.locals.user || !event.route.id?.startsWith('/(app)')) return;
	// An expired or revoked login's cookies go with the redirect (not when PocketBase could not
	// say, nor on the service worker's background requests).
	for (const name of keepCookies ? [] : [AUTH_COOKIE, SESSION_COOKIE]) {
		if (event.cookies.get(name) !== undefined) event.cookies.delete(name, { path: '/' });
	}
	const isPage = event.request.method === 'GET' || event.request.method === 'HEAD';
	const back = isPage ? event.url.pathname + event.url.search : event.url.pathname;
	redirect(303, back === '/' ? '/login' : `/login?til=${encodeURIComponent(back)}`);
}

/** The reminder engine runs in the server process (see engine.ts for when it stays off). */
export const init: ServerInit = () => {
	startReminders(env);
};

export const handle: Handle = async ({ event, resolve }) => {
	const sessionCookie = event.cookies.get(SESSION_COOKIE);
	const cookie = tokenFromCookie(event.cookies.get(AUTH_COOKIE));
	const login = await clientFromToken(cookie?.token, sessionCookie, event.getClientAddress());
	const pb = login.pb;
	const background = event.request.headers.get(BACKGROUND_HEADER) === '1';
	event.locals.pb = pb;
	event.locals.user = currentUser(pb);
	event.locals.sessionId = event.locals.user ? (sessionCookie ?? null) : null;
	requireLogin(event, login.unknown || background);

	const response = await resolve(event);

	const secure = event.url.protocol === 'https:';
	const token = pb.authStore.isValid ? pb.authStore.token : '';
	const sessionId = token ? event.locals.sessionId : null;
	// Cookies go out only when they change: a login, a renewal (at most daily), a logout, a cookie
	// in the old format, or one that no longer opens anything.
	const keep = background || (login.unknown && !token);
	if (
		!keep &&
		(token !== (cookie?.token ?? '') ||
			(token && !cookie?.slim) ||
			(!token && event.cookies.get(AUTH_COOKIE) !== undefined))
	) {
		response.headers.append(
			'set-cookie',
			event.cookies.serialize(AUTH_COOKIE, token, {
				httpOnly: true,
				sameSite: 'lax',
				secure,
				path: '/',
				maxAge: token ? secondsLeft(token) : 0
			})
		);
	}
	const sessionChanged =
		(sessionId ?? '') !== (sessionCookie ?? '') || (!!sessionId && (login.renewed || !cookie?.slim));
	if (!keep && sessionChanged && (sessionId || sessionCookie !== undefined)) {
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
