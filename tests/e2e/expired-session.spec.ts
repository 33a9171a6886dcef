// A form sent after the login has run out goes to the login page and, after logging in, back to
// the page it was sent from: never to "Mødet findes ikke" or an error, and nothing is stored.
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';

/** The login has run out: the browser no longer has its cookies (as after 30 days, or a logout elsewhere). */
async function expireLogin(page: Page) {
	await page.context().clearCookies();
}

function loginUrlBackTo(path: string) {
	return `/login?til=${encodeURIComponent(path)}`;
}

test.describe('a member whose login has run out', () => {
	test.beforeEach(async ({ page, stack, loginPage }) => {
		await loginPage.goto();
		await loginPage.logInWithPassword(stack.member.email, stack.password);
		await expect(page).toHaveURL('/');
	});

	test('who taps an answer on the meeting page is asked to log in and comes back', async ({
		page,
		stack,
		loginPage,
		meetingPage
	}) => {
		await meetingPage.goto(stack.nextMeeting.id);
		const before = await meetingPage.answer.status.textContent();
		await expireLogin(page);

		await meetingPage.answer.attend.click();
		const answerPage = `/moeder/${stack.nextMeeting.id}/svar`;
		await expect(page).toHaveURL(loginUrlBackTo(answerPage));
		await expect(loginPage.heading).toBeVisible();
		await expectNoAxeViolations(page);

		await loginPage.logInWithPassword(stack.member.email, stack.password);
		await expect(page).toHaveURL(answerPage);
		// The tap before the login stored nothing.
		await meetingPage.goto(stack.nextMeeting.id);
		await expect(meetingPage.answer.status).toHaveText(before ?? '');
	});

	test('who saves the full answer form is asked to log in and comes back to the form', async ({
		page,
		stack,
		loginPage,
		answerPage
	}) => {
		await answerPage.goto(stack.nextMeeting.id);
		await answerPage.choice('Deltager').check();
		await expireLogin(page);

		await answerPage.saveButton.click();
		const path = `/moeder/${stack.nextMeeting.id}/svar`;
		await expect(page).toHaveURL(loginUrlBackTo(path));
		await expect(loginPage.heading).toBeVisible();

		await loginPage.logInWithPassword(stack.member.email, stack.password);
		await expect(page).toHaveURL(path);
		await expect(answerPage.saveButton).toBeVisible();
	});
});

test.describe('a secretary whose login has run out', () => {
	test.beforeEach(async ({ page, stack, loginPage, overviewPage }) => {
		// Without live updates: a reload they trigger while the cookies are being cleared would bring a
		// fresh login back with its response, and the test would not show an expired login.
		await page.route('**/fremmoede/live', (route) => route.abort());
		await loginPage.goto();
		await loginPage.logInWithPassword(stack.secretariat.email, stack.password);
		await expect(page).toHaveURL('/');
		await overviewPage.goto(stack.nextMeeting.id);
		await expect(overviewPage.heading).toBeVisible();
	});

	test('who sends reminders is asked to log in and comes back to the overview', async ({
		page,
		stack,
		inbox,
		loginPage,
		overviewPage
	}) => {
		const mailsBefore = (await inbox.allMessages()).length;
		await expireLogin(page);

		await overviewPage.remindButton.click();
		const path = `/moeder/${stack.nextMeeting.id}/fremmoede`;
		await expect(page).toHaveURL(loginUrlBackTo(path));
		await expect(loginPage.heading).toBeVisible();
		expect((await inbox.allMessages()).length).toBe(mailsBefore);

		await loginPage.logInWithPassword(stack.secretariat.email, stack.password);
		await expect(page).toHaveURL(path);
		await expect(overviewPage.heading).toBeVisible();
	});

	test('who adds a guest is asked to log in and comes back to the overview', async ({
		page,
		stack,
		loginPage,
		overviewPage
	}) => {
		const guestName = 'Gæst Efter Udløb';
		await page.getByRole('textbox', { name: 'Navn', exact: true }).fill(guestName);
		await expireLogin(page);

		await page.getByRole('button', { name: 'Tilføj gæst', exact: true }).click();
		const path = `/moeder/${stack.nextMeeting.id}/fremmoede`;
		await expect(page).toHaveURL(loginUrlBackTo(path));
		await expect(loginPage.heading).toBeVisible();

		await loginPage.logInWithPassword(stack.secretariat.email, stack.password);
		await expect(page).toHaveURL(path);
		await expect(overviewPage.guests).toBeVisible();
		await expect(overviewPage.guests.getByText(guestName)).toHaveCount(0);
	});
});
