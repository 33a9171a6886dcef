/// <reference path="../pb_data/types.d.ts" />
// The app server checks the visitor's login once per request (pb_hooks/sessions.pb.js), passing the
// visitor's address on; like the login routes, those checks are limited per address and minute.
// Each page, form post, file and live feed is one check, so the limit leaves room for a hospital's
// shared address while a flood of guessed tokens or session ids is cut off.

const RULE = { label: '/api/klynge/sessions/', audience: '', duration: 60, maxRequests: 600 };

migrate(
	(app) => {
		const settings = app.settings();
		settings.rateLimits.rules = [...settings.rateLimits.rules.filter((r) => r.label !== RULE.label), RULE];
		app.save(settings);
	},
	(app) => {
		const settings = app.settings();
		settings.rateLimits.rules = settings.rateLimits.rules.filter((r) => r.label !== RULE.label);
		app.save(settings);
	}
);
