import { fail, redirect } from '@sveltejs/kit';
import type { ClientResponseError } from 'pocketbase';
import { editor } from '$lib/messages/da-editor';
import {
	addItem,
	headerErrors,
	headerValues,
	loadEditor,
	moved,
	notifyChanges,
	parseHeader,
	parseNewItem,
	publish,
	saveAgenda
} from '$lib/server/editor';
import { requireSecretariatOfMeeting } from '$lib/server/workspace';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const guard = await requireSecretariatOfMeeting(locals.pb, locals.user!.id, params.id);
	const { meeting, items, people } = await loadEditor(locals.pb, params.id, guard.group);
	const removing = items.find((i) => i.id === url.searchParams.get('fjern')) ?? null;
	return {
		meeting,
		values: headerValues(meeting),
		items,
		people,
		/** The item whose removal waits for "Ja, fjern punktet" (?fjern=<id>), or null. */
		removing: removing ? { id: removing.id, title: removing.title } : null,
		/** "Udsend dagsorden" pressed once (?udsend=1): the confirmation step shows. */
		confirmPublish: url.searchParams.get('udsend') === '1' && meeting.status === 'draft',
		/** Came here right after saving ("Gemt"). */
		saved: url.searchParams.get('gemt') === '1'
	};
};

/** The meeting when the user runs it (a Danish 404 otherwise) and its items' ids in order. */
async function current(locals: App.Locals, id: string) {
	const meeting = await requireSecretariatOfMeeting(locals.pb, locals.user!.id, id);
	const { items } = await loadEditor(locals.pb, id, meeting.group);
	return { meeting, items, ids: items.map((i) => i.id) };
}

export const actions: Actions = {
	header: async ({ locals, params, request }) => {
		await requireSecretariatOfMeeting(locals.pb, locals.user!.id, params.id);
		const { values, errors, record } = parseHeader(await request.formData());
		if (Object.keys(errors).length) return fail(400, { header: { values, errors } });
		try {
			await locals.pb.collection('meetings').update(params.id, record);
		} catch (err) {
			return fail(400, { header: { values, errors: headerErrors(err as ClientResponseError) } });
		}
		return { saved: 'header' as const };
	},

	add: async ({ locals, params, request }) => {
		const { items } = await current(locals, params.id);
		const { values, errors } = parseNewItem(await request.formData());
		if (Object.keys(errors).length) return fail(400, { item: { values, errors } });
		const refused = await addItem(locals.pb, params.id, values, items.at(-1)?.position ?? 0);
		if (refused) return fail(400, { item: { values, errors: refused } });
		return { saved: 'item' as const };
	},

	/** "Flyt op" / "Flyt ned" (buttons with `item` and `step`), also without JavaScript. */
	move: async ({ locals, params, request }) => {
		const form = await request.formData();
		const { ids } = await current(locals, params.id);
		const order = moved(ids, String(form.get('item')), form.get('step') === 'up' ? -1 : 1);
		if (!order) return { saved: 'order' as const };
		if (!(await saveAgenda(locals.pb, params.id, order))) return fail(409, { agenda: editor.errors.stale });
		return { saved: 'order' as const };
	},

	/** A new order from dragging: every item's id in the new order, separated by commas. */
	order: async ({ locals, params, request }) => {
		const order = String((await request.formData()).get('order') ?? '')
			.split(',')
			.filter(Boolean);
		if (!(await saveAgenda(locals.pb, params.id, order))) return fail(409, { agenda: editor.errors.stale });
		return { saved: 'order' as const };
	},

	/** "Ja, fjern punktet" after the confirmation step. */
	remove: async ({ locals, params, request }) => {
		const item = String((await request.formData()).get('item'));
		const { ids } = await current(locals, params.id);
		if (!ids.includes(item)) return fail(409, { agenda: editor.errors.stale });
		const ok = await saveAgenda(
			locals.pb,
			params.id,
			ids.filter((i) => i !== item),
			[item]
		);
		if (!ok) return fail(409, { agenda: editor.errors.stale });
		redirect(303, `/moeder/${params.id}/rediger?gemt=1`);
	},

	/** "Ja, udsend dagsorden nu" after the confirmation step. */
	publish: async ({ locals, params }) => {
		const { meeting } = await current(locals, params.id);
		if (meeting.status === 'draft') await publish(locals.pb, params.id);
		redirect(303, `/moeder/${params.id}/rediger?gemt=1`);
	},

	notify: async ({ locals, params }) => {
		await requireSecretariatOfMeeting(locals.pb, locals.user!.id, params.id);
		const queued = await notifyChanges(locals.pb, params.id);
		return { saved: queued > 0 ? ('notified' as const) : ('nothingNew' as const) };
	}
};
