/* global DynamicModel */
// Writing the reminder outbox (notifications) in bulk: the planner's batches, the secretariat's
// "send now" rounds and the meeting events. Raw SQL inside one transaction per call: an insert is
// "insert or ignore" on the unique key (user, kind, subject, moment), so a row planned twice, a
// second save of a meeting or a planner run beside another is written once. A row that a
// dispatcher has leased is never cancelled or moved under it.

const KINDS = {
	attendance: true,
	nomination: true,
	meeting_tomorrow: true,
	agenda_published: true,
	agenda_changed: true,
	minutes_published: true,
	follow_up: true
};
const ORIGINS = { planner: true, secretariat: true, event: true };
const ID = /^[a-z0-9]{15}$/;
const DATE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$/;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

const pbDate = (ms) => new Date(ms).toISOString().replace('T', ' ');

function str(value, max) {
	return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/** A new record id: 15 characters a-z0-9. */
function newId() {
	let id = '';
	for (let i = 0; i < 15; i++) id += ID_ALPHABET[Math.floor(Math.random() * ID_ALPHABET.length)];
	return id;
}

/** Throws a 400 for a row that is not a well-formed outbox row. */
function checkRow(row, origin) {
	if (
		!row ||
		!ID.test(row.id) ||
		!str(row.user, 30) ||
		!KINDS[row.kind] ||
		!str(row.subject, 30) ||
		!str(row.moment, 100) ||
		!DATE.test(row.due) ||
		(row.expires && !DATE.test(row.expires)) ||
		!ORIGINS[origin]
	) {
		throw new BadRequestError('Ugyldig påmindelse.');
	}
	// The planner sends the payload as JSON text (decoding thousands of nested objects into the
	// JSVM costs more than the insert); a hook passes an object.
	const payload = typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload || {});
	if (payload.length > 4000 || payload.charAt(0) !== '{') throw new BadRequestError('Påmindelsen er for stor.');
	return payload;
}

/** Rows per INSERT statement: one statement per row costs the JSVM more than SQLite's work. */
const INSERT_CHUNK = 100;

/** Inserts rows (insert or ignore); returns how many were new. Call inside a transaction. */
function insertRows(tx, rows, origin) {
	const now = pbDate(Date.now());
	let inserted = 0;
	for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
		const chunk = rows.slice(start, start + INSERT_CHUNK);
		const values = [];
		const params = { origin: origin, now: now };
		for (let i = 0; i < chunk.length; i++) {
			const row = chunk[i];
			const payload = checkRow(row, origin);
			values.push(
				'({:id' +
					i +
					'}, {:user' +
					i +
					'}, {:kind' +
					i +
					'}, {:subject' +
					i +
					'}, {:moment' +
					i +
					'}, {:origin}, ' +
					'{:due' +
					i +
					'}, {:expires' +
					i +
					'}, {:payload' +
					i +
					"}, 'pending', '', 0, '', '', '', '', '', '', {:now}, {:now})"
			);
			params['id' + i] = row.id;
			params['user' + i] = row.user;
			params['kind' + i] = row.kind;
			params['subject' + i] = row.subject;
			params['moment' + i] = row.moment;
			params['due' + i] = row.due;
			params['expires' + i] = row.expires || '';
			params['payload' + i] = payload;
		}
		const result = tx
			.db()
			.newQuery(
				'INSERT OR IGNORE INTO notifications (id, user, kind, subject, moment, origin, due, expires, payload, ' +
					'status, channel, attempts, lease_owner, lease_until, retry_at, sent_at, read_at, error, created, updated) ' +
					'VALUES ' +
					values.join(', ')
			)
			.bind(params)
			.execute();
		inserted += result.rowsAffected();
	}
	return inserted;
}

/** Cancels pending, unleased rows by id; returns how many. Call inside a transaction. */
function cancelRows(tx, ids) {
	const now = pbDate(Date.now());
	let cancelled = 0;
	for (let i = 0; i < ids.length; i++) {
		if (!ID.test(ids[i])) throw new BadRequestError('Ugyldig påmindelse.');
		const result = tx
			.db()
			.newQuery(
				"UPDATE notifications SET status = 'cancelled', updated = {:now} WHERE id = {:id} AND status = 'pending' " +
					"AND (lease_until = '' OR lease_until IS NULL OR lease_until < {:now})"
			)
			.bind({ id: ids[i], now: now })
			.execute();
		cancelled += result.rowsAffected();
	}
	return cancelled;
}

