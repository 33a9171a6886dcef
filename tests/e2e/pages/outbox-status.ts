import type { Locator, Page } from '@playwright/test';

/** The outbox's line at the top of every signed-in page (src/lib/components/OutboxStatus.svelte). */
export class OutboxStatus {
	/** "Venter på netværk (2 svar)" with what waits. */
	readonly waiting: Locator;
	/** "Sendt: dit svar er gemt." */
	readonly sent: Locator;
	/** "Et svar blev ikke gemt" with the server's reason. */
	readonly refused: Locator;
	readonly dismissRefusal: Locator;
	/** The warning before a logout with answers waiting. */
	readonly logoutWarning: Locator;
	readonly logoutAnyway: Locator;
	readonly stayLoggedIn: Locator;

	constructor(readonly page: Page) {
		const root = page.getByTestId('outbox-status');
		this.waiting = root.getByRole('status').filter({ hasText: 'Venter på netværk' });
		this.sent = root.getByRole('status').filter({ hasText: /^Sendt: / });
		this.refused = root.getByRole('alert').filter({ hasText: 'Et svar blev ikke gemt' });
		this.dismissRefusal = this.refused.getByRole('button', { name: 'OK' });
		this.logoutWarning = root.getByRole('alert').filter({ hasText: 'venter på netværk' });
		this.logoutAnyway = this.logoutWarning.getByRole('button', { name: 'Log ud alligevel' });
		this.stayLoggedIn = this.logoutWarning.getByRole('button', { name: 'Bliv logget ind' });
	}
}
