// Starts a real PocketBase for one test file: built from pb_migrations/ and pb_hooks/ on a fresh
// temporary data directory, on a free port, with a superuser client for arranging data.
import PocketBase from 'pocketbase';
import { startMailCatcher } from '../../scripts/lib/mail-catcher.mjs';
import {
	ensurePocketBase,
	freePort,
	startPocketBase,
	stopProcess,
	tempDataDir,
	upsertSuperuser
} from '../../scripts/lib/pocketbase.mjs';

export { freePort };

export interface TestPocketBase {
	/** Base URL of the running server, e.g. http://127.0.0.1:41234. */
	url: string;
	/** A client authenticated as the superuser; rules do not apply to it. */
	admin: PocketBase;
	/** Stops the server and removes its data directory. */
	stop: () => Promise<void>;
}

export const ADMIN_EMAIL = 'admin@test.klyngeportal.local';
export const ADMIN_PASSWORD = 'test-superuser-password';

/** Another process may take the port between our probe and PocketBase's bind: try again then. */
async function startOnFreePort(
	bin: string,
	dataDir: string,
	env: Record<string, string>,
	hooksDir?: string,
	attempts = 3
) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await startPocketBase({ bin, dataDir, port: await freePort(), env, hooksDir });
		} catch (err) {
			if (attempt >= attempts || !/address already in use/i.test(String(err))) throw err;
		}
	}
}

/**
 * Starts PocketBase on a temporary directory; call `stop()` in afterAll. Login rate limits are off
 * (the rule tests log in hundreds of times from one address) unless `rateLimits` is set.
 */
export async function startTestPocketBase({
	rateLimits = false,
	env = {},
	hooksDir
}: { rateLimits?: boolean; env?: Record<string, string>; hooksDir?: string } = {}): Promise<TestPocketBase> {
	const bin = await ensurePocketBase();
	const data = tempDataDir('klyngeportal-test-pb-');
	try {
		upsertSuperuser(bin, data.dir, ADMIN_EMAIL, ADMIN_PASSWORD);
		const server = await startOnFreePort(
			bin,
			data.dir,
			{ ...env, ...(rateLimits ? {} : { RATE_LIMITS: 'off' }) },
			hooksDir
		);
		const stop = async () => {
			await stopProcess(server.child);
			data.remove();
		};
		const admin = new PocketBase(server.url);
		admin.autoCancellation(false);
		try {
			await admin.collection('_superusers').authWithPassword(ADMIN_EMAIL, ADMIN_PASSWORD);
		} catch (err) {
			await stop();
			throw err;
		}
		return { url: server.url, admin, stop };
	} catch (err) {
		data.remove();
		throw err;
	}
}

/**
 * A test PocketBase that mails through a local SMTP catcher (`catcher.messages`), with the app's
 * public address set to https://klyngeportal.test for the links in those mails.
 */
export async function startTestPocketBaseWithMail({ env = {} }: { env?: Record<string, string> } = {}) {
	const [smtpPort, httpPort] = [await freePort(), await freePort()];
	const catcher = await startMailCatcher({ smtpPort, httpPort });
	try {
		const server = await startTestPocketBase({
			env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), APP_URL: 'https://klyngeportal.test', ...env }
		});
		return { server, catcher };
	} catch (err) {
		await catcher.close();
		throw err;
	}
}
