// Demo data from the seed minutes (Midtklyngen, 12 June 2020): organisations, people, the steering
// group and its meeting with minutes, the next meeting (always a few weeks ahead) and a theme group
// with its own meeting. Idempotent: records get ids derived from their keys and are only created
// when missing, so a restart keeps what people changed; only a next meeting that has slipped into
// the past is moved forward again.
import { TZDate } from '@date-fns/tz';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { makeDemoPdf } from './demo-pdf.mjs';
import { ROOT } from './pocketbase.mjs';

export const DEMO_PASSWORD = 'klynge-demo-2026';
const TZ = 'Europe/Copenhagen';

/** A stable PocketBase id (15 × a–z0–9) for a demo key. @param {string} key */
export function demoId(key) {
	const hex = createHash('sha256').update(`klyngeportal-demo:${key}`).digest('hex');
	return BigInt(`0x${hex}`).toString(36).slice(0, 15).padStart(15, '0');
}

/** @param {string} date "2020-06-12" @param {string} time "08:00" */
function instant(date, time) {
	const [y, m, d] = date.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	return new Date(new TZDate(y, m - 1, d, hh, mm, 0, TZ).getTime());
}
const pbDate = (/** @type {Date} */ d) => d.toISOString().replace('T', ' ');
const addMinutes = (/** @type {Date} */ d, /** @type {number} */ n) => new Date(d.getTime() + n * 60_000);

/**
 * The Copenhagen calendar day `days` after `from`, moved on to `weekday` (0 = Sunday).
 * @param {Date} from @param {number} days @param {number} weekday
 */
function futureDay(from, days, weekday) {
	const local = new TZDate(from.getTime() + days * 86_400_000, TZ);
	const shift = (weekday - local.getDay() + 7) % 7;
	let day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + shift, 12, 0, 0, TZ);
	// Nobody meets between Christmas and New Year: move on to the first such weekday in January.
	const m = day.getMonth();
	const d = day.getDate();
	if ((m === 11 && d >= 20) || (m === 0 && d <= 3)) {
		const year = m === 11 ? day.getFullYear() + 1 : day.getFullYear();
		const jan4 = new TZDate(year, 0, 4, 12, 0, 0, TZ);
		day = new TZDate(year, 0, 4 + ((weekday - jan4.getDay() + 7) % 7), 12, 0, 0, TZ);
	}
	return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

export function loadDemoData() {
	return JSON.parse(readFileSync(join(ROOT, 'scripts', 'demo', 'midtklyngen.json'), 'utf8'));
}

/**
 * @param {PocketBase} pb a superuser client
 * @param {string} collection
 * @param {string} key
 * @param {Record<string, unknown> | FormData} data
 * @returns {Promise<{ id: string, created: boolean }>}
 */
async function ensure(pb, collection, key, data) {
	const id = demoId(`${collection}:${key}`);
	try {
		await pb.collection(collection).getOne(id, { fields: 'id' });
		return { id, created: false };
	} catch (err) {
		if (/** @type {{ status?: number }} */ (err).status !== 404) throw err;
	}
	if (data instanceof FormData) data.set('id', id);
	else data = { ...data, id };
	await pb.collection(collection).create(data);
	return { id, created: true };
}

/**
 * Seeds the demo into a running PocketBase.
 * @param {{ pbUrl: string, email: string, password: string, now?: Date, log?: (s: string) => void }} opts
 */
