import { loadPrint } from '$lib/server/print';
import type { PageServerLoad } from './$types';

/** `?visning=referat` prints the minutes (when the reader can read them); otherwise the agenda. */
export const load: PageServerLoad = async ({ locals, params, url }) =>
	loadPrint(
		locals.pb,
		params.id,
		locals.user!.id,
		url.searchParams.get('visning') === 'referat' ? 'minutes' : 'agenda'
	);
