// Attendance answers as the signed-in user: whether a meeting is open for answers, the meeting with
// the answers the user may see, and saving an answer. PocketBase's rules decide who may read and
// write, and its hooks what a valid answer is; memberships and roles are in ./memberships, the
// answer form in ./answer-form.
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import { error } from '@sveltejs/kit';
import { formatDateTime, parseInstant } from '$lib/dates';
import { t } from '$lib/messages';
import { describeAnswer, type AnswerRecord, type TimedItem } from '$lib/attendance/answers';
import { answerErrors, type AnswerErrors } from './answer-form';
import { wrongUser, type Delivery } from './delivery';
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
 * What a post means before anything is saved: a replay of the post that last wrote the answer
 * (its response lost; answer success and change nothing), an answer from the outbox that is older
 * than the answer now stored (refused, saying what holds), or one queued by another user.
 */
export function checkDelivery(
	existing: AnswerRecord | undefined,
	delivery: Delivery,
	userId: string
): { replay: true } | { refused: string } | null {
	const other = wrongUser(delivery, userId);
	if (other) return { refused: other };
	if (!existing) return null;
	if (delivery.clientId && existing.client_id === delivery.clientId) return { replay: true };
	const updated = parseInstant(existing.updated);
	if (delivery.queuedAt && updated && updated > delivery.queuedAt) {
		return { refused: t.outbox.newer(describeAnswer(existing), formatDateTime(updated)) };
	}
	return null;
}

/**
 * Creates or changes the answer of `userId` for a meeting. Returns field messages when PocketBase
 * refuses it (the lock, a rule, an invariant); nothing is stored then. With the phone's `clientId`, a
 * new answer takes it as its record id and every answer remembers it, so that a replay is recognised.
 */
export async function saveAnswer(
	pb: PocketBase,
	meetingId: string,
	userId: string,
	existing: AnswerRecord | undefined,
	record: Record<string, string>,
	clientId: string | null = null
): Promise<AnswerErrors> {
	try {
		if (existing) await pb.collection('attendance').update(existing.id, { ...record, client_id: clientId ?? '' });
		else
			await pb.collection('attendance').create({
				...record,
				meeting: meetingId,
				user: userId,
				...(clientId ? { id: clientId, client_id: clientId } : {})
			});
		return {};
	} catch (err) {
		if (!(err instanceof ClientResponseError)) throw err;
		// Two copies of one post racing: the other copy stored it.
		if (!existing && clientId && (await storedBy(pb, clientId, meetingId, userId))) return {};
		return answerErrors(err);
	}
}

/** Whether the answer with the phone's id `clientId` is `userId`'s answer for the meeting. */
async function storedBy(pb: PocketBase, clientId: string, meetingId: string, userId: string): Promise<boolean> {
	try {
		const found = await pb.collection('attendance').getOne<AnswerRecord>(clientId, { fields: 'meeting,user' });
		return found.meeting === meetingId && found.user === userId;
	} catch {
		return false;
	}
}
