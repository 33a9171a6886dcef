// The secretariat's meeting header and agenda editor (issue 10): the "Nyt møde" template, reading
// and checking the header form, adding items, reordering and removing them through the editor's
// hook route (one transaction), publishing and notifying members of changes. Every write goes as
// the user (`locals.pb`); PocketBase's rules and hooks decide, and their Danish messages land
// beside the field through `fieldErrors`.
import type { ClientResponseError } from 'pocketbase';
import { atLocalTime, localDateKey, parseInstant, toPocketBaseDate, toTimeInput, zonedToInstant } from '$lib/dates';
import { proposeNextStart } from '$lib/agenda/template';
import { MAX_DURATION } from '$lib/agenda/slots';
import { editor } from '$lib/messages/da-editor';
import type { AgendaItemsRecord, MeetingsRecord, TypedPocketBase } from '$lib/pocketbase-types';
import { fieldErrors } from './answer-form';
import { listMembers } from './memberships';

export const HEADER_FIELDS = [
	'title',
	'date',
	'start_time',
	'end_time',
	'location_room',
	'location_address',
	'location_note',
	'catering',
	'chair',
	'minute_takers',
	'attendance_days_before',
	'share_with_chairs'
] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

/** The header form as typed (strings), shown again when it is refused. */
export interface HeaderValues {
	title: string;
	date: string;
	start_time: string;
	end_time: string;
	location_room: string;
	location_address: string;
	location_note: string;
	catering: string;
	chair: string;
	minute_takers: string[];
	attendance_days_before: string;
	share_with_chairs: boolean;
}

export type FormErrors = Partial<Record<string, string>>;

/** A person the secretariat may pick as chair or minute taker: the group's members now. */
export interface PersonChoice {
	id: string;
	name: string;
}

type MeetingRow = Pick<
	MeetingsRecord,
	| 'id'
	| 'group'
	| 'title'
	| 'status'
	| 'starts'
	| 'ends'
	| 'location_room'
	| 'location_address'
	| 'location_note'
	| 'catering'
	| 'chair'
	| 'minute_takers'
	| 'attendance_days_before'
	| 'share_with_chairs'
	| 'published_at'
	| 'agenda_changed_at'
	| 'agenda_notified_at'
	| 'agenda_changes'
>;
const MEETING_FIELDS =
	'id,group,title,status,starts,ends,location_room,location_address,location_note,catering,chair,minute_takers,' +
	'attendance_days_before,share_with_chairs,published_at,agenda_changed_at,agenda_notified_at,agenda_changes';

/** An item as the editor lists it. */
export type EditorItem = Pick<
	AgendaItemsRecord,
	'id' | 'position' | 'title' | 'kind' | 'presenter' | 'duration_minutes' | 'starts' | 'ends' | 'changes'
>;

/** The header form's values for a stored meeting (or a template taken from one). */
export function headerValues(m: MeetingRow, starts?: Date): HeaderValues {
	const from = starts ?? parseInstant(m.starts)!;
	const length = (parseInstant(m.ends)?.getTime() ?? from.getTime()) - (parseInstant(m.starts)?.getTime() ?? 0);
	const to = new Date(from.getTime() + Math.max(length, 0));
	return {
		title: m.title,
		date: localDateKey(from),
		start_time: toTimeInput(from),
		end_time: toTimeInput(to),
		location_room: m.location_room ?? '',
		location_address: m.location_address ?? '',
		location_note: m.location_note ?? '',
		catering: m.catering ?? '',
		chair: m.chair ?? '',
		minute_takers: m.minute_takers ?? [],
		attendance_days_before: m.attendance_days_before ? String(m.attendance_days_before) : '',
		share_with_chairs: !!m.share_with_chairs
	};
}

