// Gzip bytes of the JavaScript that the agenda-item route loads on a first visit, measured in
// Chromium: every script response of a cold load of /moeder/<id>/punkter/3 as a logged-in member.
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/lib/chromium.mjs';

/** @param {{ url: string, logins: { email: string, role: string }[], demoPassword: string }} stack */
export async function measureAgendaJs(stack) {
	const browser = await chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS
	});
	try {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const member = stack.logins.find((l) => l.role === 'co_chair') ?? stack.logins[0];
		// Log in through the form without JavaScript-side navigation, then start a cold page.
		const login = await context.request.post(`${stack.url}/login?/password`, {
			form: { email: member.email, password: stack.demoPassword },
			headers: { origin: stack.url, accept: 'text/html' },
			maxRedirects: 0
		});
		if (login.status() !== 303) throw new Error(`login failed: ${login.status()}`);
		const past = await context.request.get(`${stack.url}/moeder/tidligere`);
		const id = /\/moeder\/([a-z0-9]{15})/.exec(await past.text())?.[1];
		if (!id) throw new Error('no meeting found');

		const page = await context.newPage();
		/** @type {Promise<Buffer>[]} */
		const bodies = [];
		page.on('response', (res) => {
			if (res.request().resourceType() === 'script') bodies.push(res.body());
		});
		await page.goto(`${stack.url}/moeder/${id}/punkter/3`, { waitUntil: 'networkidle' });
		const files = await Promise.all(bodies);
		return {
			files: files.length,
			rawBytes: files.reduce((n, b) => n + b.length, 0),
			gzipBytes: files.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0)
		};
	} finally {
		await browser.close();
	}
}
