// The secretariat's and the chairs' view of a meeting's attendance.
import type PocketBase from 'pocketbase';
import { error } from '@sveltejs/kit';
import { partialNote, type AnswerRecord } from '$lib/attendance/answers';
import { participantBlock } from '$lib/attendance/participant-block';
import { groupByOrganization } from '$lib/meetings';
import { t } from '$lib/messages';
import { loadMeetingAnswers } from './attendance';
import { isLeader, listMembers, roleIn } from './memberships';

export interface OverviewPerson {
	id: string;
	name: string;
	title: string;
	organization: string;
	role: string;
	answer: {
		status: string;
		note: string;
		substitute: string;
		partial: string;
		byOther: boolean;
		updated: string;
	} | null;
}

/** The latest reminder round of a meeting, as its route reports it to the group's secretariat. */
export interface ReminderRound {
	created: string;
	sender: string;
	recipients: string[];
}

const remindersPath = (meetingId: string) =>
	`/api/klyngeportal/meetings/${encodeURIComponent(meetingId)}/attendance-reminders`;

/** When the members were last reminded and whom (the secretariat only). */
export async function lastReminder(pb: PocketBase, meetingId: string): Promise<ReminderRound | null> {
	return (await pb.send<{ last: ReminderRound | null }>(remindersPath(meetingId), { method: 'GET' })).last;
}

/**
 * Reminds the members who have not answered. Without `confirmed`, a round within a day of the last
 * one is refused (PocketBase answers 409) so the page can ask first.
 */
export function sendReminders(pb: PocketBase, meetingId: string, confirmed: boolean) {
	return pb.send<{ sent: string[] }>(remindersPath(meetingId), { method: 'POST', body: { confirm: confirmed } });
}

/** Everything the overview shows; a Danish 404 for anyone but the group's leaders. */
export async function loadOverview(pb: PocketBase, meetingId: string, userId: string) {
	const data = await loadMeetingAnswers(pb, meetingId);
	const role = await roleIn(pb, userId, data.meeting.group);
	if (!isLeader(role)) error(404, { message: t.errors.meetingNotFound });
	const secretariat = role === 'secretariat';
	const [members, reminder] = await Promise.all([
		listMembers(pb, 'group = {:groupId}', { groupId: data.meeting.group }),
		secretariat ? lastReminder(pb, meetingId) : null
	]);
	const byUser = new Map(data.answers.map((a) => [a.user, a]));
	const describe = (a: AnswerRecord | undefined, personId: string): OverviewPerson['answer'] =>
		a
			? {
					status: a.status,
					note: a.note,
					substitute: [a.substitute_title, a.substitute_name].filter(Boolean).join(' '),
					partial: a.status === 'partial' ? partialNote(a.arrives, a.leaves) : '',
					byOther: !!a.answered_by && a.answered_by !== personId,
					updated: a.updated
				}
			: null;
	const blocks = groupByOrganization(members).map((b) => ({
		organization: b.organization,
		people: b.people.map((p): OverviewPerson => ({
			...p,
			organization: b.organization,
			answer: describe(byUser.get(p.id), p.id)
		}))
	}));
	const everyone = blocks.flatMap((b) => b.people);
	const count = (status: string) => everyone.filter((p) => p.answer?.status === status).length;
	const guests = data.guests.map((g) => ({
		id: g.id,
		name: g.name,
		title: g.title,
		organization: g.organization_name
	}));
	return {
		meeting: data.meeting,
		blocks,
		counts: {
			attending: count('attending'),
			partial: count('partial'),
			substitute: count('substitute'),
			absent: count('absent'),
			unanswered: everyone.filter((p) => !p.answer).length
		},
		unanswered: everyone.filter((p) => !p.answer).map((p) => p.name),
		guests,
		block: participantBlock(members, data.answers, guests),
		isSecretariat: secretariat,
		lastReminder: reminder,
		everyone
	};
}
