/// <reference path="../pb_data/types.d.ts" />
// The reminder engine's two collections:
// - push_subscriptions: one row per device a member turned push on for. Written only through the
//   app's own route (pb_hooks/push.pb.js: an endpoint moves to whoever subscribed last on a shared
//   phone); a member lists, views and removes their own devices.
// - notifications: the outbox. One row per recipient, kind, subject and moment (unique), planned by
//   the planner or queued by the secretariat, claimed with a lease by a dispatcher and marked sent,
//   failed or cancelled. A member reads their own sent reminders (the in-app list); nobody writes
//   through the API.
// Neither has a relation field: a relation would give readable records (users, meetings) a
// back-relation path into these rows, which PocketBase's match-all filter subqueries do not guard
// (notes/pocketbase-0.40.md §11). A deleted user's rows are removed by pb_hooks/push.pb.js.

migrate(
	(app) => {
		const own = '@request.auth.id != "" && user = @request.auth.id';

		const subscriptions = new Collection({
			type: 'base',
			name: 'push_subscriptions',
			fields: [
				{ name: 'user', type: 'text', required: true, max: 30 },
				{ name: 'endpoint', type: 'text', required: true, max: 1000 },
				// The subscription's public key (P-256, 65 bytes) and auth secret (16 bytes), base64url.
				{ name: 'p256dh', type: 'text', required: true, max: 100 },
				{ name: 'auth', type: 'text', required: true, max: 40 },
				{ name: 'user_agent', type: 'text', max: 500 },
				// A Danish name for the device, made from its user agent ("Chrome på Android").
				{ name: 'device', type: 'text', max: 100 },
				{ name: 'last_seen', type: 'date' },
				// Failed sends in a row (a 2xx resets it).
				{ name: 'failures', type: 'number', onlyInt: true, min: 0 },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_push_subscriptions_endpoint ON push_subscriptions (endpoint)',
				'CREATE INDEX idx_push_subscriptions_user ON push_subscriptions (user)'
			]
		});
		subscriptions.listRule = own;
		subscriptions.viewRule = own;
		subscriptions.deleteRule = own;
		app.save(subscriptions);

		const notifications = new Collection({
			type: 'base',
			name: 'notifications',
			fields: [
				{ name: 'user', type: 'text', required: true, max: 30 },
				{
					name: 'kind',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: [
						'attendance',
						'nomination',
						'meeting_tomorrow',
						'agenda_published',
						'agenda_changed',
						'minutes_published',
						'follow_up',
						'test'
					]
				},
				// The meeting, call, follow-up (or, for a test, push subscription) it is about.
				{ name: 'subject', type: 'text', required: true, max: 30 },
				// Which reminder of the subject this is, e.g. "d-7@2027-01-05T16:00:00Z" (rule and the
				// deadline it was planned from) or "manual@<round>": a moved deadline makes new moments.
				{ name: 'moment', type: 'text', required: true, max: 100 },
				// Who queued it: the planner, the secretariat (a "send now" round) or the member (a test).
				{
					name: 'origin',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: ['planner', 'secretariat', 'member', 'event']
				},
				{ name: 'due', type: 'date', required: true },
				// Never sent after this instant; the push TTL is the seconds left until it.
				{ name: 'expires', type: 'date' },
				// The Declarative Web Push JSON (title, body, navigate, tag, actions, app_badge).
				{ name: 'payload', type: 'json', maxSize: 4000 },
				{
					name: 'status',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: ['pending', 'sent', 'failed', 'cancelled']
				},
				// How it went out: push, email, both, or none (nothing wanted, nothing working).
				{ name: 'channel', type: 'select', maxSelect: 1, values: ['push', 'email', 'both', 'none'] },
				{ name: 'attempts', type: 'number', onlyInt: true, min: 0 },
				{ name: 'lease_owner', type: 'text', max: 60 },
				{ name: 'lease_until', type: 'date' },
				// When a retry may be made (a 429's Retry-After, or back-off after a 5xx or timeout).
				{ name: 'retry_at', type: 'date' },
				{ name: 'sent_at', type: 'date' },
				{ name: 'read_at', type: 'date' },
				{ name: 'error', type: 'text', max: 1000 },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_notifications_key ON notifications (user, kind, subject, moment)',
				'CREATE INDEX idx_notifications_due ON notifications (status, due)',
				'CREATE INDEX idx_notifications_subject ON notifications (subject, kind)',
				'CREATE INDEX idx_notifications_user_sent ON notifications (user, sent_at)'
			]
		});
		notifications.listRule = `${own} && status = "sent"`;
		notifications.viewRule = notifications.listRule;
		app.save(notifications);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('notifications'));
		app.delete(app.findCollectionByNameOrId('push_subscriptions'));
	}
);
