// Assertions shared by the API-rule tests. Collections whose list rule is null are read by id
// (getOne, checked with the view rule) or as expands; these helpers ask PocketBase the same way.
import type PocketBase from 'pocketbase';
import type { ClientResponseError, RecordModel } from 'pocketbase';
import { expect } from 'vitest';

/** What pb_hooks/lib/filter-guard.js answers to a filter or sort that leaves the collection. */
export const FILTER_PATH_REFUSED = 'Filtre og sortering må kun bruge samlingens egne felter.';

/**
 * The ids among `ids` that `pb` may view one by one (getOne), sorted. A 404 means hidden; any other
 * error fails the test, so a refusal for another reason is never mistaken for "hidden".
 */
export async function viewable(pb: PocketBase, collection: string, ids: string[]): Promise<string[]> {
	const seen = await Promise.all(
		ids.map((id) =>
			pb
				.collection(collection)
				.getOne(id, { fields: 'id' })
				.then(
					() => id,
					(err: ClientResponseError) => {
						if (err.status !== 404) throw err;
						return null;
					}
				)
		)
	);
	return seen.filter((id): id is string => id !== null).sort();
}

/** Asserts that listing `collection` is refused to `pb` (list rule null: superusers only). */
export async function listRefused(pb: PocketBase, collection: string): Promise<void> {
	await expect(pb.collection(collection).getList(1, 50)).rejects.toMatchObject({ status: 403 });
}

/** Asserts that `pb`'s list of `collection` with this filter (and sort) is refused as a path. */
export async function filterRefused(
	pb: PocketBase,
	collection: string,
	options: { filter?: string; sort?: string }
): Promise<void> {
	const err = await pb
		.collection(collection)
		.getList(1, 50, options)
		.then(
			() => null,
			(e: ClientResponseError) => e
		);
	expect(err?.status).toBe(400);
	expect(err?.response.message).toBe(FILTER_PATH_REFUSED);
}

/** The ids of the records expanded as `relation` on `collection`'s record `id`, as `pb` reads it. */
export async function expandedIds(pb: PocketBase, collection: string, id: string, relation: string): Promise<string[]> {
	const record = await pb.collection(collection).getOne(id, { expand: relation });
	const value = record.expand?.[relation] as RecordModel | RecordModel[] | undefined;
	const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
	return list.map((r) => r.id).sort();
}
