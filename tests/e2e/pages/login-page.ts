import { expect, type Locator, type Page } from '@playwright/test';
import type { Inbox } from '../support/inbox';

/** /login: an e-mail code in two steps, or a password behind "Log ind med adgangskode". */
export class LoginPage {
	readonly heading: Locator;
	readonly emailInput: Locator;
	readonly sendCodeButton: Locator;
	readonly codeSent: Locator;
	readonly codeInput: Locator;
	readonly verifyButton: Locator;
	readonly resendButton: Locator;
	readonly passwordDisclosure: Locator;
	readonly passwordEmailInput: Locator;
	readonly passwordInput: Locator;
	readonly passwordLoginButton: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Log ind' });
		// The password form repeats "E-mail" inside <details>; the code form's field comes first.
		this.emailInput = page.getByRole('textbox', { name: 'E-mail', exact: true }).first();
		this.sendCodeButton = page.getByRole('button', { name: 'Send kode' });
		this.codeSent = page.getByRole('status');
		this.codeInput = page.getByRole('textbox', { name: 'Kode fra e-mailen' });
		this.verifyButton = page.getByRole('button', { name: 'Log ind', exact: true });
		this.resendButton = page.getByRole('button', { name: 'Send en ny kode', exact: true });
		const details = page.getByRole('group').filter({ hasText: 'Log ind med adgangskode' });
		this.passwordDisclosure = details.getByText('Log ind med adgangskode', { exact: true });
		this.passwordEmailInput = details.getByRole('textbox', { name: 'E-mail', exact: true });
		this.passwordInput = details.getByLabel('Adgangskode', { exact: true });
		this.passwordLoginButton = details.getByRole('button', { name: 'Log ind', exact: true });
	}

	async goto(path = '/login') {
		return this.page.goto(path);
	}

	async requestCode(email: string) {
		await this.emailInput.fill(email);
		await this.sendCodeButton.click();
	}

	async enterCode(code: string) {
		await this.codeInput.fill(code);
		await this.verifyButton.click();
	}

	/** Asks for a code, takes it from the mail catcher and enters it. */
	async logInWithCode(email: string, inbox: Inbox) {
		const lastId = await inbox.lastIdFor(email);
		await this.requestCode(email);
		await expect(this.codeInput).toBeVisible();
		await this.enterCode(await inbox.waitForCode(email, lastId));
	}

	async openPasswordLogin() {
		await this.passwordDisclosure.click();
		await expect(this.passwordInput).toBeVisible();
	}

	async logInWithPassword(email: string, password: string) {
		// A disclosure opened before the app has hydrated is shut again by the hydration, which sets
		// <details>.open from the page's state; then the fields are hidden: open it again and retry.
		await expect(async () => {
			if (!(await this.passwordInput.isVisible())) await this.passwordDisclosure.click({ timeout: 2_000 });
			await this.passwordEmailInput.fill(email, { timeout: 2_000 });
			await this.passwordInput.fill(password, { timeout: 2_000 });
			await this.passwordLoginButton.click({ timeout: 2_000 });
		}).toPass({ timeout: 20_000 });
	}
}
