// `DEMO=off npm start`, the production start: no demo data, no mail catcher, nothing secret printed.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { freePort, stopProcess, tempDataDir } from '../../scripts/lib/pocketbase.mjs';
import { expect, test } from './support/fixtures';

test('a production start seeds no demo data and prints no code or password', async ({ stack }) => {
	test.setTimeout(90_000);
	const data = tempDataDir('klyngeportal-prod-');
	const [appPort, pbPort] = [await freePort(), await freePort()];
	const child = spawn(process.execPath, [join(process.cwd(), 'scripts', 'start.mjs')], {
		env: {
			...process.env,
			PB_ADMIN_EMAIL: '',
			PB_ADMIN_PASSWORD: '',
			DEMO: 'off',
			PORT: String(appPort),
			PB_PORT: String(pbPort),
			PB_DATA: data.dir,
			// A mail server that is never asked: nobody logs in here.
			SMTP_HOST: '127.0.0.1',
			SMTP_PORT: String(await freePort()),
			APP_URL: `http://localhost:${appPort}`
		}
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	try {
		await expect.poll(() => output, { timeout: 60_000 }).toContain('Stop med Ctrl-C.');
		const adminPassword = readFileSync(join(data.dir, '.admin-password'), 'utf8').trim();
		expect(output).not.toContain(adminPassword);
		// The reminder engine's superuser password and the VAPID private key: made once, kept in the
		// data directory for its owner only, never printed.
		const enginePassword = readFileSync(join(data.dir, '.engine-password'), 'utf8').trim();
		const vapidFile = join(data.dir, '.vapid.json');
		const vapid = JSON.parse(readFileSync(vapidFile, 'utf8')) as { publicKey: string; privateKey: string };
		expect(Buffer.from(vapid.privateKey, 'base64url')).toHaveLength(32);
		expect(statSync(vapidFile).mode & 0o777).toBe(0o600);
		expect(statSync(join(data.dir, '.engine-password')).mode & 0o777).toBe(0o600);
		expect(output).not.toContain(enginePassword);
		expect(output).not.toContain(vapid.privateKey);
		expect(output).not.toContain(stack.password);
		expect(output).not.toMatch(/Demo-logins|Demo-indbakke|@hemidt/);
		expect((await fetch(`http://localhost:${appPort}/login`)).status).toBe(200);

		const pb = new PocketBase(`http://127.0.0.1:${pbPort}`);
		await pb.collection('_superusers').authWithPassword('admin@klyngeportal.local', adminPassword);
		const [users, meetings, superusers] = await Promise.all([
			pb.collection('users').getList(1, 1),
			pb.collection('meetings').getList(1, 1),
			pb.collection('_superusers').getFullList()
		]);
		expect([users.totalItems, meetings.totalItems]).toEqual([0, 0]);
		expect(superusers.map((s) => s.email).sort()).toEqual(['admin@klyngeportal.local', 'engine@klyngeportal.local']);
	} finally {
		child.kill('SIGINT');
		await stopProcess(child).catch(() => {});
		data.remove();
	}
});
