// Time to first byte of the logged-in meeting page against a bare SvelteKit page, measured side by
// side in one run (the two requested in turn, so both see the same machine), plus what goes over the
// wire: the response headers' bytes (with any set-cookie) and the HTML's bytes raw and as brotli.
//
// The bare page is the login page for a visitor who is not logged in (the same server, hooks and
// layout, no PocketBase read). BENCH_BARE_URL points it elsewhere, e.g. at a bare SvelteKit app of
// the same versions (bench/bare-app/, when it exists) served on its own port.
//
// `node bench/server-latency.mjs` runs it alone against a fresh stack; `npm run bench` runs it too.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { quantile } from './measure.mjs';

/**
 * @typedef {{ url: string, logins: { email: string, role: string, who?: string }[], demoPassword: string }} Stack
 * @typedef {{ status: number, ttfbMs: number, totalMs: number, headerBytes: number, cookieBytes: number,
 *   setCookies: number, bodyBytes: number, encoding: string }} Sample
 */

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One GET, timed to the response's headers (first byte) and to its end.
 * @param {string} url @param {Record<string, string>} headers
 * @returns {Promise<Sample>}
 */
export function timedGet(url, headers = {}) {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const req = request(url, { agent, headers }, (res) => {
			const ttfbMs = performance.now() - t0;
			let bodyBytes = 0;
			res.on('data', (/** @type {Buffer} */ chunk) => (bodyBytes += chunk.length));
			res.on('end', () => {
				// As on the wire: the status line, each header line and the blank line.
				let headerBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
				let cookieBytes = 0;
				for (let i = 0; i < res.rawHeaders.length; i += 2) {
					const line = Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
					headerBytes += line;
					if (res.rawHeaders[i].toLowerCase() === 'set-cookie') cookieBytes += line;
				}
				resolve({
					status: res.statusCode ?? 0,
					ttfbMs,
					totalMs: performance.now() - t0,
					headerBytes,
					cookieBytes,
					setCookies: res.headers['set-cookie']?.length ?? 0,
					bodyBytes,
					encoding: String(res.headers['content-encoding'] ?? 'identity')
				});
			});
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

/** Logs `email` in through the password form; the cookie header of the new session. */
async function logIn(/** @type {Stack} */ stack, /** @type {string} */ email) {
	const res = await fetch(`${stack.url}/login?/password`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: stack.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: stack.demoPassword })
	});
	const set = res.headers.getSetCookie().filter((c) => /^(pb_auth|kp_session)=/.test(c));
	if (res.status !== 303 || set.length !== 2) throw new Error(`login failed: ${res.status}`);
	return set.map((c) => c.split(';')[0]).join('; ');
}

/** @param {Sample[]} samples @param {'ttfbMs' | 'totalMs'} key */
function percentiles(samples, key) {
	const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
	return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}

/**
 * @param {Stack} stack
 * @param {{ requests?: number, bareUrl?: string }} [opts]
 */
