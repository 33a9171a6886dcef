/// <reference path="../pb_data/types.d.ts" />
// Members and roles (pb_hooks/lib/members.js): the secretariat adds a person (an account and an
// invitation when the e-mail has none) through a route, since nobody creates accounts through the
// API; role changes, ends and deletes go through the memberships API, whose rules say who may, and
// whose request hooks below keep the invariants and write the audit entry after the change.

routerAdd(
	'POST',
	'/api/klynge/groups/{id}/members',
	(e) => {
		const lib = require(`${__hooks}/lib/members.js`);
		return e.json(200, lib.add(e.app, e.auth, e.request.pathValue('id'), e.requestInfo().body || {}));
	},
	$apis.requireAuth('users')
);

routerAdd(
	'GET',
	'/api/klynge/groups/{id}/organizations',
	(e) => {
		const lib = require(`${__hooks}/lib/members.js`);
		return e.json(200, { organizations: lib.organizations(e.app, e.auth, e.request.pathValue('id')) });
	},
	$apis.requireAuth('users')
);

onRecordCreateRequest((e) => {
	const lib = require(`${__hooks}/lib/members.js`);
	lib.check(e.app, e.record, null, 'user');
	e.next();
	lib.audit(e.app, 'create', null, e.record, lib.userId(e.auth));
}, 'memberships');

onRecordUpdateRequest((e) => {
	const lib = require(`${__hooks}/lib/members.js`);
	const before = e.record.original();
	lib.check(e.app, e.record, before, 'user');
	e.next();
	lib.audit(e.app, 'update', before, e.record, lib.userId(e.auth));
}, 'memberships');

onRecordDeleteRequest((e) => {
	const lib = require(`${__hooks}/lib/members.js`);
	lib.checkDelete(e.app, e.record);
	e.next();
	lib.audit(e.app, 'delete', e.record, null, lib.userId(e.auth));
}, 'memberships');
