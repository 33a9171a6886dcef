/// <reference path="../pb_data/types.d.ts" />
// Server-side login sessions: one row per login on one device. The app's cookie carries the row's
// id next to PocketBase's token, and the app accepts the token only while the row exists, so
// logging out (deleting the row) makes a copied cookie worthless. "Log ud på alle enheder" deletes
// every row of the user and renews the user's tokenKey (pb_hooks/sessions.pb.js).
//
// `user` is a plain text field holding the user's id, not a relation: a relation would give every
// collection that reaches users a back-relation path (users.sessions_via_user) to filter on.

migrate(
	(app) => {
		const own = '@request.auth.collectionName = "users" && user = @request.auth.id';
		const sessions = new Collection({
			type: 'base',
			name: 'sessions',
			fields: [
				{ name: 'user', type: 'text', required: true, min: 15, max: 15, pattern: '^[a-z0-9]+$' },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE INDEX idx_sessions_user ON sessions (user)'],
			listRule: own,
			viewRule: own,
			createRule: own,
			updateRule: null,
			deleteRule: own
		});
		app.save(sessions);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('sessions'));
	}
);
