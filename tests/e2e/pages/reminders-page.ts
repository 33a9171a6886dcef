import type { Locator, Page } from '@playwright/test';

/** Påmindelser: push on this device, the member's devices, preferences and the newest reminders. */
export class RemindersPage {
	readonly heading: Locator;
	readonly navLink: Locator;
	readonly turnOn: Locator;
	readonly turnOff: Locator;
	readonly pushState: Locator;
	readonly devices: Locator;
	readonly prefs: Locator;
	readonly save: Locator;
	readonly saved: Locator;
	readonly recent: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Påmindelser' });
		this.navLink = page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: /^Påmindelser/ });
		this.turnOn = page.getByRole('button', { name: 'Slå påmindelser til på denne enhed' });
		this.turnOff = page.getByRole('button', { name: 'Slå påmindelser fra på denne enhed' });
		this.pushState = page.getByTestId('push-switch');
		this.devices = page.getByTestId('device');
		this.prefs = page.getByRole('region', { name: 'Hvad vil du have påmindelser om?' });
		this.save = this.prefs.getByRole('button', { name: 'Gem' });
		this.saved = this.prefs.getByRole('status');
		this.recent = page.getByTestId('recent-reminder');
	}

	async goto() {
		return this.page.goto('/paamindelser');
	}

	/** A device's row by its name. */
	device(name: string | RegExp): Locator {
		return this.devices.filter({ hasText: name });
	}
}
