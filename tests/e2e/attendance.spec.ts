// Attendance: the one-tap answer, the full answer form, substitutes and the secretariat's overview.
// The tests of a run share one stack, so each answers as its own member of the steering group.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { AnswerPage, type Substitute } from './pages/answer-page';
import { ErrorPage } from './pages/error-page';
import { HomePage } from './pages/home-page';
import { MeetingPage } from './pages/meeting-page';
import { OverviewPage } from './pages/overview-page';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { logIn, savedAt } from './support/shortcuts';
import type { Person, StackInfo } from './support/stack-info';

const STEERING_GROUP = 'Klyngestyregruppen for Midtklyngen';
const MEETING_TITLE = 'Klyngestyregruppemøde';
const FIRST_ITEM = 'Velkomst og godkendelse af dagsordenen';
const AGENDA_ITEMS = 13;
const NOT_FOUND = 'Mødet findes ikke, eller du har ikke adgang til det.';
const csvPath = (meetingId: string) => `/moeder/${meetingId}/fremmoede/svar.csv`;

/** The next meeting's agenda (demo data) runs 08.00-11.05; who leaves at 10.00 misses items 9-13. */
const LEAVES_AT = '10:00';
const MISSED_AFTER_TEN = [
	'9. Afslutning af projekt livets afslutning',
	'10. Status på Midtklyngens initiativer i Alliancen om den nære Psykiatri',
	'11. Opfølgning på implementering af regional retningslinje for Kommunikation om fravalg af livsforlængende behandling og genoplivningsforsøg',
	'12. Drøftelse af kommunernes opfyldelse af indikatoropfyldelse og udvikling siden sidte afrapportering fra Hjerte KomMidt2019',
	'13. Eventuelt'
];

/** Which of `stack.steeringMembers` each test answers as. */
const MEMBER = {
	sendsSubstitute: 0,
	invitesSubstitute: 1,
	oneTap: 2,
	partly: 3,
	badInput: 4,
	unanswered: 5,
	answered: 6,
	csv: 7,
	onBehalf: 8
} as const;

