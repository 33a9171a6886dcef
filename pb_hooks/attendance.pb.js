/// <reference path="../pb_data/types.d.ts" />
// Attendance: field invariants before every API write, an audit entry with every change, and an
// invitation for a named substitute.

onRecordCreateRequest((e) => {
	require(`${__hooks}/lib/attendance.js`).prepare(e);
	e.next();
}, 'attendance');

onRecordUpdateRequest((e) => {
	require(`${__hooks}/lib/attendance.js`).prepare(e);
	e.next();
}, 'attendance');

onRecordDeleteRequest((e) => {
	// Remembered on the record for the audit entry written by the delete below.
	e.record.set('answered_by', require(`${__hooks}/lib/attendance.js`).userId(e.auth));
	e.next();
}, 'attendance');

onRecordCreateExecute((e) => {
	e.next();
	require(`${__hooks}/lib/attendance.js`).audit(e.app, 'create', null, e.record, e.record.get('answered_by'));
}, 'attendance');

onRecordUpdateExecute((e) => {
	const lib = require(`${__hooks}/lib/attendance.js`);
	const before = e.record.original();
	e.next();
	lib.audit(e.app, 'update', before, e.record, e.record.get('answered_by'));
}, 'attendance');

onRecordDeleteExecute((e) => {
	e.next();
	require(`${__hooks}/lib/attendance.js`).audit(e.app, 'delete', e.record, null, e.record.get('answered_by'));
}, 'attendance');

onRecordAfterCreateSuccess((e) => {
	require(`${__hooks}/lib/substitutes.js`).sync(e.app, e.record, null);
	e.next();
}, 'attendance');

onRecordAfterUpdateSuccess((e) => {
	require(`${__hooks}/lib/substitutes.js`).sync(e.app, e.record, e.record.original());
	e.next();
}, 'attendance');
