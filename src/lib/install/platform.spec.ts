import { describe, expect, it } from 'vitest';
import { isIos, isIosSafari, shouldOfferIosInstallHint, type PlatformFacts } from './platform';

const UA = {
	iphoneSafari:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
	ipadSafari:
		'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
	// An iPad asks for desktop sites by default and then claims to be a Mac; only touch tells it apart.
	desktopClassSafari:
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
	iphoneChrome:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
	iphoneFirefox:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15',
	iphoneEdge:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/125.2535.60 Mobile/15E148 Safari/605.1.15',
	iphoneFacebookWebView:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/467.0.0.45.111;FBBV/611151580]',
	androidChrome:
		'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'
};

const inTab = (userAgent: string, maxTouchPoints = 5): PlatformFacts => ({
	userAgent,
	maxTouchPoints,
	navigatorStandalone: undefined,
	appDisplayMode: false
});

describe('the iOS install hint', () => {
	it('is offered to Safari on an iPhone and an iPad in a tab', () => {
		expect(shouldOfferIosInstallHint({ ...inTab(UA.iphoneSafari), navigatorStandalone: false })).toBe(true);
		expect(shouldOfferIosInstallHint(inTab(UA.ipadSafari))).toBe(true);
	});

	it('is offered to an iPad that asks for desktop sites, and not to Safari on a Mac', () => {
		expect(isIos({ userAgent: UA.desktopClassSafari, maxTouchPoints: 5 })).toBe(true);
		expect(shouldOfferIosInstallHint(inTab(UA.desktopClassSafari, 5))).toBe(true);
		expect(isIos({ userAgent: UA.desktopClassSafari, maxTouchPoints: 0 })).toBe(false);
		expect(shouldOfferIosInstallHint(inTab(UA.desktopClassSafari, 0))).toBe(false);
	});

	it('is not offered once the app runs from the home screen', () => {
		expect(shouldOfferIosInstallHint({ ...inTab(UA.iphoneSafari), navigatorStandalone: true })).toBe(false);
		expect(shouldOfferIosInstallHint({ ...inTab(UA.iphoneSafari), appDisplayMode: true })).toBe(false);
	});

	it('is not offered to other browsers on iOS, whose menus differ, nor to in-app web views', () => {
		for (const ua of [UA.iphoneChrome, UA.iphoneFirefox, UA.iphoneEdge, UA.iphoneFacebookWebView]) {
			expect(isIos({ userAgent: ua, maxTouchPoints: 5 }), ua).toBe(true);
			expect(isIosSafari({ userAgent: ua, maxTouchPoints: 5 }), ua).toBe(false);
			expect(shouldOfferIosInstallHint(inTab(ua)), ua).toBe(false);
		}
	});

	it('is not offered on Android, which has its own install prompt', () => {
		expect(isIos({ userAgent: UA.androidChrome, maxTouchPoints: 5 })).toBe(false);
		expect(shouldOfferIosInstallHint(inTab(UA.androidChrome))).toBe(false);
	});
});
