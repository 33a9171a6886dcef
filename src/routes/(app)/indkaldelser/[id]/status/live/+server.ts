import { error } from '@sveltejs/kit';
import { liveResponse } from '$lib/server/live';
import { loadTracker } from '$lib/server/nomination-tracker';
import { t } from '$lib/messages';
import type { RequestHandler } from './$types';

// Live updates for the tracker: the call, its fora and the answers as the user reads them.
export const GET: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) error(404, { message: t.errors.notFound });
	const userId = locals.user.id;
	return liveResponse(request.signal, async () => {
		const o = await loadTracker(locals.pb, params.id, userId);
		return JSON.stringify([
			o.call.status,
			o.call.deadline,
			o.rows.map((r) => [
				r.organization.id,
				r.none,
				r.cells.map((c) => [c.named, c.nominees.map((n) => [n.id, n.response])])
			])
		]);
	});
};
