import { error, fail, redirect } from '@sveltejs/kit';
import { checkCallForm, emptyValues, readCallForm, saveCall, valuesFromProposal } from '$lib/server/call-form';
import { proposalsFromItem, secretariatGroups } from '$lib/server/call-source';
import { groupOrganizations, requireSecretariat } from '$lib/server/nomination-tracker';
import { nominationAdmin } from '$lib/messages/da-nomination-admin';
import type { Actions, PageServerLoad } from './$types';

const uniqueById = <T extends { id: string }>(list: T[]) => [...new Map(list.map((x) => [x.id, x])).values()];

export const load: PageServerLoad = async ({ locals, url }) => {
	const pb = locals.pb;
	const userId = locals.user!.id;
	const groups = await secretariatGroups(pb, userId);
	// Only a group's secretariat creates calls; everyone else gets the same Danish 404.
	if (!groups.length) error(404, { message: nominationAdmin.notFound });
	// Organisations are not listable: those who can be chosen are the organisations of the groups' members.
	const organizations = uniqueById(
		(await Promise.all(groups.map((g) => groupOrganizations(pb, g.id)))).flatMap((o) => o.organizations)
	);
	const itemId = url.searchParams.get('punkt');
	if (!itemId) {
		return { groups, organizations, values: emptyValues(groups.length === 1 ? groups[0].id : ''), from: null };
	}
	const from = await proposalsFromItem(pb, itemId);
	await requireSecretariat(pb, from.meeting.group, userId);
	const picked = Math.min(Math.max(Number(url.searchParams.get('forslag') ?? 0) || 0, 0), from.proposals.length - 1);
	const tie = { group: from.meeting.group, meeting: from.meeting.id, item: from.item.id };
	const chosen = from.proposals[picked];
	return {
		groups,
		organizations,
		values: chosen
			? valuesFromProposal(chosen.proposal, { ...tie, decision: chosen.decision })
			: { ...emptyValues(tie.group), ...tie },
		/** The item the call comes from, its proposals, and which one fills the form. */
		from: {
			item: from.item,
			meeting: from.meeting,
			proposals: from.proposals.map((p) => ({
				title: p.proposal.title,
				source: p.proposal.source,
				fora: p.proposal.fora
			})),
			picked
		}
	};
};

export const actions: Actions = {
	/** Another blank forum row, without JavaScript: the form comes back as typed, one row longer. */
	addForum: async ({ request }) => {
		const values = readCallForm(await request.formData());
		values.fora.push({ id: '', name: '', quota: values.fora.at(-1)?.quota || '1' });
		return fail(400, { values, errors: {} as Record<string, string> });
	},

	save: async ({ locals, request }) => {
		const form = await request.formData();
		const values = readCallForm(form);
		const open = form.get('intent') === 'open';
		const groups = await secretariatGroups(locals.pb, locals.user!.id);
		if (!groups.some((g) => g.id === values.group)) {
			return fail(400, { values, errors: { group: nominationAdmin.errors.groupRequired } as Record<string, string> });
		}
		const checked = checkCallForm(values);
		if (Object.keys(checked.errors).length) return fail(400, { values, errors: checked.errors });
		const saved = await saveCall(locals.pb, null, values, checked, open);
		if ('errors' in saved) return fail(400, { values, errors: saved.errors });
		redirect(303, `/indkaldelser/${saved.id}/status`);
	}
};
