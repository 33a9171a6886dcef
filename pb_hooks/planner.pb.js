/// <reference path="../pb_data/types.d.ts" />
// The reminder planner's side in PocketBase (pb_hooks/lib/planner.js):
// - GET /api/klynge/planner/state: what one planning pass reads, in bulk (superusers only);
// - POST /api/klynge/planner/write: the planner's batches (src/lib/server/reminders/planner.ts),
//   superusers only: insert-or-ignore new outbox rows, cancel and move pending ones, in one
//   transaction per batch;
// - meeting events: when a meeting becomes published, its group's active members get an
//   "agenda_published" reminder; when its minutes are published, "minutes_published". Once per
//   meeting and status (the outbox's unique key): a second save, or publishing again after a step
//   back, notifies nobody again.

routerAdd(
	'POST',
	'/api/klynge/planner/write',
	(e) => {
		const planner = require(`${__hooks}/lib/planner.js`);
		return e.json(200, planner.write(e.app, e.requestInfo().body || {}));
	},
	$apis.requireSuperuserAuth()
);

routerAdd(
	'GET',
	'/api/klynge/planner/state',
	(e) => {
		const planner = require(`${__hooks}/lib/planner.js`);
		const query = e.requestInfo().query || {};
		e.response.header().set('Content-Type', 'application/json');
		return e.string(200, planner.state(e.app, String(query.now || ''), String(query.until || '')));
	},
	$apis.requireSuperuserAuth()
);

onRecordAfterCreateSuccess((e) => {
	require(`${__hooks}/lib/meeting-events.js`).statusChanged(e.app, e.record, '');
	e.next();
}, 'meetings');

onRecordAfterUpdateSuccess((e) => {
	require(`${__hooks}/lib/meeting-events.js`).statusChanged(e.app, e.record, e.record.original().getString('status'));
	e.next();
}, 'meetings');
