// The minutes editor (issue 10): reading a meeting's Referat, decisions and follow-ups for its
// secretariat, and saving them per agenda item. PocketBase's rules decide who may write; its hooks
// (pb_hooks/lib/minutes.js) say in Danish what is wrong and where. An item's Referat and decisions
// are saved in one batch (one transaction), so a refused decision leaves the Referat typed beside it
// unsaved too and the form shows both again: nothing is half-stored, nothing typed is lost.
import { ClientResponseError } from 'pocketbase';
import { localDateKey, parseInstant, toPocketBaseDate, zonedToInstant } from '$lib/dates';
import { minutes as m } from '$lib/messages/da-minutes';
import { orNotFound } from './errors';
import { many } from './expand';
import { ACTIVE_MEMBERSHIP } from './memberships';
import { requireSecretariatOfMeeting, type WorkspaceMeeting } from './workspace';
import type { TypedPocketBase } from '$lib/pocketbase-types';

/** A decision as the editor shows it. */
export interface EditorDecision {
	id: string;
	text: string;
}

/** One agenda item with its Referat and decisions. */
export interface EditorItem {
	id: string;
	position: number;
	title: string;
	starts: string;
	ends: string;
	presenter: string;
	/** The Referat's record id ('' when none was written yet) and text. */
	minutesId: string;
	minutes: string;
	decisions: EditorDecision[];
}

/** How a follow-up's owner was chosen. */
export type OwnerChoice = `user:${string}` | `org:${string}` | 'text' | '';

/** A follow-up as the editor shows it. */
export interface EditorFollowUp {
	id: string;
	item: string;
	text: string;
	owner: OwnerChoice;
	ownerText: string;
	/** "2020-09-11", the Copenhagen day, for an <input type="date">. */
	due: string;
	done: boolean;
}

/** Who may own a follow-up: the group's people and organisations. */
export interface Owners {
	people: { id: string; label: string }[];
	organizations: { id: string; name: string }[];
}

type ItemRow = {
	id: string;
	position: number;
	title: string;
	starts: string;
	ends: string;
	presenter: string;
	expand?: {
		item_minutes_via_item?: { id: string; text: string } | { id: string; text: string }[];
		decisions_via_item?: { id: string; text: string; position: number }[];
	};
};
type FollowUpRow = {
	id: string;
	item: string;
	position: number;
	text: string;
	owner_user: string;
	owner_organization: string;
	owner_text: string;
	due: string;
	status: string;
};
type MeetingRow = {
	minutes_date: string;
	minutes_published_at: string;
	expand?: { agenda_items_via_meeting?: ItemRow[]; follow_ups_via_meeting?: FollowUpRow[] };
};
type MemberRow = {
	expand?: {
		user?: { id: string; name: string; title: string; expand?: { organization?: { id: string; name: string } } };
	};
};

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/** The owner choice a stored follow-up stands for. */
function ownerOf(f: FollowUpRow): OwnerChoice {
	if (f.owner_user) return `user:${f.owner_user}`;
	if (f.owner_organization) return `org:${f.owner_organization}`;
	return f.owner_text ? 'text' : '';
}

/** The group's active ordinary members and their organisations, as owners to choose from. */
async function listOwners(pb: TypedPocketBase, groupId: string): Promise<Owners> {
	const rows = await pb.collection('memberships').getFullList<MemberRow>({
		filter: pb.filter(`group = {:groupId} && meeting = "" && role != "guest" && ${ACTIVE_MEMBERSHIP}`, { groupId }),
		expand: 'user.organization',
		fields:
			'expand.user.id,expand.user.name,expand.user.title,expand.user.expand.organization.id,' +
			'expand.user.expand.organization.name'
	});
	const people = new Map<string, string>();
	const organizations = new Map<string, string>();
	for (const row of rows) {
		const user = row.expand?.user;
		if (!user) continue;
		const org = user.expand?.organization;
		people.set(user.id, [user.name, org?.name].filter(Boolean).join(', '));
		if (org) organizations.set(org.id, org.name);
	}
	const sorted = <T>(map: Map<string, string>, make: (id: string, name: string) => T, name: (x: T) => string) =>
		[...map].map(([id, n]) => make(id, n)).sort((a, b) => name(a).localeCompare(name(b), 'da'));
	return {
		people: sorted(
			people,
			(id, label) => ({ id, label }),
			(p) => p.label
		),
		organizations: sorted(
			organizations,
			(id, name) => ({ id, name }),
			(o) => o.name
		)
	};
}

