/// <reference path="../pb_data/types.d.ts" />
// The reminder planner reads its own outbox rows whose deadline is still ahead (origin "planner",
// expires after now) on every pass; sent rows stay in the outbox for the member's in-app list, so
// without an index that read scans every reminder ever sent.

migrate(
	(app) => {
		const notifications = app.findCollectionByNameOrId('notifications');
		notifications.addIndex('idx_notifications_origin_expires', false, 'origin, expires', '');
		app.save(notifications);
	},
	(app) => {
		const notifications = app.findCollectionByNameOrId('notifications');
		notifications.removeIndex('idx_notifications_origin_expires');
		app.save(notifications);
	}
);
