// Which install path this browser has. Pure functions of what the browser tells about itself, so
// that every case can be tested without the device; `readPlatformFacts` gathers them in a page.

/** What the browser says about itself. */
export type PlatformFacts = {
	userAgent: string;
	/** `navigator.maxTouchPoints`: tells an iPad (which claims to be a Mac) from a Mac. */
	maxTouchPoints: number;
	/** Safari's own `navigator.standalone`: true when opened from the home screen; undefined elsewhere. */
	navigatorStandalone: boolean | undefined;
	/** Whether a `(display-mode: …)` media query other than `browser` matches. */
	appDisplayMode: boolean;
};

/** Display modes in which the page runs as an installed app rather than in a browser tab. */
export const APP_DISPLAY_MODES = ['standalone', 'fullscreen', 'minimal-ui'] as const;

/**
 * Browsers on iOS that show "Safari/" in their user agent but are not Safari: Chrome, Firefox, Edge,
 * Opera, Google's app, DuckDuckGo, Yandex, and the in-app browsers of Facebook, Instagram and LINE.
 * Their share menus differ from Safari's (or lack "Føj til hjemmeskærm"), so the hint would mislead.
 */
const NOT_SAFARI = /CriOS|FxiOS|EdgiOS|OPiOS|OPT\/|GSA\/|Ddg\/|YaBrowser|FBAN|FBAV|Instagram|Line\//;

/** iPhone, iPod or iPad, including an iPad that asks for desktop sites (it says "Macintosh"). */
export function isIos({ userAgent, maxTouchPoints }: Pick<PlatformFacts, 'userAgent' | 'maxTouchPoints'>) {
	if (/iPhone|iPad|iPod/.test(userAgent)) return true;
	return /Macintosh/.test(userAgent) && maxTouchPoints > 1;
}

/** Safari itself on iOS (not another browser, not an app's web view, which has no "Safari/"). */
export function isIosSafari(facts: Pick<PlatformFacts, 'userAgent' | 'maxTouchPoints'>) {
	const { userAgent } = facts;
	return isIos(facts) && /Version\/[\d.]+.*Safari\//.test(userAgent) && !NOT_SAFARI.test(userAgent);
}

/** Whether the page runs as an installed app (from the home screen or an app window). */
export function isRunningInstalled({ navigatorStandalone, appDisplayMode }: PlatformFacts) {
	return navigatorStandalone === true || appDisplayMode;
}

/** The "Del → Føj til hjemmeskærm" hint is for Safari on iOS in a tab: iOS has no install prompt. */
export function shouldOfferIosInstallHint(facts: PlatformFacts) {
	return isIosSafari(facts) && !isRunningInstalled(facts);
}

/** The facts of the browser this page runs in. */
export function readPlatformFacts(win: Window): PlatformFacts {
	const nav = win.navigator as Navigator & { standalone?: boolean };
	return {
		userAgent: nav.userAgent,
		maxTouchPoints: nav.maxTouchPoints ?? 0,
		navigatorStandalone: nav.standalone,
		appDisplayMode: APP_DISPLAY_MODES.some((mode) => win.matchMedia?.(`(display-mode: ${mode})`).matches)
	};
}
