// Push on this device, in a page: what the browser offers, turning it on (permission asked only from
// a tap) and off, and the re-send at every app start. Talks only to the app's own endpoints.
import { isIos, readPlatformFacts, isRunningInstalled } from '$lib/install/platform';
import { BACKGROUND_HEADER } from '$lib/offline/names';
import { DEVICE_PATH, subscriptionBody } from './endpoints';
import { keyBytes, pushState, sameKey, startAction, type PushFacts, type PushState } from './state';

/** localStorage: the member turned push on on this device (and not off since). A fact about the phone. */
export const PUSH_WANTED_KEY = 'klyngeportal:push:wanted';
/** localStorage: the offer after an answer was declined on this device. */
export const OFFER_DISMISSED_KEY = 'klyngeportal:push:offer-dismissed';

function readFlag(key: string): boolean {
	try {
		return localStorage.getItem(key) !== null;
	} catch {
		return false;
	}
}

function writeFlag(key: string, on: boolean): void {
	try {
		if (on) localStorage.setItem(key, new Date().toISOString());
		else localStorage.removeItem(key);
	} catch {
		// Storage blocked: not remembered on this device.
	}
}

export const offerDismissed = () => readFlag(OFFER_DISMISSED_KEY);
export const dismissOffer = () => writeFlag(OFFER_DISMISSED_KEY, true);

/** The service worker's registration, or null where there is none (yet). */
async function registration(): Promise<ServiceWorkerRegistration | null> {
	if (!('serviceWorker' in navigator)) return null;
	return (await navigator.serviceWorker.getRegistration()) ?? null;
}

/** This device's subscription, or null. */
export async function currentSubscription(): Promise<PushSubscription | null> {
	try {
		return (await (await registration())?.pushManager?.getSubscription()) ?? null;
	} catch {
		return null;
	}
}

/** What this browser says about push, now. */
export async function readPushFacts(): Promise<PushFacts> {
	const platform = readPlatformFacts(window);
	const hasNotification = typeof Notification !== 'undefined';
	return {
		serviceWorker: 'serviceWorker' in navigator,
		pushManager: 'PushManager' in window,
		notification: hasNotification,
		permission: hasNotification ? Notification.permission : null,
		ios: isIos(platform),
		installed: isRunningInstalled(platform),
		subscribed: !!(await currentSubscription())
	};
}

export async function readPushState(): Promise<PushState> {
	return pushState(await readPushFacts());
}

/** Posts the subscription to the server; false when the server did not take it. */
async function post(subscription: PushSubscription, background: boolean): Promise<boolean> {
	const response = await fetch(DEVICE_PATH, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(background ? { [BACKGROUND_HEADER]: '1' } : {}) },
		body: JSON.stringify(subscriptionBody(subscription, navigator.userAgent))
	});
	return response.ok;
}

async function subscribe(publicKey: string): Promise<PushSubscription> {
	const reg = (await registration()) ?? (await navigator.serviceWorker.ready);
	return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
}

export type TurnOnResult = 'on' | 'denied' | 'failed';

/** Asks for permission (call only from a tap), subscribes and tells the server. */
export async function turnOn(publicKey: string): Promise<TurnOnResult> {
	if (!publicKey) return 'failed';
	try {
		const permission = await Notification.requestPermission();
		if (permission !== 'granted') return 'denied';
		let subscription = await currentSubscription();
		if (subscription && !sameKey(subscription.options.applicationServerKey, publicKey)) {
			await subscription.unsubscribe();
			subscription = null;
		}
		subscription ??= await subscribe(publicKey);
		if (!(await post(subscription, false))) return 'failed';
		writeFlag(PUSH_WANTED_KEY, true);
		return 'on';
	} catch {
		return 'failed';
	}
}

/** Stops push on this device: unsubscribes and tells the server to forget it. */
export async function turnOff(): Promise<boolean> {
	writeFlag(PUSH_WANTED_KEY, false);
	const subscription = await currentSubscription();
	if (!subscription) return true;
	const endpoint = subscription.endpoint;
	try {
		await subscription.unsubscribe();
		const response = await fetch(DEVICE_PATH, {
			method: 'DELETE',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ endpoint })
		});
		return response.ok;
	} catch {
		return false;
	}
}

/**
 * At app start: posts the subscription again so the server sees the device is alive, or makes a new
 * one when it is gone or was made with a former key (the keys were rotated). Never asks anything.
 */
export async function resendOnStart(publicKey: string): Promise<void> {
	if (!publicKey || typeof Notification === 'undefined' || !('PushManager' in window)) return;
	const subscription = await currentSubscription();
	const action = startAction({
		permission: Notification.permission,
		subscribed: !!subscription,
		keyMatches: sameKey(subscription?.options.applicationServerKey, publicKey),
		wanted: readFlag(PUSH_WANTED_KEY)
	});
	if (action === 'none') return;
	if (action === 'post' && subscription) {
		await post(subscription, true);
		return;
	}
	await subscription?.unsubscribe();
	if (await post(await subscribe(publicKey), true)) writeFlag(PUSH_WANTED_KEY, true);
}
