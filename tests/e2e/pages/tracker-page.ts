import type { Locator, Page } from '@playwright/test';

/** /indkaldelser/[id]/status: the secretariat's live tracker of a call, and its actions. */
export class TrackerPage {
	readonly heading: Locator;
	readonly status: Locator;
	/** "Opdateres automatisk · Opdateret kl. …", once the live connection is up. */
	readonly live: Locator;
	readonly counts: Locator;
	readonly remindButton: Locator;
	readonly reminded: Locator;
	readonly lastReminder: Locator;
	readonly confirmRemind: Locator;
	readonly remindAgainButton: Locator;
	readonly csvLink: Locator;
	readonly closeButton: Locator;
	readonly reopenButton: Locator;
	readonly composeLink: Locator;
	readonly editLink: Locator;
	readonly newDeadline: Locator;
	readonly extendButton: Locator;
	readonly statusMessage: Locator;
	readonly onBehalf: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.status = page.getByTestId('call-status');
		this.live = page.getByText(/^Opdateres automatisk/);
		this.counts = page.getByTestId('call-counts');
		this.remindButton = page.getByRole('button', { name: /^Send påmindelse/ });
		this.reminded = page.getByRole('status').filter({ hasText: /^Påmindelse sendt til |^Alle har svaret/ });
		this.lastReminder = page.getByTestId('last-reminder');
		this.confirmRemind = page.getByRole('alert').filter({ hasText: /mindre end et døgn siden/ });
		this.remindAgainButton = page.getByRole('button', { name: 'Ja, send påmindelse igen', exact: true });
		this.csvLink = page.getByRole('link', { name: 'Hent indmeldinger som CSV', exact: true });
		this.closeButton = page.getByRole('button', { name: 'Luk indkaldelse', exact: true });
		this.reopenButton = page.getByRole('button', { name: 'Genåbn', exact: true });
		this.composeLink = page.getByRole('link', { name: 'Sammensæt gruppen', exact: true });
		this.editLink = page.getByRole('link', { name: 'Ret indkaldelsen', exact: true });
		this.newDeadline = page.getByLabel('Ny frist (dato)');
		this.extendButton = page.getByRole('button', { name: 'Forlæng fristen', exact: true });
		this.statusMessage = page.getByRole('status');
		this.onBehalf = page.getByRole('group').filter({ hasText: 'Meld ind på vegne af en organisation' });
	}

	async goto(callId: string) {
		return this.page.goto(`/indkaldelser/${callId}/status`);
	}

	/** One organisation's row. */
	row(organizationName: string): Locator {
		return this.page.getByRole('region', { name: organizationName, exact: true });
	}

	/** The number a count shows now, e.g. countOf('Ikke svaret'). */
	count(label: string): Locator {
		return this.counts
			.getByRole('listitem')
			.filter({ hasText: new RegExp(`^${label}:`) })
			.locator('strong');
	}

	/** Opens "Meld ind på vegne af" and names someone for an organisation in a forum. */
	async openOnBehalf() {
		if (!(await this.page.getByLabel('Organisation', { exact: true }).isVisible())) {
			await this.onBehalf.getByText('Meld ind på vegne af en organisation').click();
		}
	}

	async nominateOnBehalf(organization: string, forum: string, name: string, title = '', email = '') {
		await this.openOnBehalf();
		await this.page.getByLabel('Organisation', { exact: true }).selectOption({ label: organization });
		await this.page.getByLabel('Forum', { exact: true }).selectOption({ label: forum });
		await this.page.getByRole('textbox', { name: 'Navn', exact: true }).fill(name);
		await this.page.getByRole('textbox', { name: 'Titel', exact: true }).fill(title);
		await this.page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(email);
		await this.page.getByRole('button', { name: 'Meld ind', exact: true }).click();
	}
}
