// The outbox as the pages see it: what waits, what was just sent, what the server refused; and the
// `use:enhance` helper that queues an answer when the server cannot be reached. One instance per app,
// made by the root layout and handed down through context (it holds the signed-in user's answers).
import { createContext } from 'svelte';
import { invalidateAll } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';
import {
	CHANNEL,
	enqueue,
	flushNow,
	listEntries,
	removeEntry,
	requestBackgroundSync,
	type OutboxEntry
} from './outbox';
import { newRecordId, queuedNow } from './outbox-flush.js';

/** How often a page retries while answers wait and nothing else has triggered a flush. */
const RETRY_MS = 30_000;

export class OutboxState {
	#userId: () => string | null;
	/** Every entry of the signed-in user, queued or refused. */
	entries = $state<OutboxEntry[]>([]);
	/** How many answers the last flush sent (for "Sendt"); 0 once something new is queued. */
	sent = $state(0);
	/** Set when the member tried to log out with answers waiting: the logout action to post anyway. */
	logoutPending = $state<string | null>(null);

	waiting = $derived(this.entries.filter((e) => e.status === 'queued'));
	refused = $derived(this.entries.filter((e) => e.status === 'refused'));

	constructor(userId: () => string | null) {
		this.#userId = userId;
	}

	get userId(): string | null {
		return this.#userId();
	}

	/** The answer about `key` (or a key starting with `key:`) that is waiting, if any. */
	waitingFor(key: string): OutboxEntry | undefined {
		return this.waiting.findLast((e) => e.key === key || e.key.startsWith(`${key}:`));
	}

	async refresh(): Promise<void> {
		const userId = this.userId;
		this.entries = userId ? (await listEntries()).filter((e) => e.userId === userId) : [];
	}

	async add(entry: OutboxEntry): Promise<void> {
		await enqueue(entry);
		this.sent = 0;
		await this.refresh();
		void requestBackgroundSync();
	}

	/** Sends what waits (if anything) and shows the new state of the page when something was stored. */
	async flush(): Promise<void> {
		const userId = this.userId;
		if (!userId) return;
		await this.refresh();
		if (!this.waiting.length) return;
		const report = await flushNow(userId);
		await this.refresh();
		if (report.sent.length) this.sent = report.sent.length;
		if (report.sent.length || report.refused.length) await invalidateAll();
	}

	/** Forgets every answer of the user still waiting ("Log ud alligevel": they will not be sent). */
	async forgetWaiting(): Promise<void> {
		for (const entry of this.waiting) await removeEntry(entry.id);
		await this.refresh();
	}

	async dismiss(id: string): Promise<void> {
		await removeEntry(id);
		await this.refresh();
	}

	/**
	 * Flushes at start and whenever the network may be back: `online`, the app coming to the front,
	 * and another tab or the service worker having changed the outbox. Returns the cleanup.
	 */
	start(): () => void {
		const flush = () => void this.flush().catch(() => undefined);
		const visible = () => {
			if (document.visibilityState === 'visible') flush();
		};
		window.addEventListener('online', flush);
		document.addEventListener('visibilitychange', visible);
		const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
		channel?.addEventListener('message', () => void this.refresh().catch(() => undefined));
		flush();
		// The server may come back while the phone never lost its network (no `online` event).
		const retry = setInterval(() => {
			if (this.waiting.length) flush();
		}, RETRY_MS);
		return () => {
			clearInterval(retry);
			window.removeEventListener('online', flush);
			document.removeEventListener('visibilitychange', visible);
			channel?.close();
		};
	}
}

export const [getOutbox, setOutbox] = createContext<OutboxState>();

/**
 * The `use:enhance` submit function of a form that writes an answer. The post carries the phone's id
 * for it (`client_id`, so that the server stores a replay once). When the server cannot be reached
 * (no network, or nothing answering; not a refusal), the answer goes to the outbox and the form stays
 * as it is, with "Venter på netværk" shown by the page, never as sent.
 * @param describe What the answer is about (`key`) and a short Danish line naming it (`label`).
 */
export function queued(
	outbox: OutboxState | undefined,
	describe: (form: FormData) => { key: string; label: string }
): SubmitFunction {
	return ({ formData, action }) => {
		const id = newRecordId();
		formData.set('client_id', id);
		return async ({ result, update }) => {
			const unreachable = result.type === 'error' && result.status === undefined;
			const userId = outbox?.userId;
			if (!unreachable || !outbox || !userId) return update();
			const fields: [string, string][] = [];
			for (const [name, value] of formData) if (typeof value === 'string') fields.push([name, value]);
			await outbox.add({
				id,
				...describe(formData),
				action: action.pathname + action.search,
				fields,
				queuedAt: queuedNow(),
				userId,
				status: 'queued'
			});
		};
	};
}