/** Everything the minutes editor shows; a Danish 404 for anyone but the group's secretariat. */
export async function loadMinutes(pb: TypedPocketBase, meetingId: string, userId: string) {
	const meeting: WorkspaceMeeting = await requireSecretariatOfMeeting(pb, userId, meetingId);
	const [row, owners] = await Promise.all([
		orNotFound(
			pb.collection('meetings').getOne<MeetingRow>(meetingId, {
				expand:
					'agenda_items_via_meeting.item_minutes_via_item,agenda_items_via_meeting.decisions_via_item,' +
					'follow_ups_via_meeting',
				fields:
					'minutes_date,minutes_published_at,expand.agenda_items_via_meeting.id,expand.agenda_items_via_meeting.position,' +
					'expand.agenda_items_via_meeting.title,expand.agenda_items_via_meeting.starts,' +
					'expand.agenda_items_via_meeting.ends,expand.agenda_items_via_meeting.presenter,' +
					'expand.agenda_items_via_meeting.expand.item_minutes_via_item.id,' +
					'expand.agenda_items_via_meeting.expand.item_minutes_via_item.text,' +
					'expand.agenda_items_via_meeting.expand.decisions_via_item.id,' +
					'expand.agenda_items_via_meeting.expand.decisions_via_item.text,' +
					'expand.agenda_items_via_meeting.expand.decisions_via_item.position,' +
					'expand.follow_ups_via_meeting.id,expand.follow_ups_via_meeting.item,' +
					'expand.follow_ups_via_meeting.position,expand.follow_ups_via_meeting.text,' +
					'expand.follow_ups_via_meeting.owner_user,expand.follow_ups_via_meeting.owner_organization,' +
					'expand.follow_ups_via_meeting.owner_text,expand.follow_ups_via_meeting.due,' +
					'expand.follow_ups_via_meeting.status'
			}),
			m.notFound
		),
		listOwners(pb, meeting.group)
	]);
	const items: EditorItem[] = many(row.expand?.agenda_items_via_meeting)
		.sort(byPosition)
		.map((i) => {
			const minutes = many(i.expand?.item_minutes_via_item)[0];
			return {
				id: i.id,
				position: i.position,
				title: i.title,
				starts: i.starts,
				ends: i.ends,
				presenter: i.presenter,
				minutesId: minutes?.id ?? '',
				minutes: minutes?.text ?? '',
				decisions: many(i.expand?.decisions_via_item)
					.sort(byPosition)
					.map((d) => ({ id: d.id, text: d.text }))
			};
		});
	const followUps: EditorFollowUp[] = many(row.expand?.follow_ups_via_meeting)
		.sort(byPosition)
		.map((f) => ({
			id: f.id,
			item: f.item,
			text: f.text,
			owner: ownerOf(f),
			ownerText: f.owner_text,
			due: f.due ? localDateKey(f.due) : '',
			done: f.status === 'done'
		}));
	return {
		meeting: {
			...meeting,
			minutesDate: row.minutes_date ? localDateKey(row.minutes_date) : '',
			minutesPublishedAt: row.minutes_published_at
		},
		items,
		followUps,
		owners
	};
}

/** Field errors by the form field's id, and a message for the whole form. */
export type MinutesErrors = Record<string, string>;

type Refusal = { status?: number; message?: string; data?: Record<string, { code?: string; message?: string }> };

/** The Danish message for a refusal that PocketBase made itself (its messages are English). */
function ownMessage(code: string | undefined): string {
	if (code === 'validation_max_text_constraint') return m.errors.tooLong;
	if (code === 'validation_required') return m.errors.required;
	return m.errors.invalid;
}

/**
 * The messages of a refused write (or batch): each of the hooks' Danish messages beside the form
 * field `target(index, field)` names; a refusal that names no field as `form`.
 */
function refusalErrors(err: ClientResponseError, target: (index: number, field: string) => string): MinutesErrors {
	const requests = (err.response?.data?.requests ?? null) as Record<string, { response?: Refusal }> | null;
	const [index, failed] = requests ? (Object.entries(requests)[0] ?? ['0', undefined]) : ['0', undefined];
	const refusal: Refusal = failed?.response ?? (err.response as Refusal);
	const errors: MinutesErrors = {};
	for (const [field, problem] of Object.entries(refusal?.data ?? {})) {
		if (field === 'requests') continue;
		const message = problem.code?.startsWith('validation_') ? ownMessage(problem.code) : problem.message;
		const name = target(Number(index), field);
		if (message && !errors[name]) errors[name] = message;
	}
	if (!Object.keys(errors).length) errors.form = m.errors.notSaved;
	return errors;
}

