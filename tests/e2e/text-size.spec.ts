// WCAG 1.4.4 and 1.4.10: at 200 % text size on a 360 px phone every screen still fits its width —
// nothing is cut off and nothing needs sideways scrolling.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';

async function expectNoSidewaysScrolling(page: Page) {
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	const overflow = await elementsWiderThanScreen(page);
	expect(overflow, `elements wider than the screen on ${page.url()}`).toEqual([]);
}

test('every screen fits a 360 px phone at 200 % text size', async ({ page, stack }) => {
	await page.goto('/login');
	await expectNoSidewaysScrolling(page);

	await logIn(page, stack.secretariat, stack.password);
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
