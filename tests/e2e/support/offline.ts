// Steps of the offline tests: a phone on an app server of the test's own (which the test stops to go
// offline: Playwright's setOffline does not cut off the service worker), and looks into its stores.
import { expect, type Browser, type Page } from '@playwright/test';

/** A fresh phone (own browser context) whose relative URLs go to `baseURL`. */
export async function phoneAt(browser: Browser, baseURL: string): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		viewport: { width: 360, height: 740 },
		isMobile: true,
		hasTouch: true,
		locale: 'da-DK',
		timezoneId: 'Europe/Copenhagen'
	});
	return context.newPage();
}

/** Waits until the service worker controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await expect
		.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), {
			message: 'the service worker controls the page'
		})
		.toBe(true);
}

/** Paths of the pages saved in the phone's page cache. */
export function savedPages(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		if (!(await caches.has('klyngeportal-pages'))) return [];
		const cache = await caches.open('klyngeportal-pages');
		return (await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
	});
}

/** Names of the app's caches and IndexedDB databases on the phone. */
export function appStores(page: Page): Promise<{ caches: string[]; databases: string[] }> {
	return page.evaluate(async () => ({
		caches: (await caches.keys()).filter((n) => n.startsWith('klyngeportal-')),
		databases: (await indexedDB.databases())
			.map((d) => d.name ?? '')
			.filter((n) => n.startsWith('klyngeportal-') || n === 'workbox-expiration')
	}));
}
