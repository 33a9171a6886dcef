// Builds the app with Vite when build/ is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './pocketbase.mjs';

/** Newest modification time below a path. @param {string} path @returns {number} */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function buildIfStale({ log = console.log } = {}) {
	const built = join(ROOT, 'build', 'handler.js');
	const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].map((p) =>
		newest(join(ROOT, p))
	);
	if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return;
	log('Building the app …');
	const res = spawnSync(
		process.execPath,
		[join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
		{
			cwd: ROOT,
			stdio: 'inherit'
		}
	);
	if (res.status !== 0) throw new Error('The build failed.');
}
