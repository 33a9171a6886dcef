// Attendance reminders by the secretariat ("Send påmindelse nu"): who gets one, queued in the
// reminder outbox for the dispatcher, and the log that the overview reads.

const DAY = 24 * 3600 * 1000;

/** The latest reminder round of a meeting, or null. */
function latest(app, meetingId) {
	const found = app.findRecordsByFilter('reminder_log', 'meeting = {:meeting}', '-created', 1, 0, {
		meeting: meetingId
	});
	return found.length ? found[0] : null;
}

function instant(value) {
	return new Date(String(value).replace(' ', 'T')).getTime();
}

function requireSecretariat(app, meeting, user) {
	const role = require(`${__hooks}/lib/memberships.js`).roleIn(app, user.id, meeting.get('group'));
	if (role !== 'secretariat') throw new NotFoundError('Mødet findes ikke.');
}

/**
 * Who was reminded about one deadline (kind "attendance" or "nomination" of `subject`), for the
 * secretariat: per member of the group (observers only when a reminder concerned them), what went
 * out, how and when, and the next planned one. Rows the dispatcher gave up on are shown as failed.
 */
function remindedAbout(app, groupId, kind, subject, includeObservers) {
	const memberships = require(`${__hooks}/lib/memberships.js`);
	const rows = app.findRecordsByFilter(
		'notifications',
		'subject = {:subject} && kind = {:kind} && status != "cancelled"',
		'due',
		0,
		0,
		{ subject: subject, kind: kind }
	);
	const people = {};
	const members = memberships.members(app, groupId);
	for (let i = 0; i < members.length; i++) {
		const m = members[i];
		if (!includeObservers && m.getString('role') === 'observer') continue;
		people[m.getString('user')] = { sent: [], failed: [], next: null };
	}
	const nowIso = new Date().toISOString().replace('T', ' ');
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		const who = people[r.getString('user')] || (people[r.getString('user')] = { sent: [], failed: [], next: null });
		const status = r.getString('status');
		if (status === 'sent') {
			who.sent.push({ at: r.getString('sent_at'), channel: r.getString('channel'), origin: r.getString('origin') });
		} else if (status === 'failed') {
			who.failed.push({ at: r.getString('updated') });
		} else if (
			status === 'pending' &&
			r.getString('expires') > nowIso &&
			(!who.next || r.getString('due') < who.next.due)
		) {
			who.next = { due: r.getString('due'), origin: r.getString('origin') };
		}
	}
	const ids = Object.keys(people);
	const users = ids.length ? app.findRecordsByIds('users', ids) : [];
	const out = [];
	for (let i = 0; i < users.length; i++) {
		const p = people[users[i].id];
		p.sent.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
		out.push({ user: users[i].id, name: users[i].getString('name'), sent: p.sent, failed: p.failed, next: p.next });
	}
	out.sort((a, b) => a.name.localeCompare(b.name, 'da'));
	return out;
}

module.exports = {
	/** For the meeting's secretariat: who was reminded to answer attendance, how, when, and what is next. */
	remindedForMeeting: (app, meeting, reader) => {
		requireSecretariat(app, meeting, reader);
		return { members: remindedAbout(app, meeting.getString('group'), 'attendance', meeting.id, true) };
	},

	/** For the call's secretariat: who was reminded to nominate (observers do not nominate). */
	remindedForCall: (app, call, reader) => {
		const role = require(`${__hooks}/lib/memberships.js`).roleIn(app, reader.id, call.getString('group'));
		if (role !== 'secretariat') throw new NotFoundError('Indkaldelsen findes ikke.');
		return { members: remindedAbout(app, call.getString('group'), 'nomination', call.id, false) };
	},

	/** The meeting named by the route's {id}, or a Danish 404. */
	meetingOf: (e) => {
		try {
			return e.app.findRecordById('meetings', e.request.pathValue('id'));
		} catch (_) {
			throw new NotFoundError('Mødet findes ikke.');
		}
	},

	/** The latest round for the group's secretariat: when, by whom and to whom; null if none. */
	last: (app, meeting, reader) => {
		requireSecretariat(app, meeting, reader);
		const log = latest(app, meeting.id);
		return log
			? { created: log.get('created'), sender: log.get('sender_name'), recipients: log.get('recipients') }
			: null;
	},

	/**
	 * Queues an attendance reminder for every active member of the meeting's group who has not
	 * answered, except the sender: one outbox row each (origin "secretariat", moment
	 * "manual@<round>", due now or after the member's quiet hours), which the dispatcher sends by
	 * the member's own choice of push or e-mail. A member who chose "none" for attendance reminders
	 * is not queued. Throws a 404 for anyone but the group's secretariat, a 400 once the meeting is
	 * no longer open for reminders and a 409 when the last round is less than a day old and
	 * `confirmed` is false. Returns the names queued for.
	 */
	send: (app, meeting, sender, confirmed) => {
		const memberships = require(`${__hooks}/lib/memberships.js`);
		const planner = require(`${__hooks}/lib/planner.js`);
		const group = meeting.get('group');
		requireSecretariat(app, meeting, sender);
		if (meeting.get('status') !== 'published' || instant(meeting.get('starts')) <= Date.now()) {
			throw new BadRequestError('Der kan kun sendes påmindelser før et udsendt møde.');
		}
		const last = latest(app, meeting.id);
		if (last && !confirmed && instant(last.get('created')) > Date.now() - DAY) {
			throw new ApiError(409, 'Der er sendt påmindelser for mindre end et døgn siden. Bekræft for at sende igen.', {});
		}

		const answered = {};
		const answers = app.findRecordsByFilter('attendance', 'meeting = {:meeting}', '', 0, 0, { meeting: meeting.id });
		for (let i = 0; i < answers.length; i++) answered[answers[i].get('user')] = true;

		const members = memberships.members(app, group);
		const ids = {};
		for (let i = 0; i < members.length; i++) {
			const userId = members[i].getString('user');
			if (!answered[userId] && userId !== sender.id) ids[userId] = true;
		}
		const users = Object.keys(ids).length ? app.findRecordsByIds('users', Object.keys(ids)) : [];
		const deadline = meeting.getString('attendance_deadline') || meeting.getString('starts');
		const round = planner.newId();
		const queued = planner.queue(
			app,
			users,
			'attendance',
			meeting.id,
			'manual@' + round,
			'secretariat',
			deadline,
			(user, id) => planner.attendancePayload(app, meeting, id)
		);
		const sent = queued.map((u) => u.getString('name')).sort();
		if (sent.length) {
			const log = new Record(app.findCachedCollectionByNameOrId('reminder_log'));
			log.set('id', round);
			log.set('meeting', meeting.id);
			log.set('group', group);
			log.set('sender', sender.id);
			log.set('sender_name', sender.get('name'));
			log.set('recipients', sent);
			app.save(log);
		}
		return { sent: sent };
	}
};
