// The login door from outside: no redirect off the site, a stranger cannot lock an owner out of
// code login, and over https the browser is told to stay on https and the cookies are Secure.
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { startSecondApp, type SecondApp } from './support/second-app';

const NASTY_TARGETS = {
	tab: '/\t/evil.example',
	'carriage return and line feed': '/moeder\r\nSet-Cookie: stjaalet=1',
	'line feed': '/\n/evil.example',
	backslash: '/\\evil.example',
	'two slashes': '//evil.example'
};

test.describe('after login, a "til" that leads off the site', () => {
	for (const [label, til] of Object.entries(NASTY_TARGETS)) {
		test(`with a ${label} lands on the home page, without an error`, async ({ request, stack }) => {
			const res = await request.post(`/login?/password`, {
				form: { email: stack.member.email, password: stack.password, til },
				headers: { origin: stack.url, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(res.status()).toBe(303);
			expect(res.headers()['location']).toBe('/');

			// Logged in now, the login page sends the visitor on at once: home again.
			const again = await request.get(`/login?til=${encodeURIComponent(til)}`, { maxRedirects: 0 });
			expect(again.status()).toBe(303);
			expect(again.headers()['location']).toBe('/');
		});
	}

	test('with a tab, followed in a real browser, stays on the site', async ({ page, stack, loginPage, homePage }) => {
		await loginPage.goto('/login?til=%2F%09%2Fevil.example');
		await expectNoAxeViolations(page);
		await loginPage.logInWithPassword(stack.member.email, stack.password);
		await expect(page).toHaveURL('/');
		await expect(homePage.greeting).toBeVisible();
	});
});

test.describe('behind a proxy that names each visitor', () => {
	let app: SecondApp;
	test.beforeAll(async ({ stack }) => {
		app = await startSecondApp(stack, { env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' } });
	});
	test.afterAll(async () => {
		await app?.stop();
	});

	/** A browser without JavaScript at one address, with a cookie jar of its own. */
	function visitor(address: string) {
		const jar = new Map<string, string>();
		return async (action: string, fields: Record<string, string>) => {
			const res = await fetch(`${app.url}/login?/${action}`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					origin: app.url,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					'x-forwarded-for': address,
					cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
				},
				body: new URLSearchParams(fields)
			});
			for (const c of res.headers.getSetCookie()) {
				const [pair] = c.split(';');
				const [name, ...value] = pair.split('=');
				jar.set(name, value.join('='));
			}
			return { status: res.status, location: res.headers.get('location'), body: await res.text(), jar };
		};
	}

	test("a stranger's code requests and guesses do not lock the owner out", async ({ stack, inbox }) => {
		const victim = stack.themeMember.email;
		const before = (await inbox.messagesTo(victim)).length;

		const stranger = visitor('203.0.113.66');
		const requests: number[] = [];
		for (let i = 0; i < 12; i++) requests.push((await stranger('requestCode', { email: victim })).status);
		// A few codes per account and address; then the stranger is told to wait.
		expect(requests.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
		expect(requests.slice(5).every((s) => s === 429)).toBe(true);

		const guesses: { status: number; body: string }[] = [];
		for (const code of ['000000', '111111', '222222', '333333', '444444', '555555']) {
			guesses.push(await stranger('verifyCode', { code }));
		}
		expect(guesses.slice(0, 3).map((g) => g.status)).toEqual([400, 400, 400]);
		expect(guesses.at(-1)?.status).toBe(429);

		// The stranger's codes have reached the owner's inbox; the owner's own comes after them.
		await expect.poll(async () => (await inbox.messagesTo(victim)).length).toBeGreaterThanOrEqual(before + 5);
		const lastId = await inbox.lastIdFor(victim);
		const owner = visitor('198.51.100.23');
		expect((await owner('requestCode', { email: victim })).status).toBe(200);
		const code = await inbox.waitForCode(victim, lastId);
		const login = await owner('verifyCode', { code });
		expect(login.status).toBe(303);
		expect(login.location).toBe('/');
		// The cookie holds the token alone (a JWT), not the user record.
		expect(login.jar.get('pb_auth')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
	});
});

test.describe('served over https', () => {
	let app: SecondApp;
	test.beforeAll(async ({ stack }) => {
		app = await startSecondApp(stack, { origin: `https://localhost:${new URL(stack.url).port}` });
	});
	test.afterAll(async () => {
		await app?.stop();
	});

	test('tells the browser to use https only and marks the login cookies Secure', async ({ stack }) => {
		const origin = `https://localhost:${new URL(stack.url).port}`;
		const page = await fetch(`${app.url}/login`);
		expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');

		const login = await fetch(`${app.url}/login?/password`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: stack.member.email, password: stack.password })
		});
		expect(login.status).toBe(303);
		const cookies = login.headers.getSetCookie().filter((c) => /^(pb_auth|kp_session)=/.test(c));
		expect(cookies).toHaveLength(2);
		for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
	});

	test('is not claimed over plain http', async ({ request }) => {
		const res = await request.get('/login');
		expect(res.headers()['strict-transport-security']).toBeUndefined();
	});
});
