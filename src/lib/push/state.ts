// Where push stands on this device, decided from what the browser says about itself. Pure, so that
// every platform (an iPhone in a Safari tab, a browser without push, a blocked permission) is tested
// without the device; src/lib/push/client.ts gathers the facts in a page.

/** What the browser says. */
export interface PushFacts {
	serviceWorker: boolean;
	pushManager: boolean;
	notification: boolean;
	/** `Notification.permission`, or null without the Notification API. */
	permission: NotificationPermission | null;
	/** iPhone or iPad (src/lib/install/platform.ts). */
	ios: boolean;
	/** Running from the home screen or an app window. */
	installed: boolean;
	/** This device has a push subscription. */
	subscribed: boolean;
}

/**
 * - unsupported: no push in this browser (e-mail instead);
 * - install: an iPhone in a Safari tab: push works only from the home screen, so the hint to put it there;
 * - blocked: the member (or the browser) said no; only the browser's settings can undo it;
 * - on: this device gets push;
 * - off: it could; a tap on the button asks.
 */
export type PushState = 'unsupported' | 'install' | 'blocked' | 'on' | 'off';

export function pushState(f: PushFacts): PushState {
	if (f.ios && !f.installed) return 'install';
	if (!f.serviceWorker || !f.pushManager || !f.notification) return 'unsupported';
	if (f.permission === 'denied') return 'blocked';
	return f.permission === 'granted' && f.subscribed ? 'on' : 'off';
}

/** The offer after an answer shows only where a tap can turn push on, and until it is declined. */
export function shouldOffer(state: PushState, dismissed: boolean): boolean {
	return state === 'off' && !dismissed;
}

/**
 * What the app does at start: post the subscription again (the server's last_seen stays fresh), make
 * a new one (it is gone, or was made with a former VAPID key), or nothing (push is not wanted here).
 */
export function startAction(f: {
	permission: NotificationPermission | null;
	subscribed: boolean;
	keyMatches: boolean;
	/** The member turned push on on this device (and not off since). */
	wanted: boolean;
}): 'none' | 'post' | 'resubscribe' {
	if (f.permission !== 'granted') return 'none';
	if (f.subscribed && f.keyMatches) return 'post';
	return f.wanted || f.subscribed ? 'resubscribe' : 'none';
}

/** A VAPID public key (base64url) as the bytes `applicationServerKey` takes. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
	const base64 = base64url
		.replace(/-/g, '+')
		.replace(/_/g, '/')
		.padEnd(Math.ceil(base64url.length / 4) * 4, '=');
	const raw = atob(base64);
	const bytes = new Uint8Array(new ArrayBuffer(raw.length));
	for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
	return bytes;
}

/** Whether a subscription's applicationServerKey is the server's current key. */
export function sameKey(current: ArrayBuffer | null | undefined, publicKey: string): boolean {
	if (!current || !publicKey) return false;
	const a = new Uint8Array(current);
	const b = keyBytes(publicKey);
	return a.length === b.length && a.every((v, i) => v === b[i]);
}
