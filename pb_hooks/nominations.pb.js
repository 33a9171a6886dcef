/// <reference path="../pb_data/types.d.ts" />
// Nomination calls: invariants before every API write (Danish messages per field), quota and
// deadline checked in the same transaction as the write, an audit entry with every change of a
// nomination and of a call's status or deadline, and the mail to a new nominee.

onRecordCreateRequest((e) => {
	require(`${__hooks}/lib/nominations.js`).writeNomination(e);
}, 'nominations');

onRecordUpdateRequest((e) => {
	require(`${__hooks}/lib/nominations.js`).writeNomination(e);
}, 'nominations');

onRecordDeleteRequest((e) => {
	require(`${__hooks}/lib/nominations.js`).deleteNomination(e);
}, 'nominations');

onRecordCreateRequest((e) => {
	require(`${__hooks}/lib/nominations.js`).prepareCall(e.app, e);
	e.next();
}, 'nomination_calls');

onRecordUpdateRequest((e) => {
	const lib = require(`${__hooks}/lib/nominations.js`);
	const before = lib.callSnapshot(e.record.original());
	lib.inTransaction(e, (tx) => {
		lib.prepareCall(tx, e);
		e.next();
		lib.auditCall(tx, before, e.record, lib.userId(e.auth));
	});
}, 'nomination_calls');

onRecordDeleteRequest((e) => {
	const lib = require(`${__hooks}/lib/nominations.js`);
	lib.inTransaction(e, (tx) => {
		lib.checkCallDelete(tx, e.record);
		e.next();
	});
}, 'nomination_calls');

onRecordCreateRequest((e) => {
	require(`${__hooks}/lib/nominations.js`).prepareForum(e.app, e);
	e.next();
}, 'nomination_fora');

onRecordUpdateRequest((e) => {
	const lib = require(`${__hooks}/lib/nominations.js`);
	// In a transaction: a nomination stored meanwhile cannot slip under a lowered quota.
	lib.inTransaction(e, (tx) => {
		lib.prepareForum(tx, e);
		e.next();
	});
}, 'nomination_fora');

onRecordDeleteRequest((e) => {
	const lib = require(`${__hooks}/lib/nominations.js`);
	lib.inTransaction(e, (tx) => {
		lib.checkForumDelete(tx, e.record);
		e.next();
	});
}, 'nomination_fora');
