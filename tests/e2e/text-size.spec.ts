// WCAG 1.4.4 and 1.4.10: at 200 % text size on a 360 px phone every screen still fits its width —
// nothing is cut off and nothing needs sideways scrolling.
import type { Page } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { expect, test } from './support/fixtures';

async function expectNoSidewaysScrolling(page: Page) {
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	const overflow = await page.evaluate(() => {
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
	expect(overflow, `elements wider than the screen on ${page.url()}`).toEqual([]);
}

test('every screen fits a 360 px phone at 200 % text size', async ({ page, stack }) => {
	await page.goto('/login');
	await expectNoSidewaysScrolling(page);

	const login = new LoginPage(page);
	await login.goto();
	await login.logInWithPassword(stack.secretariat.email, stack.password);
	await expect(page).toHaveURL('/');
	for (const path of [
		'/',
		'/moeder',
		'/moeder/tidligere',
		`/moeder/${stack.pastMeeting.id}`,
		`/moeder/${stack.pastMeeting.id}/punkter/3`,
		`/moeder/${stack.nextMeeting.id}`,
		`/moeder/${stack.nextMeeting.id}/svar/delvist`,
		`/moeder/${stack.nextMeeting.id}/fremmoede`
	]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectNoSidewaysScrolling(page);
	}
});
