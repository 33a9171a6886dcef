/// <reference path="../pb_data/types.d.ts" />
// 1796300000 rewrote the audit log's view rule for meetings and groups and lost its third part: a
// nomination call's entries (1796003000), viewed by the call's group's secretariat. Restored here.

migrate(
	(app) => {
		const members = (group) => `${group}.memberships_via_group`;
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		const secretariatOf = (group) =>
			`@request.auth.id != "" && ${members(group)}.user ?= @request.auth.id && ${active(members(group))} && ` +
			`${members(group)}.meeting ?= "" && ${members(group)}.role ?= "secretariat"`;
		const audit = app.findCollectionByNameOrId('audit_log');
		audit.viewRule = `(${secretariatOf('meeting.group')}) || (${secretariatOf('group')}) || (${secretariatOf('call.group')})`;
		app.save(audit);
	},
	(app) => {
		const members = (group) => `${group}.memberships_via_group`;
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		const secretariatOf = (group) =>
			`@request.auth.id != "" && ${members(group)}.user ?= @request.auth.id && ${active(members(group))} && ` +
			`${members(group)}.meeting ?= "" && ${members(group)}.role ?= "secretariat"`;
		const audit = app.findCollectionByNameOrId('audit_log');
		audit.viewRule = `(${secretariatOf('meeting.group')}) || (${secretariatOf('group')})`;
		app.save(audit);
	}
);
