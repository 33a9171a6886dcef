import { redirect } from '@sveltejs/kit';
import { listMeetings } from '$lib/server/meetings';
import type { RequestHandler } from './$types';

/**
 * The "Næste møde" shortcut of the installed app: to the member's next meeting (the one home shows
 * first), or home when there is none. The login guard in hooks.server.ts covers it like all of (app).
 */
export const GET: RequestHandler = async ({ locals }) => {
	const { upcoming } = await listMeetings(locals.pb, locals.user!.id);
	const next = upcoming[0];
	// Root-relative: `resolve()` gives a path relative to this URL on the server ("../moeder/…").
	redirect(303, next ? `/moeder/${next.id}` : '/');
};
