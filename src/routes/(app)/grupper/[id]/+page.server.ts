import { error, fail } from '@sveltejs/kit';
import { ClientResponseError } from 'pocketbase';
import { t } from '$lib/messages';
import { members as m } from '$lib/messages/da-members';
import {
	ADD_FIELDS,
	addMember,
	endInstant,
	isRole,
	loadRoster,
	memberErrors,
	membershipOfGroup,
	organizationChoices,
	parseAddForm,
	ROLES
} from '$lib/server/members';
import { requireSecretariatOfGroup } from '$lib/server/workspace';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	await requireSecretariatOfGroup(locals.pb, locals.user!.id, params.id);
	const [roster, organizations] = await Promise.all([
		loadRoster(locals.pb, params.id, locals.user!.id),
		organizationChoices(locals.pb, params.id)
	]);
	return {
		...roster,
		/** Every organisation the add form offers. */
		organizationChoices: organizations.map((o) => ({ id: o.id, name: o.name })),
		roles: [...ROLES]
	};
};

/** A refusal PocketBase answered (4xx), or a rethrow for anything unexpected. */
function refused(err: unknown): ClientResponseError {
	if (err instanceof ClientResponseError && err.status >= 400 && err.status < 500) return err;
	throw err;
}

/** The membership a row's form names, when it belongs to this group; a Danish 404 otherwise. */
async function rowOf(locals: App.Locals, groupId: string, form: FormData) {
	const row = await membershipOfGroup(locals.pb, groupId, String(form.get('membership') ?? ''));
	if (!row) error(404, { message: t.errors.groupNotFound });
	return row;
}

export const actions: Actions = {
	add: async ({ locals, params, request }) => {
		await requireSecretariatOfGroup(locals.pb, locals.user!.id, params.id);
		const { values, errors, body } = parseAddForm(await request.formData());
		if (Object.keys(errors).length) return fail(400, { add: { values, errors } });
		try {
			const result = await addMember(locals.pb, params.id, body);
			return { added: result };
		} catch (err) {
			return fail(400, { add: { values, errors: memberErrors(refused(err), ADD_FIELDS) } });
		}
	},

	role: async ({ locals, params, request }) => {
		await requireSecretariatOfGroup(locals.pb, locals.user!.id, params.id);
		const form = await request.formData();
		const row = await rowOf(locals, params.id, form);
		const role = String(form.get('role') ?? '');
		if (!isRole(role)) return fail(400, { row: { id: row.id, errors: { role: m.errors.invalid } } });
		try {
			await locals.pb.collection('memberships').update(row.id, { role });
			return { saved: m.roleSaved(row.name) };
		} catch (err) {
			return fail(400, { row: { id: row.id, errors: memberErrors(refused(err), ['role', 'ends'] as const) } });
		}
	},

	end: async ({ locals, params, request }) => {
		await requireSecretariatOfGroup(locals.pb, locals.user!.id, params.id);
		const form = await request.formData();
		const row = await rowOf(locals, params.id, form);
		const value = String(form.get('ends') ?? '').trim();
		const ends = value ? endInstant(value) : null;
		if (!ends) {
			return fail(400, { row: { id: row.id, errors: { ends: value ? m.errors.date : m.errors.endRequired } } });
		}
		try {
			await locals.pb.collection('memberships').update(row.id, { ends });
			return { saved: m.endSaved(row.name) };
		} catch (err) {
			return fail(400, { row: { id: row.id, errors: memberErrors(refused(err), ['ends', 'role'] as const) } });
		}
	},

	remove: async ({ locals, params, request }) => {
		await requireSecretariatOfGroup(locals.pb, locals.user!.id, params.id);
		const form = await request.formData();
		const row = await rowOf(locals, params.id, form);
		try {
			await locals.pb.collection('memberships').delete(row.id);
			return { saved: m.removed(row.name) };
		} catch (err) {
			return fail(400, { row: { id: row.id, errors: memberErrors(refused(err), [] as const) } });
		}
	}
};
