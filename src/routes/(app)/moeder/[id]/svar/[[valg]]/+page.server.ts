import { error, fail, redirect } from '@sveltejs/kit';
import { safeRedirect } from '$lib/server/auth';
import { parseAnswer } from '$lib/server/answer-form';
import { checkDelivery, isOpen, loadMeetingAnswers, saveAnswer } from '$lib/server/attendance';
import { readDelivery, type Delivery } from '$lib/server/delivery';
import { isLeader, listMembers, roleIn } from '$lib/server/memberships';
import { afterSaving } from '$lib/attendance/saved';
import { describeAnswer, type AnswerRecord } from '$lib/attendance/answers';
import { t } from '$lib/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The meeting, whose answer this is (the user's own, or a member's for the secretariat) and their answer. */
async function context({ locals, params, url }: Pick<RequestEvent, 'locals' | 'params' | 'url'>, forId: string | null) {
	const user = locals.user!;
	const data = await loadMeetingAnswers(locals.pb, params.id);
	const role = await roleIn(locals.pb, user.id, data.meeting.group);
	if (!role) error(404, { message: t.attendance.errors.notAllowed });
	let subject = { id: user.id, name: user.name };
	if (forId && forId !== user.id) {
		if (role !== 'secretariat') error(404, { message: t.errors.notFound });
		const member = (await listMembers(locals.pb, 'group = {:groupId}', { groupId: data.meeting.group })).find(
			(m) => m.expand?.user?.id === forId
		);
		if (!member?.expand?.user) error(404, { message: t.errors.notFound });
		subject = { id: forId, name: member.expand.user.name };
	}
	const onBehalf = subject.id !== user.id;
	return {
		...data,
		subject,
		onBehalf,
		answer: data.answers.find((a) => a.user === subject.id),
		// The secretariat may change answers after the lock.
		open:
			isOpen({ ...data.meeting, attendance_deadline: data.meeting.attendanceDeadline }) ||
			(onBehalf && role === 'secretariat'),
		leader: isLeader(role),
		returnTo: safeRedirect(url.searchParams.get('til') ?? `/moeder/${params.id}`)
	};
}

/** The lock's message; for an answer that waited in the outbox, also what now holds. */
function lockedMessage(answer: AnswerRecord | undefined, delivery: Delivery) {
	return delivery.queuedAt ? t.outbox.locked(answer ? describeAnswer(answer) : null) : t.attendance.errors.locked;
}

export const load: PageServerLoad = async (event) => {
	const c = await context(event, event.url.searchParams.get('for'));
	const preset = { suppleant: 'substitute', delvist: 'partial' }[event.params.valg ?? ''] ?? null;
	return {
		meeting: c.meeting,
		items: c.items,
		/** Whose answer the form is for, when the secretariat answers on a member's behalf. */
		onBehalf: c.onBehalf ? c.subject : null,
		/** The answer; its note only for the person who wrote it (the hook keeps no one else's). */
		answer: c.answer
			? { ...c.answer, note: c.answer.answered_by === event.locals.user!.id ? c.answer.note : '' }
			: null,
		open: c.open,
		/** The answer kind chosen by the link that led here ("Afbud med suppleant", "Deltager delvist"). */
		preset,
		returnTo: c.returnTo
	};
};

export const actions: Actions = {
	save: async (event) => {
		const form = await event.request.formData();
		const c = await context(event, String(form.get('for') ?? '') || null);
		const { values, errors, record } = parseAnswer(form, c.meeting);
		const done = () =>
			redirect(
				303,
				afterSaving(safeRedirect(String(form.get('til') ?? '') || `/moeder/${c.meeting.id}`), c.meeting.id)
			);
		const delivery = readDelivery(form);
		const check = checkDelivery(c.answer, delivery, event.locals.user!.id);
		if (check && 'replay' in check) done();
		if (check && 'refused' in check) return fail(400, { values, errors: { form: check.refused } });
		if (Object.keys(errors).length) return fail(400, { values, errors });
		if (!c.open) return fail(400, { values, errors: { form: lockedMessage(c.answer, delivery) } });
		const refused = await saveAnswer(event.locals.pb, c.meeting.id, c.subject.id, c.answer, record, delivery.clientId);
		if (Object.keys(refused).length) return fail(400, { values, errors: refused });
		done();
	},

	/**
	 * One tap from home or the meeting page: attending or absent. It sends no note: the hook clears a
	 * note that explained another answer or was written by someone else.
	 */
	quick: async (event) => {
		const form = await event.request.formData();
		const c = await context(event, null);
		const status = String(form.get('status') ?? '');
		const refuse = (message: string) => fail(400, { quick: { meeting: c.meeting.id, error: message } });
		const done = () =>
			redirect(
				303,
				afterSaving(safeRedirect(String(form.get('til') ?? '') || `/moeder/${c.meeting.id}`), c.meeting.id)
			);
		const delivery = readDelivery(form);
		const check = checkDelivery(c.answer, delivery, event.locals.user!.id);
		if (check && 'replay' in check) done();
		if (check && 'refused' in check) return refuse(check.refused);
		if (status !== 'attending' && status !== 'absent') return refuse(t.attendance.errors.status);
		if (!c.open) return refuse(lockedMessage(c.answer, delivery));
		const refused = await saveAnswer(
			event.locals.pb,
			c.meeting.id,
			c.subject.id,
			c.answer,
			{ status, substitute_name: '', substitute_title: '', substitute_email: '', arrives: '', leaves: '' },
			delivery.clientId
		);
		if (Object.keys(refused).length) return refuse(Object.values(refused)[0] ?? t.errors.generic);
		done();
	}
};
