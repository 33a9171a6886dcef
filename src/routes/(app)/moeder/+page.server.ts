import { listPastMeetings, listUpcomingMeetings } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const past = url.searchParams.get('vis') === 'tidligere';
	return {
		/** Which tab is shown. */
		past,
		/** The meetings of that tab, from the member's own groups only. */
		meetings: past ? await listPastMeetings(locals.pb) : await listUpcomingMeetings(locals.pb)
	};
};