export async function seedDemo({ pbUrl, email, password, now = new Date(), log = () => {} }) {
	const pb = new PocketBase(pbUrl);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(email, password);
	const data = loadDemoData();
	let created = 0;
	/** @param {{ id: string, created: boolean }} r */
	const count = (r) => {
		if (r.created) created++;
		return r;
	};

	const orgId = new Map();
	for (const org of data.organizations) {
		const r = count(
			await ensure(pb, 'organizations', org.key, {
				name: org.name,
				short_name: org.short_name ?? '',
				sector: org.sector
			})
		);
		orgId.set(org.key, r.id);
	}

	const personId = new Map();
	const person = async (/** @type {any} */ p) => {
		const r = count(
			await ensure(pb, 'users', p.key, {
				email: p.email,
				emailVisibility: false,
				password: DEMO_PASSWORD,
				passwordConfirm: DEMO_PASSWORD,
				verified: true,
				name: p.name,
				title: p.title ?? '',
				department: p.department ?? '',
				organization: orgId.get(p.organization) ?? '',
				locale: 'da'
			})
		);
		personId.set(p.key, r.id);
		return r.id;
	};
	for (const p of data.people) await person(p);
	for (const p of data.substitutes ?? []) await person(p);

	// The steering group and its members.
	const steering = count(
		await ensure(pb, 'groups', 'midtklyngen', {
			name: 'Klyngestyregruppen for Midtklyngen',
			short_name: 'Midtklyngen',
			kind: 'styregruppe',
			description:
				'Klyngestyregruppen for sundhedsklyngen Midt: Hospitalsenhed Midt, Regionspsykiatrien, Silkeborg, Skive og Viborg kommuner og almen praksis.'
		})
	).id;
	// Members are listed in the minutes' order; one with a substitute where the substitute is listed.
	const position = new Map(data.people.map((/** @type {any} */ p, /** @type {number} */ i) => [p.key, (i + 1) * 10]));
	for (const a of data.meeting.attendance) {
		if (a.listed_after) position.set(a.person, (position.get(a.listed_after) ?? 0) + 5);
	}
	for (const p of data.people) {
		count(
			await ensure(pb, 'memberships', `midtklyngen:${p.key}`, {
				user: personId.get(p.key),
				group: steering,
				role: p.role,
				position: position.get(p.key)
			})
		);
	}

	// The meeting of 12 June 2020, with its minutes published.
	const m = data.meeting;
	const meetingId = count(
		await ensure(pb, 'meetings', 'midtklyngen:2020-06-12', {
			group: steering,
			title: m.title,
			starts: pbDate(instant(m.date, m.start)),
			ends: pbDate(instant(m.date, m.end)),
			location_room: m.location_room,
			location_address: m.location_address,
			location_note: m.location_note ?? '',
			catering: m.catering ?? '',
			chair: personId.get(m.chair) ?? '',
			minute_takers: (m.minute_takers ?? []).map((/** @type {string} */ k) => personId.get(k)),
			status: 'minutes_published',
			attendance_days_before: 3,
			minutes_date: m.minutes_date ? pbDate(instant(m.minutes_date, '12:00')) : ''
		})
	).id;
	for (const [i, g] of (m.guests ?? []).entries()) {
		const org = data.organizations.find((/** @type {any} */ o) => o.key === g.organization);
		count(
			await ensure(pb, 'meeting_guests', `2020-06-12:${i}`, {
				meeting: meetingId,
				name: g.name,
				title: g.title ?? '',
				organization: org ? orgId.get(org.key) : '',
				organization_name: org?.name ?? ''
			})
		);
	}
	const itemId = new Map();
	for (const item of m.items) {
		const key = `2020-06-12:${item.position}`;
		const form = new FormData();
		const fields = {
			meeting: meetingId,
			position: String(item.position),
			title: item.title,
			starts: item.start ? pbDate(instant(m.date, item.start)) : '',
			ends: item.end ? pbDate(instant(m.date, item.end)) : '',
			// The slot's length: the hooks compute every slot from the durations (none: no slot).
			duration_minutes:
				item.start && item.end
					? String((instant(m.date, item.end).getTime() - instant(m.date, item.start).getTime()) / 60_000)
					: '',
			presenter: item.presenter ?? '',
			kind: item.kind ?? '',
			recommendation: item.recommendation ?? '',
			background: item.background ?? ''
		};
		for (const [k, v] of Object.entries(fields)) form.set(k, v);
		for (const file of demoAttachments(item)) {
			form.append('attachments', new Blob([new Uint8Array(file.bytes)], { type: 'application/pdf' }), file.name);
		}
		const r = count(await ensure(pb, 'agenda_items', key, form));
		itemId.set(item.position, r.id);
		if (item.minutes) count(await ensure(pb, 'item_minutes', key, { item: r.id, text: item.minutes }));
		for (const [j, text] of (item.decisions ?? []).entries()) {
			count(await ensure(pb, 'decisions', `${key}:${j}`, { item: r.id, position: j + 1, text }));
		}
	}
	for (const [i, f] of (m.follow_ups ?? []).entries()) {
		count(
			await ensure(pb, 'follow_ups', `2020-06-12:${i}`, {
				meeting: meetingId,
				item: itemId.get(f.item) ?? '',
				position: i + 1,
				text: f.text,
				owner_text: f.owner ?? '',
				due: f.due ? pbDate(instant(f.due, '23:59')) : '',
				status: 'open'
			})
		);
	}

	// Who came, who sent a substitute and who sent apologies, as the minutes' header says.
	for (const a of m.attendance) {
		const status =
			a.status === 'absent_with_substitute'
				? 'substitute'
				: a.status === 'absent'
					? 'absent'
					: a.arrives || a.leaves
						? 'partial'
						: 'attending';
		const sub =
			status === 'substitute' ? (data.substitutes ?? []).find((/** @type {any} */ x) => x.key === a.substitute) : null;
		count(
			await ensure(pb, 'attendance', `2020-06-12:${a.person}`, {
				meeting: meetingId,
				user: personId.get(a.person),
				status,
				substitute_name: sub?.name ?? '',
				substitute_title: sub?.title ?? '',
				arrives: a.arrives ? pbDate(instant(m.date, a.arrives)) : '',
				leaves: a.leaves ? pbDate(instant(m.date, a.leaves)) : ''
			})
		);
	}

	// The next meeting, from the topics listed under item 9: always three to four weeks ahead.
	const next = data.next_meeting;
	const nextDay = futureDay(now, 21, 5);
	await ensureUpcomingMeeting(pb, {
		key: 'midtklyngen:next',
		group: steering,
		meeting: next,
		day: nextDay,
		chair: personId.get(m.chair) ?? '',
		minuteTakers: (m.minute_takers ?? []).map((/** @type {string} */ k) => personId.get(k)),
		now,
		count
	});

	// The three nomination calls of the June meeting, open until a deadline before the next meeting.
	await ensureCalls(pb, { data, steering, meetingId, itemId, personId, orgId, nextDay, now, count });

	// A theme group with its own people and meeting, to show that groups are kept apart.
	const theme = data.theme_group;
	const themeId = count(
		await ensure(pb, 'groups', 'voksne-patient', {
			name: theme.name,
			short_name: 'Voksne patient',
			kind: 'temagruppe',
			parent: steering
		})
	).id;
	for (const p of theme.people) {
		await person(p);
		count(
			await ensure(pb, 'memberships', `voksne-patient:${p.key}`, {
				user: personId.get(p.key),
				group: themeId,
				role: p.role
			})
		);
	}
	await ensureUpcomingMeeting(pb, {
		key: 'voksne-patient:next',
		group: themeId,
		meeting: theme.meeting,
		day: futureDay(now, 10, 2),
		chair: personId.get(theme.people.find((/** @type {any} */ p) => p.role === 'chair')?.key) ?? '',
		minuteTakers: theme.people
			.filter((/** @type {any} */ p) => p.role === 'secretariat')
			.map((/** @type {any} */ p) => personId.get(p.key)),
		now,
		count
	});

	log(created ? `demo data: ${created} records created` : 'demo data: already present');
	return { created, meetingId, steeringGroupId: steering, themeGroupId: themeId, demoLogins: demoLogins(data) };
}

