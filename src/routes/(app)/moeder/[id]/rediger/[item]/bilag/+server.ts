import { json } from '@sveltejs/kit';
import { requireSecretariatOfMeeting } from '$lib/server/workspace';
import { bodyTooLarge, readItem, uploadAttachment } from '$lib/server/item-editor';
import { itemEditor } from '$lib/messages/da-item-editor';
import type { RequestHandler } from './$types';

// The editor's upload with a progress bar: the page sends one file here with XMLHttpRequest (whose
// upload events give the progress) and gets JSON back. The file goes on to PocketBase as the user;
// a body announced as too large is answered before it is read.
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const meeting = await requireSecretariatOfMeeting(locals.pb, locals.user!.id, params.id);
	const item = await readItem(locals.pb, meeting.id, params.item);
	if (bodyTooLarge(request.headers)) {
		return json({ errors: { file: itemEditor.errors.requestTooLarge } }, { status: 413 });
	}
	const form = await request.formData();
	const file = form.get('file');
	const result = await uploadAttachment(
		locals.pb,
		item.id,
		file instanceof File ? file : null,
		String(form.get('title') ?? '')
	);
	if ('errors' in result) return json(result, { status: 400 });
	return json({ message: itemEditor.attachments.uploaded(result.title) });
};
