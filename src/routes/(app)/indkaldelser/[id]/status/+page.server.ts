import { error, fail } from '@sveltejs/kit';
import { ClientResponseError } from 'pocketbase';
import { deadlineAt } from '$lib/server/call-form';
import { closeCall, extendCall, loadTracker, reopenCall, sendCallReminders } from '$lib/server/nomination-tracker';
import { t } from '$lib/messages';
import { nominationAdmin } from '$lib/messages/da-nomination-admin';
import { kickReminders } from '$lib/server/reminders/engine';
import { remindedForCall } from '$lib/server/reminders/who';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const o = await loadTracker(locals.pb, params.id, locals.user!.id);
	return {
		call: o.call,
		rows: o.rows,
		counts: o.counts,
		/** Only the secretariat reminds, nominates on behalf, closes and composes; chairs read. */
		isSecretariat: o.isSecretariat,
		lastReminder: o.lastReminder,
		/** Who was reminded, how and when, and what is planned next (secretariat only). */
		reminded: o.isSecretariat ? await remindedForCall(locals.pb, params.id) : null
	};
};

/** The tracker for the group's secretariat; a Danish 404 for anyone else. */
async function secretariat(locals: App.Locals, callId: string) {
	const o = await loadTracker(locals.pb, callId, locals.user!.id);
	if (!o.isSecretariat) error(404, { message: nominationAdmin.notFound });
	return o;
}

type Refusal = Record<string, { code?: string; message?: string }>;

/** PocketBase's refusal of a nomination as the on-behalf form's messages, by field. */
function nominationErrors(err: ClientResponseError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const [field, problem] of Object.entries((err.response?.data ?? {}) as Refusal)) {
		errors[field] = problem.code?.startsWith('validation_')
			? nominationAdmin.errors.invalid
			: (problem.message ?? nominationAdmin.errors.invalid);
	}
	if (!Object.keys(errors).length) errors.form = String(err.response?.message || t.errors.generic);
	return errors;
}

/** PocketBase's message for one field of a refused change, else its general message. */
function refusalMessage(err: ClientResponseError, field: string): string {
	const problem = (err.response?.data as Refusal | undefined)?.[field];
	return problem?.message ?? String(err.response?.message || t.errors.generic);
}

/** A new deadline from the extend form: a date alone is the end of that day in Copenhagen. */
function readDeadline(form: FormData) {
	const date = String(form.get('deadline_date') ?? '').trim();
	const time = String(form.get('deadline_time') ?? '').trim();
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { error: nominationAdmin.errors.deadlineRequired };
	if (time && !/^\d{1,2}[:.]\d{2}$/.test(time)) return { error: nominationAdmin.errors.deadlineTime };
	const at = deadlineAt(date, time.replace('.', ':'));
	if (Number.isNaN(at.getTime())) return { error: nominationAdmin.errors.deadlineRequired };
	if (at <= new Date()) return { error: nominationAdmin.errors.deadlinePast };
	return { at };
}

export const actions: Actions = {
	remind: async ({ locals, params, request }) => {
		await secretariat(locals, params.id);
		const confirmed = (await request.formData()).get('confirm') === 'yes';
		try {
			const { sent, recipients } = await sendCallReminders(locals.pb, params.id, confirmed);
			// Queued in the outbox: the engine sends them now rather than at its next round.
			if (sent) kickReminders();
			return { reminded: { sent, recipients } };
		} catch (err) {
			// A round within a day of the last: ask before mailing everyone again.
			if (err instanceof ClientResponseError && err.status === 409) return fail(409, { confirmRemind: true });
			if (err instanceof ClientResponseError && err.status === 400) {
				return fail(400, { remindError: String(err.response?.message ?? t.errors.generic) });
			}
			throw err;
		}
	},

	onBehalf: async ({ locals, params, request }) => {
		const o = await secretariat(locals, params.id);
		const form = await request.formData();
		const text = (name: string) => String(form.get(name) ?? '').trim();
		const values = {
			organization: text('organization'),
			forum: text('forum'),
			kind: text('kind') === 'none' ? 'none' : 'nominee',
			nominee_name: text('nominee_name'),
			nominee_title: text('nominee_title'),
			nominee_email: text('nominee_email'),
			nominee_phone: text('nominee_phone')
		};
		const m = nominationAdmin.errors;
		const errors: Record<string, string> = {};
		const org = o.rows.find((r) => r.organization.id === values.organization)?.organization;
		if (!org) errors.organization = m.organizationRequired;
		if (values.kind === 'nominee') {
			if (!o.call.fora.some((f) => f.id === values.forum)) errors.forum = m.forumRequired;
			if (!values.nominee_name) errors.nominee_name = m.nameRequired;
		}
		if (Object.keys(errors).length) return fail(400, { onBehalf: { values, errors } });
		try {
			await locals.pb
				.collection('nominations')
				.create(
					values.kind === 'none'
						? { call: params.id, organization: values.organization, kind: 'none' }
						: { ...values, call: params.id }
				);
		} catch (err) {
			if (!(err instanceof ClientResponseError) || err.status >= 500) throw err;
			return fail(400, { onBehalf: { values, errors: nominationErrors(err) } });
		}
		return {
			onBehalfSaved:
				values.kind === 'none'
					? nominationAdmin.onBehalfNoneSaved(org!.name)
					: nominationAdmin.onBehalfSaved(values.nominee_name, org!.name)
		};
	},

	close: async ({ locals, params }) => {
		await secretariat(locals, params.id);
		await closeCall(locals.pb, params.id);
		return { statusChanged: nominationAdmin.closed };
	},

	reopen: async ({ locals, params }) => {
		await secretariat(locals, params.id);
		try {
			await reopenCall(locals.pb, params.id);
		} catch (err) {
			// A deadline that has passed: the hooks ask for a new one, which the extend form gives.
			if (!(err instanceof ClientResponseError) || err.status >= 500) throw err;
			return fail(400, { extendError: refusalMessage(err, 'deadline') });
		}
		return { statusChanged: nominationAdmin.reopened };
	},

	extend: async ({ locals, params, request }) => {
		await secretariat(locals, params.id);
		const deadline = readDeadline(await request.formData());
		if ('error' in deadline) return fail(400, { extendError: deadline.error });
		try {
			await extendCall(locals.pb, params.id, deadline.at!);
		} catch (err) {
			if (!(err instanceof ClientResponseError) || err.status >= 500) throw err;
			return fail(400, { extendError: refusalMessage(err, 'deadline') });
		}
		return { extended: deadline.at!.toISOString() };
	}
};
