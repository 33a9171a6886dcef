import type { Locator, Page } from '@playwright/test';

/** The Danish error page (src/routes/+error.svelte). */
export class ErrorPage {
	readonly heading: Locator;
	readonly homeLink: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.homeLink = page.getByRole('main').getByRole('link', { name: 'Til forsiden' });
	}

	message(text: string): Locator {
		return this.page.getByRole('main').getByText(text, { exact: true });
	}
}
