/// <reference path="../pb_data/types.d.ts" />
// Routes around nomination calls (pb_hooks/lib/nomination-routes.js):
// - the nominee's link: read what they were named for and confirm or decline, without logging in
//   (the 40+ character random token is the key; every unknown token gets the same Danish 404, and
//   the link stops working once the forum has become a group);
// - reminders to the organisations that have not answered a call, by its group's secretariat
//   (a second round within a day needs `confirm: true`, as for attendance reminders);
// - composing a group from a closed call's nominees, in one transaction.

routerAdd('GET', '/api/klyngeportal/nominations/by-token/{token}', (e) => {
	const lib = require(`${__hooks}/lib/nomination-routes.js`);
	return e.json(200, lib.show(e.app, e.request.pathValue('token')));
});

routerAdd('POST', '/api/klyngeportal/nominations/respond', (e) => {
	const lib = require(`${__hooks}/lib/nomination-routes.js`);
	return e.json(200, lib.respond(e.app, e.requestInfo().body || {}));
});

routerAdd(
	'POST',
	'/api/klyngeportal/calls/{id}/reminders',
	(e) => {
		const lib = require(`${__hooks}/lib/nomination-routes.js`);
		const body = e.requestInfo().body || {};
		const confirmed = body.confirm === true || body.confirm === 'true';
		const result = lib.remind(e.app, lib.callOf(e), e.auth, confirmed);
		return e.json(result.status, result.body);
	},
	$apis.requireAuth('users')
);

routerAdd(
	'GET',
	'/api/klyngeportal/calls/{id}/reminders',
	(e) => {
		const lib = require(`${__hooks}/lib/nomination-routes.js`);
		return e.json(200, { last: lib.lastReminder(e.app, lib.callOf(e), e.auth) });
	},
	$apis.requireAuth('users')
);

routerAdd(
	'POST',
	'/api/klyngeportal/calls/{id}/compose',
	(e) => {
		const lib = require(`${__hooks}/lib/nomination-routes.js`);
		return e.json(200, lib.compose(e.app, lib.callOf(e), e.auth, e.requestInfo().body || {}));
	},
	$apis.requireAuth('users')
);
