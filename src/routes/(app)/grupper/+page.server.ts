import { secretariatGroups } from '$lib/server/workspace';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	/** The groups the user runs as secretariat. */
	groups: await secretariatGroups(locals.pb, locals.user!.id)
});
