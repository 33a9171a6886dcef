import { error } from '@sveltejs/kit';
import { ClientResponseError } from 'pocketbase';

/** PocketBase record ids: 15 characters a–z, 0–9. Anything else is a 404 without asking PocketBase. */
export function isRecordId(value: string): boolean {
	return /^[a-z0-9]{15}$/.test(value);
}

/**
 * Runs a PocketBase read and turns "not there" and "not yours" into the same Danish 404, so a
 * visitor cannot tell another group's meeting from one that does not exist.
 */
export async function orNotFound<T>(read: Promise<T>, message: string): Promise<T> {
	try {
		return await read;
	} catch (err) {
		if (err instanceof ClientResponseError && [400, 401, 403, 404].includes(err.status)) {
			error(404, { message });
		}
		throw err;
	}
}
