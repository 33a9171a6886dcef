/// <reference path="../pb_data/types.d.ts" />
// Two changes to the rules of 1796003000_create_nomination_calls.js:
//
// 1. An anonymous visitor read calls, fora and nominations: `nominee_user = @request.auth.id` is
//    true for a visitor ("" = "") on every nomination of a person without an account, and
//    `nominations_via_call.nominee_user ?= @request.auth.id` on every call with such a nomination
//    or with none at all. The nominee clauses now require a signed-in user.
// 2. A member who nominates for another organisation is refused by pb_hooks/nominations.pb.js with
//    a Danish message beside `organization`, instead of by the create rule with PocketBase's
//    generic "Failed to create record". The create rule keeps the fence around who (the group's
//    secretariat, or its members, chairs and co-chairs); the hook, which runs after the rule on
//    every API create, checks that a member writes for their own organisation.

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
		const nominatorOf = (group) => ordinaryMember(group, ['member', 'chair', 'co_chair', 'secretariat']);
		const callReader = (call) =>
			`(${secretariatOf(`${call}group`)}) || (${call}status != "draft" && (` +
			`(${ordinaryMember(`${call}group`)}) || ` +
			`(@request.auth.id != "" && ${call}nominations_via_call.nominee_user ?= @request.auth.id)))`;

		const calls = app.findCollectionByNameOrId('nomination_calls');
		calls.listRule = callReader('');
		calls.viewRule = calls.listRule;
		app.save(calls);

		const fora = app.findCollectionByNameOrId('nomination_fora');
		fora.listRule = callReader('call.');
		fora.viewRule = fora.listRule;
		app.save(fora);

		const nominations = app.findCollectionByNameOrId('nominations');
		nominations.viewRule =
			`(@request.auth.id != "" && nominee_user = @request.auth.id) || (${secretariatOf('call.group')}) || ` +
			`(call.status != "draft" && organization = @request.auth.organization && ${ordinaryMember('call.group')})`;
		nominations.createRule =
			`@request.body.response:isset = false && @request.body.responded_at:isset = false && (` +
			`(${secretariatOf('@request.body.call.group')}) || (${nominatorOf('@request.body.call.group')})` +
			')';
		app.save(nominations);
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
		const nominatorOf = (group) => ordinaryMember(group, ['member', 'chair', 'co_chair', 'secretariat']);
		const callReader = (call) =>
			`(${secretariatOf(`${call}group`)}) || (${call}status != "draft" && (` +
			`(${ordinaryMember(`${call}group`)}) || ${call}nominations_via_call.nominee_user ?= @request.auth.id))`;

		const calls = app.findCollectionByNameOrId('nomination_calls');
		calls.listRule = callReader('');
		calls.viewRule = calls.listRule;
		app.save(calls);

		const fora = app.findCollectionByNameOrId('nomination_fora');
		fora.listRule = callReader('call.');
		fora.viewRule = fora.listRule;
		app.save(fora);

		const nominations = app.findCollectionByNameOrId('nominations');
		nominations.viewRule =
			`nominee_user = @request.auth.id || (${secretariatOf('call.group')}) || ` +
			`(call.status != "draft" && organization = @request.auth.organization && ${ordinaryMember('call.group')})`;
		nominations.createRule =
			`@request.body.response:isset = false && @request.body.responded_at:isset = false && (` +
			`(${secretariatOf('@request.body.call.group')}) || ` +
			`(@request.body.organization = @request.auth.organization && ${nominatorOf('@request.body.call.group')})` +
			')';
		app.save(nominations);
	}
);
