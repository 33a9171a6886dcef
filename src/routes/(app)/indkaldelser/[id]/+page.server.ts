import { error, fail, redirect } from '@sveltejs/kit';
import { deadlinePhrase, isOpenForMembers } from '$lib/nominations';
import {
	CallNotFound,
	alreadyStored,
	answerNone,
	changeNomination,
	loadCall,
	nominate,
	parseNomination,
	withdraw
} from '$lib/server/nominations';
import { isLeader } from '$lib/server/memberships';
import { readDelivery, wrongUser } from '$lib/server/delivery';
import { t } from '$lib/messages';
import { SAVED_PARAM, savedAt } from './saved';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function page({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	try {
		return await loadCall(locals.pb, params.id, locals.user!);
	} catch (err) {
		if (err instanceof CallNotFound) error(404, { message: t.nominations.notFound });
		throw err;
	}
}

export const load: PageServerLoad = async (event) => {
	const data = await page(event);
	return {
		...data,
		/** The secretariat and the chairs follow the answers on the tracker; the secretariat edits. */
		canTrack: isLeader(data.role),
		canEdit: data.role === 'secretariat',
		/** "Senest onsdag den 1. juli 2020 — om 5 dage", as of the request. */
		deadlineText: deadlinePhrase(data.call),
		/** Whether the call still takes changes from members (open, before the deadline). */
		open: isOpenForMembers(data.call),
		/** What was just saved, for the confirmation beside it ("forum:<id>", "none", "withdrawn:<forum>"). */
		saved: event.url.searchParams.get(SAVED_PARAM)
	};
};

/** A refused form, shown again in the block (`at`: a forum id, "none" or a nomination id) it came from. */
const refuse = (at: string, values: Record<string, string>, errors: Record<string, string | undefined>) =>
	fail(400, { at, values, errors });

export const actions: Actions = {
	nominate: async (event) => {
		const data = await page(event);
		const form = await event.request.formData();
		const { values, errors, record } = parseNomination(form, data);
		const delivery = readDelivery(form);
		const other = wrongUser(delivery, event.locals.user!.id);
		if (other) return refuse(values.forum, values, { form: other });
		// A replay whose first response was lost: already stored, even if the deadline has passed since.
		if (delivery.clientId && (await alreadyStored(event.locals.pb, delivery.clientId, data, event.locals.user!)))
			redirect(303, savedAt(data.call.id, `forum:${values.forum}`));
		if (!data.canNominate) return refuse(values.forum, values, { form: t.nominations.errors.closed });
		if (Object.keys(errors).length || !record) return refuse(values.forum, values, errors);
		const refused = await nominate(event.locals.pb, data, values.forum, event.locals.user!, record, delivery.clientId);
		if (Object.keys(refused).length) return refuse(values.forum, values, refused);
		redirect(303, savedAt(data.call.id, `forum:${values.forum}`));
	},

	none: async (event) => {
		const data = await page(event);
		const delivery = readDelivery(await event.request.formData());
		const other = wrongUser(delivery, event.locals.user!.id);
		if (other) return refuse('none', {}, { form: other });
		if (delivery.clientId && (await alreadyStored(event.locals.pb, delivery.clientId, data, event.locals.user!)))
			redirect(303, savedAt(data.call.id, 'none'));
		if (!data.canNominate) return refuse('none', {}, { form: t.nominations.errors.closed });
		const refused = await answerNone(event.locals.pb, data, event.locals.user!, delivery.clientId);
		if (Object.keys(refused).length) return refuse('none', {}, refused);
		redirect(303, savedAt(data.call.id, 'none'));
	},

	change: async (event) => {
		const data = await page(event);
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		const text = (name: string) => String(form.get(name) ?? '').trim();
		const values = { id, name: text('name'), title: text('title'), email: text('email'), phone: text('phone') };
		const forum = data.fora.find((f) => f.nominees.some((n) => n.id === id));
		if (!forum) error(404, { message: t.nominations.notFound });
		if (!data.canNominate) return refuse(id, values, { form: t.nominations.errors.closed });
		const refused = await changeNomination(event.locals.pb, id, values);
		if (Object.keys(refused).length) return refuse(id, values, refused);
		redirect(303, savedAt(data.call.id, `forum:${forum.id}`));
	},

	withdraw: async (event) => {
		const data = await page(event);
		const id = String((await event.request.formData()).get('id') ?? '');
		const forum = data.fora.find((f) => f.nominees.some((n) => n.id === id));
		const isNone = id !== '' && id === data.noneId;
		if (!forum && !isNone) error(404, { message: t.nominations.notFound });
		const at = forum ? forum.id : 'none';
		if (!data.canNominate) return refuse(at, {}, { form: t.nominations.errors.closed });
		const refused = await withdraw(event.locals.pb, id);
		if (Object.keys(refused).length) return refuse(at, {}, refused);
		redirect(303, savedAt(data.call.id, forum ? `withdrawn:${forum.id}` : 'none-undone'));
	}
};
