import type { Locator, Page } from '@playwright/test';

/** /moeder/[id]/udskriv: the agenda or the minutes laid out for A4. */
export class PrintPage {
	readonly document: Locator;
	readonly printButton: Locator;
	readonly followUpsHeading: Locator;

	constructor(readonly page: Page) {
		this.document = page.getByRole('article');
		this.printButton = page.getByRole('button', { name: 'Udskriv' });
		this.followUpsHeading = page.getByRole('heading', { name: 'OPFØLGNINGSPUNKTER' });
	}

	async gotoAgenda(meetingId: string) {
		return this.page.goto(`/moeder/${meetingId}/udskriv`);
	}

	async gotoMinutes(meetingId: string) {
		return this.page.goto(`/moeder/${meetingId}/udskriv?visning=referat`);
	}
}