/** The Copenhagen calendar day `days` before `day` ("2027-01-08"). @param {string} day @param {number} days */
function dayBefore(day, days) {
	const [y, m, d] = day.split('-').map(Number);
	const local = new TZDate(y, m - 1, d - days, 12, 0, 0, TZ);
	return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
}

/** The end of a Copenhagen calendar day. @param {string} day */
const endOfDay = (day) => new Date(instant(day, '23:59').getTime() + 59_999);

/**
 * The seed's nomination calls (scripts/demo/midtklyngen.json, `calls`): open, tied to their item and
 * decision, each deadline a weekday some days ahead and before the next meeting (moved forward again
 * once it has passed), with the answers some organisations have given. The answers are written as
 * the members who gave them, so the nomination rules and hooks treat them as any member's answer.
 * @param {PocketBase} pb
 * @param {{ data: any, steering: string, meetingId: string, itemId: Map<number, string>, personId: Map<string, string>, orgId: Map<string, string>, nextDay: string, now: Date, count: (r: { id: string, created: boolean }) => unknown }} o
 */
async function ensureCalls(pb, { data, steering, meetingId, itemId, personId, orgId, nextDay, now, count }) {
	const secretariat = data.people.find((/** @type {any} */ p) => p.role === 'secretariat');
	/** @type {Map<string, PocketBase>} */
	const clients = new Map();
	/** A client signed in as a demo person, or the superuser when their password has been changed. @param {string} key */
	const as = async (key) => {
		if (!clients.has(key)) {
			const p = data.people.find((/** @type {any} */ x) => x.key === key);
			const client = new PocketBase(pb.baseURL);
			client.autoCancellation(false);
			try {
				await client.collection('users').authWithPassword(p.email, DEMO_PASSWORD);
				clients.set(key, client);
			} catch {
				clients.set(key, pb);
			}
		}
		return /** @type {PocketBase} */ (clients.get(key));
	};

	for (const c of data.calls ?? []) {
		let day = futureDay(now, c.deadline.days_ahead, c.deadline.weekday);
		if (day >= nextDay) day = dayBefore(nextDay, 2);
		const deadline = pbDate(endOfDay(day));
		const item = data.meeting.items.find((/** @type {any} */ i) => i.position === c.item);
		const callId = demoId(`nomination_calls:${c.key}`);
		const existing = await pb
			.collection('nomination_calls')
			.getOne(callId, { fields: 'id,deadline' })
			.catch(() => null);
		// Written as the secretariat would: a draft, its fora, then opened (the hooks check the opening).
		const writer = () => as(secretariat.key);
		if (!existing) {
			await (await writer()).collection('nomination_calls').create({
				id: callId,
				group: steering,
				meeting: meetingId,
				item: itemId.get(c.item) ?? '',
				decision: demoId(`decisions:2020-06-12:${c.item}:${c.decision}`),
				title: c.title,
				description: c.description,
				source_text: item?.decisions?.[c.decision] ?? '',
				eligibility: c.eligibility,
				eligible_sectors: c.eligible_sectors ?? [],
				required: c.required,
				urgent: c.urgent,
				deadline,
				status: 'draft'
			});
			count({ id: callId, created: true });
		} else if (new Date(existing.deadline.replace(' ', 'T')) < now) {
			await pb.collection('nomination_calls').update(callId, { deadline });
		}
		const foraIds = [];
		for (const [i, f] of c.fora.entries()) {
			const id = demoId(`nomination_fora:${c.key}:${i}`);
			const found = await pb
				.collection('nomination_fora')
				.getOne(id, { fields: 'id' })
				.catch(() => null);
			if (!found) {
				await (
					await writer()
				)
					.collection('nomination_fora')
					.create({ id, call: callId, name: f.name, position: i, quota: f.quota });
				count({ id, created: true });
			}
			foraIds.push(id);
		}
		if (!existing) {
			const opened = await (await writer()).collection('nomination_calls').update(callId, { status: 'open' });
			// The hooks stamp the opening and the author; without them the seed does.
			const stamps = {
				...(opened.opened_at ? {} : { opened_at: pbDate(now) }),
				...(opened.created_by ? {} : { created_by: personId.get(secretariat.key) })
			};
			if (Object.keys(stamps).length) await pb.collection('nomination_calls').update(callId, stamps);
		}
		for (const a of c.answers ?? []) {
			const key = `${c.key}:${a.organization}:${a.forum ?? 'none'}:${a.nominee ?? ''}`;
			const id = demoId(`nominations:${key}`);
			const found = await pb
				.collection('nominations')
				.getOne(id, { fields: 'id' })
				.catch(() => null);
			if (found) continue;
			const nominee = a.nominee ? data.people.find((/** @type {any} */ p) => p.key === a.nominee) : null;
			const client = await as(a.by);
			await client.collection('nominations').create({
				id,
				call: callId,
				forum: a.kind === 'none' ? '' : foraIds[a.forum],
				organization: orgId.get(a.organization),
				kind: a.kind ?? 'nominee',
				nominee_name: nominee?.name ?? '',
				nominee_title: nominee?.title ?? '',
				nominee_email: nominee?.email ?? '',
				nominee_user: nominee ? personId.get(nominee.key) : '',
				nominated_by: personId.get(a.by)
			});
			count({ id, created: true });
			if (a.response) {
				await pb.collection('nominations').update(id, { response: a.response, responded_at: pbDate(now) });
			}
		}
	}
}

