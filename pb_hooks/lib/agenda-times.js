/* global arrayOf, DynamicModel -- JSVM globals not yet in eslint.config.js */
// Agenda time slots, the meeting's own times and its attendance deadline (issue 10), on the
// PocketBase side: the authority the editor's live slots (src/lib/agenda/slots.ts) only preview.
//
// - Every timed item follows the one before it from the meeting's start; an item without a duration
//   gets no slot and takes no time. `recompute` stores every item's `starts`/`ends` with plain SQL,
//   so it neither triggers the item hooks again nor counts as an edit by the secretariat.
// - Checks with Danish messages on the field that caused them: a duration of 0 or over 4 hours, an
//   item that would end after the meeting, a meeting that ends before it starts or before its agenda.
// - `attendance_days_before` ("3 dage før") makes the attendance deadline the end of the Copenhagen
//   day that many days before the meeting, again whenever the start moves (unless the same save
//   writes a deadline of its own).

/** The longest an item may last, in minutes. */
const MAX_DURATION = 240;

const ms = (value) => (value ? new Date(String(value).replace(' ', 'T')).getTime() : NaN);
const pbDate = (t) => new Date(t).toISOString().replace('T', ' ');
const time = () => require(`${__hooks}/lib/danish-time.js`);

/** The slots of `items` ([{ id, duration }] in agenda order) from `start` (ms): { slots: {id: {starts, ends}}, end }. */
function slots(start, items) {
	let cursor = start;
	const out = {};
	for (let i = 0; i < items.length; i++) {
		const minutes = Math.round(Number(items[i].duration) || 0);
		if (minutes > 0) {
			out[items[i].id] = { starts: cursor, ends: cursor + minutes * 60000 };
			cursor += minutes * 60000;
		} else {
			out[items[i].id] = { starts: null, ends: null };
		}
	}
	return { slots: out, end: cursor };
}

/** The meeting's items as [{ id, position, duration, starts, ends }] by position. */
function itemsOf(app, meetingId) {
	const rows = arrayOf(new DynamicModel({ id: '', position: 0, duration_minutes: 0, starts: '', ends: '' }));
	app
		.db()
		.newQuery(
			'SELECT id, position, duration_minutes, starts, ends FROM agenda_items WHERE meeting = {:m} ORDER BY position, id'
		)
		.bind({ m: meetingId })
		.all(rows);
	return rows.map((r) => ({
		id: r.id,
		position: r.position,
		duration: r.duration_minutes,
		starts: r.starts,
		ends: r.ends
	}));
}

/**
 * Stores every item's slot from the meeting's start and the durations. Returns the ids of the items
 * whose slot changed. Safe to call any number of times (it writes only what differs).
 */
function recompute(app, meetingId) {
	let meeting;
	try {
		meeting = app.findRecordById('meetings', meetingId);
	} catch (_) {
		return [];
	}
	const items = itemsOf(app, meetingId);
	const computed = slots(ms(meeting.getString('starts')), items).slots;
	const moved = [];
	for (let i = 0; i < items.length; i++) {
		const s = computed[items[i].id];
		const starts = s.starts === null ? '' : pbDate(s.starts);
		const ends = s.ends === null ? '' : pbDate(s.ends);
		if (ms(items[i].starts) === ms(starts) && ms(items[i].ends) === ms(ends)) continue;
		if (!items[i].starts && !starts && !items[i].ends && !ends) continue;
		app
			.db()
			.newQuery('UPDATE agenda_items SET starts = {:s}, ends = {:e} WHERE id = {:id}')
			.bind({ s: starts, e: ends, id: items[i].id })
			.execute();
		moved.push(items[i].id);
	}
	return moved;
}

/** "kl. 12.10" */
const clock = (t) => 'kl. ' + time().formatTime(t);

/**
 * Checks an agenda item about to be created or updated through the API: its duration (0 written as
 * such in a JSON body, or over 4 hours) and whether, at its position, it would end after the meeting. Throws a
 * BadRequestError with the message on `duration_minutes`.
 */
