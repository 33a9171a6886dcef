// Largest Contentful Paint of the member's pages, measured by Lighthouse 12.2.3 (mobile preset,
// devtools throttling) side by side with the bare SvelteKit page of bench/bare-app: rounds of
// bare → home → meeting → agenda item, each a cold visit (cache and origin storage cleared) and then
// a repeat visit (the cache the cold visit left). Medians per page; figures, not pass/fail.
//
// `node bench/lighthouse.mjs` runs it alone on a stack of its own; `npm run bench` runs it too.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/lib/chromium.mjs';
import { startBareApp } from './bare-app.mjs';
import { quantile } from './measure.mjs';

/** @typedef {{ url: string, logins: { email: string, role: string }[], demoPassword: string }} Stack */

/** Goals from issue 8, in milliseconds. */
export const LCP_GOALS = { cold: 1200, repeat: 500 };

/**
 * The default (mobile) config with shorter waits after load: the pages are server-rendered, so their
 * largest paint is long over by then; this keeps 40 runs within about six minutes on two cores.
 */
const FAST_SETTINGS = {
	extends: 'lighthouse:default',
	settings: {
		pauseAfterFcpMs: 500,
		pauseAfterLoadMs: 500,
		networkQuietThresholdMs: 500,
		cpuQuietThresholdMs: 500,
		disableFullPageScreenshot: true
	}
};

/** Logs a member in through the password form; the cookie header of the session. @param {Stack} stack */
async function memberCookie(stack) {
	const member = stack.logins.find((l) => l.role === 'co_chair') ?? stack.logins[0];
	const res = await fetch(`${stack.url}/login?/password`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: stack.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: member.email, password: stack.demoPassword })
	});
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	if (res.status !== 303 || !cookie) throw new Error(`login failed: ${res.status}`);
	return cookie;
}

/** The member's pages: home, the June 2020 meeting (the first held one listed) and its item 3. */
async function memberPages(/** @type {Stack} */ stack, /** @type {string} */ cookie) {
	const past = await (await fetch(`${stack.url}/moeder/tidligere`, { headers: { cookie } })).text();
	const meeting = /\/moeder\/[a-z0-9]{15}/.exec(past)?.[0];
	if (!meeting) throw new Error('no held meeting listed');
	return [
		{ name: 'home', url: `${stack.url}/` },
		{ name: 'meeting', url: `${stack.url}${meeting}` },
		{ name: 'agenda item', url: `${stack.url}${meeting}/punkter/3` }
	];
}

/**
 * One Lighthouse run; LCP and FCP in ms.
 * @param {string} url @param {number} port @param {{ cold: boolean, headers?: Record<string, string> }} opts
 */
async function run(url, port, { cold, headers }) {
	try {
		return await runOnce(url, port, { cold, headers });
	} catch (err) {
		// Lighthouse now and then loses a trace (NO_NAVSTART, NO_FCP) on a busy machine; one more try.
		if (!(err instanceof LighthouseRunError)) throw err;
		return runOnce(url, port, { cold, headers });
	}
}

class LighthouseRunError extends Error {}

/** @param {string} url @param {number} port @param {{ cold: boolean, headers?: Record<string, string> }} opts */
async function runOnce(url, port, { cold, headers }) {
	const result = await lighthouse(
		url,
		{
			port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance'],
			onlyAudits: ['largest-contentful-paint', 'first-contentful-paint'],
			throttlingMethod: 'devtools',
			disableStorageReset: !cold,
			extraHeaders: headers ?? null
		},
		FAST_SETTINGS
	);
	const lhr = result?.lhr;
	if (!lhr || lhr.runtimeError)
		throw new LighthouseRunError(`Lighthouse failed on ${url}: ${lhr?.runtimeError?.message}`);
	if (lhr.finalDisplayedUrl !== url) throw new Error(`${url} ended on ${lhr.finalDisplayedUrl} (not logged in?)`);
	const lcp = lhr.audits['largest-contentful-paint'].numericValue;
	const fcp = lhr.audits['first-contentful-paint'].numericValue;
	if (lcp === undefined || fcp === undefined) throw new Error(`no LCP on ${url}`);
	return { lcp, fcp };
}

