// The service worker's part of the outbox: replaying queued answers when the browser fires `sync`.
// (Filled in by the outbox work; the page side lives in $lib/offline.)

/** Wires the outbox's events into the service worker. */
export function registerOutbox(sw: ServiceWorkerGlobalScope): void {
	void sw;
}
