/// <reference path="../pb_data/types.d.ts" />
// Two logs written only by hooks:
// - reminder_log: when the secretariat reminded a meeting's members and whom, so the overview can
//   show it and the route can ask before reminding again within a day. Read by the group's
//   secretariat only.
// - substitute_invitations: every invitation mail sent to a named substitute, so the hooks can limit
//   invitations per answer and per member per day, and know which accounts they created. Read by
//   nobody through the API.
// Neither has a relation field: a relation would give readable records (meetings, users) a
// back-relation path into these logs, which PocketBase's match-all filter subqueries do not guard.

migrate(
	(app) => {
		const reminders = new Collection({
			type: 'base',
			name: 'reminder_log',
			fields: [
				{ name: 'meeting', type: 'text', required: true, max: 30 },
				{ name: 'group', type: 'text', required: true, max: 30 },
				{ name: 'sender', type: 'text', required: true, max: 30 },
				{ name: 'sender_name', type: 'text', max: 200 },
				// The names of the members reminded, as the overview shows them.
				{ name: 'recipients', type: 'json', maxSize: 100000 },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false }
			],
			indexes: ['CREATE INDEX idx_reminder_log_meeting ON reminder_log (meeting, created)']
		});
		// One row of the memberships table (an unaliased @collection's conditions share one join):
		// the reader's active, ordinary secretariat membership of the log's group.
		const m = '@collection.memberships';
		const secretariat =
			`@request.auth.id != "" && ${m}.user ?= @request.auth.id && ${m}.group ?= group && ` +
			`${m}.meeting ?= "" && ${m}.role ?= "secretariat" && ` +
			`(${m}.starts ?= "" || ${m}.starts ?<= @now) && (${m}.ends ?= "" || ${m}.ends ?> @now)`;
		reminders.listRule = secretariat;
		reminders.viewRule = secretariat;
		app.save(reminders);

		app.save(
			new Collection({
				type: 'base',
				name: 'substitute_invitations',
				fields: [
					{ name: 'attendance', type: 'text', required: true, max: 30 },
					{ name: 'meeting', type: 'text', required: true, max: 30 },
					// The member whose answer named the substitute.
					{ name: 'member', type: 'text', required: true, max: 30 },
					{ name: 'email', type: 'text', required: true, max: 254 },
					// Whether the invitation created the substitute's account (only such accounts are
					// ever removed again).
					{ name: 'created_account', type: 'bool' },
					{ name: 'withdrawn', type: 'bool' },
					{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false }
				],
				indexes: [
					'CREATE INDEX idx_substitute_invitations_attendance ON substitute_invitations (attendance, created)',
					'CREATE INDEX idx_substitute_invitations_member ON substitute_invitations (member, created)',
					'CREATE INDEX idx_substitute_invitations_email ON substitute_invitations (email)'
				]
			})
		);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('substitute_invitations'));
		app.delete(app.findCollectionByNameOrId('reminder_log'));
	}
);
