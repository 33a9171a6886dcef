import { requireSecretariatOfGroup } from '$lib/server/workspace';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	await requireSecretariatOfGroup(locals.pb, locals.user!.id, params.id);
	return { groupId: params.id };
};
