// p50/p95 latency of the server-rendered meeting page for logged-in members, at a given number of
// concurrent users, each with their own session, requesting one after another.
import { performance } from 'node:perf_hooks';
import { quantile } from './measure.mjs';

/**
 * @param {{ url: string, logins: { email: string, role: string, who?: string }[], demoPassword: string }} stack
 * @param {{ users: number, requestsPerUser: number, around?: { start: () => void, end: () => void } }} opts
 *   `around` is told when the timed part starts and ends (after the logins and the warm-up).
 */
export async function measureMeetingPageLatency(stack, { users, requestsPerUser, around }) {
	const emails = stack.logins.filter((l) => !l.who?.includes('Temagruppen')).map((l) => l.email);
	const cookies = [];
	for (let i = 0; i < users; i++) {
		const res = await fetch(`${stack.url}/login?/password`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: stack.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: emails[i % emails.length], password: stack.demoPassword })
		});
		// The token and the id of the login's session row travel together.
		const set = res.headers.getSetCookie().filter((c) => /^(pb_auth|kp_session)=/.test(c));
		if (res.status !== 303 || set.length !== 2) throw new Error(`login failed: ${res.status}`);
		cookies.push(set.map((c) => c.split(';')[0]).join('; '));
	}
	const list = await (await fetch(`${stack.url}/moeder/tidligere`, { headers: { cookie: cookies[0] } })).text();
	const id = /\/moeder\/([a-z0-9]{15})/.exec(list)?.[1];
	if (!id) throw new Error('no meeting found');
	const target = `${stack.url}/moeder/${id}`;

	// Warm up once per session.
	await Promise.all(cookies.map((cookie) => fetch(target, { headers: { cookie } }).then((r) => r.text())));

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
					const res = await fetch(target, { headers: { cookie } });
					const body = await res.text();
					if (res.status !== 200 || !body.includes('Dagsorden')) errors++;
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
