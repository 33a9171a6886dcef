// Starts the whole app on one machine: the mail catcher (unless a real SMTP server is configured),
// PocketBase on its data directory (on 127.0.0.1: only the app talks to it), the demo data, and the
// built SvelteKit server in front. Used by `npm start`, the end-to-end tests and the benchmarks.
// With `seed: false` (a production start) there is no demo data and no mail catcher: mail goes to
// SMTP_HOST, which is then required, so that no login code is ever printed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { startMailCatcher } from './mail-catcher.mjs';
import { ensurePocketBase, ROOT, startPocketBase, stopProcess, upsertSuperuser } from './pocketbase.mjs';
import { DEMO_PASSWORD, seedDemo } from './seed.mjs';
import { vapidConfig } from './vapid.mjs';

/** The superuser's password: from PB_ADMIN_PASSWORD, else made once and kept in the data directory. */
function adminPassword(/** @type {string} */ dataDir) {
	if (process.env.PB_ADMIN_PASSWORD) return process.env.PB_ADMIN_PASSWORD;
	const file = join(dataDir, '.admin-password');
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	const password = randomBytes(16).toString('hex');
	writeFileSync(file, password, { mode: 0o600 });
	return password;
}

/**
 * The reminder engine's own superuser (it plans and dispatches for everyone inside the app server):
 * ENGINE_PB_EMAIL / ENGINE_PB_PASSWORD, else engine@klyngeportal.local with a password made once and
 * kept in the data directory.
 */
function engineCredentials(/** @type {string} */ dataDir) {
	const email = process.env.ENGINE_PB_EMAIL || 'engine@klyngeportal.local';
	if (process.env.ENGINE_PB_PASSWORD) return { email, password: process.env.ENGINE_PB_PASSWORD };
	const file = join(dataDir, '.engine-password');
	if (existsSync(file)) return { email, password: readFileSync(file, 'utf8').trim() };
	const password = randomBytes(16).toString('hex');
	writeFileSync(file, password, { mode: 0o600 });
	return { email, password };
}

async function waitFor(/** @type {string} */ url, /** @type {() => boolean} */ alive, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!alive()) throw new Error(`process serving ${url} exited`);
		try {
			const res = await fetch(url, { redirect: 'manual' });
			if (res.status < 500) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	throw new Error(`${url} did not answer in time`);
}

/**
 * @param {{
 *   dataDir: string, appPort: number, pbPort: number, smtpPort?: number, inboxPort?: number,
 *   seed?: boolean, quiet?: boolean, dev?: boolean, log?: (line: string) => void, now?: Date,
 *   rateLimits?: boolean, exemptLoopback?: boolean, extraCaFile?: string, reminderIntervalMs?: number,
 *   reminders?: boolean, pushOrigins?: string[]
 * }} opts
 */
