// The agenda editor's side in PocketBase (issue 10):
// - reordering and removing items in one transaction (positions are unique per meeting, so a
//   reorder done record by record would collide halfway);
// - after publishing: what changed on each item (`changes`, `changed_at`) and on the meeting
//   (`agenda_changes`, Danish lines including removed items, `agenda_changed_at`), the marks members
//   see as "Ændret siden udsendelse";
// - "Giv medlemmerne besked om ændringerne": one notification per member and revision;
// - the audit entries of a published meeting and its items (attachments are audited by the item
//   page's hooks).
// Changes made by superusers (the demo seed, an operator) are not the secretariat's news: they
// leave no mark, but are audited like any other.

const NOT_FOUND = 'Mødet findes ikke, eller du har ikke adgang til det.';
/** The item fields whose changes are audited here (not `attachments`/`attachment_titles`). */
const ITEM_FIELDS = ['position', 'title', 'kind', 'presenter', 'duration_minutes', 'recommendation', 'background'];
const MEETING_FIELDS = [
	'title',
	'status',
	'starts',
	'ends',
	'location_room',
	'location_address',
	'location_note',
	'catering',
	'chair',
	'minute_takers',
	'attendance_deadline',
	'attendance_days_before',
	'share_with_chairs'
];
/** The meeting fields in the history's words ("Mødet er ændret: start, slut"). */
const MEETING_FIELD_WORDS = {
	title: 'titel',
	status: 'status',
	starts: 'start',
	ends: 'slut',
	location_room: 'lokale',
	location_address: 'adresse',
	location_note: 'bemærkning til stedet',
	catering: 'forplejning',
	chair: 'mødeleder',
	minute_takers: 'referenter',
	attendance_deadline: 'svarfrist',
	attendance_days_before: 'svarfristens regel',
	share_with_chairs: 'deling med formandskabet'
};
/** The kinds of change members see, in the order they are named, with their Danish words. */
const CHANGE_WORDS = {
	new: 'nyt punkt',
	title: 'ny titel',
	time: 'nyt tidspunkt',
	presenter: 'ny oplægsholder',
	kind: 'ny punkttype',
	text: 'ændret tekst',
	attachment: 'nyt bilag'
};
const CHANGE_ORDER = ['new', 'title', 'time', 'presenter', 'kind', 'text', 'attachment'];
/** Lines for removed items start with this, so they survive the lines being made anew. */
const REMOVED = 'Fjernet: ';

const audit = () => require(`${__hooks}/lib/audit.js`);
const nowString = () => new Date().toISOString().replace('T', ' ');
const quoted = (title) => '‘' + title + '’';

/** A JSON list field's strings ([] when empty); the JSVM hands JSON fields over as raw bytes. */
function jsonList(record, field) {
	try {
		const value = JSON.parse(record.getString(field) || 'null');
		return Array.isArray(value) ? value.map(String) : [];
	} catch (_) {
		return [];
	}
}

/** Whether a request is a user's (the secretariat's), not a superuser's. */
function byUser(e) {
	return !!e.auth && e.auth.collection().name === 'users';
}

/** The kinds of change between two snapshots of an item (records or null for a new one). */
function changeKinds(before, after) {
	if (!before) return ['new'];
	const kinds = [];
	const differs = (f) => JSON.stringify(before.get(f)) !== JSON.stringify(after.get(f));
	if (differs('title')) kinds.push('title');
	if (differs('duration_minutes')) kinds.push('time');
	if (differs('presenter')) kinds.push('presenter');
	if (differs('kind')) kinds.push('kind');
	if (differs('recommendation') || differs('background')) kinds.push('text');
	const files = (r) => (r.get('attachments') || []).map(String);
	const had = files(before);
	if (files(after).some((f) => had.indexOf(f) < 0)) kinds.push('attachment');
	return kinds;
}

/** Adds `kinds` to an item's marks (SQL, so no hook runs again). */
function markItem(app, itemId, kinds, at) {
	if (!kinds.length) return;
	const item = app.findRecordById('agenda_items', itemId);
	const current = jsonList(item, 'changes');
	const merged = CHANGE_ORDER.filter((k) => current.indexOf(k) >= 0 || kinds.indexOf(k) >= 0);
	app
		.db()
		.newQuery('UPDATE agenda_items SET changes = {:c}, changed_at = {:t} WHERE id = {:id}')
		.bind({ c: JSON.stringify(merged), t: at, id: itemId })
		.execute();
}

