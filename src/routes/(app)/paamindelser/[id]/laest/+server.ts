import { error, json } from '@sveltejs/kit';
import { isRecordId } from '$lib/server/errors';
import { openReminder } from '$lib/server/my-reminders';
import { t } from '$lib/messages';
import type { RequestHandler } from './$types';

/** Marks one of the member's reminders read: the service worker calls it when one is tapped. */
export const POST: RequestHandler = async ({ locals, params }) => {
	const target = isRecordId(params.id) ? await openReminder(locals.pb, params.id) : null;
	if (!target) error(404, t.errors.notFound);
	return json({ read: true });
};
