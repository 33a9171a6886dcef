// Saving an imported agenda or minutes as a draft meeting (issue 10): the meeting, its items (with
// durations; slots computed from the meeting's start), Referat, decisions, follow-ups, guests and
// attendance, and one audit entry — in one transaction, so an invalid field stores nothing. The
// app has already checked the proposal; this is the authority, and its Danish messages name the
// field that caused them ("items.3.duration_minutes"), so the review shows them beside that field.
// Required inside handlers (the JSVM gives handlers no outer scope).

const ID = /^[a-z0-9]{15}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS = ['decision', 'discussion', 'orientation', 'written'];
const MAX_ITEMS = 60;
const MAX_DURATION = 480;
const NO_GROUP = 'Vælg en gruppe, du er sekretariat for.';

/** A 400 with one Danish message per field. */
function fail(errors) {
	const data = {};
	for (const key in errors) data[key] = new ValidationError('invalid', errors[key]);
	const first = errors[Object.keys(errors)[0]];
	return new BadRequestError(first, data);
}

function text(value, max) {
	return String(value === null || value === undefined ? '' : value)
		.replace(/\r\n?/g, '\n')
		.trim()
		.slice(0, max + 1);
}

/** A "yyyy-mm-dd" that is a day in the calendar. */
function isDay(value) {
	if (!DATE.test(value)) return false;
	const d = new Date(value + 'T12:00:00Z');
	return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function instant(value) {
	if (typeof value !== 'string' || value === '') return null;
	const ms = new Date(value.replace(' ', 'T')).getTime();
	return isNaN(ms) ? null : ms;
}

function iso(ms) {
	return new Date(ms).toISOString().replace('T', ' ');
}

function list(value, max) {
	return Array.isArray(value) ? value.slice(0, max) : [];
}

/** The caller's group when they are its active secretariat; a Danish 400 beside `group` otherwise. */
function groupOf(app, auth, groupId) {
	const memberships = require(`${__hooks}/lib/memberships.js`);
	if (!auth || auth.collection().name !== 'users' || typeof groupId !== 'string' || !ID.test(groupId)) {
		throw fail({ group: NO_GROUP });
	}
	if (memberships.roleIn(app, auth.id, groupId) !== 'secretariat') throw fail({ group: NO_GROUP });
	return app.findRecordById('groups', groupId);
}

/** Active ordinary members of the group by user id. */
function memberIds(app, groupId) {
	const ids = {};
	const rows = require(`${__hooks}/lib/memberships.js`).members(app, groupId);
	for (let i = 0; i < rows.length; i++) ids[rows[i].get('user')] = true;
	return ids;
}

/** Checks the proposal and returns it in clean form; throws one 400 with every field's message. */
function validate(app, groupId, body) {
	const errors = {};
	const members = memberIds(app, groupId);
	const m = {
		title: text(body.title, 200),
		starts: instant(body.starts),
		ends: instant(body.ends),
		location_room: text(body.location_room, 300),
		location_address: text(body.location_address, 300),
		location_note: text(body.location_note, 500),
		catering: text(body.catering, 500),
		chair: typeof body.chair === 'string' ? body.chair : '',
		minute_takers: list(body.minute_takers, 6).filter((v) => typeof v === 'string'),
		minutes_date: typeof body.minutes_date === 'string' ? body.minutes_date : ''
	};
	if (m.title === '') errors.title = 'Skriv mødets titel.';
	else if (m.title.length > 200) errors.title = 'Titlen må højst være 200 tegn.';
	if (m.starts === null) errors.starts = 'Skriv, hvornår mødet begynder.';
	if (m.ends === null) errors.ends = 'Skriv, hvornår mødet slutter.';
	else if (m.starts !== null && m.ends <= m.starts) errors.ends = 'Mødet skal slutte, efter det begynder.';
	else if (m.starts !== null && m.ends - m.starts > 24 * 3600 * 1000) errors.ends = 'Et møde kan højst vare et døgn.';
	if (m.location_room.length > 300) errors.location_room = 'Højst 300 tegn.';
	if (m.location_address.length > 300) errors.location_address = 'Højst 300 tegn.';
	if (m.location_note.length > 500) errors.location_note = 'Højst 500 tegn.';
	if (m.catering.length > 500) errors.catering = 'Højst 500 tegn.';
	if (m.chair !== '' && !members[m.chair]) errors.chair = 'Mødelederen skal være medlem af gruppen.';
	if (m.minute_takers.length > 5) errors.minute_takers = 'Vælg højst 5 referenter.';
	else if (m.minute_takers.some((id) => !members[id]))
		errors.minute_takers = 'Referenterne skal være medlemmer af gruppen.';
	if (m.minutes_date !== '' && !isDay(m.minutes_date)) errors.minutes_date = 'Skriv datoen som 12.06.2020.';

	const rawItems = list(body.items, MAX_ITEMS + 1);
	if (rawItems.length === 0) errors.items = 'Mødet skal have mindst ét punkt.';
	if (rawItems.length > MAX_ITEMS) errors.items = 'Et møde kan højst have ' + MAX_ITEMS + ' punkter.';
	let cursor = m.starts;
	const items = rawItems.slice(0, MAX_ITEMS).map((raw, i) => {
		raw = raw || {};
		const key = 'items.' + i + '.';
		const item = {
			title: text(raw.title, 300),
			kind: KINDS.indexOf(raw.kind) >= 0 ? raw.kind : '',
			presenter: text(raw.presenter, 200),
			recommendation: text(raw.recommendation, 20000),
			background: text(raw.background, 100000),
			minutes: text(raw.minutes, 100000),
			decisions: list(raw.decisions, 50)
				.map((d) => text(d, 5000))
				.filter((d) => d !== ''),
			duration:
				raw.duration_minutes === null || raw.duration_minutes === undefined || raw.duration_minutes === ''
					? null
					: Number(raw.duration_minutes),
			starts: null,
			ends: null
		};
		if (item.title === '') errors[key + 'title'] = 'Skriv punktets titel.';
		else if (item.title.length > 300) errors[key + 'title'] = 'Titlen må højst være 300 tegn.';
		if (raw.kind && item.kind === '') errors[key + 'kind'] = 'Vælg en type.';
		if (item.presenter.length > 200) errors[key + 'presenter'] = 'Højst 200 tegn.';
		if (item.recommendation.length > 20000) errors[key + 'recommendation'] = 'Indstillingen er for lang.';
		if (item.background.length > 100000) errors[key + 'background'] = 'Sagsfremstillingen er for lang.';
		if (item.minutes.length > 100000) errors[key + 'minutes'] = 'Referatet er for langt.';
		if (item.decisions.some((d) => d.length > 5000))
			errors[key + 'decisions'] = 'En beslutning må højst være 5.000 tegn.';
		if (item.duration !== null) {
			if (!Number.isInteger(item.duration) || item.duration < 1 || item.duration > MAX_DURATION) {
				errors[key + 'duration_minutes'] = 'Varigheden skal være mellem 1 og ' + MAX_DURATION + ' minutter.';
			} else if (cursor !== null) {
				item.starts = cursor;
				item.ends = cursor + item.duration * 60000;
				cursor = item.ends;
				if (m.ends !== null && item.ends > m.ends) {
					errors[key + 'duration_minutes'] = 'Punktet slutter efter mødets afslutning. Gør varigheden kortere.';
				}
			}
		}
		return item;
	});

	const guests = list(body.guests, 200).map((raw, i) => {
		raw = raw || {};
		const g = {
			name: text(raw.name, 200),
			title: text(raw.title, 200),
			organization_name: text(raw.organization_name, 200)
		};
		if (g.name === '') errors['guests.' + i + '.name'] = 'Skriv gæstens navn.';
		if (g.name.length > 200 || g.title.length > 200 || g.organization_name.length > 200) {
			errors['guests.' + i + '.name'] = 'Højst 200 tegn pr. felt.';
		}
		return g;
	});

	const seen = {};
	const attendance = list(body.attendance, 500).map((raw, i) => {
		raw = raw || {};
		const a = {
			user: typeof raw.user === 'string' ? raw.user : '',
			status: raw.status === 'absent' ? 'absent' : 'attending',
			note: text(raw.note, 1000)
		};
		if (!members[a.user]) errors['attendance.' + i + '.user'] = 'Personen er ikke medlem af gruppen.';
		else if (seen[a.user]) errors['attendance.' + i + '.user'] = 'Personen står to gange på deltagerlisten.';
		seen[a.user] = true;
		if (a.note.length > 1000) errors['attendance.' + i + '.note'] = 'Noten må højst være 1.000 tegn.';
		return a;
	});

	const followUps = list(body.follow_ups, 200).map((raw, i) => {
		raw = raw || {};
		const key = 'follow_ups.' + i + '.';
		const f = {
			item: raw.item === null || raw.item === undefined || raw.item === '' ? null : Number(raw.item),
			text: text(raw.text, 5000),
			owner_text: text(raw.owner_text, 200),
			due: typeof raw.due === 'string' ? raw.due : ''
		};
		if (f.text === '') errors[key + 'text'] = 'Skriv opfølgningspunktet.';
		else if (f.text.length > 5000) errors[key + 'text'] = 'Højst 5.000 tegn.';
		if (f.owner_text.length > 200) errors[key + 'owner_text'] = 'Højst 200 tegn.';
		if (f.due !== '' && !isDay(f.due)) errors[key + 'due'] = 'Skriv fristen som 11.09.2020.';
		if (f.item !== null && !(Number.isInteger(f.item) && f.item >= 0 && f.item < items.length)) {
			errors[key + 'item'] = 'Vælg et af mødets punkter.';
		}
		return f;
	});

	if (Object.keys(errors).length) throw fail(errors);
	return { meeting: m, items: items, guests: guests, attendance: attendance, followUps: followUps };
}

/** Saves one record; a refusal PocketBase finds after our checks still lands on a named field. */
function save(txApp, record, key) {
	try {
		txApp.save(record);
	} catch (err) {
		const errors = {};
		errors[key] = 'Feltet kunne ikke gemmes: ' + String((err && err.message) || err).slice(0, 200);
		throw fail(errors);
	}
}

/** Danish date of a day stored as "yyyy-mm-dd", as a PocketBase date (midday UTC keeps the day). */
function day(value) {
	return value ? value + ' 12:00:00.000Z' : '';
}

module.exports = {
	/** POST /api/klynge/meetings/import: the new draft meeting's id and its items' ids, in order. */
	save: (app, auth, body) => {
		body = body || {};
		const group = groupOf(app, auth, body.group);
		const input = validate(app, group.id, body);
		const audit = require(`${__hooks}/lib/audit.js`);
		const actor = audit.userId(auth);
		const result = { meeting: '', items: [] };

		app.runInTransaction((txApp) => {
			const m = input.meeting;
			const meeting = new Record(txApp.findCachedCollectionByNameOrId('meetings'));
			meeting.set('group', group.id);
			meeting.set('status', 'draft');
			meeting.set('title', m.title);
			meeting.set('starts', iso(m.starts));
			meeting.set('ends', iso(m.ends));
			meeting.set('location_room', m.location_room);
			meeting.set('location_address', m.location_address);
			meeting.set('location_note', m.location_note);
			meeting.set('catering', m.catering);
			meeting.set('chair', m.chair);
			meeting.set('minute_takers', m.minute_takers);
			meeting.set('minutes_date', day(m.minutes_date));
			save(txApp, meeting, 'title');
			result.meeting = meeting.id;

			const itemIds = [];
			let decisions = 0;
			input.items.forEach((it, i) => {
				const key = 'items.' + i + '.';
				const item = new Record(txApp.findCachedCollectionByNameOrId('agenda_items'));
				item.set('meeting', meeting.id);
				item.set('position', i + 1);
				item.set('title', it.title);
				item.set('kind', it.kind);
				item.set('presenter', it.presenter);
				item.set('recommendation', it.recommendation);
				item.set('background', it.background);
				item.set('duration_minutes', it.duration === null ? 0 : it.duration);
				item.set('starts', it.starts === null ? '' : iso(it.starts));
				item.set('ends', it.ends === null ? '' : iso(it.ends));
				save(txApp, item, key + 'title');
				itemIds.push(item.id);
				if (it.minutes !== '') {
					const minutes = new Record(txApp.findCachedCollectionByNameOrId('item_minutes'));
					minutes.set('item', item.id);
					minutes.set('text', it.minutes);
					save(txApp, minutes, key + 'minutes');
				}
				it.decisions.forEach((d, n) => {
					const decision = new Record(txApp.findCachedCollectionByNameOrId('decisions'));
					decision.set('item', item.id);
					decision.set('position', n + 1);
					decision.set('text', d);
					save(txApp, decision, key + 'decisions');
					decisions++;
				});
			});
			result.items = itemIds;

			input.guests.forEach((g, i) => {
				const guest = new Record(txApp.findCachedCollectionByNameOrId('meeting_guests'));
				guest.set('meeting', meeting.id);
				guest.set('name', g.name);
				guest.set('title', g.title);
				guest.set('organization_name', g.organization_name);
				save(txApp, guest, 'guests.' + i + '.name');
			});

			input.attendance.forEach((a, i) => {
				const row = new Record(txApp.findCachedCollectionByNameOrId('attendance'));
				row.set('meeting', meeting.id);
				row.set('user', a.user);
				row.set('status', a.status);
				row.set('note', a.note);
				row.set('answered_by', actor);
				save(txApp, row, 'attendance.' + i + '.user');
			});

			input.followUps.forEach((f, i) => {
				const row = new Record(txApp.findCachedCollectionByNameOrId('follow_ups'));
				row.set('meeting', meeting.id);
				row.set('item', f.item === null ? '' : itemIds[f.item]);
				row.set('position', i + 1);
				row.set('text', f.text);
				row.set('owner_text', f.owner_text);
				row.set('due', day(f.due));
				row.set('status', 'open');
				save(txApp, row, 'follow_ups.' + i + '.text');
			});

			audit.write(txApp, {
				collection: 'meetings',
				record: meeting.id,
				meeting: meeting.id,
				group: group.id,
				action: 'create',
				actor: actor,
				after: audit.snapshot(meeting, ['title', 'starts', 'ends', 'status']),
				summary:
					'Mødet ‘' +
					m.title +
					'’ importeret som kladde: ' +
					input.items.length +
					(input.items.length === 1 ? ' punkt, ' : ' punkter, ') +
					decisions +
					(decisions === 1 ? ' beslutning, ' : ' beslutninger, ') +
					input.followUps.length +
					' opfølgningspunkter, ' +
					input.attendance.length +
					' deltagere og afbud, ' +
					input.guests.length +
					(input.guests.length === 1 ? ' gæst' : ' gæster')
			});
		});
		return result;
	}
};
