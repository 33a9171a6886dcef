/// <reference path="../pb_data/types.d.ts" />
// Attendance: one answer per member per meeting (attending, absent, absent with a named substitute,
// or part of the meeting), written by the member until the lock, or by the group's secretariat at
// any time; and the audit log that records every change. Invariants that rules cannot express
// (a substitute needs a name, partial times lie within the meeting) live in pb_hooks/attendance.pb.js.

migrate(
	(app) => {
		// The current user's active membership of the group at path `group`, reached through the
		// group's back-relation (an indexed join), as in the core collections' rules.
		const members = (group) => `${group}.memberships_via_group`;
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		const activeMember = (group) =>
			`@request.auth.id != "" && ${members(group)}.user ?= @request.auth.id && ${active(members(group))}`;
		// An ordinary (not meeting-scoped) membership with one of the given roles.
		const withRole = (group, roles) =>
			`${activeMember(group)} && ${members(group)}.meeting ?= "" && ` +
			`(${roles.map((r) => `${members(group)}.role ?= "${r}"`).join(' || ')})`;
		const secretariatOf = (group) => withRole(group, ['secretariat']);
		const leadersOf = (group) => withRole(group, ['secretariat', 'chair', 'co_chair']);
		const answeringMemberOf = (group) => withRole(group, ['member', 'chair', 'co_chair', 'observer', 'secretariat']);
		// Members answer until the meeting starts or the attendance deadline passes, whichever is first.
		const open = (meeting) =>
			`${meeting}.status = "published" && ${meeting}.starts > @now && ` +
			`(${meeting}.attendance_deadline = "" || ${meeting}.attendance_deadline > @now)`;
		// The answer is about a member of the meeting's group (for answers given on someone's behalf).
		// Walks from the answer's user to their memberships (an indexed back-relation) rather than
		// joining memberships a second time, which would multiply every row of the first join.
		const T = '@request.body.user.memberships_via_user';
		const targetIsMember = (group) =>
			`${T}.group ?= ${group} && ${T}.meeting ?= "" && ${T}.role ?!= "guest" && ${active(T)}`;
		const serverOwned = '@request.body.substitute_user:isset = false && @request.body.answered_by:isset = false';

		const meetings = app.findCollectionByNameOrId('meetings');
		const users = app.findCollectionByNameOrId('users');

		const attendance = new Collection({
			type: 'base',
			name: 'attendance',
			fields: [
				{
					name: 'meeting',
					type: 'relation',
					required: true,
					maxSelect: 1,
					collectionId: meetings.id,
					cascadeDelete: true
				},
				{ name: 'user', type: 'relation', required: true, maxSelect: 1, collectionId: users.id, cascadeDelete: true },
				{
					name: 'status',
					type: 'select',
					required: true,
					maxSelect: 1,
					values: ['attending', 'absent', 'substitute', 'partial']
				},
				{ name: 'substitute_name', type: 'text', max: 200 },
				{ name: 'substitute_title', type: 'text', max: 200 },
				{ name: 'substitute_email', type: 'email' },
				{ name: 'substitute_user', type: 'relation', maxSelect: 1, collectionId: users.id },
				{ name: 'arrives', type: 'date' },
				{ name: 'leaves', type: 'date' },
				{ name: 'note', type: 'text', max: 1000 },
				{ name: 'answered_by', type: 'relation', maxSelect: 1, collectionId: users.id },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_attendance_meeting_user ON attendance (meeting, user)',
				'CREATE INDEX idx_attendance_user ON attendance (user)'
			]
		});
		app.save(attendance);
		// Once the minutes are published, who attended is part of them, for every member of the meeting.
		const memberOfMeeting =
			`${activeMember('meeting.group')} && ` +
			`(${members('meeting.group')}.meeting ?= "" || ${members('meeting.group')}.meeting ?= meeting)`;
		attendance.listRule =
			`user = @request.auth.id || (${leadersOf('meeting.group')}) || ` +
			`(meeting.status = "minutes_published" && ${memberOfMeeting})`;
		attendance.viewRule = attendance.listRule;
		attendance.createRule =
			`${serverOwned} && (` +
			`(@request.body.user = @request.auth.id && ${answeringMemberOf('@request.body.meeting.group')} && ${open('@request.body.meeting')})` +
			` || (${secretariatOf('@request.body.meeting.group')} && ${targetIsMember('@request.body.meeting.group')})` +
			')';
		attendance.updateRule =
			`${serverOwned} && @request.body.user:changed = false && @request.body.meeting:changed = false && (` +
			`(user = @request.auth.id && ${answeringMemberOf('meeting.group')} && ${open('meeting')})` +
			` || (${secretariatOf('meeting.group')})` +
			')';
		attendance.deleteRule = secretariatOf('meeting.group');
		app.save(attendance);

		// Written only by hooks; read by the group's secretariat.
		const audit = new Collection({
			type: 'base',
			name: 'audit_log',
			fields: [
				{ name: 'collection', type: 'text', required: true, max: 100 },
				{ name: 'record', type: 'text', required: true, max: 30 },
				{ name: 'meeting', type: 'relation', maxSelect: 1, collectionId: meetings.id, cascadeDelete: true },
				{ name: 'action', type: 'select', required: true, maxSelect: 1, values: ['create', 'update', 'delete'] },
				{ name: 'actor', type: 'relation', maxSelect: 1, collectionId: users.id },
				{ name: 'on_behalf_of', type: 'relation', maxSelect: 1, collectionId: users.id },
				{ name: 'before', type: 'json', maxSize: 20000 },
				{ name: 'after', type: 'json', maxSize: 20000 },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false }
			],
			indexes: ['CREATE INDEX idx_audit_log_meeting ON audit_log (meeting, created)']
		});
		app.save(audit);
		audit.listRule = secretariatOf('meeting.group');
		audit.viewRule = audit.listRule;
		app.save(audit);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('audit_log'));
		app.delete(app.findCollectionByNameOrId('attendance'));
	}
);
