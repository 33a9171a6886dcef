import { fail, redirect } from '@sveltejs/kit';
import { checkCallForm, readCallForm, saveCall, valuesFromCall } from '$lib/server/call-form';
import { getCall, groupOrganizations, requireSecretariat } from '$lib/server/nomination-tracker';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { call } = await getCall(locals.pb, params.id);
	await requireSecretariat(locals.pb, call.group.id, locals.user!.id);
	// Organisations are not listable: those who can be chosen are the organisations of the group's members.
	const { organizations } = await groupOrganizations(locals.pb, call.group.id);
	return {
		call: { id: call.id, title: call.title, status: call.status, groupName: call.group.name },
		values: valuesFromCall(call),
		organizations
	};
};

async function editable(locals: App.Locals, callId: string) {
	const { call } = await getCall(locals.pb, callId);
	await requireSecretariat(locals.pb, call.group.id, locals.user!.id);
	return call;
}

export const actions: Actions = {
	addForum: async ({ locals, params, request }) => {
		await editable(locals, params.id);
		const values = readCallForm(await request.formData());
		values.fora.push({ id: '', name: '', quota: values.fora.at(-1)?.quota || '1' });
		return fail(400, { values, errors: {} as Record<string, string> });
	},

	save: async ({ locals, params, request }) => {
		const call = await editable(locals, params.id);
		const form = await request.formData();
		// The group and what the call came from stay as they were.
		const values = { ...readCallForm(form), group: call.group.id };
		const stored = valuesFromCall(call);
		const deadlineChanged =
			values.deadline_date !== stored.deadline_date || values.deadline_time !== stored.deadline_time;
		const checked = checkCallForm(values, { deadlineChanged });
		if (Object.keys(checked.errors).length) return fail(400, { values, errors: checked.errors });
		const saved = await saveCall(locals.pb, call, values, checked, form.get('intent') === 'open');
		if ('errors' in saved) return fail(400, { values, errors: saved.errors });
		redirect(303, `/indkaldelser/${call.id}/status`);
	}
};
