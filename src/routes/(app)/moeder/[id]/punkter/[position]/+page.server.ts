import { getAgendaItemPage } from '$lib/server/meetings';
import { roleIn } from '$lib/server/memberships';
import { callsOfItem } from '$lib/server/nominations';
import { deadlinePhrase } from '$lib/nominations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await getAgendaItemPage(
		locals.pb,
		params.id,
		/^\d{1,3}$/.test(params.position) ? Number(params.position) : NaN
	);
	const now = new Date();
	const [calls, role] = await Promise.all([
		callsOfItem(locals.pb, page.item.id),
		roleIn(locals.pb, locals.user!.id, page.meeting.group)
	]);
	return {
		...page,
		/** The nomination calls made from this item that the user may read. */
		calls: calls.map((c) => ({ ...c, deadlineText: deadlinePhrase(c, now) })),
		/** The group's secretariat may create a nomination call from the item. */
		canCreateCall: role === 'secretariat'
	};
};
