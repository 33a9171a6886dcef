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
