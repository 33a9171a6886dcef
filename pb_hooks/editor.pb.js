/// <reference path="../pb_data/types.d.ts" />
/* global onRecordCreate, onRecordUpdate -- JSVM hooks not yet in eslint.config.js */
// The agenda editor (pb_hooks/lib/editor.js): reorder and remove items in one transaction, give
// members notice of the changes after publishing, `published_at`, the "Ændret siden udsendelse"
// marks and the audit entries of a published meeting and its items.

routerAdd(
	'POST',
	'/api/klynge/meetings/{id}/agenda',
	(e) => e.json(200, require(`${__hooks}/lib/editor.js`).saveAgenda(e)),
	$apis.requireAuth('users')
);

routerAdd(
	'POST',
	'/api/klynge/meetings/{id}/notify-changes',
	(e) => e.json(200, require(`${__hooks}/lib/editor.js`).notifyChanges(e)),
	$apis.requireAuth('users')
);

onRecordCreate((e) => {
	require(`${__hooks}/lib/editor.js`).stampPublished(e.record);
	e.next();
}, 'meetings');

onRecordUpdate((e) => {
	require(`${__hooks}/lib/editor.js`).stampPublished(e.record);
	e.next();
}, 'meetings');

onRecordUpdateRequest((e) => {
	const before = e.record.original().clone();
	e.next();
	require(`${__hooks}/lib/editor.js`).afterMeeting(e, before);
}, 'meetings');

onRecordCreateRequest((e) => {
	const slots = require(`${__hooks}/lib/agenda-times.js`).itemsOf(e.app, e.record.getString('meeting'));
	e.next();
	require(`${__hooks}/lib/editor.js`).afterItem(e, 'create', null, slots);
}, 'agenda_items');

onRecordUpdateRequest((e) => {
	const before = e.record.original().clone();
	const slots = require(`${__hooks}/lib/agenda-times.js`).itemsOf(e.app, e.record.getString('meeting'));
	e.next();
	require(`${__hooks}/lib/editor.js`).afterItem(e, 'update', before, slots);
}, 'agenda_items');

onRecordDeleteRequest((e) => {
	const before = e.record.clone();
	const slots = require(`${__hooks}/lib/agenda-times.js`).itemsOf(e.app, e.record.getString('meeting'));
	e.next();
	require(`${__hooks}/lib/editor.js`).afterItem(e, 'delete', before, slots);
}, 'agenda_items');
