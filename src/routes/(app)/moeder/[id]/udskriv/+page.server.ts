import { getMeetingPage } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => getMeetingPage(locals.pb, params.id, locals.user!.id);
