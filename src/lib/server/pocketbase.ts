// The per-request PocketBase client. Never keep a client that holds a user's auth at module level:
// requests would leak into each other.
import PocketBase from 'pocketbase';
import { env } from '$env/dynamic/private';
import type { TypedPocketBase, UsersRecord } from '$lib/pocketbase-types';

export const AUTH_COOKIE = 'pb_auth';

/** The signed-in user as `locals.user` holds it. */
export type AuthUser = Pick<UsersRecord, 'id' | 'email' | 'name' | 'title' | 'organization'>;

export function pocketBaseUrl(): string {
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

/**
 * A client authenticated from the auth cookie. The token is checked with PocketBase (authRefresh),
 * so a tampered or revoked cookie yields an anonymous client rather than a forged user.
 */
export async function clientFromCookie(cookieHeader: string, clientAddress?: string): Promise<TypedPocketBase> {
	const pb = createClient(clientAddress);
	pb.authStore.loadFromCookie(cookieHeader, AUTH_COOKIE);
	if (!pb.authStore.isValid || pb.authStore.record?.collectionName !== 'users') {
		pb.authStore.clear();
		return pb;
	}
	try {
		await pb.collection('users').authRefresh();
	} catch {
		pb.authStore.clear();
	}
	return pb;
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