/** "Punkt 4 ‘Demensvenlig klynge’: nyt bilag, ændret tekst" for an item with marks. */
function lineFor(position, title, kinds) {
	if (kinds.indexOf('new') >= 0) {
		const rest = kinds.filter((k) => k !== 'new' && k !== 'time').map((k) => CHANGE_WORDS[k]);
		return 'Punkt ' + position + ' ' + quoted(title) + ': nyt punkt' + (rest.length ? ', ' + rest.join(', ') : '');
	}
	return 'Punkt ' + position + ' ' + quoted(title) + ': ' + kinds.map((k) => CHANGE_WORDS[k]).join(', ');
}

/**
 * Makes the meeting's change lines anew from its items' marks (by current position), keeping the
 * lines of removed items (plus `removed`, new ones), and stamps `agenda_changed_at`.
 */
function refreshMeeting(app, meetingId, removed, at) {
	const meeting = app.findRecordById('meetings', meetingId);
	const kept = jsonList(meeting, 'agenda_changes').filter((l) => l.indexOf(REMOVED) === 0);
	const items = app.findRecordsByFilter('agenda_items', 'meeting = {:m}', 'position', 0, 0, { m: meetingId });
	const lines = [];
	for (let i = 0; i < items.length; i++) {
		const kinds = jsonList(items[i], 'changes');
		if (kinds.length) lines.push(lineFor(items[i].getInt('position'), items[i].getString('title'), kinds));
	}
	const all = lines.concat(kept, removed || []);
	app
		.db()
		.newQuery('UPDATE meetings SET agenda_changes = {:c}, agenda_changed_at = {:t} WHERE id = {:id}')
		.bind({ c: JSON.stringify(all), t: at, id: meetingId })
		.execute();
}

/** Marks items whose slots the recompute moved (after publishing) with "time". */
function markMoved(app, ids, at) {
	for (let i = 0; i < ids.length; i++) markItem(app, ids[i], ['time'], at);
}

/** The meeting of a route's {id} when `auth` runs its group; a Danish 404 otherwise. */
function meetingFor(e) {
	const memberships = require(`${__hooks}/lib/memberships.js`);
	let meeting = null;
	try {
		meeting = e.app.findRecordById('meetings', e.request.pathValue('id'));
	} catch (_) {
		meeting = null;
	}
	if (!meeting || !e.auth || memberships.roleIn(e.app, e.auth.id, meeting.getString('group')) !== 'secretariat') {
		throw new NotFoundError(NOT_FOUND);
	}
	return meeting;
}

/** An item's audit summary: "Punkt 4 ‘Titel’: ændret titel, varighed". */
const FIELD_WORDS = {
	position: 'placering',
	title: 'titel',
	kind: 'punkttype',
	presenter: 'oplægsholder',
	duration_minutes: 'varighed',
	recommendation: 'indstilling',
	background: 'sagsfremstilling'
};

