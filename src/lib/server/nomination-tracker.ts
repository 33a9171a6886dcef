// The secretariat's side of a nomination call: reading a call with its fora and answers, the tracker
// (organisations × fora), reminders, saving the call form, closing, reopening and extending.
// PocketBase's rules decide who reads and writes; its hooks (pb_hooks/nominations.pb.js) hold the
// invariants and their Danish messages. Related records come as back-relation expands, never as a
// filter that may match nothing (PocketBase throttles empty searches).
import { error } from '@sveltejs/kit';
import { ClientResponseError } from 'pocketbase';
import { nominationAdmin } from '$lib/messages/da-nomination-admin';
import { toPocketBaseDate } from '$lib/dates';
import { tally, type Tally } from '$lib/nominations';
import type {
	GroupsRecord,
	MeetingsRecord,
	NominationCallsRecord,
	NominationForaRecord,
	NominationsRecord,
	NominationTalliesRecord,
	OrganizationsRecord,
	TypedPocketBase
} from '$lib/pocketbase-types';
import { isRecordId, orNotFound } from './errors';
import { many } from './expand';
import { ACTIVE_MEMBERSHIP, isLeader, roleIn } from './memberships';

export type Sector = OrganizationsRecord['sector'];
/** The sectors in the order the form and the tracker list them. */
export const SECTORS: Sector[] = ['kommune', 'region', 'hospital', 'psykiatri', 'almen_praksis', 'andet'];

type ForumRecord = Pick<NominationForaRecord, 'id' | 'name' | 'position' | 'quota' | 'group'> & {
	expand?: { group?: Pick<GroupsRecord, 'name'> };
};
/** A forum of a call; `groupName` once it became a group. */
export type Forum = Omit<ForumRecord, 'expand'> & { groupName: string };
type Nomination = Pick<
	NominationsRecord,
	| 'id'
	| 'forum'
	| 'organization'
	| 'kind'
	| 'nominee_name'
	| 'nominee_title'
	| 'nominee_email'
	| 'nominee_phone'
	| 'nominee_user'
	| 'response'
	| 'created'
> & { expand?: { nominated_by?: { name: string } } };
type TallyMark = Pick<NominationTalliesRecord, 'organization' | 'forum' | 'kind'>;

type CallRecord = Omit<NominationCallsRecord, 'created' | 'updated'> & {
	expand?: {
		group?: Pick<GroupsRecord, 'id' | 'name' | 'parent'>;
		meeting?: Pick<MeetingsRecord, 'id' | 'title' | 'starts'>;
		item?: { id: string; position: number; title: string; meeting: string };
		nomination_fora_via_call?: ForumRecord | ForumRecord[];
		nominations_via_call?: Nomination | Nomination[];
		nomination_tallies_via_call?: TallyMark | TallyMark[];
	};
};

export interface EligibleOrganization {
	id: string;
	name: string;
	sector: Sector;
}

/** A named person as the tracker shows them. */
export interface TrackerNominee {
	id: string;
	name: string;
	title: string;
	email: string;
	phone: string;
	response: '' | 'confirmed' | 'declined';
	nominatedBy: string;
}

export interface TrackerCell {
	forumId: string;
	forumName: string;
	named: number;
	quota: number;
	/** Empty where the reader may see only the count (another organisation, for a chair). */
	nominees: TrackerNominee[];
}

export interface TrackerRow {
	organization: EligibleOrganization;
	/** "Vi melder ingen ind". */
	none: boolean;
	/** Named someone or "melder ingen". */
	answered: boolean;
	cells: TrackerCell[];
}

/** The call fields the pages read. */
export interface CallSummary {
	id: string;
	title: string;
	description: string;
	sourceText: string;
	status: NominationCallsRecord['status'];
	deadline: string;
	urgent: boolean;
	required: boolean;
	eligibility: NominationCallsRecord['eligibility'];
	eligibleSectors: Sector[];
	eligibleOrganizations: string[];
	group: { id: string; name: string; parent: string };
	meeting: { id: string; title: string; starts: string } | null;
	item: { id: string; position: number; title: string } | null;
	decision: string;
	fora: Forum[];
}

