// Importing an agenda or minutes: a .docx upload read to text, the parser's result turned into an
// editable proposal (names matched to the group's members), the review form read back and checked,
// and the reviewed proposal saved through the hook route (pb_hooks/lib/import.js), which is the
// authority and stores it whole or not at all. Nothing is kept between the steps but the form.
import mammoth from 'mammoth';
import { ClientResponseError } from 'pocketbase';
import type { ImportedMeeting, ItemKind } from '$lib/agenda/import';
import { readSlot } from '$lib/agenda/import/text';
import { localDateKey, toTimeInput, zonedToInstant } from '$lib/dates';
import { importMessages as m } from '$lib/messages/da-import';
import type { TypedPocketBase } from '$lib/pocketbase-types';
import { htmlToText } from './html-to-text';
import { listMembers } from './memberships';

/** The largest Word file accepted. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** The review form's hidden source text and call list: the paste limit and some room. */
export const MAX_HIDDEN_BYTES = 1_200_000;
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const KINDS: ItemKind[] = ['decision', 'discussion', 'orientation', 'written'];

/** What a Word file may unpack to: a small file that unpacks to gigabytes would stall the server. */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

/**
 * The sum of the sizes the zip's central directory declares for its entries, or null when there is
 * no readable directory (a broken file) or it uses ZIP64 (no Word document of ours needs it).
 */
export function unpackedSize(zip: Buffer): number | null {
	// The end-of-central-directory record: 22 bytes plus a comment of up to 65 535 bytes at the end.
	for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
		if (zip.readUInt32LE(at) !== 0x06054b50) continue;
		const entries = zip.readUInt16LE(at + 10);
		let offset = zip.readUInt32LE(at + 16);
		let total = 0;
		for (let i = 0; i < entries; i++) {
			if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) return null;
			const size = zip.readUInt32LE(offset + 24);
			if (size === 0xffffffff) return null;
			total += size;
			offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
		}
		return total;
	}
	return null;
}

/** The text of an uploaded Word file, or a Danish reason for refusing it. */
export async function readDocx(file: File): Promise<{ text: string } | { error: string }> {
	if (!/\.docx$/i.test(file.name)) return { error: m.notDocx };
	if (file.size > MAX_UPLOAD_BYTES) return { error: m.fileTooLarge };
	const buffer = Buffer.from(await file.arrayBuffer());
	if (buffer.length < 4 || ZIP_SIGNATURE.some((b, i) => buffer[i] !== b)) return { error: m.notDocx };
	const unpacked = unpackedSize(buffer);
	if (unpacked === null) return { error: m.brokenDocx };
	if (unpacked > MAX_UNPACKED_BYTES) return { error: m.fileTooLarge };
	try {
		const { value } = await mammoth.convertToHtml({ buffer });
		return { text: htmlToText(value) };
	} catch {
		return { error: m.brokenDocx };
	}
}

/** A member of the group, for matching names and for the pickers. */
export interface GroupMember {
	id: string;
	name: string;
	title: string;
	organization: string;
}

