// The secretariat writes a meeting's minutes on a phone and on a laptop: a Referat, a decision and a
// follow-up owned by a member, a refusal beside the field, "Udsend referat" with its confirmation;
// then the member reads the minutes and finds the follow-up in "Dine frister" on the home page.
// The tests of a run share one stack, so each works on a meeting of its own, made by the superuser.
import PocketBase from 'pocketbase';
import { AgendaItemPage } from './pages/agenda-item-page';
import { HomePage } from './pages/home-page';
import { MinutesPage } from './pages/minutes-page';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';
import type { StackInfo } from './support/stack-info';

const STEERING_GROUP = 'Klyngestyregruppen for Midtklyngen';

/** "2027-01-05": the day `days` from now (a date input's value). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

/** A held meeting of the steering group (yesterday) with two agenda items, made by the superuser. */
async function heldMeeting(stack: StackInfo, title: string) {
	const pb = new PocketBase(stack.pbUrl);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	const group = await pb.collection('groups').getFirstListItem(pb.filter('name = {:name}', { name: STEERING_GROUP }));
	const starts = new Date(Date.now() - 26 * 3600 * 1000);
	const pbDate = (d: Date) => d.toISOString().replace('T', ' ');
	const meeting = await pb.collection('meetings').create({
		group: group.id,
		title,
		starts: pbDate(starts),
		ends: pbDate(new Date(starts.getTime() + 2 * 3600 * 1000)),
		status: 'held'
	});
	await pb.collection('agenda_items').create({ meeting: meeting.id, position: 1, title: 'Demensvenlig klynge' });
	await pb.collection('agenda_items').create({ meeting: meeting.id, position: 2, title: 'Eventuelt' });
	return meeting.id;
}

for (const [label, viewport] of [
	['on a phone', { width: 360, height: 740 }],
	['on a laptop', { width: 1280, height: 800 }]
] as const) {
	test.describe(label, () => {
		test.use({ viewport });

		test('the secretary writes and publishes the minutes, and the member finds them and the follow-up', async ({
			page,
			stack,
			newPhone
		}) => {
			const title = `Referatmøde ${viewport.width}`;
			const followUp = `Send demensstrategien til høring (${viewport.width})`;
			const meetingId = await heldMeeting(stack, title);
			const minutes = new MinutesPage(page);
			await logIn(page, stack.secretariat, stack.password);
			await minutes.goto(meetingId);
			await expect(minutes.title).toHaveText(`Referat: ${title}`);
			await expect(minutes.participantBlock).toContainText('Mødedeltagere');
			await expectNoAxeViolations(page);
			expect(await elementsWiderThanScreen(page)).toEqual([]);

			await minutes.writeItem(
				1,
				'Demensvenlig klynge',
				'Der var enighed om at blive demensvenlig klynge.',
				'Styregruppen nedsætter en arbejdsgruppe.'
			);
			const item = minutes.item(1, 'Demensvenlig klynge');
			await expect(item.getByRole('status')).toHaveText('Gemt');
			await expect(item.getByLabel('Beslutning 1')).toHaveValue('Styregruppen nedsætter en arbejdsgruppe.');
			// The new decision now stands in the list; its field is empty for the next one.
			await expect(item.getByLabel('Ny beslutning')).toHaveValue('');

			// An emptied decision is refused beside it, and the Referat typed with it is kept on screen.
			await item.getByLabel('Beslutning 1').fill('');
			await item.getByRole('button', { name: 'Gem punkt 1' }).click();
			const decision = item.getByLabel('Beslutning 1');
			await expect(decision).toHaveAttribute('aria-invalid', 'true');
			await expect(item.getByText('Skriv beslutningen.')).toBeVisible();
			await expectNoAxeViolations(page);
			await decision.fill('Styregruppen nedsætter en arbejdsgruppe.');
			await item.getByRole('button', { name: 'Gem punkt 1' }).click();
			await expect(item.getByRole('status')).toHaveText('Gemt');

			// A due date before the meeting is refused beside the date.
			await minutes.addFollowUp(1, followUp, stack.member.name, dayFromNow(-5));
			const followUps = minutes.followUps(1);
			await expect(followUps.getByText('Fristen kan ikke ligge før mødet.')).toBeVisible();
			await expect(followUps.getByLabel('Frist').last()).toHaveAttribute('aria-invalid', 'true');
			await minutes.addFollowUp(1, followUp, stack.member.name, dayFromNow(10));
			await expect(followUps.getByLabel('Opfølgningspunkt 1')).toHaveValue(followUp);

			await minutes.publishButton.click();
			await expect(page.getByRole('alert')).toHaveText('Er du sikker? Medlemmerne får besked nu.');
			await expectNoAxeViolations(page);
			await minutes.confirmPublish.click();
			await expect(minutes.published).toHaveText('Referatet er udsendt. Medlemmerne får besked.');
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: 'Udskriv referat' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(`REFERAT: ${title}`);
			await expect(page.getByRole('article')).toContainText('Styregruppen nedsætter en arbejdsgruppe.');
			await expectNoAxeViolations(page);

			const phone = await newPhone();
			await logIn(phone, stack.member, stack.password);
			const home = new HomePage(phone);
			await expect(home.greeting).toBeVisible();
			const deadlines = phone.getByRole('region', { name: 'Dine frister' });
			await expect(deadlines.getByRole('link', { name: followUp })).toBeVisible();
			await expectNoAxeViolations(phone);
			const itemPage = new AgendaItemPage(phone);
			await itemPage.goto(meetingId, 1);
			await expect(itemPage.minutes).toContainText('Der var enighed om at blive demensvenlig klynge.');
			await expect(phone.getByText('Styregruppen nedsætter en arbejdsgruppe.')).toHaveCount(1);
			await expectNoAxeViolations(phone);
		});
	});
}

