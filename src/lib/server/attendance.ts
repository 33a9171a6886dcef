// Attendance answers as the signed-in user: whether a meeting is open for answers, the meeting with
// the answers the user may see, and saving an answer. PocketBase's rules decide who may read and
// write, and its hooks what a valid answer is; memberships and roles are in ./memberships, the
// answer form in ./answer-form.
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import { error } from '@sveltejs/kit';
import { parseInstant } from '$lib/dates';
import { t } from '$lib/messages';
import type { AnswerRecord, TimedItem } from '$lib/attendance/answers';
import { answerErrors, type AnswerErrors } from './answer-form';
import { isRecordId, orNotFound } from './errors';
import { many } from './expand';

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
		return answerErrors(err);
	}
}
