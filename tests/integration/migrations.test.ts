// Every migration has a working `down`: all of ours revert cleanly, and applying them again rebuilds
// every collection.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ensurePocketBase,
	ROOT,
	startPocketBase,
	stopProcess,
	tempDataDir,
	upsertSuperuser
} from '../../scripts/lib/pocketbase.mjs';

const OURS = [
	'agenda_items',
	'decisions',
	'follow_ups',
	'groups',
	'meeting_guests',
	'meetings',
	'memberships',
	'organizations',
	'sessions'
];
const ADMIN = { email: 'admin@test.klyngeportal.local', password: 'test-superuser-password' };
const PORT = 18000 + (process.pid % 1000);

describe('migrations', () => {
	let bin: string;
	const data = tempDataDir('klyngeportal-migrate-');
	const files = readdirSync(join(ROOT, 'pb_migrations')).filter((f) => f.endsWith('.js'));
	const migrate = (...args: string[]) =>
		spawnSync(
			bin,
			[
				'migrate',
				...args,
				`--dir=${data.dir}`,
				`--migrationsDir=${join(ROOT, 'pb_migrations')}`,
				`--hooksDir=${join(ROOT, 'pb_hooks')}`
			],
			{ encoding: 'utf8', input: 'y\n' }
		);

	/** The names of the non-system collections, read through a running server. */
	async function collectionNames() {
		const server = await startPocketBase({ bin, dataDir: data.dir, port: PORT });
		try {
			const pb = new PocketBase(server.url);
			await pb.collection('_superusers').authWithPassword(ADMIN.email, ADMIN.password);
			return (await pb.collections.getFullList()).filter((c) => !c.system).map((c) => c.name);
		} finally {
			await stopProcess(server.child);
		}
	}

	beforeAll(async () => {
		bin = await ensurePocketBase();
		upsertSuperuser(bin, data.dir, ADMIN.email, ADMIN.password);
	});
	afterAll(() => data.remove());

	it('applies every migration on an empty data directory', async () => {
		expect(await collectionNames()).toEqual(expect.arrayContaining(OURS));
	});

	it('reverts every migration of ours and applies them again', async () => {
		const down = migrate('down', String(files.length));
		expect(down.status, down.stderr + down.stdout).toBe(0);
		for (const file of files) expect(down.stdout + down.stderr).toContain(`Reverted ${file}`);
		// (`serve` would apply pending migrations at once, so the revert is checked by re-applying.)
		const up = migrate('up');
		expect(up.status, up.stderr + up.stdout).toBe(0);
		for (const file of files) expect(up.stdout + up.stderr).toContain(`Applied ${file}`);
		expect(await collectionNames()).toEqual(expect.arrayContaining(OURS));
	});
});
