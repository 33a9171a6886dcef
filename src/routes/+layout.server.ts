import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	/** The signed-in user's id (whose answers the phone may send) and name; null when logged out. */
	const user = locals.user ? { id: locals.user.id, name: locals.user.name } : null;
	return { user };
};
