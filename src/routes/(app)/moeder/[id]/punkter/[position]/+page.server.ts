import { getAgendaItemPage } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) =>
	getAgendaItemPage(locals.pb, params.id, /^\d{1,3}$/.test(params.position) ? Number(params.position) : NaN);
