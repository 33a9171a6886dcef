// Persistent storage once the app is installed. Without it a browser may evict the saved pages and
// the outbox under storage pressure, and Safari deletes a site's storage after 7 days without use
// unless it is on the home screen. Asking in a plain tab would prompt (Firefox) or be refused for
// little engagement (Chromium), so the app asks once, and only when it runs installed.
import { isRunningInstalled, readPlatformFacts } from './platform';
import { PERSIST_ASKED_KEY } from './storage-keys';

/** The outcome recorded after asking; nothing is recorded when the browser cannot be asked. */
export type PersistOutcome = 'granted' | 'denied' | 'already-asked' | 'unsupported';

/** What `persist.ts` needs of the browser, so that tests can hand it a browser of their own. */
export type PersistEnv = {
	storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined;
	localStorage: Pick<Storage, 'getItem' | 'setItem'>;
	/** Whether the page runs as an installed app now. */
	isInstalled: () => boolean;
	/** Subscribes to the window's `appinstalled` event; returns the unsubscribe function. */
	onAppInstalled: (listener: () => void) => () => void;
};

/** Asks for persistent storage unless this phone has been asked before; remembers the answer. */
export async function requestPersistenceOnce(env: PersistEnv): Promise<PersistOutcome> {
	if (env.localStorage.getItem(PERSIST_ASKED_KEY) !== null) return 'already-asked';
	if (typeof env.storage?.persist !== 'function') return 'unsupported';
	// Already persistent (granted earlier, or by the browser itself): nothing to ask.
	const granted = (await env.storage.persisted?.()) || (await env.storage.persist());
	const outcome = granted ? 'granted' : 'denied';
	env.localStorage.setItem(PERSIST_ASKED_KEY, outcome);
	return outcome;
}

/**
 * Asks for persistent storage now if the app runs installed, else as soon as it is installed from
 * this page (`appinstalled`). Returns a function that stops listening.
 */
export function persistWhenInstalled(env: PersistEnv, onOutcome: (outcome: PersistOutcome) => void = () => {}) {
	const ask = () => {
		requestPersistenceOnce(env).then(onOutcome, () => onOutcome('unsupported'));
	};
	if (env.isInstalled()) {
		ask();
		return () => {};
	}
	return env.onAppInstalled(ask);
}

/** The page's own browser as a `PersistEnv`. */
export function browserPersistEnv(win: Window): PersistEnv {
	return {
		storage: win.navigator.storage,
		localStorage: win.localStorage,
		isInstalled: () => isRunningInstalled(readPlatformFacts(win)),
		onAppInstalled: (listener) => {
			win.addEventListener('appinstalled', listener);
			return () => win.removeEventListener('appinstalled', listener);
		}
	};
}
