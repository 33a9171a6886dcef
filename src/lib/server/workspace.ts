// The secretariat's workspace (issue 10): which groups the user runs, and the guard every workspace
// page and action passes first. PocketBase's rules decide again on every write; these reads only
// keep the pages from showing a form that would be refused, and answer another group's secretariat,
// a member or a visitor with the same Danish 404 as a meeting that does not exist.
import { error } from '@sveltejs/kit';
import { t } from '$lib/messages';
import { isRecordId, orNotFound } from './errors';
import { ACTIVE_MEMBERSHIP, roleIn } from './memberships';
import type { MeetingsRecord, TypedPocketBase } from '$lib/pocketbase-types';

/** A group the user is the secretariat of. */
export interface SecretariatGroup {
	id: string;
	name: string;
}

/** The groups where the user has an active, ordinary secretariat membership, by name. */
export async function secretariatGroups(pb: TypedPocketBase, userId: string): Promise<SecretariatGroup[]> {
	const rows = await pb.collection('memberships').getFullList<{ expand?: { group?: SecretariatGroup } }>({
		filter: pb.filter(`user = {:userId} && role = "secretariat" && meeting = "" && ${ACTIVE_MEMBERSHIP}`, { userId }),
		expand: 'group',
		fields: 'expand.group.id,expand.group.name'
	});
	return rows
		.map((r) => r.expand?.group)
		.filter((g): g is SecretariatGroup => !!g)
		.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/** Passes when the user is the group's secretariat; a Danish 404 otherwise. */
export async function requireSecretariatOfGroup(pb: TypedPocketBase, userId: string, groupId: string) {
	if (!isRecordId(groupId) || (await roleIn(pb, userId, groupId)) !== 'secretariat') {
		error(404, { message: t.errors.groupNotFound });
	}
}

/** The fields of a meeting every workspace page needs. */
export type WorkspaceMeeting = Pick<
	MeetingsRecord,
	'id' | 'group' | 'title' | 'status' | 'starts' | 'ends' | 'share_with_chairs' | 'published_at'
>;

/** The meeting when the user is its group's secretariat; a Danish 404 otherwise. */
export async function requireSecretariatOfMeeting(
	pb: TypedPocketBase,
	userId: string,
	meetingId: string
): Promise<WorkspaceMeeting> {
	if (!isRecordId(meetingId)) error(404, { message: t.errors.meetingNotFound });
	const meeting = await orNotFound(
		pb.collection('meetings').getOne<WorkspaceMeeting>(meetingId, {
			fields: 'id,group,title,status,starts,ends,share_with_chairs,published_at'
		}),
		t.errors.meetingNotFound
	);
	if ((await roleIn(pb, userId, meeting.group)) !== 'secretariat') error(404, { message: t.errors.meetingNotFound });
	return meeting;
}

/** Among the user's groups, the one whose latest meeting starts last (the default choice of a form). */
export async function groupThatMetLast(
	pb: TypedPocketBase,
	groups: SecretariatGroup[]
): Promise<SecretariatGroup | undefined> {
	const latest = await Promise.all(
		groups.map((g) =>
			pb
				.collection('meetings')
				.getList<{ starts: string }>(1, 1, {
					filter: pb.filter('group = {:id}', { id: g.id }),
					sort: '-starts',
					fields: 'starts',
					skipTotal: true
				})
				.then((page) => page.items[0]?.starts ?? '')
		)
	);
	let pick = -1;
	for (let i = 0; i < groups.length; i++) if (latest[i] && (pick < 0 || latest[i] > latest[pick])) pick = i;
	return pick < 0 ? undefined : groups[pick];
}
