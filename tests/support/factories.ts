// Test data built through the real PocketBase API as the superuser, so every record passes the
// same validation as in production. Each factory takes the superuser client and only the fields a
// test cares about; the rest get valid defaults.
import PocketBase from 'pocketbase';
import type {
	AgendaItemsResponse,
	DecisionsResponse,
	FollowUpsResponse,
	GroupsKindOptions,
	GroupsResponse,
	ItemMinutesResponse,
	MeetingGuestsResponse,
	MeetingsResponse,
	MeetingsStatusOptions,
	MembershipsResponse,
	MembershipsRoleOptions,
	NominationCallsResponse,
	NominationForaResponse,
	NominationsResponse,
	OrganizationsResponse,
	OrganizationsSectorOptions,
	UsersResponse
} from '../../src/lib/pocketbase-types';

export const PASSWORD = 'test-password-1234';

// Record types are the generated ones (src/lib/pocketbase-types.ts, `npm run typegen`); the type
// argument, where given, types `expand`.
export type Sector = OrganizationsSectorOptions;
export type GroupKind = GroupsKindOptions;
export type Role = MembershipsRoleOptions;
export type MeetingStatus = MeetingsStatusOptions;

export type Organization<Texpand = unknown> = OrganizationsResponse<Texpand>;
export type User<Texpand = unknown> = UsersResponse<Texpand>;
export type Group<Texpand = unknown> = GroupsResponse<Texpand>;
export type Membership<Texpand = unknown> = MembershipsResponse<Texpand>;
export type Meeting<Texpand = unknown> = MeetingsResponse<Texpand>;
export type AgendaItem<Texpand = unknown> = AgendaItemsResponse<Texpand>;
export type ItemMinutes<Texpand = unknown> = ItemMinutesResponse<Texpand>;
export type MeetingGuest<Texpand = unknown> = MeetingGuestsResponse<Texpand>;
export type Decision<Texpand = unknown> = DecisionsResponse<Texpand>;
export type FollowUp<Texpand = unknown> = FollowUpsResponse<Texpand>;

/** A person who can sign in: their record and a client authenticated as them. */
export interface Person {
	record: User;
	pb: PocketBase;
}

let sequence = 0;
/** A name no other record in this test file has (several collections have unique indexes). */
function unique(prefix: string): string {
	sequence += 1;
	return `${prefix} ${sequence}`;
}

/** A date in PocketBase's format, `days` from now (negative: in the past). */
export function daysFromNow(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().replace('T', ' ');
}

/** A client with no auth: an anonymous visitor. */
export function anonymousClient(url: string): PocketBase {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	return pb;
}

export function createOrganization(
	admin: PocketBase,
	fields: Partial<Pick<Organization, 'name' | 'sector'>> = {}
): Promise<Organization> {
	return admin.collection('organizations').create<Organization>({
		name: unique('Organisation'),
		sector: 'kommune',
		...fields
	});
}

/** A user with a password, and a client signed in as them. */
export async function createUser(
	admin: PocketBase,
	fields: { organization: string; name?: string; title?: string }
): Promise<Person> {
	const name = fields.name ?? unique('Person');
	const email = `${unique('person').replace(' ', '-')}@test.klyngeportal.local`;
	const record = await admin.collection('users').create<User>({
		email,
		password: PASSWORD,
		passwordConfirm: PASSWORD,
		name,
		title: fields.title ?? 'Direktør',
		organization: fields.organization
	});
	const pb = anonymousClient(admin.baseURL);
	await pb.collection('users').authWithPassword(email, PASSWORD);
	return { record, pb };
}

export function createGroup(admin: PocketBase, fields: Partial<Pick<Group, 'name' | 'kind'>> = {}): Promise<Group> {
	return admin.collection('groups').create<Group>({ name: unique('Gruppe'), kind: 'styregruppe', ...fields });
}

export function createMembership(
	admin: PocketBase,
	fields: { user: string; group: string; role?: Role; meeting?: string; starts?: string; ends?: string }
): Promise<Membership> {
	return admin.collection('memberships').create<Membership>({ role: 'member', ...fields });
}

