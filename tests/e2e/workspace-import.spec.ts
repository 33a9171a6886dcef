// Importing an agenda or minutes: the demo secretary pastes the seed minutes of 12 June 2020 as they
// are (or uploads them as a Word file), reviews the proposal beside the source and saves it as a
// draft, which then reads as the June 2020 meeting. Refusals stand beside the field that caused them.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { buildDocx } from '../support/docx';
import { ImportPage } from './pages/import-page';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';

const seed = readFileSync(
	new URL('../../src/lib/deadlines/fixtures/004_c119477d974f0948.txt', import.meta.url),
	'utf8'
);
const RECIPE = 'Æblekage\n\n500 g æbler\n2 dl sukker\n\nSkræl æblerne, og kog dem med sukkeret til grød.';
const OVERLAPPING = `DAGSORDEN

Tidspunkt: Torsdag den 11. september 2025 kl. 13.00-15.00

1. Velkomst (kl. 13.00-13.30) v/formandskabet

2. Budget (kl. 13.20-13.50) v/sekretariatet

3. Eventuelt (kl. 14.00-14.10)
`;
const TITLES = ['Velkomst, præsentation og godkendelse af dagsordenen', 'Viden og forskning i Midtklyngen'];
const SLOTS = [
	'08.00-08.10',
	'08.10-08.20',
	'08.20-08.50',
	'08.50-09.05',
	'09.05-09.20',
	'09.20-09.35',
	'09.35-09.55',
	'09.55-10.25',
	'10.25-10.35',
	'10.35-10.40',
	''
];

/** WCAG 1.4.4/1.4.10: at 200 % text nothing reaches past the phone's width; the size is reset after. */
async function expectFitsAtDoubleText(page: Page) {
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	expect(await elementsWiderThanScreen(page), `at 200 % text on ${page.url()}`).toEqual([]);
	await page.evaluate(() => (document.documentElement.style.fontSize = ''));
}

