// The answer form: reading it, and showing PocketBase's refusals beside the fields. PocketBase's
// hooks (pb_hooks/lib/attendance.js) are the authority for what a valid answer is and say why in
// Danish; this form checks only what needs no server: a chosen answer and readable clock times.
import { ClientResponseError } from 'pocketbase';
import { atLocalTime, parseInstant, toPocketBaseDate } from '$lib/dates';
import { t } from '$lib/messages';
import { isStatus, type AttendanceStatus } from '$lib/attendance/answers';

const FIELDS = ['status', 'substitute_name', 'substitute_email', 'arrives', 'leaves', 'note'] as const;

export type AnswerErrors = Partial<Record<(typeof FIELDS)[number] | 'form', string>>;

/** The form's fields as typed, shown again when the answer is refused. */
export type AnswerValues = Record<(typeof FIELDS)[number] | 'substitute_title', string>;

/**
 * Reads the answer form. Times are wall-clock times ("09.35") on the meeting's day in Copenhagen,
 * turned into instants here; whether they lie within the meeting is the hook's to say.
 */
export function parseAnswer(form: FormData, meeting: { starts: string }) {
	const text = (name: string) => String(form.get(name) ?? '').trim();
	const values: AnswerValues = {
		status: text('status'),
		substitute_name: text('substitute_name'),
		substitute_title: text('substitute_title'),
		substitute_email: text('substitute_email'),
		arrives: text('arrives'),
		leaves: text('leaves'),
		note: String(form.get('note') ?? '')
	};
	const errors: AnswerErrors = {};
	if (!isStatus(values.status)) errors.status = t.attendance.errors.status;
	const partial = values.status === 'partial';
	const day = parseInstant(meeting.starts)!;
	const clock = (field: 'arrives' | 'leaves') => {
		if (!partial || !values[field]) return '';
		const at = atLocalTime(day, values[field]);
		if (!at) errors[field] = t.attendance.errors.time;
		return at ? toPocketBaseDate(at) : '';
	};
	const substitute = values.status === 'substitute';
	const record = {
		status: values.status as AttendanceStatus,
		substitute_name: substitute ? values.substitute_name : '',
		substitute_title: substitute ? values.substitute_title : '',
		substitute_email: substitute ? values.substitute_email : '',
		arrives: clock('arrives'),
		leaves: clock('leaves'),
		note: values.note
	};
	return { values, errors, record };
}

/**
 * The one mapping from a refused answer to the form's messages: the hooks' Danish messages beside
 * their fields, PocketBase's own (English) field checks as "Tjek feltet.", and a refusal that names
 * no field (a rule: the lock, or no right to answer) as the lock message.
 */
export function answerErrors(err: ClientResponseError): AnswerErrors {
	const data = (err.response?.data ?? {}) as Record<string, { message?: string; code?: string }>;
	const errors: AnswerErrors = {};
	for (const name of FIELDS) {
		if (data[name])
			errors[name] = data[name].code?.startsWith('validation_') ? t.attendance.errors.invalid : data[name].message;
	}
	if (!Object.keys(errors).length) {
		errors.form = err.status === 404 || err.status === 400 ? t.attendance.errors.locked : t.errors.generic;
	}
	return errors;
}

/** PocketBase's own (English) refusals, e.g. "Failed to create record." */
const POCKETBASE_DEFAULT = /^(Failed|The requested|Something|Only|An error|Missing|Invalid|Forbidden)/;

/**
 * The same mapping for any form: the hooks' Danish messages beside `fields`, PocketBase's own
 * (English) field checks as the Danish text `own(code, field)` gives, and a refusal that names no
 * field as `refused`.
 */
export function fieldErrors<F extends string>(
	err: ClientResponseError,
	fields: readonly F[],
	messages: { own: (code: string, field: F) => string; refused: string }
): Partial<Record<F | 'form', string>> {
	const data = (err.response?.data ?? {}) as Record<string, { message?: string; code?: string }>;
	const errors: Partial<Record<F | 'form', string>> = {};
	for (const name of fields) {
		const found = data[name];
		if (!found) continue;
		errors[name] = found.code?.startsWith('validation_') ? messages.own(found.code, name) : found.message;
	}
	if (!Object.keys(errors).length) {
		// A hook's own Danish refusal is shown as it is; PocketBase's English defaults are not.
		const message = String(err.response?.message ?? '');
		errors.form =
			err.status >= 500 ? t.errors.generic : message && !POCKETBASE_DEFAULT.test(message) ? message : messages.refused;
	}
	return errors;
}