/** The people of a group the secretariat may name as chair or minute taker, by name. */
export async function groupPeople(pb: TypedPocketBase, groupId: string): Promise<PersonChoice[]> {
	const rows = await listMembers(pb, 'group = {:groupId}', { groupId });
	const people = new Map<string, string>();
	for (const r of rows) {
		const user = r.expand?.user;
		if (user) people.set(user.id, user.name);
	}
	return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/**
 * The "Nyt møde" form for a group: the header of its last meeting with the next date proposed (same
 * weekday and time; the last interval, else eight weeks; never in the past). Empty values and no
 * template for a group without meetings.
 */
export async function templateFor(pb: TypedPocketBase, groupId: string, now = new Date()) {
	const last = await pb.collection('meetings').getList<MeetingRow>(1, 2, {
		filter: pb.filter('group = {:groupId}', { groupId }),
		sort: '-starts',
		fields: MEETING_FIELDS,
		skipTotal: true
	});
	const [latest] = last.items;
	if (!latest) {
		const values: HeaderValues = {
			title: '',
			date: '',
			start_time: '',
			end_time: '',
			location_room: '',
			location_address: '',
			location_note: '',
			catering: '',
			chair: '',
			minute_takers: [],
			attendance_days_before: '',
			share_with_chairs: false
		};
		return { values, template: null };
	}
	const next = proposeNextStart(
		last.items.map((m) => parseInstant(m.starts)!),
		now
	)!;
	return {
		values: { ...headerValues(latest, next), share_with_chairs: false },
		template: { title: latest.title, starts: latest.starts }
	};
}

/** Reads and checks the header form (what needs no server); the record to save, or errors. */
export function parseHeader(form: FormData) {
	const text = (name: string) => String(form.get(name) ?? '').trim();
	const values: HeaderValues = {
		title: text('title'),
		date: text('date'),
		start_time: text('start_time'),
		end_time: text('end_time'),
		location_room: text('location_room'),
		location_address: text('location_address'),
		location_note: text('location_note'),
		catering: text('catering'),
		chair: text('chair'),
		minute_takers: form.getAll('minute_takers').map(String).filter(Boolean),
		attendance_days_before: text('attendance_days_before'),
		share_with_chairs: form.get('share_with_chairs') === 'on'
	};
	const errors: FormErrors = {};
	if (!values.title) errors.title = editor.errors.title;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) errors.date = editor.errors.date;
	const at = (time: string, field: 'start_time' | 'end_time') => {
		if (errors.date) return null;
		const instant = /^\d{1,2}[:.]\d{2}$/.test(time) ? atLocalTime(zonedToInstant(values.date, '12:00'), time) : null;
		if (!instant) errors[field] = editor.errors.time;
		return instant;
	};
	const starts = at(values.start_time, 'start_time');
	const ends = at(values.end_time, 'end_time');
	const days = values.attendance_days_before;
	if (days && !(/^\d{1,2}$/.test(days) && Number(days) <= 60)) errors.attendance_days_before = editor.errors.daysBefore;
	const record = {
		title: values.title,
		starts: starts ? toPocketBaseDate(starts) : '',
		ends: ends ? toPocketBaseDate(ends) : '',
		location_room: values.location_room,
		location_address: values.location_address,
		location_note: values.location_note,
		catering: values.catering,
		chair: values.chair,
		minute_takers: values.minute_takers,
		attendance_days_before: days ? Number(days) : null,
		share_with_chairs: values.share_with_chairs
	};
	return { values, errors, record };
}

/** PocketBase's record fields → the form's fields (a refused end shows beside "Slutter kl."). */
const RECORD_TO_FORM: Record<string, HeaderField> = {
	starts: 'start_time',
	ends: 'end_time',
	attendance_deadline: 'attendance_days_before'
};

/** A refused header save as messages beside the form's fields. */
export function headerErrors(err: ClientResponseError): FormErrors {
	const data = (err.response?.data ?? {}) as Record<string, unknown>;
	const renamed: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(data)) renamed[RECORD_TO_FORM[k] ?? k] = v;
	const copy = Object.assign(Object.create(Object.getPrototypeOf(err)) as ClientResponseError, err, {
		response: { ...err.response, data: renamed }
	});
	return fieldErrors(copy, HEADER_FIELDS, { own: () => editor.errors.required, refused: editor.errors.notSaved });
}

