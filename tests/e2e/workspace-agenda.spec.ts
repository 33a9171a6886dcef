// The secretariat's agenda editor (issue 10), end to end: the demo secretary makes the next meeting
// from the template, adds three items with durations, moves one, publishes; a member sees it and is
// notified (a row in the outbox); the secretary changes the agenda and notifies; the member sees
// "Ændret". At 360×740 first, then the editor at 1280×800 with dragging. Axe on every screen.
import PocketBase from 'pocketbase';
import { EditorPage } from './pages/editor-page';
import { ItemEditorPage } from './pages/item-editor-page';
import { MinutesPage } from './pages/minutes-page';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';
import type { StackInfo } from './support/stack-info';

const MEMBER = { email: 'susanne.jensen@hemidt.example' };

async function superuser(stack: StackInfo): Promise<PocketBase> {
	const pb = new PocketBase(stack.pbUrl);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	return pb;
}

/** The meetings this file made, removed afterwards: the stack is shared with the other e2e files. */
const made: string[] = [];
test.afterAll(async ({ stack }) => {
	const pb = await superuser(stack);
	for (const id of made) await pb.collection('meetings').delete(id);
});

test('the secretary makes the next meeting from the template, publishes it, changes it, and the member sees "Ændret"', async ({
	page,
	stack,
	newPhone
}) => {
	// Two people, four screens and seven saves: more steps than the default minute allows on a busy machine.
	test.setTimeout(240_000);
	const editor = new EditorPage(page);
	await logIn(page, stack.secretariat, stack.password);
	let meetingId = '';

	await test.step('"Nyt møde" is filled from the group’s last meeting', async () => {
		await editor.gotoNew();
		await expect(editor.heading).toHaveText('Nyt møde');
		await expect(editor.title).toHaveValue('Klyngestyregruppemøde');
		await expect(editor.startTime).toHaveValue('08:00');
		await expect(editor.daysBefore).toHaveValue('3');
		// The proposed date lies ahead, on the last meeting's weekday (a Friday).
		const date = await editor.date.inputValue();
		expect(new Date(`${date}T12:00:00Z`).getTime()).toBeGreaterThan(Date.now());
		expect(new Date(`${date}T12:00:00Z`).getUTCDay()).toBe(5);
		expect(await elementsWiderThanScreen(page)).toEqual([]);
		await expectNoAxeViolations(page);
		await editor.title.fill('Klyngestyregruppemøde (e2e)');
		await editor.saveNew.click();
		await expect(page).toHaveURL(/\/moeder\/\w+\/rediger\?gemt=1$/);
		meetingId = /moeder\/(\w+)\/rediger/.exec(page.url())![1];
		made.push(meetingId);
		await expect(editor.status).toHaveText('Gemt');
	});

	await test.step('adds three items with durations; the slots follow from the start', async () => {
		await editor.add('Velkomst og godkendelse af dagsorden', 10);
		await editor.add('Demensvenlig klynge', 30, 'Sofie Lindholm');
		await editor.add('Eventuelt', 5);
		await expect(editor.item('Velkomst')).toContainText('kl. 8.00-8.10');
		await expect(editor.item('Demensvenlig klynge')).toContainText('kl. 8.10-8.40');
		await expect(editor.item('Demensvenlig klynge')).toContainText('v/ Sofie Lindholm');
		await expect(editor.item('Eventuelt')).toContainText('kl. 8.40-8.45');
		await expectNoAxeViolations(page);
	});

	await test.step('refuses an item that would end after the meeting, beside the duration', async () => {
		await editor.itemTitle.fill('For langt punkt');
		await editor.itemDuration.fill('240');
		await editor.addItem.click();
		await expect(editor.itemDuration).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#item-duration-error')).toHaveText(
			/^Punktet slutter kl\. 12\.45, efter mødets slut kl\. \d+\.\d\d\.$/
		);
		await expect(editor.items).toHaveCount(3);
		await expectNoAxeViolations(page);
	});

	await test.step('publishes after a confirmation step', async () => {
		await editor.publish.click();
		await expect(page.getByText('Når dagsordenen udsendes')).toBeVisible();
		await expectNoAxeViolations(page);
		await editor.confirmPublish.click();
		await expect(editor.changes.getByText(/^Dagsordenen blev udsendt /)).toBeVisible();
	});

	const pb = await superuser(stack);
	const member = await pb.collection('users').getFirstListItem(pb.filter('email = {:e}', { e: MEMBER.email }));

	await test.step('the member sees the meeting and is notified once', async () => {
		const rows = await pb.collection('notifications').getFullList({
			filter: pb.filter('subject = {:m} && kind = "agenda_published" && user = {:u}', { m: meetingId, u: member.id })
		});
		expect(rows).toHaveLength(1);
		const phone = await newPhone();
		await logIn(phone, MEMBER, stack.password);
		await phone.goto(`/moeder/${meetingId}`);
		await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Klyngestyregruppemøde (e2e)');
		await expect(phone.getByRole('region', { name: 'Dagsorden' })).toContainText('Demensvenlig klynge');
		await expect(phone.getByText('Ændret', { exact: true })).toHaveCount(0);
		await phone.close();
	});

	await test.step('the secretary moves an item and gives the members notice of the changes', async () => {
		await editor.item('Eventuelt').getByRole('button', { name: 'Flyt op: Eventuelt' }).click();
		await expect(editor.items.nth(1)).toContainText('Eventuelt');
		await expect(editor.items.nth(1)).toContainText('kl. 8.10-8.15');
		await expect(editor.changes).toContainText('Punkt 3 ‘Demensvenlig klynge’: nyt tidspunkt');
		await expectNoAxeViolations(page);
		await editor.notify.click();
		await expect(editor.status).toHaveText('Medlemmerne får besked om ændringerne.');
		await expect(editor.notify).toHaveCount(0);
		const rows = await pb.collection('notifications').getFullList({
			filter: pb.filter('subject = {:m} && kind = "agenda_changed" && user = {:u}', { m: meetingId, u: member.id })
		});
		expect(rows).toHaveLength(1);
	});

	await test.step('the member sees "Ændret" on the meeting page and on the item', async () => {
		const phone = await newPhone();
		await logIn(phone, MEMBER, stack.password);
		await phone.goto(`/moeder/${meetingId}`);
		const agenda = phone.getByRole('region', { name: 'Dagsorden' });
		await expect(agenda.getByRole('note')).toContainText('Ændret siden udsendelse');
		await expect(agenda.getByRole('note')).toContainText('Punkt 3 ‘Demensvenlig klynge’: nyt tidspunkt');
		await expect(
			agenda.getByRole('listitem').filter({ hasText: 'Demensvenlig klynge' }).getByText('Ændret')
		).toBeVisible();
		await expectNoAxeViolations(phone);
		await phone.goto(`/moeder/${meetingId}/punkter/3`);
		await expect(phone.getByText('Ændret siden udsendelse: nyt tidspunkt.')).toBeVisible();
		await expectNoAxeViolations(phone);
		await phone.close();
	});

	// The rest of the meeting's life (issue 10's walk): an attachment, the minutes with a decision and
	// a follow-up owned by the member, published; the follow-up reaches the member's "Dine frister".
	const meetingDay = await test.step('the secretary attaches a PDF to an item', async () => {
		await editor.goto(meetingId);
		const day = await editor.date.inputValue();
		await editor
			.item('Demensvenlig klynge')
			.getByRole('link', { name: 'Tekster og bilag: Demensvenlig klynge' })
			.click();
		const itemEditor = new ItemEditorPage(page);
		await expect(itemEditor.heading).toHaveText('Rediger punkt 3');
		await itemEditor.file.setInputFiles({
			name: 'strategi.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('%PDF-1.4\n% Demensstrategi for Midtklyngen\n%%EOF\n')
		});
		await itemEditor.attachmentTitle.fill('Demensstrategi 2027');
		await itemEditor.upload.click();
		await expect(itemEditor.attachment('Demensstrategi 2027')).toBeVisible();
		await expectNoAxeViolations(page);
		return day;
	});

	await test.step('the secretary writes the minutes with a decision and a follow-up, and sends them out', async () => {
		const minutes = new MinutesPage(page);
		await minutes.goto(meetingId);
		await minutes.writeItem(3, 'Demensvenlig klynge', 'Strategien blev drøftet.', 'Styregruppen godkender strategien.');
		await expect(minutes.item(3, 'Demensvenlig klynge').getByRole('status')).toHaveText('Gemt');
		const due = new Date(Date.parse(`${meetingDay}T12:00:00Z`) + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
		await minutes.addFollowUp(3, 'Send strategien til kommunerne (e2e)', member.name as string, due);
		await expect(minutes.followUps(3).getByLabel('Opfølgningspunkt 1')).toHaveValue(
			'Send strategien til kommunerne (e2e)'
		);
		await expectNoAxeViolations(page);
		await minutes.publish();
		await expect(minutes.published).toHaveText('Referatet er udsendt. Medlemmerne får besked.');
	});

	await test.step('the member reads the attachment and the minutes, and finds the follow-up in "Dine frister"', async () => {
		const rows = await pb.collection('notifications').getFullList({
			filter: pb.filter('subject = {:m} && kind = "minutes_published" && user = {:u}', { m: meetingId, u: member.id })
		});
		expect(rows).toHaveLength(1);
		const phone = await newPhone();
		await logIn(phone, MEMBER, stack.password);
		await phone.goto(`/moeder/${meetingId}/punkter/3`);
		await expect(phone.getByRole('link', { name: /Demensstrategi 2027/ })).toBeVisible();
		await expect(phone.getByText('Styregruppen godkender strategien.')).toBeVisible();
		await phone.goto('/');
		const deadlines = phone.getByRole('region', { name: 'Dine frister' });
		await expect(deadlines.getByRole('link', { name: 'Send strategien til kommunerne (e2e)' })).toBeVisible();
		await expectNoAxeViolations(phone);
		await phone.close();
	});
});

