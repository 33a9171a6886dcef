import type { Locator, Page } from '@playwright/test';

/** /moeder/importer: paste or upload an agenda or minutes, review the proposal beside the source, save. */
export class ImportPage {
	readonly heading: Locator;
	readonly text: Locator;
	readonly file: Locator;
	readonly readButton: Locator;
	readonly source: Locator;
	readonly sourceText: Locator;
	readonly proposal: Locator;
	readonly title: Locator;
	readonly date: Locator;
	readonly start: Locator;
	readonly end: Locator;
	readonly saveButton: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.text = page.getByRole('textbox', { name: 'Tekst', exact: true });
		this.file = page.getByLabel('Eller vælg et Word-dokument (.docx)');
		this.readButton = page.getByRole('button', { name: 'Læs teksten' });
		this.source = page.getByRole('region', { name: 'Kildetekst' });
		this.sourceText = this.source.locator('pre');
		this.proposal = page.getByRole('region', { name: 'Forslag' });
		this.title = this.proposal.locator('#field-title');
		this.date = this.proposal.locator('#field-date');
		this.start = this.proposal.locator('#field-start');
		this.end = this.proposal.locator('#field-end');
		this.saveButton = page.getByRole('button', { name: 'Gem som kladde' });
	}

	goto() {
		return this.page.goto('/moeder/importer');
	}

	/** Puts text in the paste field without typing it key by key (the seed is 50 kB). */
	async paste(text: string) {
		await this.text.evaluate((el, value) => {
			(el as HTMLTextAreaElement).value = value;
			el.dispatchEvent(new Event('input', { bubbles: true }));
		}, text);
	}

	/** The fieldset of item n ("Punkt n"). */
	item(n: number): Locator {
		return this.proposal.getByRole('group', { name: `Punkt ${n}`, exact: true });
	}

	items(): Locator {
		return this.proposal.getByRole('group', { name: /^Punkt \d+$/ });
	}

	/** The value of an item's field, by its index (0-based) and field name. */
	itemField(index: number, field: string): Locator {
		return this.proposal.locator(`[id="field-items.${index}.${field}"]`);
	}
}
