/// <reference path="../pb_data/types.d.ts" />
// The secretariat reminds the members of a group who have not answered a meeting's attendance yet
// (e-mail now; push arrives with the reminders issue). Only that group's secretariat may ask.

routerAdd(
	'POST',
	'/api/klyngeportal/meetings/{id}/attendance-reminders',
	(e) => {
		const time = require(`${__hooks}/lib/danish-time.js`);
		let meeting;
		try {
			meeting = e.app.findRecordById('meetings', e.request.pathValue('id'));
		} catch (_) {
			throw new NotFoundError('Mødet findes ikke.');
		}
		const group = meeting.get('group');
		const now = new Date().toISOString().replace('T', ' ');
		const active = '(starts = "" || starts <= {:now}) && (ends = "" || ends > {:now})';
		const secretariat = e.app.findRecordsByFilter(
			'memberships',
			'user = {:user} && group = {:group} && meeting = "" && role = "secretariat" && ' + active,
			'',
			1,
			0,
			{ user: e.auth.id, group: group, now: now }
		);
		if (!secretariat.length) throw new NotFoundError('Mødet findes ikke.');
		if (
			meeting.get('status') !== 'published' ||
			new Date(String(meeting.get('starts')).replace(' ', 'T')) <= new Date()
		) {
			throw new BadRequestError('Der kan kun sendes påmindelser før et udsendt møde.');
		}

		const members = e.app.findRecordsByFilter(
			'memberships',
			'group = {:group} && meeting = "" && role != "guest" && ' + active,
			'',
			0,
			0,
			{ group: group, now: now }
		);
		const answered = {};
		const answers = e.app.findRecordsByFilter('attendance', 'meeting = {:meeting}', '', 0, 0, { meeting: meeting.id });
		for (let i = 0; i < answers.length; i++) answered[answers[i].get('user')] = true;

		const mail = require(`${__hooks}/lib/mail.js`);
		const link = mail.appUrl(e.app, '/moeder/' + meeting.id);
		const when = time.formatDateTime(meeting.get('starts'));
		const deadline = meeting.get('attendance_deadline');
		const sent = [];
		for (let i = 0; i < members.length; i++) {
			const userId = members[i].get('user');
			if (answered[userId]) continue;
			const user = e.app.findRecordById('users', userId);
			mail.send(
				e.app,
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
		return e.json(200, { sent: sent });
	},
	$apis.requireAuth('users')
);
