// The minutes (issue 10): each agenda item's Referat (item_minutes), its decisions and the meeting's
// follow-ups. The rules let only the group's secretariat write them; these helpers hold what the
// rules cannot say — readable Danish refusals beside the field, an owner who belongs to the group,
// a due date not before the meeting — and write the audit entries once the meeting is published.
// Required inside handlers (the JSVM gives handlers no outer scope).

const audit = () => require(`${__hooks}/lib/audit.js`);
const time = () => require(`${__hooks}/lib/danish-time.js`);

/** The longest texts the forms accept (the collections allow no more either). */
const MAX = { minutes: 100000, decision: 5000, followUp: 5000, owner: 200 };

/** What the audit snapshots keep of each collection. */
const FIELDS = {
	item_minutes: ['item', 'text'],
	decisions: ['item', 'position', 'text'],
	follow_ups: ['meeting', 'item', 'position', 'text', 'owner_user', 'owner_organization', 'owner_text', 'due', 'status']
};

function invalid(field, code, message) {
	const data = {};
	data[field] = new ValidationError(code, message);
	return new BadRequestError(message, data);
}

/** The record a relation field points at, or null (a missing one is the rules' or schema's to refuse). */
function related(app, collection, id) {
	if (!id) return null;
	try {
		return app.findRecordById(collection, id);
	} catch (_) {
		return null;
	}
}

/** "2020-06-12": the Copenhagen calendar day of a PocketBase date. */
function localDay(value) {
	return time().local(value).toISOString().slice(0, 10);
}

/** A text field that must hold something and not too much. */
function checkText(record, field, max, emptyMessage, longMessage) {
	const text = record.getString(field);
	if (emptyMessage && !text.trim()) throw invalid(field, 'empty', emptyMessage);
	if (text.length > max) throw invalid(field, 'too_long', longMessage);
}

/** Before a Referat is saved through the API. */
function checkMinutes(record) {
	checkText(record, 'text', MAX.minutes, '', 'Referatet er for langt (højst 100.000 tegn).');
}

/** Before a decision is saved through the API. */
function checkDecision(record) {
	checkText(
		record,
		'text',
		MAX.decision,
		'Skriv beslutningen.',
		'Beslutningen er for lang (højst 5.000 tegn). Skriv resten i referatet.'
	);
}

/**
 * Before a follow-up is saved through the API: a text; at most one owner among a person of the
 * group, an organisation of the group or a free text (a person's or organisation's name is copied
 * into `owner_text`, so every reader of the minutes sees the owner without reading people); a due
 * date not before the meeting's day.
 */
function checkFollowUp(app, record) {
	checkText(
		record,
		'text',
		MAX.followUp,
		'Skriv hvad der skal følges op på.',
		'Opfølgningspunktet er for langt (højst 5.000 tegn).'
	);
	const meeting = related(app, 'meetings', record.getString('meeting'));
	if (!meeting) return;
	const group = meeting.getString('group');
	const list = require(`${__hooks}/lib/memberships.js`).members(app, group);
	// A plain array of user ids (the JSVM's Go-backed lists lack some array methods).
	const userIds = [];
	for (let i = 0; i < list.length; i++) userIds.push(list[i].getString('user'));
	const userId = record.getString('owner_user');
	const orgId = record.getString('owner_organization');
	if (userId && orgId) {
		throw invalid('owner_organization', 'two_owners', 'Vælg enten en person eller en organisation som ansvarlig.');
	}
	if (userId) {
		const isMember = userIds.indexOf(userId) >= 0;
		const user = isMember ? related(app, 'users', userId) : null;
		if (!user) throw invalid('owner_user', 'not_member', 'Den ansvarlige skal være medlem af gruppen.');
		record.set('owner_text', user.getString('name'));
	} else if (orgId) {
		const users = userIds.length ? app.findRecordsByIds('users', userIds) : [];
		let inGroup = false;
		for (let i = 0; i < users.length; i++) if (users[i].getString('organization') === orgId) inGroup = true;
		const org = inGroup ? related(app, 'organizations', orgId) : null;
		if (!org) {
			throw invalid('owner_organization', 'not_in_group', 'Organisationen skal være med i gruppen.');
		}
		record.set('owner_text', org.getString('name'));
	}
	if (record.getString('owner_text').length > MAX.owner) {
		throw invalid('owner_text', 'too_long', 'Den ansvarlige må højst fylde 200 tegn.');
	}
	const due = record.getString('due');
	if (due && meeting.getString('starts') && localDay(due) < localDay(meeting.getString('starts'))) {
		throw invalid('due', 'before_meeting', 'Fristen kan ikke ligge før mødet.');
	}
}

