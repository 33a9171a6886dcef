// A second app server (the built app) in front of the e2e stack's PocketBase, started with settings
// of its own: served as https (ORIGIN), or behind a proxy that names the visitor (ADDRESS_HEADER).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { stopProcess } from '../../../scripts/lib/pocketbase.mjs';
import { PORTS, type StackInfo } from './stack-info';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface SecondApp {
	/** Where the test reaches it (always plain http on localhost). */
	url: string;
	stop: () => Promise<void>;
}

export async function startSecondApp(
	stack: StackInfo,
	{ origin, env = {} }: { origin?: string; env?: Record<string, string> } = {}
): Promise<SecondApp> {
	const port = PORTS.appPort + 500;
	const url = `http://localhost:${port}`;
	const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs')], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), ORIGIN: origin ?? url, PB_URL: stack.pbUrl, DEMO_INBOX_URL: '', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 20_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error('the second app server exited');
		try {
			const res = await fetch(`${url}/login`, { redirect: 'manual', headers: { 'x-forwarded-for': '192.0.2.1' } });
			if (res.status < 500) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stopProcess(child);
			throw new Error('the second app server did not answer in time');
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return { url, stop: () => stopProcess(child) };
}
