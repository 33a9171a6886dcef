/// <reference path="../pb_data/types.d.ts" />
// Closes the filter side channel (notes/pocketbase-0.40.md §11) at the level of the rules:
//
// - PocketBase refuses a client filter or sort that crosses into a collection whose list rule is
//   null (core/record_field_resolver.go, registerJoin), in the main join and so in the "match-all"
//   subquery built on the same path. Every collection that holds what some readers may not see and
//   that the app reads only by id or as an expand (whose access is the view rule) is therefore
//   closed for listing: people, organisations, the Referat, decisions, follow-ups, guests, answers
//   and the audit log. No filter path from a visible record reaches them any more, whatever the
//   operator. (pb_hooks/filter-guard.pb.js also refuses every filter or sort that leaves the listed
//   collection, for the collections that stay listable.)
// - A user may change only their own profile fields (pb_hooks/users.pb.js holds the allow-list);
//   `emailVisibility` is off for everyone and locked.
// - A guest of one meeting sees the group's members only until that meeting ends, and nobody else's
//   guest membership. Members see a substitute's guest membership and account only once that
//   meeting's minutes are published (before that it would reveal the absent member's answer); the
//   group's secretariat and chairs see them at once.

migrate(
	(app) => {
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		const leader = (alias) =>
			`(${alias}.role ?= "secretariat" || ${alias}.role ?= "chair" || ${alias}.role ?= "co_chair")`;

		// The viewer's own memberships of the record's group (an indexed back-relation join; all
		// conditions on the path describe one membership).
		const V = 'group.memberships_via_group';
		const memberships = app.findCollectionByNameOrId('memberships');
		memberships.listRule =
			`user = @request.auth.id || (@request.auth.id != "" && ${V}.user ?= @request.auth.id && ${active(V)} && (` +
			// an ordinary member: ordinary memberships; a meeting's guests once its minutes are published
			`(${V}.meeting ?= "" && (meeting = "" || meeting.status = "minutes_published" || ${leader(V)}))` +
			// a guest of a meeting that has not ended: the group's ordinary memberships
			' || (meeting = "" && role != "guest" && (starts = "" || starts <= @now) && (ends = "" || ends > @now) && ' +
			`${V}.meeting.ends ?> @now)` +
			'))';
		memberships.viewRule = memberships.listRule;
		app.save(memberships);

		// The same for people, walking from the person's memberships (theirs) to the viewer's (mine).
		const theirs = 'memberships_via_user';
		const mine = 'memberships_via_user.group.memberships_via_group';
		const users = app.findCollectionByNameOrId('users');
		users.listRule = null;
		users.viewRule =
			`id = @request.auth.id || (@request.auth.id != "" && ${mine}.user ?= @request.auth.id && ` +
			`${active(mine)} && ${active(theirs)} && (` +
			`(${mine}.meeting ?= "" && (${theirs}.meeting ?= "" || ${theirs}.meeting.status ?= "minutes_published" || ${leader(mine)}))` +
			` || (${theirs}.meeting ?= "" && ${theirs}.role ?!= "guest" && ${mine}.meeting.ends ?> @now)` +
			'))';
		users.updateRule =
			'id = @request.auth.id && @request.body.organization:isset = false && @request.body.verified:isset = false && ' +
			'@request.body.emailVisibility:isset = false && @request.body.email:isset = false';
		app.save(users);
		app.db().newQuery('UPDATE users SET emailVisibility = FALSE').execute();

		for (const name of [
			'organizations',
			'item_minutes',
			'decisions',
			'follow_ups',
			'meeting_guests',
			'attendance',
			'audit_log'
		]) {
			const collection = app.findCollectionByNameOrId(name);
			collection.listRule = null;
			app.save(collection);
		}
	},
	(app) => {
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		const memberships = app.findCollectionByNameOrId('memberships');
		memberships.listRule =
			'user = @request.auth.id || (@request.auth.id != "" && group.memberships_via_group.user ?= @request.auth.id && ' +
			`${active('group.memberships_via_group')})`;
		memberships.viewRule = memberships.listRule;
		app.save(memberships);

		const theirs = 'memberships_via_user';
		const mine = 'memberships_via_user.group.memberships_via_group';
		const users = app.findCollectionByNameOrId('users');
		users.listRule = `id = @request.auth.id || (@request.auth.id != "" && ${mine}.user ?= @request.auth.id && ${active(mine)} && ${active(theirs)})`;
		users.viewRule = users.listRule;
		users.updateRule =
			'id = @request.auth.id && @request.body.organization:isset = false && @request.body.verified:isset = false';
		app.save(users);

		// The list rules as they were: each equal to the collection's view rule.
		for (const name of ['item_minutes', 'decisions', 'follow_ups', 'meeting_guests', 'attendance', 'audit_log']) {
			const collection = app.findCollectionByNameOrId(name);
			collection.listRule = collection.viewRule;
			app.save(collection);
		}
		const organizations = app.findCollectionByNameOrId('organizations');
		organizations.listRule = '@request.auth.id != ""';
		app.save(organizations);
	}
);
