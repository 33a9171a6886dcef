import { error } from '@sveltejs/kit';
import { liveResponse } from '$lib/server/live';
import { loadOverview } from '$lib/server/overview';
import { t } from '$lib/messages';
import type { RequestHandler } from './$types';

// Live updates for the overview: the meeting's answers and guests as the user reads them
// (see $lib/server/live for why the server polls rather than PocketBase's realtime).
export const GET: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) error(404, { message: t.errors.notFound });
	const userId = locals.user.id;
	return liveResponse(request.signal, async () => {
		const o = await loadOverview(locals.pb, params.id, userId);
		return JSON.stringify([o.everyone.map((p) => [p.id, p.answer?.updated ?? '']), o.guests.map((g) => g.id)]);
	});
};
