import { listMeetings } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { upcoming } = await listMeetings(locals.pb, locals.user!.id);
	return {
		/** The first name for the greeting. */
		firstName: locals.user?.name.split(' ')[0] ?? '',
		/** The member's next meeting, or null. */
		next: upcoming[0] ?? null,
		/** The meetings after it (at most three). */
		later: upcoming.slice(1, 4)
	};
};
