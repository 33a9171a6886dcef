import { error } from '@sveltejs/kit';
import { loadOverview } from '$lib/server/overview';
import { pocketBaseUrl } from '$lib/server/pocketbase';
import { t } from '$lib/messages';
import type { RequestHandler } from './$types';

// Live updates for the overview. The browser holds no PocketBase token (the auth cookie is
// httpOnly), so the server subscribes to PocketBase's realtime as the user — PocketBase's list rule
// decides what reaches it — and passes on a bare "change" event for this meeting.
export const GET: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) error(404, { message: t.errors.notFound });
	await loadOverview(locals.pb, params.id, locals.user.id);
	const token = locals.pb.authStore.token;
	const upstream = new AbortController();
	request.signal.addEventListener('abort', () => upstream.abort());

	const response = await fetch(`${pocketBaseUrl()}/api/realtime`, {
		headers: { accept: 'text/event-stream' },
		signal: upstream.signal
	});
	if (!response.ok || !response.body) error(503, { message: t.errors.generic });
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	const encoder = new TextEncoder();

	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (text: string) => controller.enqueue(encoder.encode(text));
			const heartbeat = setInterval(() => send(': ping\n\n'), 25_000);
			send('retry: 3000\n\n');
			let buffer = '';
			try {
				for (;;) {
					const { value, done } = await reader.read();
					if (done) break;
					buffer += value;
					let end: number;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const raw = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const event = /^event:(.*)$/m.exec(raw)?.[1]?.trim();
						const data = /^data:(.*)$/m.exec(raw)?.[1]?.trim() ?? '';
						if (event === 'PB_CONNECT') {
							const { clientId } = JSON.parse(data);
							await fetch(`${pocketBaseUrl()}/api/realtime`, {
								method: 'POST',
								headers: { 'content-type': 'application/json', authorization: token },
								body: JSON.stringify({ clientId, subscriptions: ['attendance/*', 'meeting_guests/*'] })
							});
							send('event: ready\ndata: {}\n\n');
						} else if (event && data.includes(params.id)) {
							send('event: change\ndata: {}\n\n');
						}
					}
				}
			} catch {
				// The browser went away, or PocketBase stopped: the browser reconnects on its own.
			} finally {
				clearInterval(heartbeat);
				upstream.abort();
				try {
					controller.close();
				} catch {
					// already closed
				}
			}
		},
		cancel() {
			upstream.abort();
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' }
	});
};
