import { error } from '@sveltejs/kit';
import { t } from '$lib/messages';
import { secretariatGroups } from '$lib/server/workspace';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const groups = await secretariatGroups(locals.pb, locals.user!.id);
	if (!groups.length) error(404, { message: t.errors.notFound });
	return { groups };
};
