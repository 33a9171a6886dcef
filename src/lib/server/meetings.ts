// Reading meetings, agendas and participants as the signed-in user. PocketBase's API rules decide
// what the user may see; these functions only ask for what the pages render.
//
// PocketBase delays (by 100–500 ms, at random) list requests whose `filter` matches nothing once
// such empty searches pile up in a collection. Reads on the normal path therefore never use a filter
// that may legitimately match nothing: related records come as back-relation expands, which the
// related collection's rules still govern, and meeting lists are split by date here.
import { error } from '@sveltejs/kit';
import { t } from '$lib/messages';
import { editor } from '$lib/messages/da-editor';
import { parseInstant } from '$lib/dates';
import { groupByOrganization, type AgendaItemSummary, type MeetingSummary } from '$lib/meetings';
import { attachmentKind, attachmentTitle } from '$lib/attachments';
import { isRecordId, orNotFound } from './errors';
import { many } from './expand';
import { isOpen } from './attendance';
import {
	answeringRoles,
	EXPANDED_MEMBERSHIP_FIELDS,
	isLeader,
	ordinaryMembersAt,
	roleAt,
	type ExpandedMembership
} from './memberships';
import { attendees } from '$lib/attendance/participant-block';
import { describeAnswer, type AnswerRecord } from '$lib/attendance/answers';
import type { MyAnswer } from '$lib/meetings';
import type {
	AgendaItemsRecord,
	AgendaItemsResponse,
	DecisionsRecord,
	FollowUpsRecord,
	GroupsRecord,
	ItemMinutesRecord,
	MeetingGuestsRecord,
	MeetingsRecord,
	TypedPocketBase,
	UsersRecord
} from '$lib/pocketbase-types';

/** An item's change marks as a list of kinds ("attachment", "text", …); [] for none. */
function markedChanges(changes: unknown): string[] {
	return Array.isArray(changes) ? changes.filter((c): c is string => typeof c === 'string') : [];
}

/** "Ændret siden udsendelse: nyt bilag, ændret tekst" for an item's marks; "" for none. */
function describeChanges(changes: unknown): string {
	const kinds = markedChanges(changes)
		.map((k) => editor.changes.kinds[k])
		.filter(Boolean);
	return kinds.length ? `${editor.changes.heading}: ${kinds.join(', ')}.` : '';
}

/** The meeting's change lines for members, with their heading; null while a draft or unchanged. */
function changeNotice(status: string, lines: unknown) {
	const list = markedChanges(lines);
	if (status === 'draft' || !list.length) return null;
	return { heading: editor.changes.heading, lines: list };
}

/** A meeting as the pages read it (`fields` asks for no more), with the expands they ask for. */
type MeetingRecord = Pick<
	MeetingsRecord,
	| 'id'
	| 'title'
	| 'starts'
	| 'ends'
	| 'status'
	| 'location_room'
	| 'location_address'
	| 'location_note'
	| 'catering'
	| 'minutes_date'
	| 'group'
	| 'attendance_deadline'
	| 'share_with_chairs'
	| 'agenda_changes'
> & {
	expand?: {
		attendance_via_meeting?: AnswerRecord[] | AnswerRecord;
		group?: Pick<GroupsRecord, 'name'>;
		chair?: Pick<UsersRecord, 'name'>;
		minute_takers?: Pick<UsersRecord, 'name'>[];
		agenda_items_via_meeting?: (AgendaItemSummary & Partial<Pick<AgendaItemsRecord, 'changes'>>)[];
		meeting_guests_via_meeting?: Pick<MeetingGuestsRecord, 'id' | 'name' | 'title' | 'organization_name' | 'created'>[];
		follow_ups_via_meeting?: Pick<FollowUpsRecord, 'id' | 'text' | 'owner_text' | 'due' | 'item' | 'position'>[];
	};
};

