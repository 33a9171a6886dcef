// The print view: a member prints the June 2020 meeting's agenda and minutes in the seed's layout.
// On screen it passes axe at phone and laptop size; in print media the navigation and buttons are
// gone, nothing is wider than an A4 page's printable width, and Chromium's A4 PDF has a sane number
// of pages. A member of another group gets the same 404 as for the meeting itself.
import type { Page } from '@playwright/test';
import { PrintPage } from './pages/print-page';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';

/** A4's printable width with the print stylesheet's margins (210 mm - 2 × 16 mm), in CSS pixels. */
const PRINTABLE_WIDTH = Math.floor(((210 - 32) * 96) / 25.4);

/** The pages of a PDF as Chromium writes it (one "/Type /Page" object per page). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/** Print media at the printable width: what is shown, what overflows, a screenshot and the A4 PDF. */
async function printPreview(page: Page, name: string) {
	await page.setViewportSize({ width: PRINTABLE_WIDTH, height: 1100 });
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('banner')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Udskriv' })).toBeHidden();
	expect(await elementsWiderThanScreen(page)).toEqual([]);
	const screenshot = await page.screenshot({ fullPage: true, path: test.info().outputPath(`${name}.png`) });
	expect(screenshot.length).toBeGreaterThan(10_000);
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	await page.emulateMedia({ media: 'screen' });
	return pageCount(pdf);
}

for (const [label, viewport] of [
	['on a phone', { width: 360, height: 740 }],
	['on a laptop', { width: 1280, height: 800 }]
] as const) {
	test.describe(label, () => {
		test.use({ viewport });

		test('a member prints the agenda of the June 2020 meeting on A4', async ({ page, stack }) => {
			const print = new PrintPage(page);
			await logIn(page, stack.member, stack.password);
			await print.gotoAgenda(stack.pastMeeting.id);
			await expect(print.document.getByRole('heading', { level: 1 })).toHaveText(/^DAGSORDEN: /);
			await expect(print.document).toContainText('Tidspunkt:');
			await expect(print.document).toContainText('fredag den 12. juni 2020 kl. 8.00');
			await expect(print.document.getByRole('heading', { name: 'Mødedeltagere' })).toBeVisible();
			await expect(print.document.getByRole('heading', { name: /^1\. Velkomst/ })).toBeVisible();
			await expect(print.document.getByRole('heading', { name: 'Indstilling' }).first()).toBeVisible();
			// The agenda does not carry the minutes.
			await expect(print.followUpsHeading).toHaveCount(0);
			await expect(print.document.getByRole('heading', { name: 'Referat', exact: true })).toHaveCount(0);
			await expect(print.printButton).toBeVisible();
			await expectNoAxeViolations(page);
			expect(await elementsWiderThanScreen(page)).toEqual([]);

			const pages = await printPreview(page, 'agenda');
			expect(pages).toBeGreaterThanOrEqual(2);
			expect(pages).toBeLessThanOrEqual(30);
		});

		test('a member prints the minutes of the June 2020 meeting on A4', async ({ page, stack }) => {
			const print = new PrintPage(page);
			await logIn(page, stack.member, stack.password);
			await print.gotoMinutes(stack.pastMeeting.id);
			await expect(print.document.getByRole('heading', { level: 1 })).toHaveText(/^REFERAT: /);
			await expect(print.document.getByRole('heading', { name: 'Afbud' })).toBeVisible();
			await expect(print.document.getByRole('heading', { name: 'Referat', exact: true }).first()).toBeVisible();
			await expect(print.followUpsHeading).toBeVisible();
			await expect(print.document.getByRole('heading', { name: 'Punkt 2', exact: true })).toBeVisible();
			await expectNoAxeViolations(page);
			expect(await elementsWiderThanScreen(page)).toEqual([]);

			const pages = await printPreview(page, 'minutes');
			expect(pages).toBeGreaterThanOrEqual(3);
			expect(pages).toBeLessThanOrEqual(40);
		});
	});
}

test('the printed minutes fit a 360 px phone at 200 % text size', async ({ page, stack }) => {
	const print = new PrintPage(page);
	await logIn(page, stack.member, stack.password);
	await print.gotoMinutes(stack.pastMeeting.id);
	await expect(print.followUpsHeading).toBeVisible();
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	expect(await elementsWiderThanScreen(page)).toEqual([]);
});

test('a member of another group cannot print the meeting', async ({ page, stack }) => {
	await logIn(page, stack.themeMember, stack.password);
	const response = await new PrintPage(page).gotoMinutes(stack.pastMeeting.id);
	expect(response?.status()).toBe(404);
	await expect(page.getByText('Mødet findes ikke, eller du har ikke adgang til det.')).toBeVisible();
});
