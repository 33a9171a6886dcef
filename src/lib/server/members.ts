// Members and roles (issue 10): the group's roster for its secretariat — who is in the group now or
// soon, by organisation; who was; the group's organisations; the history of changes — and the
// secretariat's writes. PocketBase's rules say who may write (pb_migrations/1796300100) and its hooks
// keep the invariants and write the audit (pb_hooks/lib/members.js); this module reads what the page
// renders and turns the forms into requests.
import { ClientResponseError } from 'pocketbase';
import { formatDate, formatDateTime, localDateKey, parseInstant, toPocketBaseDate, zonedToInstant } from '$lib/dates';
import { members as m } from '$lib/messages/da-members';
import type { MembershipsRoleOptions, TypedPocketBase } from '$lib/pocketbase-types';
import { fieldErrors } from './answer-form';
import { many } from './expand';
import { isActiveAt } from './memberships';

/** The roles the secretariat gives (a guest belongs to one meeting and is not given here). */
export const ROLES = ['member', 'chair', 'co_chair', 'secretariat', 'observer'] as const;
export type Role = (typeof ROLES)[number];

type Organization = { id: string; name: string; sector: string };
type ExpandedMembership = {
	id: string;
	user: string;
	role: MembershipsRoleOptions;
	starts: string;
	ends: string;
	meeting: string;
	position: number;
	created: string;
	expand?: { user?: { id: string; name: string; title: string; expand?: { organization?: Organization } } };
};
type ExpandedEntry = {
	id: string;
	created: string;
	summary: string;
	actor: string;
	expand?: { actor?: { name: string } };
};

/** One person's membership as the page shows it. */
export interface RosterPerson {
	id: string;
	userId: string;
	name: string;
	title: string;
	role: MembershipsRoleOptions;
	/** "fra 1. februar 2027", "begynder 1. marts 2027 · slutter …" */
	period: string;
	/** Not begun yet: it may still be deleted (a begun one is ended, it is history). */
	upcoming: boolean;
	isSelf: boolean;
}

/** The people of one organisation in the group. */
export interface RosterOrganization {
	id: string;
	name: string;
	people: RosterPerson[];
}

/** One line of the group's history. */
export interface HistoryLine {
	id: string;
	summary: string;
	by: string;
	when: string;
}

/** "fra 1. februar 2027 · slutter 1. marts 2027", in Copenhagen. */
export function periodText(starts: string, ends: string, now: Date): string {
	const start = parseInstant(starts);
	const end = parseInstant(ends);
	const parts: string[] = [];
	if (start) parts.push(start > now ? m.begins(formatDate(start)) : m.since(formatDate(start)));
	if (end) parts.push(end > now ? m.ends(formatDate(end)) : m.ended(formatDate(end)));
	return parts.join(' · ');
}

/** Groups people by organisation, organisations by name, people by their position and name. */
export function byOrganization(rows: { person: RosterPerson; org: Organization | undefined; position: number }[]) {
	const orgs = new Map<string, RosterOrganization & { order: { person: RosterPerson; position: number }[] }>();
	for (const { person, org, position } of rows) {
		const key = org?.id ?? '';
		if (!orgs.has(key)) orgs.set(key, { id: key, name: org?.name ?? m.noOrganization, people: [], order: [] });
		orgs.get(key)!.order.push({ person, position });
	}
	return [...orgs.values()]
		.sort((a, b) => (a.id === '' ? 1 : b.id === '' ? -1 : a.name.localeCompare(b.name, 'da')))
		.map(({ id, name, order }) => ({
			id,
			name,
			people: order
				.sort((a, b) => a.position - b.position || a.person.name.localeCompare(b.person.name, 'da'))
				.map((o) => o.person)
		}));
}

/**
 * The group's roster and history for its secretariat (the guard has run): members now and coming
 * by organisation, former members, and the audit entries of its memberships, newest first. Both
 * are read as the group's back-relation expands, which the memberships' and the audit log's rules
 * govern record by record (the audit log is closed for listing).
 */
