/// <reference path="../pb_data/types.d.ts" />
// "Log ud på alle enheder": ends every login session of the signed-in user and renews the user's
// tokenKey, so every token issued before (on any device, in any copied cookie) stops working.

routerAdd(
	'POST',
	'/api/klynge/sessions/end-all',
	(e) => {
		const userId = e.auth.id;
		e.app.runInTransaction((tx) => {
			const rows = tx.findRecordsByFilter('sessions', 'user = {:user}', '', 0, 0, { user: userId });
			for (const row of rows) tx.delete(row);
			const user = tx.findRecordById('users', userId);
			user.refreshTokenKey();
			tx.save(user);
		});
		return e.noContent(204);
	},
	$apis.requireAuth('users')
);
