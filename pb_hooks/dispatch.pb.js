/// <reference path="../pb_data/types.d.ts" />
// The reminder dispatcher's atomic steps on the outbox (see lib/dispatch.js). Superusers only: the
// engine signs in as its own superuser; no member or browser reaches these.

routerAdd(
	'POST',
	'/api/klynge/dispatch/claim',
	(e) => e.json(200, require(`${__hooks}/lib/dispatch.js`).claim(e.app, e.requestInfo().body || {})),
	$apis.requireSuperuserAuth()
);

routerAdd(
	'POST',
	'/api/klynge/dispatch/complete',
	(e) => e.json(200, require(`${__hooks}/lib/dispatch.js`).complete(e.app, e.requestInfo().body || {})),
	$apis.requireSuperuserAuth()
);

routerAdd(
	'POST',
	'/api/klynge/dispatch/mail',
	(e) => e.json(200, require(`${__hooks}/lib/dispatch.js`).mail(e.app, e.requestInfo().body || {})),
	$apis.requireSuperuserAuth()
);
