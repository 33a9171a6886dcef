// Starts a real PocketBase for one test file: built from pb_migrations/ and pb_hooks/ on a fresh
// temporary data directory, on a free port, with a superuser client for arranging data.
import { createServer } from 'node:net';
import PocketBase from 'pocketbase';
import {
	ensurePocketBase,
	startPocketBase,
	stopProcess,
	tempDataDir,
	upsertSuperuser
} from '../../scripts/lib/pocketbase.mjs';

export interface TestPocketBase {
	/** Base URL of the running server, e.g. http://127.0.0.1:41234. */
	url: string;
	/** A client authenticated as the superuser; rules do not apply to it. */
	admin: PocketBase;
	/** Stops the server and removes its data directory. */
	stop: () => Promise<void>;
}

const ADMIN_EMAIL = 'admin@test.klyngeportal.local';
const ADMIN_PASSWORD = 'test-superuser-password';

/** A TCP port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (address && typeof address === 'object') resolve(address.port);
				else reject(new Error('no port assigned'));
			});
		});
	});
}

/** Starts PocketBase on a temporary directory; call `stop()` in afterAll. */
export async function startTestPocketBase(): Promise<TestPocketBase> {
	const bin = await ensurePocketBase();
	const data = tempDataDir('klyngeportal-test-pb-');
	try {
		upsertSuperuser(bin, data.dir, ADMIN_EMAIL, ADMIN_PASSWORD);
		const port = await freePort();
		const server = await startPocketBase({ bin, dataDir: data.dir, port });
		const admin = new PocketBase(server.url);
		admin.autoCancellation(false);
		await admin.collection('_superusers').authWithPassword(ADMIN_EMAIL, ADMIN_PASSWORD);
		return {
			url: server.url,
			admin,
			stop: async () => {
				await stopProcess(server.child);
				data.remove();
			}
		};
	} catch (err) {
		data.remove();
		throw err;
	}
}