/** Moves pending, unleased rows to a new due time; returns how many. */
function moveRows(tx, moves) {
	const now = pbDate(Date.now());
	let moved = 0;
	for (let i = 0; i < moves.length; i++) {
		const m = moves[i];
		if (!m || !ID.test(m.id) || !DATE.test(m.due)) throw new BadRequestError('Ugyldig påmindelse.');
		const result = tx
			.db()
			.newQuery(
				"UPDATE notifications SET due = {:due}, updated = {:now} WHERE id = {:id} AND status = 'pending' " +
					"AND (lease_until = '' OR lease_until IS NULL OR lease_until < {:now})"
			)
			.bind({ id: m.id, due: m.due, now: now })
			.execute();
		moved += result.rowsAffected();
	}
	return moved;
}

// ---------------------------------------------------------------------------------------------
// Copenhagen wall clock and quiet hours, for rows queued here "now" (events, "send now").

// Copenhagen's offset and wall clock live in danish-time.js.
const offsetAt = (ms) => require(`${__hooks}/lib/danish-time.js`).offsetAt(ms);
const wall = (ms) => require(`${__hooks}/lib/danish-time.js`).local(ms);

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (clock) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** The member's quiet hours, or the default 21.00–07.00 (as src/lib/reminders/prefs.ts reads them). */
function quietOf(user) {
	let prefs = {};
	try {
		prefs = JSON.parse(user.getString('notification_prefs') || '{}') || {};
	} catch (_) {
		prefs = {};
	}
	const q = prefs.quiet || {};
	return typeof q.from === 'string' && typeof q.to === 'string' && CLOCK.test(q.from) && CLOCK.test(q.to)
		? { from: q.from, to: q.to }
		: { from: '21:00', to: '07:00' };
}

/** The member's channel choice for a kind ('push' unless chosen otherwise). */
function channelOf(user, kind) {
	try {
		const prefs = JSON.parse(user.getString('notification_prefs') || '{}') || {};
		const choice = prefs.channels && prefs.channels[kind];
		return choice === 'email' || choice === 'both' || choice === 'none' ? choice : 'push';
	} catch (_) {
		return 'push';
	}
}

/**
 * `ms` moved out of the quiet hours: to 07.30 after them (their end when that is later), as the
 * planner does (src/lib/reminders/schedule.ts). Wall-clock arithmetic on the local day; the rare
 * DST night is off by the hour it changes.
 */
function outOfQuiet(ms, quiet) {
	const from = minutesOf(quiet.from);
	const to = minutesOf(quiet.to);
	if (from === to) return ms;
	const offset = offsetAt(ms);
	const local = new Date(ms + offset);
	const t = local.getUTCHours() * 60 + local.getUTCMinutes();
	const quietNow = from < to ? t >= from && t < to : t >= from || t < to;
	if (!quietNow) return ms;
	const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
	const endDay = from > to && t >= from ? day + 86400000 : day;
	const target = endDay + Math.max(to, 7 * 60 + 30) * 60000;
	return target - offsetAt(target - offset);
}

// ---------------------------------------------------------------------------------------------
// Danish texts for rows queued here (the planner's own are src/lib/reminders/texts.ts; the same
// words, so a "send now" reminder reads like a planned one).

const msOf = (value) => new Date(String(value).replace(' ', 'T')).getTime();

/** "fredag den 8. januar" */
const dayAndMonth = (ms) => require(`${__hooks}/lib/danish-time.js`).formatDayAndMonth(ms);

/** "torsdag den 7. januar kl. 12.00"; the end of a day (23.59) is the day alone. */
function deadlineText(ms) {
	const d = wall(ms);
	const clock = d.getUTCHours() + '.' + (d.getUTCMinutes() < 10 ? '0' : '') + d.getUTCMinutes();
	return clock === '23.59' ? dayAndMonth(ms) : dayAndMonth(ms) + ' kl. ' + clock;
}

/** "i dag", "i morgen", "om 5 dage": Copenhagen calendar days from `from` to `to`. */
function whenText(from, to) {
	const day = (ms) => {
		const d = wall(ms);
		return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
	};
	const days = Math.round((day(to) - day(from)) / 86400000);
	return days <= 0 ? 'i dag' : days === 1 ? 'i morgen' : 'om ' + days + ' dage';
}

