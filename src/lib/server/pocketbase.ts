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
 * A client authenticated from the auth cookie. The token is checked with PocketBase (authRefresh)
 * and, in parallel, the login's session row is looked up: a tampered or revoked token, or a
 * session ended by logging out (here or on every device), yields an anonymous client.
 */
export async function clientFromCookie(
	cookieHeader: string,
	sessionId: string | undefined,
	clientAddress?: string
): Promise<TypedPocketBase> {
	const pb = createClient(clientAddress);
	pb.authStore.loadFromCookie(cookieHeader, AUTH_COOKIE);
	if (!pb.authStore.isValid || pb.authStore.record?.collectionName !== 'users' || !SESSION_ID.test(sessionId ?? '')) {
		pb.authStore.clear();
		return pb;
	}
	try {
		await Promise.all([
			pb.collection('users').authRefresh(),
			pb.collection('sessions').getOne(sessionId!, { fields: 'id' })
		]);
	} catch {
		pb.authStore.clear();
	}
	return pb;
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
