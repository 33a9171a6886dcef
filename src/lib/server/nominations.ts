// Nomination calls as the signed-in member reads and answers them. PocketBase's rules decide what
// the user sees (the view rule of `nominations` shows only their own organisation's rows) and its
// hooks what a valid nomination is; this module asks, and never passes `nominated_by` or a response.
//
// Related records come as back-relation expands of the call (fora, nominations, tallies): a filter
// that may match nothing would be throttled by PocketBase once such searches pile up.
import { ClientResponseError } from 'pocketbase';
import { t } from '$lib/messages';
import {
	answeredNone,
	hasAnswered,
	isEligible,
	isOpenForMembers,
	seatsLeft,
	tally,
	type Tally,
	type TallyMark
} from '$lib/nominations';
import type {
	AgendaItemsRecord,
	GroupsRecord,
	MeetingsRecord,
	NominationCallsRecord,
	NominationForaRecord,
	NominationsRecord,
	OrganizationsRecord,
	TypedPocketBase,
	UsersRecord
} from '$lib/pocketbase-types';
import { fieldErrors } from './answer-form';
import { isRecordId } from './errors';
import { many } from './expand';
import { listMembers } from './memberships';
import type { AuthUser } from './pocketbase';
import type { MembershipRecord } from '$lib/meetings';

type Forum = Pick<NominationForaRecord, 'id' | 'name' | 'position' | 'quota' | 'group'> & {
	expand?: { group?: Pick<GroupsRecord, 'name'> };
};
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
> & { expand?: { nominated_by?: Pick<UsersRecord, 'name'> } };

type CallRecord = Pick<
	NominationCallsRecord,
	| 'id'
	| 'group'
	| 'title'
	| 'description'
	| 'eligibility'
	| 'eligible_sectors'
	| 'eligible_organizations'
	| 'required'
	| 'deadline'
	| 'urgent'
	| 'status'
	| 'item'
> & {
	expand?: {
		group?: Pick<GroupsRecord, 'name'>;
		item?: Pick<AgendaItemsRecord, 'position' | 'title' | 'meeting'> & {
			expand?: { meeting?: Pick<MeetingsRecord, 'title' | 'starts'> };
		};
		nomination_fora_via_call?: Forum[] | Forum;
		nominations_via_call?: Nomination[] | Nomination;
		nomination_tallies_via_call?: TallyMark[] | TallyMark;
	};
};

const CALL_FIELDS =
	'id,group,title,description,eligibility,eligible_sectors,eligible_organizations,required,deadline,urgent,status,item';

/** Not there, or not the user's: the same Danish 404 either way. */
export class CallNotFound extends Error {}

/**
 * The user's own organisation (organisations are read by id only; no one lists them), or null
 * for a user without one.
 */
export async function ownOrganization(
	pb: TypedPocketBase,
	id: string
): Promise<Pick<OrganizationsRecord, 'id' | 'name' | 'sector'> | null> {
	if (!id) return null;
	try {
		return await pb.collection('organizations').getOne(id, { fields: 'id,name,sector' });
	} catch (err) {
		if (err instanceof ClientResponseError && err.status === 404) return null;
		throw err;
	}
}

/**
 * How many other eligible organisations have answered and not: counts only. The organisations
 * are those the call names, or those of the group's members in the eligible sectors.
 */
function otherOrganizations(
	call: CallRecord,
	tallies: Tally[],
	members: MembershipRecord[],
	myOrg: { id: string; name: string } | null
) {
	const answered = new Set(
		tallies
			.filter((row) => row.organization !== myOrg?.id && (row.named > 0 || row.none > 0))
			.map((r) => r.organization)
	);
	let total: number;
	if (call.eligibility === 'organizations') {
		total = (call.eligible_organizations ?? []).filter((id) => id !== myOrg?.id).length;
	} else {
		const names = new Set(
			members
				.map((m) => m.expand?.user?.expand?.organization)
				.filter((o): o is { name: string; sector: OrganizationsRecord['sector'] } => !!o?.name)
				.filter((o) => o.name !== myOrg?.name && isEligible(call, { id: o.name, sector: o.sector }))
				.map((o) => o.name)
		);
		total = Math.max(names.size, answered.size);
	}
	return { answered: answered.size, notAnswered: Math.max(0, total - answered.size) };
}

/** A colleague the member may name: an ordinary member of the group from the same organisation. */
export interface Colleague {
	id: string;
	name: string;
	title: string;
}

/**
 * One call with what the member may see and do: its fora with the seats left for the member's
 * organisation and whom colleagues have named, how many other organisations have answered, and
 * the colleagues the quick form offers. Throws CallNotFound when the user may not read the call.
 */
