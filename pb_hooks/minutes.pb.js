/// <reference path="../pb_data/types.d.ts" />
// The minutes (issue 10): the Referat of each agenda item, its decisions and the meeting's
// follow-ups (pb_hooks/lib/minutes.js): Danish refusals beside the field before every API write, an
// audit entry after every change once the meeting is published; and "Udsend referat": the moment
// the minutes went out (the members' notification is queued by planner.pb.js, once).

onRecordCreateRequest(
	(e) => {
		const lib = require(`${__hooks}/lib/minutes.js`);
		lib.check(e.app, e.record);
		e.next();
		lib.record(e.app, 'create', e.record, null, e.auth);
	},
	'item_minutes',
	'decisions',
	'follow_ups'
);

onRecordUpdateRequest(
	(e) => {
		const lib = require(`${__hooks}/lib/minutes.js`);
		lib.check(e.app, e.record);
		const before = lib.before(e.record.original());
		e.next();
		lib.record(e.app, 'update', e.record, before, e.auth);
	},
	'item_minutes',
	'decisions',
	'follow_ups'
);

onRecordDeleteRequest(
	(e) => {
		const lib = require(`${__hooks}/lib/minutes.js`);
		const before = lib.before(e.record);
		e.next();
		lib.record(e.app, 'delete', e.record, before, e.auth);
	},
	'item_minutes',
	'decisions',
	'follow_ups'
);

onRecordUpdateRequest((e) => {
	const lib = require(`${__hooks}/lib/minutes.js`);
	lib.checkMeeting(e.record);
	const from = e.record.original().getString('status');
	e.next();
	lib.auditMinutesPublished(e.app, e.record, from, e.auth);
}, 'meetings');

// Every save (not only the API's), just before it is written.
onRecordUpdateExecute((e) => {
	require(`${__hooks}/lib/minutes.js`).stampMinutesPublished(e.record);
	e.next();
}, 'meetings');
