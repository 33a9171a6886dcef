// Opening a saved meeting with the app server stopped: navigation start → first contentful paint and
// DOMContentLoaded, p50/p95, measured side by side with the same page opened online (server up,
// through the same service worker) in the same run. Also the service worker's gzip size and how much
// the shell precache holds.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/lib/chromium.mjs';
import { stopProcess } from '../scripts/lib/pocketbase.mjs';
import { quantile } from './measure.mjs';

const ROOT = join(import.meta.dirname, '..');

/** An app server of its own (the built app) in front of the stack's PocketBase, to stop mid-run. */
async function startApp(/** @type {string} */ pbUrl, /** @type {number} */ port) {
	const url = `http://localhost:${port}`;
	const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs')], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), ORIGIN: url, PB_URL: pbUrl, DEMO_INBOX_URL: '' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${url}/login`)).status < 500) break;
		} catch {
			// not listening yet
		}
		if (i > 200) throw new Error('the offline bench app server did not start');
		await new Promise((r) => setTimeout(r, 100));
	}
	return { url, stop: () => stopProcess(child) };
}

/** @param {import('playwright-core').Page} page @param {string} url @param {number} runs */
async function openRepeatedly(page, url, runs) {
	/** @type {number[]} */ const fcp = [];
	/** @type {number[]} */ const dcl = [];
	for (let i = 0; i < runs; i++) {
		await page.goto(url, { waitUntil: 'load' });
		const t = await page.evaluate(async () => {
			const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
			// First contentful paint arrives just after load at the latest.
			for (let i = 0; i < 50 && !performance.getEntriesByName('first-contentful-paint').length; i++) {
				await new Promise((r) => setTimeout(r, 10));
			}
			return {
				fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
				dcl: nav.domContentLoadedEventEnd
			};
		});
		fcp.push(t.fcp);
		dcl.push(t.dcl);
	}
	const q = (/** @type {number[]} */ xs) => {
		const sorted = [...xs].sort((a, b) => a - b);
		return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
	};
	return { fcp: q(fcp), dcl: q(dcl) };
}

/**
 * @param {{ pbUrl: string, logins: { email: string, role: string }[], demoPassword: string }} stack
 * @param {{ runs?: number, port?: number }} [options]
 */
export async function measureOfflineOpen(stack, { runs = 20, port = 4373 } = {}) {
	const swGzipBytes = gzipSync(readFileSync(join(ROOT, 'build', 'client', 'service-worker.js'))).length;
	/** @type {{ url: string, stop: () => Promise<unknown> } | null} */
	let app = await startApp(stack.pbUrl, port);
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext({ baseURL: app.url, viewport: { width: 360, height: 740 } });
		const member = stack.logins.find((l) => l.role === 'member') ?? stack.logins[0];
		const login = await context.request.post('/login?/password', {
			form: { email: member.email, password: stack.demoPassword },
			headers: { origin: app.url, accept: 'text/html' },
			maxRedirects: 0
		});
		if (login.status() !== 303) throw new Error(`login failed: ${login.status()}`);
		const list = /** @type {{ meetings: { url: string }[] }} */ (
			await (await context.request.get('/offline/liste')).json()
		);
		const meeting = list.meetings[0]?.url;
		if (!meeting) throw new Error('the member has no meeting to save');

		const page = await context.newPage();
		await page.goto('/');
		await page.waitForFunction(() => !!navigator.serviceWorker.controller);
		await page.waitForFunction(
			async (url) => !!(await caches.open('klyngeportal-pages').then((c) => c.match(url))),
			meeting,
			{ timeout: 60_000, polling: 250 }
		);
		const precacheBytes = await page.evaluate(async () => {
			let total = 0;
			for (const name of (await caches.keys()).filter((n) => n.startsWith('klyngeportal-shell-'))) {
				const cache = await caches.open(name);
				for (const request of await cache.keys()) total += (await (await cache.match(request))?.blob())?.size ?? 0;
			}
			return total;
		});

		const online = await openRepeatedly(page, meeting, runs);
		await app.stop();
		app = null;
		const offline = await openRepeatedly(page, meeting, runs);
		const stamped = await page.locator('#kp-offline-stamp').count();
		if (!stamped) throw new Error('the page opened offline has no offline stamp: not the saved copy');
		return { runs, online, offline, swGzipBytes, precacheBytes };
	} finally {
		await browser.close();
		await app?.stop();
	}
}
