#!/usr/bin/env node
// Serves the built app (build/) on PORT. PocketBase is not served here: the browser talks only to
// the app, and PocketBase listens on 127.0.0.1 (its filter side channel, notes/pocketbase-0.40.md §11).
// Pages, JSON and CSV are compressed on the way out (scripts/lib/compress.mjs).
import { createServer } from 'node:http';
import { withCompression } from './lib/compress.mjs';

const { handler } = await import('../build/handler.js');
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
