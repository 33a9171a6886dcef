/// <reference path="../pb_data/types.d.ts" />
// The secretariat reminds the members of a group who have not answered a meeting's attendance yet
// (e-mail now; push arrives with the reminders issue). Only that group's secretariat may ask. Every
// round is written to reminder_log; a second round within a day needs `confirm: true`, so a second
// tap cannot mail everyone again by accident.

routerAdd(
	'POST',
	'/api/klyngeportal/meetings/{id}/attendance-reminders',
	(e) => {
		const reminders = require(`${__hooks}/lib/reminders.js`);
		let meeting;
		try {
			meeting = e.app.findRecordById('meetings', e.request.pathValue('id'));
		} catch (_) {
			throw new NotFoundError('Mødet findes ikke.');
		}
		const body = e.requestInfo().body || {};
		return e.json(200, reminders.send(e.app, meeting, e.auth, body.confirm === true || body.confirm === 'true'));
	},
	$apis.requireAuth('users')
);