/** Whether an organisation may nominate in a call by the call's eligibility. */
export function isEligible(
	call: Pick<CallSummary, 'eligibility' | 'eligibleSectors' | 'eligibleOrganizations'>,
	org: EligibleOrganization
): boolean {
	if (call.eligibility === 'all') return true;
	if (call.eligibility === 'sectors') return call.eligibleSectors.includes(org.sector);
	return call.eligibleOrganizations.includes(org.id);
}

/**
 * The tracker's rows: every eligible organisation × every forum with named / quota, "melder ingen",
 * and the names the reader may see. Counts come from the tallies (what every member may see), names
 * from the nominations the reader's rules let through.
 */
export function trackerRows(
	fora: Forum[],
	organizations: EligibleOrganization[],
	tallies: Tally[],
	nominations: Nomination[]
): TrackerRow[] {
	return organizations.map((organization) => {
		const mine = tallies.filter((x) => x.organization === organization.id);
		const none =
			mine.some((x) => x.none > 0) || nominations.some((n) => n.organization === organization.id && n.kind === 'none');
		const cells = fora.map((forum): TrackerCell => {
			const nominees = nominations
				.filter((n) => n.kind === 'nominee' && n.forum === forum.id && n.organization === organization.id)
				.sort((a, b) => a.created.localeCompare(b.created))
				.map((n) => ({
					id: n.id,
					name: n.nominee_name,
					title: n.nominee_title,
					email: n.nominee_email,
					phone: n.nominee_phone,
					response: n.response,
					nominatedBy: n.expand?.nominated_by?.name ?? ''
				}));
			const tallied = mine.find((x) => x.forum === forum.id)?.named ?? 0;
			return {
				forumId: forum.id,
				forumName: forum.name,
				quota: forum.quota,
				named: Math.max(tallied, nominees.length),
				nominees
			};
		});
		return { organization, none, answered: none || cells.some((c) => c.named > 0), cells };
	});
}

