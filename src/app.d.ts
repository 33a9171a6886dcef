import type { TypedPocketBase } from '$lib/pocketbase-types';
import type { AuthUser } from '$lib/server/pocketbase';

declare global {
	namespace App {
		interface Locals {
			/** A PocketBase client authenticated as the visitor, made for this request only. */
			pb: TypedPocketBase;
			user: AuthUser | null;
			/** The id of this login's session row (set by the login page, read from the cookie otherwise). */
			sessionId: string | null;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
