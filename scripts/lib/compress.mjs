// Compresses the production server's pages: HTML, JSON and CSV of 1 KB or more go out as brotli
// (quality 4: most of the gain of 11 at a fraction of the time) or gzip, whichever the browser
// accepts. Never the live feed (text/event-stream: each event must arrive at once), never a
// response that is already encoded or only a range of a file, never for HEAD.
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

/** Responses smaller than this gain nothing worth the work. */
export const MIN_BYTES = 1024;

const COMPRESSIBLE = /^\s*(text\/html|application\/json|text\/csv)\s*(;|$)/i;

/**
 * The encoding to answer with for an Accept-Encoding header: 'br', 'gzip' or null. A coding with
 * q=0 is refused; otherwise brotli is preferred (smaller at the same speed).
 * @param {string | undefined} header
 * @returns {'br' | 'gzip' | null}
 */
export function pickEncoding(header) {
	if (!header) return null;
	/** @type {Map<string, number>} */
	const accepted = new Map();
	for (const part of header.toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		accepted.set(name.trim(), q ? Number(q.slice(2)) : 1);
	}
	const wants = (/** @type {string} */ name) => {
		const q = accepted.get(name) ?? accepted.get('*');
		return q !== undefined && q > 0;
	};
	if (wants('br')) return 'br';
	if (wants('gzip')) return 'gzip';
	return null;
}

/** @param {import('node:http').OutgoingHttpHeader | undefined} value */
const text = (value) => (Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value));

