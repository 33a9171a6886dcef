/// <reference path="../pb_data/types.d.ts" />
// Importing an agenda or minutes (pb_hooks/lib/import.js): the group's secretariat saves the
// reviewed proposal as a draft meeting, whole or not at all.

routerAdd(
	'POST',
	'/api/klynge/meetings/import',
	(e) => {
		const lib = require(`${__hooks}/lib/import.js`);
		return e.json(200, lib.save(e.app, e.auth, e.requestInfo().body || {}));
	},
	$apis.requireAuth('users')
);
