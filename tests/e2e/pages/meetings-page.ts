import type { Locator, Page } from '@playwright/test';

/** /moeder: the member's meetings, upcoming or past ("Tidligere"), as cards. */
export class MeetingsPage {
	readonly heading: Locator;
	readonly upcomingTab: Locator;
	readonly pastTab: Locator;
	readonly cards: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Møder' });
		const tabs = page.getByRole('main').getByRole('navigation', { name: 'Møder' });
		this.upcomingTab = tabs.getByRole('link', { name: 'Kommende' });
		this.pastTab = tabs.getByRole('link', { name: 'Tidligere' });
		this.cards = page.getByRole('article');
	}

	/** The card of the meeting held at this time, e.g. "fredag den 12. juni 2020 kl. 08.00-10.40". */
	card(when: string): Locator {
		return this.cards.filter({ hasText: when });
	}

	async openMeeting(when: string) {
		await this.card(when).getByRole('link').click();
	}
}
