/// <reference path="../pb_data/types.d.ts" />
// The secretariat reminds the members of a group who have not answered a meeting's attendance yet
// (queued in the reminder outbox; the dispatcher sends by each member's choice of push or e-mail). Only that group's secretariat may ask. Every
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

// Who was reminded about a deadline, how and when, and what is planned next: for the group's
// secretariat only (everyone else, the chair included, gets the same 404 as for a missing record).
routerAdd(
	'GET',
	'/api/klynge/reminders/meetings/{id}',
	(e) => {
		const reminders = require(`${__hooks}/lib/reminders.js`);
		return e.json(200, reminders.remindedForMeeting(e.app, reminders.meetingOf(e), e.auth));
	},
	$apis.requireAuth('users')
);

routerAdd(
	'GET',
	'/api/klynge/reminders/calls/{id}',
	(e) => {
		const reminders = require(`${__hooks}/lib/reminders.js`);
		let call;
		try {
			call = e.app.findRecordById('nomination_calls', e.request.pathValue('id'));
		} catch (_) {
			throw new NotFoundError('Indkaldelsen findes ikke.');
		}
		return e.json(200, reminders.remindedForCall(e.app, call, e.auth));
	},
	$apis.requireAuth('users')
);