test('the minutes of the June 2020 meeting fit a 360 px phone at 200 % text size', async ({ page, stack }) => {
	const minutes = new MinutesPage(page);
	await logIn(page, stack.secretariat, stack.password);
	await minutes.goto(stack.pastMeeting.id);
	await expect(minutes.item(1, 'Velkomst, præsentation og godkendelse af dagsordenen')).toBeVisible();
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	expect(await elementsWiderThanScreen(page)).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the secretary saves an item and a follow-up with plain form posts', async ({ page, stack }) => {
		const meetingId = await heldMeeting(stack, 'Referatmøde uden JavaScript');
		const minutes = new MinutesPage(page);
		await logIn(page, stack.secretariat, stack.password);
		await minutes.goto(meetingId);
		await minutes.writeItem(1, 'Demensvenlig klynge', 'Skrevet uden JavaScript.', 'Godkendt uden JavaScript.');
		const item = minutes.item(1, 'Demensvenlig klynge');
		await expect(item.getByRole('status')).toHaveText('Gemt');
		await expect(item.getByLabel('Referat', { exact: true })).toHaveValue('Skrevet uden JavaScript.');
		await expect(item.getByLabel('Beslutning 1')).toHaveValue('Godkendt uden JavaScript.');
		await expect(item.getByLabel('Ny beslutning')).toHaveValue('');

		await minutes.addFollowUp(1, 'Følg op uden JavaScript', 'Andet (skriv selv)', '');
		await expect(
			minutes.followUps(1).getByText('Skriv hvem der er ansvarlig, eller vælg en anden ansvarlig.')
		).toBeVisible();
		await expect(minutes.followUps(1).getByLabel('Hvad skal der følges op på')).toHaveValue('Følg op uden JavaScript');

		// Saved with a member as owner, the follow-up shows that owner again (the page is rendered by
		// the server alone), and it can be removed.
		await minutes.addFollowUp(1, 'Følg op uden JavaScript', stack.member.name, dayFromNow(10));
		const followUps = minutes.followUps(1);
		await expect(followUps.getByLabel('Opfølgningspunkt 1')).toHaveValue('Følg op uden JavaScript');
		await expect(followUps.getByLabel('Ansvarlig', { exact: true }).first()).toHaveValue(/^user:/);
		await expect(followUps.getByLabel('Frist').first()).toHaveValue(dayFromNow(10));
		await followUps.getByRole('button', { name: 'Fjern opfølgningspunkt' }).click();
		await expect(followUps.getByLabel('Opfølgningspunkt 1')).toHaveCount(0);
	});
});