/** The counts above the tracker. */
export function trackerCounts(rows: TrackerRow[]) {
	const nominees = rows.flatMap((r) => r.cells.flatMap((c) => c.nominees));
	return {
		organizations: rows.length,
		answered: rows.filter((r) => r.answered).length,
		none: rows.filter((r) => r.none).length,
		unanswered: rows.filter((r) => !r.answered).length,
		named: rows.reduce((sum, r) => sum + r.cells.reduce((s, c) => s + c.named, 0), 0),
		confirmed: nominees.filter((n) => n.response === 'confirmed').length,
		declined: nominees.filter((n) => n.response === 'declined').length
	};
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/** A call with its fora (a Danish 404 when the reader may not see it). */
export async function getCall(pb: TypedPocketBase, callId: string, { answers = false } = {}) {
	if (!isRecordId(callId)) error(404, { message: nominationAdmin.notFound });
	const expand = ['group', 'meeting', 'item', 'nomination_fora_via_call.group'];
	if (answers) expand.push('nominations_via_call.nominated_by', 'nomination_tallies_via_call');
	const call = await orNotFound(
		pb.collection('nomination_calls').getOne<CallRecord>(callId, { expand: expand.join(',') }),
		nominationAdmin.notFound
	);
	const summary: CallSummary = {
		id: call.id,
		title: call.title,
		description: call.description,
		sourceText: call.source_text,
		status: call.status,
		deadline: call.deadline,
		urgent: call.urgent,
		required: call.required,
		eligibility: call.eligibility,
		eligibleSectors: call.eligible_sectors ?? [],
		eligibleOrganizations: call.eligible_organizations ?? [],
		group: {
			id: call.group,
			name: call.expand?.group?.name ?? '',
			parent: call.expand?.group?.parent ?? ''
		},
		meeting: call.expand?.meeting
			? { id: call.expand.meeting.id, title: call.expand.meeting.title, starts: call.expand.meeting.starts }
			: null,
		item: call.expand?.item
			? { id: call.expand.item.id, position: call.expand.item.position, title: call.expand.item.title }
			: null,
		decision: call.decision,
		fora: many(call.expand?.nomination_fora_via_call)
			.sort(byPosition)
			.map(({ expand, ...f }) => ({ ...f, groupName: expand?.group?.name ?? '' }))
	};
	return {
		call: summary,
		nominations: many(call.expand?.nominations_via_call),
		tallies: tally(many(call.expand?.nomination_tallies_via_call))
	};
}

type MemberOrgRecord = {
	role: string;
	expand?: { user?: { id: string; expand?: { organization?: OrganizationsRecord } } };
};

/** The organisations of a group's active, ordinary members who answer for them (not observers). */
export async function groupOrganizations(pb: TypedPocketBase, groupId: string) {
	const memberships = await pb.collection('memberships').getFullList<MemberOrgRecord>({
		filter: pb.filter(
			`group = {:groupId} && meeting = "" && role != "guest" && role != "observer" && ${ACTIVE_MEMBERSHIP}`,
			{ groupId }
		),
		expand: 'user.organization',
		fields:
			'role,expand.user.id,expand.user.expand.organization.id,' +
			'expand.user.expand.organization.name,expand.user.expand.organization.sector'
	});
	const organizations = new Map<string, EligibleOrganization>();
	for (const m of memberships) {
		const user = m.expand?.user;
		const org = user?.expand?.organization;
		if (!user || !org) continue;
		organizations.set(org.id, { id: org.id, name: org.name, sector: org.sector });
	}
	const sectorOrder = (o: EligibleOrganization) => SECTORS.indexOf(o.sector);
	return {
		organizations: [...organizations.values()].sort(
			(a, b) => sectorOrder(a) - sectorOrder(b) || a.name.localeCompare(b.name, 'da')
		)
	};
}

/** The latest reminder round of a call. */
export interface CallReminderRound {
	created: string;
	sender: string;
	recipients: string[];
}

const remindersPath = (callId: string) => `/api/klyngeportal/calls/${encodeURIComponent(callId)}/reminders`;

/** When the organisations that have not answered were last reminded (the secretariat only). */
export async function lastCallReminder(pb: TypedPocketBase, callId: string): Promise<CallReminderRound | null> {
	try {
		return (await pb.send<{ last: CallReminderRound | null }>(remindersPath(callId), { method: 'GET' })).last;
	} catch (err) {
		// The route answers 404 until it exists, and for anyone but the secretariat.
		if (err instanceof ClientResponseError && err.status === 404) return null;
		throw err;
	}
}

/** Reminds the members of the organisations that have not answered; 409 within a day unless confirmed. */
export function sendCallReminders(pb: TypedPocketBase, callId: string, confirmed: boolean) {
	return pb.send<{ sent: number; recipients: string[] }>(remindersPath(callId), {
		method: 'POST',
		body: { confirm: confirmed }
	});
}

/** Everything the tracker shows; a Danish 404 for anyone but the group's secretariat and chairs. */
export async function loadTracker(pb: TypedPocketBase, callId: string, userId: string) {
	const { call, nominations, tallies } = await getCall(pb, callId, { answers: true });
	const role = await roleIn(pb, userId, call.group.id);
	if (!isLeader(role)) error(404, { message: nominationAdmin.notFound });
	const isSecretariat = role === 'secretariat';
	const [{ organizations }, reminder] = await Promise.all([
		groupOrganizations(pb, call.group.id),
		isSecretariat ? lastCallReminder(pb, callId) : null
	]);
	const eligible = organizations.filter((o) => isEligible(call, o));
	const rows = trackerRows(call.fora, eligible, tallies, nominations);
	return { call, rows, counts: trackerCounts(rows), isSecretariat, lastReminder: reminder };
}

/** The secretariat's own actions on a call; a Danish 404 for anyone else. */
export async function requireSecretariat(pb: TypedPocketBase, groupId: string, userId: string) {
	if ((await roleIn(pb, userId, groupId)) !== 'secretariat') error(404, { message: nominationAdmin.notFound });
}

/** Closes a call: members can no longer change their answers. */
export function closeCall(pb: TypedPocketBase, callId: string) {
	return pb.collection('nomination_calls').update(callId, { status: 'closed' });
}

/** Reopens a closed call, optionally with a new deadline. */
export function reopenCall(pb: TypedPocketBase, callId: string, deadline?: Date) {
	return pb
		.collection('nomination_calls')
		.update(callId, { status: 'open', ...(deadline ? { deadline: toPocketBaseDate(deadline) } : {}) });
}

/** Moves the deadline; a closed call opens again with it. */
export function extendCall(pb: TypedPocketBase, callId: string, deadline: Date) {
	return pb.collection('nomination_calls').update(callId, { deadline: toPocketBaseDate(deadline), status: 'open' });
}
