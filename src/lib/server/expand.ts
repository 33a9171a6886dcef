/**
 * The records of an expanded relation as a list: PocketBase gives a list for a multiple or
 * back-relation, one record when the relation is single (or the back-relation unique), or nothing.
 */
export function many<T>(value: T | T[] | undefined): T[] {
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}
