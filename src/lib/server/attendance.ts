// Attendance as the signed-in user: their own answer, the form behind it, and the secretariat's
// overview. PocketBase's rules decide who may read and write; its hooks repeat the checks below, so
// the API holds even without these pages.
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import { error } from '@sveltejs/kit';
import { atLocalTime, formatTime, parseInstant, toPocketBaseDate } from '$lib/dates';
import { t } from '$lib/messages';
import { isStatus, type AnswerRecord, type AttendanceStatus, type TimedItem } from '$lib/attendance/answers';
import type { MembershipRecord } from '$lib/meetings';
import { isRecordId, orNotFound } from './errors';
import { many } from './expand';

export type AnswerErrors = Partial<
	Record<'status' | 'substitute_name' | 'substitute_email' | 'arrives' | 'leaves' | 'note' | 'form', string>
>;

export interface AnswerValues {
	status: string;
	substitute_name: string;
	substitute_title: string;
	substitute_email: string;
	arrives: string;
	leaves: string;
	note: string;
}

interface MeetingForAnswer {
	id: string;
	title: string;
	starts: string;
	ends: string;
	status: string;
	group: string;
	attendance_deadline: string;
	expand?: {
		group?: { name: string };
		agenda_items_via_meeting?: TimedItem[] | TimedItem;
		attendance_via_meeting?: AnswerRecord[] | AnswerRecord;
		meeting_guests_via_meeting?: {
			id: string;
			name: string;
			title: string;
			organization_name: string;
			created: string;
		}[];
	};
}

/** Whether members may still answer: a published meeting before its start and attendance deadline. */
export function isOpen(
	meeting: { status: string; starts: string; attendance_deadline: string },
	now = new Date()
): boolean {
	const starts = parseInstant(meeting.starts);
	const deadline = parseInstant(meeting.attendance_deadline);
	return meeting.status === 'published' && !!starts && starts > now && (!deadline || deadline > now);
}

/** The meeting with its timed agenda and the answers the user may see (own, or all for leaders). */
export async function loadMeetingAnswers(pb: PocketBase, meetingId: string) {
	if (!isRecordId(meetingId)) error(404, { message: t.errors.meetingNotFound });
	const meeting = await orNotFound(
		pb.collection('meetings').getOne<MeetingForAnswer>(meetingId, {
			expand: 'group,agenda_items_via_meeting,attendance_via_meeting,meeting_guests_via_meeting',
			fields:
				'id,title,starts,ends,status,group,attendance_deadline,expand.group.name,' +
				'expand.agenda_items_via_meeting.position,expand.agenda_items_via_meeting.title,' +
				'expand.agenda_items_via_meeting.starts,expand.agenda_items_via_meeting.ends,' +
				'expand.attendance_via_meeting,expand.meeting_guests_via_meeting'
		}),
		t.errors.meetingNotFound
	);
	return {
		meeting: {
			id: meeting.id,
			title: meeting.title,
			starts: meeting.starts,
			ends: meeting.ends,
			status: meeting.status,
			group: meeting.group,
			groupName: meeting.expand?.group?.name ?? '',
			attendanceDeadline: meeting.attendance_deadline
		},
		items: many(meeting.expand?.agenda_items_via_meeting).sort((a, b) => a.position - b.position),
		answers: many(meeting.expand?.attendance_via_meeting),
		guests: many(meeting.expand?.meeting_guests_via_meeting).sort((a, b) => a.created.localeCompare(b.created))
	};
}

/** The user's ordinary membership role in a group ('' for none, e.g. a guest of one meeting). */
export async function roleIn(pb: PocketBase, userId: string, groupId: string): Promise<string> {
	const list = await pb.collection('memberships').getList<{ role: string }>(1, 1, {
		filter: pb.filter(
			'user = {:userId} && group = {:groupId} && meeting = "" && (starts = "" || starts <= @now) && (ends = "" || ends > @now)',
			{ userId, groupId }
		),
		fields: 'role',
		skipTotal: true
	});
	return list.items[0]?.role ?? '';
}

export const isLeader = (role: string) => ['secretariat', 'chair', 'co_chair'].includes(role);

/**
 * The members of a group — active, ordinary (not one meeting's guests) — with user and organisation,
 * for participant lists, the overview and the participant block. `group` is a filter expression for
 * the group, e.g. 'group = {:groupId}' or 'group.meetings_via_group.id ?= {:meetingId}'.
 */
