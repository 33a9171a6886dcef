#!/usr/bin/env node
// Serves the built app (build/) on PORT with PocketBase (PB_URL) behind /api/ and /_/.
import { createAppServer } from './lib/app-server.mjs';

const { handler } = await import('../build/handler.js');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const server = createAppServer({ handler, pocketBaseUrl: process.env.PB_URL ?? 'http://127.0.0.1:8090' });
server.listen(port, host, () => console.log(`Klyngeportal listening on http://${host}:${port}`));
for (const sig of ['SIGINT', 'SIGTERM']) {
	process.on(sig, () => {
		server.closeAllConnections();
		server.close(() => process.exit(0));
	});
}
