// What a member's phone keeps for offline reading: every meeting the member can see that is upcoming
// or held in the last 90 days, with each agenda item's page and attachment. PocketBase's API rules
// decide what is visible (another group's meeting is not listed); this only builds the URLs.
import { error } from '@sveltejs/kit';
import { t } from '$lib/messages';
import { toPocketBaseDate } from '$lib/dates';
import type { OfflineList, OfflineMeeting } from '$lib/offline/meta';
import type { AgendaItemsResponse, MeetingsRecord, TypedPocketBase } from '$lib/pocketbase-types';
import { isRecordId, orNotFound } from './errors';
import { many } from './expand';
import { attachmentSizes } from './meetings';
import { attachmentTitle } from '$lib/attachments';

/** The pages an installed app opens on (start_url, its shortcuts' targets): saved with the meetings. */
export const OVERVIEW_PAGES = ['/', '/moeder', '/indkaldelser'] as const;

/** Meetings that ended this long ago or less are kept without the member asking. */
export const KEEP_DAYS = 90;

type ItemRow = Pick<
	AgendaItemsResponse,
	'id' | 'position' | 'title' | 'attachments' | 'collectionId' | 'collectionName'
>;
type MeetingRow = Pick<MeetingsRecord, 'id' | 'title' | 'starts'> & {
	expand?: { agenda_items_via_meeting?: ItemRow[] | ItemRow };
};

const FIELDS =
	'id,title,starts,expand.agenda_items_via_meeting.id,expand.agenda_items_via_meeting.position,' +
	'expand.agenda_items_via_meeting.title,expand.agenda_items_via_meeting.attachments,' +
	'expand.agenda_items_via_meeting.collectionId,expand.agenda_items_via_meeting.collectionName';

async function describe(pb: TypedPocketBase, m: MeetingRow): Promise<OfflineMeeting> {
	const items = many(m.expand?.agenda_items_via_meeting).sort((a, b) => a.position - b.position);
	const base = `/moeder/${m.id}`;
	const attachments = await Promise.all(
		items.map(async (item) => {
			const sizes = await attachmentSizes(pb, item, item.attachments);
			return item.attachments.map((file, i) => ({
				url: `${base}/punkter/${item.position}/bilag/${encodeURIComponent(file)}`,
				title: attachmentTitle(file),
				size: sizes[i] ?? null
			}));
		})
	);
	return {
		id: m.id,
		title: m.title,
		starts: m.starts,
		url: base,
		items: items.map((item) => ({ url: `${base}/punkter/${item.position}`, title: item.title })),
		attachments: attachments.flat()
	};
}

/**
 * The offline list of the signed-in user; with `meetingId`, only that meeting (any age: "Gem til
 * offline"), or a 404 when the user may not see it.
 */
export async function offlineListFor(
	pb: TypedPocketBase,
	userId: string,
	{ now = new Date(), meetingId }: { now?: Date; meetingId?: string | null } = {}
): Promise<OfflineList> {
	let rows: MeetingRow[];
	if (meetingId) {
		if (!isRecordId(meetingId)) error(404, { message: t.errors.meetingNotFound });
		const one = pb
			.collection('meetings')
			.getOne<MeetingRow>(meetingId, { expand: 'agenda_items_via_meeting', fields: FIELDS });
		rows = [await orNotFound(one, t.errors.meetingNotFound)];
	} else {
		const since = toPocketBaseDate(new Date(now.getTime() - KEEP_DAYS * 86_400_000));
		rows = await pb.collection('meetings').getFullList<MeetingRow>({
			filter: pb.filter('ends >= {:since} || (ends = "" && starts >= {:since})', { since }),
			sort: 'starts',
			expand: 'agenda_items_via_meeting',
			fields: FIELDS
		});
	}
	const meetings: OfflineMeeting[] = [];
	// One meeting at a time: each asks PocketBase for its attachments' sizes.
	for (const row of rows) meetings.push(await describe(pb, row));
	return { user: userId, pages: meetingId ? [] : [...OVERVIEW_PAGES], meetings };
}
