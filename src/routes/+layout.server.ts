import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	/** The signed-in user's name, for the header; null when logged out. */
	const user = locals.user ? { name: locals.user.name } : null;
	return { user };
};