module.exports = {
	ITEM_FIELDS: ITEM_FIELDS,
	byUser: byUser,

	/**
	 * After an item was created, changed or removed through the API: the slots of its meeting again;
	 * then, when the meeting is no longer a draft, the marks (for a user's change) and an audit entry.
	 */
	afterItem: (e, action, before, slotsBefore) => {
		const times = require(`${__hooks}/lib/agenda-times.js`);
		const item = e.record;
		const meetingId = item.getString('meeting');
		times.recompute(e.app, meetingId);
		const was = {};
		for (let i = 0; i < slotsBefore.length; i++) was[slotsBefore[i].id] = slotsBefore[i];
		const moved = times
			.itemsOf(e.app, meetingId)
			.filter((i) => was[i.id] && (was[i.id].starts !== i.starts || was[i.id].ends !== i.ends))
			.map((i) => i.id);
		let meeting;
		try {
			meeting = e.app.findRecordById('meetings', meetingId);
		} catch (_) {
			return; // the meeting itself was removed (cascade)
		}
		if (meeting.getString('status') === 'draft') return;
		const at = nowString();
		const a = audit();
		const after = action === 'delete' ? null : e.app.findRecordById('agenda_items', item.id);
		const label = 'Punkt ' + (before || after).getInt('position') + ' ' + quoted((after || before).getString('title'));
		if (byUser(e)) {
			if (action === 'delete') {
				markMoved(e.app, moved, at);
				refreshMeeting(
					e.app,
					meetingId,
					[REMOVED + 'punkt ' + before.getInt('position') + ' ' + quoted(before.getString('title'))],
					at
				);
			} else {
				const kinds = changeKinds(before, after);
				markItem(e.app, item.id, kinds, at);
				markMoved(e.app, moved, at);
				if (kinds.length || moved.length) refreshMeeting(e.app, meetingId, [], at);
			}
		}
		const snapBefore = a.snapshot(before, ITEM_FIELDS);
		const snapAfter = a.snapshot(after, ITEM_FIELDS);
		const changed = a.changedFields(snapBefore, snapAfter);
		if (action === 'update' && !changed.length) return;
		const summary =
			action === 'create'
				? label + ': nyt punkt'
				: action === 'delete'
					? label + ': fjernet'
					: label + ': ændret ' + changed.map((f) => FIELD_WORDS[f] || f).join(', ');
		a.write(e.app, {
			collection: 'agenda_items',
			record: item.id,
			meeting: meetingId,
			group: meeting.getString('group'),
			action: action,
			actor: a.userId(e.auth),
			before: snapBefore,
			after: snapAfter,
			summary: summary
		});
	},

	/** After a meeting was changed through the API: its audit entry when it is or was published. */
	afterMeeting: (e, before) => {
		const a = audit();
		const after = e.app.findRecordById('meetings', e.record.id);
		if (before.getString('status') === 'draft' && after.getString('status') === 'draft') return;
		const snapBefore = a.snapshot(before, MEETING_FIELDS);
		const snapAfter = a.snapshot(after, MEETING_FIELDS);
		const changed = a.changedFields(snapBefore, snapAfter);
		if (!changed.length) return;
		// Sending out the minutes is the minutes hook's entry ("Referat udsendt"), not a second one here.
		if (after.getString('status') === 'minutes_published' && changed.length === 1 && changed[0] === 'status') {
			return;
		}
		const becamePublished = before.getString('status') === 'draft' && after.getString('status') === 'published';
		a.write(e.app, {
			collection: 'meetings',
			record: after.id,
			meeting: after.id,
			group: after.getString('group'),
			action: 'update',
			actor: a.userId(e.auth),
			before: snapBefore,
			after: snapAfter,
			summary: becamePublished
				? 'Dagsordenen er udsendt'
				: 'Mødet er ændret: ' + changed.map((f) => MEETING_FIELD_WORDS[f] || f).join(', ')
		});
	},

	/** Before any save of a meeting: `published_at` the first time it becomes published. */
	stampPublished: (record) => {
		const original = record.isNew() ? null : record.original();
		const was = original ? original.getString('status') : '';
		if (record.getString('status') === 'published' && was !== 'published' && !record.getString('published_at')) {
			record.set('published_at', nowString());
		}
	},

	/**
	 * POST /api/klynge/meetings/{id}/agenda { order: [item ids], remove: [item ids] }: the items of
	 * the meeting in their new order, and those to remove. Every item of the meeting must be named
	 * exactly once (a list made before someone else added an item is refused, not applied in part).
	 * One transaction: positions, removals (with their files and minutes), slots, marks and audit.
	 */
	saveAgenda: (e) => {
		const meeting = meetingFor(e);
		const body = e.requestInfo().body || {};
		const order = Array.isArray(body.order) ? body.order.map(String) : null;
		const remove = Array.isArray(body.remove) ? body.remove.map(String) : [];
		const times = require(`${__hooks}/lib/agenda-times.js`);
		const current = times.itemsOf(e.app, meeting.id);
		const named = {};
		let valid = !!order;
		for (const id of (order || []).concat(remove)) {
			if (named[id]) valid = false;
			named[id] = true;
		}
		if (valid && Object.keys(named).length !== current.length) valid = false;
		for (let i = 0; valid && i < current.length; i++) if (!named[current[i].id]) valid = false;
		if (!valid) {
			throw new BadRequestError('Dagsordenen er ændret i mellemtiden. Hent siden igen, og prøv så igen.', {
				order: new ValidationError(
					'stale_order',
					'Dagsordenen er ændret i mellemtiden. Hent siden igen, og prøv så igen.'
				)
			});
		}
		const published = meeting.getString('status') !== 'draft';
		const a = audit();
		const actor = a.userId(e.auth);
		const at = nowString();
		const beforePositions = {};
		for (let i = 0; i < current.length; i++) beforePositions[current[i].id] = current[i].position;
		e.app.runInTransaction((tx) => {
			const removedLines = [];
			for (let i = 0; i < remove.length; i++) {
				const item = tx.findRecordById('agenda_items', remove[i]);
				if (published)
					removedLines.push(REMOVED + 'punkt ' + item.getInt('position') + ' ' + quoted(item.getString('title')));
				a.write(tx, {
					collection: 'agenda_items',
					record: item.id,
					meeting: meeting.id,
					group: meeting.getString('group'),
					action: 'delete',
					actor: actor,
					before: a.snapshot(item, ITEM_FIELDS),
					after: null,
					summary: 'Punkt ' + item.getInt('position') + ' ' + quoted(item.getString('title')) + ': fjernet'
				});
				tx.delete(item);
			}
			// Out of the way first (the unique index holds at every statement), then 1, 2, 3, …
			for (let i = 0; i < order.length; i++) {
				tx.db()
					.newQuery('UPDATE agenda_items SET position = {:p} WHERE id = {:id}')
					.bind({ p: 1000 + i, id: order[i] })
					.execute();
			}
			const moved = [];
			for (let i = 0; i < order.length; i++) {
				tx.db()
					.newQuery('UPDATE agenda_items SET position = {:p} WHERE id = {:id}')
					.bind({ p: i + 1, id: order[i] })
					.execute();
				if (beforePositions[order[i]] !== i + 1) moved.push(order[i]);
			}
			const retimed = times.recompute(tx, meeting.id);
			if (moved.length) {
				a.write(tx, {
					collection: 'meetings',
					record: meeting.id,
					meeting: meeting.id,
					group: meeting.getString('group'),
					action: 'update',
					actor: actor,
					before: { order: current.map((c) => c.id) },
					after: { order: order },
					summary: 'Dagsordenens rækkefølge er ændret'
				});
			}
			if (published && (retimed.length || removedLines.length)) {
				markMoved(tx, retimed, at);
				refreshMeeting(tx, meeting.id, removedLines, at);
			}
		});
		return { order: order, removed: remove.length };
	},

	/**
	 * POST /api/klynge/meetings/{id}/notify-changes: queues "Dagsordenen er ændret" to the members once
	 * per revision (`changed@<agenda_changed_at>`) and stamps `agenda_notified_at`. Nothing new on a
	 * second tap, or when nothing changed since the last notice.
	 */
	notifyChanges: (e) => {
		const meeting = meetingFor(e);
		const changedAt = meeting.getString('agenda_changed_at');
		if (meeting.getString('status') === 'draft' || !changedAt) {
			throw new BadRequestError('Der er ingen ændringer at give besked om.');
		}
		const notified = meeting.getString('agenda_notified_at');
		if (notified && new Date(notified.replace(' ', 'T')) >= new Date(changedAt.replace(' ', 'T'))) {
			return { queued: 0, notifiedAt: notified };
		}
		let queued = [];
		const at = nowString();
		e.app.runInTransaction((tx) => {
			queued = require(`${__hooks}/lib/meeting-events.js`).queue(tx, meeting, 'agenda_changed', 'changed@' + changedAt);
			tx.db()
				.newQuery('UPDATE meetings SET agenda_notified_at = {:t} WHERE id = {:id}')
				.bind({ t: at, id: meeting.id })
				.execute();
			const a = audit();
			a.write(tx, {
				collection: 'meetings',
				record: meeting.id,
				meeting: meeting.id,
				group: meeting.getString('group'),
				action: 'update',
				actor: a.userId(e.auth),
				before: { agenda_notified_at: notified },
				after: { agenda_notified_at: at },
				summary: 'Medlemmerne har fået besked om ændringerne i dagsordenen'
			});
		});
		return { queued: queued.length, notifiedAt: at };
	}
};
