import type { Locator, Page } from '@playwright/test';

/** /moeder/[id]/rediger/[item]: the secretariat's editor of one agenda item. */
export class ItemEditorPage {
	readonly heading: Locator;
	readonly status: Locator;
	readonly title: Locator;
	readonly kind: Locator;
	readonly duration: Locator;
	readonly presenter: Locator;
	readonly recommendation: Locator;
	readonly background: Locator;
	readonly save: Locator;
	readonly attachments: Locator;
	readonly file: Locator;
	readonly attachmentTitle: Locator;
	readonly upload: Locator;
	readonly progress: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.status = page.getByRole('status').filter({ hasText: /\S/ });
		this.title = page.getByRole('textbox', { name: 'Titel', exact: true });
		this.kind = page.getByRole('combobox', { name: 'Type' });
		this.duration = page.getByRole('textbox', { name: 'Varighed i minutter' });
		this.presenter = page.getByRole('textbox', { name: 'Oplægsholder' });
		this.recommendation = page.getByRole('textbox', { name: 'Indstilling' });
		this.background = page.getByRole('textbox', { name: 'Sagsfremstilling' });
		this.save = page.getByRole('button', { name: 'Gem punktet' });
		this.attachments = page.getByRole('region', { name: 'Bilag' });
		this.file = page.getByLabel('Vælg fil');
		this.attachmentTitle = page.getByRole('textbox', { name: 'Titel på bilaget' });
		this.upload = page.getByRole('button', { name: 'Upload bilag' });
		this.progress = page.getByRole('progressbar');
	}

	async goto(meetingId: string, itemId: string) {
		return this.page.goto(`/moeder/${meetingId}/rediger/${itemId}`);
	}

	/** A toolbar button of a text field ("Fed" of "Indstilling"). */
	tool(field: 'Indstilling' | 'Sagsfremstilling', name: string): Locator {
		return this.page
			.getByRole('group', { name: `Formatering af ${field.toLowerCase()}` })
			.getByRole('button', { name });
	}

	/** The preview region of a text field. */
	preview(field: 'Indstilling' | 'Sagsfremstilling'): Locator {
		return this.page.getByRole('region', { name: `Forhåndsvisning af ${field.toLowerCase()}` });
	}

	/** An attachment of the list, by its title. */
	attachment(title: string): Locator {
		return this.attachments
			.getByRole('listitem')
			.filter({ has: this.page.locator('strong').getByText(title, { exact: true }) });
	}

	/** Selects `text` inside a textarea, as a mouse drag would. */
	async select(field: Locator, text: string) {
		await field.evaluate((el, wanted) => {
			const area = el as HTMLTextAreaElement;
			const at = area.value.indexOf(wanted);
			area.focus();
			area.setSelectionRange(at, at + wanted.length);
		}, text);
	}
}
