// Steps several tests take on the way to what they test.
import { expect, type Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page';

/** Logs in with the demo password, where the login itself is not the point, and lands on home. */
export async function logIn(page: Page, who: { email: string }, password: string) {
	const loginPage = new LoginPage(page);
	await loginPage.goto();
	await loginPage.logInWithPassword(who.email, password);
	await expect(page).toHaveURL('/');
}

/** Where a saved answer lands: the answer block of the page it was given from, with the saved flag. */
export const savedAt = (meetingId: string, path = `/moeder/${meetingId}`) => `${path}?gemt=${meetingId}#svar`;
