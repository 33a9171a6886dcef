/// <reference path="../pb_data/types.d.ts" />
/* global onRecordAfterDeleteSuccess, onRecordCreate, onRecordUpdate -- JSVM hooks not yet in eslint.config.js */
// Agenda time slots and the meeting's own times (pb_hooks/lib/agenda-times.js): checks before an API
// write, with Danish messages on the field; every item's slot stored again after any save of an item
// or of its meeting's start, by whoever made it (the API, the editor's routes, an import in a
// transaction: PocketBase runs these after the transaction commits).

onRecordCreateRequest((e) => {
	const info = e.requestInfo();
	// PocketBase names request headers in lower case with underscores.
	const multipart = String(info.headers['content_type'] || '').indexOf('multipart') >= 0;
	require(`${__hooks}/lib/agenda-times.js`).checkItem(e.app, e.record, info.body, multipart);
	e.next();
}, 'agenda_items');

onRecordUpdateRequest((e) => {
	const info = e.requestInfo();
	// PocketBase names request headers in lower case with underscores.
	const multipart = String(info.headers['content_type'] || '').indexOf('multipart') >= 0;
	require(`${__hooks}/lib/agenda-times.js`).checkItem(e.app, e.record, info.body, multipart);
	e.next();
}, 'agenda_items');

onRecordAfterCreateSuccess((e) => {
	require(`${__hooks}/lib/agenda-times.js`).recompute(e.app, e.record.getString('meeting'));
	e.next();
}, 'agenda_items');

onRecordAfterUpdateSuccess((e) => {
	const times = require(`${__hooks}/lib/agenda-times.js`);
	times.recompute(e.app, e.record.getString('meeting'));
	e.next();
}, 'agenda_items');

onRecordAfterDeleteSuccess((e) => {
	require(`${__hooks}/lib/agenda-times.js`).recompute(e.app, e.record.getString('meeting'));
	e.next();
}, 'agenda_items');

onRecordCreate((e) => {
	require(`${__hooks}/lib/agenda-times.js`).prepareMeeting(e.app, e.record);
	e.next();
}, 'meetings');

onRecordUpdate((e) => {
	require(`${__hooks}/lib/agenda-times.js`).prepareMeeting(e.app, e.record);
	e.next();
}, 'meetings');

onRecordAfterUpdateSuccess((e) => {
	if (e.record.getString('starts') !== e.record.original().getString('starts')) {
		require(`${__hooks}/lib/agenda-times.js`).recompute(e.app, e.record.id);
	}
	e.next();
}, 'meetings');
