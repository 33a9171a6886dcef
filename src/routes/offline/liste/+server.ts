import { error, json } from '@sveltejs/kit';
import { t } from '$lib/messages';
import { offlineListFor } from '$lib/server/offline-list';
import type { RequestHandler } from './$types';

// The service worker asks for this (at most every 10 minutes) to know what to save for offline reading.
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) error(401, { message: t.errors.notFound });
	const list = await offlineListFor(locals.pb, locals.user.id, { meetingId: url.searchParams.get('moede') });
	return json(list, { headers: { 'cache-control': 'private, no-store' } });
};
