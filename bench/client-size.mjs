// What the browser downloads for a member's pages on a cold visit, measured in Chromium: per route,
// the JavaScript (files, raw and gzip bytes), the stylesheets (inlined in the HTML and fetched as
// files) and the HTML itself. Gzip at level 9, whether or not the server compresses.
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/lib/chromium.mjs';

/** @typedef {{ url: string, logins: { email: string, role: string }[], demoPassword: string }} Stack */

/** Budget from issue 8: gzip bytes of JavaScript on the agenda-item route. */
export const AGENDA_JS_BUDGET = 60 * 1024;

const gzip = (/** @type {Buffer | string} */ b) => gzipSync(b, { level: 9 }).length;

/**
 * A cold load of `url` in a context of its own (with `storageState`'s cookies).
 * @param {import('@playwright/test').Browser} browser @param {string} url
 * @param {Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>>} [storageState]
 */
async function measureCold(browser, url, storageState) {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, storageState });
	try {
		const page = await context.newPage();
		/** @type {Promise<Buffer>[]} */
		const scripts = [];
		/** @type {Promise<Buffer>[]} */
		const stylesheets = [];
		page.on('response', (r) => {
			const type = r.request().resourceType();
			if (type === 'script') scripts.push(r.body());
			if (type === 'stylesheet') stylesheets.push(r.body());
		});
		const response = await page.goto(url, { waitUntil: 'networkidle' });
		if (!response || response.url() !== url) throw new Error(`${url}: ended elsewhere (not logged in?)`);
		const html = await response.body();
		const inline = await page.evaluate(() =>
			[...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('')
		);
		const js = await Promise.all(scripts);
		const css = await Promise.all(stylesheets);
		return {
			js: {
				files: js.length,
				rawBytes: js.reduce((n, b) => n + b.length, 0),
				gzipBytes: js.reduce((n, b) => n + gzip(b), 0)
			},
			css: {
				inlineBytes: Buffer.byteLength(inline),
				files: css.length,
				fileBytes: css.reduce((n, b) => n + b.length, 0),
				gzipBytes: (inline ? gzip(inline) : 0) + css.reduce((n, b) => n + gzip(b), 0)
			},
			html: { rawBytes: html.length, gzipBytes: gzip(html) }
		};
	} finally {
		await context.close();
	}
}

/**
 * The member's routes, and the bare app's page when `bareUrl` is given (see bench/bare-app.mjs).
 * @param {Stack} stack @param {{ bareUrl?: string }} [opts]
 * @returns {Promise<{ name: string, path: string, js: { files: number, rawBytes: number, gzipBytes: number },
 *   css: { inlineBytes: number, files: number, fileBytes: number, gzipBytes: number },
 *   html: { rawBytes: number, gzipBytes: number } }[]>}
 */
export async function measureClientSize(stack, { bareUrl } = {}) {
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	try {
		const login = await browser.newContext();
		const member = stack.logins.find((l) => l.role === 'co_chair') ?? stack.logins[0];
		// Log in through the form without JavaScript-side navigation; each route then gets a cold context.
		const res = await login.request.post(`${stack.url}/login?/password`, {
			form: { email: member.email, password: stack.demoPassword },
			headers: { origin: stack.url, accept: 'text/html' },
			maxRedirects: 0
		});
		if (res.status() !== 303) throw new Error(`login failed: ${res.status()}`);
		const past = await login.request.get(`${stack.url}/moeder/tidligere`);
		const id = /\/moeder\/([a-z0-9]{15})/.exec(await past.text())?.[1];
		if (!id) throw new Error('no meeting found');
		const storageState = await login.storageState();
		await login.close();

		const routes = [
			{ name: 'home', path: '/' },
			{ name: 'meetings', path: '/moeder' },
			{ name: 'meeting', path: `/moeder/${id}` },
			{ name: 'agenda item', path: `/moeder/${id}/punkter/3` }
		];
		const results = [];
		for (const route of routes) {
			results.push({ ...route, ...(await measureCold(browser, `${stack.url}${route.path}`, storageState)) });
		}
		if (bareUrl)
			results.push({ name: 'bare SvelteKit page', path: '/', ...(await measureCold(browser, `${bareUrl}/`)) });
		return results;
	} finally {
		await browser.close();
	}
}

/** Lines for the report, one per route. */
export function formatClientSize(/** @type {Awaited<ReturnType<typeof measureClientSize>>} */ results) {
	const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
	return results.map(
		(r) =>
			`Client, ${r.name}, cold: JavaScript ${r.js.files} files, ${kb(r.js.gzipBytes)} gzip (${kb(r.js.rawBytes)} raw)` +
			(r.name === 'agenda item' ? `, budget ${kb(AGENDA_JS_BUDGET)} gzip` : '') +
			`; CSS ${kb(r.css.inlineBytes)} inlined + ${r.css.files} files ${kb(r.css.fileBytes)}, ${kb(r.css.gzipBytes)} gzip` +
			`; HTML ${kb(r.html.rawBytes)} (${kb(r.html.gzipBytes)} gzip)`
	);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { buildIfStale } = await import('../scripts/lib/build.mjs');
	const { freePort, tempDataDir } = await import('../scripts/lib/pocketbase.mjs');
	const { startStack } = await import('../scripts/lib/stack.mjs');
	const { startBareApp } = await import('./bare-app.mjs');
	buildIfStale();
	const data = tempDataDir('klyngeportal-client-size-');
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
		const bare = await startBareApp();
		try {
			for (const line of formatClientSize(await measureClientSize(stack, { bareUrl: bare.url }))) console.log(line);
		} finally {
			await bare.stop();
		}
	} finally {
		await stack.stop();
		data.remove();
	}
}