export function createMeeting(
	admin: PocketBase,
	fields: {
		group: string;
		status?: MeetingStatus;
		title?: string;
		starts?: string;
		ends?: string;
		attendance_deadline?: string;
	}
): Promise<Meeting> {
	return admin.collection('meetings').create<Meeting>({
		title: unique('Møde'),
		starts: daysFromNow(7),
		ends: daysFromNow(7 + 2 / 24),
		status: 'published',
		...fields
	});
}

/** A small file for an agenda item's protected attachments. */
export interface Attachment {
	name: string;
	content: string;
	type?: string;
}

let position = 0;
export function createAgendaItem(
	admin: PocketBase,
	fields: { meeting: string; title?: string; position?: number; attachment?: Attachment }
): Promise<AgendaItem> {
	const { attachment, ...rest } = fields;
	position += 1;
	const data = { position, title: unique('Punkt'), ...rest };
	if (!attachment) return admin.collection('agenda_items').create<AgendaItem>(data);
	const form = new FormData();
	for (const [key, value] of Object.entries(data)) form.append(key, String(value));
	form.append(
		'attachments',
		new Blob([attachment.content], { type: attachment.type ?? 'text/plain' }),
		attachment.name
	);
	return admin.collection('agenda_items').create<AgendaItem>(form);
}

/** A guest listed on a meeting (the meeting_guests collection, not a guest membership). */
export function createMeetingGuest(
	admin: PocketBase,
	fields: { meeting: string; name?: string; organization?: string }
): Promise<MeetingGuest> {
	return admin.collection('meeting_guests').create<MeetingGuest>({ name: unique('Gæst'), ...fields });
}

/** The Referat of one agenda item (at most one per item). */
export function createItemMinutes(admin: PocketBase, fields: { item: string; text?: string }): Promise<ItemMinutes> {
	return admin.collection('item_minutes').create<ItemMinutes>({ text: unique('Referat'), ...fields });
}

export function createDecision(admin: PocketBase, fields: { item: string; text?: string }): Promise<Decision> {
	return admin.collection('decisions').create<Decision>({ text: unique('Styregruppen godkendte'), ...fields });
}

export function createFollowUp(
	admin: PocketBase,
	fields: { meeting: string; item?: string; text?: string; status?: FollowUp['status'] }
): Promise<FollowUp> {
	return admin.collection('follow_ups').create<FollowUp>({ text: unique('Opfølgning'), status: 'open', ...fields });
}

/** The people every rule test talks about, by their relation to group A. */
export type Who = 'anon' | 'member' | 'secretariat' | 'guest' | 'former' | 'outsider' | 'otherSecretariat';

export const DESCRIBE: Record<Who, string> = {
	anon: 'an anonymous visitor',
	member: 'a member of the group',
	secretariat: "the group's secretariat",
	guest: 'a guest invited to one meeting',
	former: 'a former member',
	outsider: 'a member of another group and organisation',
	otherSecretariat: "another group's secretariat"
};

/** Cases for `it.each`: `%s` in a test name reads as the person's description; the test gets `(label, who)`. */
export function people(...who: Who[]): [label: string, who: Who][] {
	return who.map((w) => [DESCRIBE[w], w]);
}

/**
 * Two organisations and two groups. Group A has a member, its secretariat, a guest invited to
 * `meetings.published` only and a former member; group B (another organisation) has a member
 * (`outsider`) and its own secretariat. Group A holds a published meeting, another (held) meeting
 * the guest is not invited to, a draft and one with published minutes; group B one meeting with
 * published minutes.
 */
