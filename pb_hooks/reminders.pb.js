/// <reference path="../pb_data/types.d.ts" />
// The secretariat reminds the members of a group who have not answered a meeting's attendance yet
// (e-mail now; push arrives with the reminders issue). Only that group's secretariat may ask. Every
// round is written to reminder_log; a second round within a day needs `confirm: true`, so a second
// tap cannot mail everyone again by accident. The GET tells the overview about the latest round
// (read here rather than through a list filter that usually matches nothing, which PocketBase
// throttles).

routerAdd(
	'POST',
	'/api/klyngeportal/meetings/{id}/attendance-reminders',
	(e) => {
		const reminders = require(`${__hooks}/lib/reminders.js`);
		const body = e.requestInfo().body || {};
		const confirmed = body.confirm === true || body.confirm === 'true';
		return e.json(200, reminders.send(e.app, reminders.meetingOf(e), e.auth, confirmed));
	},
	$apis.requireAuth('users')
);

routerAdd(
	'GET',
	'/api/klyngeportal/meetings/{id}/attendance-reminders',
	(e) => {
		const reminders = require(`${__hooks}/lib/reminders.js`);
		return e.json(200, { last: reminders.last(e.app, reminders.meetingOf(e), e.auth) });
	},
	$apis.requireAuth('users')
);
