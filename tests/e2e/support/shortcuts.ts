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

/** The elements on the page that reach past the right edge of the screen (sideways scrolling). */
export function elementsWiderThanScreen(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		return [...document.querySelectorAll('body *')]
			.filter((el) => {
				const box = el.getBoundingClientRect();
				// Elements moved off to the left on purpose (the skip link until focused) are not content.
				return box.width > 0 && box.right > 0 && box.right > width + 1;
			})
			.map(
				(el) =>
					`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} «${(el.textContent ?? '').trim().slice(0, 40)}»`
			)
			.slice(0, 5);
	});
}
