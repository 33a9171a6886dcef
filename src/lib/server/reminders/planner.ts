// The reminder planner: derives the outbox rows from the deadlines, for everyone in one pass.
//
// It reads in bulk with the engine's superuser client (one request whose JSON SQLite makes, never one
// read per member: it must plan 63,000 people at once), decides who still must act by the same rules as
// "what must I do" (src/lib/server/todo.ts `deadlinesFor`), plans the moments of each deadline
// (src/lib/reminders/schedule.ts) and writes the difference through a superuser-only PocketBase
// route (pb_hooks/planner.pb.js): new rows insert-or-ignore on the outbox's unique key, rows that
// no longer apply are cancelled, rows whose time moved (quiet hours changed) are moved, all in one
// transaction per batch. Running it twice plans nothing new.
import type PocketBase from 'pocketbase';
import { parseInstant, toPocketBaseDate } from '$lib/dates';
import { isEligible } from '$lib/nominations';
import { resolvePrefs, type ChannelChoice, type PrefKind, type ReminderPrefs } from '$lib/reminders/prefs';
import type { ReminderPayload } from '$lib/reminders/payload';
import {
	attendanceMoments,
	followUpMoments,
	meetingTomorrowMoments,
	nominationMoments,
	notTooLate,
	type Moment
} from '$lib/reminders/schedule';
import {
	attendancePayload,
	followUpPayload,
	meetingTomorrowPayload,
	newRowId,
	nominationPayload
} from '$lib/reminders/texts';

export interface PlanResult {
	/** Rows newly planned. */
	planned: number;
	/** Pending rows cancelled (answered, moved deadline, closed call). */
	cancelled: number;
	/** Pending rows moved to a new time (the member changed their quiet hours). */
	moved?: number;
}

/** The kinds this planner owns: only their pending rows are cancelled when they no longer apply. */
export const PLANNED_KINDS = ['attendance', 'nomination', 'meeting_tomorrow', 'follow_up'] as const;
type PlannedKind = (typeof PLANNED_KINDS)[number];

/**
 * Rows are written only for moments due within this long: the loop runs every 30 s, so a short
 * horizon loses nothing, and the outbox holds days of reminders rather than months (at national
 * scale ×10 that is the difference between ~100,000 and ~400,000 rows). Eight days covers the
 * "7 days before" reminder of the next meeting, which the secretariat's view shows as planned.
 */
export const HORIZON_MS = 8 * 24 * 3600 * 1000;

/** Rows per write request (one transaction each). */
const WRITE_BATCH = 1000;

interface Member {
	user: string;
	role: string;
}
interface UserInfo {
	organization: string;
	prefs: ReminderPrefs;
}
interface Meeting {
	id: string;
	group: string;
	title: string;
	starts: Date;
	deadline: Date;
	/** Whether members may still answer (attendance deadline not passed). */
	open: boolean;
	place: string;
	items: string[];
}
interface Call {
	id: string;
	group: string;
	title: string;
	urgent: boolean;
	deadline: Date;
	opened: Date;
	eligibility: string;
	eligible_sectors: string[];
	eligible_organizations: string[];
}
interface FollowUp {
	id: string;
	meeting: string;
	group: string;
	text: string;
	due: Date | null;
	owner_user: string;
	owner_organization: string;
}
interface Existing {
	id: string;
	user: string;
	kind: string;
	subject: string;
	moment: string;
	status: string;
	origin: string;
	due: string;
}

/** Everything one pass needs, read in bulk. */
export interface PlanState {
	now: Date;
	appUrl: string;
	meetings: Meeting[];
	calls: Call[];
	followUps: FollowUp[];
	/** Active, ordinary memberships per group. */
	members: Map<string, Member[]>;
	users: Map<string, UserInfo>;
	/** Attendance answers per meeting: user → status. */
	answers: Map<string, Map<string, string>>;
	/** Organisations that have answered a call (named someone or "melder ingen"), per call. */
	answered: Map<string, Set<string>>;
	/** Organisation id → sector. */
	sectors: Map<string, string>;
	existing: Existing[];
}

/** One thing a member must do (what `deadlinesFor` lists, by kind and subject). */
export interface MustAct {
	kind: 'attendance' | 'nomination' | 'follow_up';
	subject: string;
}

/** One outbox row the plan wants. */
export interface WantedRow {
	user: string;
	kind: PlannedKind;
	subject: string;
	moment: string;
	at: Date;
	expires: Date;
	payload: (id: string, badge: number) => ReminderPayload;
}