/** The group's active ordinary members, by name. */
export async function groupMembers(pb: TypedPocketBase, groupId: string): Promise<GroupMember[]> {
	const rows = await listMembers(pb, 'group = {:groupId}', { groupId });
	return rows
		.map((r) => r.expand?.user)
		.filter((u) => !!u)
		.map((u) => ({ id: u.id, name: u.name, title: u.title, organization: u.expand?.organization?.name ?? '' }))
		.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

export interface ProposalItem {
	number: number;
	title: string;
	/** "08.20-08.50", or empty for an item without a slot. */
	slot: string;
	presenter: string;
	kind: ItemKind | '';
	recommendation: string;
	background: string;
	minutes: string;
	/** One decision per line. */
	decisions: string;
}

export interface ProposalAttendance {
	user: string;
	name: string;
	status: 'attending' | 'absent';
	note: string;
}

export interface ProposalGuest {
	name: string;
	title: string;
	organization_name: string;
}

export interface ProposalFollowUp {
	/** The item's number as text, or empty. */
	item: string;
	text: string;
	owner_text: string;
	/** yyyy-mm-dd or empty. */
	due: string;
}

/** The review form: what the secretariat edits before saving. */
export interface Proposal {
	group: string;
	title: string;
	/** yyyy-mm-dd, hh:mm, hh:mm in Copenhagen. */
	date: string;
	start: string;
	end: string;
	location_room: string;
	location_address: string;
	location_note: string;
	catering: string;
	chair: string;
	minute_takers: string[];
	minutes_date: string;
	items: ProposalItem[];
	attendance: ProposalAttendance[];
	guests: ProposalGuest[];
	follow_ups: ProposalFollowUp[];
	/** Text that fitted no field; saved on the last item, never dropped. */
	notes: string;
}

const squash = (name: string) => name.toLocaleLowerCase('da').replace(/\s+/g, ' ').trim();

function clockOf(instant: string | null): string {
	return instant ? toTimeInput(instant).replace(':', '.') : '';
}

/** The parser's meeting as a proposal: members found by name, everyone else kept as guests or text. */
export function proposalFrom(
	meeting: ImportedMeeting,
	leftovers: string[],
	members: GroupMember[],
	group: string
): Proposal {
	const byName = new Map(members.map((p) => [squash(p.name), p]));
	const find = (name: string) => byName.get(squash(name));
	const notes: string[] = [...leftovers];
	const attendance: ProposalAttendance[] = [];
	const guests: ProposalGuest[] = [];
	const seen = new Set<string>();

	for (const org of meeting.participants) {
		for (const person of org.people) {
			const member = find(person.name);
			if (member && !seen.has(member.id)) {
				seen.add(member.id);
				attendance.push({ user: member.id, name: member.name, status: 'attending', note: person.note });
			} else {
				const title = [person.title, person.department].filter(Boolean).join(', ');
				guests.push({ name: person.name, title, organization_name: org.organisation });
			}
		}
	}
	for (const person of meeting.guests) {
		guests.push({ name: person.name, title: person.title, organization_name: person.department });
	}
	for (const person of meeting.apologies) {
		const member = find(person.name);
		if (member && !seen.has(member.id)) {
			seen.add(member.id);
			attendance.push({ user: member.id, name: member.name, status: 'absent', note: '' });
		} else {
			notes.push(`${m.apologyNote}: ${[person.name, person.title, person.organisation].filter(Boolean).join(', ')}`);
		}
	}

	const chair = meeting.chair ? find(meeting.chair) : undefined;
	if (meeting.chair && !chair) notes.push(`${m.chair}: ${meeting.chair}`);
	const takers = meeting.minuteTakers.map((n) => ({ n, member: find(n) }));
	const unmatchedTakers = takers.filter((t) => !t.member).map((t) => t.n);
	if (unmatchedTakers.length) notes.push(`${m.minuteTakers}: ${unmatchedTakers.join(', ')}`);

	return {
		group,
		title: meeting.title,
		date: meeting.starts ? localDateKey(meeting.starts) : '',
		start: meeting.starts ? toTimeInput(meeting.starts) : '',
		end: meeting.ends ? toTimeInput(meeting.ends) : '',
		location_room: meeting.locationRoom,
		location_address: meeting.locationAddress,
		location_note: meeting.locationNote,
		catering: meeting.catering,
		chair: chair?.id ?? '',
		minute_takers: takers.flatMap((t) => (t.member ? [t.member.id] : [])),
		minutes_date: meeting.minutesDate ?? '',
		items: meeting.items.map((item) => ({
			number: item.number,
			title: item.title,
			slot: item.starts && item.ends ? `${clockOf(item.starts)}-${clockOf(item.ends)}` : '',
			presenter: item.presenter,
			kind: item.kind ?? '',
			recommendation: item.recommendation,
			background: item.background,
			minutes: item.minutes,
			decisions: item.decisions.join('\n')
		})),
		attendance,
		guests,
		follow_ups: meeting.followUps.map((f) => ({
			item: f.item ? String(f.item) : '',
			text: f.text,
			owner_text: f.owner,
			due: f.due ?? ''
		})),
		notes: notes.join('\n\n')
	};
}

/** Indexed rows of the form ("items.3.title") as arrays, in index order. */
function rows(form: FormData, prefix: string): Map<number, (field: string) => string> {
	const indexes = new Set<number>();
	for (const key of form.keys()) {
		const match = new RegExp(`^${prefix}\\.(\\d{1,3})\\.`).exec(key);
		if (match) indexes.add(Number(match[1]));
	}
	return new Map(
		[...indexes]
			.sort((a, b) => a - b)
			.map((i) => [i, (field: string) => String(form.get(`${prefix}.${i}.${field}`) ?? '')])
	);
}

/** The review form as typed. Nothing in it is trusted: it is checked here and by the hook. */
export function readProposal(form: FormData): Proposal {
	const text = (name: string) => String(form.get(name) ?? '');
	return {
		group: text('group'),
		title: text('title'),
		date: text('date'),
		start: text('start'),
		end: text('end'),
		location_room: text('location_room'),
		location_address: text('location_address'),
		location_note: text('location_note'),
		catering: text('catering'),
		chair: text('chair'),
		minute_takers: form.getAll('minute_takers').map(String).filter(Boolean),
		minutes_date: text('minutes_date'),
		items: [...rows(form, 'items')].map(([, get]) => ({
			number: Number(get('number')) || 0,
			title: get('title'),
			slot: get('slot'),
			presenter: get('presenter'),
			kind: (KINDS as string[]).includes(get('kind')) ? (get('kind') as ItemKind) : '',
			recommendation: get('recommendation'),
			background: get('background'),
			minutes: get('minutes'),
			decisions: get('decisions')
		})),
		attendance: [...rows(form, 'attendance')].map(([, get]) => ({
			user: get('user'),
			name: get('name'),
			status: (get('status') === 'absent' ? 'absent' : 'attending') as ProposalAttendance['status'],
			note: get('note')
		})),
		guests: [...rows(form, 'guests')].map(([, get]) => ({
			name: get('name'),
			title: get('title'),
			organization_name: get('organization_name')
		})),
		follow_ups: [...rows(form, 'follow_ups')].map(([, get]) => ({
			item: get('item'),
			text: get('text'),
			owner_text: get('owner_text'),
			due: get('due')
		})),
		notes: text('notes')
	};
}

export type ImportErrors = Record<string, string>;

/** The body the hook route takes. */
export interface ImportPayload {
	group: string;
	title: string;
	starts: string;
	ends: string;
	location_room: string;
	location_address: string;
	location_note: string;
	catering: string;
	chair: string;
	minute_takers: string[];
	minutes_date: string;
	items: {
		title: string;
		kind: string;
		presenter: string;
		duration_minutes: number | null;
		recommendation: string;
		background: string;
		minutes: string;
		decisions: string[];
	}[];
	attendance: { user: string; status: string; note: string }[];
	guests: ProposalGuest[];
	follow_ups: { item: number | null; text: string; owner_text: string; due: string }[];
}

const minutesOf = (clock: string) => {
	const [h, mm] = clock.split(':').map(Number);
	return h * 60 + mm;
};

/**
 * Checks what needs no server — times readable, slots in order — and builds the hook's body.
 * `errors` keep the proposal from being saved; `notices` (a gap between two slots) only inform.
 */
export function checkProposal(p: Proposal): { errors: ImportErrors; notices: ImportErrors; payload: ImportPayload } {
	const errors: ImportErrors = {};
	const notices: ImportErrors = {};
	const clock = /^\d{1,2}[:.]\d{2}$/;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(p.date)) errors.date = m.errors.date;
	if (!clock.test(p.start)) errors.start = m.errors.time;
	if (!clock.test(p.end)) errors.end = m.errors.time;
	const valid = !errors.date && !errors.start && !errors.end;
	const starts = valid ? zonedToInstant(p.date, p.start.replace('.', ':')) : null;
	const ends = valid ? zonedToInstant(p.date, p.end.replace('.', ':')) : null;
	if (p.title.trim() === '') errors.title = m.errors.title;

	let previous: { number: number; end: number; slot: string } | null = null;
	const items = p.items.map((item, i) => {
		let duration: number | null = null;
		if (item.slot.trim() !== '') {
			const slot = readSlot(item.slot);
			if (!slot) {
				errors[`items.${i}.slot`] = m.errors.slot;
			} else {
				const from = minutesOf(slot.start);
				const to = minutesOf(slot.end);
				duration = to - from;
				if (duration <= 0) errors[`items.${i}.slot`] = m.errors.slotOrder;
				else if (previous && from < previous.end) {
					errors[`items.${i}.slot`] = m.errors.overlap(previous.number, previous.slot);
				} else if (previous && from > previous.end) {
					notices[`items.${i}.slot`] = m.gap(from - previous.end);
				}
				if (duration > 0) previous = { number: item.number || i + 1, end: to, slot: item.slot.trim() };
			}
		}
		const isLast = i === p.items.length - 1;
		const notes = isLast && p.notes.trim() !== '' ? `\n\n## ${m.notesHeading}\n\n${p.notes.trim()}` : '';
		return {
			title: item.title,
			kind: item.kind,
			presenter: item.presenter,
			duration_minutes: duration !== null && duration > 0 ? duration : null,
			recommendation: item.recommendation,
			background: (item.background + notes).trim(),
			minutes: item.minutes,
			decisions: item.decisions
				.split('\n')
				.map((d) => d.trim())
				.filter(Boolean)
		};
	});
	if (p.items.length === 0 && p.notes.trim() !== '') errors.notes = m.errors.notesWithoutItems;

	const numbers = new Map(p.items.map((item, i) => [String(item.number || i + 1), i]));
	const payload: ImportPayload = {
		group: p.group,
		title: p.title,
		starts: starts?.toISOString() ?? '',
		ends: ends?.toISOString() ?? '',
		location_room: p.location_room,
		location_address: p.location_address,
		location_note: p.location_note,
		catering: p.catering,
		chair: p.chair,
		minute_takers: p.minute_takers,
		minutes_date: p.minutes_date,
		items,
		attendance: p.attendance.map((a) => ({ user: a.user, status: a.status, note: a.note })),
		guests: p.guests,
		follow_ups: p.follow_ups.map((f, i) => {
			const item = f.item.trim() === '' ? null : (numbers.get(f.item.trim()) ?? -1);
			if (item === -1) errors[`follow_ups.${i}.item`] = m.errors.followUpItem;
			return { item: item === -1 ? null : item, text: f.text, owner_text: f.owner_text, due: f.due };
		})
	};
	return { errors, notices, payload };
}

/** The hook's field names as the review form's. */
function formKey(key: string): string {
	if (key === 'starts') return 'start';
	if (key === 'ends') return 'end';
	return key.replace(/^items\.(\d+)\.duration_minutes$/, 'items.$1.slot');
}

/** The hook's Danish refusals beside the review form's fields; a refusal without one as `form`. */
export function importErrors(err: unknown): ImportErrors {
	if (!(err instanceof ClientResponseError) || err.status >= 500 || err.status === 0) {
		return { form: m.errors.generic };
	}
	const data = (err.response?.data ?? {}) as Record<string, { message?: string }>;
	const errors: ImportErrors = {};
	for (const [key, value] of Object.entries(data)) {
		if (value?.message) errors[formKey(key)] = value.message;
	}
	if (!Object.keys(errors).length) errors.form = m.errors.generic;
	return errors;
}

/** Saves the reviewed proposal as a draft meeting; the new meeting's id and its items' ids. */
export function saveImport(pb: TypedPocketBase, payload: ImportPayload) {
	return pb.send<{ meeting: string; items: string[] }>('/api/klynge/meetings/import', {
		method: 'POST',
		body: payload
	});
}
