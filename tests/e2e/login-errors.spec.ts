import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';

test.describe('the login page', () => {
	test.beforeEach(async ({ loginPage }) => {
		await loginPage.goto();
	});

	test('says a wrong code is wrong beside the code field', async ({ page, stack, inbox, loginPage }) => {
		const lastId = await inbox.lastIdFor(stack.member.email);
		await loginPage.requestCode(stack.member.email);
		const code = await inbox.waitForCode(stack.member.email, lastId);
		// Any other six digits: the real code with its first digit changed.
		const wrongCode = `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;

		await loginPage.enterCode(wrongCode);
		const message = 'Koden er forkert eller udløbet. Prøv igen, eller få en ny kode.';
		await expect(loginPage.codeInput).toHaveAttribute('aria-invalid', 'true');
		await expect(loginPage.codeInput).toHaveAccessibleDescription(`6 cifre ${message}`);
		await expect(page.getByText(message, { exact: true })).toBeVisible();
		await expect(page).toHaveURL(/\/login/);
		await expectNoAxeViolations(page);

		// The message goes once the member types again.
		await loginPage.codeInput.fill(code);
		await expect(loginPage.codeInput).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByText(message, { exact: true })).toHaveCount(0);
	});

	test('sends a new code from the wrong-code screen, and the new code logs in', async ({
		page,
		stack,
		inbox,
		loginPage
	}) => {
		const email = stack.secretariat.email;
		const firstId = await inbox.lastIdFor(email);
		await loginPage.requestCode(email);
		const first = await inbox.waitForCode(email, firstId);
		await loginPage.enterCode(`${(Number(first[0]) + 1) % 10}${first.slice(1)}`);
		await expect(page.getByText('Koden er forkert eller udløbet. Prøv igen, eller få en ny kode.')).toBeVisible();

		const resentId = await inbox.lastIdFor(email);
		await loginPage.resendButton.click();
		await expect(loginPage.codeSent).toHaveText(
			`Hvis ${email} er oprettet i Klyngeportal, har vi sendt en ny kode dertil. Den gælder i 10 minutter.`
		);
		await expectNoAxeViolations(page);
		const second = await inbox.waitForCode(email, resentId);

		await loginPage.enterCode(second);
		await expect(page).toHaveURL('/');
	});

	test('says an invalid e-mail address is invalid beside the e-mail field', async ({ page, loginPage }) => {
		// Passes the browser's own check (no dot needed there), not the server's.
		await loginPage.requestCode('navn@kommune');
		const message = 'Skriv en gyldig e-mail, fx navn@kommune.dk.';
		await expect(loginPage.emailInput).toHaveAttribute('aria-invalid', 'true');
		await expect(loginPage.emailInput).toHaveAccessibleDescription(message);
		await expect(loginPage.emailInput).toHaveValue('navn@kommune');
		await expect(loginPage.codeInput).toHaveCount(0);
		await expectNoAxeViolations(page);
	});

	test('answers an unknown e-mail address exactly as a known one', async ({ page, stack, loginPage }) => {
		const answerFor = async (email: string) => {
			await loginPage.goto();
			await loginPage.requestCode(email);
			await expect(loginPage.codeInput).toBeVisible();
			await expect(loginPage.codeSent).toContainText(email);
			return ((await loginPage.codeSent.textContent()) ?? '').replace(email, '<e-mail>');
		};
		const known = await answerFor(stack.member.email);
		await page.context().clearCookies();
		const unknown = await answerFor('ukendt.person@example.dk');

		expect(unknown).toBe(
			'Hvis <e-mail> er oprettet i Klyngeportal, har vi sendt en kode dertil. Den gælder i 10 minutter.'
		);
		expect(unknown).toBe(known);
		await expectNoAxeViolations(page);
	});

	test('says a wrong password is wrong beside the password field', async ({ page, stack, loginPage }) => {
		await loginPage.logInWithPassword(stack.member.email, 'forkert-adgangskode');
		const message = 'E-mail eller adgangskode er forkert.';
		await expect(loginPage.passwordInput).toHaveAttribute('aria-invalid', 'true');
		await expect(loginPage.passwordInput).toHaveAccessibleDescription(message);
		await expect(loginPage.passwordEmailInput).toHaveValue(stack.member.email);
		await expect(page).toHaveURL(/\/login/);
		await expectNoAxeViolations(page);
	});
});

test.describe('a tampered auth cookie', () => {
	test('that is garbage leads to the login page, not an error', async ({ page, context, stack, loginPage }) => {
		await context.addCookies([{ name: 'pb_auth', value: 'garbage', url: stack.url }]);
		const response = await page.goto('/moeder');
		expect(response?.status()).toBe(200);
		await expect(page).toHaveURL('/login?til=%2Fmoeder');
		await expect(loginPage.heading).toBeVisible();
		// The server answers the bad cookie by expiring it.
		expect((await context.cookies()).map((c) => c.name)).not.toContain('pb_auth');
		await expectNoAxeViolations(page);
	});

	test('with a forged token leads to the login page, not an error', async ({ page, context, stack, loginPage }) => {
		await loginPage.goto();
		await loginPage.logInWithPassword(stack.member.email, stack.password);
		await expect(page).toHaveURL('/');

		// Keep the shape of the real cookie (the token alone), but break the token's signature.
		const [cookie] = (await context.cookies()).filter((c) => c.name === 'pb_auth');
		const token = cookie.value.slice(0, -4) + (cookie.value.endsWith('AAAA') ? 'BBBB' : 'AAAA');
		await context.addCookies([{ ...cookie, value: token }]);

		const response = await page.goto('/');
		expect(response?.status()).toBe(200);
		await expect(page).toHaveURL('/login');
		await expect(loginPage.heading).toBeVisible();
		await expect(page.getByRole('button', { name: 'Log ud' })).toHaveCount(0);
	});
});