export async function loadCall(pb: TypedPocketBase, callId: string, user: AuthUser, now = new Date()) {
	if (!isRecordId(callId)) throw new CallNotFound();
	let call: CallRecord;
	try {
		call = await pb.collection('nomination_calls').getOne<CallRecord>(callId, {
			expand:
				'group,item.meeting,nomination_fora_via_call.group,nominations_via_call.nominated_by,nomination_tallies_via_call',
			fields:
				`${CALL_FIELDS},expand.group.name,expand.item.position,expand.item.title,expand.item.meeting,` +
				'expand.item.expand.meeting.title,expand.item.expand.meeting.starts,' +
				'expand.nomination_fora_via_call.id,expand.nomination_fora_via_call.name,' +
				'expand.nomination_fora_via_call.position,expand.nomination_fora_via_call.quota,' +
				'expand.nomination_fora_via_call.group,expand.nomination_fora_via_call.expand.group.name,' +
				'expand.nominations_via_call.id,expand.nominations_via_call.forum,expand.nominations_via_call.organization,' +
				'expand.nominations_via_call.kind,expand.nominations_via_call.nominee_name,' +
				'expand.nominations_via_call.nominee_title,expand.nominations_via_call.nominee_email,' +
				'expand.nominations_via_call.nominee_phone,expand.nominations_via_call.nominee_user,' +
				'expand.nominations_via_call.response,expand.nominations_via_call.created,' +
				'expand.nominations_via_call.expand.nominated_by.name,' +
				'expand.nomination_tallies_via_call.organization,expand.nomination_tallies_via_call.forum,' +
				'expand.nomination_tallies_via_call.kind'
		});
	} catch (err) {
		if (err instanceof ClientResponseError && [400, 403, 404].includes(err.status)) throw new CallNotFound();
		throw err;
	}
	const [myOrg, members] = await Promise.all([
		ownOrganization(pb, user.organization),
		listMembers(pb, 'group = {:groupId}', { groupId: call.group })
	]);
	const tallies = tally(many(call.expand?.nomination_tallies_via_call));
	// The view rule shows only the member's own organisation's rows; the filter is a second fence.
	const nominations = many(call.expand?.nominations_via_call)
		.filter((n) => n.organization === user.organization)
		.sort((a, b) => a.created.localeCompare(b.created));
	const own = members.find((m) => m.expand?.user?.id === user.id);
	const eligible = isEligible(call, myOrg);
	const item = call.expand?.item;
	return {
		call: {
			id: call.id,
			title: call.title,
			description: call.description,
			deadline: call.deadline,
			urgent: call.urgent,
			status: call.status,
			required: call.required,
			groupName: call.expand?.group?.name ?? ''
		},
		/** The agenda item the call was made from, for the link back. */
		item:
			item && call.item
				? {
						meeting: item.meeting,
						position: item.position,
						title: item.title,
						meetingTitle: item.expand?.meeting?.title ?? ''
					}
				: null,
		organization: myOrg ? { id: myOrg.id, name: myOrg.name } : null,
		eligible,
		/** Whether the member may nominate now: eligible, answering for the organisation, before the deadline. */
		canNominate: eligible && !!own && own.role !== 'observer' && isOpenForMembers(call, now),
		/** The reader's role in the call's group ('' for a nominee who is no member). */
		role: own?.role ?? '',
		answeredNone: myOrg ? answeredNone(tallies, myOrg.id) : false,
		noneId: nominations.find((n) => n.kind === 'none')?.id ?? null,
		fora: many(call.expand?.nomination_fora_via_call)
			.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
			.map((f) => ({
				id: f.id,
				name: f.name,
				quota: f.quota,
				seatsLeft: myOrg ? seatsLeft(tallies, myOrg.id, f) : 0,
				groupName: f.expand?.group?.name ?? '',
				nominees: nominations
					.filter((n) => n.kind === 'nominee' && n.forum === f.id)
					.map((n) => ({
						id: n.id,
						name: n.nominee_name,
						title: n.nominee_title,
						email: n.nominee_email,
						phone: n.nominee_phone,
						user: n.nominee_user,
						namedBy: n.expand?.nominated_by?.name ?? '',
						response: n.response
					}))
			})),
		/** Other eligible organisations: counts only. */
		others: otherOrganizations(call, tallies, members, myOrg),
		me: { id: user.id, name: user.name, title: user.title },
		colleagues: members
			.flatMap((m) => (m.expand?.user ? [m.expand.user] : []))
			.filter((u) => u.id !== user.id && !!myOrg && u.expand?.organization?.name === myOrg.name && u.name.trim() !== '')
			.map((u): Colleague => ({ id: u.id, name: u.name, title: u.title }))
			.sort((a, b) => a.name.localeCompare(b.name, 'da'))
	};
}

