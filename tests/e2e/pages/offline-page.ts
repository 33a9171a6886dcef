import type { Locator, Page } from '@playwright/test';

/** What the service worker shows without the server: the offline page, and the stamp on saved copies. */
export class OfflinePage {
	readonly heading: Locator;
	/** "Offline — viser indhold fra …" on a page opened from the phone's saved copy. */
	readonly stamp: Locator;
	/** Links the page marks as not saved. */
	readonly unsavedLinks: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Du er offline' });
		this.stamp = page.locator('#kp-offline-stamp');
		this.unsavedLinks = page.getByRole('link', { name: /\(ikke gemt\)$/ });
	}
}