/** Checks a record of one of the minutes' collections before an API create or update. */
function check(app, record) {
	const name = record.collection().name;
	if (name === 'item_minutes') checkMinutes(record);
	else if (name === 'decisions') checkDecision(record);
	else if (name === 'follow_ups') checkFollowUp(app, record);
}

/** Cuts a text for a summary line: the first 60 characters. */
function quote(text) {
	const t = String(text || '')
		.replace(/\s+/g, ' ')
		.trim();
	return '‘' + (t.length > 60 ? t.slice(0, 59) + '…' : t) + '’';
}

/** The meeting and agenda item a record of the minutes belongs to. */
function context(app, record) {
	const name = record.collection().name;
	const item = related(app, 'agenda_items', record.getString('item'));
	const meetingId = name === 'follow_ups' ? record.getString('meeting') : item ? item.getString('meeting') : '';
	return { item: item, meeting: related(app, 'meetings', meetingId) };
}

const WHAT = {
	item_minutes: { create: 'referat skrevet', update: 'referat ændret', delete: 'referat slettet' },
	decisions: { create: 'ny beslutning', update: 'beslutning ændret', delete: 'beslutning fjernet' },
	follow_ups: {
		create: 'nyt opfølgningspunkt',
		update: 'opfølgningspunkt ændret',
		delete: 'opfølgningspunkt fjernet'
	}
};

/** The Danish line for the history view: "Punkt 4 ‘Demensvenlig klynge’: ny beslutning ‘…’". */
function summary(name, action, item, record) {
	const where = item ? 'Punkt ' + item.getInt('position') + ' ' + quote(item.getString('title')) : 'Mødet';
	const what = WHAT[name][action];
	return where + ': ' + what + (name === 'item_minutes' ? '' : ' ' + quote(record.getString('text')));
}

/**
 * The snapshot before a change, taken in the request hook before `e.next()`; pass it to `record`
 * after. For a create, `before` is null.
 */
function before(record) {
	return audit().snapshot(record, FIELDS[record.collection().name]);
}

/**
 * Writes the audit entry of a change to the minutes after it succeeded, once the meeting is no
 * longer a draft (a draft's history is the secretariat's own work in progress). `record` is the
 * saved record (for a delete: the deleted one).
 */
function record(app, action, record, snapshotBefore, auth) {
	const lib = audit();
	const name = record.collection().name;
	const where = context(app, record);
	if (!where.meeting || where.meeting.getString('status') === 'draft') return;
	const after = action === 'delete' ? null : lib.snapshot(record, FIELDS[name]);
	if (action === 'update' && !lib.changedFields(snapshotBefore, after).length) return;
	lib.write(app, {
		collection: name,
		record: record.id,
		meeting: where.meeting.id,
		group: where.meeting.getString('group'),
		action: action,
		actor: lib.userId(auth),
		before: snapshotBefore,
		after: after,
		summary: summary(name, action, where.item, record)
	});
}

/**
 * Before a meeting's update through the API: minutes go out only for a meeting whose agenda went
 * out (a draft has nothing to minute for the members yet).
 */
function checkMeeting(meeting) {
	const from = meeting.original().getString('status');
	if (meeting.getString('status') === 'minutes_published' && from === 'draft') {
		throw invalid('status', 'draft', 'Udsend dagsordenen, før referatet udsendes.');
	}
}

/**
 * On every update of a meeting: the moment its minutes first went out. Kept when the status steps
 * back and forth, as the members' notification is sent only once (meeting-events.js). A meeting
 * created with its minutes out (the demo's 2020 meeting, an import of history) gets no stamp.
 */
function stampMinutesPublished(meeting) {
	if (meeting.getString('status') !== 'minutes_published' || meeting.getString('minutes_published_at')) return;
	meeting.set('minutes_published_at', new Date().toISOString().replace('T', ' '));
}

/** After a meeting's update through the API: the audit entry "Referat udsendt". */
function auditMinutesPublished(app, meeting, fromStatus, auth) {
	if (meeting.getString('status') !== 'minutes_published' || fromStatus === 'minutes_published') return;
	const lib = audit();
	lib.write(app, {
		collection: 'meetings',
		record: meeting.id,
		meeting: meeting.id,
		group: meeting.getString('group'),
		action: 'update',
		actor: lib.userId(auth),
		before: { status: fromStatus },
		after: { status: 'minutes_published', minutes_published_at: meeting.getString('minutes_published_at') },
		summary: 'Referat udsendt'
	});
}

module.exports = {
	MAX: MAX,
	check: check,
	before: before,
	record: record,
	checkMeeting: checkMeeting,
	stampMinutesPublished: stampMinutesPublished,
	auditMinutesPublished: auditMinutesPublished
};
