// One agenda item's editor (issue 10), at a phone's and a laptop's size with axe on every screen:
// the demo secretary writes an item's texts with bold and a link using the toolbar, uploads a PDF
// and sees the progress and the title, gets a Danish message beside the file field for a wrong
// file, and a member then reads the bold text, the link and the attachment's title.
import PocketBase from 'pocketbase';
import type { Page } from '@playwright/test';
import { makeDemoPdf } from '../../scripts/lib/demo-pdf.mjs';
import { ItemEditorPage } from './pages/item-editor-page';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';
import type { StackInfo } from './support/stack-info';

const STEERING_GROUP = 'Klyngestyregruppen for Midtklyngen';

/** A held meeting of the steering group of its own (in 2021, so no other test's "next meeting") with one item. */
async function meetingWithItem(stack: StackInfo, label: string) {
	const pb = new PocketBase(stack.pbUrl);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	const group = await pb.collection('groups').getFirstListItem(pb.filter('name = {:name}', { name: STEERING_GROUP }));
	const meeting = await pb.collection('meetings').create({
		group: group.id,
		title: `Punkteditor ${label}`,
		starts: '2021-03-05 07:00:00.000Z',
		ends: '2021-03-05 09:00:00.000Z',
		status: 'held'
	});
	const item = await pb.collection('agenda_items').create({
		meeting: meeting.id,
		position: 1,
		title: 'Demensvenlig klynge',
		kind: 'discussion'
	});
	return { meetingId: meeting.id, itemId: item.id };
}

/** A PDF of about `bytes` bytes: the demo PDF with padding after its end (readers ignore it). */
function pdfOfSize(bytes: number): Buffer {
	const pdf = Buffer.from(makeDemoPdf('Strategi', ['Strategi for den demensvenlige klynge.']));
	return Buffer.concat([pdf, Buffer.alloc(Math.max(0, bytes - pdf.length), 0x20)]);
}