function checkItem(app, record, body, multipart) {
	const raw = body ? body.duration_minutes : undefined;
	// PocketBase reads an empty multipart value as 0, so only JSON can say "0" apart from "none".
	const given = !multipart && raw !== undefined && raw !== null && String(raw).trim() !== '';
	const duration = Number(record.get('duration_minutes')) || 0;
	if (given && Number(raw) === 0) {
		throw new BadRequestError('Punktet kunne ikke gemmes.', {
			duration_minutes: new ValidationError(
				'duration_zero',
				'Varigheden skal være mindst 1 minut, eller tom for et punkt uden tid.'
			)
		});
	}
	if (duration > MAX_DURATION) {
		throw new BadRequestError('Punktet kunne ikke gemmes.', {
			duration_minutes: new ValidationError('duration_too_long', 'Et punkt kan højst vare 4 timer (240 minutter).')
		});
	}
	if (duration <= 0) return;
	const meetingId = record.getString('meeting');
	let meeting;
	try {
		meeting = app.findRecordById('meetings', meetingId);
	} catch (_) {
		return; // PocketBase answers an unknown meeting itself
	}
	const items = itemsOf(app, meetingId).filter((i) => i.id !== record.id);
	items.push({ id: record.id || '(new)', position: Number(record.get('position')) || 0, duration: duration });
	items.sort((a, b) => a.position - b.position);
	const computed = slots(ms(meeting.getString('starts')), items).slots[record.id || '(new)'];
	const meetingEnd = ms(meeting.getString('ends'));
	if (computed.ends !== null && computed.ends > meetingEnd) {
		throw new BadRequestError('Punktet kunne ikke gemmes.', {
			duration_minutes: new ValidationError(
				'ends_after_meeting',
				'Punktet slutter ' + clock(computed.ends) + ', efter mødets slut ' + clock(meetingEnd) + '.'
			)
		});
	}
}

/** The end of the Copenhagen day `days` before the day of `start` (ms), as ms. */
function deadlineBefore(start, days) {
	const t = time();
	const local = t.local(start);
	// Midnight after the target day, as a wall clock read as UTC; then back to the instant.
	const wall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - days + 1);
	let instant = wall - t.offsetAt(wall);
	instant = wall - t.offsetAt(instant);
	return instant - 1;
}

/**
 * Before a meeting is saved (any writer): its end after its start, and the attendance deadline from
 * its rule when the start or the rule changed. On an update through the API, also that its agenda
 * still fits. Throws a BadRequestError with the message on `ends`.
 */
function prepareMeeting(app, record) {
	const starts = ms(record.getString('starts'));
	const ends = ms(record.getString('ends'));
	if (!isNaN(starts) && !isNaN(ends) && ends <= starts) {
		throw new BadRequestError('Mødet kunne ikke gemmes.', {
			ends: new ValidationError('ends_before_starts', 'Mødet skal slutte efter det begynder.')
		});
	}
	const original = record.isNew() ? null : record.original();
	const days = record.get('attendance_days_before');
	const ruleChanged = !original || original.get('attendance_days_before') !== days;
	const startMoved = !original || ms(original.getString('starts')) !== starts;
	// A deadline written in the same save (an import, the demo seed, a correction by hand) wins.
	const deadline = record.getString('attendance_deadline');
	const explicit = original ? original.getString('attendance_deadline') !== deadline : !!deadline;
	if (!isNaN(starts) && Number(days) > 0 && (ruleChanged || startMoved) && !explicit) {
		record.set('attendance_deadline', pbDate(deadlineBefore(starts, Number(days))));
	}
	if (original && !isNaN(starts) && !isNaN(ends)) {
		const end = slots(starts, itemsOf(app, record.id)).end;
		if (end > ends) {
			throw new BadRequestError('Mødet kunne ikke gemmes.', {
				ends: new ValidationError(
					'agenda_after_end',
					'Dagsordenen slutter ' + clock(end) + ', efter mødets slut ' + clock(ends) + '.'
				)
			});
		}
	}
}

module.exports = {
	MAX_DURATION: MAX_DURATION,
	slots: slots,
	itemsOf: itemsOf,
	recompute: recompute,
	checkItem: checkItem,
	deadlineBefore: deadlineBefore,
	prepareMeeting: prepareMeeting
};
