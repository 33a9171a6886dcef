// Logging out ends the session on the server: a copy of the cookie is worthless afterwards, and
// "Log ud på alle enheder" ends the sessions of every other browser too.
import type { BrowserContext } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { logIn } from './support/shortcuts';
import { LoginPage } from './pages/login-page';

async function loginCookies(context: BrowserContext) {
	return (await context.cookies()).filter((c) => c.name === 'pb_auth' || c.name === 'kp_session');
}

test('a copy of the login cookies opens nothing once the member has logged out', async ({
	page,
	context,
	stack,
	loginPage,
	newPhone
}) => {
	await logIn(page, stack.member, stack.password);
	const copied = await loginCookies(context);
	expect(copied.map((c) => c.name).sort()).toEqual(['kp_session', 'pb_auth']);

	await page.getByRole('button', { name: 'Log ud', exact: true }).click();
	await expect(page).toHaveURL('/login');
	await expect(loginPage.heading).toBeVisible();

	const thief = await newPhone();
	await thief.context().addCookies(copied);
	await thief.goto('/moeder');
	await expect(thief).toHaveURL('/login?til=%2Fmoeder');
	await expect(new LoginPage(thief).heading).toBeVisible();
	const csv = await thief.request.get(`/moeder/${stack.pastMeeting.id}/fremmoede/svar.csv`, { maxRedirects: 0 });
	expect(csv.status()).toBe(303);
});

test('logging out on every device ends the login on another phone as well', async ({
	page,
	stack,
	loginPage,
	homePage,
	newPhone
}) => {
	const otherPhone = await newPhone();
	await logIn(otherPhone, stack.member, stack.password);
	await logIn(page, stack.member, stack.password);
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Log ud på alle enheder', exact: true }).click();
	await expect(page).toHaveURL('/login');
	await expect(loginPage.heading).toBeVisible();

	await otherPhone.goto('/moeder');
	await expect(otherPhone).toHaveURL('/login?til=%2Fmoeder');

	// Logging in again afterwards works as before.
	await logIn(page, stack.member, stack.password);
	await expect(homePage.greeting).toBeVisible();
});
