/// <reference path="../pb_data/types.d.ts" />
// Applies the environment (SMTP server, public URL, sender, RATE_LIMITS=off) on every boot.

onBootstrap((e) => {
	e.next();
	require(`${__hooks}/lib/settings.js`).applyEnvironment(e.app);
});
