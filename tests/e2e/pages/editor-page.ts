import type { Locator, Page } from '@playwright/test';

/** /moeder/ny and /moeder/[id]/rediger: the meeting header, the agenda editor and publishing. */
export class EditorPage {
	readonly heading: Locator;
	readonly status: Locator;
	readonly title: Locator;
	readonly date: Locator;
	readonly startTime: Locator;
	readonly endTime: Locator;
	readonly room: Locator;
	readonly daysBefore: Locator;
	readonly saveNew: Locator;
	readonly agenda: Locator;
	readonly items: Locator;
	readonly itemTitle: Locator;
	readonly itemDuration: Locator;
	readonly itemPresenter: Locator;
	readonly addItem: Locator;
	readonly publish: Locator;
	readonly confirmPublish: Locator;
	readonly notify: Locator;
	readonly changes: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.status = page.locator('#editor-status');
		this.title = page.getByLabel('Titel', { exact: true });
		this.date = page.getByLabel('Dato', { exact: true });
		this.startTime = page.getByLabel('Starter kl.');
		this.endTime = page.getByLabel('Slutter kl.');
		this.room = page.getByLabel('Lokale');
		this.daysBefore = page.getByLabel('Svarfrist: antal dage før mødet');
		this.saveNew = page.getByRole('button', { name: 'Gem som kladde og rediger dagsorden' });
		this.agenda = page.getByRole('region', { name: 'Dagsorden' });
		this.items = this.agenda.locator('ol.editor-agenda > li');
		this.itemTitle = page.getByLabel('Punktets titel');
		this.itemDuration = page.getByLabel('Varighed (minutter)');
		this.itemPresenter = page.getByLabel('Oplægsholder (v/ …)');
		this.addItem = page.getByRole('button', { name: 'Tilføj punkt' });
		this.publish = page.getByRole('link', { name: 'Udsend dagsorden' });
		this.confirmPublish = page.getByRole('button', { name: 'Ja, udsend dagsorden nu' });
		this.notify = page.getByRole('button', { name: 'Giv medlemmerne besked om ændringerne' });
		this.changes = page.getByRole('region', { name: 'Ændret siden udsendelse' });
	}

	async gotoNew() {
		return this.page.goto('/moeder/ny');
	}

	async goto(id: string) {
		return this.page.goto(`/moeder/${id}/rediger`);
	}

	/** Adds an item through "Tilføj punkt" and waits for it in the agenda. */
	async add(title: string, minutes: number, presenter = '') {
		await this.itemTitle.fill(title);
		await this.itemDuration.fill(String(minutes));
		if (presenter) await this.itemPresenter.fill(presenter);
		const count = await this.items.count();
		await this.addItem.click();
		await this.items.nth(count).waitFor();
	}

	/** The agenda item (list row) with this title. */
	item(title: string): Locator {
		return this.items.filter({ hasText: title });
	}
}
