/// <reference path="../pb_data/types.d.ts" />
// The core of the data model: organisations, people, groups and their memberships, meetings with
// their agenda, guests, decisions and follow-ups. Access control lives in the rules below; the
// tests in tests/integration/ exercise every one of them.

migrate(
	(app) => {
		// An active membership (begun, not ended) of the current user in the group at path `group`. A
		// guest membership is tied to one meeting (`meeting`), an ordinary one has none. The membership
		// is reached through the group's back-relation (an indexed join that yields only that group's
		// memberships) rather than an @collection join, which would scan every membership of every
		// group. All conditions on one path refer to the same joined row: they describe one membership.
		const members = (group) => (group === 'id' ? 'memberships_via_group' : `${group}.memberships_via_group`);
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		const activeMember = (group) =>
			`@request.auth.id != "" && ${members(group)}.user ?= @request.auth.id && ${active(members(group))}`;
		const memberOfMeeting = (group, meeting) =>
			`${activeMember(group)} && (${members(group)}.meeting ?= "" || ${members(group)}.meeting ?= ${meeting})`;
		const secretariatOf = (group) =>
			`${activeMember(group)} && ${members(group)}.meeting ?= "" && ${members(group)}.role ?= "secretariat"`;
		// Members see a meeting once it is no longer a draft; its secretariat sees it always.
		const canReadMeeting = (group, meeting, status) =>
			`${memberOfMeeting(group, meeting)} && (${status} != "draft" || ${members(group)}.role ?= "secretariat")`;

		const timestamps = [
			{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
			{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
		];

		const organizations = new Collection({
			type: 'base',
			name: 'organizations',
			listRule: '@request.auth.id != ""',
			viewRule: '@request.auth.id != ""',
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{ name: 'name', type: 'text', required: true, max: 200, presentable: true },
				{ name: 'short_name', type: 'text', max: 60 },
				{
					name: 'sector',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: ['hospital', 'kommune', 'psykiatri', 'almen_praksis', 'region', 'andet']
				},
				...timestamps
			],
			indexes: ['CREATE UNIQUE INDEX idx_organizations_name ON organizations (name)']
		});
		app.save(organizations);

		const groups = new Collection({
			type: 'base',
			name: 'groups',
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{ name: 'name', type: 'text', required: true, max: 200, presentable: true },
				{ name: 'short_name', type: 'text', max: 60 },
				{
					name: 'kind',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: ['styregruppe', 'temagruppe', 'arbejdsgruppe', 'forum']
				},
				{ name: 'description', type: 'text', max: 5000 },
				...timestamps
			]
		});
		app.save(groups);
		groups.fields.add(new RelationField({ name: 'parent', collectionId: groups.id, maxSelect: 1 }));
		app.save(groups);

		const users = app.findCollectionByNameOrId('users');
		users.fields.add(new TextField({ name: 'title', max: 200 }));
		users.fields.add(new TextField({ name: 'department', max: 200 }));
		users.fields.add(new RelationField({ name: 'organization', collectionId: organizations.id, maxSelect: 1 }));
		users.fields.add(new TextField({ name: 'phone', max: 40 }));
		users.fields.add(new SelectField({ name: 'locale', maxSelect: 1, values: ['da', 'en'] }));
		users.fields.add(new JSONField({ name: 'notification_prefs', maxSize: 10000 }));
		users.fields.getByName('name').required = true;
		users.fields.getByName('name').presentable = true;
		users.fields.getByName('name').max = 200;
		users.addIndex('idx_users_organization', false, 'organization', '');
		users.otp.enabled = true;
		users.otp.length = 6;
		users.otp.duration = 600;
		users.otp.emailTemplate.subject = 'Din kode til {APP_NAME}';
		users.otp.emailTemplate.body =
			'<p>Hej,</p>\n<p>Din engangskode til {APP_NAME} er: <strong>{OTP}</strong></p>\n' +
			'<p>Koden gælder i 10 minutter.</p>\n' +
			'<p><i>Har du ikke bedt om en kode, kan du se bort fra denne e-mail.</i></p>\n' +
			'<p>Venlig hilsen<br/>{APP_NAME}</p>';
		// Logins happen from many phones; the English new-location mails would only be noise.
		users.authAlert.enabled = false;
		// Long sessions on a trusted phone: members log in a few times a year.
		users.authToken.duration = 30 * 24 * 3600;
		// No self sign-up: the secretariat (through the dashboard, later its workspace) creates accounts.
		users.createRule = null;
		users.deleteRule = null;
		users.updateRule =
			'id = @request.auth.id && @request.body.organization:isset = false && @request.body.verified:isset = false';
		app.save(users);

		const memberships = new Collection({
			type: 'base',
			name: 'memberships',
			fields: [
				{ name: 'user', type: 'relation', required: true, maxSelect: 1, collectionId: users.id, cascadeDelete: true },
				{ name: 'group', type: 'relation', required: true, maxSelect: 1, collectionId: groups.id, cascadeDelete: true },
				{
					name: 'role',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: ['member', 'chair', 'co_chair', 'secretariat', 'observer', 'guest']
				},
				{ name: 'starts', type: 'date' },
				{ name: 'ends', type: 'date' },
				...timestamps
			]
		});
		app.save(memberships);

		// Fellow members of a shared group may see each other's names and titles (participant lists).
		// Walks user → their memberships → group → its memberships, so every step is an indexed join
		// (an @collection join on two columns would scan memberships once per user).
		const theirs = 'memberships_via_user';
		const mine = 'memberships_via_user.group.memberships_via_group';
		const fellow = `@request.auth.id != "" && ${mine}.user ?= @request.auth.id && ${active(mine)} && ${active(theirs)}`;
		users.listRule = `id = @request.auth.id || (${fellow})`;
		users.viewRule = users.listRule;
		app.save(users);

		const meetings = new Collection({
			type: 'base',
			name: 'meetings',
			fields: [
				{ name: 'group', type: 'relation', required: true, maxSelect: 1, collectionId: groups.id, cascadeDelete: true },
				{ name: 'title', type: 'text', required: true, max: 200, presentable: true },
				{ name: 'starts', type: 'date', required: true },
				{ name: 'ends', type: 'date', required: true },
				{ name: 'location_room', type: 'text', max: 300 },
				{ name: 'location_address', type: 'text', max: 300 },
				{ name: 'location_note', type: 'text', max: 500 },
				{ name: 'catering', type: 'text', max: 500 },
				{ name: 'chair', type: 'relation', maxSelect: 1, collectionId: users.id },
				{ name: 'minute_takers', type: 'relation', maxSelect: 5, collectionId: users.id },
				{
					name: 'status',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: ['draft', 'published', 'held', 'minutes_published']
				},
				{ name: 'attendance_deadline', type: 'date' },
				{ name: 'minutes_date', type: 'date' },
				...timestamps
			],
			indexes: ['CREATE INDEX idx_meetings_group_starts ON meetings (`group`, starts)']
		});
		app.save(meetings);

		memberships.fields.add(
			new RelationField({ name: 'meeting', collectionId: meetings.id, maxSelect: 1, cascadeDelete: true })
		);
		memberships.addIndex('idx_memberships_unique', true, '`user`, `group`, meeting', '');
		memberships.addIndex('idx_memberships_group', false, '`group`', '');
		memberships.listRule = `user = @request.auth.id || (${activeMember('group')})`;
		memberships.viewRule = memberships.listRule;
		// A guest membership must point at a meeting of the same group.
		memberships.createRule =
			`${secretariatOf('@request.body.group')} && @request.body.role != "secretariat" && ` +
			'(@request.body.meeting = "" || @request.body.meeting.group = @request.body.group)';
		memberships.updateRule =
			`${secretariatOf('group')} && role != "secretariat" && @request.body.role != "secretariat" && ` +
			'@request.body.group:changed = false && @request.body.user:changed = false && ' +
			'@request.body.meeting:changed = false';
		memberships.deleteRule = `${secretariatOf('group')} && role != "secretariat"`;
		app.save(memberships);

		// A group is visible to its active members (and to a guest of one of its meetings).
		groups.listRule = activeMember('id');
		groups.viewRule = groups.listRule;
		app.save(groups);

		meetings.listRule = canReadMeeting('group', 'id', 'status');
		meetings.viewRule = meetings.listRule;
		meetings.createRule = secretariatOf('@request.body.group');
		meetings.updateRule = `${secretariatOf('group')} && @request.body.group:changed = false`;
		meetings.deleteRule = secretariatOf('group');
		app.save(meetings);

		const agendaItems = new Collection({
			type: 'base',
			name: 'agenda_items',
			fields: [
				{
					name: 'meeting',
					type: 'relation',
					required: true,
					maxSelect: 1,
					collectionId: meetings.id,
					cascadeDelete: true
				},
				{ name: 'position', type: 'number', required: true, onlyInt: true, min: 1, max: 999 },
				{ name: 'title', type: 'text', required: true, max: 300, presentable: true },
				{ name: 'starts', type: 'date' },
				{ name: 'ends', type: 'date' },
				{ name: 'presenter', type: 'text', max: 200 },
				{
					name: 'kind',
					type: 'select',
					maxSelect: 1,
					values: ['decision', 'orientation', 'discussion', 'written']
				},
				{ name: 'recommendation', type: 'text', max: 20000 },
				{ name: 'background', type: 'text', max: 100000 },
				{
					name: 'attachments',
					type: 'file',
					maxSelect: 20,
					maxSize: 25 * 1024 * 1024,
					protected: true
				},
				...timestamps
			],
			indexes: ['CREATE UNIQUE INDEX idx_agenda_items_position ON agenda_items (meeting, position)']
		});
		app.save(agendaItems);
		agendaItems.listRule = canReadMeeting('meeting.group', 'meeting', 'meeting.status');
		agendaItems.viewRule = agendaItems.listRule;
		agendaItems.createRule = secretariatOf('@request.body.meeting.group');
		agendaItems.updateRule = `${secretariatOf('meeting.group')} && @request.body.meeting:changed = false`;
		agendaItems.deleteRule = secretariatOf('meeting.group');
		app.save(agendaItems);

		const guests = new Collection({
			type: 'base',
			name: 'meeting_guests',
			listRule: canReadMeeting('meeting.group', 'meeting', 'meeting.status'),
			fields: [
				{
					name: 'meeting',
					type: 'relation',
					required: true,
					maxSelect: 1,
					collectionId: meetings.id,
					cascadeDelete: true
				},
				{ name: 'name', type: 'text', required: true, max: 200, presentable: true },
				{ name: 'title', type: 'text', max: 200 },
				{ name: 'organization', type: 'relation', maxSelect: 1, collectionId: organizations.id },
				{ name: 'organization_name', type: 'text', max: 200 },
				...timestamps
			]
		});
		guests.viewRule = guests.listRule;
		guests.createRule = secretariatOf('@request.body.meeting.group');
		guests.updateRule = `${secretariatOf('meeting.group')} && @request.body.meeting:changed = false`;
		guests.deleteRule = secretariatOf('meeting.group');
		app.save(guests);

		// The Referat of an agenda item, and its decisions, are part of the minutes: members see them
		// once the minutes are published. The Referat has a collection of its own so that no rule,
		// filter or sort on agenda_items can reach it before then.
		const minutesRule =
			`${memberOfMeeting('item.meeting.group', 'item.meeting')} && ` +
			`(item.meeting.status = "minutes_published" || ${members('item.meeting.group')}.role ?= "secretariat")`;
		const itemMinutes = new Collection({
			type: 'base',
			name: 'item_minutes',
			listRule: minutesRule,
			viewRule: minutesRule,
			createRule: secretariatOf('@request.body.item.meeting.group'),
			updateRule: `${secretariatOf('item.meeting.group')} && @request.body.item:changed = false`,
			deleteRule: secretariatOf('item.meeting.group'),
			fields: [
				{
					name: 'item',
					type: 'relation',
					required: true,
					maxSelect: 1,
					collectionId: agendaItems.id,
					cascadeDelete: true
				},
				{ name: 'text', type: 'text', max: 100000 },
				...timestamps
			],
			indexes: ['CREATE UNIQUE INDEX idx_item_minutes_item ON item_minutes (item)']
		});
		app.save(itemMinutes);

		const decisions = new Collection({
			type: 'base',
			name: 'decisions',
			listRule: minutesRule,
			fields: [
				{
					name: 'item',
					type: 'relation',
					required: true,
					maxSelect: 1,
					collectionId: agendaItems.id,
					cascadeDelete: true
				},
				{ name: 'position', type: 'number', onlyInt: true, min: 0, max: 999 },
				{ name: 'text', type: 'text', required: true, max: 5000 },
				...timestamps
			],
			indexes: ['CREATE INDEX idx_decisions_item ON decisions (item)']
		});
		decisions.viewRule = decisions.listRule;
		decisions.createRule = secretariatOf('@request.body.item.meeting.group');
		decisions.updateRule = `${secretariatOf('item.meeting.group')} && @request.body.item:changed = false`;
		decisions.deleteRule = secretariatOf('item.meeting.group');
		app.save(decisions);

		const followUps = new Collection({
			type: 'base',
			name: 'follow_ups',
			listRule:
				`${memberOfMeeting('meeting.group', 'meeting')} && ` +
				`(meeting.status = "minutes_published" || ${members('meeting.group')}.role ?= "secretariat")`,
			fields: [
				{
					name: 'meeting',
					type: 'relation',
					required: true,
					maxSelect: 1,
					collectionId: meetings.id,
					cascadeDelete: true
				},
				{ name: 'item', type: 'relation', maxSelect: 1, collectionId: agendaItems.id, cascadeDelete: true },
				{ name: 'position', type: 'number', onlyInt: true, min: 0, max: 999 },
				{ name: 'text', type: 'text', required: true, max: 5000 },
				{ name: 'owner_organization', type: 'relation', maxSelect: 1, collectionId: organizations.id },
				{ name: 'owner_user', type: 'relation', maxSelect: 1, collectionId: users.id },
				{ name: 'owner_text', type: 'text', max: 200 },
				{ name: 'due', type: 'date' },
				{ name: 'status', type: 'select', required: true, maxSelect: 1, values: ['open', 'done'] },
				...timestamps
			],
			indexes: ['CREATE INDEX idx_follow_ups_meeting ON follow_ups (meeting)']
		});
		followUps.viewRule = followUps.listRule;
		// The agenda item a follow-up refers to must belong to the same meeting.
		followUps.createRule =
			`${secretariatOf('@request.body.meeting.group')} && ` +
			'(@request.body.item = "" || @request.body.item.meeting = @request.body.meeting)';
		followUps.updateRule =
			`${secretariatOf('meeting.group')} && @request.body.meeting:changed = false && ` +
			'(@request.body.item:isset = false || @request.body.item = "" || @request.body.item.meeting = meeting)';
		followUps.deleteRule = secretariatOf('meeting.group');
		app.save(followUps);
	},
	(app) => {
		for (const name of ['follow_ups', 'decisions', 'item_minutes', 'meeting_guests', 'agenda_items']) {
			app.delete(app.findCollectionByNameOrId(name));
		}

		const users = app.findCollectionByNameOrId('users');
		for (const name of ['title', 'department', 'organization', 'phone', 'locale', 'notification_prefs']) {
			users.fields.removeByName(name);
		}
		users.removeIndex('idx_users_organization');
		users.fields.getByName('name').required = false;
		users.fields.getByName('name').presentable = false;
		users.fields.getByName('name').max = 255;
		users.listRule = 'id = @request.auth.id';
		users.viewRule = 'id = @request.auth.id';
		users.createRule = '';
		users.updateRule = 'id = @request.auth.id';
		users.deleteRule = 'id = @request.auth.id';
		users.otp.enabled = false;
		users.otp.length = 8;
		users.otp.duration = 180;
		users.authAlert.enabled = true;
		users.authToken.duration = 432000;
		app.save(users);

		for (const name of ['memberships', 'meetings', 'groups', 'organizations']) {
			app.delete(app.findCollectionByNameOrId(name));
		}
	}
);
