/// <reference path="../pb_data/types.d.ts" />
// Nomination calls ("meld deltagere ind senest …"): a call of a group's secretariat asking the
// eligible organisations to name people for one or more fora by a deadline, and the organisations'
// answers (a named person per seat, or "melder ingen").
//
// - nomination_calls: read by the group's ordinary members once opened (drafts by its secretariat
//   only) and by a nominee with an account (their own calls only); written by the secretariat.
// - nomination_fora: the fora of a call, each with its quota per organisation and, once composed,
//   the group it became. Read and written as the call.
// - nominations: one row per named person, or one "none" row per organisation. Contact details are
//   read only by the secretariat, the nominating organisation's members in the group and the
//   nominee. Not listable (read as the call's back-relation expand or by id), so no filter path
//   reaches them. Quotas, deadlines, eligibility and the Danish messages live in
//   pb_hooks/nominations.pb.js; these rules are the fence around who.
// - nomination_tallies: a view with counts only (named, "none") per call, organisation and forum,
//   which every member of the group may read: what other organisations see of each other.
// - audit_log and reminder_log learn about calls.

migrate(
	(app) => {
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		// The viewer's active, ordinary (not one meeting's guest) membership of the group at `group`,
		// reached through the group's back-relation (an indexed join; all conditions describe one row).
		const ordinaryMember = (group, roles) => {
			const m = `${group}.memberships_via_group`;
			const roleTest = roles
				? ` && (${roles.map((r) => `${m}.role ?= "${r}"`).join(' || ')})`
				: ` && ${m}.role ?!= "guest"`;
			return `@request.auth.id != "" && ${m}.user ?= @request.auth.id && ${m}.meeting ?= "" && ${active(m)}${roleTest}`;
		};
		const secretariatOf = (group) => ordinaryMember(group, ['secretariat']);
		// Those who answer for their organisation: not observers.
		const nominatorOf = (group) => ordinaryMember(group, ['member', 'chair', 'co_chair', 'secretariat']);
		const sectors = ['hospital', 'kommune', 'psykiatri', 'almen_praksis', 'region', 'andet'];
		const timestamps = [
			{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
			{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
		];

		const groups = app.findCollectionByNameOrId('groups');
		const meetings = app.findCollectionByNameOrId('meetings');
		const items = app.findCollectionByNameOrId('agenda_items');
		const decisions = app.findCollectionByNameOrId('decisions');
		const organizations = app.findCollectionByNameOrId('organizations');
		const users = app.findCollectionByNameOrId('users');

		const calls = new Collection({
			type: 'base',
			name: 'nomination_calls',
			fields: [
				{ name: 'group', type: 'relation', required: true, maxSelect: 1, collectionId: groups.id, cascadeDelete: true },
				{ name: 'meeting', type: 'relation', maxSelect: 1, collectionId: meetings.id },
				{ name: 'item', type: 'relation', maxSelect: 1, collectionId: items.id },
				{ name: 'decision', type: 'relation', maxSelect: 1, collectionId: decisions.id },
				{ name: 'title', type: 'text', required: true, max: 200, presentable: true },
				{ name: 'description', type: 'text', max: 5000 },
				// The sentence of the minutes or agenda the call was made from.
				{ name: 'source_text', type: 'text', max: 2000 },
				{
					name: 'eligibility',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: ['all', 'sectors', 'organizations']
				},
				{ name: 'eligible_sectors', type: 'select', maxSelect: sectors.length, values: sectors },
				{ name: 'eligible_organizations', type: 'relation', maxSelect: 999, collectionId: organizations.id },
				// Required: every eligible organisation is expected to answer (name someone or "melder ingen").
				{ name: 'required', type: 'bool' },
				// The end of the deadline day in Copenhagen time unless a time was given.
				{ name: 'deadline', type: 'date', required: true },
				// "hurtigst muligt": answers are wanted before the deadline.
				{ name: 'urgent', type: 'bool' },
				{ name: 'status', type: 'select', required: true, maxSelect: 1, values: ['draft', 'open', 'closed'] },
				{ name: 'created_by', type: 'relation', maxSelect: 1, collectionId: users.id },
				{ name: 'opened_at', type: 'date' },
				{ name: 'closed_at', type: 'date' },
				...timestamps
			],
			indexes: [
				'CREATE INDEX idx_nomination_calls_group ON nomination_calls (`group`, status, deadline)',
				'CREATE INDEX idx_nomination_calls_item ON nomination_calls (item)'
			]
		});
		app.save(calls);

		const fora = new Collection({
			type: 'base',
			name: 'nomination_fora',
			fields: [
				{ name: 'call', type: 'relation', required: true, maxSelect: 1, collectionId: calls.id, cascadeDelete: true },
				{ name: 'name', type: 'text', required: true, max: 200, presentable: true },
				{ name: 'position', type: 'number', onlyInt: true, min: 0, max: 99 },
				// Seats per organisation in this forum.
				{ name: 'quota', type: 'number', required: true, onlyInt: true, min: 1, max: 50 },
				// The group the forum became when the secretariat composed it.
				{ name: 'group', type: 'relation', maxSelect: 1, collectionId: groups.id },
				...timestamps
			],
			indexes: ['CREATE INDEX idx_nomination_fora_call ON nomination_fora (call, position)']
		});
		app.save(fora);

		const nominations = new Collection({
			type: 'base',
			name: 'nominations',
			fields: [
				{ name: 'call', type: 'relation', required: true, maxSelect: 1, collectionId: calls.id, cascadeDelete: true },
				// Empty for an organisation's "none" answer, which covers every forum of the call.
				{ name: 'forum', type: 'relation', maxSelect: 1, collectionId: fora.id, cascadeDelete: true },
				{
					name: 'organization',
					type: 'relation',
					required: true,
					maxSelect: 1,
					collectionId: organizations.id,
					cascadeDelete: true
				},
				{ name: 'kind', type: 'select', required: true, maxSelect: 1, values: ['nominee', 'none'] },
				{ name: 'nominee_name', type: 'text', max: 200 },
				{ name: 'nominee_title', type: 'text', max: 200 },
				{ name: 'nominee_email', type: 'email' },
				{ name: 'nominee_phone', type: 'text', max: 40 },
				// The nominee's account, when they have one ("Mig selv", a colleague, or a known address).
				{ name: 'nominee_user', type: 'relation', maxSelect: 1, collectionId: users.id },
				// Set by the hooks to the person who wrote it.
				{ name: 'nominated_by', type: 'relation', maxSelect: 1, collectionId: users.id },
				// The nominee's answer to "you have been named": confirmed or declined.
				{ name: 'response', type: 'select', maxSelect: 1, values: ['confirmed', 'declined'] },
				{ name: 'responded_at', type: 'date' },
				// The secret of the nominee's confirm/decline link (never readable through the API).
				{ name: 'response_token', type: 'text', max: 100, hidden: true },
				...timestamps
			],
			indexes: [
				'CREATE INDEX idx_nominations_call ON nominations (call, organization)',
				'CREATE INDEX idx_nominations_nominee_user ON nominations (nominee_user)',
				"CREATE UNIQUE INDEX idx_nominations_none ON nominations (call, organization) WHERE kind = 'none'",
				"CREATE UNIQUE INDEX idx_nominations_forum_email ON nominations (forum, lower(nominee_email)) WHERE nominee_email != ''",
				"CREATE UNIQUE INDEX idx_nominations_forum_user ON nominations (forum, nominee_user) WHERE nominee_user != ''",
				"CREATE UNIQUE INDEX idx_nominations_token ON nominations (response_token) WHERE response_token != ''"
			]
		});
		app.save(nominations);

		// Calls: the group's ordinary members once opened; drafts only its secretariat; a nominee with
		// an account the calls they are named in.
		const callReader = (call) =>
			`(${secretariatOf(`${call}group`)}) || (${call}status != "draft" && (` +
			`(${ordinaryMember(`${call}group`)}) || ${call}nominations_via_call.nominee_user ?= @request.auth.id))`;
		calls.listRule = callReader('');
		calls.viewRule = calls.listRule;
		calls.createRule =
			`${secretariatOf('@request.body.group')} && @request.body.created_by:isset = false && ` +
			'(@request.body.meeting = "" || @request.body.meeting.group = @request.body.group) && ' +
			'(@request.body.item = "" || @request.body.item.meeting.group = @request.body.group)';
		calls.updateRule =
			`${secretariatOf('group')} && @request.body.group:changed = false && @request.body.created_by:changed = false && ` +
			'(@request.body.meeting:changed = false || @request.body.meeting = "" || @request.body.meeting.group = group) && ' +
			'(@request.body.item:changed = false || @request.body.item = "" || @request.body.item.meeting.group = group)';
		calls.deleteRule = secretariatOf('group');
		app.save(calls);

		fora.listRule = callReader('call.');
		fora.viewRule = fora.listRule;
		fora.createRule = secretariatOf('@request.body.call.group');
		fora.updateRule = `${secretariatOf('call.group')} && @request.body.call:changed = false`;
		fora.deleteRule = secretariatOf('call.group');
		app.save(fora);

		nominations.listRule = null;
		nominations.viewRule =
			`nominee_user = @request.auth.id || (${secretariatOf('call.group')}) || ` +
			`(call.status != "draft" && organization = @request.auth.organization && ${ordinaryMember('call.group')})`;
		nominations.createRule =
			`@request.body.response:isset = false && @request.body.responded_at:isset = false && (` +
			`(${secretariatOf('@request.body.call.group')}) || ` +
			`(@request.body.organization = @request.auth.organization && ${nominatorOf('@request.body.call.group')})` +
			')';
		nominations.updateRule =
			'@request.body.call:changed = false && @request.body.organization:changed = false && @request.body.kind:changed = false && ' +
			'@request.body.response:changed = false && @request.body.responded_at:changed = false && (' +
			`(${secretariatOf('call.group')}) || (organization = @request.auth.organization && ${nominatorOf('call.group')})` +
			')';
		nominations.deleteRule = `(${secretariatOf('call.group')}) || (organization = @request.auth.organization && ${nominatorOf('call.group')})`;
		app.save(nominations);

		// Counts only, per call, organisation and forum ("none" answers have no forum).
		const tallies = new Collection({
			type: 'view',
			name: 'nomination_tallies',
			viewQuery:
				"SELECT (n.call || '_' || n.organization || '_' || COALESCE(n.forum, '')) AS id, n.call AS call, " +
				'n.organization AS organization, n.forum AS forum, ' +
				"COUNT(CASE WHEN n.kind = 'nominee' THEN 1 END) AS named, " +
				"COUNT(CASE WHEN n.kind = 'none' THEN 1 END) AS none " +
				'FROM nominations n GROUP BY n.call, n.organization, n.forum'
		});
		app.save(tallies);
		tallies.listRule = `call.status != "draft" && ((${ordinaryMember('call.group')}) || (${secretariatOf('call.group')}))`;
		tallies.viewRule = tallies.listRule;
		app.save(tallies);

		// The audit log and the reminder log also record calls.
		const audit = app.findCollectionByNameOrId('audit_log');
		audit.fields.add(new RelationField({ name: 'call', maxSelect: 1, collectionId: calls.id, cascadeDelete: true }));
		audit.addIndex('idx_audit_log_call', false, 'call, created', '');
		app.save(audit);
		audit.viewRule = `(${secretariatOf('meeting.group')}) || (${secretariatOf('call.group')})`;
		app.save(audit);

		const reminders = app.findCollectionByNameOrId('reminder_log');
		reminders.fields.getByName('meeting').required = false;
		reminders.fields.add(new TextField({ name: 'call', max: 30 }));
		reminders.addIndex('idx_reminder_log_call', false, 'call, created', '');
		app.save(reminders);
	},
	(app) => {
		const reminders = app.findCollectionByNameOrId('reminder_log');
		reminders.removeIndex('idx_reminder_log_call');
		reminders.fields.removeByName('call');
		app.save(reminders);
		app.db().newQuery("DELETE FROM reminder_log WHERE meeting = ''").execute();
		reminders.fields.getByName('meeting').required = true;
		app.save(reminders);

		const audit = app.findCollectionByNameOrId('audit_log');
		const m = 'meeting.group.memberships_via_group';
		// As the attendance migration wrote it.
		audit.viewRule =
			`@request.auth.id != "" && ${m}.user ?= @request.auth.id && ` +
			`(${m}.starts ?= "" || ${m}.starts ?<= @now) && (${m}.ends ?= "" || ${m}.ends ?> @now) && ` +
			`${m}.meeting ?= "" && (${m}.role ?= "secretariat")`;
		app.save(audit);
		app.db().newQuery("DELETE FROM audit_log WHERE call != ''").execute();
		audit.removeIndex('idx_audit_log_call');
		audit.fields.removeByName('call');
		app.save(audit);

		for (const name of ['nomination_tallies', 'nominations', 'nomination_fora', 'nomination_calls']) {
			app.delete(app.findCollectionByNameOrId(name));
		}
	}
);
