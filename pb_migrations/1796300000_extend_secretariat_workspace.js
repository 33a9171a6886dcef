/// <reference path="../pb_data/types.d.ts" />
// The secretariat's workspace (issue 10): what the app needs to prepare, publish and minute a
// meeting without PocketBase's dashboard.
//
// - meetings: `share_with_chairs` lets the group's chair and co-chair read what is not yet published
//   (the agenda draft and the minutes draft); `attendance_days_before` is the template's attendance
//   deadline rule ("3 dage før"); `published_at`, `minutes_published_at` and the change summary
//   (`agenda_changes`, `agenda_changed_at`, `agenda_notified_at`) are written by hooks only.
// - agenda_items: `duration_minutes`, from which the hooks compute every item's slot from the
//   meeting's start (items without a duration, such as written orientations, get no slot);
//   `attachment_titles` ({stored file name: title}); `changes` and `changed_at`, the marks members
//   see after publishing ("Ændret siden udsendelse"), written by hooks only.
// - audit_log: `group` for entries that belong to a group rather than a meeting (memberships);
//   `summary`, a Danish line for the history view. Still closed for listing (1796000000); the group's
//   secretariat views a meeting's or a group's entries.
// The rules below are the core rules with the chairs' shared drafts added, and with the hook-only
// fields locked against every API write.

