import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';

test.describe('a member of the steering group', () => {
	test.beforeEach(async ({ stack, loginPage, page }) => {
		await loginPage.goto();
		await loginPage.logInWithPassword(stack.member.email, stack.password);
		await expect(page).toHaveURL('/');
	});

	test("gets the Danish 404 page for the theme group's meeting", async ({ page, stack, errorPage }) => {
		const response = await page.goto(`/moeder/${stack.themeMeeting.id}`);
		expect(response?.status()).toBe(404);
		await expect(errorPage.heading).toHaveText('Siden findes ikke');
		await expect(errorPage.message('Mødet findes ikke, eller du har ikke adgang til det.')).toBeVisible();
		await expect(page).toHaveTitle('Siden findes ikke · Klyngeportal');
		await expect(page.getByText('Møde i temagruppen for den voksne patient')).toHaveCount(0);
		await expectNoAxeViolations(page);
	});

	test("gets the Danish 404 page for the theme group's agenda items and files", async ({ page, stack, errorPage }) => {
		const response = await page.goto(`/moeder/${stack.themeMeeting.id}/punkter/2`);
		expect(response?.status()).toBe(404);
		await expect(errorPage.heading).toHaveText('Siden findes ikke');
		await expect(errorPage.message('Dagsordenspunktet findes ikke, eller du har ikke adgang til det.')).toBeVisible();
		await expectNoAxeViolations(page);

		const file = await page.request.get(
			`/moeder/${stack.themeMeeting.id}/punkter/2/bilag/${stack.themeItem2Attachment}`
		);
		expect(file.status()).toBe(404);
		expect(file.headers()['content-type']).not.toBe('application/pdf');
	});

	test('gets the Danish 404 page, not an error, for a malformed meeting id', async ({ page, errorPage }) => {
		const response = await page.goto('/moeder/abc');
		expect(response?.status()).toBe(404);
		await expect(errorPage.heading).toHaveText('Siden findes ikke');
		await expect(errorPage.message('Mødet findes ikke, eller du har ikke adgang til det.')).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('gets the Danish 404 page, not an error, for an item number the meeting does not have', async ({
		page,
		stack,
		errorPage
	}) => {
		const response = await page.goto(`/moeder/${stack.pastMeeting.id}/punkter/99`);
		expect(response?.status()).toBe(404);
		await expect(errorPage.heading).toHaveText('Siden findes ikke');
		await expect(errorPage.message('Dagsordenspunktet findes ikke, eller du har ikke adgang til det.')).toBeVisible();
		await expectNoAxeViolations(page);

		await errorPage.homeLink.click();
		await expect(page).toHaveURL('/');
	});

	test('gets 404 for a file name the agenda item does not have', async ({ page, stack }) => {
		const response = await page.request.get(`/moeder/${stack.pastMeeting.id}/punkter/3/bilag/andet-bilag.pdf`);
		expect(response.status()).toBe(404);
	});
});

test("a member of the theme group downloads the group's own attachment but not the steering group's", async ({
	page,
	stack,
	loginPage,
	homePage
}) => {
	await loginPage.goto();
	await loginPage.logInWithPassword(stack.themeMember.email, stack.password);
	await expect(homePage.nextMeeting).toContainText('Temagruppen for den voksne patient');

	const own = await page.request.get(`/moeder/${stack.themeMeeting.id}/punkter/2/bilag/${stack.themeItem2Attachment}`);
	expect(own.status()).toBe(200);
	expect(own.headers()['content-type']).toBe('application/pdf');

	const other = await page.request.get(`/moeder/${stack.pastMeeting.id}/punkter/3/bilag/${stack.item3Attachment}`);
	expect(other.status()).toBe(404);
	expect(other.headers()['content-type']).not.toBe('application/pdf');
});

test('a logged-out visitor cannot download an attachment by its URL', async ({ request, stack }) => {
	const response = await request.get(`/moeder/${stack.pastMeeting.id}/punkter/3/bilag/${stack.item3Attachment}`, {
		maxRedirects: 0
	});
	// The login guard sends the visitor to log in first (and back to the file afterwards).
	expect(response.status()).toBe(303);
	expect(response.headers()['location']).toBe(
		`/login?til=${encodeURIComponent(`/moeder/${stack.pastMeeting.id}/punkter/3/bilag/${stack.item3Attachment}`)}`
	);
});
