// p50/p95 latency of a server-rendered page for logged-in people, at a given number of concurrent
// users, each with their own session, requesting one after another.
import { performance } from 'node:perf_hooks';
import { quantile } from './measure.mjs';

/**
 * @typedef {{ url: string, logins: { email: string, role: string, who?: string }[], demoPassword: string }} Stack
 * @typedef {{ users: number, requestsPerUser: number, around?: { start: () => void, end: () => void } }} Load
 *   `around` is told when the timed part starts and ends (after the logins and the warm-up).
 */

/** Logs `email` in through the password form; the cookie header of the new session. */
async function logIn(/** @type {Stack} */ stack, /** @type {string} */ email) {
	const res = await fetch(`${stack.url}/login?/password`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: stack.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: stack.demoPassword })
	});
	// The token and the id of the login's session row travel together.
	const set = res.headers.getSetCookie().filter((c) => /^(pb_auth|kp_session)=/.test(c));
	if (res.status !== 303 || set.length !== 2) throw new Error(`login failed: ${res.status}`);
	return set.map((c) => c.split(';')[0]).join('; ');
}

/** The first link matching `pattern` on the page at `path`, as the session `cookie` sees it. */
export async function firstLink(
	/** @type {Stack} */ stack,
	/** @type {string} */ cookie,
	/** @type {string} */ path,
	/** @type {RegExp} */ pattern
) {
	const html = await (await fetch(`${stack.url}${path}`, { headers: { cookie } })).text();
	const found = pattern.exec(html)?.[0];
	if (!found) throw new Error(`no link ${pattern} on ${path}`);
	return found;
}

/**
 * @param {Stack} stack
 * @param {Load & { emails: string[], target: (cookie: string) => Promise<string>, marker: string }} opts
 *   sessions log in as `emails` in turn; `target` finds the page's path; a page without `marker` is an error
 */
export async function measurePageLatency(stack, { users, requestsPerUser, around, emails, target, marker }) {
	/** @type {string[]} */
	const cookies = [];
	// No e-mails: a visitor who is not logged in.
	for (let i = 0; i < users; i++) cookies.push(emails.length ? await logIn(stack, emails[i % emails.length]) : '');
	const url = `${stack.url}${await target(cookies[0])}`;

	// Warm up once per session.
	await Promise.all(cookies.map((cookie) => fetch(url, { headers: { cookie } }).then((r) => r.text())));

	/** @type {number[]} */
	const times = [];
	let errors = 0;
	around?.start();
	const started = performance.now();
	await Promise.all(
		cookies.map(async (cookie) => {
			for (let i = 0; i < requestsPerUser; i++) {
				const t0 = performance.now();
				try {
					const res = await fetch(url, { headers: { cookie } });
					const body = await res.text();
					if (res.status !== 200 || !body.includes(marker)) errors++;
				} catch {
					errors++;
				}
				times.push(performance.now() - t0);
			}
		})
	);
	const elapsed = (performance.now() - started) / 1000;
	around?.end();
	times.sort((a, b) => a - b);
	return {
		requests: times.length,
		errors,
		p50: quantile(times, 0.5),
		p95: quantile(times, 0.95),
		throughput: times.length / elapsed
	};
}

/** The meeting page of the latest held meeting, for the steering group's members. */
export function measureMeetingPageLatency(/** @type {Stack} */ stack, /** @type {Load} */ load) {
	return measurePageLatency(stack, {
		...load,
		emails: stack.logins.filter((l) => !l.who?.includes('Temagruppen')).map((l) => l.email),
		target: (cookie) => firstLink(stack, cookie, '/moeder/tidligere', /\/moeder\/[a-z0-9]{15}/),
		marker: 'Dagsorden'
	});
}

/** The secretariat's tracker of the demo's first nomination call. */
export function measureTrackerLatency(/** @type {Stack} */ stack, /** @type {Load} */ load) {
	const secretariat = stack.logins.find((l) => l.role === 'secretariat');
	if (!secretariat) throw new Error('the demo has no secretariat login');
	return measurePageLatency(stack, {
		...load,
		emails: [secretariat.email],
		target: async (cookie) =>
			`${await firstLink(stack, cookie, '/indkaldelser', /\/indkaldelser\/[a-z0-9]{15}/)}/status`,
		marker: 'Ikke svaret'
	});
}

/**
 * The baseline: the login page for a visitor who is not logged in, a SvelteKit page of the same
 * server (the same hooks, security headers and layout) that asks PocketBase nothing.
 */
export function measureBarePageLatency(/** @type {Stack} */ stack, /** @type {Load} */ load) {
	return measurePageLatency(stack, {
		...load,
		emails: [],
		target: async () => '/login',
		marker: 'Log ind'
	});
}
