#!/usr/bin/env node
// `node scripts/pocketbase.mjs ensure` installs PocketBase; `serve` runs it alone on ./pb_data (npm run pb).
import { join } from 'node:path';
import { ensurePocketBase, ROOT, startPocketBase } from './lib/pocketbase.mjs';

const [command = 'ensure'] = process.argv.slice(2);
try {
	const bin = await ensurePocketBase();
	if (command === 'ensure') {
		console.log(`PocketBase ready: ${bin}`);
	} else if (command === 'serve') {
		const port = Number(process.env.PB_PORT ?? 8090);
		const { child, url } = await startPocketBase({
			bin,
			dataDir: process.env.PB_DATA ?? join(ROOT, 'pb_data'),
			port,
			quiet: false
		});
		console.log(`PocketBase on ${url} (dashboard ${url}/_/)`);
		for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGTERM'));
		child.on('exit', (code) => process.exit(code ?? 0));
	} else {
		console.error(`Unknown command "${command}". Use: ensure | serve`);
		process.exit(2);
	}
} catch (err) {
	console.error(/** @type {Error} */ (err).message);
	process.exit(1);
}