/** What the item form sent: the Referat, the decisions in their order, a new one, and what to do. */
export interface ItemForm {
	item: string;
	minutes: string;
	decisions: EditorDecision[];
	newDecision: string;
	/** "save", or "up:<id>", "down:<id>", "remove:<id>" for one decision. */
	op: string;
}

/** Reads the item form. */
export function parseItemForm(form: FormData): ItemForm {
	const ids = form.getAll('decision_id').map(String);
	const texts = form.getAll('decision_text').map(String);
	return {
		item: String(form.get('item') ?? ''),
		minutes: String(form.get('minutes') ?? ''),
		decisions: ids.map((id, i) => ({ id, text: texts[i] ?? '' })),
		newDecision: String(form.get('decision_new') ?? ''),
		op: String(form.get('op') ?? 'save')
	};
}

/** The form field id of a decision's text ("decision-<id>", "decision-new-<item>"). */
export const decisionField = (id: string) => `decision-${id}`;
export const newDecisionField = (itemId: string) => `decision-new-${itemId}`;
export const minutesField = (itemId: string) => `minutes-${itemId}`;

/**
 * The item's decisions in their new order, as typed, after `form.op` (move one up or down, or
 * remove it), and the ids removed. Only the item's own decisions count: an id of another item's
 * decision is ignored; one the form did not send (added in another tab) keeps its text, last.
 */
export function arrangeDecisions(
	stored: EditorDecision[],
	form: Pick<ItemForm, 'decisions' | 'op'>
): { decisions: EditorDecision[]; removed: string[] } {
	const ours = new Set(stored.map((d) => d.id));
	const decisions = form.decisions.filter((d) => ours.has(d.id));
	const [verb, target] = form.op.split(':');
	const at = decisions.findIndex((d) => d.id === target);
	const removed: string[] = [];
	if (verb === 'remove' && at >= 0) removed.push(...decisions.splice(at, 1).map((d) => d.id));
	if (verb === 'up' && at > 0) [decisions[at - 1], decisions[at]] = [decisions[at], decisions[at - 1]];
	if (verb === 'down' && at >= 0 && at < decisions.length - 1) {
		[decisions[at], decisions[at + 1]] = [decisions[at + 1], decisions[at]];
	}
	const sent = new Set(form.decisions.map((d) => d.id));
	return { decisions: decisions.concat(stored.filter((d) => !sent.has(d.id))), removed };
}

/**
 * Saves one item's Referat and decisions in one batch, after applying `op` (move or remove one
 * decision). Only the item's own decisions are changed: an id of another item's decision is ignored.
 */
export async function saveItem(
	pb: TypedPocketBase,
	item: EditorItem,
	form: ItemForm
): Promise<{ ok: true } | { errors: MinutesErrors }> {
	const { decisions, removed } = arrangeDecisions(item.decisions, form);
	const batch = pb.createBatch();
	const targets: string[] = [];
	if (item.minutesId) batch.collection('item_minutes').update(item.minutesId, { text: form.minutes });
	else if (form.minutes.trim()) batch.collection('item_minutes').create({ item: item.id, text: form.minutes });
	if (item.minutesId || form.minutes.trim()) targets.push(minutesField(item.id));
	for (const id of removed) {
		batch.collection('decisions').delete(id);
		targets.push('form');
	}
	decisions.forEach((d, i) => {
		const stored = item.decisions.find((s) => s.id === d.id);
		const position = i + 1;
		if (stored && stored.text === d.text && item.decisions.indexOf(stored) === i) return;
		batch.collection('decisions').update(d.id, { text: d.text, position });
		targets.push(decisionField(d.id));
	});
	// A form sent twice (a double tap, a replay after a lost answer) adds its new decision once.
	const fresh = form.newDecision.trim();
	if (fresh && !decisions.some((d) => d.text.trim() === fresh)) {
		batch.collection('decisions').create({ item: item.id, text: form.newDecision, position: decisions.length + 1 });
		targets.push(newDecisionField(item.id));
	}
	if (!targets.length) return { ok: true };
	try {
		await batch.send();
		return { ok: true };
	} catch (err) {
		if (!(err instanceof ClientResponseError) || err.status >= 500 || err.status === 0) throw err;
		return { errors: refusalErrors(err, (index) => targets[index] ?? 'form') };
	}
}