async function walk(page: Page, stack: StackInfo, newPhone: () => Promise<Page>, label: string) {
	const { meetingId, itemId } = await meetingWithItem(stack, label);
	const editor = new ItemEditorPage(page);

	await test.step('the secretary opens the item’s editor', async () => {
		await logIn(page, stack.secretariat, stack.password);
		await editor.goto(meetingId, itemId);
		await expect(editor.heading).toHaveText('Rediger punkt 1');
		await expect(editor.title).toHaveValue('Demensvenlig klynge');
		await expect(editor.kind).toHaveValue('discussion');
		await expectNoAxeViolations(page);
		expect(await elementsWiderThanScreen(page)).toEqual([]);
	});

	await test.step('writes the texts with bold and a link from the toolbar, and previews them', async () => {
		await editor.duration.fill('30');
		await editor.presenter.fill('Sofie Lindholm');
		await editor.recommendation.fill('Styregruppen godkender planen.');
		await editor.select(editor.recommendation, 'godkender');
		await editor.tool('Indstilling', 'Fed').click();
		await expect(editor.recommendation).toHaveValue('Styregruppen **godkender** planen.');
		await editor.background.fill('Se vejledningen om demens.\nførste skridt\nandet skridt');
		await editor.select(editor.background, 'vejledningen');
		await editor.tool('Sagsfremstilling', 'Link').click();
		// The address is selected: typing replaces it.
		await page.keyboard.type('https://www.rm.dk/demens');
		await editor.select(editor.background, 'første skridt\nandet skridt');
		await editor.tool('Sagsfremstilling', 'Punktliste').click();
		await expect(editor.background).toHaveValue(
			'Se [vejledningen](https://www.rm.dk/demens) om demens.\n- første skridt\n- andet skridt'
		);
		await editor.tool('Indstilling', 'Vis forhåndsvisning').click();
		await expect(editor.preview('Indstilling').locator('strong')).toHaveText('godkender');
		await expectNoAxeViolations(page);
		await editor.save.click();
		await expect(editor.status).toHaveText('Punktet er gemt.');
		await page.reload();
		await expect(editor.recommendation).toHaveValue('Styregruppen **godkender** planen.');
		await expect(editor.duration).toHaveValue('30');
	});

	await test.step('a title that is too long or missing gets its message beside the field', async () => {
		await editor.title.fill('');
		await editor.save.click();
		await expect(editor.title).toHaveAttribute('aria-invalid', 'true');
		await expect(editor.title).toHaveAccessibleDescription('Skriv en titel på punktet.');
		await expectNoAxeViolations(page);
		await editor.title.fill('Demensvenlig klynge');
		await editor.save.click();
		await expect(editor.status).toHaveText('Punktet er gemt.');
	});

	await test.step('a wrong file gets a Danish message beside the file field', async () => {
		await editor.file.setInputFiles({ name: 'noter.txt', mimeType: 'text/plain', buffer: Buffer.from('noter') });
		await editor.upload.click();
		await expect(editor.file).toHaveAttribute('aria-invalid', 'true');
		await expect(editor.file).toHaveAccessibleDescription(
			/Kun PDF- og Office-filer kan vedhæftes \(pdf, doc, docx, xls, xlsx, ppt, pptx, odt, ods, odp\)\.$/
		);
		await editor.file.setInputFiles({ name: 'falsk.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ…') });
		await editor.upload.click();
		await expect(editor.file).toHaveAccessibleDescription(
			/Filen ‘falsk\.pdf’ er ikke den slags fil, som endelsen siger\.$/
		);
		await expectNoAxeViolations(page);
	});

	await test.step('uploads a PDF and sees the progress and then its title', async () => {
		// A slow line, so the progress can be seen moving (Chromium's own network emulation).
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: 0,
			downloadThroughput: -1,
			uploadThroughput: 1_000_000
		});
		await editor.file.setInputFiles({
			name: 'strategi.pdf',
			mimeType: 'application/pdf',
			buffer: pdfOfSize(3_000_000)
		});
		await editor.attachmentTitle.fill('Strategi for demensvenlig klynge');
		await editor.upload.click();
		await expect(editor.progress).toBeVisible();
		await expect(page.getByText('Uploader strategi.pdf')).toBeVisible();
		await expect
			.poll(async () => Number(await editor.progress.getAttribute('value')), { timeout: 10_000 })
			.toBeGreaterThan(0);
		await expect(editor.status).toHaveText('Bilaget ‘Strategi for demensvenlig klynge’ er uploadet.', {
			timeout: 30_000
		});
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: 0,
			downloadThroughput: -1,
			uploadThroughput: -1
		});
		await expect(editor.attachment('Strategi for demensvenlig klynge')).toContainText('(PDF, 3 MB)');
		await expectNoAxeViolations(page);
		expect(await elementsWiderThanScreen(page)).toEqual([]);
	});

	await test.step('renames the attachment', async () => {
		const row = editor.attachment('Strategi for demensvenlig klynge');
		await row.locator('summary', { hasText: 'Omdøb' }).click();
		await row.getByRole('textbox', { name: 'Ny titel på Strategi for demensvenlig klynge' }).fill('Strategi 2027');
		await row.getByRole('button', { name: 'Gem titel' }).click();
		await expect(editor.status).toHaveText('Bilaget hedder nu ‘Strategi 2027’.');
		await expect(editor.attachment('Strategi 2027')).toContainText('(PDF, 3 MB)');
		await expectNoAxeViolations(page);
	});

	await test.step('fits the screen at 200 % text size, with every box open and the preview shown', async () => {
		await page.evaluate(() => {
			document.documentElement.style.fontSize = '200%';
			for (const box of document.querySelectorAll('details')) box.open = true;
		});
		await editor.tool('Sagsfremstilling', 'Vis forhåndsvisning').click();
		expect(await elementsWiderThanScreen(page)).toEqual([]);
		await page.reload();
	});

	await test.step('a member reads the bold text, the link and the attachment’s title', async () => {
		const phone = await newPhone();
		await logIn(phone, stack.member, stack.password);
		await phone.goto(`/moeder/${meetingId}/punkter/1`);
		const recommendation = phone.getByRole('region', { name: 'Indstilling' });
		await expect(recommendation.locator('strong')).toHaveText('godkender');
		const background = phone.getByRole('region', { name: 'Sagsfremstilling' });
		await expect(background.getByRole('link', { name: 'vejledningen' })).toHaveAttribute(
			'href',
			'https://www.rm.dk/demens'
		);
		await expect(background.getByRole('listitem')).toHaveText(['første skridt', 'andet skridt']);
		const attachments = phone.getByRole('region', { name: 'Bilag' });
		await expect(attachments.getByRole('link')).toHaveText(/^Strategi 2027 \(PDF, 3 MB\)$/);
		await expectNoAxeViolations(phone);
		// The editor is the secretariat's: a member gets the same Danish 404 as for a missing page.
		const response = await phone.goto(`/moeder/${meetingId}/rediger/${itemId}`);
		expect(response?.status()).toBe(404);
		await expect(phone.getByText('Mødet findes ikke', { exact: false })).toBeVisible();
	});

	await test.step('removes the attachment after confirming', async () => {
		const row = editor.attachment('Strategi 2027');
		await row.locator('summary', { hasText: 'Fjern' }).click();
		await expect(row.getByText('Fjern bilaget ‘Strategi 2027’ fra punktet?')).toBeVisible();
		await expectNoAxeViolations(page);
		await row.getByRole('button', { name: 'Ja, fjern bilaget' }).click();
		await expect(editor.status).toHaveText('Bilaget ‘Strategi 2027’ er fjernet.');
		await expect(editor.attachments.getByText('Punktet har ingen bilag endnu.')).toBeVisible();
	});
}

