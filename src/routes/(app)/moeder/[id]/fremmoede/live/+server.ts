import { error } from '@sveltejs/kit';
import { loadOverview } from '$lib/server/overview';
import { t } from '$lib/messages';
import type { RequestHandler } from './$types';

/** How often the server looks for new answers while an overview is open. */
const POLL_MS = 1500;

// Live updates for the overview as server-sent events. The browser holds no PocketBase token, and
// answers are not listable through PocketBase's API at all (their list rule is null, so no filter can
// reach them), so PocketBase's realtime cannot deliver them to a user. Instead the server reads the
// meeting's answers and guests as the user — their rules decide what is seen — a few times a second,
// and sends a bare "change" event when what it sees differs.
export const GET: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) error(404, { message: t.errors.notFound });
	const userId = locals.user.id;
	const fingerprint = async () => {
		const o = await loadOverview(locals.pb, params.id, userId);
		return JSON.stringify([o.everyone.map((p) => [p.id, p.answer?.updated ?? '']), o.guests.map((g) => g.id)]);
	};
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
					// Logged out, no longer allowed, or PocketBase stopped: the browser reconnects on its own.
					stop();
				} finally {
					busy = false;
				}
			}, POLL_MS);
			request.signal.addEventListener('abort', stop);
		},
		cancel() {
			clearInterval(timer);
			clearInterval(heartbeat);
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' }
	});
};