const pbDate = toPocketBaseDate;

/** The tuples pb_hooks/lib/planner.js `state` returns, per list (SQLite's json_array rows). */
interface StateTuples {
	meetings: [string, string, string, string, string, string, string][];
	items: [string, number, string][];
	memberships: [string, string, string][];
	users: [string, string, string][];
	attendance: [string, string, string][];
	calls: [string, string, string, number, string, string, string, string, string[], string[]][];
	answered: [string, string][];
	organizations: [string, string][];
	followUps: [string, string, string, string, string, string, string][];
	existing: [string, string, string, string, string, string, string, string][];
}

function parsePrefs(raw: string): unknown {
	if (!raw) return null;
	try {
		return JSON.parse(raw);
	} catch {
		return null;
	}
}

/**
 * Reads what the plan is made from in one request (pb_hooks/planner.pb.js: SQLite makes the JSON,
 * so 63,000 people take one read rather than hundreds of record pages): the upcoming published
 * meetings, active memberships, members' organisations and preferences, attendance answers, open
 * calls and the organisations that have answered them, open follow-ups, and the planner's own rows.
 */
export async function readPlanState(pb: PocketBase, now: Date): Promise<PlanState> {
	const [settings, raw] = await Promise.all([
		pb.settings.getAll({ fields: 'meta.appURL', requestKey: null }) as Promise<{ meta?: { appURL?: string } }>,
		pb.send<StateTuples>('/api/klynge/planner/state', {
			method: 'GET',
			query: { now: pbDate(now), until: pbDate(new Date(now.getTime() + HORIZON_MS + 86_400_000)) },
			requestKey: null
		})
	]);

	const itemsOf = new Map<string, { position: number; title: string }[]>();
	for (const [meeting, position, title] of raw.items) {
		const list = itemsOf.get(meeting) ?? [];
		list.push({ position, title });
		itemsOf.set(meeting, list);
	}
	const members = new Map<string, Member[]>();
	for (const [user, group, role] of raw.memberships) {
		const list = members.get(group) ?? [];
		list.push({ user, role });
		members.set(group, list);
	}
	const answers = new Map<string, Map<string, string>>();
	for (const [meeting, user, status] of raw.attendance) {
		const byUser = answers.get(meeting) ?? new Map<string, string>();
		byUser.set(user, status);
		answers.set(meeting, byUser);
	}
	const answered = new Map<string, Set<string>>();
	for (const [call, organization] of raw.answered) {
		const orgs = answered.get(call) ?? new Set<string>();
		orgs.add(organization);
		answered.set(call, orgs);
	}
	return {
		now,
		appUrl: (settings.meta?.appURL ?? '').replace(/\/$/, ''),
		meetings: raw.meetings.flatMap(([id, group, title, startsAt, deadlineAt, room, address]) => {
			const starts = parseInstant(startsAt);
			if (!starts) return [];
			const deadline = parseInstant(deadlineAt) ?? starts;
			const items = (itemsOf.get(id) ?? []).sort((a, b) => a.position - b.position).map((i) => i.title);
			const place = [room, address].filter(Boolean).join(', ');
			return [{ id, group, title, starts, deadline, open: deadline > now, place, items }];
		}),
		calls: raw.calls.flatMap(
			([id, group, title, urgent, deadlineAt, openedAt, created, eligibility, sectors, orgs]) => {
				const deadline = parseInstant(deadlineAt);
				if (!deadline) return [];
				const opened = parseInstant(openedAt) ?? parseInstant(created) ?? now;
				return [
					{
						id,
						group,
						title,
						urgent: !!urgent,
						deadline,
						opened,
						eligibility,
						eligible_sectors: sectors ?? [],
						eligible_organizations: orgs ?? []
					}
				];
			}
		),
		followUps: raw.followUps.map(([id, meeting, group, text, due, owner_user, owner_organization]) => ({
			id,
			meeting,
			group,
			text,
			due: parseInstant(due),
			owner_user,
			owner_organization
		})),
		members,
		users: new Map(
			raw.users.map(([id, organization, prefs]) => [id, { organization, prefs: resolvePrefs(parsePrefs(prefs)) }])
		),
		answers,
		answered,
		sectors: new Map(raw.organizations),
		existing: raw.existing.map(([id, user, kind, subject, moment, status, origin, due]) => ({
			id,
			user,
			kind,
			subject,
			moment,
			status,
			origin,
			due
		}))
	};
}

