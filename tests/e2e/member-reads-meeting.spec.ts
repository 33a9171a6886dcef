import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';

/** The title the list shows for the stored "oplaeg_fleksible_indlaeggelser_<random>.pdf". */
const SHOWN_NAME = 'Oplaeg fleksible indlaeggelser.pdf';

/** A Danish long date in Copenhagen, computed by Intl rather than by the app's own formatter. */
function danishDay(instant: string): string {
	return new Intl.DateTimeFormat('da-DK', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Copenhagen'
	}).format(new Date(instant.replace(' ', 'T')));
}

const STEERING_GROUP = 'Klyngestyregruppen for Midtklyngen';
const PAST_MEETING_TIME = 'fredag den 12. juni 2020 kl. 8.00-10.40';
const ITEM_3 = "Resultater og perspektiver fra 'fleksible indlæggelser'";

test('a member logs in with a mailed code and reads the minutes of the June 2020 meeting', async ({
	page,
	stack,
	inbox,
	loginPage,
	homePage,
	meetingsPage,
	meetingPage,
	itemPage
}) => {
	await test.step('logs in with the code from the e-mail', async () => {
		await loginPage.goto();
		await expect(loginPage.heading).toBeVisible();
		await expectNoAxeViolations(page);

		const lastId = await inbox.lastIdFor(stack.member.email);
		await loginPage.requestCode(stack.member.email);
		await expect(loginPage.codeSent).toHaveText(
			`Hvis ${stack.member.email} er oprettet i Klyngeportal, har vi sendt en kode dertil. Den gælder i 10 minutter.`
		);
		await expect(loginPage.codeInput).toHaveAccessibleDescription('6 cifre');
		await expectNoAxeViolations(page);

		await loginPage.enterCode(await inbox.waitForCode(stack.member.email, lastId));
		await expect(page).toHaveURL('/');
	});

	await test.step('sees the next meeting on the front page', async () => {
		await expect(homePage.greeting).toHaveText(`Hej ${stack.member.name.split(' ')[0]}`);
		await expect(homePage.nextMeeting).toContainText(STEERING_GROUP);
		await expect(homePage.nextMeeting).toContainText(`${danishDay(stack.nextMeeting.starts)} kl. 8.00-`);
		await expect(homePage.nextMeeting).toContainText(
			'Mødelokale 22, Indgang C, Etage 4, Heibergs Alle 4F, 8800 Viborg'
		);
		await expectNoAxeViolations(page);
	});

	await test.step('opens the next meeting', async () => {
		await homePage.openNextMeeting.click();
		await expect(page).toHaveURL(`/moeder/${stack.nextMeeting.id}`);
		await expect(meetingPage.title).toHaveText('Klyngestyregruppemøde');
		await expect(meetingPage.fact('Tidspunkt')).toHaveText(
			new RegExp(`^${danishDay(stack.nextMeeting.starts)} kl\\. 8\\.00-`)
		);
		await expect(meetingPage.agenda.getByRole('listitem')).not.toHaveCount(0);
		await expectNoAxeViolations(page);
	});

	await test.step('finds the June 2020 meeting among the past meetings', async () => {
		await homePage.meetingsInMenu.click();
		await expect(meetingsPage.heading).toBeVisible();
		await expect(meetingsPage.upcomingTab).toHaveAttribute('aria-current', 'page');
		await expectNoAxeViolations(page);

		await meetingsPage.pastTab.click();
		await expect(meetingsPage.pastTab).toHaveAttribute('aria-current', 'page');
		await expect(meetingsPage.card(PAST_MEETING_TIME)).toContainText(STEERING_GROUP);
		await expectNoAxeViolations(page);

		await meetingsPage.openMeeting(PAST_MEETING_TIME);
		await expect(page).toHaveURL(`/moeder/${stack.pastMeeting.id}`);
	});

	await test.step('reads the facts and participants of the meeting', async () => {
		await expect(meetingPage.title).toHaveText('Klyngestyregruppemøde');
		await expect(meetingPage.fact('Tidspunkt')).toHaveText(PAST_MEETING_TIME);
		await expect(meetingPage.fact('Sted')).toContainText(
			'Mødelokale 22, Indgang C, Etage 4, Heibergs Alle 4F, 8800 Viborg, Regionshospitalet Viborg, jf. vedlagte kort'
		);
		await expect(meetingPage.mapLink).toHaveAttribute(
			'href',
			`https://www.openstreetmap.org/search?query=${encodeURIComponent('Heibergs Alle 4F, 8800 Viborg')}`
		);
		await expect(meetingPage.fact('Forplejning')).toHaveText('Kaffe/te/vand + morgenbrød og madbrød til frokost');
		await expect(meetingPage.fact('Mødeleder')).toHaveText('Søren Lykke');
		await expect(meetingPage.fact('Referenter')).toHaveText('Camilla Bro Iversen og Sofie Lindholm');
		await expect(meetingPage.agenda.getByRole('listitem')).toHaveCount(11);

		// Organisations in the order of the minutes: hospital, psychiatry, municipalities, general practice.
		await expect(meetingPage.organisationHeadings).toHaveText([
			'Hospitalsenhed Midt',
			'Regionspsykiatrien',
			'Silkeborg Kommune',
			'Skive Kommune',
			'Viborg Kommune',
			'Almen praksis',
			'Gæster',
			'Afbud'
		]);
		await expect(meetingPage.peopleOf('Hospitalsenhed Midt').first()).toHaveText(
			/^Hospitalsdirektør\s+Henrik Vestergaard Holm\s+\(medformand\)$/
		);
		await expect(meetingPage.peopleOf('Skive Kommune').filter({ hasText: 'Søren Lykke' })).toContainText(
			'(medformand)'
		);
		await expect(meetingPage.peopleOf('Hospitalsenhed Midt').filter({ hasText: stack.member.name })).toBeVisible();
		// The published minutes say who came: a substitute, someone who left early, and the apologies.
		await expect(meetingPage.peopleOf('Hospitalsenhed Midt').nth(2)).toHaveText(
			/^Oversygeplejerske Tina Rosendahl \(suppleant for Rasmus Buch Kirk\)$/
		);
		await expect(meetingPage.peopleOf('Regionspsykiatrien')).toHaveText([
			'Ledende overlæge Birgitte Holst-Madsen (indtil kl. 9.45)'
		]);
		await expect(meetingPage.peopleOf('Afbud')).toHaveCount(5);
		await expect(meetingPage.peopleOf('Afbud').first()).toHaveText('Ledende overlæge Rasmus Buch Kirk, Akutafdelingen');
		await expect(meetingPage.peopleOf('Gæster')).toHaveText([
			'Projektleder, Signe Brandt, Region Midtjylland',
			'AC-fuldmægtig, Mikkel Haugaard Ebbesen, Region Midtjylland'
		]);
		await expectNoAxeViolations(page);
	});

	await test.step('reads item 3: recommendation before the case, minutes and attachment', async () => {
		await meetingPage.agendaItem(ITEM_3).click();
		await expect(page).toHaveURL(`/moeder/${stack.pastMeeting.id}/punkter/3`);
		await expect(itemPage.title).toHaveText(ITEM_3);
		await expect(itemPage.sectionHeadings).toHaveText(['Indstilling', 'Sagsfremstilling', 'Bilag', 'Referat']);
		await expect(itemPage.recommendation).toContainText('Tager erfaringer og resultater til efterretning');
		await expect(itemPage.background).toContainText("Forskningsprojektet 'Fleksible indlæggelser'");
		const [recommendationBox, backgroundBox] = await Promise.all([
			itemPage.recommendation.boundingBox(),
			itemPage.background.boundingBox()
		]);
		expect(recommendationBox?.y, 'Indstilling is drawn above Sagsfremstilling').toBeLessThan(backgroundBox?.y ?? 0);
		await expect(itemPage.minutes).toContainText('Mikkel holdt et spændende oplæg');
		// PocketBase stores "oplaeg-fleksible-indlaeggelser.pdf" under a name with a random suffix.
		expect(stack.item3Attachment).toMatch(/^oplaeg_fleksible_indlaeggelser_[a-z0-9]+\.pdf$/);
		await expect(itemPage.attachments.getByRole('link')).toHaveCount(1);
		// The link shows a title without PocketBase's suffix, the kind of file and its size.
		await expect(itemPage.attachment(SHOWN_NAME)).toHaveText(
			/^Oplaeg fleksible indlaeggelser\.pdf \(PDF, [\d,]+ (byte|kB)\)$/
		);
		await expectNoAxeViolations(page);
	});

	await test.step('opens the PDF in the browser under its title', async () => {
		const href = await itemPage.attachment(SHOWN_NAME).getAttribute('href');
		expect(href).toContain(stack.item3Attachment);
		// A PDF opens in the phone's viewer instead of landing in Downloads with a raw file name.
		await expect(itemPage.attachment(SHOWN_NAME)).not.toHaveAttribute('download');
		const response = await page.request.get(href ?? '');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		expect(response.headers()['x-content-type-options']).toBe('nosniff');
		expect(response.headers()['content-disposition']).toBe(
			`inline; filename="${SHOWN_NAME}"; filename*=UTF-8''${encodeURIComponent(SHOWN_NAME)}`
		);
		const file = await response.body();
		const shownSize = /\(PDF, ([\d,]+) (byte|kB)\)/.exec((await itemPage.attachment(SHOWN_NAME).textContent()) ?? '');
		const bytes = Number(shownSize?.[1].replace(',', '.')) * (shownSize?.[2] === 'kB' ? 1000 : 1);
		expect(Math.abs(bytes - file.length), 'the size shown is the size served').toBeLessThan(100);
		expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});
});
