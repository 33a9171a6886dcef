// Where a new call comes from: an agenda item's text (Indstilling, Sagsfremstilling, Referat,
// decisions) read through the deadline detection, or nothing (the groups the user is secretariat of).
import { error } from '@sveltejs/kit';
import { localDateKey, parseInstant } from '$lib/dates';
import { proposeCalls, type CallProposal } from '$lib/deadlines/proposal';
import { t } from '$lib/messages';
import type { TypedPocketBase } from '$lib/pocketbase-types';
import { isRecordId, orNotFound } from './errors';
import { many } from './expand';
import { ACTIVE_MEMBERSHIP } from './memberships';

type ItemForCall = {
	id: string;
	position: number;
	title: string;
	recommendation: string;
	background: string;
	meeting: string;
	expand?: {
		meeting?: {
			id: string;
			title: string;
			starts: string;
			group: string;
			expand?: { group?: { meetings_via_group?: { starts: string }[] | { starts: string } } };
		};
		item_minutes_via_item?: { text: string } | { text: string }[];
		decisions_via_item?:
			{ id: string; text: string; position: number }[] | { id: string; text: string; position: number };
	};
};

const squash = (text: string) =>
	text
		.replace(/[\s•]+/g, ' ')
		.trim()
		.toLowerCase();

/**
 * An agenda item's proposals for calls, with what ties a call to it: the meeting, the item and the
 * decision the request stands in. The next meeting's date answers "inden næste møde".
 */
export async function proposalsFromItem(pb: TypedPocketBase, itemId: string) {
	if (!isRecordId(itemId)) error(404, { message: t.errors.itemNotFound });
	const item = await orNotFound(
		pb.collection('agenda_items').getOne<ItemForCall>(itemId, {
			expand: 'meeting.group.meetings_via_group,item_minutes_via_item,decisions_via_item',
			fields:
				'id,position,title,recommendation,background,meeting,expand.meeting.id,expand.meeting.title,' +
				'expand.meeting.starts,expand.meeting.group,expand.meeting.expand.group.expand.meetings_via_group.starts,' +
				'expand.item_minutes_via_item.text,expand.decisions_via_item.id,expand.decisions_via_item.text,' +
				'expand.decisions_via_item.position'
		}),
		t.errors.itemNotFound
	);
	const meeting = item.expand?.meeting;
	if (!meeting) error(404, { message: t.errors.itemNotFound });
	const starts = parseInstant(meeting.starts);
	const next = many(meeting.expand?.group?.meetings_via_group)
		.map((m) => parseInstant(m.starts))
		.filter((d): d is Date => !!d && !!starts && localDateKey(d) > localDateKey(starts))
		.sort((a, b) => a.getTime() - b.getTime())[0];
	const decisions = many(item.expand?.decisions_via_item).sort((a, b) => a.position - b.position);
	const proposals = proposeCalls(
		{
			title: item.title,
			recommendation: item.recommendation,
			background: item.background,
			minutes: many(item.expand?.item_minutes_via_item)[0]?.text ?? '',
			decisions: decisions.map((d) => d.text)
		},
		{ meetingDate: localDateKey(meeting.starts), nextMeetingDate: next ? localDateKey(next) : undefined }
	);
	/** The decision a proposal's sentence stands in, if any. */
	const decisionFor = (p: CallProposal) =>
		decisions.find((d) => squash(d.text).includes(squash(p.source)) || squash(p.source).includes(squash(d.text)))?.id ??
		'';
	return {
		item: { id: item.id, position: item.position, title: item.title },
		meeting: { id: meeting.id, title: meeting.title, starts: meeting.starts, group: meeting.group },
		proposals: proposals.map((p) => ({ proposal: p, decision: decisionFor(p) }))
	};
}

/** The groups the user is the secretariat of, by name. */
export async function secretariatGroups(pb: TypedPocketBase, userId: string) {
	const memberships = await pb
		.collection('memberships')
		.getFullList<{ expand?: { group?: { id: string; name: string } } }>({
			filter: pb.filter(`user = {:userId} && role = "secretariat" && meeting = "" && ${ACTIVE_MEMBERSHIP}`, { userId }),
			expand: 'group',
			fields: 'expand.group.id,expand.group.name'
		});
	return memberships
		.flatMap((m) => (m.expand?.group ? [m.expand.group] : []))
		.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
