// Attendance reminders: who gets one, the mail, and the log that the overview reads.

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

module.exports = {
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
	 * Mails every active member of the meeting's group who has not answered, except the sender.
	 * Throws a 404 for anyone but the group's secretariat, a 400 once the meeting is no longer open
	 * for reminders and a 409 when the last round is less than a day old and `confirmed` is false.
	 */
	send: (app, meeting, sender, confirmed) => {
		const memberships = require(`${__hooks}/lib/memberships.js`);
		const time = require(`${__hooks}/lib/danish-time.js`);
		const mail = require(`${__hooks}/lib/mail.js`);
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

		const when = time.formatDateTime(meeting.get('starts'));
		const deadline = meeting.get('attendance_deadline');
		const members = memberships.members(app, group);
		const sent = [];
		for (let i = 0; i < members.length; i++) {
			const userId = members[i].get('user');
			if (answered[userId] || userId === sender.id) continue;
			const user = app.findRecordById('users', userId);
			// The login form is pre-filled and leads straight to the answer buttons; a member who is
			// logged in already goes straight on.
			const link = mail.appUrl(
				app,
				'/login?til=' +
					encodeURIComponent('/moeder/' + meeting.id + '#svar') +
					'&email=' +
					encodeURIComponent(user.email())
			);
			mail.send(
				app,
				{ email: user.email(), name: user.get('name') },
				'Påmindelse: Deltager du i ' + meeting.get('title') + ' ' + when + '?',
				[
					'Hej ' + user.get('name') + ',',
					'Sekretariatet mangler dit svar på, om du deltager i ' +
						meeting.get('title') +
						' ' +
						when +
						'.' +
						(deadline ? ' Svar senest ' + time.formatDateTime(deadline) + '.' : '')
				],
				{ url: link, label: 'Svar her – det tager et tryk' }
			);
			sent.push(user.get('name'));
		}
		if (sent.length) {
			const log = new Record(app.findCachedCollectionByNameOrId('reminder_log'));
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