function memberFor(stack: StackInfo, role: keyof typeof MEMBER): Person {
	const member = stack.steeringMembers[MEMBER[role]];
	if (!member) throw new Error(`the demo has too few steering-group members for "${role}"`);
	return member;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const parse = (instant: string) => new Date(instant.replace(' ', 'T'));

/** "8.00" in Copenhagen, computed by Intl rather than by the app's or the hooks' own formatters. */
function clock(instant: Date): string {
	const parts = new Intl.DateTimeFormat('da-DK', {
		hour: 'numeric',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: 'Europe/Copenhagen'
	}).formatToParts(instant);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('hour')}.${part('minute')}`;
}

/** "fredag den 12. juni 2020 kl. 8.00" in Copenhagen. */
function danishDateTime(instant: Date): string {
	const day = new Intl.DateTimeFormat('da-DK', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Copenhagen'
	}).format(instant);
	return `${day} kl. ${clock(instant)}`;
}

/** Gives an answer with one tap on the front page, on a phone of its own (setup for a test). */
async function answerWithOneTap(phone: Page, who: Person, password: string, answer: 'Deltager' | 'Afbud') {
	await logIn(phone, who, password);
	const home = new HomePage(phone);
	await (answer === 'Deltager' ? home.answer.attend : home.answer.decline).click();
	await expect(home.answer.status).toHaveText(`Dit svar: ${answer}`);
}

test('a member sends a substitute, and the secretariat sees it live on the overview', async ({
	page,
	stack,
	newPhone,
	meetingPage,
	answerPage
}) => {
	const member = memberFor(stack, 'sendsSubstitute');
	const meetingId = stack.nextMeeting.id;
	const substitute: Substitute = {
		name: 'Tove Bisgaard',
		title: 'Afdelingschef',
		email: 'tove.bisgaard@silkeborg.example'
	};
	const secretariat = await newPhone();
	const overview = new OverviewPage(secretariat);
	const before = { substitute: 0, unanswered: 0 };

	await test.step('the secretariat has the overview open before the answer comes', async () => {
		await logIn(secretariat, stack.secretariat, stack.password);
		await overview.goto(meetingId);
		await expect(overview.heading).toBeVisible();
		// The live connection is up: from here on, changes reach the page.
		await expect(overview.live).toBeVisible();
		await expect(overview.row(member.id)).toContainText(member.name);
		await expect(overview.row(member.id)).toContainText('Mangler svar');
		before.substitute = await overview.countOf('Suppleant');
		before.unanswered = await overview.countOf('Mangler svar');
		await expectNoAxeViolations(secretariat);
		// A mark that a reload would wipe out.
		await secretariat.evaluate(() => document.body.setAttribute('data-e2e-same-page', 'yes'));
	});

	await test.step('the member answers "Afbud med suppleant" from the meeting page', async () => {
		await logIn(page, member, stack.password);
		await meetingPage.goto(meetingId);
		await expect(meetingPage.answer.status).toHaveText('Du har ikke svaret endnu.');
		await meetingPage.answer.withSubstitute.click();
		await expect(page).toHaveURL(`/moeder/${meetingId}/svar/suppleant`);
		await expect(answerPage.heading).toHaveText(`Deltager du i ${MEETING_TITLE}?`);
		await expect(answerPage.choice('Afbud med suppleant')).toBeChecked();
		// Once the page runs, only the fields of the chosen answer are shown.
		await expect(answerPage.leaves).toBeHidden();
		await answerPage.fillSubstitute(substitute);
		await expect(answerPage.substituteEmail).toHaveAccessibleDescription(
			'Suppleanten får en invitation og kan læse mødets dagsorden og bilag.'
		);
		await expectNoAxeViolations(page);

		await answerPage.saveButton.click();
		await expect(page).toHaveURL(savedAt(meetingId));
		await expect(meetingPage.answer.status).toHaveText(`Afbud med suppleant: ${substitute.name}, ${substitute.title}`);
	});

	await test.step('the overview shows the answer and the substitute without a reload', async () => {
		await expect(overview.count('Suppleant')).toHaveText(`Suppleant: ${before.substitute + 1}`);
		await expect(overview.count('Mangler svar')).toHaveText(`Mangler svar: ${before.unanswered - 1}`);
		const row = overview.row(member.id);
		await expect(row).toContainText('Afbud med suppleant');
		await expect(row).toContainText(`${substitute.title} ${substitute.name}`);
		await expect(overview.participantBlock).toHaveValue(
			new RegExp(`^${escapeRegExp(`${substitute.title} ${substitute.name} (suppleant for ${member.name})`)}$`, 'm')
		);
		// The member is listed under "Afbud:" in the minutes' block.
		await expect(overview.participantBlock).toHaveValue(
			new RegExp(`\\nAfbud:\\n(.+\\n)*.*${escapeRegExp(member.name)}`)
		);
		await expect(secretariat.locator('body')).toHaveAttribute('data-e2e-same-page', 'yes');
		await expectNoAxeViolations(secretariat);
	});
});

test('the substitute logs in from the invitation mail and sees that meeting only', async ({
	page,
	stack,
	inbox,
	newPhone,
	loginPage,
	homePage,
	meetingPage,
	itemPage,
	meetingsPage,
	errorPage
}) => {
	const member = memberFor(stack, 'invitesSubstitute');
	const meetingId = stack.nextMeeting.id;
	const substitute: Substitute = {
		name: 'Rikke Dam',
		title: 'Kvalitetskonsulent',
		email: 'rikke.dam@viborg.example'
	};
	let invitationLink = '';

	await test.step('a member names the substitute with an e-mail address', async () => {
		const phone = await newPhone();
		await logIn(phone, member, stack.password);
		const form = new AnswerPage(phone);
		await form.goto(meetingId, 'suppleant');
		await expect(form.leaves).toBeHidden();
		await form.fillSubstitute(substitute);
		await form.saveButton.click();
		await expect(phone).toHaveURL(savedAt(meetingId));
	});

	await test.step('the invitation mail has a login link for that meeting and address', async () => {
		const mail = await inbox.waitForMail(
			substitute.email,
			new RegExp(
				`^${escapeRegExp(`Du er suppleant for ${member.name}: ${MEETING_TITLE} ${danishDateTime(parse(stack.nextMeeting.starts))}`)}$`
			)
		);
		invitationLink = /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';
		expect(invitationLink).toBe(
			`${stack.url}/login?til=${encodeURIComponent(`/moeder/${meetingId}`)}&email=${encodeURIComponent(substitute.email)}`
		);
	});

	await test.step('the substitute opens the link and logs in with a mailed code', async () => {
		await page.goto(invitationLink);
		await expect(loginPage.heading).toBeVisible();
		await expect(loginPage.emailInput).toHaveValue(substitute.email);
		await expectNoAxeViolations(page);

		const lastId = await inbox.lastIdFor(substitute.email);
		await loginPage.sendCodeButton.click();
		await expect(loginPage.codeInput).toBeVisible();
		await loginPage.enterCode(await inbox.waitForCode(substitute.email, lastId));

		await expect(page).toHaveURL(`/moeder/${meetingId}`);
		await expect(meetingPage.title).toHaveText(MEETING_TITLE);
		await expect(meetingPage.agenda.getByRole('listitem')).toHaveCount(AGENDA_ITEMS);
		// A guest of the meeting reads it; only members answer, and only leaders see the overview.
		await expect(meetingPage.answer.scope).toHaveCount(0);
		await expect(meetingPage.overviewLink).toHaveCount(0);
		await expectNoAxeViolations(page);
	});

	await test.step('opens an agenda item', async () => {
		await meetingPage.agendaItem(FIRST_ITEM).click();
		await expect(page).toHaveURL(`/moeder/${meetingId}/punkter/1`);
		await expect(itemPage.title).toHaveText(FIRST_ITEM);
		await expect(itemPage.recommendation).toContainText('At klyngestyregruppen godkender dagsordenen.');
		await expectNoAxeViolations(page);
	});

	await test.step("gets the Danish 404 for the group's other meeting and the theme group's", async () => {
		for (const other of [stack.pastMeeting.id, stack.themeMeeting.id]) {
			const response = await meetingPage.goto(other);
			expect(response?.status(), other).toBe(404);
			await expect(errorPage.heading).toHaveText('Siden findes ikke');
			await expect(errorPage.message(NOT_FOUND)).toBeVisible();
		}
		await expectNoAxeViolations(page);
	});

	await test.step('finds only that meeting among the meetings', async () => {
		await homePage.goto();
		await homePage.meetingsInMenu.click();
		await expect(meetingsPage.heading).toBeVisible();
		await expect(meetingsPage.cards).toHaveCount(1);
		await expect(meetingsPage.cards).toContainText(STEERING_GROUP);
		await expect(meetingsPage.cards.getByRole('link')).toHaveAttribute('href', `/moeder/${meetingId}`);
		await expectNoAxeViolations(page);

		await meetingsPage.pastTab.click();
		await expect(meetingsPage.pastTab).toHaveAttribute('aria-current', 'page');
		await expect(page.getByText('Ingen tidligere møder i dine grupper.')).toBeVisible();
		await expect(meetingsPage.cards).toHaveCount(0);
		await expectNoAxeViolations(page);
	});
});

test('a member answers with one tap on the front page and changes it on the meeting page', async ({
	page,
	stack,
	homePage,
	meetingPage
}) => {
	const meetingId = stack.nextMeeting.id;
	await logIn(page, memberFor(stack, 'oneTap'), stack.password);

	await test.step('taps "Deltager" on the front page', async () => {
		await expect(homePage.answer.status).toHaveText('Du har ikke svaret endnu.');
		await expect(homePage.answer.attend).toHaveAttribute('aria-pressed', 'false');
		await expect(homePage.answer.decline).toHaveAttribute('aria-pressed', 'false');
		// The deadline is three days before the meeting.
		const deadline = new Date(parse(stack.nextMeeting.starts).getTime() - 3 * 24 * 60 * 60 * 1000);
		await expect(homePage.nextMeeting.getByText(`Svar senest ${danishDateTime(deadline)}.`)).toBeVisible();
		await expectNoAxeViolations(page);

		await homePage.answer.attend.click();
		await expect(homePage.answer.status).toHaveText('Dit svar: Deltager');
		await expect(homePage.answer.attend).toHaveAttribute('aria-pressed', 'true');
		await expect(homePage.answer.decline).toHaveAttribute('aria-pressed', 'false');
		await expect(page).toHaveURL(savedAt(meetingId, '/'));
		await expectNoAxeViolations(page);
	});

	await test.step('changes the answer to "Afbud" on the meeting page', async () => {
		await homePage.openNextMeeting.click();
		await expect(page).toHaveURL(`/moeder/${meetingId}`);
		await expect(meetingPage.answer.status).toHaveText('Deltager');
		await expect(meetingPage.answer.attend).toHaveAttribute('aria-pressed', 'true');

		await meetingPage.answer.decline.click();
		await expect(meetingPage.answer.status).toHaveText('Afbud');
		await expect(meetingPage.answer.decline).toHaveAttribute('aria-pressed', 'true');
		await expect(meetingPage.answer.attend).toHaveAttribute('aria-pressed', 'false');
		await expect(page).toHaveURL(savedAt(meetingId));
		await expectNoAxeViolations(page);
	});

	await test.step('the front page shows the new answer', async () => {
		await homePage.goto();
		await expect(homePage.answer.status).toHaveText('Dit svar: Afbud');
		await expect(homePage.answer.decline).toHaveAttribute('aria-pressed', 'true');
	});
});

test('a member who leaves early sees the agenda items they miss and answers "Deltager delvist"', async ({
	page,
	stack,
	homePage,
	meetingPage,
	answerPage
}) => {
	const meetingId = stack.nextMeeting.id;
	await logIn(page, memberFor(stack, 'partly'), stack.password);

	await test.step('chooses "Deltager delvist" and types when they leave', async () => {
		await homePage.answer.partly.click();
		await expect(page).toHaveURL(`/moeder/${meetingId}/svar/delvist`);
		await expect(answerPage.choice('Deltager delvist')).toBeChecked();
		// Once the page runs, only the fields of the chosen answer are shown.
		await expect(answerPage.substituteName).toBeHidden();
		await expect(answerPage.timesHint).toHaveText(
			`Mødet varer kl. ${clock(parse(stack.nextMeeting.starts))}-${clock(parse(stack.nextMeeting.ends))}. Udfyld det ene eller begge.`
		);
		await expect(answerPage.missedHeading).toBeHidden();

		await answerPage.leaves.fill(LEAVES_AT);
		await expect(answerPage.missedHeading).toBeVisible();
		await expect(answerPage.missed).toHaveText(MISSED_AFTER_TEN);
		await expectNoAxeViolations(page);
	});

	await test.step('saves the answer', async () => {
		await answerPage.saveButton.click();
		await expect(page).toHaveURL(savedAt(meetingId));
		await expect(meetingPage.answer.status).toHaveText(`Deltager indtil kl. ${LEAVES_AT.replace(':', '.')}`);
	});

	await test.step('finds the time again in the form', async () => {
		await meetingPage.answer.moreOptions.click();
		await expect(page).toHaveURL(`/moeder/${meetingId}/svar`);
		await expect(answerPage.choice('Deltager delvist')).toBeChecked();
		await expect(answerPage.leaves).toHaveValue(LEAVES_AT);
		await expect(answerPage.arrives).toHaveValue('');
		await expect(answerPage.missed).toHaveText(MISSED_AFTER_TEN);
	});
});

test.describe('a member who fills in the answer form wrongly', () => {
	test.beforeEach(async ({ page, stack, meetingPage, answerPage }) => {
		const meetingId = stack.nextMeeting.id;
		await logIn(page, memberFor(stack, 'badInput'), stack.password);
		// The answer before: "Afbud", without a note. (Saved with the form, whose redirect tells when it is
		// done; a one-tap answer that changes nothing gives no sign before the page reloads its data.)
		await answerPage.goto(meetingId);
		await answerPage.choice('Afbud').check();
		await answerPage.note.fill('');
		await answerPage.saveButton.click();
		await expect(page).toHaveURL(savedAt(meetingId));
		await expect(meetingPage.answer.status).toHaveText('Afbud');

		await meetingPage.answer.moreOptions.click();
		await expect(page).toHaveURL(`/moeder/${meetingId}/svar`);
		await expect(answerPage.choice('Afbud')).toBeChecked();
		// Once the page runs, only the fields of the chosen answer are shown: none for "Afbud".
		await expect(answerPage.substituteName).toBeHidden();
		await expect(answerPage.leaves).toBeHidden();
	});

	/** Reads the answer back in another tab: still "Afbud" without a note. */
	async function expectAnswerUnchanged(page: Page, meetingId: string) {
		const tab = await page.context().newPage();
		const form = new AnswerPage(tab);
		await form.goto(meetingId);
		await expect(form.choice('Afbud')).toBeChecked();
		await expect(form.note).toHaveValue('');
		await tab.close();
	}

	test('is told beside the field that a substitute needs a name', async ({ page, stack, answerPage }) => {
		await answerPage.choice('Afbud med suppleant').check();
		await answerPage.substituteTitle.fill('Konsulent');
		await answerPage.saveButton.click();

		const message = 'Skriv suppleantens navn.';
		await expect(answerPage.substituteName).toHaveAttribute('aria-invalid', 'true');
		await expect(answerPage.substituteName).toHaveAccessibleDescription(message);
		await expect(answerPage.errorBeside(answerPage.substituteName)).toHaveText(message);
		await expect(answerPage.substituteTitle).toHaveValue('Konsulent');
		await expect(page).toHaveURL(`/moeder/${stack.nextMeeting.id}/svar`);
		await expectNoAxeViolations(page);
		await expectAnswerUnchanged(page, stack.nextMeeting.id);
	});

	test("is told beside the field that the substitute's e-mail is invalid", async ({ page, stack, answerPage }) => {
		await answerPage.choice('Afbud med suppleant').check();
		await answerPage.substituteName.fill('Niels Krog');
		// Passes the browser's own check (no dot needed there), not the server's.
		await answerPage.substituteEmail.fill('niels.krog@kommune');
		await answerPage.saveButton.click();

		const message = 'Skriv en gyldig e-mail til suppleanten, fx navn@kommune.dk.';
		await expect(answerPage.substituteEmail).toHaveAttribute('aria-invalid', 'true');
		await expect(answerPage.substituteEmail).toHaveAccessibleDescription(
			`Suppleanten får en invitation og kan læse mødets dagsorden og bilag. ${message}`
		);
		await expect(answerPage.errorBeside(answerPage.substituteEmail)).toHaveText(message);
		await expect(answerPage.substituteEmail).toHaveValue('niels.krog@kommune');
		await expect(answerPage.substituteName).not.toHaveAttribute('aria-invalid', 'true');
		await expectNoAxeViolations(page);
		await expectAnswerUnchanged(page, stack.nextMeeting.id);
	});

	test('is told beside the fields that the times lie outside the meeting', async ({ page, stack, answerPage }) => {
		await answerPage.choice('Deltager delvist').check();
		await answerPage.arrives.fill('07:30');
		await answerPage.leaves.fill('12:00');
		await answerPage.saveButton.click();

		const message = `Vælg et tidspunkt inden for mødet, kl. ${clock(parse(stack.nextMeeting.starts))}-${clock(parse(stack.nextMeeting.ends))}.`;
		for (const field of [answerPage.arrives, answerPage.leaves]) {
			await expect(field).toHaveAttribute('aria-invalid', 'true');
			await expect(field).toHaveAccessibleDescription(message);
			await expect(answerPage.errorBeside(field)).toHaveText(message);
		}
		await expectNoAxeViolations(page);
		await expectAnswerUnchanged(page, stack.nextMeeting.id);
	});

	test('is told beside the field to leave later than they come', async ({ page, stack, answerPage }) => {
		await answerPage.choice('Deltager delvist').check();
		await answerPage.arrives.fill('10:00');
		await answerPage.leaves.fill('09:00');
		await answerPage.saveButton.click();

		const message = 'Du skal gå senere, end du kommer.';
		await expect(answerPage.leaves).toHaveAttribute('aria-invalid', 'true');
		await expect(answerPage.leaves).toHaveAccessibleDescription(message);
		await expect(answerPage.errorBeside(answerPage.leaves)).toHaveText(message);
		await expect(answerPage.arrives).not.toHaveAttribute('aria-invalid', 'true');
		await expect(answerPage.arrives).toHaveValue('10:00');
		await expectNoAxeViolations(page);
		await expectAnswerUnchanged(page, stack.nextMeeting.id);
	});

	test('is told beside the note that it is longer than 1,000 characters', async ({ page, stack, answerPage }) => {
		// The textarea sets no maxlength, so the browser lets the member type on.
		const note = 'Jeg kommer gerne, men kan blive forsinket. '.repeat(30).slice(0, 1001);
		await answerPage.choice('Deltager').check();
		await answerPage.note.fill(note);
		await answerPage.saveButton.click();

		const message = 'Noten må højst være 1.000 tegn.';
		await expect(answerPage.note).toHaveAttribute('aria-invalid', 'true');
		await expect(answerPage.note).toHaveAccessibleDescription(`Højst 1.000 tegn. ${message}`);
		await expect(answerPage.errorBeside(answerPage.note)).toHaveText(message);
		await expect(answerPage.note).toHaveValue(note);
		await expectNoAxeViolations(page);
		await expectAnswerUnchanged(page, stack.nextMeeting.id);
	});
});

test('the secretariat reminds, through the reminder engine, the members who have not answered, sees who was reminded, and is asked before reminding again', async ({
	page,
	stack,
	newPhone,
	overviewPage
}) => {
	const meetingId = stack.nextMeeting.id;
	const waiting = memberFor(stack, 'unanswered');
	const answered = memberFor(stack, 'answered');
	const admin = new PocketBase(stack.pbUrl);
	admin.autoCancellation(false);
	await admin.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	type Queued = { user: string; origin: string; moment: string };
	/** The rows "Send påmindelse nu" queued in the outbox (the dispatcher sends them by each member's choice). */
	const rounds = async () =>
		(
			await admin.collection('notifications').getFullList<Queued>({
				filter: admin.filter('subject = {:meeting} && kind = "attendance" && origin = "secretariat"', {
					meeting: meetingId
				}),
				fields: 'user,origin,moment'
			})
		).reduce(
			(byRound, row) => byRound.set(row.moment, [...(byRound.get(row.moment) ?? []), row.user]),
			new Map<string, string[]>()
		);
	let reminded = 0;

	await test.step('one member has answered', async () => {
		await answerWithOneTap(await newPhone(), answered, stack.password, 'Deltager');
	});

	await test.step('the secretariat sends the reminder from the overview', async () => {
		await logIn(page, stack.secretariat, stack.password);
		await overviewPage.goto(meetingId);
		await expect(overviewPage.row(waiting.id)).toContainText('Mangler svar');
		await expect(overviewPage.row(answered.id)).toContainText('Deltager');
		await expect(overviewPage.lastReminder).toHaveCount(0);
		await expectNoAxeViolations(page);
		// Everyone without an answer but the secretary who sends the reminders.
		const unanswered = await overviewPage.countOf('Mangler svar');
		const self = page.getByTestId(/^answer-/).filter({ hasText: stack.secretariat.name });
		const selfUnanswered = (await self.textContent())?.includes('Mangler svar');
		reminded = unanswered - (selfUnanswered ? 1 : 0);
		expect((await rounds()).size).toBe(0);

		await overviewPage.remindButton.click();
		await expect(overviewPage.reminded).toContainText(waiting.name);
		await expect(overviewPage.reminded).not.toContainText(answered.name);
		await expectNoAxeViolations(page);

		// One queued reminder for each member without an answer, none for the secretary or who answered.
		const [round] = [...(await rounds()).values()];
		expect(round).toHaveLength(reminded);
		expect(round).toContain(waiting.id);
		expect(round).not.toContain(answered.id);
	});

	await test.step('the overview says when the reminders went out, to whom, and per member how', async () => {
		await overviewPage.goto(meetingId);
		await expect(overviewPage.lastReminder).toContainText(/^Sidste påmindelse: .+ kl\. \d{1,2}\.\d\d, sendt af /);
		await expect(overviewPage.lastReminder).toContainText(waiting.name);
		await expect(overviewPage.lastReminder).not.toContainText(answered.name);
		await overviewPage.remindedSummary.click();
		// Queued and not yet sent ("Næste"), or already sent by the engine ("Mindet: … (e-mail, af sekretariatet)").
		await expect(overviewPage.remindedRow(waiting.id)).toContainText(
			/Næste: \S+dag den \d+\. \S+ \d{4} kl\. \d{1,2}\.\d\d|Mindet: .+, af sekretariatet\)/
		);
		await expect(overviewPage.remindedRow(answered.id)).toContainText('Mindet: Ikke mindet endnu');
		await expectNoAxeViolations(page);
	});

	await test.step('a second tap within a day asks first, and queues nothing until confirmed', async () => {
		await overviewPage.remindButton.click();
		await expect(overviewPage.confirmRemind).toBeVisible();
		await expectNoAxeViolations(page);
		expect((await rounds()).size).toBe(1);

		await overviewPage.dontRemindLink.click();
		await expect(overviewPage.confirmRemind).toHaveCount(0);
		await expect(overviewPage.remindButton).toBeVisible();
		expect((await rounds()).size).toBe(1);

		await overviewPage.remindButton.click();
		await overviewPage.remindAgainButton.click();
		await expect(overviewPage.reminded).toContainText(waiting.name);
		const all = await rounds();
		expect(all.size).toBe(2);
		for (const round of all.values()) expect(round).toHaveLength(reminded);
	});
});

test('the secretariat downloads the answers as CSV; a member gets neither the overview nor the file', async ({
	page,
	stack,
	newPhone,
	overviewPage
}) => {
	const meetingId = stack.nextMeeting.id;
	const member = memberFor(stack, 'csv');
	const header = '"Organisation";"Navn";"Titel";"Rolle";"Svar"';
	const memberLine = new RegExp(`(^|\\n)[^\\n]*;"${escapeRegExp(member.name)}";"[^"\\n]*";"";"Afbud";`);
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(
		parse(stack.nextMeeting.starts)
	);

	await test.step('a member answers "Afbud"', async () => {
		await answerWithOneTap(await newPhone(), member, stack.password, 'Afbud');
	});

	await test.step('the secretariat fetches the CSV from the overview', async () => {
		await logIn(page, stack.secretariat, stack.password);
		await overviewPage.goto(meetingId);
		await expect(overviewPage.row(member.id)).toContainText('Afbud');
		await expect(overviewPage.csvLink).toHaveAttribute('href', csvPath(meetingId));
		await expectNoAxeViolations(page);

		const response = await page.request.get(csvPath(meetingId));
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toMatch(/^text\/csv\b/);
		const body = await response.text();
		expect(body).toContain(header);
		expect(body).toMatch(memberLine);

		const [download] = await Promise.all([page.waitForEvent('download'), overviewPage.csvLink.click()]);
		// Named after the group and the day (the UTF-8 name from filename*), not the record id.
		expect(download.suggestedFilename()).toBe(`fremmøde-klyngestyregruppen-for-midtklyngen-${day}.csv`);
		const file = (await readFile((await download.path()) ?? '')).toString('utf8');
		expect(file).toContain(header);
		expect(file).toMatch(memberLine);
	});

	await test.step('a plain member gets the Danish 404 for the overview and the CSV', async () => {
		const phone = await newPhone();
		await logIn(phone, stack.member, stack.password);
		const meetingPage = new MeetingPage(phone);
		await meetingPage.goto(meetingId);
		await expect(meetingPage.title).toHaveText(MEETING_TITLE);
		await expect(meetingPage.overviewLink).toHaveCount(0);

		const overview = await new OverviewPage(phone).goto(meetingId);
		expect(overview?.status()).toBe(404);
		const errorPage = new ErrorPage(phone);
		await expect(errorPage.heading).toHaveText('Siden findes ikke');
		await expect(errorPage.message(NOT_FOUND)).toBeVisible();
		await expect(phone.getByText(member.name)).toHaveCount(0);
		await expectNoAxeViolations(phone);

		const csv = await phone.request.get(csvPath(meetingId));
		expect(csv.status()).toBe(404);
		expect(csv.headers()['content-type']).not.toMatch(/^text\/csv\b/);
		const body = await csv.text();
		expect(body).toContain(NOT_FOUND);
		expect(body).not.toContain(member.name);
	});
});

