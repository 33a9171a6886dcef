// The production HTTP server: SvelteKit's adapter-node handler for the app, and PocketBase's API
// and dashboard under the same origin (/api/, /_/), so one address serves everything.
import { createServer, request as httpRequest } from 'node:http';

/**
 * @param {{ handler: import('node:http').RequestListener, pocketBaseUrl: string }} opts
 */
export function createAppServer({ handler, pocketBaseUrl }) {
	const upstream = new URL(pocketBaseUrl);
	return createServer((req, res) => {
		const path = req.url ?? '/';
		if (!(path.startsWith('/api/') || path === '/_' || path.startsWith('/_/'))) {
			handler(req, res);
			return;
		}
		const headers = { ...req.headers, host: upstream.host };
		// PocketBase sees the real client address (for its logs and rate limits), never a forged one.
		headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
		const proxied = httpRequest(
			{ hostname: upstream.hostname, port: upstream.port, path, method: req.method, headers },
			(up) => {
				res.writeHead(up.statusCode ?? 502, up.headers);
				up.pipe(res);
			}
		);
		proxied.on('error', () => {
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
			res.end('PocketBase svarer ikke.');
		});
		req.pipe(proxied);
	});
}
