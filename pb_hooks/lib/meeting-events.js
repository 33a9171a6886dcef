// Reminders that follow a meeting's own events rather than a deadline: its agenda published, its
// agenda changed (the secretariat's workspace, issue 10, calls `queue` with kind "agenda_changed")
// and its minutes published. Queued to the group's active ordinary members (observers too; not
// one meeting's guests), due now or after each member's quiet hours, once per meeting and moment.

const time = () => require(`${__hooks}/lib/danish-time.js`);

/** "Mødelokale 1, Adresse" or "". */
function placeOf(meeting) {
	return [meeting.getString('location_room'), meeting.getString('location_address')].filter(Boolean).join(', ');
}

/** The Danish words per kind: title and body for a meeting. */
function texts(kind, meeting) {
	const when = time().formatDateTime(meeting.getString('starts'));
	const place = placeOf(meeting);
	const title = meeting.getString('title');
	if (kind === 'agenda_published') {
		return { title: 'Dagsorden udsendt: ' + title, body: 'Mødet er ' + when + (place ? ', ' + place : '') + '.' };
	}
	if (kind === 'agenda_changed') {
		return { title: 'Dagsordenen er ændret: ' + title, body: 'Mødet er ' + when + (place ? ', ' + place : '') + '.' };
	}
	return { title: 'Referat udsendt: ' + title, body: 'Referatet fra mødet ' + when + ' kan læses nu.' };
}

/**
 * Queues `kind` about `meeting` to its group's active members, with `moment` as the once-only key
 * (e.g. "published", or "changed@<revision>" for agenda_changed). Returns the user ids queued for.
 */
function queue(app, meeting, kind, moment) {
	const planner = require(`${__hooks}/lib/planner.js`);
	const memberships = require(`${__hooks}/lib/memberships.js`);
	const mail = require(`${__hooks}/lib/mail.js`);
	const ids = {};
	const list = memberships.members(app, meeting.getString('group'));
	for (let i = 0; i < list.length; i++) ids[list[i].getString('user')] = true;
	const userIds = Object.keys(ids);
	if (!userIds.length) return [];
	const users = app.findRecordsByIds('users', userIds);
	const words = texts(kind, meeting);
	const navigate = mail.appUrl(app, '/moeder/' + meeting.id);
	// Agenda news is stale once the meeting has begun; minutes keep for two weeks.
	const starts = new Date(meeting.getString('starts').replace(' ', 'T')).getTime();
	const expires = kind === 'minutes_published' ? Date.now() + 14 * 86400000 : starts;
	if (!(expires > Date.now())) return [];
	const queued = planner.queue(app, users, kind, meeting.id, moment, 'event', planner.pbDate(expires), (user, id) => ({
		web_push: 8030,
		notification: {
			title: words.title.slice(0, 200),
			body: words.body,
			navigate: navigate,
			lang: 'da',
			dir: 'ltr',
			tag: kind + ':' + meeting.id,
			timestamp: Date.now(),
			data: { id: id, kind: kind, subject: meeting.id }
		}
	}));
	return queued.map((u) => u.id);
}

module.exports = {
	queue: queue,

	/** After a save: notify once when the status has just become published or minutes_published. */
	statusChanged: (app, meeting, before) => {
		const status = meeting.getString('status');
		if (status === before) return;
		try {
			if (status === 'published') queue(app, meeting, 'agenda_published', 'published');
			if (status === 'minutes_published') queue(app, meeting, 'minutes_published', 'minutes_published');
		} catch (err) {
			// A reminder that cannot be queued must not undo the secretariat's save.
			app.logger().error('meeting event reminder failed', 'meeting', meeting.id, 'error', String(err));
		}
	}
};
