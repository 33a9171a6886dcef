import { meetingHistory } from '$lib/server/history';
import { requireSecretariatOfMeeting } from '$lib/server/workspace';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const meeting = await requireSecretariatOfMeeting(locals.pb, locals.user!.id, params.id);
	return { meeting, lines: await meetingHistory(locals.pb, meeting.id) };
};
