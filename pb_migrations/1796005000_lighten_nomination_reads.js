/// <reference path="../pb_data/types.d.ts" />
// Two reads of the nomination calls that grew with the country (measured by `npm run bench -- --scale`,
// 2,100 calls and 31,000 nominations):
//
// 1. Listing calls took ~450 ms: the read rule joined each call to its group's memberships AND to
//    its nominations (to let a nominee read the calls they are named in), so every call row was
//    multiplied by both. The nominee clause now starts from the reader
//    (`@request.auth.nominations_via_nominee_user`), a handful of rows found by index.
// 2. `nomination_tallies` grouped every nomination of every call whenever it was expanded from a
//    call (~25 ms; SQLite cannot push the call's id into a grouped view inside PocketBase's
//    query). It is now a plain projection — one row per answer, with the call, organisation, forum
//    and kind, and nothing about the person — which SQLite flattens and reads by the call's index.
//    The app counts the rows (src/lib/nominations.ts, `tally`).

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
		const callReader = (call, callId) =>
			`(${secretariatOf(`${call}group`)}) || (${call}status != "draft" && (` +
			`(${ordinaryMember(`${call}group`)}) || ` +
			`(@request.auth.id != "" && @request.auth.nominations_via_nominee_user.call ?= ${callId})))`;

		const calls = app.findCollectionByNameOrId('nomination_calls');
		calls.listRule = callReader('', 'id');
		calls.viewRule = calls.listRule;
		app.save(calls);

		const fora = app.findCollectionByNameOrId('nomination_fora');
		fora.listRule = callReader('call.', 'call');
		fora.viewRule = fora.listRule;
		app.save(fora);

		const tallies = app.findCollectionByNameOrId('nomination_tallies');
		tallies.viewQuery =
			'SELECT n.id AS id, n.call AS call, n.organization AS organization, n.forum AS forum, n.kind AS kind FROM nominations n';
		app.save(tallies);
	},
	(app) => {
		// As 1796004000_tighten_nomination_rules.js and 1796003000_create_nomination_calls.js left them.
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

		const tallies = app.findCollectionByNameOrId('nomination_tallies');
		tallies.viewQuery =
			"SELECT (n.call || '_' || n.organization || '_' || COALESCE(n.forum, '')) AS id, n.call AS call, " +
			'n.organization AS organization, n.forum AS forum, ' +
			"COUNT(CASE WHEN n.kind = 'nominee' THEN 1 END) AS named, " +
			"COUNT(CASE WHEN n.kind = 'none' THEN 1 END) AS none " +
			'FROM nominations n GROUP BY n.call, n.organization, n.forum';
		app.save(tallies);
	}
);