export function listMembers(
	pb: PocketBase,
	group: string,
	params: Record<string, string>
): Promise<MembershipRecord[]> {
	return pb.collection('memberships').getFullList<MembershipRecord>({
		filter: pb.filter(
			`${group} && meeting = "" && role != "guest" && (starts = "" || starts <= @now) && (ends = "" || ends > @now)`,
			params
		),
		expand: 'user.organization',
		fields:
			'id,role,position,created,expand.user.id,expand.user.name,expand.user.title,expand.user.department,' +
			'expand.user.expand.organization.name,expand.user.expand.organization.sector'
	});
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads and checks the answer form. Times are wall-clock times on the meeting's day in Copenhagen.
 * The same rules hold in PocketBase (pb_hooks/lib/attendance.js); here they give the messages at once.
 */
export function parseAnswer(form: FormData, meeting: { starts: string; ends: string }) {
	const text = (name: string) => String(form.get(name) ?? '').trim();
	const values: AnswerValues = {
		status: text('status'),
		substitute_name: text('substitute_name'),
		substitute_title: text('substitute_title'),
		substitute_email: text('substitute_email').toLowerCase(),
		arrives: text('arrives'),
		leaves: text('leaves'),
		note: String(form.get('note') ?? '')
	};
	const errors: AnswerErrors = {};
	const e = t.attendance.errors;
	if (!isStatus(values.status)) errors.status = e.status;
	if (values.note.length > 1000) errors.note = e.note;
	let arrives: Date | null = null;
	let leaves: Date | null = null;
	if (values.status === 'substitute') {
		if (!values.substitute_name) errors.substitute_name = e.substituteName;
		if (values.substitute_name.length > 200) errors.substitute_name = e.invalid;
		if (values.substitute_email && !EMAIL.test(values.substitute_email)) errors.substitute_email = e.substituteEmail;
	}
	if (values.status === 'partial') {
		const starts = parseInstant(meeting.starts)!;
		const ends = parseInstant(meeting.ends)!;
		const outside = e.outside(formatTime(starts), formatTime(ends));
		arrives = values.arrives ? atLocalTime(starts, values.arrives) : null;
		leaves = values.leaves ? atLocalTime(starts, values.leaves) : null;
		if (values.arrives && !arrives) errors.arrives = e.time;
		else if (arrives && (arrives < starts || arrives >= ends)) errors.arrives = outside;
		if (values.leaves && !leaves) errors.leaves = e.time;
		else if (leaves && (leaves <= starts || leaves > ends)) errors.leaves = outside;
		if (!values.arrives && !values.leaves) errors.arrives = e.timesRequired;
		if (arrives && leaves && arrives >= leaves && !errors.arrives && !errors.leaves) errors.leaves = e.order;
	}
	const record = {
		status: values.status as AttendanceStatus,
		substitute_name: values.status === 'substitute' ? values.substitute_name : '',
		substitute_title: values.status === 'substitute' ? values.substitute_title : '',
		substitute_email: values.status === 'substitute' ? values.substitute_email : '',
		arrives: arrives ? toPocketBaseDate(arrives) : '',
		leaves: leaves ? toPocketBaseDate(leaves) : '',
		note: values.note
	};
	return { values, errors, record };
}

const FIELD_NAMES = ['status', 'substitute_name', 'substitute_email', 'arrives', 'leaves', 'note'] as const;

/**
 * Creates or changes the answer of `userId` for a meeting. Returns field messages when PocketBase
 * refuses it (the lock, a rule, an invariant); nothing is stored then.
 */
export async function saveAnswer(
	pb: PocketBase,
	meetingId: string,
	userId: string,
	existing: AnswerRecord | undefined,
	record: Record<string, string>
): Promise<AnswerErrors> {
	try {
		if (existing) await pb.collection('attendance').update(existing.id, record);
		else await pb.collection('attendance').create({ ...record, meeting: meetingId, user: userId });
		return {};
	} catch (err) {
		if (!(err instanceof ClientResponseError)) throw err;
		const data = (err.response?.data ?? {}) as Record<string, { message?: string; code?: string }>;
		const errors: AnswerErrors = {};
		for (const name of FIELD_NAMES) {
			// Our hooks answer in Danish; PocketBase's own field checks in English.
			if (data[name])
				errors[name] = data[name].code?.startsWith('validation_') ? t.attendance.errors.invalid : data[name].message;
		}
		if (!Object.keys(errors).length) {
			errors.form = err.status === 404 || err.status === 400 ? t.attendance.errors.locked : t.errors.generic;
		}
		return errors;
	}
}
