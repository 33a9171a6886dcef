/// <reference path="../pb_data/types.d.ts" />
// A call's `decision` is checked like its `meeting` and `item`: it must be a decision of the call's
// own group. Before, the create and update rules of 1796003000_create_nomination_calls.js checked
// the meeting and the item but let a secretariat tie its call to any decision id, also another
// group's (found by tests/integration/nominations-attacks.test.ts).

migrate(
	(app) => {
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		const ordinaryMember = (group, roles) => {
			const m = `${group}.memberships_via_group`;
			const roleTest = roles
				? ` && (${roles.map((r) => `${m}.role ?= "${r}"`).join(' || ')})`
				: ` && ${m}.role ?!= "guest"`;
			return `@request.auth.id != "" && ${m}.user ?= @request.auth.id && ${m}.meeting ?= "" && ${active(m)}${roleTest}`;
		};
		const secretariatOf = (group) => ordinaryMember(group, ['secretariat']);

		const calls = app.findCollectionByNameOrId('nomination_calls');
		calls.createRule =
			`${secretariatOf('@request.body.group')} && @request.body.created_by:isset = false && ` +
			'(@request.body.meeting = "" || @request.body.meeting.group = @request.body.group) && ' +
			'(@request.body.item = "" || @request.body.item.meeting.group = @request.body.group) && ' +
			'(@request.body.decision = "" || @request.body.decision.item.meeting.group = @request.body.group)';
		calls.updateRule =
			`${secretariatOf('group')} && @request.body.group:changed = false && @request.body.created_by:changed = false && ` +
			'(@request.body.meeting:changed = false || @request.body.meeting = "" || @request.body.meeting.group = group) && ' +
			'(@request.body.item:changed = false || @request.body.item = "" || @request.body.item.meeting.group = group) && ' +
			'(@request.body.decision:changed = false || @request.body.decision = "" || @request.body.decision.item.meeting.group = group)';
		app.save(calls);
	},
	(app) => {
		// As 1796003000_create_nomination_calls.js wrote them.
		const active = (alias) =>
			`(${alias}.starts ?= "" || ${alias}.starts ?<= @now) && (${alias}.ends ?= "" || ${alias}.ends ?> @now)`;
		const ordinaryMember = (group, roles) => {
			const m = `${group}.memberships_via_group`;
			const roleTest = roles
				? ` && (${roles.map((r) => `${m}.role ?= "${r}"`).join(' || ')})`
				: ` && ${m}.role ?!= "guest"`;
			return `@request.auth.id != "" && ${m}.user ?= @request.auth.id && ${m}.meeting ?= "" && ${active(m)}${roleTest}`;
		};
		const secretariatOf = (group) => ordinaryMember(group, ['secretariat']);

		const calls = app.findCollectionByNameOrId('nomination_calls');
		calls.createRule =
			`${secretariatOf('@request.body.group')} && @request.body.created_by:isset = false && ` +
			'(@request.body.meeting = "" || @request.body.meeting.group = @request.body.group) && ' +
			'(@request.body.item = "" || @request.body.item.meeting.group = @request.body.group)';
		calls.updateRule =
			`${secretariatOf('group')} && @request.body.group:changed = false && @request.body.created_by:changed = false && ` +
			'(@request.body.meeting:changed = false || @request.body.meeting = "" || @request.body.meeting.group = group) && ' +
			'(@request.body.item:changed = false || @request.body.item = "" || @request.body.item.meeting.group = group)';
		app.save(calls);
	}
);
