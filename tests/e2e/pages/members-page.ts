import type { Locator, Page } from '@playwright/test';

/** /grupper and /grupper/[id]: the secretariat's groups, and one group's members, roles and history. */
export class MembersPage {
	readonly heading: Locator;
	readonly status: Locator;
	readonly name: Locator;
	readonly title: Locator;
	readonly organization: Locator;
	readonly email: Locator;
	readonly role: Locator;
	readonly starts: Locator;
	readonly addButton: Locator;
	readonly former: Locator;
	readonly history: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.status = page.getByRole('status');
		const add = page.getByRole('region', { name: 'Tilføj en person' });
		this.name = add.getByLabel('Navn', { exact: true });
		this.title = add.getByLabel('Titel', { exact: true });
		this.organization = add.getByLabel('Organisation', { exact: true });
		this.email = add.getByLabel('E-mail', { exact: true });
		this.role = add.getByLabel('Rolle', { exact: true });
		this.starts = add.getByLabel(/^Fra dato/);
		this.addButton = add.getByRole('button', { name: 'Tilføj til gruppen', exact: true });
		this.former = page.getByTestId('former');
		this.history = page.getByTestId('history').getByRole('listitem');
	}

	async gotoGroups() {
		return this.page.goto('/grupper');
	}

	/** Opens a group from /grupper by its name. */
	async openGroup(name: string) {
		await this.gotoGroups();
		await this.page.getByRole('link', { name: `Medlemmer og roller i ${name}`, exact: true }).click();
	}

	/** A current member's row, by name. */
	member(name: string): Locator {
		return this.page.getByTestId('member').filter({ has: this.page.getByText(name, { exact: true }) });
	}

	/** Opens a member's "Ændr …" and returns the row. */
	async openChanges(name: string): Promise<Locator> {
		const row = this.member(name);
		await row.getByText(`Ændr ${name}`, { exact: true }).click();
		return row;
	}

	async changeRole(name: string, roleLabel: string) {
		const row = await this.openChanges(name);
		await row.getByLabel('Rolle', { exact: true }).selectOption({ label: roleLabel });
		await row.getByRole('button', { name: 'Gem rolle', exact: true }).click();
	}

	async end(name: string, day: string) {
		const row = await this.openChanges(name);
		await row.getByLabel(/^Afslut fra/).fill(day);
		await row.getByRole('button', { name: 'Afslut medlemskab', exact: true }).click();
	}

	async add(person: { name: string; title: string; organization: string; email: string; role: string }) {
		await this.name.fill(person.name);
		await this.title.fill(person.title);
		await this.organization.selectOption({ label: person.organization });
		await this.email.fill(person.email);
		await this.role.selectOption({ label: person.role });
		await this.addButton.click();
	}
}
