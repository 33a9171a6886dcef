import type { Handle, HandleServerError } from '@sveltejs/kit';
import { AUTH_COOKIE, clientFromCookie, currentUser } from '$lib/server/pocketbase';
import { t } from '$lib/messages';

const SECURITY_HEADERS: Record<string, string> = {
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
	'cross-origin-opener-policy': 'same-origin'
};

export const handle: Handle = async ({ event, resolve }) => {
	const pb = await clientFromCookie(event.request.headers.get('cookie') ?? '', event.getClientAddress());
	event.locals.pb = pb;
	event.locals.user = currentUser(pb);

	const response = await resolve(event);

	const hadCookie = event.cookies.get(AUTH_COOKIE) !== undefined;
	if (pb.authStore.isValid || hadCookie) {
		// Refreshes the token on every visit; an invalid cookie is cleared.
		response.headers.append(
			'set-cookie',
			pb.authStore.exportToCookie(
				{ httpOnly: true, sameSite: 'Lax', secure: event.url.protocol === 'https:', path: '/' },
				AUTH_COOKIE
			)
		);
	}
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (event.locals.user) response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: t.errors.notFound };
	const id = crypto.randomUUID().slice(0, 8);
	console.error(`[${id}] ${event.request.method} ${event.url.pathname}: ${status} ${message}`, error);
	return { message: t.errors.generic, id };
};