/**
 * Creates (or moves forward, once it has passed) a published upcoming meeting with its agenda; item
 * time slots follow from their durations.
 * @param {PocketBase} pb
 * @param {{ key: string, group: string, meeting: any, day: string, chair: string, minuteTakers: string[], now: Date, count: (r: { id: string, created: boolean }) => unknown }} o
 */
async function ensureUpcomingMeeting(pb, { key, group, meeting, day, chair, minuteTakers, now, count }) {
	const starts = instant(day, meeting.start);
	let cursor = starts;
	const slots = meeting.items.map((/** @type {any} */ item) => {
		const from = cursor;
		cursor = addMinutes(cursor, item.minutes ?? 15);
		return { item, from, to: cursor };
	});
	const ends = meeting.end ? instant(day, meeting.end) : cursor;
	const id = demoId(`meetings:${key}`);
	let existing = null;
	try {
		existing = await pb.collection('meetings').getOne(id, { fields: 'id,ends' });
	} catch {
		// not there yet
	}
	const times = {
		starts: pbDate(starts),
		ends: pbDate(ends),
		attendance_deadline: pbDate(addMinutes(starts, -3 * 24 * 60))
	};
	if (!existing) {
		count(
			await ensure(pb, 'meetings', key, {
				group,
				title: meeting.title,
				...times,
				location_room: meeting.location_room ?? '',
				location_address: meeting.location_address ?? '',
				location_note: meeting.location_note ?? '',
				catering: meeting.catering ?? '',
				chair,
				minute_takers: minuteTakers,
				// The template's rule ("3 dage før"); the deadline written beside it wins (a fixed time).
				attendance_days_before: 3,
				status: 'published'
			})
		);
	} else if (new Date(existing.ends.replace(' ', 'T')) < now) {
		await pb.collection('meetings').update(id, times);
	}
	for (const { item, from, to } of slots) {
		const itemKey = `${key}:${item.position}`;
		const r = await ensure(pb, 'agenda_items', itemKey, {
			meeting: id,
			position: item.position,
			title: item.title,
			starts: pbDate(from),
			ends: pbDate(to),
			duration_minutes: item.minutes ?? 15,
			presenter: item.presenter ?? '',
			kind: item.kind ?? '',
			recommendation: item.recommendation ?? '',
			background: item.background ?? ''
		});
		count(r);
		if (!r.created && existing)
			await pb
				.collection('agenda_items')
				.update(r.id, { starts: pbDate(from), ends: pbDate(to), duration_minutes: item.minutes ?? 15 });
	}
}