export async function createCast(admin: PocketBase) {
	const [orgA, orgB] = await Promise.all([
		createOrganization(admin, { sector: 'kommune' }),
		createOrganization(admin, { sector: 'hospital' })
	]);
	const [groupA, groupB] = await Promise.all([
		createGroup(admin, { kind: 'styregruppe' }),
		createGroup(admin, { kind: 'temagruppe' })
	]);
	const [published, other, draft, minutes, ofOtherGroup] = await Promise.all([
		createMeeting(admin, { group: groupA.id, status: 'published' }),
		createMeeting(admin, { group: groupA.id, status: 'held' }),
		createMeeting(admin, { group: groupA.id, status: 'draft' }),
		createMeeting(admin, { group: groupA.id, status: 'minutes_published' }),
		createMeeting(admin, { group: groupB.id, status: 'minutes_published' })
	]);
	const [member, secretariat, guest, former, outsider, otherSecretariat] = await Promise.all([
		createUser(admin, { organization: orgA.id, name: 'Mette Medlem' }),
		createUser(admin, { organization: orgA.id, name: 'Sofie Sekretær' }),
		createUser(admin, { organization: orgB.id, name: 'Gustav Gæst' }),
		createUser(admin, { organization: orgA.id, name: 'Finn Fhv' }),
		createUser(admin, { organization: orgB.id, name: 'Ole Udefra' }),
		createUser(admin, { organization: orgB.id, name: 'Sara Sekretær' })
	]);
	const [memberM, secretariatM, guestM, formerM, outsiderM, otherSecretariatM] = await Promise.all([
		createMembership(admin, { user: member.record.id, group: groupA.id, role: 'member' }),
		createMembership(admin, { user: secretariat.record.id, group: groupA.id, role: 'secretariat' }),
		createMembership(admin, { user: guest.record.id, group: groupA.id, role: 'guest', meeting: published.id }),
		createMembership(admin, {
			user: former.record.id,
			group: groupA.id,
			role: 'member',
			starts: daysFromNow(-400),
			ends: daysFromNow(-1)
		}),
		createMembership(admin, { user: outsider.record.id, group: groupB.id, role: 'member' }),
		createMembership(admin, { user: otherSecretariat.record.id, group: groupB.id, role: 'secretariat' })
	]);
	const persons = { member, secretariat, guest, former, outsider, otherSecretariat };
	const anon = anonymousClient(admin.baseURL);
	return {
		admin,
		anon,
		organizations: { a: orgA, b: orgB },
		groups: { a: groupA, b: groupB },
		meetings: { published, other, draft, minutes, ofOtherGroup },
		people: persons,
		memberships: {
			member: memberM,
			secretariat: secretariatM,
			guest: guestM,
			former: formerM,
			outsider: outsiderM,
			otherSecretariat: otherSecretariatM
		},
		/** The client acting as `who`. */
		as: (who: Who): PocketBase => (who === 'anon' ? anon : persons[who].pb)
	};
}

export type Cast = Awaited<ReturnType<typeof createCast>>;

/** The ids of some records, for comparing lists without caring about order or fields. */
export function ids(records: { id: string }[]): string[] {
	return records.map((r) => r.id).sort();
}

export type NominationCall<Texpand = unknown> = NominationCallsResponse<Texpand>;
export type NominationForum<Texpand = unknown> = NominationForaResponse<Texpand>;
export type Nomination<Texpand = unknown> = NominationsResponse<Texpand>;

/** A nomination call of a group (by default open to every organisation, deadline in a week). */
export function createNominationCall(
	admin: PocketBase,
	fields: Partial<
		Pick<
			NominationCall,
			| 'title'
			| 'status'
			| 'eligibility'
			| 'eligible_sectors'
			| 'eligible_organizations'
			| 'deadline'
			| 'meeting'
			| 'item'
			| 'required'
		>
	> & { group: string }
): Promise<NominationCall> {
	return admin.collection('nomination_calls').create<NominationCall>({
		title: unique('Indkaldelse'),
		eligibility: 'all',
		status: 'open',
		deadline: daysFromNow(7),
		...fields
	});
}

/** A forum of a call, one seat per organisation unless told. */
export function createNominationForum(
	admin: PocketBase,
	fields: { call: string; name?: string; quota?: number; position?: number }
): Promise<NominationForum> {
	return admin
		.collection('nomination_fora')
		.create<NominationForum>({ name: unique('Forum'), quota: 1, position: 0, ...fields });
}

/** A nominee (or, with kind "none", an organisation's "melder ingen"), written as the superuser. */
export function createNomination(
	admin: PocketBase,
	fields: Partial<
		Pick<
			Nomination,
			'kind' | 'forum' | 'nominee_name' | 'nominee_title' | 'nominee_email' | 'nominee_user' | 'nominated_by'
		>
	> & { call: string; organization: string }
): Promise<Nomination> {
	const kind = fields.kind ?? 'nominee';
	const person =
		kind === 'nominee'
			? {
					nominee_name: unique('Indstillet'),
					nominee_title: 'Konsulent',
					nominee_email: `${unique('nominee').replace(' ', '-')}@test.klyngeportal.local`
				}
			: {};
	return admin.collection('nominations').create<Nomination>({ kind, ...person, ...fields });
}
