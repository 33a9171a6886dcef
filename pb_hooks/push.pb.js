/// <reference path="../pb_data/types.d.ts" />
/* global onRecordAfterDeleteSuccess */
// A member's push devices: the app posts the browser's subscription (on every start and when push
// is turned on) and may ask for a test push to one device. Subscriptions are written only here; a
// member lists, views and deletes their own through the collection's rules.

routerAdd(
	'POST',
	'/api/klynge/push/subscriptions',
	(e) => {
		const push = require(`${__hooks}/lib/push.js`);
		return e.json(200, push.subscribe(e.app, e.auth, e.requestInfo().body || {}));
	},
	$apis.requireAuth('users')
);

routerAdd(
	'POST',
	'/api/klynge/push/subscriptions/{id}/test',
	(e) => {
		const push = require(`${__hooks}/lib/push.js`);
		return e.json(200, push.queueTest(e.app, e.auth, e.request.pathValue('id')));
	},
	$apis.requireAuth('users')
);

onRecordAfterDeleteSuccess((e) => {
	const push = require(`${__hooks}/lib/push.js`);
	push.forgetUser(e.app, e.record.id);
	e.next();
}, 'users');