/** Those who answer a call for their organisation: ordinary members but not observers (nor guests). */
const nominates = (role: string) => role !== 'observer' && role !== 'guest';

/** A member who sent apologies, or a substitute, is not told about tomorrow's meeting. */
const notComing = (status: string | undefined) => status === 'absent' || status === 'substitute';

/**
 * Who must act on what, by the rules of `deadlinesFor`: an open meeting a member has not answered;
 * an open call their organisation is eligible for and has not answered, unless they are an
 * observer; an open follow-up they own (themselves or through their organisation) in a group they
 * belong to, once the minutes are out.
 */
export function mustAct(state: PlanState): Map<string, MustAct[]> {
	const out = new Map<string, MustAct[]>();
	const add = (user: string, item: MustAct) => {
		const items = out.get(user) ?? [];
		items.push(item);
		out.set(user, items);
	};
	for (const m of state.meetings) {
		if (!m.open) continue;
		const answers = state.answers.get(m.id);
		const seen = new Set<string>();
		for (const { user } of state.members.get(m.group) ?? []) {
			if (seen.has(user) || answers?.has(user)) continue;
			seen.add(user);
			add(user, { kind: 'attendance', subject: m.id });
		}
	}
	for (const c of state.calls) {
		const answered = state.answered.get(c.id);
		const seen = new Set<string>();
		for (const { user, role } of state.members.get(c.group) ?? []) {
			if (seen.has(user) || !nominates(role)) continue;
			const org = state.users.get(user)?.organization ?? '';
			if (!org || answered?.has(org)) continue;
			if (!isEligible(c, { id: org, sector: state.sectors.get(org) ?? '' })) continue;
			seen.add(user);
			add(user, { kind: 'nomination', subject: c.id });
		}
	}
	for (const f of state.followUps) {
		for (const { user } of state.members.get(f.group) ?? []) {
			const org = state.users.get(user)?.organization ?? '';
			if (f.owner_user === user || (!!org && f.owner_organization === org)) {
				if (!(out.get(user) ?? []).some((i) => i.kind === 'follow_up' && i.subject === f.id)) {
					add(user, { kind: 'follow_up', subject: f.id });
				}
			}
		}
	}
	return out;
}

/** Every row the plan wants now (before the grace and the horizon decide which are written). */
export function wantedRows(state: PlanState, todo = mustAct(state)): WantedRow[] {
	const { now, appUrl } = state;
	const meetings = new Map(state.meetings.map((m) => [m.id, m]));
	const calls = new Map(state.calls.map((c) => [c.id, c]));
	const followUps = new Map(state.followUps.map((f) => [f.id, f]));
	const rows: WantedRow[] = [];
	const prefsOf = (user: string) => state.users.get(user)?.prefs;
	const wants = (prefs: ReminderPrefs | undefined, kind: PrefKind): prefs is ReminderPrefs =>
		!!prefs && (prefs.channels[kind] as ChannelChoice) !== 'none';
	const push = (
		user: string,
		kind: PlannedKind,
		subject: string,
		moments: Moment[],
		expires: Date,
		make: (m: Moment, id: string, badge: number) => ReminderPayload
	) => {
		for (const m of moments) {
			rows.push({ user, kind, subject, moment: m.key, at: m.at, expires, payload: (id, badge) => make(m, id, badge) });
		}
	};

	for (const [user, items] of todo) {
		const prefs = prefsOf(user);
		for (const item of items) {
			if (item.kind === 'attendance') {
				const m = meetings.get(item.subject)!;
				if (!wants(prefs, 'attendance')) continue;
				push(user, 'attendance', m.id, attendanceMoments(m.deadline, prefs.quiet, now), m.deadline, (mo, id, badge) =>
					attendancePayload({ id, at: mo.at, badge }, m, m.deadline, appUrl)
				);
			} else if (item.kind === 'nomination') {
				const c = calls.get(item.subject)!;
				if (!wants(prefs, 'nomination')) continue;
				push(
					user,
					'nomination',
					c.id,
					nominationMoments(c.opened, c.deadline, prefs.quiet, now),
					c.deadline,
					(mo, id, badge) => nominationPayload({ id, at: mo.at, badge, rule: mo.rule }, c, c.deadline, appUrl)
				);
			} else {
				const f = followUps.get(item.subject)!;
				if (!f.due || f.due <= now || !wants(prefs, 'follow_up')) continue;
				const due = f.due;
				push(user, 'follow_up', f.id, followUpMoments(due, prefs.quiet, now), due, (mo, id, badge) =>
					followUpPayload({ id, at: mo.at, badge }, f, due, appUrl)
				);
			}
		}
	}
	// The day before a meeting: every member who has not sent apologies (answered or not).
	for (const m of state.meetings) {
		const answers = state.answers.get(m.id);
		const seen = new Set<string>();
		for (const { user } of state.members.get(m.group) ?? []) {
			if (seen.has(user) || notComing(answers?.get(user))) continue;
			seen.add(user);
			const prefs = prefsOf(user);
			if (!wants(prefs, 'meeting_tomorrow')) continue;
			push(
				user,
				'meeting_tomorrow',
				m.id,
				meetingTomorrowMoments(m.starts, prefs.quiet, now),
				m.starts,
				(mo, id, badge) => meetingTomorrowPayload({ id, at: mo.at, badge }, m, appUrl)
			);
		}
	}
	return rows;
}