export async function measureServerLatency(stack, { requests = 200, bareUrl = process.env.BENCH_BARE_URL } = {}) {
	const member = stack.logins.find((l) => l.role !== 'secretariat' && !l.who?.includes('Temagruppen'));
	if (!member) throw new Error('the demo has no member login');
	const cookie = await logIn(stack, member.email);
	const html = await (await fetch(`${stack.url}/moeder/tidligere`, { headers: { cookie } })).text();
	const path = /\/moeder\/[a-z0-9]{15}/.exec(html)?.[0];
	if (!path) throw new Error('no meeting on /moeder/tidligere');
	const meetingUrl = `${stack.url}${path}`;
	const bare = bareUrl || `${stack.url}/login`;
	// As a browser asks: with brotli and gzip accepted.
	const browser = { 'accept-encoding': 'gzip, deflate, br' };

	for (let i = 0; i < 20; i++) {
		await timedGet(bare, browser);
		await timedGet(meetingUrl, { ...browser, cookie });
	}
	/** @type {Sample[]} */
	const bareSamples = [];
	/** @type {Sample[]} */
	const meetingSamples = [];
	let errors = 0;
	for (let i = 0; i < requests; i++) {
		// Alternate which goes first, so neither always follows the other.
		const order = i % 2 ? ['meeting', 'bare'] : ['bare', 'meeting'];
		for (const which of order) {
			const s = which === 'bare' ? await timedGet(bare, browser) : await timedGet(meetingUrl, { ...browser, cookie });
			if (s.status !== 200) errors++;
			(which === 'bare' ? bareSamples : meetingSamples).push(s);
		}
	}
	const raw = await timedGet(meetingUrl, { cookie });
	const br = await timedGet(meetingUrl, { 'accept-encoding': 'br', cookie });
	const gzip = await timedGet(meetingUrl, { 'accept-encoding': 'gzip', cookie });
	const last = meetingSamples[meetingSamples.length - 1];
	return {
		bareUrl: bare.replace(stack.url, ''),
		requests,
		errors,
		bare: { ttfb: percentiles(bareSamples, 'ttfbMs'), total: percentiles(bareSamples, 'totalMs') },
		meeting: { ttfb: percentiles(meetingSamples, 'ttfbMs'), total: percentiles(meetingSamples, 'totalMs') },
		/** Responses of the timed meeting requests that set a cookie (the login's token is fresh: 0 expected). */
		meetingSetCookies: meetingSamples.filter((s) => s.setCookies > 0).length,
		headerBytes: last.headerBytes,
		cookieBytes: last.cookieBytes,
		/** The login's cookie header as the browser sends it back on every request. */
		requestCookieBytes: Buffer.byteLength(`cookie: ${cookie}\r\n`),
		html: {
			raw: raw.bodyBytes,
			rawEncoding: raw.encoding,
			br: br.bodyBytes,
			brEncoding: br.encoding,
			gzip: gzip.bodyBytes
		}
	};
}

/** @param {Awaited<ReturnType<typeof measureServerLatency>>} r */
export function formatServerLatency(r) {
	const ms = (/** @type {number} */ n) => n.toFixed(1);
	return [
		`Time to first byte, ${r.requests} requests each, in turn (${r.errors} errors): meeting page (logged in) ` +
			`p50 ${ms(r.meeting.ttfb.p50)} ms, p95 ${ms(r.meeting.ttfb.p95)} ms; bare page (${r.bareUrl}) ` +
			`p50 ${ms(r.bare.ttfb.p50)} ms, p95 ${ms(r.bare.ttfb.p95)} ms — ratio p50 ` +
			`${(r.meeting.ttfb.p50 / r.bare.ttfb.p50).toFixed(1)}× (budget 5×)`,
		`Meeting page response: headers ${r.headerBytes} B (set-cookie ${r.cookieBytes} B; ` +
			`${r.meetingSetCookies} of ${r.requests} responses set a cookie), request cookie ${r.requestCookieBytes} B; ` +
			`HTML ${r.html.raw} B raw (${r.html.rawEncoding}), ${r.html.br} B ${r.html.brEncoding}, ${r.html.gzip} B gzip-asked`
	].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { buildIfStale } = await import('../scripts/lib/build.mjs');
	const { tempDataDir } = await import('../scripts/lib/pocketbase.mjs');
	const { startStack } = await import('../scripts/lib/stack.mjs');
	buildIfStale();
	const offset = Number(process.env.BENCH_PORT_OFFSET ?? 0);
	const data = tempDataDir('klyngeportal-bench-');
	const stack = await startStack({
		dataDir: data.dir,
		appPort: 4273 + offset,
		pbPort: 8491 + offset,
		smtpPort: 2825 + offset,
		inboxPort: 8425 + offset,
		rateLimits: false,
		log: () => {}
	});
	try {
		console.log(formatServerLatency(await measureServerLatency(stack)));
	} finally {
		await stack.stop();
		data.remove();
		agent.destroy();
	}
}
