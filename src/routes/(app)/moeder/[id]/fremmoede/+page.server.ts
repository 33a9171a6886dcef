import { error, fail } from '@sveltejs/kit';
import { ClientResponseError } from 'pocketbase';
import { loadOverview, sendReminders } from '$lib/server/overview';
import { isRecordId } from '$lib/server/errors';
import { t } from '$lib/messages';
import { kickReminders } from '$lib/server/reminders/engine';
import { remindedForMeeting } from '$lib/server/reminders/who';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const o = await loadOverview(locals.pb, params.id, locals.user!.id);
	return {
		/** Who was reminded, how and when, and what is planned next (secretariat only). */
		reminded: o.isSecretariat ? await remindedForMeeting(locals.pb, params.id) : null,
		meeting: o.meeting,
		blocks: o.blocks,
		counts: o.counts,
		unanswered: o.unanswered,
		guests: o.guests,
		/** The minutes' participant block, in the seed minutes' format. */
		block: o.block,
		/** Only the secretariat sends reminders, answers for members and manages guests. */
		isSecretariat: o.isSecretariat,
		/** When the members were last reminded, by whom and whom (secretariat only). */
		lastReminder: o.lastReminder
	};
};

/** The secretariat's own actions; PocketBase checks the same through its rules and the route. */
async function secretariat(locals: App.Locals, meetingId: string) {
	const o = await loadOverview(locals.pb, meetingId, locals.user!.id);
	if (!o.isSecretariat) error(404, { message: t.errors.meetingNotFound });
	return o;
}

export const actions: Actions = {
	remind: async ({ locals, params, request }) => {
		await secretariat(locals, params.id);
		const confirmed = (await request.formData()).get('confirm') === 'yes';
		try {
			const { sent } = await sendReminders(locals.pb, params.id, confirmed);
			// Queued in the outbox: the engine sends them now rather than at its next round.
			if (sent.length) kickReminders();
			return { reminded: sent };
		} catch (err) {
			// A round within a day of the last: ask before mailing everyone again.
			if (err instanceof ClientResponseError && err.status === 409) return fail(409, { confirmRemind: true });
			if (err instanceof ClientResponseError && err.status === 400) {
				return fail(400, { remindError: String(err.response?.message ?? t.errors.generic) });
			}
			throw err;
		}
	},

	addGuest: async ({ locals, params, request }) => {
		await secretariat(locals, params.id);
		const form = await request.formData();
		const values = {
			name: String(form.get('name') ?? '').trim(),
			title: String(form.get('title') ?? '').trim(),
			organization: String(form.get('organization') ?? '').trim()
		};
		if (!values.name) return fail(400, { guest: { values, errors: { name: t.overview.guestNameRequired } } });
		if (Object.values(values).some((v) => v.length > 200)) {
			return fail(400, { guest: { values, errors: { name: t.attendance.errors.invalid } } });
		}
		await locals.pb.collection('meeting_guests').create({
			meeting: params.id,
			name: values.name,
			title: values.title,
			organization_name: values.organization
		});
		return { guestAdded: values.name };
	},

	removeGuest: async ({ locals, params, request }) => {
		await secretariat(locals, params.id);
		const id = String((await request.formData()).get('id') ?? '');
		if (!isRecordId(id)) error(404, { message: t.errors.notFound });
		await locals.pb.collection('meeting_guests').delete(id);
		return { guestRemoved: true };
	}
};
