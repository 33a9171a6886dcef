import { deadlinePhrase, isOpenForMembers } from '$lib/nominations';
import { answeringRoles } from '$lib/server/memberships';
import { listCalls } from '$lib/server/nominations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const now = new Date();
	const [listed, roles] = await Promise.all([
		listCalls(locals.pb, locals.user!),
		answeringRoles(locals.pb, locals.user!.id)
	]);
	const calls = listed.map((c) => ({
		...c,
		deadlineText: deadlinePhrase(c, now),
		open: isOpenForMembers(c, now)
	}));
	return {
		/** Calls still taking answers, soonest deadline first. */
		open: calls.filter((c) => c.open),
		/** The secretariat's calls not opened yet. */
		drafts: calls.filter((c) => c.status === 'draft'),
		/** Closed or past their deadline; latest deadline first. */
		earlier: calls.filter((c) => !c.open && c.status !== 'draft').reverse(),
		/** A secretariat may make a call from nothing (or from an agenda item, on the item). */
		canCreate: [...roles.values()].includes('secretariat')
	};
};
