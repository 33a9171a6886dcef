import { error, fail, redirect } from '@sveltejs/kit';
import type { ClientResponseError } from 'pocketbase';
import { t } from '$lib/messages';
import { editor } from '$lib/messages/da-editor';
import { groupPeople, headerErrors, parseHeader, templateFor } from '$lib/server/editor';
import { groupThatMetLast, secretariatGroups } from '$lib/server/workspace';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const groups = await secretariatGroups(locals.pb, locals.user!.id);
	if (!groups.length) error(404, { message: t.errors.notFound });
	// The group whose last meeting is the template: chosen in the form (?gruppe=), else the one that
	// met most recently (a secretary who also runs a new working group without meetings yet still
	// gets the steering group's template first).
	const group =
		groups.find((g) => g.id === url.searchParams.get('gruppe')) ??
		(await groupThatMetLast(locals.pb, groups)) ??
		groups[0];
	const { values, template } = await templateFor(locals.pb, group.id);
	const people = await groupPeople(locals.pb, group.id);
	return { groups, group: group.id, values, template, people };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const group = String(form.get('group') ?? '');
		const { values, errors, record } = parseHeader(form);
		const groups = await secretariatGroups(locals.pb, locals.user!.id);
		if (!groups.some((g) => g.id === group)) errors.group = editor.errors.group;
		if (Object.keys(errors).length) return fail(400, { values, errors, group });
		let id: string;
		try {
			// A draft: only the secretariat sees it until "Udsend dagsorden".
			({ id } = await locals.pb.collection('meetings').create({ ...record, group, status: 'draft' }));
		} catch (err) {
			return fail(400, { values, errors: headerErrors(err as ClientResponseError), group });
		}
		redirect(303, `/moeder/${id}/rediger?gemt=1`);
	}
};
