import { getAgendaItemPage } from '$lib/server/meetings';
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
	return {
		...page,
		/** The nomination calls made from this item that the user may read. */
		calls: (await callsOfItem(locals.pb, page.item.id)).map((c) => ({ ...c, deadlineText: deadlinePhrase(c, now) }))
	};
};
