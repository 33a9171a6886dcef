/// <reference path="../pb_data/types.d.ts" />
// Application name, sender, client addresses and login rate limits. The SMTP server and public URL
// come from the environment at every boot (pb_hooks/settings.pb.js), so no secret is ever stored in
// a migration.

migrate(
	(app) => {
		const settings = app.settings();
		settings.meta.appName = 'Klyngeportal';
		settings.meta.senderName = 'Klyngeportal';
		settings.meta.senderAddress = 'no-reply@klyngeportal.local';
		settings.batch.enabled = true;
		settings.logs.maxDays = 14;
		// PocketBase listens on 127.0.0.1 only; the app server in front sets X-Forwarded-For to the
		// visitor's address, so the limits below count per visitor, not per app server.
		settings.trustedProxy.headers = ['X-Forwarded-For'];
		settings.trustedProxy.useLeftmostIP = false;
		// Per address and minute. Generous enough for a hospital's shared address, tight enough that
		// guessing a 6-digit code (5 tries per code) or a password gets nowhere.
		// RATE_LIMITS=off (tests, benchmarks) is honoured here too: on a new data directory `serve`
		// applies this migration after the onBootstrap hook has applied the environment.
		settings.rateLimits.enabled = $os.getenv('RATE_LIMITS') !== 'off';
		settings.rateLimits.rules = [
			{ label: '*:requestOTP', audience: '', duration: 60, maxRequests: 20 },
			{ label: '*:authWithOTP', audience: '', duration: 60, maxRequests: 30 },
			{ label: '*:authWithPassword', audience: '', duration: 60, maxRequests: 30 }
		];
		app.save(settings);
	},
	(app) => {
		const settings = app.settings();
		settings.meta.appName = 'Acme';
		settings.meta.senderName = 'Support';
		settings.meta.senderAddress = 'support@example.com';
		settings.batch.enabled = false;
		settings.logs.maxDays = 5;
		settings.trustedProxy.headers = [];
		settings.rateLimits.enabled = false;
		settings.rateLimits.rules = [
			{ label: '*:auth', audience: '', duration: 3, maxRequests: 2 },
			{ label: '*:create', audience: '', duration: 5, maxRequests: 20 },
			{ label: '/api/batch', audience: '', duration: 1, maxRequests: 3 },
			{ label: '/api/', audience: '', duration: 10, maxRequests: 300 }
		];
		app.save(settings);
	}
);
