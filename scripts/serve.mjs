#!/usr/bin/env node
// Serves the built app (build/) on PORT. PocketBase is not served here: the browser talks only to
// the app, and PocketBase listens on 127.0.0.1 (its filter side channel, notes/pocketbase-0.40.md §11).
// Pages, JSON and CSV are compressed on the way out (scripts/lib/compress.mjs).
import { createServer } from 'node:http';
import { withCompression } from './lib/compress.mjs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// BUILD_DIR: another build than build/ (the update test serves a second one).
const buildDir = process.env.BUILD_DIR ? resolve(process.env.BUILD_DIR) : resolve(import.meta.dirname, '..', 'build');
const { handler } = await import(pathToFileURL(resolve(buildDir, 'handler.js')).href);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const server = createServer(withCompression(handler));
server.listen(port, host, () => console.log(`Klyngeportal listening on http://${host}:${port}`));
for (const sig of ['SIGINT', 'SIGTERM']) {
	process.on(sig, () => {
		server.closeAllConnections();
		server.close(() => process.exit(0));
	});
}
