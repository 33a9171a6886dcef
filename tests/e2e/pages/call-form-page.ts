import type { Locator, Page } from '@playwright/test';

/** /indkaldelser/ny and /indkaldelser/[id]/rediger: the secretariat's call form. */
export class CallFormPage {
	readonly heading: Locator;
	readonly title: Locator;
	readonly description: Locator;
	readonly eligibility: Locator;
	readonly deadlineDate: Locator;
	readonly deadlineTime: Locator;
	readonly urgent: Locator;
	readonly openButton: Locator;
	readonly draftButton: Locator;
	readonly addForumButton: Locator;
	readonly proposals: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.title = page.getByRole('textbox', { name: 'Titel', exact: true });
		this.description = page.getByRole('textbox', { name: 'Formål' });
		this.eligibility = page.getByRole('group', { name: 'Hvem kan melde ind?' });
		this.deadlineDate = page.getByLabel('Frist (dato)');
		this.deadlineTime = page.getByLabel('Klokkeslæt (valgfrit)');
		this.urgent = page.getByRole('checkbox', { name: /^Hurtigst muligt/ });
		this.openButton = page.getByRole('button', { name: 'Åbn indkaldelse', exact: true });
		this.draftButton = page.getByRole('button', { name: 'Gem som kladde', exact: true });
		this.addForumButton = page.getByRole('button', { name: 'Tilføj et forum mere', exact: true });
		this.proposals = page.getByRole('region', { name: 'Forslag fra punktets tekst' });
	}

	async goto(query = '') {
		return this.page.goto(`/indkaldelser/ny${query}`);
	}

	/** The name field of forum `n` (from 1). */
	forumName(n: number): Locator {
		return this.page.getByRole('textbox', { name: `Forum ${n}`, exact: true });
	}

	/** The seats per organisation of forum `n` (from 1). */
	forumQuota(n: number): Locator {
		return this.page.getByRole('spinbutton', { name: `Pladser pr. organisation i forum ${n}`, exact: true });
	}

	sector(label: string): Locator {
		return this.page.getByRole('group', { name: 'Vælg sektorer' }).getByRole('checkbox', { name: label, exact: true });
	}

	/** The message shown beside a field, found through the field's aria-describedby. */
	errorOf(field: Locator): Locator {
		return this.page.locator('.field').filter({ has: field }).locator('.field-error');
	}
}