/** The user's own answer among a meeting's answers, shown back in full; null when there is none. */
function myAnswer(answers: AnswerRecord[] | AnswerRecord | undefined, userId: string): MyAnswer | null {
	const answer = many(answers).find((a) => a.user === userId);
	return answer ? { status: answer.status, text: describeAnswer(answer), note: answer.note ?? '' } : null;
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

function summarize(m: MeetingRecord, userId: string, roles: Map<string, string>): MeetingSummary {
	return {
		canAnswer: roles.has(m.group),
		leads: isLeader(roles.get(m.group) ?? ''),
		myAnswer: myAnswer(m.expand?.attendance_via_meeting, userId),
		open: isOpen(m),
		attendanceDeadline: m.attendance_deadline,
		id: m.id,
		title: m.title,
		starts: m.starts,
		ends: m.ends,
		status: m.status,
		groupName: m.expand?.group?.name ?? '',
		place: [m.location_room, m.location_address].filter(Boolean).join(', ')
	};
}

/** The user's meetings (newest first, at most `limit`), split into upcoming and past at `now`. */
export async function listMeetings(pb: TypedPocketBase, userId: string, { now = new Date(), limit = 200 } = {}) {
	const [page, answering] = await Promise.all([
		pb.collection('meetings').getList<MeetingRecord>(1, limit, {
			sort: '-starts',
			expand: 'group,attendance_via_meeting',
			skipTotal: true,
			fields:
				'id,title,starts,ends,status,group,attendance_deadline,location_room,location_address,expand.group.name,' +
				'expand.attendance_via_meeting.user,expand.attendance_via_meeting.status,' +
				'expand.attendance_via_meeting.substitute_name,expand.attendance_via_meeting.substitute_title,' +
				'expand.attendance_via_meeting.arrives,expand.attendance_via_meeting.leaves,expand.attendance_via_meeting.note'
		}),
		answeringRoles(pb, userId)
	]);
	const meetings = page.items.map((m) => summarize(m, userId, answering));
	const hasEnded = (m: MeetingSummary) => (parseInstant(m.ends) ?? parseInstant(m.starts) ?? now) < now;
	return {
		/** Not ended yet, soonest first. */
		upcoming: meetings.filter((m) => !hasEnded(m)).reverse(),
		/** Ended, latest first. */
		past: meetings.filter(hasEnded)
	};
}

/** The meeting page's read: the meeting with its group's memberships (all the user may read). */
type MeetingPageRecord = MeetingRecord & {
	expand?: MeetingRecord['expand'] & {
		group?: Pick<GroupsRecord, 'name'> & {
			expand?: { memberships_via_group?: ExpandedMembership[] | ExpandedMembership };
		};
	};
};

const MEETING_PAGE_FIELDS = [
	'*',
	'expand.group.name',
	...EXPANDED_MEMBERSHIP_FIELDS.map((f) => `expand.group.expand.memberships_via_group.${f}`),
	'expand.chair.name',
	'expand.minute_takers.name',
	...['id', 'position', 'title', 'starts', 'ends', 'presenter', 'kind', 'changes'].map(
		(f) => `expand.agenda_items_via_meeting.${f}`
	),
	'expand.meeting_guests_via_meeting',
	'expand.follow_ups_via_meeting',
	'expand.attendance_via_meeting'
].join(',');

/**
 * Everything the meeting page shows, or a Danish 404 when the user may not see the meeting. One
 * read: the group's memberships come as a back-relation expand (the memberships collection's rules
 * still decide which the user sees), and who is a member now, and the user's own role, are picked
 * from them here, as `listMembers` and `roleIn` would ask PocketBase.
 */
export async function getMeetingPage(pb: TypedPocketBase, meetingId: string, userId: string, now = new Date()) {
	if (!isRecordId(meetingId)) error(404, { message: t.errors.meetingNotFound });
	const meeting = await orNotFound(
		pb.collection('meetings').getOne<MeetingPageRecord>(meetingId, {
			expand:
				'group.memberships_via_group.user.organization,chair,minute_takers,agenda_items_via_meeting,' +
				'meeting_guests_via_meeting,follow_ups_via_meeting,attendance_via_meeting',
			fields: MEETING_PAGE_FIELDS
		}),
		t.errors.meetingNotFound
	);
	const groupMemberships = many(meeting.expand?.group?.expand?.memberships_via_group);
	const memberships = ordinaryMembersAt(groupMemberships, now);
	const role = roleAt(groupMemberships, userId, now);
	const items = many(meeting.expand?.agenda_items_via_meeting).sort(byPosition);
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
			minuteTakers: many(meeting.expand?.minute_takers).map((u) => u.name),
			minutesDate: meeting.minutes_date,
			attendanceDeadline: meeting.attendance_deadline
		},
		/** "Ændret siden udsendelse": the Danish lines of what changed after publishing, and the words. */
		changes: changeNotice(meeting.status, meeting.agenda_changes),
		/** The user's own answer and whether they may still give or change it. */
		attendance: {
			myAnswer: myAnswer(meeting.expand?.attendance_via_meeting, userId),
			open: isOpen(meeting),
			canAnswer: !!role,
			isLeader: isLeader(role),
			/** The group's secretariat: the workspace's links (edit, minutes, history). */
			isSecretariat: role === 'secretariat',
			/** Whether the chairs may read the draft (the secretariat shared it). */
			sharedWithChairs: !!meeting.share_with_chairs
		},
		items: items.map(({ changes, ...item }) => ({ ...item, changed: markedChanges(changes).length > 0 })),
		/** The word beside a changed item in the agenda. */
		changedMark: editor.changes.itemMark,
		guests: many(meeting.expand?.meeting_guests_via_meeting)
			.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))
			.map((g) => ({ name: g.name, title: g.title, organization: g.organization_name })),
		participants: groupByOrganization(memberships),
		/** Who attended and who sent apologies, once the minutes (and so the answers) are published. */
		attendees:
			meeting.status === 'minutes_published' && many(meeting.expand?.attendance_via_meeting).length
				? attendees(memberships, many(meeting.expand?.attendance_via_meeting))
				: null,
		followUps: many(meeting.expand?.follow_ups_via_meeting)
			.sort(byPosition)
			.map((f) => ({
				id: f.id,
				text: f.text,
				owner: f.owner_text,
				due: f.due,
				itemPosition: positionOf.get(f.item) ?? null
			}))
	};
}

