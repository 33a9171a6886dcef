// The bare SvelteKit 2 app of bench/bare-app: built when stale, served on a port of its own, and
// measured the same way as Klyngeportal's pages, so that every benchmark can put a figure beside it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, freePort, stopProcess } from '../scripts/lib/pocketbase.mjs';
import { measurePageLatency } from './page-latency.mjs';

const APP = fileURLToPath(new URL('./bare-app/', import.meta.url));

/** Newest modification time below a path. @param {string} path @returns {number} */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Builds bench/bare-app with the repository's own Vite and Kit when build/ is missing or stale. */
function buildBareApp() {
	const built = join(APP, 'build', 'handler.js');
	const sources = ['src', 'svelte.config.js', 'vite.config.js'].map((p) => newest(join(APP, p)));
	sources.push(newest(join(ROOT, 'package-lock.json')));
	if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return;
	const res = spawnSync(
		process.execPath,
		[join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'],
		{ cwd: APP, stdio: 'inherit' }
	);
	if (res.status !== 0) throw new Error('The bare app did not build.');
}

/**
 * Starts the bare app (its one page at `/`) and waits until it answers.
 * @param {{ port?: number }} [opts] a free port when none is given
 * @returns {Promise<{ url: string, pid: number | undefined, stop: () => Promise<unknown> }>}
 */
export async function startBareApp({ port } = {}) {
	buildBareApp();
	const listen = port ?? (await freePort());
	const child = spawn(process.execPath, [join(APP, 'build', 'index.js')], {
		cwd: APP,
		env: { ...process.env, PORT: String(listen), HOST: '127.0.0.1', ORIGIN: `http://localhost:${listen}` },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://localhost:${listen}`;
	const deadline = Date.now() + 20_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error('the bare app exited');
		try {
			if ((await fetch(url)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stopProcess(child);
			throw new Error(`the bare app did not answer on ${url}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return { url, pid: child.pid, stop: () => stopProcess(child) };
}

/**
 * p50/p95 of the bare app's page, requested one after another by `users` clients: the same
 * measurement as bench/page-latency.mjs makes of Klyngeportal's pages.
 * @param {{ url: string }} app
 * @param {{ users: number, requestsPerUser: number, around?: { start: () => void, end: () => void } }} load
 */
export function measureBareAppLatency(app, load) {
	return measurePageLatency(
		{ url: app.url, logins: [], demoPassword: '' },
		{ ...load, emails: [], target: async () => '/', marker: 'Mødedeltagere' }
	);
}