test.describe('on a phone', () => {
	test('the secretary pastes the seed minutes, reviews them and saves the June 2020 meeting as a draft', async ({
		page,
		stack,
		meetingPage
	}) => {
		const importPage = new ImportPage(page);
		await logIn(page, stack.secretariat, stack.password);

		await test.step('pastes the minutes as they are', async () => {
			await importPage.goto();
			await expect(importPage.heading).toHaveText('Importér dagsorden eller referat');
			await expectNoAxeViolations(page);
			await expectFitsAtDoubleText(page);
			await importPage.paste(seed);
			await importPage.readButton.click();
		});

		await test.step('reviews the proposal, the source folded away above it', async () => {
			await expect(importPage.heading).toHaveText('Gennemse forslaget');
			await expect(importPage.sourceText).toBeHidden();
			await expect(importPage.title).toHaveValue('Klyngestyregruppemøde');
			await expect(importPage.date).toHaveValue('2020-06-12');
			await expect(importPage.start).toHaveValue('08:00');
			await expect(importPage.end).toHaveValue('10:40');
			await expect(importPage.items()).toHaveCount(11);
			for (const [i, slot] of SLOTS.entries()) await expect(importPage.itemField(i, 'slot')).toHaveValue(slot);
			await expect(importPage.itemField(1, 'title')).toHaveValue(TITLES[1]);
			await expect(importPage.itemField(1, 'presenter')).toHaveValue('Thomas Balle Kristensen');
			await expect(importPage.item(2)).toContainText('1 forslag til indkaldelse af deltagere');
			expect(await elementsWiderThanScreen(page)).toEqual([]);
			await expectNoAxeViolations(page);
			await expectFitsAtDoubleText(page);

			await page.getByText('Kildetekst', { exact: true }).click();
			await expect(importPage.sourceText).toContainText('REFERAT: Klyngestyregruppemøde');
			await expectNoAxeViolations(page);
		});

		let meetingId = '';
		await test.step('saves it as a draft and is offered the nomination calls the text asks for', async () => {
			await importPage.saveButton.click();
			await expect(importPage.heading).toHaveText('Mødet er gemt som kladde');
			meetingId = /\/moeder\/importer\/([a-z0-9]{15})$/.exec(page.url())?.[1] ?? '';
			expect(meetingId).not.toBe('');
			const callLinks = page.getByRole('link', { name: /^Opret indkaldelse:/ });
			await expect(callLinks.first()).toHaveAttribute('href', /^\/indkaldelser\/ny\?punkt=[a-z0-9]{15}&forslag=0$/);
			await expectNoAxeViolations(page);
			await expectFitsAtDoubleText(page);
		});

		await test.step('opens the draft: the June 2020 meeting with its 11 items, slots, presenters and participants', async () => {
			await page.getByRole('link', { name: 'Åbn mødet' }).click();
			await expect(page).toHaveURL(`/moeder/${meetingId}`);
			await expect(meetingPage.title).toHaveText('Klyngestyregruppemøde');
			await expect(meetingPage.fact('Tidspunkt')).toHaveText('fredag den 12. juni 2020 kl. 8.00-10.40');
			await expect(meetingPage.fact('Forplejning')).toHaveText('Kaffe/te/vand + morgenbrød og madbrød til frokost');
			await expect(meetingPage.agenda.getByRole('listitem')).toHaveCount(11);
			await expect(meetingPage.agenda.getByRole('listitem').nth(2)).toContainText('kl. 8.20-8.50');
			await expect(meetingPage.agenda.getByRole('listitem').nth(1)).toContainText('Thomas Balle Kristensen');
			await expect(meetingPage.agendaItem(TITLES[0])).toBeVisible();
			await expect(meetingPage.peopleOf('Gæster').filter({ hasText: 'Thomas Balle Kristensen' })).toBeVisible();
			await expectNoAxeViolations(page);
		});
	});

	test('a member gets the Danish 404 for the import and for a saved import’s page', async ({
		page,
		stack,
		errorPage
	}) => {
		await logIn(page, stack.member, stack.password);
		const response = await page.goto('/moeder/importer');
		expect(response?.status()).toBe(404);
		await expect(errorPage.message('Siden findes ikke, eller du har ikke adgang til den.')).toBeVisible();
		const saved = await page.goto(`/moeder/importer/${stack.pastMeeting.id}`);
		expect(saved?.status()).toBe(404);
		await expectNoAxeViolations(page);
	});

	test('a recipe pasted gets the Danish refusal beside the text field, and so does a 5 MB paste', async ({
		page,
		stack
	}) => {
		const importPage = new ImportPage(page);
		await logIn(page, stack.secretariat, stack.password);
		await importPage.goto();
		await importPage.paste(RECIPE);
		await importPage.readButton.click();
		await expect(importPage.text).toHaveAttribute('aria-invalid', 'true');
		await expect(importPage.text).toHaveAccessibleDescription(/Teksten ligner ikke en dagsorden eller et referat/);
		await expect(importPage.text).toHaveValue(RECIPE);
		await expectNoAxeViolations(page);

		const requests: string[] = [];
		page.on('request', (r) => {
			if (r.method() === 'POST') requests.push(r.url());
		});
		await importPage.paste('Dagsorden\n' + 'x'.repeat(5 * 1024 * 1024));
		await importPage.readButton.click();
		await expect(importPage.text).toHaveAccessibleDescription(/Teksten er for lang/);
		expect(requests).toEqual([]);
	});

	test('a Word file of the seed gives the same proposal, and a file that is not .docx is refused beside it', async ({
		page,
		stack
	}) => {
		const importPage = new ImportPage(page);
		await logIn(page, stack.secretariat, stack.password);
		await importPage.goto();
		await importPage.file.setInputFiles({ name: 'referat.txt', mimeType: 'text/plain', buffer: Buffer.from(seed) });
		await importPage.readButton.click();
		await expect(importPage.file).toHaveAttribute('aria-invalid', 'true');
		await expect(importPage.file).toHaveAccessibleDescription(/Filen er ikke et Word-dokument/);
		await expectNoAxeViolations(page);

		await importPage.file.setInputFiles({
			name: 'referat.docx',
			mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			buffer: await buildDocx(seed)
		});
		await importPage.readButton.click();
		await expect(importPage.heading).toHaveText('Gennemse forslaget');
		await expect(importPage.title).toHaveValue('Klyngestyregruppemøde');
		await expect(importPage.items()).toHaveCount(11);
		for (const [i, slot] of SLOTS.entries()) await expect(importPage.itemField(i, 'slot')).toHaveValue(slot);
		await expect(importPage.itemField(0, 'title')).toHaveValue(TITLES[0]);
	});
	test('an agenda whose slots overlap shows the error beside the slot at once, and a gap as a note', async ({
		page,
		stack
	}) => {
		const importPage = new ImportPage(page);
		await logIn(page, stack.secretariat, stack.password);
		await importPage.goto();
		await importPage.paste(OVERLAPPING);
		await importPage.readButton.click();
		await expect(importPage.heading).toHaveText('Gennemse forslaget');
		await expect(importPage.itemField(1, 'slot')).toHaveAttribute('aria-invalid', 'true');
		await expect(importPage.itemField(1, 'slot')).toHaveAccessibleDescription(
			/Tidsrummet overlapper punkt 1 \(kl\. 13\.00-13\.30\)/
		);
		await expect(importPage.itemField(2, 'slot')).not.toHaveAttribute('aria-invalid', 'true');
		await expect(importPage.itemField(2, 'slot')).toHaveAccessibleDescription(/pause på 10 minutter/);
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expectNoAxeViolations(page);

		// The text has no title of its own: the browser asks for one before anything is sent.
		await importPage.itemField(1, 'slot').fill('13.30-13.50');
		await importPage.saveButton.click();
		expect(await importPage.title.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
		await expect(importPage.heading).toHaveText('Gennemse forslaget');
		await importPage.title.fill('Styregruppemøde');
		await importPage.saveButton.click();
		await expect(importPage.heading).toHaveText('Mødet er gemt som kladde');
	});
});

test.describe('on a laptop', () => {
	test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

	test('the review shows the source beside the proposal, and an overlapping slot is refused beside it', async ({
		page,
		stack
	}) => {
		const importPage = new ImportPage(page);
		await logIn(page, stack.secretariat, stack.password);
		await importPage.goto();
		await expectNoAxeViolations(page);
		await importPage.paste(seed);
		await importPage.readButton.click();
		await expect(importPage.heading).toHaveText('Gennemse forslaget');
		await expect(importPage.sourceText).toBeVisible();
		const source = (await importPage.source.boundingBox())!;
		const proposal = (await importPage.proposal.boundingBox())!;
		expect(source.x + source.width).toBeLessThanOrEqual(proposal.x);
		expect(Math.abs(source.y - proposal.y)).toBeLessThan(50);
		expect(await elementsWiderThanScreen(page)).toEqual([]);
		await expectNoAxeViolations(page);

		await importPage.itemField(3, 'slot').fill('08.45-09.05');
		await importPage.saveButton.click();
		await expect(importPage.itemField(3, 'slot')).toHaveAttribute('aria-invalid', 'true');
		await expect(importPage.itemField(3, 'slot')).toHaveAccessibleDescription(
			/Tidsrummet overlapper punkt 3 \(kl\. 08\.20-08\.50\)/
		);
		await expect(page.getByRole('alert')).toHaveText('Forslaget kunne ikke gemmes. Ret felterne, der er markeret.');
		await expectNoAxeViolations(page);
	});
});