type ItemRecord = AgendaItemSummary &
	Pick<
		AgendaItemsResponse,
		| 'recommendation'
		| 'background'
		| 'attachments'
		| 'attachment_titles'
		| 'meeting'
		| 'collectionId'
		| 'collectionName'
		| 'changes'
	> & {
		expand?: {
			meeting?: MeetingRecord & {
				expand?: { agenda_items_via_meeting?: Pick<AgendaItemsRecord, 'position' | 'title'>[] };
			};
			item_minutes_via_item?: Pick<ItemMinutesRecord, 'text'> | Pick<ItemMinutesRecord, 'text'>[];
			decisions_via_item?: Pick<DecisionsRecord, 'id' | 'text' | 'position'>[];
		};
	};

/** One agenda item of a meeting by its number, or a Danish 404. */
function findItem(pb: TypedPocketBase, meetingId: string, position: number, options: Record<string, string>) {
	return orNotFound(
		pb
			.collection('agenda_items')
			.getFirstListItem<ItemRecord>(
				pb.filter('meeting = {:meetingId} && position = {:position}', { meetingId, position }),
				options
			),
		t.errors.itemNotFound
	);
}

/** One agenda item with its meeting context, Referat, decisions and neighbours. */
export async function getAgendaItemPage(pb: TypedPocketBase, meetingId: string, position: number) {
	if (!isRecordId(meetingId) || !Number.isInteger(position) || position < 1 || position > 999) {
		error(404, { message: t.errors.itemNotFound });
	}
	// The Referat and the decisions are expanded only when the minutes are published (or for the
	// secretariat): their collections' rules say so.
	const item = await findItem(pb, meetingId, position, {
		expand: 'meeting.group,meeting.agenda_items_via_meeting,item_minutes_via_item,decisions_via_item',
		fields:
			'*,expand.meeting.title,expand.meeting.starts,expand.meeting.status,expand.meeting.group,expand.meeting.expand.group.name,' +
			'expand.meeting.expand.agenda_items_via_meeting.position,expand.meeting.expand.agenda_items_via_meeting.title,' +
			'expand.item_minutes_via_item.text,expand.decisions_via_item.id,expand.decisions_via_item.text,' +
			'expand.decisions_via_item.position'
	});
	const meeting = item.expand?.meeting;
	const sizes = await attachmentSizes(pb, item, item.attachments);
	const siblings = many(meeting?.expand?.agenda_items_via_meeting).sort(byPosition);
	const index = siblings.findIndex((s) => s.position === item.position);
	return {
		meeting: {
			id: meetingId,
			title: meeting?.title ?? '',
			starts: meeting?.starts ?? '',
			group: meeting?.group ?? '',
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
			/** "Ændret siden udsendelse: nyt bilag, ændret tekst", or "" for an item unchanged since. */
			changeNote: describeChanges(item.changes),
			minutes: many(item.expand?.item_minutes_via_item)[0]?.text ?? null,
			/** Each file with its readable title, kind and size ("Strategi 2023.pdf", "PDF", 245123). */
			attachments: item.attachments.map((file, i) => ({
				file,
				title: storedTitle(item.attachment_titles, file) ?? attachmentTitle(file),
				kind: attachmentKind(file),
				size: sizes[i] ?? null,
				inline: file.toLowerCase().endsWith('.pdf')
			}))
		},
		decisions: many(item.expand?.decisions_via_item)
			.sort(byPosition)
			.map((d) => ({ id: d.id, text: d.text })),
		previous: index > 0 ? siblings[index - 1] : null,
		next: index >= 0 && index < siblings.length - 1 ? siblings[index + 1] : null
	};
}

