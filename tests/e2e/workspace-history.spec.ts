// The secretariat's entry points into its workspace and a meeting's history: the demo secretary
// finds them on the meeting list and the meeting page and reads who changed what; a member sees
// none of it, and the history's address answers a member with the Danish 404.
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';

const NOT_FOUND = 'Mødet findes ikke, eller du har ikke adgang til det.';

for (const size of [
	{ name: 'a phone', viewport: { width: 360, height: 740 } },
	{ name: 'a laptop', viewport: { width: 1280, height: 800 } }
]) {
	test(`the secretary finds the workspace and a meeting's history on ${size.name}`, async ({ page, stack }) => {
		await page.setViewportSize(size.viewport);
		await logIn(page, stack.secretariat, stack.password);

		await page.goto('/moeder');
		const workspace = page.getByRole('region', { name: 'Sekretariatet' });
		await expect(workspace.getByRole('link', { name: 'Nyt møde' })).toBeVisible();
		await expect(workspace.getByRole('link', { name: 'Importér dagsorden eller referat' })).toBeVisible();
		await expect(
			workspace.getByRole('link', { name: 'Medlemmer af Klyngestyregruppen for Midtklyngen' })
		).toBeVisible();
		await expectNoAxeViolations(page);
		expect(await elementsWiderThanScreen(page)).toEqual([]);

		await page.goto(`/moeder/${stack.pastMeeting.id}`);
		const links = page.getByRole('navigation', { name: 'Sekretariatet' });
		await expect(links.getByRole('link', { name: 'Rediger møde og dagsorden' })).toBeVisible();
		await expect(links.getByRole('link', { name: 'Skriv referat' })).toBeVisible();
		await links.getByRole('link', { name: 'Historik' }).click();

		await expect(page).toHaveURL(`/moeder/${stack.pastMeeting.id}/historik`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Historik: Klyngestyregruppemøde');
		// The demo's answers to the June 2020 meeting were stored by the seed: each has its entry.
		const entries = page.getByRole('listitem').filter({ hasText: 'Fremmøde oprettet' });
		expect(await entries.count()).toBeGreaterThan(5);
		await entries.first().getByText('Vis ændringen').click();
		await expect(entries.first().getByRole('definition').first()).toBeVisible();
		await expect(entries.first().getByRole('term').filter({ hasText: 'Status' })).toBeVisible();
		await expectNoAxeViolations(page);
		expect(await elementsWiderThanScreen(page)).toEqual([]);
	});
}

test('a member sees no workspace, and a meeting’s history is a 404 to them', async ({ page, stack, errorPage }) => {
	await logIn(page, stack.member, stack.password);
	await page.goto('/moeder');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Møder');
	await expect(page.getByRole('region', { name: 'Sekretariatet' })).toHaveCount(0);

	await page.goto(`/moeder/${stack.pastMeeting.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klyngestyregruppemøde');
	await expect(page.getByRole('navigation', { name: 'Sekretariatet' })).toHaveCount(0);
	// Every reader may print the agenda, and the minutes once they are out.
	await expect(page.getByRole('link', { name: 'Udskriv dagsorden' })).toHaveAttribute(
		'href',
		`/moeder/${stack.pastMeeting.id}/udskriv`
	);
	await page.getByRole('link', { name: 'Udskriv referat' }).click();
	await expect(page).toHaveURL(`/moeder/${stack.pastMeeting.id}/udskriv?visning=referat`);
	await expect(page.getByRole('heading', { name: 'OPFØLGNINGSPUNKTER' })).toBeVisible();

	for (const path of ['historik', 'rediger', 'referat']) {
		const response = await page.goto(`/moeder/${stack.pastMeeting.id}/${path}`);
		expect(response?.status()).toBe(404);
		await expect(errorPage.message(NOT_FOUND)).toBeVisible();
	}
	for (const path of ['/moeder/ny', '/moeder/importer']) {
		expect((await page.goto(path))?.status()).toBe(404);
	}
});

test('a visitor who is not logged in is sent to the login', async ({ page, stack }) => {
	await page.goto(`/moeder/${stack.pastMeeting.id}/historik`);
	await expect(page).toHaveURL(/\/login/);
});
