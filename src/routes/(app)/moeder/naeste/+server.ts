import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { listMeetings } from '$lib/server/meetings';
import type { RequestHandler } from './$types';

/**
 * The "Næste møde" shortcut of the installed app: to the member's next meeting (the one home shows
 * first), or home when there is none. The login guard in hooks.server.ts covers it like all of (app).
 */
export const GET: RequestHandler = async ({ locals }) => {
	const { upcoming } = await listMeetings(locals.pb, locals.user!.id);
	const next = upcoming[0];
	redirect(303, next ? resolve('/(app)/moeder/[id]', { id: next.id }) : resolve('/'));
};