/** What the follow-up form sent. */
export interface FollowUpForm {
	id: string;
	item: string;
	text: string;
	owner: string;
	ownerText: string;
	due: string;
	done: boolean;
}

/** Reads a follow-up form. */
export function parseFollowUpForm(form: FormData): FollowUpForm {
	const text = (name: string) => String(form.get(name) ?? '');
	return {
		id: text('id'),
		item: text('item'),
		text: text('text'),
		owner: text('owner'),
		ownerText: text('owner_text').trim(),
		due: text('due').trim(),
		done: form.get('done') === 'on'
	};
}

/** The form's fields of a follow-up, by PocketBase field. */
const FOLLOW_UP_FIELDS: Record<string, string> = {
	text: 'text',
	owner_user: 'owner',
	owner_organization: 'owner',
	owner_text: 'owner_text',
	due: 'due',
	item: 'form',
	status: 'form'
};

/**
 * Creates or changes a follow-up of the meeting. The owner is one choice: a person or organisation
 * of the group (PocketBase checks that they belong to it and copies their name), or a free text.
 * A due date is the end of that day in Copenhagen.
 */
export async function saveFollowUp(
	pb: TypedPocketBase,
	meetingId: string,
	existing: EditorFollowUp[],
	form: FollowUpForm
): Promise<{ ok: true } | { errors: MinutesErrors }> {
	const errors: MinutesErrors = {};
	if (form.due && !/^\d{4}-\d{2}-\d{2}$/.test(form.due)) errors.due = m.errors.date;
	if (form.owner === 'text' && !form.ownerText) errors.owner_text = m.errors.ownerText;
	if (form.id && !existing.some((f) => f.id === form.id)) errors.form = m.errors.notSaved;
	if (Object.keys(errors).length) return { errors };
	const [kind, ownerId] = form.owner.split(':');
	const due = form.due ? zonedToInstant(form.due, '23:59') : null;
	const record = {
		item: form.item,
		text: form.text,
		owner_user: kind === 'user' ? ownerId : '',
		owner_organization: kind === 'org' ? ownerId : '',
		owner_text: kind === 'text' ? form.ownerText : '',
		due: due && parseInstant(due) ? toPocketBaseDate(due) : '',
		status: form.done ? 'done' : 'open'
	};
	try {
		if (form.id) await pb.collection('follow_ups').update(form.id, record);
		else await pb.collection('follow_ups').create({ ...record, meeting: meetingId, position: existing.length + 1 });
		return { ok: true };
	} catch (err) {
		if (!(err instanceof ClientResponseError) || err.status >= 500 || err.status === 0) throw err;
		return { errors: refusalErrors(err, (_i, field) => FOLLOW_UP_FIELDS[field] ?? 'form') };
	}
}

/** Removes a follow-up of the meeting (only one the editor listed). */
export async function removeFollowUp(pb: TypedPocketBase, existing: EditorFollowUp[], id: string) {
	if (!existing.some((f) => f.id === id)) return;
	await pb.collection('follow_ups').delete(id);
}

/** Saves the minutes' date ("2020-06-12"); '' clears it. */
export async function saveMinutesDate(
	pb: TypedPocketBase,
	meetingId: string,
	date: string
): Promise<{ ok: true } | { errors: MinutesErrors }> {
	if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { errors: { minutes_date: m.errors.date } };
	try {
		await pb
			.collection('meetings')
			.update(meetingId, { minutes_date: date ? toPocketBaseDate(zonedToInstant(date, '12:00')) : '' });
		return { ok: true };
	} catch (err) {
		if (!(err instanceof ClientResponseError) || err.status >= 500 || err.status === 0) throw err;
		return { errors: refusalErrors(err, (_i, field) => (field === 'minutes_date' ? 'minutes_date' : 'form')) };
	}
}

/**
 * "Udsend referat": the meeting's status becomes minutes_published. PocketBase stamps the moment
 * and queues one notification per member (once, however often this is sent).
 */
export async function publishMinutes(
	pb: TypedPocketBase,
	meetingId: string
): Promise<{ ok: true } | { errors: MinutesErrors }> {
	try {
		await pb.collection('meetings').update(meetingId, { status: 'minutes_published' });
		return { ok: true };
	} catch (err) {
		if (!(err instanceof ClientResponseError) || err.status >= 500 || err.status === 0) throw err;
		return { errors: refusalErrors(err, () => 'publish') };
	}
}
