import { requireSecretariatOfMeeting } from '$lib/server/workspace';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	meeting: await requireSecretariatOfMeeting(locals.pb, locals.user!.id, params.id)
});
