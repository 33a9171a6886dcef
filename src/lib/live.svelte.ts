// The browser's side of a live page: listens to a page's server-sent events (src/lib/server/live.ts)
// and reloads the page's data on each change.
import { invalidateAll } from '$app/navigation';

export class LiveUpdates {
	/** Whether the connection is up. */
	live = $state(false);
	/** When the data was last reloaded. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced on each reload, never mutated
	updatedAt = $state(new Date());

	/** Connects to `url`; returns the function that disconnects (for onMount). */
	connect(url: string): () => void {
		const source = new EventSource(url);
		source.addEventListener('ready', () => (this.live = true));
		source.addEventListener('change', async () => {
			await invalidateAll();
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced, never mutated
			this.updatedAt = new Date();
		});
		source.onerror = () => (this.live = false);
		return () => source.close();
	}
}
