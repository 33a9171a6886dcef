import { listMeetings } from '$lib/server/meetings';
import { secretariatGroups } from '$lib/server/workspace';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [meetings, groups] = await Promise.all([
		listMeetings(locals.pb, locals.user!.id),
		secretariatGroups(locals.pb, locals.user!.id)
	]);
	return {
		/** Meetings that have not ended, from the member's own groups only. */
		meetings: meetings.upcoming,
		/** The groups the user runs as secretariat (the workspace's links). */
		secretariatGroups: groups
	};
};