function payload(kind, subject, id, title, body, navigate, actions) {
	const notification = {
		title: title.slice(0, 200),
		body: body.slice(0, 1000),
		navigate: navigate,
		lang: 'da',
		dir: 'ltr',
		tag: kind + ':' + subject,
		timestamp: Date.now(),
		data: { id: id, kind: kind, subject: subject }
	};
	if (actions) notification.actions = actions;
	return { web_push: 8030, notification: notification };
}

/** An attendance reminder: "Svar senest i morgen: <meeting> fredag den 8. januar", Deltager / Afbud. */
function attendancePayload(app, meeting, id) {
	const mail = require(`${__hooks}/lib/mail.js`);
	const starts = msOf(meeting.getString('starts'));
	const deadline = meeting.getString('attendance_deadline') ? msOf(meeting.getString('attendance_deadline')) : starts;
	const answer = mail.appUrl(app, '/moeder/' + meeting.id + '#svar');
	return payload(
		'attendance',
		meeting.id,
		id,
		'Svar senest ' + whenText(Date.now(), deadline) + ': ' + meeting.getString('title') + ' ' + dayAndMonth(starts),
		'Sekretariatet mangler dit svar. Svar senest ' + deadlineText(deadline) + '. Deltager du?',
		answer,
		[
			{ action: 'attending', title: 'Deltager', navigate: answer },
			{ action: 'absent', title: 'Afbud', navigate: answer }
		]
	);
}

/** A nomination reminder: "Meld deltagere ind senest om 3 dage: <call>", with the seats when given. */
function nominationPayload(app, call, id, seats) {
	const mail = require(`${__hooks}/lib/mail.js`);
	const deadline = msOf(call.getString('deadline'));
	return payload(
		'nomination',
		call.id,
		id,
		'Meld deltagere ind senest ' + whenText(Date.now(), deadline) + ': ' + call.getString('title'),
		'Sekretariatet mangler jeres svar. ' +
			(call.getBool('urgent') ? 'Hurtigst muligt og senest ' : 'Meld deltagere ind senest ') +
			deadlineText(deadline) +
			'.' +
			(seats ? ' Der kan meldes ind til: ' + seats + '.' : '') +
			' Melder I ingen, så svar "Vi melder ingen ind".',
		mail.appUrl(app, '/indkaldelser/' + call.id)
	);
}

// ---------------------------------------------------------------------------------------------
// The planner's read: everything one pass needs, as compact JSON made by SQLite itself (the
// records API at 63,000 people takes tens of seconds to page through; this takes well under one).
// The conditions are the same as the app's (src/lib/server/memberships.ts ACTIVE_MEMBERSHIP,
// attendance.ts isOpen, nominations.ts) and the planner applies the rest (src/lib/server/reminders/
// planner.ts `mustAct`).

const STATE_QUERIES = {
	// Upcoming published meetings.
	meetings:
		'SELECT json_group_array(json_array(id, [[group]], title, starts, attendance_deadline, location_room, ' +
		"location_address)) FROM meetings WHERE status = 'published' AND starts > {:now}",
	// The agenda titles of the meetings in the planning horizon (for "meeting tomorrow").
	items:
		'SELECT json_group_array(json_array(a.meeting, a.position, a.title)) FROM agenda_items a ' +
		"JOIN meetings m ON m.id = a.meeting WHERE m.status = 'published' AND m.starts > {:now} AND m.starts <= {:until}",
	// Active, ordinary memberships (not one meeting's guest access).
	memberships:
		'SELECT json_group_array(json_array(user, [[group]], role)) FROM memberships ' +
		"WHERE IFNULL(meeting, '') = '' AND (IFNULL(starts, '') = '' OR starts <= {:now}) " +
		"AND (IFNULL(ends, '') = '' OR ends > {:now})",
	// The members' organisation and reminder preferences (raw JSON text, read by resolvePrefs).
	users:
		"SELECT json_group_array(json_array(id, organization, IFNULL(CAST(notification_prefs AS TEXT), ''))) FROM users " +
		"WHERE id IN (SELECT user FROM memberships WHERE IFNULL(meeting, '') = '')",
	attendance:
		'SELECT json_group_array(json_array(a.meeting, a.user, a.status)) FROM attendance a ' +
		"JOIN meetings m ON m.id = a.meeting WHERE m.status = 'published' AND m.starts > {:now}",
	calls:
		'SELECT json_group_array(json_array(id, [[group]], title, urgent, deadline, opened_at, created, eligibility, ' +
		"json(IFNULL(NULLIF(eligible_sectors, ''), '[]')), json(IFNULL(NULLIF(eligible_organizations, ''), '[]')))) " +
		"FROM nomination_calls WHERE status = 'open' AND deadline > {:now}",
	// Organisations that have answered an open call: named someone or said "melder ingen".
	answered:
		'SELECT json_group_array(json_array(call, organization)) FROM (SELECT DISTINCT n.call, n.organization ' +
		"FROM nominations n JOIN nomination_calls c ON c.id = n.call WHERE c.status = 'open' AND c.deadline > {:now})",
	organizations: 'SELECT json_group_array(json_array(id, sector)) FROM organizations',
	// Open follow-ups of meetings whose minutes are out (what members can read).
	followUps:
		'SELECT json_group_array(json_array(f.id, f.meeting, m.[[group]], f.text, f.due, f.owner_user, ' +
		"f.owner_organization)) FROM follow_ups f JOIN meetings m ON m.id = f.meeting WHERE f.status = 'open' " +
		"AND m.status = 'minutes_published'",
	// The planner's own rows whose deadline is still ahead, grouped by reminder (kind, subject,
	// moment) with [id, user, due] per member, due only while pending: at 10× national size these
	// are 130,000 rows, and repeating each reminder's key per member would double the read.
	existing:
		'SELECT json_group_array(json_array(kind, subject, moment, json(users))) FROM (SELECT kind, subject, moment, ' +
		"json_group_array(json_array(id, user, CASE WHEN status = 'pending' THEN due ELSE '' END)) AS users " +
		"FROM notifications WHERE origin = 'planner' AND expires > {:now} GROUP BY kind, subject, moment)"
};

