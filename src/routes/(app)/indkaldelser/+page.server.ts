import { deadlinePhrase, isOpenForMembers } from '$lib/nominations';
import { listCalls } from '$lib/server/nominations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const now = new Date();
	const calls = (await listCalls(locals.pb, locals.user!)).map((c) => ({
		...c,
		deadlineText: deadlinePhrase(c, now),
		open: isOpenForMembers(c, now)
	}));
	return {
		/** Calls still taking answers, soonest deadline first. */
		open: calls.filter((c) => c.open),
		/** Closed, past their deadline or (for the secretariat) drafts; latest deadline first. */
		earlier: calls.filter((c) => !c.open).reverse()
	};
};
