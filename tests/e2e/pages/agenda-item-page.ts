import type { Locator, Page } from '@playwright/test';

/** /moeder/[id]/punkter/[position]: one agenda item with its recommendation, case, attachments and minutes. */
export class AgendaItemPage {
	readonly title: Locator;
	readonly sectionHeadings: Locator;
	readonly recommendation: Locator;
	readonly background: Locator;
	readonly attachments: Locator;
	readonly minutes: Locator;
	readonly backToMeeting: Locator;

	constructor(readonly page: Page) {
		this.title = page.getByRole('heading', { level: 1 });
		this.sectionHeadings = page.getByRole('main').getByRole('heading', { level: 2 });
		this.recommendation = page.getByRole('region', { name: 'Indstilling' });
		this.background = page.getByRole('region', { name: 'Sagsfremstilling' });
		this.attachments = page.getByRole('region', { name: 'Bilag' });
		this.minutes = page.getByRole('region', { name: 'Referat' });
		this.backToMeeting = page.getByRole('link', { name: 'Til dagsordenen' });
	}

	async goto(meetingId: string, position: number | string) {
		return this.page.goto(`/moeder/${meetingId}/punkter/${position}`);
	}

	/** The link of an attachment, named by its title, kind and size: "Strategi 2023.pdf (PDF, 245 kB)". */
	attachment(title: string): Locator {
		return this.attachments.getByRole('link', {
			name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`)
		});
	}
}
