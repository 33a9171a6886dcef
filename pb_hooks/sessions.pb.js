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

// The app server's login check, one round trip per request instead of authRefresh plus a read of
// the session row. The caller sends the user's token (Authorization) and the login's session id; the
// answer is the user as the pages need them and, once the token is a day old, a renewed token. A
// missing, expired or revoked token, an ended session and another user's session all get the same
// 401, so the route tells nothing about which session ids exist.
routerAdd('GET', '/api/klynge/sessions/{id}/check', (e) => {
	const RENEW_AFTER_SECONDS = 24 * 3600;
	const refuse = () => {
		throw new ApiError(401, 'Ikke logget ind.');
	};
	const auth = e.auth;
	if (!auth || auth.collection().name !== 'users') return refuse();
	let session;
	try {
		session = e.app.findRecordById('sessions', e.request.pathValue('id'));
	} catch (_) {
		return refuse();
	}
	if (session.getString('user') !== auth.id) return refuse();

	const header = e.request.header.get('Authorization').replace(/^Bearer\s+/i, '');
	const claims = $security.parseUnverifiedJWT(header);
	// PocketBase's tokens carry no issue time: it is the expiry less the collection's lifetime.
	const issued = Number(claims.exp) - auth.collection().authToken.duration;
	const renew = claims.refreshable === true && Date.now() / 1000 - issued >= RENEW_AFTER_SECONDS;
	return e.json(200, {
		user: {
			id: auth.id,
			collectionId: auth.collection().id,
			collectionName: 'users',
			email: auth.email(),
			name: auth.getString('name'),
			title: auth.getString('title'),
			organization: auth.getString('organization')
		},
		token: renew ? auth.newAuthToken() : null
	});
});
