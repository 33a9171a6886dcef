/// <reference path="../pb_data/types.d.ts" />
/* global DateTime, $dbx -- JSVM globals the shared lint config does not list yet */
// The member's side of the reminder outbox. Nobody writes `notifications` through the API (the
// engine does, as superuser), so marking a reminder read goes through this route: it touches only
// the signed-in user's own sent rows and only their read mark. The unread count is read here too,
// as one count (a list filter that usually matches nothing is throttled by PocketBase).

routerAdd(
	'POST',
	'/api/klynge/notifications/{id}/read',
	(e) => {
		const userId = e.auth.id;
		let row;
		try {
			row = e.app.findRecordById('notifications', e.request.pathValue('id'));
		} catch (_) {
			row = null;
		}
		// Another user's row and one not sent answer alike: as if it did not exist.
		if (!row || row.getString('user') !== userId || row.getString('status') !== 'sent') {
			throw new NotFoundError('Påmindelsen findes ikke.');
		}
		if (!row.getString('read_at')) {
			row.set('read_at', new DateTime());
			e.app.save(row);
		}
		return e.json(200, { id: row.id, read_at: row.getString('read_at') });
	},
	$apis.requireAuth('users')
);

routerAdd(
	'GET',
	'/api/klynge/notifications/unread',
	(e) => {
		const unread = e.app.countRecords(
			'notifications',
			$dbx.hashExp({ user: e.auth.id, status: 'sent' }),
			$dbx.or($dbx.hashExp({ read_at: '' }), $dbx.exp('read_at IS NULL'))
		);
		return e.json(200, { unread });
	},
	$apis.requireAuth('users')
);
