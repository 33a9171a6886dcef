// The service worker's part of the outbox: Background Sync (where the browser has it) flushes the
// queued answers with the same module the pages use, even with no tab open. Browsers without it
// (Safari, Firefox) flush from the pages: at start, on `online` and on `visibilitychange`.
import { SYNC_TAG, flushNow } from '$lib/offline/outbox';

/** The `sync` event (not in TypeScript's worker library). */
interface SyncEvent extends ExtendableEvent {
	readonly tag: string;
}

/** Wires the outbox's events into the service worker. */
export function registerOutbox(sw: ServiceWorkerGlobalScope): void {
	sw.addEventListener('sync', (event) => {
		const sync = event as SyncEvent;
		if (sync.tag !== SYNC_TAG) return;
		sync.waitUntil(
			flushNow().then((report) => {
				// A rejected sync is retried by the browser later; a refusal or a lost login is not worth it.
				if (report.stoppedBy === 'network' || report.stoppedBy === 'server') throw new Error('Outbox not flushed');
			})
		);
	});
}