export type CallPage = Awaited<ReturnType<typeof loadCall>>;

const FIELDS = [
	'forum',
	'nominee_name',
	'nominee_title',
	'nominee_email',
	'nominee_phone',
	'organization',
	'call'
] as const;
export type NominationErrors = Partial<Record<(typeof FIELDS)[number] | 'who' | 'form', string>>;

function refusal(err: unknown): NominationErrors {
	if (!(err instanceof ClientResponseError)) throw err;
	const e = t.nominations.errors;
	return fieldErrors(err, FIELDS, {
		own: (code, field) =>
			code === 'validation_not_unique'
				? e.duplicate
				: field === 'nominee_email'
					? e.email
					: field === 'nominee_name' && code === 'validation_required'
						? e.name
						: e.invalid,
		refused: err.status === 404 ? e.closed : e.refused
	});
}

/** The quick form as typed, shown again when it is refused. */
export type NominationValues = Record<'forum' | 'who' | 'name' | 'title' | 'email' | 'phone', string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads the quick form: "Mig selv" (`who=self`), a colleague (`who=user:<id>`), or another person
 * (`who=other` with name, title, e-mail, phone). Checks only what needs no server.
 */
export function parseNomination(form: FormData, page: CallPage) {
	const text = (name: string) => String(form.get(name) ?? '').trim();
	const values: NominationValues = {
		forum: text('forum'),
		who: text('who'),
		name: text('name'),
		title: text('title'),
		email: text('email'),
		phone: text('phone')
	};
	const errors: NominationErrors = {};
	const e = t.nominations.errors;
	let record: Record<string, string> | null = null;
	const forum = page.fora.find((f) => f.id === values.forum);
	if (!forum) errors.forum = e.invalid;
	if (values.who === 'self') {
		record = { nominee_name: page.me.name, nominee_title: page.me.title, nominee_user: page.me.id };
	} else if (values.who.startsWith('user:')) {
		const colleague = page.colleagues.find((c) => `user:${c.id}` === values.who);
		if (colleague)
			record = { nominee_name: colleague.name, nominee_title: colleague.title, nominee_user: colleague.id };
		else errors.who = e.choose;
	} else if (values.who === 'other') {
		if (!values.name) errors.nominee_name = e.name;
		if (values.email && !EMAIL.test(values.email)) errors.nominee_email = e.email;
		record = {
			nominee_name: values.name,
			nominee_title: values.title,
			nominee_email: values.email,
			nominee_phone: values.phone
		};
	} else {
		errors.who = e.choose;
	}
	return { values, errors, record };
}

/**
 * Names a person for a forum on behalf of the member's organisation. The organisation is the
 * user's own; who wrote it is the hooks' to set. Returns field messages when PocketBase refuses.
 */
export async function nominate(
	pb: TypedPocketBase,
	page: CallPage,
	forum: string,
	user: AuthUser,
	record: Record<string, string>,
	clientId: string | null = null
): Promise<NominationErrors> {
	try {
		await pb.collection('nominations').create({
			...record,
			...(clientId ? { id: clientId } : {}),
			call: page.call.id,
			forum,
			organization: user.organization,
			kind: 'nominee'
		});
	} catch (err) {
		// Two copies of one post racing: the other copy stored it.
		if (clientId && (await alreadyStored(pb, clientId, page, user))) return {};
		return refusal(err);
	}
	// A named person ends "vi melder ingen ind" (the hooks do so too; a second removal finds nothing).
	if (page.noneId) await withdraw(pb, page.noneId);
	return {};
}

/** "Vi melder ingen ind": the organisation's answer for the whole call. */
export async function answerNone(
	pb: TypedPocketBase,
	page: CallPage,
	user: AuthUser,
	clientId: string | null = null
): Promise<NominationErrors> {
	try {
		await pb.collection('nominations').create({
			...(clientId ? { id: clientId } : {}),
			call: page.call.id,
			organization: user.organization,
			kind: 'none'
		});
		return {};
	} catch (err) {
		if (clientId && (await alreadyStored(pb, clientId, page, user))) return {};
		return refusal(err);
	}
}

/**
 * Whether the post with the phone's id `clientId` was already stored (its response lost on the way
 * back): a nomination of the member's organisation in this call with that record id. Another
 * organisation's record, or none, is not a replay (the view rule hides other organisations' rows).
 */