test.describe('on a laptop', () => {
	test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

	test('the secretary drags an item into place and removes one after confirming', async ({ page, stack }) => {
		const editor = new EditorPage(page);
		await logIn(page, stack.secretariat, stack.password);
		await editor.gotoNew();
		await editor.title.fill('Arbejdsmøde (e2e, laptop)');
		await editor.saveNew.click();
		await expect(page).toHaveURL(/\/rediger\?gemt=1$/);
		made.push(/moeder\/(\w+)\/rediger/.exec(page.url())![1]);
		await editor.add('Første punkt', 15);
		await editor.add('Andet punkt', 20);
		await editor.add('Tredje punkt', 25);
		await expectNoAxeViolations(page);

		await editor.item('Tredje punkt').dragTo(editor.item('Første punkt'));
		await expect(editor.items.first()).toContainText('Tredje punkt');
		await expect(editor.items.first()).toContainText('kl. 8.00-8.25');
		await page.reload();
		await expect(editor.items.first()).toContainText('Tredje punkt');

		await editor.item('Andet punkt').getByRole('link', { name: 'Fjern: Andet punkt' }).click();
		await expect(page.getByText('Fjern punktet „Andet punkt“ fra dagsordenen?')).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Ja, fjern punktet' }).click();
		await expect(editor.items).toHaveCount(2);
		await expect(editor.item('Første punkt')).toContainText('kl. 8.25-8.40');
	});
});
