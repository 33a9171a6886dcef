import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';

test('a logged-out visitor who opens a meeting is asked to log in and then lands on that meeting', async ({
	page,
	stack,
	inbox,
	loginPage,
	meetingPage
}) => {
	await meetingPage.goto(stack.pastMeeting.id);
	await expect(page).toHaveURL(`/login?til=${encodeURIComponent(`/moeder/${stack.pastMeeting.id}`)}`);
	await expect(loginPage.heading).toBeVisible();
	await expectNoAxeViolations(page);

	await loginPage.logInWithCode(stack.member.email, inbox);

	await expect(page).toHaveURL(`/moeder/${stack.pastMeeting.id}`);
	await expect(meetingPage.fact('Tidspunkt')).toHaveText('fredag den 12. juni 2020 kl. 8.00-10.40');
	await expectNoAxeViolations(page);
});

test('a logged-out visitor who opens a meeting lands on it after logging in with a password', async ({
	page,
	stack,
	loginPage,
	meetingPage
}) => {
	await meetingPage.goto(stack.pastMeeting.id);
	await expect(page).toHaveURL(`/login?til=${encodeURIComponent(`/moeder/${stack.pastMeeting.id}`)}`);

	await loginPage.logInWithPassword(stack.member.email, stack.password);

	await expect(page).toHaveURL(`/moeder/${stack.pastMeeting.id}`);
	await expect(meetingPage.title).toHaveText('Klyngestyregruppemøde');
});
