/// <reference path="../pb_data/types.d.ts" />
// Application name and sender; the SMTP server and public URL come from the environment at every
// boot (pb_hooks/settings.pb.js), so no secret is ever stored in a migration.

migrate(
	(app) => {
		const settings = app.settings();
		settings.meta.appName = 'Klyngeportal';
		settings.meta.senderName = 'Klyngeportal';
		settings.meta.senderAddress = 'no-reply@klyngeportal.local';
		settings.batch.enabled = true;
		settings.logs.maxDays = 14;
		app.save(settings);
	},
	(app) => {
		const settings = app.settings();
		settings.meta.appName = 'Acme';
		settings.meta.senderName = 'Support';
		settings.meta.senderAddress = 'support@example.com';
		settings.batch.enabled = false;
		settings.logs.maxDays = 5;
		app.save(settings);
	}
);
