import { expect, test } from './support/fixtures';

test('every page is sent with a strict content security policy and protective headers', async ({ request }) => {
	for (const path of ['/login', '/findes-ikke']) {
		const response = await request.get(path);
		const headers = response.headers();
		const csp = headers['content-security-policy'] ?? '';
		expect(csp, path).toContain("frame-ancestors 'none'");
		expect(csp, path).toMatch(/script-src 'self' '(nonce|sha256)-/);
		expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
		expect(headers['x-content-type-options'], path).toBe('nosniff');
	}
});

test('the login page runs with its inline start-up script allowed by the policy alone', async ({ page }) => {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	await page.goto('/login');
	await expect(page.getByRole('button', { name: 'Send kode' })).toBeVisible();
	// The enhanced form answers in place, which only happens once the app's scripts have run.
	await page.getByLabel('E-mail').first().fill('navn@kommune');
	await page.getByRole('button', { name: 'Send kode' }).click();
	await expect(page.getByText('Skriv en gyldig e-mail, fx navn@kommune.dk.')).toBeVisible();
	// Without JavaScript the browser would have navigated to the action URL (/login?/requestCode).
	await expect(page).toHaveURL(/\/login$/);
	expect(violations).toEqual([]);
});
