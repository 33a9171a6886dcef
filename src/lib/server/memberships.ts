// Who belongs to a group, and in which role: the one place on the app's side that says what an
// active membership is. PocketBase's rules decide what each person may read; these reads only ask.
import type PocketBase from 'pocketbase';
import type { MembershipRecord } from '$lib/meetings';

/**
 * A membership in force now (a filter on `memberships`): started, and not ended. The hooks say the
 * same in pb_hooks/lib/memberships.js; the migrations repeat it inside their rules (snapshots).
 */
export const ACTIVE_MEMBERSHIP = '(starts = "" || starts <= @now) && (ends = "" || ends > @now)';

/** An active, ordinary membership: not one meeting's guest access. */
const ORDINARY = `meeting = "" && ${ACTIVE_MEMBERSHIP}`;

/** The user's ordinary membership role in a group ('' for none, e.g. a guest of one meeting). */
export async function roleIn(pb: PocketBase, userId: string, groupId: string): Promise<string> {
	const list = await pb.collection('memberships').getList<{ role: string }>(1, 1, {
		filter: pb.filter(`user = {:userId} && group = {:groupId} && ${ORDINARY}`, { userId, groupId }),
		fields: 'role',
		skipTotal: true
	});
	return list.items[0]?.role ?? '';
}

/** The roles that see every answer of their group (the overview, the CSV). */
export const isLeader = (role: string) => ['secretariat', 'chair', 'co_chair'].includes(role);

/**
 * The user's role in each group where they answer attendance (an active, ordinary membership),
 * by group id.
 */
export async function answeringRoles(pb: PocketBase, userId: string): Promise<Map<string, string>> {
	const memberships = await pb.collection('memberships').getFullList<{ group: string; role: string }>({
		filter: pb.filter(`user = {:userId} && ${ORDINARY}`, { userId }),
		fields: 'group,role'
	});
	return new Map(memberships.map((m) => [m.group, m.role]));
}

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
		filter: pb.filter(`${group} && role != "guest" && ${ORDINARY}`, params),
		expand: 'user.organization',
		fields:
			'id,role,position,created,expand.user.id,expand.user.name,expand.user.title,expand.user.department,' +
			'expand.user.expand.organization.name,expand.user.expand.organization.sector'
	});
}

/** A membership as read through a back-relation expand, with what says whether it is in force. */
export type ExpandedMembership = MembershipRecord & {
	user: string;
	meeting: string;
	starts: string;
	ends: string;
};

/** Every field `ordinaryMembersAt` and `roleAt` need, for a `fields` list under `prefix`. */
export const EXPANDED_MEMBERSHIP_FIELDS = [
	'id',
	'role',
	'position',
	'created',
	'user',
	'meeting',
	'starts',
	'ends',
	'expand.user.id',
	'expand.user.name',
	'expand.user.title',
	'expand.user.department',
	'expand.user.expand.organization.name',
	'expand.user.expand.organization.sector'
];

/** PocketBase's dates ("2026-05-04 08:00:00.000Z") as milliseconds; NaN for none. */
const instant = (value: string) => (value ? Date.parse(value.replace(' ', 'T')) : NaN);

/**
 * In force at `now`: started (or no start) and not ended (or no end), as ACTIVE_MEMBERSHIP says
 * for filters. An unreadable date counts as not in force.
 */
export function isActiveAt(m: { starts: string; ends: string }, now: Date): boolean {
	const t = now.getTime();
	if (m.starts && !(instant(m.starts) <= t)) return false;
	if (m.ends && !(instant(m.ends) > t)) return false;
	return true;
}

/** An active, ordinary membership (not one meeting's guest access) at `now`. */
const isOrdinaryAt = (m: ExpandedMembership, now: Date) => !m.meeting && isActiveAt(m, now);

/**
 * The members of a group as `listMembers` reads them (active, ordinary, not guests), picked from
 * all of the group's memberships the user may read (e.g. a back-relation expand).
 */
export function ordinaryMembersAt(memberships: ExpandedMembership[], now: Date): ExpandedMembership[] {
	return memberships.filter((m) => m.role !== 'guest' && isOrdinaryAt(m, now));
}

/** The user's ordinary membership role in the group at `now`, as `roleIn` answers it ('' for none). */
export function roleAt(memberships: ExpandedMembership[], userId: string, now: Date): string {
	return memberships.find((m) => m.user === userId && isOrdinaryAt(m, now))?.role ?? '';
}
