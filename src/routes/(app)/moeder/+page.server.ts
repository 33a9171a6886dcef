import { listMeetings } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	/** Meetings that have not ended, from the member's own groups only. */
	meetings: (await listMeetings(locals.pb, locals.user!.id)).upcoming
});
