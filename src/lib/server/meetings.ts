// Reading meetings, agendas and participants as the signed-in user. PocketBase's API rules decide
// what the user may see; these functions only ask for what the pages render.
import type PocketBase from 'pocketbase';
import { t } from '$lib/messages';
import { isRecordId, orNotFound } from './errors';
import { error } from '@sveltejs/kit';
import { groupByOrganization, type AgendaItemSummary, type MeetingSummary, type MembershipRecord } from '$lib/meetings';

type MeetingRecord = {
	id: string;
	title: string;
	starts: string;
	ends: string;
	status: string;
	location_room: string;
	location_address: string;
	location_note: string;
	catering: string;
	minutes_date: string;
	group: string;
	expand?: {
		group?: { id: string; name: string };
		chair?: { name: string; title: string };
		minute_takers?: { name: string }[];
	};
};

function summarize(m: MeetingRecord): MeetingSummary {
	return {
		id: m.id,
		title: m.title,
		starts: m.starts,
		ends: m.ends,
		status: m.status,
		groupName: m.expand?.group?.name ?? '',
		place: [m.location_room, m.location_address].filter(Boolean).join(', ')
	};
}

const SUMMARY_FIELDS = 'id,title,starts,ends,status,location_room,location_address,expand.group.id,expand.group.name';

/** The user's meetings that have not ended yet, soonest first. */
export async function listUpcomingMeetings(pb: PocketBase, limit = 50): Promise<MeetingSummary[]> {
	const page = await pb.collection('meetings').getList<MeetingRecord>(1, limit, {
		filter: 'ends >= @now',
		sort: 'starts',
		expand: 'group',
		fields: SUMMARY_FIELDS
	});
	return page.items.map(summarize);
}

/** The user's meetings that have ended, latest first. */
export async function listPastMeetings(pb: PocketBase, limit = 50): Promise<MeetingSummary[]> {
	const page = await pb.collection('meetings').getList<MeetingRecord>(1, limit, {
		filter: 'ends < @now',
		sort: '-starts',
		expand: 'group',
		fields: SUMMARY_FIELDS
	});
	return page.items.map(summarize);
}

/** Everything the meeting page shows, or a Danish 404 when the user may not see the meeting. */
export async function getMeetingPage(pb: PocketBase, meetingId: string) {
	if (!isRecordId(meetingId)) error(404, { message: t.errors.meetingNotFound });
	const meeting = await orNotFound(
		pb.collection('meetings').getOne<MeetingRecord>(meetingId, { expand: 'group,chair,minute_takers' }),
		t.errors.meetingNotFound
	);
	const [items, guests, memberships, followUps] = await Promise.all([
		listAgendaItems(pb, meetingId),
		pb
			.collection('meeting_guests')
			.getFullList<{ id: string; name: string; title: string; organization_name: string }>({
				filter: pb.filter('meeting = {:meetingId}', { meetingId }),
				sort: 'created',
				fields: 'id,name,title,organization_name'
			}),
		pb.collection('memberships').getFullList<MembershipRecord>({
			filter: pb.filter('group = {:group} && meeting = "" && role != "guest" && (ends = "" || ends > @now)', {
				group: meeting.group
			}),
			expand: 'user.organization',
			fields:
				'id,role,created,expand.user.id,expand.user.name,expand.user.title,expand.user.department,' +
				'expand.user.expand.organization.name,expand.user.expand.organization.sector'
		}),
		pb
			.collection('follow_ups')
			.getFullList<{ id: string; text: string; owner_text: string; due: string; item: string; position: number }>({
				filter: pb.filter('meeting = {:meetingId}', { meetingId }),
				sort: 'position,created',
				fields: 'id,text,owner_text,due,item,position'
			})
	]);
	const positionOf = new Map(items.map((i) => [i.id, i.position]));
	return {
		meeting: {
			id: meeting.id,
			title: meeting.title,
			starts: meeting.starts,
			ends: meeting.ends,
			status: meeting.status,
			groupName: meeting.expand?.group?.name ?? '',
			room: meeting.location_room,
			address: meeting.location_address,
			locationNote: meeting.location_note,
			catering: meeting.catering,
			chair: meeting.expand?.chair?.name ?? '',
			minuteTakers: (meeting.expand?.minute_takers ?? []).map((u) => u.name),
			minutesDate: meeting.minutes_date
		},
		items,
		guests: guests.map((g) => ({ name: g.name, title: g.title, organization: g.organization_name })),
		participants: groupByOrganization(memberships),
		followUps: followUps.map((f) => ({
			id: f.id,
			text: f.text,
			owner: f.owner_text,
			due: f.due,
			itemPosition: positionOf.get(f.item) ?? null
		}))
	};
}

