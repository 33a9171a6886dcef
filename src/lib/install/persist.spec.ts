import { describe, expect, it, vi } from 'vitest';
import { persistWhenInstalled, requestPersistenceOnce, type PersistEnv, type PersistOutcome } from './persist';
import { PERSIST_ASKED_KEY } from './storage-keys';

/** A browser of the test's making: storage that grants or refuses, and an `appinstalled` to fire. */
function fakeBrowser({ installed = false, grants = true, alreadyPersisted = false, supported = true } = {}) {
	const saved = new Map<string, string>();
	const listeners = new Set<() => void>();
	const persist = vi.fn(async () => grants);
	const env: PersistEnv = {
		storage: supported ? { persist, persisted: async () => alreadyPersisted } : undefined,
		localStorage: { getItem: (k) => saved.get(k) ?? null, setItem: (k, v) => void saved.set(k, v) },
		isInstalled: () => installed,
		onAppInstalled: (listener) => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		}
	};
	return { env, saved, persist, fireAppInstalled: () => listeners.forEach((l) => l()), listeners };
}

/** Runs persistWhenInstalled and resolves with the outcomes reported so far, after pending promises. */
async function outcomesOf(env: PersistEnv, action: () => void = () => {}) {
	const outcomes: PersistOutcome[] = [];
	const stop = persistWhenInstalled(env, (o) => outcomes.push(o));
	action();
	await new Promise((r) => setTimeout(r, 0));
	return { outcomes, stop };
}

describe('persistent storage after install', () => {
	it('is not asked for in a plain browser tab', async () => {
		const browser = fakeBrowser({ installed: false });
		const { outcomes } = await outcomesOf(browser.env);
		expect(browser.persist).not.toHaveBeenCalled();
		expect(outcomes).toEqual([]);
		expect(browser.saved.has(PERSIST_ASKED_KEY)).toBe(false);
	});

	it('is asked for when the app runs installed, and the answer is remembered', async () => {
		const browser = fakeBrowser({ installed: true, grants: true });
		const { outcomes } = await outcomesOf(browser.env);
		expect(browser.persist).toHaveBeenCalledTimes(1);
		expect(outcomes).toEqual(['granted']);
		expect(browser.saved.get(PERSIST_ASKED_KEY)).toBe('granted');
	});

	it('is asked for only once on a phone, also when the browser said no', async () => {
		const browser = fakeBrowser({ installed: true, grants: false });
		expect(await requestPersistenceOnce(browser.env)).toBe('denied');
		expect(await requestPersistenceOnce(browser.env)).toBe('already-asked');
		const { outcomes } = await outcomesOf(browser.env);
		expect(outcomes).toEqual(['already-asked']);
		expect(browser.persist).toHaveBeenCalledTimes(1);
		expect(browser.saved.get(PERSIST_ASKED_KEY)).toBe('denied');
	});

	it('is asked for when the member installs the app from the open page', async () => {
		const browser = fakeBrowser({ installed: false, grants: true });
		const { outcomes, stop } = await outcomesOf(browser.env, () => browser.fireAppInstalled());
		expect(outcomes).toEqual(['granted']);
		expect(browser.persist).toHaveBeenCalledTimes(1);
		stop();
		expect(browser.listeners.size).toBe(0);
	});

	it('does not ask when the storage is persistent already', async () => {
		const browser = fakeBrowser({ installed: true, alreadyPersisted: true });
		expect(await requestPersistenceOnce(browser.env)).toBe('granted');
		expect(browser.persist).not.toHaveBeenCalled();
	});

	it('records nothing where the browser has no persistent storage, so a later browser may ask', async () => {
		const browser = fakeBrowser({ installed: true, supported: false });
		expect(await requestPersistenceOnce(browser.env)).toBe('unsupported');
		expect(browser.saved.has(PERSIST_ASKED_KEY)).toBe(false);
	});
});
