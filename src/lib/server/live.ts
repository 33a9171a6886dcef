// Live updates as server-sent events for pages that follow others' answers (the attendance overview,
// a call's tracker). The browser holds no PocketBase token and answers are not listable, so
// PocketBase's realtime cannot deliver them to a user. Instead the server reads, as the user, what
// the page shows a few times a second and sends a bare "change" event when it differs.

/** How often the server looks for changes while a page is open. */
export const POLL_MS = 1500;

/**
 * A `text/event-stream` response: "ready" at once, "change" whenever `fingerprint` returns something
 * new, a comment every 25 s to keep proxies from closing the line. A failing read (logged out, no
 * longer allowed, PocketBase stopped) ends the stream; the browser reconnects on its own.
 */
export async function liveResponse(signal: AbortSignal, fingerprint: () => Promise<string>, pollMs = POLL_MS) {
	let last = await fingerprint();
	const encoder = new TextEncoder();
	let timer: ReturnType<typeof setInterval> | undefined;
	let heartbeat: ReturnType<typeof setInterval> | undefined;
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const stop = () => {
				clearInterval(timer);
				clearInterval(heartbeat);
				try {
					controller.close();
				} catch {
					// already closed
				}
			};
			const send = (text: string) => controller.enqueue(encoder.encode(text));
			send('retry: 3000\n\nevent: ready\ndata: {}\n\n');
			heartbeat = setInterval(() => send(': ping\n\n'), 25_000);
			let busy = false;
			timer = setInterval(async () => {
				if (busy) return;
				busy = true;
				try {
					const now = await fingerprint();
					if (now !== last) {
						last = now;
						send('event: change\ndata: {}\n\n');
					}
				} catch {
					stop();
				} finally {
					busy = false;
				}
			}, pollMs);
			signal.addEventListener('abort', stop);
		},
		cancel() {
			clearInterval(timer);
			clearInterval(heartbeat);
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' }
	});
}