export async function alreadyStored(
	pb: TypedPocketBase,
	clientId: string,
	page: CallPage,
	user: AuthUser
): Promise<boolean> {
	try {
		const found = await pb.collection('nominations').getOne(clientId, { fields: 'call,organization' });
		return found.call === page.call.id && found.organization === user.organization;
	} catch {
		return false;
	}
}

/** Changes a named person's details (name, title, e-mail, phone). */
export async function changeNomination(
	pb: TypedPocketBase,
	id: string,
	values: { name: string; title: string; email: string; phone: string }
): Promise<NominationErrors> {
	const e = t.nominations.errors;
	if (!values.name) return { nominee_name: e.name };
	if (values.email && !EMAIL.test(values.email)) return { nominee_email: e.email };
	try {
		await pb.collection('nominations').update(id, {
			nominee_name: values.name,
			nominee_title: values.title,
			nominee_email: values.email,
			nominee_phone: values.phone
		});
		return {};
	} catch (err) {
		return refusal(err);
	}
}

/** Withdraws a nomination or a "none" answer; one already gone counts as withdrawn. */
export async function withdraw(pb: TypedPocketBase, id: string): Promise<NominationErrors> {
	try {
		await pb.collection('nominations').delete(id);
		return {};
	} catch (err) {
		if (err instanceof ClientResponseError && err.status === 404) return {};
		return refusal(err);
	}
}

/** A call in a list: enough for a line with its deadline and whether the organisation has answered. */
export interface CallSummary {
	id: string;
	title: string;
	deadline: string;
	urgent: boolean;
	status: string;
	group: string;
	groupName: string;
	/** Whether the member's organisation may nominate. */
	eligible: boolean;
	/** Whether the member's organisation has answered (named someone or "melder ingen"). */
	answered: boolean;
}

type ListedCall = CallRecord & { expand?: CallRecord['expand'] };

/**
 * The calls the user may read (drafts only for the secretariat), each with whether the user's
 * organisation is eligible and has answered, soonest deadline first. The list is never filtered
 * (that might match nothing): the rules decide which calls come back.
 */
export async function listCalls(
	pb: TypedPocketBase,
	user: { id: string; organization: string }
): Promise<CallSummary[]> {
	const [calls, myOrg] = await Promise.all([
		pb.collection('nomination_calls').getFullList<ListedCall>({
			sort: 'deadline',
			expand: 'group,nomination_tallies_via_call',
			fields:
				`${CALL_FIELDS},expand.group.name,expand.nomination_tallies_via_call.organization,` +
				'expand.nomination_tallies_via_call.forum,expand.nomination_tallies_via_call.kind'
		}),
		ownOrganization(pb, user.organization)
	]);
	return calls.map((c) => ({
		id: c.id,
		title: c.title,
		deadline: c.deadline,
		urgent: c.urgent,
		status: c.status,
		group: c.group,
		groupName: c.expand?.group?.name ?? '',
		eligible: isEligible(c, myOrg),
		answered: hasAnswered(tally(many(c.expand?.nomination_tallies_via_call)), user.organization)
	}));
}

/**
 * The calls made from an agenda item (read as the item's back-relation), soonest deadline first, with
 * the decision each came from and the groups its fora became (names only where the reader may see
 * the group).
 */
export async function callsOfItem(pb: TypedPocketBase, itemId: string) {
	type Call = Pick<NominationCallsRecord, 'id' | 'title' | 'deadline' | 'urgent' | 'status' | 'decision'> & {
		expand?: { nomination_fora_via_call?: { group: string; expand?: { group?: { name: string } } }[] };
	};
	const item = await pb.collection('agenda_items').getOne<{ expand?: { nomination_calls_via_item?: Call[] } }>(itemId, {
		expand: 'nomination_calls_via_item.nomination_fora_via_call.group',
		fields:
			'id,expand.nomination_calls_via_item.id,expand.nomination_calls_via_item.title,' +
			'expand.nomination_calls_via_item.deadline,expand.nomination_calls_via_item.urgent,' +
			'expand.nomination_calls_via_item.status,expand.nomination_calls_via_item.decision,' +
			'expand.nomination_calls_via_item.expand.nomination_fora_via_call.group,' +
			'expand.nomination_calls_via_item.expand.nomination_fora_via_call.expand.group.name'
	});
	return many(item.expand?.nomination_calls_via_item)
		.map(({ expand, ...call }) => ({
			...call,
			groups: many(expand?.nomination_fora_via_call)
				.filter((f) => f.group)
				.map((f) => f.expand?.group?.name ?? '')
		}))
		.sort((a, b) => a.deadline.localeCompare(b.deadline));
}
