// The production server's compression (scripts/lib/compress.mjs) on a real Node HTTP server: what is
// compressed, with which encoding, and what is left alone (small bodies, the live feed, encoded or
// ranged responses, HEAD).
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_BYTES, pickEncoding, withCompression } from '../../scripts/lib/compress.mjs';

const PAGE = `<!doctype html><html lang="da"><body>${'<p>Dagsorden for mødet</p>'.repeat(200)}</body></html>`;
const CSV = 'navn;organisation\n' + 'Mette Medlem;Region Midt\n'.repeat(100);
let releaseStream: () => void = () => {};

function route(req: IncomingMessage, res: ServerResponse) {
	const url = req.url ?? '/';
	if (url === '/page') {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': ['a=1', 'b=2'] });
		res.end(PAGE);
	} else if (url === '/page-with-length') {
		res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(PAGE)) });
		res.write(PAGE.slice(0, 100));
		res.end(PAGE.slice(100));
	} else if (url === '/small') {
		res.writeHead(200, { 'content-type': 'text/html' });
		res.end('<p>kort</p>');
	} else if (url === '/csv') {
		res.setHeader('content-type', 'text/csv; charset=utf-8');
		res.setHeader('vary', 'cookie');
		res.end(CSV);
	} else if (url === '/json') {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => ({ i, title: 'Punkt' })) }));
	} else if (url === '/script') {
		res.writeHead(200, { 'content-type': 'text/javascript' });
		res.end('x'.repeat(5000));
	} else if (url === '/encoded') {
		res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
		res.end(Buffer.from('x'.repeat(5000)));
	} else if (url === '/range') {
		res.writeHead(206, { 'content-type': 'text/csv', 'content-range': `bytes 0-1999/${CSV.length}` });
		res.end(CSV.slice(0, 2000));
	} else if (url === '/events') {
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		res.write(`data: ${'x'.repeat(2000)}\n\n`);
		releaseStream = () => res.end();
	} else if (url === '/streamed') {
		// A page whose second half comes later (SvelteKit's streamed promises).
		res.writeHead(200, { 'content-type': 'text/html' });
		res.write(PAGE);
		releaseStream = () => res.end('<p>sidste del</p>');
	} else {
		res.writeHead(404).end();
	}
}

let server: Server;
let base: string;

beforeAll(async () => {
	server = createServer(withCompression(route));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

interface Got {
	status: number;
	headers: IncomingMessage['headers'];
	body: Buffer;
}

/** A raw request (fetch would decode the body and hide the encoding). */
function get(path: string, acceptEncoding?: string, method = 'GET'): Promise<Got> {
	return new Promise((resolve, reject) => {
		const req = request(
			`${base}${path}`,
			{ method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
				);
			}
		);
		req.on('error', reject);
		req.end();
	});
}

/**
 * Reads a response while it is still open, until `done` holds for the body so far (a test that
 * never sees it fails by its timeout).
 */
function readWhileOpen(
	path: string,
	acceptEncoding: string,
	done: (body: Buffer) => boolean
): Promise<{ headers: IncomingMessage['headers']; body: Buffer }> {
	return new Promise((resolve, reject) => {
		const req = request(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => {
				chunks.push(chunk);
				const body = Buffer.concat(chunks);
				if (done(body)) resolve({ headers: res.headers, body });
			});
		});
		req.on('error', reject);
		req.end();
	});
}

describe('pickEncoding', () => {
	it.each([
		['gzip, deflate, br, zstd', 'br'],
		['gzip, deflate', 'gzip'],
		['br;q=0, gzip', 'gzip'],
		['*', 'br'],
		['identity', null],
		['gzip;q=0', null],
		[undefined, null]
	])('answers %s with %s', (header, expected) => {
		expect(pickEncoding(header)).toBe(expected);
	});
});

describe('compression', () => {
	it('sends a page as brotli when the browser accepts it, keeping every header', async () => {
		const res = await get('/page', 'gzip, deflate, br');
		expect(res.headers['content-encoding']).toBe('br');
		expect(res.headers['vary']).toBe('accept-encoding');
		expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
		expect(res.body.length).toBeLessThan(Buffer.byteLength(PAGE) / 5);
		expect(brotliDecompressSync(res.body).toString()).toBe(PAGE);
	});

	it('sends gzip to a browser without brotli, and drops a content-length that no longer holds', async () => {
		const res = await get('/page-with-length', 'gzip');
		expect(res.headers['content-encoding']).toBe('gzip');
		expect(res.headers['content-length']).toBeUndefined();
		expect(gunzipSync(res.body).toString()).toBe(PAGE);
	});

	it('sends the page as it is to a client that asks for no encoding, still saying it varies', async () => {
		const res = await get('/page');
		expect(res.headers['content-encoding']).toBeUndefined();
		expect(res.headers['vary']).toBe('accept-encoding');
		expect(res.body.toString()).toBe(PAGE);
	});

	it('compresses CSV and JSON, adding to an existing Vary', async () => {
		const csv = await get('/csv', 'br');
		expect(csv.headers['content-encoding']).toBe('br');
		expect(csv.headers['vary']).toBe('cookie, accept-encoding');
		expect(brotliDecompressSync(csv.body).toString()).toBe(CSV);
		const json = await get('/json', 'gzip');
		expect(json.headers['content-encoding']).toBe('gzip');
		expect(JSON.parse(gunzipSync(json.body).toString())).toMatchObject({ items: expect.any(Array) });
	});

	it(`leaves bodies under ${MIN_BYTES} bytes and other types alone`, async () => {
		const small = await get('/small', 'br');
		expect(small.headers['content-encoding']).toBeUndefined();
		expect(small.headers['content-length']).toBe('11');
		expect(small.body.toString()).toBe('<p>kort</p>');
		const script = await get('/script', 'br');
		expect(script.headers['content-encoding']).toBeUndefined();
		expect(script.body.length).toBe(5000);
	});

	it('leaves an encoded response, a range and a HEAD request alone', async () => {
		const encoded = await get('/encoded', 'br');
		expect(encoded.headers['content-encoding']).toBe('gzip');
		expect(encoded.body.toString()).toBe('x'.repeat(5000));
		const range = await get('/range', 'br');
		expect(range.status).toBe(206);
		expect(range.headers['content-encoding']).toBeUndefined();
		expect(range.body.toString()).toBe(CSV.slice(0, 2000));
		const head = await get('/page', 'br', 'HEAD');
		expect(head.headers['content-encoding']).toBeUndefined();
		expect(head.body.length).toBe(0);
	});

	it('never compresses the live feed: the first event arrives, plain, while the stream is open', async () => {
		const { headers, body } = await readWhileOpen('/events', 'br, gzip', (b) => b.length > 0);
		expect(headers['content-encoding']).toBeUndefined();
		expect(body.toString()).toMatch(/^data: x+/);
		releaseStream();
	});

	it('sends the first part of a streamed page before the rest exists', async () => {
		// The compressed first part decodes on its own (it was flushed) to the page so far.
		const soFar = (body: Buffer) => gunzipSync(body, { finishFlush: constants.Z_SYNC_FLUSH }).toString();
		const { headers, body } = await readWhileOpen('/streamed', 'gzip', (b) => b.length > 10 && soFar(b) === PAGE);
		expect(headers['content-encoding']).toBe('gzip');
		expect(soFar(body)).toBe(PAGE);
		releaseStream();
	});
});
