// Settings that differ per machine come from environment variables, never from migrations.
module.exports = {
	applyEnvironment: (app) => {
		const env = (name) => $os.getenv(name);
		const settings = app.settings();
		if (env('APP_URL')) settings.meta.appURL = env('APP_URL');
		if (env('MAIL_FROM')) settings.meta.senderAddress = env('MAIL_FROM');
		if (env('MAIL_FROM_NAME')) settings.meta.senderName = env('MAIL_FROM_NAME');
		if (env('SMTP_HOST')) {
			settings.smtp.enabled = true;
			settings.smtp.host = env('SMTP_HOST');
			settings.smtp.port = parseInt(env('SMTP_PORT') || '587', 10);
			settings.smtp.username = env('SMTP_USER');
			settings.smtp.password = env('SMTP_PASSWORD');
			settings.smtp.tls = env('SMTP_TLS') === 'true';
			settings.smtp.authMethod = env('SMTP_AUTH_METHOD') || 'PLAIN';
		}
		// Tests and benchmarks log in far more often than people do.
		if (env('RATE_LIMITS') === 'off') settings.rateLimits.enabled = false;
		// The end-to-end tests log in from this machine dozens of times a minute; their own
		// addresses are exempt, while the login limits are still tested with other addresses.
		if (env('RATE_LIMIT_EXCLUDED_IPS')) settings.rateLimits.excludedIPs = env('RATE_LIMIT_EXCLUDED_IPS').split(',');
		app.save(settings);
	}
};
