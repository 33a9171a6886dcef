// Messages from the open pages: take over now (the update banner), save for offline, wipe.
import { saveForOffline, noteUser } from './caching';
import { wipeUserData } from '$lib/offline/wipe';

export type SwMessage =
	| { type: 'skip-waiting' }
	| { type: 'save-offline'; force?: boolean }
	| { type: 'save-meeting'; meetingId: string }
	| { type: 'wipe' };

export function registerMessages(sw: ServiceWorkerGlobalScope): void {
	sw.addEventListener('message', (event) => {
		const message = event.data as SwMessage | null;
		const reply = (body: unknown) => event.ports[0]?.postMessage(body);
		const run = (work: Promise<void>) =>
			event.waitUntil(
				work.then(
					() => reply({ ok: true }),
					() => reply({ ok: false })
				)
			);
		switch (message?.type) {
			case 'skip-waiting':
				void sw.skipWaiting();
				break;
			case 'save-offline':
				run(saveForOffline(event, { force: message.force }));
				break;
			case 'save-meeting':
				run(saveForOffline(event, { meetingId: message.meetingId }));
				break;
			case 'wipe':
				run(noteUser(null).then(wipeUserData));
				break;
		}
	});
}
