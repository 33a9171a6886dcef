import { getAgendaItemPage } from '$lib/server/meetings';
import { roleIn } from '$lib/server/memberships';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await getAgendaItemPage(
		locals.pb,
		params.id,
		/^\d{1,3}$/.test(params.position) ? Number(params.position) : NaN
	);
	/** The group's secretariat may create a nomination call from the item. */
	const canCreateCall = (await roleIn(locals.pb, locals.user!.id, page.meeting.group)) === 'secretariat';
	return { ...page, canCreateCall };
};
