/// <reference path="../pb_data/types.d.ts" />
// Members and roles in the secretariat's workspace (issue 10).
//
// - memberships: the group's secretariat may now appoint another secretariat and change or end a
//   secretariat membership, its own included; pb_hooks/members.pb.js refuses the change that would
//   leave the group without a secretariat, and audits every change. A membership that has begun is
//   history (past minutes keep their participant lists): it is ended, not deleted. Only one that has
//   not begun yet, or one meeting's guest access, may still be deleted. A former member may join
//   again (a new period, a membership of its own): only one period without an end is unique now.
// - users: the group's secretariat sees the people who were ever in the group (former members and
//   guests of past meetings), for "Tidligere medlemmer" and the group's history. Everyone else sees
//   people as before (1796000000).

migrate(
	(app) => {
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		const members = (group) => `${group}.memberships_via_group`;
		const secretariatOf = (group) =>
			`@request.auth.id != "" && ${members(group)}.user ?= @request.auth.id && ${active(members(group))} && ` +
			`${members(group)}.meeting ?= "" && ${members(group)}.role ?= "secretariat"`;

		const memberships = app.findCollectionByNameOrId('memberships');
		memberships.createRule =
			`${secretariatOf('@request.body.group')} && ` +
			'(@request.body.meeting = "" || @request.body.meeting.group = @request.body.group)';
		memberships.updateRule =
			`${secretariatOf('group')} && @request.body.group:changed = false && @request.body.user:changed = false && ` +
			'@request.body.meeting:changed = false';
		memberships.deleteRule = `${secretariatOf('group')} && (meeting != "" || (starts != "" && starts > @now))`;
		// A former member may join again: every period is a membership of its own, at most one of them
		// without an end; the hooks refuse periods that overlap.
		memberships.removeIndex('idx_memberships_unique');
		memberships.addIndex('idx_memberships_unique', true, '`user`, `group`, meeting', "ends = ''");
		memberships.addIndex('idx_memberships_user_group', false, '`user`, `group`', '');
		app.save(memberships);

		// The person's memberships (theirs) joined to the viewer's memberships of the same group (mine):
		// all conditions on one path describe one joined row. The first part is 1796000000's rule.
		const leader = (alias) =>
			`(${alias}.role ?= "secretariat" || ${alias}.role ?= "chair" || ${alias}.role ?= "co_chair")`;
		const theirs = 'memberships_via_user';
		const mine = 'memberships_via_user.group.memberships_via_group';
		const users = app.findCollectionByNameOrId('users');
		users.viewRule =
			`id = @request.auth.id || (@request.auth.id != "" && ${mine}.user ?= @request.auth.id && ` +
			`${active(mine)} && ${active(theirs)} && (` +
			`(${mine}.meeting ?= "" && (${theirs}.meeting ?= "" || ${theirs}.meeting.status ?= "minutes_published" || ${leader(mine)}))` +
			` || (${theirs}.meeting ?= "" && ${theirs}.role ?!= "guest" && ${mine}.meeting.ends ?> @now)` +
			')) || ' +
			// the group's secretariat: everyone who was ever in the group, whether their membership ended or not
			`(@request.auth.id != "" && ${mine}.user ?= @request.auth.id && ${active(mine)} && ${mine}.meeting ?= "" && ` +
			`${mine}.role ?= "secretariat")`;
		app.save(users);
	},
	(app) => {
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		const members = (group) => (group === 'id' ? 'memberships_via_group' : `${group}.memberships_via_group`);
		const activeMember = (group) =>
			`@request.auth.id != "" && ${members(group)}.user ?= @request.auth.id && ${active(members(group))}`;
		const secretariatOf = (group) =>
			`${activeMember(group)} && ${members(group)}.meeting ?= "" && ${members(group)}.role ?= "secretariat"`;

		// As the core migration wrote them; of a person's several periods in a group the latest stays.
		app
			.db()
			.newQuery(
				'DELETE FROM memberships WHERE rowid NOT IN (SELECT MAX(rowid) FROM memberships GROUP BY `user`, `group`, meeting)'
			)
			.execute();
		const memberships = app.findCollectionByNameOrId('memberships');
		memberships.removeIndex('idx_memberships_user_group');
		memberships.removeIndex('idx_memberships_unique');
		memberships.addIndex('idx_memberships_unique', true, '`user`, `group`, meeting', '');
		memberships.createRule =
			`${secretariatOf('@request.body.group')} && @request.body.role != "secretariat" && ` +
			'(@request.body.meeting = "" || @request.body.meeting.group = @request.body.group)';
		memberships.updateRule =
			`${secretariatOf('group')} && role != "secretariat" && @request.body.role != "secretariat" && ` +
			'@request.body.group:changed = false && @request.body.user:changed = false && ' +
			'@request.body.meeting:changed = false';
		memberships.deleteRule = `${secretariatOf('group')} && role != "secretariat"`;
		app.save(memberships);

		// As 1796000000 wrote it.
		const leader = (alias) =>
			`(${alias}.role ?= "secretariat" || ${alias}.role ?= "chair" || ${alias}.role ?= "co_chair")`;
		const theirs = 'memberships_via_user';
		const mine = 'memberships_via_user.group.memberships_via_group';
		const users = app.findCollectionByNameOrId('users');
		users.viewRule =
			`id = @request.auth.id || (@request.auth.id != "" && ${mine}.user ?= @request.auth.id && ` +
			`${active(mine)} && ${active(theirs)} && (` +
			`(${mine}.meeting ?= "" && (${theirs}.meeting ?= "" || ${theirs}.meeting.status ?= "minutes_published" || ${leader(mine)}))` +
			` || (${theirs}.meeting ?= "" && ${theirs}.role ?!= "guest" && ${mine}.meeting.ends ?> @now)` +
			'))';
		app.save(users);
	}
);
