// `DEMO=off npm start`, the production start: no demo data, no mail catcher, nothing secret printed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
		expect(superusers.map((s) => s.email)).toEqual(['admin@klyngeportal.local']);
	} finally {
		child.kill('SIGINT');
		await stopProcess(child).catch(() => {});
		data.remove();
	}
});