export async function startStack({
	dataDir,
	appPort,
	pbPort,
	smtpPort = 2525,
	inboxPort = 8025,
	seed = true,
	quiet = true,
	dev = false,
	log = console.log,
	now,
	rateLimits = true,
	exemptLoopback = false,
	extraCaFile,
	reminderIntervalMs,
	reminders = true,
	pushOrigins = []
}) {
	/** @type {(() => Promise<unknown> | unknown)[]} */
	const stops = [];
	const stop = async () => {
		for (const fn of stops.reverse()) await fn();
	};
	try {
		const bin = await ensurePocketBase({ log });
		mkdirSync(dataDir, { recursive: true });
		const adminEmail = process.env.PB_ADMIN_EMAIL || 'admin@klyngeportal.local';
		const password = adminPassword(dataDir);
		upsertSuperuser(bin, dataDir, adminEmail, password);
		const engine = engineCredentials(dataDir);
		if (engine.email === adminEmail)
			throw new Error('ENGINE_PB_EMAIL must differ from the administrator (PB_ADMIN_EMAIL).');
		upsertSuperuser(bin, dataDir, engine.email, engine.password);
		const vapid = vapidConfig(dataDir, adminEmail);
		if (vapid.source === 'new') log(`VAPID keys made and kept in ${join(dataDir, '.vapid.json')}`);

		const appUrl = process.env.APP_URL || `http://localhost:${appPort}`;
		/** @type {Record<string, string>} */
		const pbEnv = { APP_URL: appUrl };
		// PocketBase's login rate limits stay on unless a benchmark asks otherwise.
		if (!rateLimits) pbEnv.RATE_LIMITS = 'off';
		// The end-to-end tests: PocketBase's limits spare this machine's own address.
		if (exemptLoopback) pbEnv.RATE_LIMIT_EXCLUDED_IPS = '127.0.0.1,::1,::ffff:127.0.0.1';
		// Push services besides the browsers' own that devices may subscribe with (a test push service).
		const allowed = [...pushOrigins, ...(process.env.PUSH_ALLOWED_ORIGINS ?? '').split(',')].filter(Boolean);
		if (allowed.length) pbEnv.PUSH_ALLOWED_ORIGINS = allowed.join(',');
		/** @type {Awaited<ReturnType<typeof startMailCatcher>> | null} */
		let catcher = null;
		if (!process.env.SMTP_HOST) {
			if (!seed) throw new Error('SMTP_HOST is required without demo data: login codes must go by e-mail.');
			catcher = await startMailCatcher({ smtpPort, httpPort: inboxPort, log: (line) => log(`[mail] ${line}`) });
			stops.push(() => catcher?.close());
			Object.assign(pbEnv, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_TLS: 'false' });
		}

		const pocketbase = await startPocketBase({ bin, dataDir, port: pbPort, env: pbEnv, dev, quiet });
		stops.push(() => stopProcess(pocketbase.child));

		/** @type {{ who: string, email: string, role: string }[]} */
		let logins = [];
		if (seed) {
			const result = await seedDemo({ pbUrl: pocketbase.url, email: adminEmail, password, now, log });
			logins = result.demoLogins;
			await demoteDemoSuperusers(pocketbase.url, adminEmail, password, logins);
		}

		// In development Vite serves the app (with hot reload) instead of the built server.
		const command = dev
			? [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'dev', '--port', String(appPort), '--strictPort']
			: [join(ROOT, 'scripts', 'serve.mjs')];
		const app = spawn(process.execPath, command, {
			cwd: ROOT,
			env: {
				...process.env,
				PORT: String(appPort),
				// adapter-node checks form posts against this origin (CSRF); it must be the address people open.
				ORIGIN: appUrl,
				PB_URL: pocketbase.url,
				DEMO_INBOX_URL: catcher ? catcher.inboxUrl : '',
				APP_URL: appUrl,
				// The reminder engine: its superuser and the keys that sign its pushes (never printed).
				ENGINE_PB_EMAIL: engine.email,
				ENGINE_PB_PASSWORD: engine.password,
				VAPID_PUBLIC_KEY: vapid.publicKey,
				VAPID_PRIVATE_KEY: vapid.privateKey,
				VAPID_SUBJECT: vapid.subject,
				BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '30M',
				// The login form's own limits (src/lib/server/login-attempts.ts) follow PocketBase's.
				...(rateLimits ? {} : { RATE_LIMITS: 'off' }),
				// A test push service's self-signed certificate: the reminder engine's pushes trust it.
				...(extraCaFile ? { NODE_EXTRA_CA_CERTS: extraCaFile } : {}),
				...(reminderIntervalMs ? { REMINDER_INTERVAL_MS: String(reminderIntervalMs) } : {}),
				...(reminders ? {} : { REMINDERS: 'off' })
			},
			stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit']
		});
		stops.push(() => stopProcess(app));
		const url = `http://localhost:${appPort}`;
		await waitFor(`${url}/login`, () => app.exitCode === null);

		return {
			url,
			pbUrl: pocketbase.url,
			inboxUrl: catcher?.inboxUrl ?? null,
			catcher,
			admin: {
				email: adminEmail,
				password,
				passwordFile: process.env.PB_ADMIN_PASSWORD ? null : join(dataDir, '.admin-password')
			},
			logins,
			demoPassword: DEMO_PASSWORD,
			engine,
			vapidPublicKey: vapid.publicKey,
			app,
			pocketbase,
			stop
		};
	} catch (err) {
		await stop();
		throw err;
	}
}

/**
 * Earlier versions made the demo secretariat a superuser with the demo password. No demo person may
 * be one: such accounts are removed from an existing data directory.
 * @param {string} pbUrl @param {string} adminEmail @param {string} adminPassword
 * @param {{ email: string }[]} logins
 */
async function demoteDemoSuperusers(pbUrl, adminEmail, adminPassword, logins) {
	const pb = new PocketBase(pbUrl);
	await pb.collection('_superusers').authWithPassword(adminEmail, adminPassword);
	const superusers = await pb.collection('_superusers').getFullList({ fields: 'id,email' });
	const demo = new Set(logins.map((l) => l.email));
	for (const s of superusers) {
		if (demo.has(s.email) && s.email !== adminEmail) await pb.collection('_superusers').delete(s.id);
	}
}
