import { fail } from '@sveltejs/kit';
import {
	loadMinutes,
	parseFollowUpForm,
	parseItemForm,
	publishMinutes,
	removeFollowUp,
	saveFollowUp,
	saveItem,
	saveMinutesDate
} from '$lib/server/minutes';
import { loadOverview } from '$lib/server/overview';
import { kickReminders } from '$lib/server/reminders/engine';
import { minutes as m } from '$lib/messages/da-minutes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	// Both guard the page (the overview lets the group's leaders in; the editor only its secretariat).
	const [editor, overview] = await Promise.all([
		loadMinutes(locals.pb, params.id, locals.user!.id),
		loadOverview(locals.pb, params.id, locals.user!.id)
	]);
	return {
		meeting: editor.meeting,
		/** Each agenda item with its Referat and decisions, in agenda order. */
		items: editor.items,
		/** The meeting's follow-ups, of an item or of the whole meeting. */
		followUps: editor.followUps,
		/** The group's people and organisations a follow-up may be owned by. */
		owners: editor.owners,
		/** The participant block, generated from attendance (read-only here). */
		block: overview.block
	};
};

/** The editor's data for an action (the same guard as the page: a 404 for anyone but the secretariat). */
const editorFor = (locals: App.Locals, meetingId: string) => loadMinutes(locals.pb, meetingId, locals.user!.id);

export const actions: Actions = {
	saveItem: async ({ locals, params, request }) => {
		const editor = await editorFor(locals, params.id);
		const form = parseItemForm(await request.formData());
		const item = editor.items.find((i) => i.id === form.item);
		if (!item) return fail(400, { scope: form.item, errors: { form: m.errors.notSaved }, values: form });
		const result = await saveItem(locals.pb, item, form);
		if ('errors' in result) return fail(400, { scope: item.id, errors: result.errors, values: form });
		return { scope: item.id, saved: true };
	},

	saveFollowUp: async ({ locals, params, request }) => {
		const editor = await editorFor(locals, params.id);
		const form = parseFollowUpForm(await request.formData());
		const scope = form.id || `new-${form.item || 'meeting'}`;
		if (form.item && !editor.items.some((i) => i.id === form.item)) {
			return fail(400, { scope, errors: { form: m.errors.notSaved }, followUp: form });
		}
		const result = await saveFollowUp(locals.pb, params.id, editor.followUps, form);
		if ('errors' in result) return fail(400, { scope, errors: result.errors, followUp: form });
		return { scope, saved: true };
	},

	removeFollowUp: async ({ locals, params, request }) => {
		const editor = await editorFor(locals, params.id);
		const id = String((await request.formData()).get('id') ?? '');
		await removeFollowUp(locals.pb, editor.followUps, id);
		return { scope: 'followups', saved: true };
	},

	saveDate: async ({ locals, params, request }) => {
		await editorFor(locals, params.id);
		const date = String((await request.formData()).get('minutes_date') ?? '').trim();
		const result = await saveMinutesDate(locals.pb, params.id, date);
		if ('errors' in result) return fail(400, { scope: 'date', errors: result.errors, date });
		return { scope: 'date', saved: true };
	},

	publish: async ({ locals, params, request }) => {
		const editor = await editorFor(locals, params.id);
		if (editor.meeting.status === 'minutes_published') return { scope: 'publish', published: true };
		if ((await request.formData()).get('confirm') !== 'yes') return { scope: 'publish', confirmPublish: true };
		const result = await publishMinutes(locals.pb, params.id);
		if ('errors' in result) return fail(400, { scope: 'publish', errors: result.errors });
		// The notifications are queued in the outbox: the engine sends them now, not at its next round.
		kickReminders();
		return { scope: 'publish', published: true };
	}
};
