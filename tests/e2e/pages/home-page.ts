import type { Locator, Page } from '@playwright/test';
import { AttendanceButtons } from './attendance-buttons';

/** The front page: a greeting, the member's next meeting and links to all meetings. */
export class HomePage {
	readonly greeting: Locator;
	readonly nextMeeting: Locator;
	readonly openNextMeeting: Locator;
	readonly meetingsInMenu: Locator;
	readonly pastMeetingsLink: Locator;
	readonly logoutButton: Locator;
	/** The one-tap answer for the next meeting. */
	readonly answer: AttendanceButtons;

	constructor(readonly page: Page) {
		this.greeting = page.getByRole('heading', { level: 1 });
		this.nextMeeting = page.getByRole('region', { name: 'Dit næste møde' });
		this.openNextMeeting = this.nextMeeting.getByRole('link', { name: 'Se dagsorden' });
		this.meetingsInMenu = page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Møder' });
		this.pastMeetingsLink = page.getByRole('link', { name: 'Tidligere møder' });
		this.logoutButton = page.getByRole('button', { name: 'Log ud' });
		this.answer = new AttendanceButtons(this.nextMeeting);
	}

	async goto() {
		return this.page.goto('/');
	}
}