/** Adds accept-encoding to the Vary header, unless it is already there. @param {import('node:http').ServerResponse} res */
function varyOnEncoding(res) {
	const vary = text(res.getHeader('vary'));
	if (vary === '*' || /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) return;
	res.setHeader('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
}

/**
 * Wraps a Node request handler (SvelteKit's adapter-node `handler`) so that its responses are
 * compressed as described at the top of this file.
 * @template {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => unknown} H
 * @param {H} handler
 * @returns {H}
 */
export function withCompression(handler) {
	return /** @type {H} */ (
		(req, res, next) => {
			compressResponse(req, res);
			return handler(req, res, next);
		}
	);
}

/**
 * Takes over `res.writeHead`, `write` and `end` until it knows whether to compress: at writeHead
 * when the type or length says so, otherwise after the first kilobyte (or the end) of the body.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function compressResponse(req, res) {
	const encoding = req.method === 'HEAD' ? null : pickEncoding(req.headers['accept-encoding']);
	/** @type {{ writeHead: Function; write: Function; end: Function }} */
	const original = { writeHead: res.writeHead, write: res.write, end: res.end };
	/** @type {Buffer[]} */
	let pending = [];
	let pendingBytes = 0;
	/** @type {'undecided' | 'plain' | 'compress'} */
	let mode = 'undecided';
	/** @type {import('node:zlib').BrotliCompress | import('node:zlib').Gzip | null} */
	let compressor = null;
	let flushEachWrite = false;

	const restore = () => Object.assign(res, original);

	/** Sends the headers and what was held back as they are. */
	const goPlain = () => {
		mode = 'plain';
		restore();
		const held = pending;
		pending = [];
		if (!res.headersSent) original.writeHead.call(res, res.statusCode, res.statusMessage || undefined);
		for (const chunk of held) original.write.call(res, chunk);
	};

	const goCompressed = () => {
		mode = 'compress';
		const size = Number(res.getHeader('content-length')) || 0;
		res.removeHeader('content-length');
		res.setHeader('content-encoding', /** @type {string} */ (encoding));
		original.writeHead.call(res, res.statusCode, res.statusMessage || undefined);
		compressor =
			encoding === 'br'
				? createBrotliCompress({
						params: {
							[constants.BROTLI_PARAM_QUALITY]: 4,
							[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
							...(size ? { [constants.BROTLI_PARAM_SIZE_HINT]: size } : {})
						}
					})
				: createGzip({ level: 6 });
		const out = compressor;
		out.on('data', (chunk) => {
			if (!original.write.call(res, chunk)) {
				out.pause();
				res.once('drain', () => out.resume());
			}
		});
		out.on('end', () => original.end.call(res));
		out.on('drain', () => res.emit('drain'));
		out.on('error', (err) => res.destroy(err));
		const held = pending;
		pending = [];
		for (const chunk of held) out.write(chunk);
		if (flushEachWrite) out.flush();
	};

	/** Decides from the headers alone, when they are enough. */
	const decideFromHeaders = () => {
		const type = text(res.getHeader('content-type'));
		const compressible =
			COMPRESSIBLE.test(type) &&
			!res.getHeader('content-encoding') &&
			!res.getHeader('content-range') &&
			res.statusCode !== 206 &&
			res.statusCode !== 204 &&
			res.statusCode !== 304 &&
			!/no-transform/i.test(text(res.getHeader('cache-control')));
		if (!compressible) return goPlain();
		varyOnEncoding(res);
		const length = res.getHeader('content-length');
		if (!encoding || (length !== undefined && Number(length) < MIN_BYTES)) return goPlain();
		// Pages may stream (SvelteKit's streamed promises): each part goes out as it comes.
		flushEachWrite = /text\/html/i.test(type);
		if (length !== undefined) return goCompressed();
	};

	/** @param {unknown} chunk @param {unknown} [enc] */
	const toBuffer = (chunk, enc) =>
		Buffer.isBuffer(chunk)
			? chunk
			: typeof chunk === 'string'
				? Buffer.from(chunk, typeof enc === 'string' ? /** @type {BufferEncoding} */ (enc) : 'utf8')
				: Buffer.from(/** @type {Uint8Array} */ (chunk));

	// @ts-expect-error -- overloads of writeHead: (status, headers) and (status, message, headers)
	res.writeHead = function (status, message, headers) {
		if (typeof message !== 'string') [headers, message] = [message, undefined];
		res.statusCode = status;
		if (message) res.statusMessage = message;
		if (Array.isArray(headers)) {
			for (let i = 0; i + 1 < headers.length; i += 2)
				res.setHeader(String(headers[i]), /** @type {string} */ (headers[i + 1]));
		} else if (headers) {
			for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
		}
		if (mode === 'undecided') decideFromHeaders();
		return res;
	};

	/** The callback forms of write are not used by SvelteKit's handler or sirv. */
	res.write = function (chunk, enc) {
		if (mode === 'undecided') decideFromHeaders();
		if (mode === 'plain') return original.write.call(res, chunk, enc);
		const buffer = toBuffer(chunk, enc);
		if (mode === 'undecided') {
			pending.push(buffer);
			pendingBytes += buffer.length;
			if (pendingBytes >= MIN_BYTES) goCompressed();
			return true;
		}
		const ok = /** @type {NonNullable<typeof compressor>} */ (compressor).write(buffer);
		if (flushEachWrite) compressor?.flush();
		return ok;
	};

	// @ts-expect-error -- as above
	res.end = function (chunk, enc) {
		if (typeof chunk === 'function') chunk = undefined;
		if (typeof enc === 'function') enc = undefined;
		if (mode === 'undecided') decideFromHeaders();
		if (mode === 'plain') return original.end.call(res, chunk, enc);
		if (chunk !== undefined && chunk !== null) {
			const buffer = toBuffer(chunk, enc);
			pending.push(buffer);
			pendingBytes += buffer.length;
		}
		if (mode === 'undecided') {
			if (pendingBytes < MIN_BYTES) {
				const body = Buffer.concat(pending);
				pending = [];
				mode = 'plain';
				restore();
				if (!res.headersSent) res.setHeader('content-length', body.length);
				return original.end.call(res, body);
			}
			goCompressed();
		} else {
			const held = pending;
			pending = [];
			for (const buffer of held) compressor?.write(buffer);
		}
		compressor?.end();
		return res;
	};
}
