// The print view of a meeting (issue 10): the agenda and, once the minutes can be read, the minutes,
// in the seed minutes' layout (header, participants by organisation, guests, apologies, every item
// with its slot, presenter, Indstilling, Sagsfremstilling, Referat and decisions, OPFØLGNINGSPUNKTER
// and the next meeting). Everyone who may read the meeting may print it: PocketBase's rules decide
// what each reader gets (the Referat and decisions only when the minutes are out, or for the
// secretariat and chairs of a shared draft).
import { attachmentTitle } from '$lib/attachments';
import { getMeetingPage } from './meetings';
import { many } from './expand';
import type { TypedPocketBase } from '$lib/pocketbase-types';

/** Which document is printed. */
export type PrintMode = 'agenda' | 'minutes';

type ItemRow = {
	id: string;
	position: number;
	recommendation: string;
	background: string;
	attachments: string[];
	attachment_titles: Record<string, string> | null;
	expand?: {
		item_minutes_via_item?: { text: string } | { text: string }[];
		decisions_via_item?: { text: string; position: number }[];
	};
};
type Row = {
	group: string;
	starts: string;
	share_with_chairs: boolean;
	expand?: { agenda_items_via_meeting?: ItemRow[] };
};
type Next = { id: string; title: string; starts: string; ends: string };

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/**
 * Everything the print view shows (a Danish 404 when the user may not read the meeting). `wanted`
 * is the document asked for; the minutes are printed only when the reader can read them.
 */
export async function loadPrint(pb: TypedPocketBase, meetingId: string, userId: string, wanted: PrintMode) {
	const page = await getMeetingPage(pb, meetingId, userId);
	const row = await pb.collection('meetings').getOne<Row>(meetingId, {
		expand: 'agenda_items_via_meeting.item_minutes_via_item,agenda_items_via_meeting.decisions_via_item',
		fields: [
			'group',
			'starts',
			'share_with_chairs',
			...['id', 'position', 'recommendation', 'background', 'attachments', 'attachment_titles'].map(
				(f) => `expand.agenda_items_via_meeting.${f}`
			),
			'expand.agenda_items_via_meeting.expand.item_minutes_via_item.text',
			'expand.agenda_items_via_meeting.expand.decisions_via_item.text',
			'expand.agenda_items_via_meeting.expand.decisions_via_item.position'
		].join(',')
	});
	const published = page.meeting.status === 'minutes_published';
	const leader = page.attendance.isSecretariat || (page.attendance.isLeader && !!row.share_with_chairs);
	const canPrintMinutes = published || leader;
	const mode: PrintMode = wanted === 'minutes' && canPrintMinutes ? 'minutes' : 'agenda';
	const details = new Map(many(row.expand?.agenda_items_via_meeting).map((i) => [i.id, i]));
	const withMinutes = mode === 'minutes';
	const items = page.items.map((summary) => {
		const d = details.get(summary.id);
		const titles = d?.attachment_titles ?? {};
		return {
			...summary,
			recommendation: d?.recommendation ?? '',
			background: d?.background ?? '',
			attachments: (d?.attachments ?? []).map((file) => titles[file] || attachmentTitle(file)),
			minutes: withMinutes ? (many(d?.expand?.item_minutes_via_item)[0]?.text ?? '') : '',
			decisions: withMinutes
				? many(d?.expand?.decisions_via_item)
						.sort(byPosition)
						.map((x) => x.text)
				: []
		};
	});
	const next = await nextMeeting(pb, row.group, row.starts);
	return {
		meeting: page.meeting,
		mode,
		canPrintMinutes,
		/** A draft of the minutes (shown to the secretariat or shared with the chairs). */
		minutesDraft: withMinutes && !published,
		participants: page.participants,
		attendees: withMinutes ? page.attendees : null,
		guests: page.guests,
		items,
		followUps: withMinutes ? page.followUps : [],
		nextMeeting: next
	};
}

/** The group's next meeting after this one that the user may read, or null. */
async function nextMeeting(pb: TypedPocketBase, group: string, starts: string): Promise<Next | null> {
	if (!group || !starts) return null;
	const list = await pb.collection('meetings').getList<Next>(1, 1, {
		filter: pb.filter('group = {:group} && starts > {:starts}', { group, starts }),
		sort: 'starts',
		skipTotal: true,
		fields: 'id,title,starts,ends'
	});
	return list.items[0] ?? null;
}