/** `{ "meetings": [[…], …], … }` as one JSON text; `now` and `until` are PocketBase dates. */
function state(app, now, until) {
	if (!DATE.test(now) || !DATE.test(until)) throw new BadRequestError('Ugyldig tid.');
	const parts = [];
	for (const key in STATE_QUERIES) {
		const row = new DynamicModel({ j: '' });
		app
			.db()
			.newQuery('SELECT (' + STATE_QUERIES[key] + ') AS j')
			.bind({ now: now, until: until })
			.one(row);
		parts.push(JSON.stringify(key) + ':' + (row.j || '[]'));
	}
	return '{' + parts.join(',') + '}';
}

module.exports = {
	state: state,
	attendancePayload: attendancePayload,
	nominationPayload: nominationPayload,
	payload: payload,
	insertRows: insertRows,
	cancelRows: cancelRows,
	newId: newId,
	pbDate: pbDate,
	quietOf: quietOf,
	channelOf: channelOf,
	outOfQuiet: outOfQuiet,

	/** The planner's batch: { insert: [...], cancel: [ids], move: [{id, due}] }, in one transaction. */
	write: (app, body) => {
		const insert = Array.isArray(body.insert) ? body.insert : [];
		const cancel = Array.isArray(body.cancel) ? body.cancel : [];
		const move = Array.isArray(body.move) ? body.move : [];
		if (insert.length + cancel.length + move.length > 10000) throw new BadRequestError('For mange på én gang.');
		const result = { inserted: 0, cancelled: 0, moved: 0 };
		app.runInTransaction((tx) => {
			result.inserted = insertRows(tx, insert, 'planner');
			result.cancelled = cancelRows(tx, cancel);
			result.moved = moveRows(tx, move);
		});
		return result;
	},

	/**
	 * Queues one reminder, due now (or after the member's quiet hours), to each user: for events and
	 * the secretariat's rounds. `make(user, id)` gives the payload; users whose choice for the kind
	 * is "none" are skipped. Returns the users a row was newly queued for.
	 */
	queue: (app, users, kind, subject, moment, origin, expires, make) => {
		const now = Date.now();
		const rows = [];
		const queuedFor = [];
		for (let i = 0; i < users.length; i++) {
			const user = users[i];
			if (channelOf(user, kind) === 'none') continue;
			const id = newId();
			rows.push({
				id: id,
				user: user.id,
				kind: kind,
				subject: subject,
				moment: moment,
				due: pbDate(outOfQuiet(now, quietOf(user))),
				expires: expires || '',
				payload: make(user, id)
			});
			queuedFor.push(user);
		}
		const out = [];
		app.runInTransaction((tx) => {
			for (let i = 0; i < rows.length; i++) {
				if (insertRows(tx, [rows[i]], origin)) out.push(queuedFor[i]);
			}
		});
		return out;
	}
};