/**
 * @param {Stack} stack a running Klyngeportal with the demo data
 * @param {{ rounds?: number, log?: (line: string) => void }} [opts]
 * @returns {Promise<{ name: string, cold: { lcp: number, fcp: number }, repeat: { lcp: number, fcp: number } }[]>}
 *   medians per page, the bare page first
 */
export async function measureLighthouse(stack, { rounds = 5, log = () => {} } = {}) {
	const cookie = await memberCookie(stack);
	const bare = await startBareApp();
	const chrome = await chromeLauncher.launch({
		chromePath: CHROMIUM_PATH,
		chromeFlags: ['--headless=new', ...CHROMIUM_ARGS]
	});
	try {
		const pages = [
			{ name: 'bare SvelteKit page', url: `${bare.url}/`, bare: true },
			...(await memberPages(stack, cookie))
		];
		/** @type {Map<string, { cold: { lcp: number, fcp: number }[], repeat: { lcp: number, fcp: number }[] }>} */
		const samples = new Map(pages.map((p) => [p.name, { cold: [], repeat: [] }]));
		for (let round = 1; round <= rounds; round++) {
			for (const page of pages) {
				const headers = 'bare' in page ? undefined : { cookie };
				const s = /** @type {NonNullable<ReturnType<typeof samples.get>>} */ (samples.get(page.name));
				s.cold.push(await run(page.url, chrome.port, { cold: true, headers }));
				s.repeat.push(await run(page.url, chrome.port, { cold: false, headers }));
			}
			log(`  Lighthouse round ${round}/${rounds} done`);
		}
		const median = (/** @type {{ lcp: number, fcp: number }[]} */ xs) => ({
			lcp: quantile(
				xs.map((x) => x.lcp).sort((a, b) => a - b),
				0.5
			),
			fcp: quantile(
				xs.map((x) => x.fcp).sort((a, b) => a - b),
				0.5
			)
		});
		return pages.map((p) => {
			const s = /** @type {NonNullable<ReturnType<typeof samples.get>>} */ (samples.get(p.name));
			return { name: p.name, cold: median(s.cold), repeat: median(s.repeat) };
		});
	} finally {
		chrome.kill();
		await bare.stop();
	}
}

/** Lines for the report: LCP per page, cold and repeat, and the ratio to the bare page. */
export function formatLighthouse(/** @type {Awaited<ReturnType<typeof measureLighthouse>>} */ results) {
	const [bare] = results;
	const s = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(2)} s`;
	return results.map((r) => {
		const ratios =
			r === bare
				? ''
				: ` — ${(r.cold.lcp / bare.cold.lcp).toFixed(2)}× / ${(r.repeat.lcp / bare.repeat.lcp).toFixed(2)}× the bare page`;
		const goals =
			r === bare
				? ''
				: `; goals ≤ ${s(LCP_GOALS.cold)} cold ${r.cold.lcp <= LCP_GOALS.cold ? 'met' : 'MISSED'}, ` +
					`≤ ${s(LCP_GOALS.repeat)} repeat ${r.repeat.lcp <= LCP_GOALS.repeat ? 'met' : 'MISSED'}`;
		return (
			`Lighthouse 12 mobile, ${r.name}: LCP cold ${s(r.cold.lcp)} (FCP ${s(r.cold.fcp)}), ` +
			`repeat ${s(r.repeat.lcp)} (FCP ${s(r.repeat.fcp)})${ratios}${goals}`
		);
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { buildIfStale } = await import('../scripts/lib/build.mjs');
	const { freePort, tempDataDir } = await import('../scripts/lib/pocketbase.mjs');
	const { startStack } = await import('../scripts/lib/stack.mjs');
	buildIfStale();
	const data = tempDataDir('klyngeportal-lighthouse-');
	const stack = await startStack({
		dataDir: data.dir,
		appPort: await freePort(),
		pbPort: await freePort(),
		smtpPort: await freePort(),
		inboxPort: await freePort(),
		rateLimits: false,
		log: () => {}
	});
	try {
		const started = Date.now();
		const rounds = Number(process.env.LIGHTHOUSE_ROUNDS ?? 5);
		const results = await measureLighthouse(stack, { rounds, log: console.log });
		for (const line of formatLighthouse(results)) console.log(line);
		console.log(`(${rounds} rounds in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
	} finally {
		await stack.stop();
		data.remove();
	}
}