export async function loadRoster(pb: TypedPocketBase, groupId: string, userId: string, now = new Date()) {
	const M = 'memberships_via_group';
	const A = 'audit_log_via_group';
	const group = await pb.collection('groups').getOne<{
		id: string;
		name: string;
		expand?: { memberships_via_group?: ExpandedMembership[]; audit_log_via_group?: ExpandedEntry[] };
	}>(groupId, {
		expand: `${M}.user.organization,${A}.actor`,
		fields: [
			'id,name',
			...['id', 'user', 'role', 'starts', 'ends', 'meeting', 'position', 'created'].map((f) => `expand.${M}.${f}`),
			`expand.${M}.expand.user.id,expand.${M}.expand.user.name,expand.${M}.expand.user.title`,
			`expand.${M}.expand.user.expand.organization.id,expand.${M}.expand.user.expand.organization.name`,
			`expand.${M}.expand.user.expand.organization.sector`,
			...['id', 'created', 'summary', 'actor'].map((f) => `expand.${A}.${f}`),
			`expand.${A}.expand.actor.name`
		].join(',')
	});

	const current: { person: RosterPerson; org: Organization | undefined; position: number }[] = [];
	const former: (RosterPerson & { endsAt: string })[] = [];
	for (const ms of many(group.expand?.memberships_via_group)) {
		// A guest of one meeting is that meeting's business, not the group's roster.
		if (ms.meeting || ms.role === 'guest') continue;
		const user = ms.expand?.user;
		const start = parseInstant(ms.starts);
		const person: RosterPerson = {
			id: ms.id,
			userId: ms.user,
			name: user?.name ?? '',
			title: user?.title ?? '',
			role: ms.role,
			period: periodText(ms.starts, ms.ends, now),
			upcoming: !!start && start > now,
			isSelf: ms.user === userId
		};
		const ended = !!ms.ends && !isActiveAt({ starts: '', ends: ms.ends }, now);
		if (ended) former.push({ ...person, endsAt: ms.ends });
		else current.push({ person, org: user?.expand?.organization, position: ms.position ?? 0 });
	}
	const organizations = byOrganization(current);
	const history: HistoryLine[] = many(group.expand?.audit_log_via_group)
		.sort((a, b) => b.created.localeCompare(a.created) || b.id.localeCompare(a.id))
		.map((e) => ({
			id: e.id,
			summary: e.summary,
			by: e.expand?.actor?.name ?? m.unknownActor,
			when: formatDateTime(e.created)
		}));
	return {
		group: { id: group.id, name: group.name },
		organizations,
		former: former
			.sort((a, b) => b.endsAt.localeCompare(a.endsAt) || a.name.localeCompare(b.name, 'da'))
			.map(({ endsAt: _endsAt, ...p }) => p),
		history
	};
}

/** Every organisation a person may be added from (the add route checks the caller again). */
export async function organizationChoices(pb: TypedPocketBase, groupId: string): Promise<Organization[]> {
	const res = await pb.send<{ organizations: Organization[] }>(
		`/api/klynge/groups/${encodeURIComponent(groupId)}/organizations`,
		{ method: 'GET' }
	);
	return res.organizations.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/** A date input's value ("2027-02-01") as the instant that day begins in Copenhagen; null if unreadable. */
export function dayStart(value: string): string | null {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
	try {
		const at = zonedToInstant(value);
		return Number.isNaN(at.getTime()) ? null : toPocketBaseDate(at);
	} catch {
		return null;
	}
}

/**
 * When a membership ended "from" a day ends: as that day begins in Copenhagen, or now when the day
 * is today (a person added this morning and ended today must end after they began).
 */
export function endInstant(day: string, now = new Date()): string | null {
	const start = dayStart(day);
	if (!start) return null;
	return day === localDateKey(now) ? toPocketBaseDate(now) : start;
}

export const ADD_FIELDS = ['name', 'title', 'organization', 'email', 'role', 'starts'] as const;
export type AddField = (typeof ADD_FIELDS)[number];
export type AddValues = Record<AddField, string>;
export type AddErrors = Partial<Record<AddField | 'form', string>>;

/** Reads the add form; only the date is checked here (the hook says the rest, in Danish). */
export function parseAddForm(form: FormData) {
	const text = (k: string) => String(form.get(k) ?? '').trim();
	const values: AddValues = {
		name: text('name'),
		title: text('title'),
		organization: text('organization'),
		email: text('email'),
		role: text('role'),
		starts: text('starts')
	};
	const errors: AddErrors = {};
	const starts = values.starts ? dayStart(values.starts) : '';
	if (starts === null) errors.starts = m.errors.date;
	const body = { ...values, starts: starts ?? '' };
	return { values, errors, body };
}

/** The hooks' refusals beside their fields; PocketBase's own checks as "Tjek feltet.". */
export function memberErrors<F extends string>(err: ClientResponseError, fields: readonly F[]) {
	return fieldErrors(err, fields, { own: () => m.errors.invalid, refused: m.errors.refused });
}

/** What the add route answers. */
export interface AddResult {
	membership: string;
	user: string;
	name: string;
	created: boolean;
	invited: boolean;
	kept: { field: string; kept: string; given: string }[];
	/** When the membership begins (now, when the form gave no date). */
	starts: string;
}

/** Adds a person to the group through the hook route (an account and an invitation when needed). */
export function addMember(pb: TypedPocketBase, groupId: string, body: Record<string, string>): Promise<AddResult> {
	return pb.send<AddResult>(`/api/klynge/groups/${encodeURIComponent(groupId)}/members`, { method: 'POST', body });
}

/** The membership when it belongs to the group; null otherwise (a forged id from another page). */
export async function membershipOfGroup(pb: TypedPocketBase, groupId: string, id: string) {
	try {
		const found = await pb
			.collection('memberships')
			.getOne<{ id: string; group: string; expand?: { user?: { name: string } } }>(id, {
				expand: 'user',
				fields: 'id,group,expand.user.name'
			});
		return found.group === groupId ? { id: found.id, name: found.expand?.user?.name ?? '' } : null;
	} catch (err) {
		if (err instanceof ClientResponseError && [400, 403, 404].includes(err.status)) return null;
		throw err;
	}
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