test('a member who opens the CSV link in the browser gets a 404 page in Danish', async ({ page, stack }) => {
	await logIn(page, stack.member, stack.password);
	const response = await page.goto(csvPath(stack.nextMeeting.id));
	expect(response?.status()).toBe(404);
	await expect(page.getByText(NOT_FOUND, { exact: true })).toBeVisible();
	// A Danish page must say it is Danish, or screen readers read it with English pronunciation (WCAG 3.1.1).
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	await expectNoAxeViolations(page);
});

test('a logged-out visitor cannot download the CSV by its URL', async ({ request, stack }) => {
	const response = await request.get(csvPath(stack.nextMeeting.id), { maxRedirects: 0 });
	// As the overview's live endpoint and the attachments answer: to the login page, not an error.
	expect(response.status()).toBe(303);
	expect(response.headers()['location']).toBe(`/login?til=${encodeURIComponent(csvPath(stack.nextMeeting.id))}`);
	expect(response.headers()['content-type'] ?? '').not.toMatch(/^text\/csv\b/);
});

test("the secretariat answers on a member's behalf and manages the meeting's guests", async ({
	page,
	stack,
	newPhone,
	overviewPage,
	answerPage
}) => {
	const meetingId = stack.nextMeeting.id;
	const member = memberFor(stack, 'onBehalf');
	await logIn(page, stack.secretariat, stack.password);
	await overviewPage.goto(meetingId);

	await test.step('answers "Afbud" for a member who phoned in', async () => {
		await overviewPage
			.row(member.id)
			.getByRole('link', { name: `Svar for ${member.name}` })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Svar for ${member.name}`);
		await expectNoAxeViolations(page);
		await page.getByRole('radio', { name: 'Afbud', exact: true }).check();
		// The secretariat's own words: a note, not "Note til sekretariatet".
		await page.getByRole('textbox', { name: 'Note', exact: true }).fill('Ringede til sekretariatet');
		await answerPage.saveButton.click();
		await expect(overviewPage.heading).toBeVisible();
		await expect(overviewPage.row(member.id)).toContainText('Afbud');
		await expect(overviewPage.row(member.id)).toContainText('(registreret af sekretariatet)');
		await expect(overviewPage.row(member.id)).toContainText('Ringede til sekretariatet');
	});

	await test.step('adds a guest, who appears in the participant block, and removes the guest again', async () => {
		const guests = overviewPage.guests;
		await guests.getByRole('button', { name: 'Tilføj gæst' }).click();
		await expect(guests.getByText('Skriv gæstens navn.')).toBeVisible();
		await guests.getByLabel('Navn').fill('Niels Overby');
		await guests.getByLabel('Titel').fill('Professor');
		await guests.getByLabel('Organisation').fill('Aarhus Universitet');
		await guests.getByRole('button', { name: 'Tilføj gæst' }).click();
		await expect(guests.getByRole('listitem')).toContainText(['Professor, Niels Overby, Aarhus Universitet']);
		await expect(overviewPage.participantBlock).toHaveValue(/\nGæster:\nProfessor, Niels Overby, Aarhus Universitet/);
		await expectNoAxeViolations(page);
		await guests.getByRole('button', { name: 'Fjern Niels Overby' }).click();
		await expect(guests.getByText('Ingen gæster.')).toBeVisible();
	});

	await test.step('the member then taps "Deltager", and the note about the absence goes with it', async () => {
		await answerWithOneTap(await newPhone(), member, stack.password, 'Deltager');
		await overviewPage.goto(meetingId);
		await expect(overviewPage.row(member.id)).toContainText('Deltager');
		await expect(overviewPage.row(member.id)).not.toContainText('Ringede til sekretariatet');
		const csv = await (await page.request.get(csvPath(meetingId))).text();
		const line = csv.split('\n').find((l) => l.includes(member.name));
		expect(line).toContain(';"Deltager";');
		expect(line).not.toContain('Ringede til sekretariatet');
	});
});
