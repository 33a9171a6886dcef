// A PocketBase of a benchmark's own, on a fresh temporary data directory with a superuser, so that
// nothing else competes for the machine while a write benchmark runs.
import PocketBase from 'pocketbase';
import { round } from './measure.mjs';
import {
	ensurePocketBase,
	freePort,
	startPocketBase,
	stopProcess,
	tempDataDir,
	upsertSuperuser
} from '../scripts/lib/pocketbase.mjs';

const ADMIN_EMAIL = 'bench@klyngeportal.local';
const ADMIN_PASSWORD = 'bench-superuser-password';

/**
 * Starts PocketBase (rate limits off), runs `fn` with its address, a superuser client and its process
 * id, and removes everything afterwards.
 * @template T
 * @param {string} prefix the temporary directory's prefix
 * @param {Record<string, string>} env more environment for PocketBase (e.g. an SMTP server)
 * @param {(pb: { url: string, admin: PocketBase, pid: number | undefined }) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withOwnPocketBase(prefix, env, fn) {
	const bin = await ensurePocketBase();
	const data = tempDataDir(prefix);
	/** @type {import('node:child_process').ChildProcess | undefined} */
	let child;
	try {
		upsertSuperuser(bin, data.dir, ADMIN_EMAIL, ADMIN_PASSWORD);
		const server = await startPocketBase({
			bin,
			dataDir: data.dir,
			port: await freePort(),
			env: { RATE_LIMITS: 'off', ...env }
		});
		child = server.child;
		const admin = new PocketBase(server.url);
		admin.autoCancellation(false);
		await admin.collection('_superusers').authWithPassword(ADMIN_EMAIL, ADMIN_PASSWORD);
		return await fn({ url: server.url, admin, pid: child.pid });
	} finally {
		if (child) await stopProcess(child);
		data.remove();
	}
}

/**
 * The baseline of a write burst: every client creates one record at the same moment in a collection
 * with no rules, no hooks and no relations ("bare PocketBase" on the same machine, in the same run).
 * @param {PocketBase} admin
 * @param {PocketBase[]} clients
 * @param {number | undefined} pid
 */
export async function plainBurst(admin, clients, pid) {
	const name = `bench_plain_${Date.now()}`;
	await admin.collections.create({
		name,
		type: 'base',
		createRule: '',
		fields: [
			{ name: 'name', type: 'text', max: 200 },
			{ name: 'title', type: 'text', max: 200 },
			{ name: 'note', type: 'text', max: 1000 }
		]
	});
	return round(
		pid,
		clients.map((pb, i) => () => pb.collection(name).create({ name: `Navn ${i}`, title: 'Konsulent', note: '' }))
	);
}
