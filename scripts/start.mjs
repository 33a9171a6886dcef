#!/usr/bin/env node
// `npm start`: builds the app when its sources changed, then runs PocketBase (data in ./pb_data or
// PB_DATA), the demo data, the mail catcher and the app on http://localhost:PORT (3000).
// `DEMO=off npm start` is the production start: no demo data, no mail catcher (SMTP_HOST required),
// and nothing secret printed. Ctrl-C stops everything it started.
import { join } from 'node:path';
import { ROOT } from './lib/pocketbase.mjs';
import { startStack } from './lib/stack.mjs';
import { buildIfStale } from './lib/build.mjs';

const dev = process.argv.includes('--dev');
const demo = process.env.DEMO !== 'off';
try {
	if (!dev) buildIfStale();
	const appPort = Number(process.env.PORT ?? 3000);
	const stack = await startStack({
		dataDir: process.env.PB_DATA ?? join(ROOT, 'pb_data'),
		appPort,
		pbPort: Number(process.env.PB_PORT ?? 8090),
		smtpPort: Number(process.env.MAIL_SMTP_PORT ?? 2525),
		inboxPort: Number(process.env.MAIL_INBOX_PORT ?? 8025),
		quiet: false,
		seed: demo,
		dev
	});
	const admin = stack.admin.passwordFile
		? `${stack.admin.email} (adgangskoden står i ${stack.admin.passwordFile})`
		: `${stack.admin.email} (adgangskoden fra PB_ADMIN_PASSWORD)`;
	const lines = [
		'',
		`Klyngeportal kører på ${stack.url}`,
		// The dashboard is on PocketBase's own port, reachable from this machine only (see README).
		`PocketBase-dashboard (kun fra denne maskine): ${stack.pbUrl}/_/, administrator ${admin}`,
		...(demo
			? [
					stack.inboxUrl ? `Demo-indbakke (koder til login): ${stack.inboxUrl}` : 'E-mail sendes via SMTP_HOST.',
					'',
					'Demo-logins (kode pr. e-mail, eller adgangskode ' + stack.demoPassword + '):',
					...stack.logins.map((l) => `  ${l.email.padEnd(40)} ${l.who}`)
				]
			: ['Produktionsstart: ingen demodata; e-mail sendes via SMTP_HOST.']),
		'',
		'Stop med Ctrl-C.'
	];
	console.log(lines.join('\n'));
	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopper …');
		await stack.stop();
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	stack.app.on('exit', (code) => {
		if (!stopping) {
			console.error(`The app server stopped (${code}).`);
			void shutdown();
		}
	});
} catch (err) {
	console.error(/** @type {Error} */ (err).message);
	process.exit(1);
}
