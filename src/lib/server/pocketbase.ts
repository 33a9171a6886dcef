// The per-request PocketBase client. Never keep a client that holds a user's auth at module level:
// requests would leak into each other.
import PocketBase, { ClientResponseError } from 'pocketbase';
import { env } from '$env/dynamic/private';
import type { TypedPocketBase, UsersRecord } from '$lib/pocketbase-types';

export const AUTH_COOKIE = 'pb_auth';
/** The id of the login's row in `sessions`; the token counts only while that row exists. */
export const SESSION_COOKIE = 'kp_session';

/** The signed-in user as `locals.user` holds it. */
export type AuthUser = Pick<UsersRecord, 'id' | 'email' | 'name' | 'title' | 'organization'>;

function pocketBaseUrl(): string {
	return env.PB_URL || 'http://127.0.0.1:8090';
}

/**
 * A fresh, unauthenticated client. `clientAddress` is the visitor's address, passed on so that
 * PocketBase's login rate limits count per visitor rather than per app server.
 */
export function createClient(clientAddress?: string): TypedPocketBase {
	const pb = new PocketBase(pocketBaseUrl()) as TypedPocketBase;
	// Parallel loads in one request must not cancel each other.
	pb.autoCancellation(false);
	if (clientAddress) {
		pb.beforeSend = (url, options) => {
			options.headers = { ...options.headers, 'x-forwarded-for': clientAddress };
			return { url, options };
		};
	}
	return pb;
}

const SESSION_ID = /^[a-z0-9]{15}$/;

/**
 * The token in the `pb_auth` cookie. The cookie holds the token alone; before that it held the
 * SDK's JSON of token and user record, which is still read so that nobody is logged out by a deploy.
 */
export function tokenFromCookie(value: string | undefined): { token: string; slim: boolean } | null {
	if (!value) return null;
	if (!value.startsWith('{')) return { token: value, slim: true };
	try {
		const parsed: unknown = JSON.parse(value);
		const token = (parsed as { token?: unknown } | null)?.token;
		return typeof token === 'string' && token ? { token, slim: false } : null;
	} catch {
		return null;
	}
}

/** What the login check answers (pb_hooks/sessions.pb.js). */
interface SessionCheck {
	user: AuthUser & { collectionId: string; collectionName: 'users' };
	/** A renewed token once the old one is a day old; null otherwise. */
	token: string | null;
}

/** The outcome of reading a login: who, and whether the cookie must be written again. */
export interface Login {
	pb: TypedPocketBase;
	/** The token changed (renewed); the cookies go out again. */
	renewed: boolean;
	/** PocketBase could not say (down, or too many checks): the cookies are kept as they are. */
	unknown: boolean;
}

/**
 * A client authenticated from the token of the `pb_auth` cookie and the session id of the
 * `kp_session` cookie, in one round trip to PocketBase (GET /api/klynge/sessions/{id}/check): a
 * tampered, expired or revoked token, or a session ended by logging out (here or on every device),
 * yields an anonymous client.
 */
export async function clientFromToken(
	token: string | undefined,
	sessionId: string | undefined,
	clientAddress?: string
): Promise<Login> {
	const pb = createClient(clientAddress);
	const login: Login = { pb, renewed: false, unknown: false };
	if (!token || !SESSION_ID.test(sessionId ?? '')) return login;
	pb.authStore.save(token, null);
	if (!pb.authStore.isValid) {
		// Expired (or not a token at all): no need to ask.
		pb.authStore.clear();
		return login;
	}
	try {
		const check = await pb.send<SessionCheck>(`/api/klynge/sessions/${sessionId}/check`, { method: 'GET' });
		pb.authStore.save(check.token ?? token, { ...check.user });
		login.renewed = !!check.token;
	} catch (err) {
		pb.authStore.clear();
		if (!(err instanceof ClientResponseError && err.status === 401)) {
			console.warn('checking a login failed:', err);
			login.unknown = true;
		}
	}
	return login;
}

/** Records a new login on this device; returns the session id for the cookie. */
export async function startSession(pb: PocketBase): Promise<string> {
	const row = await pb.collection('sessions').create({ user: pb.authStore.record?.id }, { fields: 'id' });
	return row.id;
}

/** Ends this device's login: its session row goes, so a copy of the cookie opens nothing. */
export async function endSession(pb: PocketBase, sessionId: string | null) {
	if (!pb.authStore.isValid || !sessionId) return;
	try {
		await pb.collection('sessions').delete(sessionId);
	} catch (err) {
		// Already gone (ended on another device): nothing left to end.
		if (!(err instanceof ClientResponseError && err.status === 404)) throw err;
	}
}

/** Ends the user's logins on every device and renews their tokenKey (pb_hooks/sessions.pb.js). */
export async function endAllSessions(pb: PocketBase) {
	if (!pb.authStore.isValid) return;
	await pb.send('/api/klynge/sessions/end-all', { method: 'POST' });
}

/** The signed-in user as the pages need it, or null. */
export function currentUser(pb: PocketBase): AuthUser | null {
	const record = pb.authStore.isValid ? pb.authStore.record : null;
	if (!record) return null;
	return {
		id: record.id,
		email: String(record.email ?? ''),
		name: String(record.name ?? ''),
		title: String(record.title ?? ''),
		organization: String(record.organization ?? '')
	};
}