/** Demo attachments for the items whose minutes say a presentation or annex is attached. @param {any} item */
function demoAttachments(item) {
	const files = {
		3: { name: 'oplaeg-fleksible-indlaeggelser.pdf', title: "Oplæg: Resultater fra 'Fleksible indlæggelser'" },
		6: { name: 'oplaeg-type-2-diabetes.pdf', title: 'Oplæg: Type 2 diabetes i Midtklyngen' },
		7: { name: 'samarbejdsaftale-iv-behandling.pdf', title: 'Samarbejdsaftale om IV-behandling' }
	};
	const file = files[/** @type {3 | 6 | 7} */ (item.position)];
	if (!file) return [];
	return [
		{
			name: file.name,
			bytes: makeDemoPdf(file.title, ['Demobilag til Klyngeportal.', `Punkt ${item.position}: ${item.title}`])
		}
	];
}

/** The logins printed by `npm start`. @param {any} data */
export function demoLogins(data) {
	const secretariat = data.people.find((/** @type {any} */ p) => p.role === 'secretariat');
	const coChair = data.people.find((/** @type {any} */ p) => p.role === 'co_chair');
	const member = data.people.find((/** @type {any} */ p) => p.role === 'member');
	const themeMember = data.theme_group.people.find((/** @type {any} */ p) => p.role === 'member');
	return [
		{ who: `Sekretariatet, Midtklyngen (${secretariat.name})`, email: secretariat.email, role: 'secretariat' },
		{ who: `Medformand, Midtklyngen (${coChair.name})`, email: coChair.email, role: 'co_chair' },
		{ who: `Medlem, Midtklyngen (${member.name})`, email: member.email, role: 'member' },
		{ who: `Medlem, ${data.theme_group.name} (${themeMember.name})`, email: themeMember.email, role: 'member' }
	];
}
