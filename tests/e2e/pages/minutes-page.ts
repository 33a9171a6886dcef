import type { Locator, Page } from '@playwright/test';

/** /moeder/[id]/referat: the secretariat writes the minutes, item by item, and publishes them. */
export class MinutesPage {
	readonly title: Locator;
	readonly participantBlock: Locator;
	readonly publishButton: Locator;
	readonly confirmPublish: Locator;
	readonly published: Locator;

	constructor(readonly page: Page) {
		this.title = page.getByRole('heading', { level: 1 });
		this.participantBlock = page.getByTestId('participant-block');
		this.publishButton = page.getByRole('button', { name: 'Udsend referat' });
		this.confirmPublish = page.getByRole('button', { name: 'Ja, udsend referatet' });
		this.published = page.getByRole('region', { name: 'Udsend referat' }).getByRole('status');
	}

	async goto(meetingId: string) {
		return this.page.goto(`/moeder/${meetingId}/referat`);
	}

	/** The card of agenda item `position` (its Referat and decisions). */
	item(position: number, title: string): Locator {
		return this.page.getByRole('region', { name: `${position}. ${title}` });
	}

	/** The follow-ups of agenda item `position`. */
	followUps(position: number): Locator {
		return this.page.getByRole('region', { name: `Opfølgningspunkter til punkt ${position}` });
	}

	/** Writes the Referat and a new decision of an item and saves it. */
	async writeItem(position: number, title: string, minutes: string, decision: string) {
		const item = this.item(position, title);
		await item.getByLabel('Referat', { exact: true }).fill(minutes);
		await item.getByLabel('Ny beslutning').fill(decision);
		await item.getByRole('button', { name: `Gem punkt ${position}` }).click();
	}

	/** Fills the new follow-up form of item `position`; `owner` is the start of an owner's label. */
	async addFollowUp(position: number, text: string, owner: string, due: string) {
		const form = this.followUps(position);
		await form.getByLabel('Hvad skal der følges op på').last().fill(text);
		const select = form.getByLabel('Ansvarlig', { exact: true }).last();
		const value = await select.locator('option', { hasText: owner }).first().getAttribute('value');
		await select.selectOption(value!);
		await form.getByLabel('Frist').last().fill(due);
		await form.getByRole('button', { name: 'Tilføj opfølgningspunkt' }).click();
	}

	async publish() {
		await this.publishButton.click();
		await this.confirmPublish.click();
	}
}