export async function listAgendaItems(pb: PocketBase, meetingId: string): Promise<AgendaItemSummary[]> {
	return pb.collection('agenda_items').getFullList<AgendaItemSummary>({
		filter: pb.filter('meeting = {:meetingId}', { meetingId }),
		sort: 'position',
		fields: 'id,position,title,starts,ends,presenter,kind'
	});
}

type ItemRecord = AgendaItemSummary & {
	recommendation: string;
	background: string;
	attachments: string[];
	meeting: string;
	expand?: { meeting?: MeetingRecord };
};

/** One agenda item with its meeting context, decisions and neighbours. */
export async function getAgendaItemPage(pb: PocketBase, meetingId: string, position: number) {
	if (!isRecordId(meetingId) || !Number.isInteger(position) || position < 1 || position > 999) {
		error(404, { message: t.errors.itemNotFound });
	}
	const [item, siblings] = await Promise.all([
		orNotFound(
			pb
				.collection('agenda_items')
				.getFirstListItem<ItemRecord>(
					pb.filter('meeting = {:meetingId} && position = {:position}', { meetingId, position }),
					{ expand: 'meeting.group' }
				),
			t.errors.itemNotFound
		),
		pb.collection('agenda_items').getFullList<{ position: number; title: string }>({
			filter: pb.filter('meeting = {:meetingId}', { meetingId }),
			sort: 'position',
			fields: 'position,title'
		})
	]);
	// Members get the Referat and decisions only once the minutes are published (PocketBase rules).
	const [minutes, decisions] = await Promise.all([
		pb.collection('item_minutes').getList<{ text: string }>(1, 1, {
			filter: pb.filter('item = {:item}', { item: item.id }),
			fields: 'text'
		}),
		pb.collection('decisions').getFullList<{ id: string; text: string }>({
			filter: pb.filter('item = {:item}', { item: item.id }),
			sort: 'position,created',
			fields: 'id,text'
		})
	]);
	const meeting = item.expand?.meeting;
	const index = siblings.findIndex((s) => s.position === item.position);
	return {
		meeting: {
			id: meetingId,
			title: meeting?.title ?? '',
			starts: meeting?.starts ?? '',
			groupName: meeting?.expand?.group?.name ?? '',
			minutesPublished: meeting?.status === 'minutes_published'
		},
		item: {
			id: item.id,
			position: item.position,
			title: item.title,
			starts: item.starts,
			ends: item.ends,
			presenter: item.presenter,
			kind: item.kind,
			recommendation: item.recommendation,
			background: item.background,
			minutes: minutes.items[0]?.text ?? null,
			attachments: item.attachments
		},
		decisions,
		previous: index > 0 ? siblings[index - 1] : null,
		next: index >= 0 && index < siblings.length - 1 ? siblings[index + 1] : null
	};
}

/** Streams a protected attachment of an agenda item the user may read. */
export async function fetchAttachment(pb: PocketBase, meetingId: string, position: number, fileName: string) {
	if (!isRecordId(meetingId) || !Number.isInteger(position)) error(404, { message: t.errors.fileNotFound });
	const item = await orNotFound(
		pb
			.collection('agenda_items')
			.getFirstListItem<ItemRecord>(
				pb.filter('meeting = {:meetingId} && position = {:position}', { meetingId, position }),
				{ fields: 'id,collectionId,collectionName,attachments' }
			),
		t.errors.fileNotFound
	);
	if (!item.attachments.includes(fileName)) error(404, { message: t.errors.fileNotFound });
	const token = await pb.files.getToken();
	const response = await fetch(pb.files.getURL(item, fileName, { token }));
	if (!response.ok || !response.body) error(404, { message: t.errors.fileNotFound });
	return response;
}
