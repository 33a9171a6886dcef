// Members and roles, the secretariat's side (issue 10): the demo secretary adds a person (an account
// and an invitation), changes their role, ends the membership and sees it all in the group's
// history; a bad e-mail is refused beside its field; a member of the group gets the Danish 404.
import PocketBase from 'pocketbase';
import { MembersPage } from './pages/members-page';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';
import type { StackInfo } from './support/stack-info';

const PASSWORD = 'klynge-demo-2026';
const SOFIE = { email: 'sofie.lindholm@hemidt.example' };
const SUSANNE = { email: 'susanne.jensen@hemidt.example' };
const STEERING_GROUP = 'Klyngestyregruppen for Midtklyngen';

/** Today in Copenhagen as a date input's value. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

async function steeringGroupId(stack: StackInfo): Promise<string> {
	const pb = new PocketBase(stack.pbUrl);
	await pb.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	const group = await pb.collection('groups').getFirstListItem(pb.filter('name = {:name}', { name: STEERING_GROUP }));
	return group.id;
}

for (const viewport of [
	{ width: 360, height: 740 },
	{ width: 1280, height: 800 }
]) {
	test.describe(`at ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport });

		test('the secretary adds a person, changes the role, ends the membership and sees the history', async ({
			page,
			inbox
		}) => {
			const members = new MembersPage(page);
			const person = {
				name: `Nanna Nyholm ${viewport.width}`,
				title: 'Sundhedschef',
				organization: 'Viborg Kommune',
				email: `nanna.nyholm.${viewport.width}.${Date.now()}@viborg.example`,
				role: 'Medlem'
			};
			await logIn(page, SOFIE, PASSWORD);

			await members.gotoGroups();
			await expect(members.heading).toHaveText('Grupper, du er sekretariat for');
			await expectNoAxeViolations(page);
			await members.openGroup(STEERING_GROUP);
			await expect(members.heading).toHaveText(`Medlemmer af ${STEERING_GROUP}`);
			await expectNoAxeViolations(page);

			// A mistyped e-mail: refused beside the field, nothing stored, the typed values kept.
			await members.add({ ...person, email: 'nanna.viborg.example' });
			await expect(members.email).toHaveAttribute('aria-invalid', 'true');
			await expect(members.email).toHaveAccessibleDescription('Skriv en gyldig e-mail, fx navn@kommune.dk.');
			await expect(members.name).toHaveValue(person.name);
			await expect(members.member(person.name)).toHaveCount(0);
			await expectNoAxeViolations(page);

			await members.email.fill(person.email);
			await members.addButton.click();
			await expect(members.status).toContainText(`${person.name} er tilføjet til gruppen.`);
			await expect(members.status).toContainText('Der er oprettet en konto, og invitationen er sendt.');
			await expect(members.member(person.name)).toContainText('Medlem');
			// (The reminder engine may also mail the new member about open calls: not counted here.)
			await expect
				.poll(async () =>
					(await inbox.messagesTo(person.email)).map((m) => m.subject).filter((s) => s.startsWith('Du er med i'))
				)
				.toEqual([`Du er med i ${STEERING_GROUP}`]);

			await members.changeRole(person.name, 'Observatør');
			await expect(members.status).toHaveText(`Rollen for ${person.name} er gemt.`);
			await expect(members.member(person.name)).toContainText('Observatør');

			await members.end(person.name, today());
			await expect(members.status).toHaveText(`Medlemskabet for ${person.name} er afsluttet.`);
			await expect(members.member(person.name)).toHaveCount(0);
			await expect(members.former).toContainText(person.name);

			// Newest first, each with who made it.
			await expect(members.history.nth(0)).toContainText(`${person.name}: afsluttet pr.`);
			await expect(members.history.nth(1)).toContainText(`${person.name}: rolle ændret fra medlem til observatør`);
			await expect(members.history.nth(2)).toContainText(`${person.name} tilføjet som medlem`);
			await expect(members.history.nth(0)).toContainText('Sofie Lindholm, ');
			await expectNoAxeViolations(page);
			expect(await elementsWiderThanScreen(page)).toEqual([]);
		});
	});
}

test('the members page fits a 360 px phone at 200 % text size, its forms open', async ({ page, stack }) => {
	const id = await steeringGroupId(stack);
	await logIn(page, SOFIE, PASSWORD);
	for (const path of ['/grupper', `/grupper/${id}`]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await page.evaluate(() => {
			document.documentElement.style.fontSize = '200%';
			for (const d of document.querySelectorAll('details')) d.open = true;
		});
		expect(await elementsWiderThanScreen(page), path).toEqual([]);
	}
});

test('a member of the group gets the Danish 404 for its members page', async ({ page, stack, errorPage }) => {
	const id = await steeringGroupId(stack);
	await logIn(page, SUSANNE, PASSWORD);
	const response = await page.goto(`/grupper/${id}`);
	expect(response?.status()).toBe(404);
	await expect(errorPage.message('Gruppen findes ikke, eller du har ikke adgang til den.')).toBeVisible();
	await expectNoAxeViolations(page);
});