test('the secretary edits an item and uploads an attachment on a phone (360×740)', async ({
	page,
	stack,
	newPhone
}) => {
	await walk(page, stack, newPhone, 'telefon');
});

test.describe('on a laptop', () => {
	test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

	test('the secretary edits an item and uploads an attachment on a laptop (1280×800)', async ({
		page,
		stack,
		newPhone
	}) => {
		await walk(page, stack, newPhone, 'laptop');
	});
});

test('without JavaScript the secretary uploads an attachment with the plain form and sees a wrong file refused', async ({
	browser,
	baseURL,
	stack
}) => {
	const { meetingId, itemId } = await meetingWithItem(stack, 'uden JavaScript');
	const context = await browser.newContext({
		baseURL,
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false
	});
	try {
		const page = await context.newPage();
		const editor = new ItemEditorPage(page);
		await logIn(page, stack.secretariat, stack.password);
		await editor.goto(meetingId, itemId);
		await editor.file.setInputFiles({ name: 'noter.txt', mimeType: 'text/plain', buffer: Buffer.from('noter') });
		await editor.upload.click();
		await expect(editor.file).toHaveAttribute('aria-invalid', 'true');
		await expect(editor.file).toHaveAccessibleDescription(/Kun PDF- og Office-filer kan vedhæftes/);
		await editor.file.setInputFiles({ name: 'referat.pdf', mimeType: 'application/pdf', buffer: pdfOfSize(2000) });
		await editor.attachmentTitle.fill('Referat fra workshop');
		await editor.upload.click();
		await expect(editor.status).toHaveText('Bilaget ‘Referat fra workshop’ er uploadet.');
		await expect(editor.attachment('Referat fra workshop')).toContainText('(PDF, 2 kB)');
	} finally {
		await context.close();
	}
});

test('the upload endpoint refuses a body over 20 MB before reading it, and a member altogether', async ({
	browser,
	baseURL,
	stack
}) => {
	const { meetingId, itemId } = await meetingWithItem(stack, 'store filer');
	const endpoint = `/moeder/${meetingId}/rediger/${itemId}/bilag`;
	const post = async (who: { email: string }, bytes: number) => {
		const context = await browser.newContext({ baseURL });
		try {
			const page = await context.newPage();
			await logIn(page, who, stack.password);
			const res = await page.request.post(endpoint, {
				headers: { origin: baseURL!, accept: 'application/json' },
				multipart: { file: { name: 'stor.pdf', mimeType: 'application/pdf', buffer: pdfOfSize(bytes) } }
			});
			return { status: res.status(), body: await res.text() };
		} finally {
			await context.close();
		}
	};
	const tooLarge = await post(stack.secretariat, 21_000_000);
	expect(tooLarge.status).toBe(413);
	expect(JSON.parse(tooLarge.body)).toEqual({
		errors: { file: 'Filen fylder mere end 20 MB, som er det største, et bilag må fylde.' }
	});
	const member = await post(stack.member, 2000);
	expect(member.status).toBe(404);
	expect(member.body).not.toContain('uploadet');
});

test('an upload after the login has expired goes to the login page and back to the editor', async ({ page, stack }) => {
	const { meetingId, itemId } = await meetingWithItem(stack, 'udløbet login');
	const editor = new ItemEditorPage(page);
	const path = `/moeder/${meetingId}/rediger/${itemId}`;
	await logIn(page, stack.secretariat, stack.password);
	await editor.goto(meetingId, itemId);
	await page.context().clearCookies();
	await editor.file.setInputFiles({ name: 'bilag.pdf', mimeType: 'application/pdf', buffer: pdfOfSize(2000) });
	await editor.upload.click();
	await expect(page).toHaveURL(`/login?til=${encodeURIComponent(path)}`);
});