/** The title the secretariat gave a file (`attachment_titles`), if any. */
function storedTitle(titles: unknown, file: string): string | null {
	const title = titles && typeof titles === 'object' ? (titles as Record<string, unknown>)[file] : null;
	return typeof title === 'string' && title ? title : null;
}

/**
 * The size in bytes of each attachment of an item, asked of PocketBase with HEAD requests (the
 * files are not read); null for a file whose size PocketBase does not tell.
 */
export async function attachmentSizes(
	pb: TypedPocketBase,
	record: { id: string; collectionId: string; collectionName: string },
	files: string[]
): Promise<(number | null)[]> {
	if (!files.length) return [];
	const token = await pb.files.getToken();
	return Promise.all(
		files.map(async (file) => {
			try {
				const response = await fetch(pb.files.getURL(record, file, { token }), { method: 'HEAD' });
				const length = Number(response.headers.get('content-length'));
				return response.ok && Number.isFinite(length) && length > 0 ? length : null;
			} catch {
				return null;
			}
		})
	);
}

/** Streams a protected attachment of an agenda item the user may read. */
export async function fetchAttachment(pb: TypedPocketBase, meetingId: string, position: number, fileName: string) {
	if (!isRecordId(meetingId) || !Number.isInteger(position)) error(404, { message: t.errors.fileNotFound });
	const item = await findItem(pb, meetingId, position, { fields: 'id,collectionId,collectionName,attachments' });
	if (!item.attachments.includes(fileName)) error(404, { message: t.errors.fileNotFound });
	const token = await pb.files.getToken();
	const response = await fetch(pb.files.getURL(item, fileName, { token }));
	if (!response.ok || !response.body) error(404, { message: t.errors.fileNotFound });
	return response;
}
