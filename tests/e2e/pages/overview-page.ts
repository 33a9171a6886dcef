import type { Locator, Page } from '@playwright/test';

/** /moeder/[id]/fremmoede: the secretariat's live attendance overview. */
export class OverviewPage {
	readonly heading: Locator;
	/** "Opdateres automatisk · Opdateret kl. …", once the live connection is up. */
	readonly live: Locator;
	readonly counts: Locator;
	readonly remindButton: Locator;
	readonly reminded: Locator;
	/** "Sidste påmindelse: …, sendt af … til …." */
	readonly lastReminder: Locator;
	/** The question asked before a second round of reminders within a day. */
	readonly confirmRemind: Locator;
	readonly remindAgainButton: Locator;
	readonly dontRemindLink: Locator;
	readonly csvLink: Locator;
	readonly guests: Locator;
	readonly participantBlock: Locator;
	/** "Påmindelser: n af m er mindet", which opens who was reminded, how and when. */
	readonly remindedSummary: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Fremmøde' });
		this.live = page.getByText(/^Opdateres automatisk/);
		this.counts = page.getByTestId('counts');
		this.remindButton = page.getByRole('button', { name: /^Send påmindelse/ });
		this.reminded = page.getByRole('status').filter({ hasText: /^Påmindelse sendt til / });
		this.lastReminder = page.getByTestId('last-reminder');
		this.confirmRemind = page.getByRole('alert').filter({ hasText: /mindre end et døgn siden/ });
		this.remindAgainButton = page.getByRole('button', { name: 'Ja, send påmindelse igen', exact: true });
		this.dontRemindLink = page.getByRole('link', { name: 'Nej, send ikke', exact: true });
		this.csvLink = page.getByRole('link', { name: 'Hent svar som CSV', exact: true });
		this.guests = page.getByRole('region', { name: 'Gæster', exact: true });
		this.participantBlock = page.getByRole('textbox', { name: 'Deltagerliste til referatet', exact: true });
		this.remindedSummary = page.getByTestId('reminded').locator('summary');
	}

	/** One member's line in "who was reminded". */
	remindedRow(userId: string): Locator {
		return this.page.getByTestId(`reminded-${userId}`);
	}

	async goto(meetingId: string) {
		return this.page.goto(`/moeder/${meetingId}/fremmoede`);
	}

	/** One count, e.g. count('Suppleant') reads "Suppleant: 1". */
	count(label: string): Locator {
		return this.counts.getByRole('listitem').filter({ hasText: new RegExp(`^${label}:`) });
	}

	/** The number a count shows now. */
	async countOf(label: string): Promise<number> {
		return Number(await this.count(label).locator('strong').textContent());
	}

	/** The row of one member of the group, by user id. */
	row(userId: string): Locator {
		return this.page.getByTestId(`answer-${userId}`);
	}
}