const keyOf = (r: { user: string; kind: string; subject: string; moment: string }) =>
	`${r.user}|${r.kind}|${r.subject}|${r.moment}`;

export interface PlanWrites {
	insert: {
		id: string;
		user: string;
		kind: string;
		subject: string;
		moment: string;
		due: string;
		expires: string;
		payload: ReminderPayload;
	}[];
	cancel: string[];
	move: { id: string; due: string }[];
}

/** The difference between what the plan wants and what the outbox holds. */
export function planWrites(state: PlanState): PlanWrites {
	const { now } = state;
	const todo = mustAct(state);
	const wanted = wantedRows(state, todo);
	const existing = new Map(state.existing.map((r) => [keyOf(r), r]));
	const wantedKeys = new Map(wanted.map((w) => [keyOf(w), w]));
	const horizon = now.getTime() + HORIZON_MS;
	const writes: PlanWrites = { insert: [], cancel: [], move: [] };

	for (const w of wanted) {
		const row = existing.get(keyOf(w));
		if (row) {
			// Moved by changed quiet hours: only while both the old and the new time are ahead.
			const due = parseInstant(row.due);
			if (
				row.status === 'pending' &&
				due &&
				due > now &&
				w.at > now &&
				Math.abs(due.getTime() - w.at.getTime()) >= 60_000
			) {
				writes.move.push({ id: row.id, due: pbDate(w.at) });
			}
			continue;
		}
		if (!notTooLate(w, now) || w.at.getTime() > horizon) continue;
		const id = newRowId();
		const badge = todo.get(w.user)?.length ?? 0;
		writes.insert.push({
			id,
			user: w.user,
			kind: w.kind,
			subject: w.subject,
			moment: w.moment,
			due: pbDate(w.at),
			expires: pbDate(w.expires),
			payload: w.payload(id, badge)
		});
	}
	for (const row of state.existing) {
		if (row.status !== 'pending' || row.origin !== 'planner') continue;
		if (!(PLANNED_KINDS as readonly string[]).includes(row.kind)) continue;
		if (!wantedKeys.has(keyOf(row))) writes.cancel.push(row.id);
	}
	return writes;
}

/** Sends the writes in batches to pb_hooks/planner.pb.js; returns what PocketBase did. */
async function write(pb: PocketBase, writes: PlanWrites): Promise<Required<PlanResult>> {
	const result = { planned: 0, cancelled: 0, moved: 0 };
	const send = async (body: Partial<PlanWrites>) => {
		const r = await pb.send<{ inserted: number; cancelled: number; moved: number }>('/api/klynge/planner/write', {
			method: 'POST',
			body,
			requestKey: null
		});
		result.planned += r.inserted;
		result.cancelled += r.cancelled;
		result.moved += r.moved;
	};
	for (let i = 0; i < writes.insert.length; i += WRITE_BATCH) {
		await send({ insert: writes.insert.slice(i, i + WRITE_BATCH) });
	}
	for (let i = 0; i < writes.cancel.length; i += WRITE_BATCH * 5) {
		await send({ cancel: writes.cancel.slice(i, i + WRITE_BATCH * 5) });
	}
	for (let i = 0; i < writes.move.length; i += WRITE_BATCH * 5) {
		await send({ move: writes.move.slice(i, i + WRITE_BATCH * 5) });
	}
	return result;
}

/** Plans and cancels outbox rows for everyone, as of `now`, with the engine's superuser client. */
export async function planReminders(pb: PocketBase, now: Date): Promise<PlanResult> {
	const state = await readPlanState(pb, now);
	return write(pb, planWrites(state));
}
