import { fail } from '@sveltejs/kit';
import { ClientResponseError } from 'pocketbase';
import { requireSecretariatOfMeeting } from '$lib/server/workspace';
import {
	bodyTooLarge,
	itemErrors,
	listAttachments,
	readItem,
	readItemForm,
	removeAttachment,
	renameAttachment,
	uploadAttachment
} from '$lib/server/item-editor';
import { itemEditor } from '$lib/messages/da-item-editor';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The meeting and the item, for the group's secretariat only (a Danish 404 for everyone else). */
async function context({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	const meeting = await requireSecretariatOfMeeting(locals.pb, locals.user!.id, params.id);
	return { meeting, item: await readItem(locals.pb, meeting.id, params.item) };
}

export const load: PageServerLoad = async (event) => {
	const { meeting, item } = await context(event);
	return {
		meeting: { id: meeting.id, title: meeting.title, status: meeting.status },
		item: {
			id: item.id,
			position: item.position,
			title: item.title,
			kind: item.kind,
			duration_minutes: item.duration_minutes ? String(item.duration_minutes) : '',
			presenter: item.presenter,
			recommendation: item.recommendation,
			background: item.background
		},
		/** Each file with its title, kind and size. */
		attachments: await listAttachments(event.locals.pb, item)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { item } = await context(event);
		const { values, errors, record } = readItemForm(await event.request.formData());
		if (Object.keys(errors).length) return fail(400, { action: 'save', values, errors });
		try {
			await event.locals.pb.collection('agenda_items').update(item.id, record);
		} catch (err) {
			if (!(err instanceof ClientResponseError) || err.status >= 500 || err.status === 0) throw err;
			return fail(400, { action: 'save', values, errors: itemErrors(err) });
		}
		return { action: 'save', message: itemEditor.saved };
	},

	// The form without JavaScript; with it, the page sends the file to ./bilag for the progress bar.
	upload: async (event) => {
		const { item } = await context(event);
		if (bodyTooLarge(event.request.headers)) {
			return fail(413, { action: 'upload', errors: { file: itemEditor.errors.requestTooLarge } });
		}
		const form = await event.request.formData();
		const file = form.get('file');
		const title = String(form.get('title') ?? '');
		const result = await uploadAttachment(event.locals.pb, item.id, file instanceof File ? file : null, title);
		if ('errors' in result) return fail(400, { action: 'upload', errors: result.errors, values: { title } });
		return { action: 'upload', message: itemEditor.attachments.uploaded(result.title) };
	},

	rename: async (event) => {
		const { item } = await context(event);
		const form = await event.request.formData();
		const file = String(form.get('file') ?? '');
		const result = await renameAttachment(event.locals.pb, item, file, String(form.get('title') ?? ''));
		if ('errors' in result) return fail(400, { action: 'rename', file, errors: result.errors });
		return { action: 'rename', message: itemEditor.attachments.renamed(result.title) };
	},

	remove: async (event) => {
		const { item } = await context(event);
		const file = String((await event.request.formData()).get('file') ?? '');
		const result = await removeAttachment(event.locals.pb, item, file);
		if ('errors' in result) return fail(400, { action: 'remove', file, errors: result.errors });
		return { action: 'remove', message: itemEditor.attachments.removed(result.title) };
	}
};
