// "What must I do, and by when": the one answer for a member, for home's "Dine frister" and, next,
// for push reminders and a calendar feed. Plain data in, plain data out: no SvelteKit request or
// page types, so a scheduled job can call it with its own PocketBase client signed in as the user.
import type { TypedPocketBase } from '$lib/pocketbase-types';
import { isOpenForMembers } from '$lib/nominations';
import { parseInstant } from '$lib/dates';
import { many } from './expand';
import { listMeetings } from './meetings';
import { answeringRoles } from './memberships';
import { listCalls } from './nominations';

export type DeadlineKind = 'attendance' | 'nomination' | 'follow_up';

/** One thing the member must do. */
export interface Deadline {
	kind: DeadlineKind;
	/** The meeting, call or follow-up it is about. */
	id: string;
	title: string;
	/** When it must be done (ISO / PocketBase date); '' when no date was set (follow-ups). */
	deadline: string;
	/** "hurtigst muligt": wanted before the deadline. */
	urgent: boolean;
	/** The app path where it is done. */
	href: string;
	/** The group's name. */
	group: string;
}

/** The user as this function needs them. */
export interface TodoUser {
	id: string;
	organization: string;
}

/** How many of the newest meetings are searched for open follow-ups. */
const FOLLOW_UP_MEETINGS = 100;

type MeetingWithFollowUps = {
	id: string;
	title: string;
	status: string;
	expand?: {
		group?: { name: string };
		follow_ups_via_meeting?: FollowUp[] | FollowUp;
	};
};
type FollowUp = {
	id: string;
	text: string;
	due: string;
	status: string;
	owner_user: string;
	owner_organization: string;
};

/**
 * Open follow-ups the user owns, themselves or through their organisation (read via the meetings),
 * of minutes that are out: the secretariat (and chairs shown a shared draft) can read a draft's
 * follow-ups, but a follow-up is nobody's task before the minutes are published (the reminder
 * planner reads the same: pb_hooks/lib/planner.js).
 */
async function followUps(pb: TypedPocketBase, user: TodoUser): Promise<Deadline[]> {
	const page = await pb.collection('meetings').getList<MeetingWithFollowUps>(1, FOLLOW_UP_MEETINGS, {
		sort: '-starts',
		skipTotal: true,
		expand: 'group,follow_ups_via_meeting',
		fields:
			'id,title,status,expand.group.name,expand.follow_ups_via_meeting.id,expand.follow_ups_via_meeting.text,' +
			'expand.follow_ups_via_meeting.due,expand.follow_ups_via_meeting.status,' +
			'expand.follow_ups_via_meeting.owner_user,expand.follow_ups_via_meeting.owner_organization'
	});
	return page.items
		.filter((m) => m.status === 'minutes_published')
		.flatMap((m) =>
			many(m.expand?.follow_ups_via_meeting)
				.filter(
					(f) =>
						f.status !== 'done' &&
						(f.owner_user === user.id || (!!user.organization && f.owner_organization === user.organization))
				)
				.map((f) => ({
					kind: 'follow_up' as const,
					id: f.id,
					title: f.text,
					deadline: f.due,
					urgent: false,
					href: `/moeder/${m.id}#followups-title`,
					group: m.expand?.group?.name ?? ''
				}))
		);
}

/**
 * What the user must do, soonest first (undated follow-ups last): attendance not yet answered
 * while it can be, open calls where the user's organisation is eligible and has not answered (for
 * members who answer for it, not observers), and open follow-ups they own.
 */
export async function deadlinesFor(pb: TypedPocketBase, user: TodoUser, now = new Date()): Promise<Deadline[]> {
	const [{ upcoming }, calls, roles, owned] = await Promise.all([
		listMeetings(pb, user.id, { now }),
		listCalls(pb, user),
		answeringRoles(pb, user.id),
		followUps(pb, user)
	]);
	const attendance: Deadline[] = upcoming
		.filter((m) => m.canAnswer && m.open && !m.myAnswer)
		.map((m) => ({
			kind: 'attendance',
			id: m.id,
			title: m.title,
			deadline: m.attendanceDeadline || m.starts,
			urgent: false,
			href: `/moeder/${m.id}#svar`,
			group: m.groupName
		}));
	const nominations: Deadline[] = calls
		.filter(
			(c) =>
				c.eligible &&
				!c.answered &&
				isOpenForMembers(c, now) &&
				!!roles.get(c.group) &&
				roles.get(c.group) !== 'observer'
		)
		.map((c) => ({
			kind: 'nomination',
			id: c.id,
			title: c.title,
			deadline: c.deadline,
			urgent: c.urgent,
			href: `/indkaldelser/${c.id}`,
			group: c.groupName
		}));
	const at = (d: Deadline) => parseInstant(d.deadline)?.getTime() ?? Number.POSITIVE_INFINITY;
	return [...attendance, ...nominations, ...owned].sort((a, b) => at(a) - at(b));
}