/** The editor's read: the meeting, its items in order, and the people to choose from. */
export async function loadEditor(pb: TypedPocketBase, meetingId: string, groupId: string) {
	const [meeting, items, people] = await Promise.all([
		pb.collection('meetings').getOne<MeetingRow>(meetingId, { fields: MEETING_FIELDS }),
		pb.collection('agenda_items').getFullList<EditorItem>({
			filter: pb.filter('meeting = {:meetingId}', { meetingId }),
			sort: 'position',
			fields: 'id,position,title,kind,presenter,duration_minutes,starts,ends,changes'
		}),
		groupPeople(pb, groupId)
	]);
	return { meeting, items, people };
}

export const ITEM_FIELDS = ['title', 'duration_minutes', 'kind', 'presenter'] as const;
const KINDS = ['decision', 'discussion', 'orientation', 'written'];

/** Reads the "Tilføj punkt" form: the item to create, or errors. */
export function parseNewItem(form: FormData) {
	const text = (name: string) => String(form.get(name) ?? '').trim();
	const values = {
		title: text('title'),
		duration_minutes: text('duration_minutes'),
		kind: KINDS.includes(text('kind')) ? text('kind') : 'discussion',
		presenter: text('presenter').replace(/^v\/\s*/i, '')
	};
	const errors: FormErrors = {};
	if (!values.title) errors.title = editor.errors.title;
	// 0 and over four hours are the hook's to refuse (one rule, one message); here only the form.
	if (values.duration_minutes && !/^\d{1,4}$/.test(values.duration_minutes)) {
		errors.duration_minutes = editor.errors.duration;
	}
	return { values, errors };
}

/** Adds an item at the end of the agenda. */
export async function addItem(
	pb: TypedPocketBase,
	meetingId: string,
	values: ReturnType<typeof parseNewItem>['values'],
	lastPosition: number
): Promise<FormErrors | null> {
	try {
		await pb.collection('agenda_items').create({
			meeting: meetingId,
			position: lastPosition + 1,
			title: values.title,
			kind: values.kind,
			presenter: values.presenter,
			// Sent only when given: an item without a duration has no slot.
			...(values.duration_minutes ? { duration_minutes: Number(values.duration_minutes) } : {})
		});
		return null;
	} catch (err) {
		return fieldErrors(err as ClientResponseError, ITEM_FIELDS, {
			own: (code, field) => (field === 'duration_minutes' ? editor.errors.duration : editor.errors.required),
			refused: editor.errors.notSaved
		});
	}
}

/**
 * Stores the agenda's order and removals in one step (pb_hooks/lib/editor.js). False when the
 * agenda changed meanwhile (the page is read again).
 */
export async function saveAgenda(pb: TypedPocketBase, meetingId: string, order: string[], remove: string[] = []) {
	try {
		await pb.send(`/api/klynge/meetings/${encodeURIComponent(meetingId)}/agenda`, {
			method: 'POST',
			body: { order, remove }
		});
		return true;
	} catch (err) {
		if ((err as ClientResponseError).status === 400) return false;
		throw err;
	}
}

/** The order after moving `itemId` one step up (-1) or down (+1); null when it cannot move. */
export function moved(ids: string[], itemId: string, step: -1 | 1): string[] | null {
	const i = ids.indexOf(itemId);
	const j = i + step;
	if (i < 0 || j < 0 || j >= ids.length) return null;
	const next = [...ids];
	[next[i], next[j]] = [next[j], next[i]];
	return next;
}

/** "Udsend dagsorden": the meeting becomes published (the hooks stamp it and notify once). */
export async function publish(pb: TypedPocketBase, meetingId: string) {
	await pb.collection('meetings').update(meetingId, { status: 'published' });
}

/** "Giv medlemmerne besked om ændringerne": how many were notified (0 on a second tap). */
export async function notifyChanges(pb: TypedPocketBase, meetingId: string): Promise<number> {
	const res = await pb.send<{ queued: number }>(
		`/api/klynge/meetings/${encodeURIComponent(meetingId)}/notify-changes`,
		{
			method: 'POST'
		}
	);
	return res.queued;
}

export { MAX_DURATION };