migrate(
	(app) => {
		const members = (group) => (group === 'id' ? 'memberships_via_group' : `${group}.memberships_via_group`);
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		const activeMember = (group) =>
			`@request.auth.id != "" && ${members(group)}.user ?= @request.auth.id && ${active(members(group))}`;
		const memberOfMeeting = (group, meeting) =>
			`${activeMember(group)} && (${members(group)}.meeting ?= "" || ${members(group)}.meeting ?= ${meeting})`;
		const secretariatOf = (group) =>
			`${activeMember(group)} && ${members(group)}.meeting ?= "" && ${members(group)}.role ?= "secretariat"`;
		const chairOf = (group) =>
			`${members(group)}.meeting ?= "" && (${members(group)}.role ?= "chair" || ${members(group)}.role ?= "co_chair")`;
		// Members see a meeting once it is no longer a draft; its secretariat always; its chairs when the
		// secretariat shares the draft with them.
		const canReadMeeting = (group, meeting, status, shared) =>
			`${memberOfMeeting(group, meeting)} && (${status} != "draft" || ${members(group)}.role ?= "secretariat" || ` +
			`(${shared} = true && ${chairOf(group)}))`;
		const canReadMinutes = (group, meeting, status, shared) =>
			`${memberOfMeeting(group, meeting)} && (${status} = "minutes_published" || ${members(group)}.role ?= "secretariat" || ` +
			`(${shared} = true && ${chairOf(group)}))`;
		const locked = (...fields) => fields.map((f) => `@request.body.${f}:isset = false`).join(' && ');

		const meetings = app.findCollectionByNameOrId('meetings');
		meetings.fields.add(new BoolField({ name: 'share_with_chairs' }));
		meetings.fields.add(new NumberField({ name: 'attendance_days_before', onlyInt: true, min: 0, max: 60 }));
		meetings.fields.add(new DateField({ name: 'published_at' }));
		meetings.fields.add(new DateField({ name: 'minutes_published_at' }));
		meetings.fields.add(new JSONField({ name: 'agenda_changes', maxSize: 20000 }));
		meetings.fields.add(new DateField({ name: 'agenda_changed_at' }));
		meetings.fields.add(new DateField({ name: 'agenda_notified_at' }));
		const meetingLocks = locked(
			'published_at',
			'minutes_published_at',
			'agenda_changes',
			'agenda_changed_at',
			'agenda_notified_at'
		);
		meetings.listRule = canReadMeeting('group', 'id', 'status', 'share_with_chairs');
		meetings.viewRule = meetings.listRule;
		meetings.createRule = `${secretariatOf('@request.body.group')} && ${meetingLocks}`;
		meetings.updateRule = `${secretariatOf('group')} && @request.body.group:changed = false && ${meetingLocks}`;
		app.save(meetings);

		const items = app.findCollectionByNameOrId('agenda_items');
		items.fields.add(new NumberField({ name: 'duration_minutes', onlyInt: true, min: 0, max: 1440 }));
		items.fields.add(new JSONField({ name: 'attachment_titles', maxSize: 20000 }));
		items.fields.add(new JSONField({ name: 'changes', maxSize: 5000 }));
		items.fields.add(new DateField({ name: 'changed_at' }));
		const itemLocks = locked('changes', 'changed_at');
		items.listRule = canReadMeeting('meeting.group', 'meeting', 'meeting.status', 'meeting.share_with_chairs');
		items.viewRule = items.listRule;
		items.createRule = `${secretariatOf('@request.body.meeting.group')} && ${itemLocks}`;
		items.updateRule = `${secretariatOf('meeting.group')} && @request.body.meeting:changed = false && ${itemLocks}`;
		app.save(items);
		// Every existing item with a slot gets the duration of that slot.
		app
			.db()
			.newQuery(
				"UPDATE agenda_items SET duration_minutes = CAST(ROUND((julianday(ends) - julianday(starts)) * 1440) AS INTEGER) WHERE starts != '' AND ends != ''"
			)
			.execute();

		const guests = app.findCollectionByNameOrId('meeting_guests');
		guests.viewRule = canReadMeeting('meeting.group', 'meeting', 'meeting.status', 'meeting.share_with_chairs');
		app.save(guests);

		for (const name of ['item_minutes', 'decisions']) {
			const c = app.findCollectionByNameOrId(name);
			c.viewRule = canReadMinutes(
				'item.meeting.group',
				'item.meeting',
				'item.meeting.status',
				'item.meeting.share_with_chairs'
			);
			app.save(c);
		}
		const followUps = app.findCollectionByNameOrId('follow_ups');
		followUps.viewRule = canReadMinutes('meeting.group', 'meeting', 'meeting.status', 'meeting.share_with_chairs');
		app.save(followUps);

		const groups = app.findCollectionByNameOrId('groups');
		const audit = app.findCollectionByNameOrId('audit_log');
		audit.fields.add(new RelationField({ name: 'group', collectionId: groups.id, maxSelect: 1, cascadeDelete: true }));
		audit.fields.add(new TextField({ name: 'summary', max: 500 }));
		audit.addIndex('idx_audit_log_group', false, '`group`, created', '');
		audit.viewRule = `(${secretariatOf('meeting.group')}) || (${secretariatOf('group')})`;
		app.save(audit);
	},
	(app) => {
		const members = (group) => (group === 'id' ? 'memberships_via_group' : `${group}.memberships_via_group`);
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		const activeMember = (group) =>
			`@request.auth.id != "" && ${members(group)}.user ?= @request.auth.id && ${active(members(group))}`;
		const memberOfMeeting = (group, meeting) =>
			`${activeMember(group)} && (${members(group)}.meeting ?= "" || ${members(group)}.meeting ?= ${meeting})`;
		const secretariatOf = (group) =>
			`${activeMember(group)} && ${members(group)}.meeting ?= "" && ${members(group)}.role ?= "secretariat"`;
		const canReadMeeting = (group, meeting, status) =>
			`${memberOfMeeting(group, meeting)} && (${status} != "draft" || ${members(group)}.role ?= "secretariat")`;
		const minutesRule = (group, meeting, status) =>
			`${memberOfMeeting(group, meeting)} && (${status} = "minutes_published" || ${members(group)}.role ?= "secretariat")`;

		const audit = app.findCollectionByNameOrId('audit_log');
		audit.removeIndex('idx_audit_log_group');
		audit.fields.removeByName('group');
		audit.fields.removeByName('summary');
		audit.viewRule = secretariatOf('meeting.group');
		app.save(audit);

		const followUps = app.findCollectionByNameOrId('follow_ups');
		followUps.viewRule = minutesRule('meeting.group', 'meeting', 'meeting.status');
		app.save(followUps);
		for (const name of ['item_minutes', 'decisions']) {
			const c = app.findCollectionByNameOrId(name);
			c.viewRule = minutesRule('item.meeting.group', 'item.meeting', 'item.meeting.status');
			app.save(c);
		}
		const guests = app.findCollectionByNameOrId('meeting_guests');
		guests.viewRule = canReadMeeting('meeting.group', 'meeting', 'meeting.status');
		app.save(guests);

		const items = app.findCollectionByNameOrId('agenda_items');
		for (const f of ['duration_minutes', 'attachment_titles', 'changes', 'changed_at']) items.fields.removeByName(f);
		items.listRule = canReadMeeting('meeting.group', 'meeting', 'meeting.status');
		items.viewRule = items.listRule;
		items.createRule = secretariatOf('@request.body.meeting.group');
		items.updateRule = `${secretariatOf('meeting.group')} && @request.body.meeting:changed = false`;
		app.save(items);

		const meetings = app.findCollectionByNameOrId('meetings');
		for (const f of [
			'share_with_chairs',
			'attendance_days_before',
			'published_at',
			'minutes_published_at',
			'agenda_changes',
			'agenda_changed_at',
			'agenda_notified_at'
		]) {
			meetings.fields.removeByName(f);
		}
		meetings.listRule = canReadMeeting('group', 'id', 'status');
		meetings.viewRule = meetings.listRule;
		meetings.createRule = secretariatOf('@request.body.group');
		meetings.updateRule = `${secretariatOf('group')} && @request.body.group:changed = false`;
		app.save(meetings);
	}
);
