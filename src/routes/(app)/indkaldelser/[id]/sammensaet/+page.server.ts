import { error, fail } from '@sveltejs/kit';
import { ClientResponseError } from 'pocketbase';
import { loadTracker } from '$lib/server/nomination-tracker';
import { many } from '$lib/server/expand';
import { t } from '$lib/messages';
import { nominationAdmin } from '$lib/messages/da-nomination-admin';
import type { Actions, PageServerLoad } from './$types';

/** The call's tracker for its secretariat; a Danish 404 for anyone else. */
async function secretariat(locals: App.Locals, callId: string) {
	const o = await loadTracker(locals.pb, callId, locals.user!.id);
	if (!o.isSecretariat) error(404, { message: nominationAdmin.notFound });
	return o;
}

/** The fields the form shows a message beside; the route's other refusals show above the form. */
const SHOWN = ['nominations', 'name', 'group'];

export const load: PageServerLoad = async ({ locals, params }) => {
	const o = await secretariat(locals, params.id);
	// The groups under the call's group (those the secretariat belongs to), as a back-relation expand.
	const group = await locals.pb
		.collection('groups')
		.getOne<{ expand?: { groups_via_parent?: { id: string; name: string }[] } }>(o.call.group.id, {
			expand: 'groups_via_parent',
			fields: 'id,expand.groups_via_parent.id,expand.groups_via_parent.name'
		});
	return {
		call: { id: o.call.id, title: o.call.title, status: o.call.status, groupName: o.call.group.name },
		fora: o.call.fora.map((f) => ({
			id: f.id,
			name: f.name,
			groupName: f.groupName,
			nominees: o.rows.flatMap((r) =>
				(r.cells.find((c) => c.forumId === f.id)?.nominees ?? []).map((n) => ({
					id: n.id,
					name: n.name,
					title: n.title,
					organization: r.organization.name,
					response: n.response
				}))
			)
		})),
		childGroups: many(group.expand?.groups_via_parent).sort((a, b) => a.name.localeCompare(b.name, 'da'))
	};
};

export const actions: Actions = {
	compose: async ({ locals, params, request }) => {
		const o = await secretariat(locals, params.id);
		const form = await request.formData();
		const text = (name: string) => String(form.get(name) ?? '').trim();
		const forum = text('forum');
		const values = {
			forum,
			nominations: form.getAll('nominations').map(String),
			target: text('target') === 'existing' ? 'existing' : 'new',
			name: text('name'),
			group_kind: text('group_kind') === 'forum' ? 'forum' : 'arbejdsgruppe',
			group: text('group')
		};
		const m = nominationAdmin.errors;
		const errors: Record<string, string> = {};
		if (!o.call.fora.some((f) => f.id === forum)) error(404, { message: nominationAdmin.notFound });
		if (!values.nominations.length) errors.nominations = m.nomineesRequired;
		if (values.target === 'new' && !values.name) errors.name = m.groupNameRequired;
		if (values.target === 'existing' && !values.group) errors.group = m.existingRequired;
		if (Object.keys(errors).length) return fail(400, { forum, values, errors });
		const target =
			values.target === 'new'
				? { kind: 'new', name: values.name, group_kind: values.group_kind }
				: { kind: 'existing', group: values.group };
		try {
			const result = await locals.pb.send<{ group: string; memberships: number; accounts: number }>(
				`/api/klyngeportal/calls/${encodeURIComponent(params.id)}/compose`,
				{ method: 'POST', body: { forum, nominations: values.nominations, target } }
			);
			return { composed: { forum, ...result } };
		} catch (err) {
			if (!(err instanceof ClientResponseError) || err.status >= 500 || err.status === 0) throw err;
			const data = (err.response?.data ?? {}) as Record<string, { message?: string }>;
			for (const [field, problem] of Object.entries(data)) {
				const key =
					field === 'target' ? (values.target === 'new' ? 'name' : 'group') : SHOWN.includes(field) ? field : 'form';
				errors[key] = problem.message ?? m.invalid;
			}
			if (!Object.keys(errors).length) errors.form = String(err.response?.message || t.errors.generic);
			return fail(400, { forum, values, errors });
		}
	}
};
