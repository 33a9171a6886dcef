import { error, json } from '@sveltejs/kit';
import { ClientResponseError } from 'pocketbase';
import { removeDeviceAt, saveDevice } from '$lib/server/my-reminders';
import type { SubscriptionBody } from '$lib/push/endpoints';
import { t } from '$lib/messages';
import type { RequestHandler } from './$types';

/**
 * This device's push subscription, posted when the member turns push on and again at every app start
 * (JSON only: a cross-site page cannot send JSON without asking first). PocketBase checks its shape.
 */
async function readJson(request: Request): Promise<Record<string, unknown>> {
	if (!request.headers.get('content-type')?.startsWith('application/json')) error(415, t.reminders.device.failed);
	try {
		const body = (await request.json()) as unknown;
		if (body && typeof body === 'object') return body as Record<string, unknown>;
	} catch {
		// falls through to the refusal
	}
	error(400, t.reminders.device.failed);
}

export const POST: RequestHandler = async ({ locals, request }) => {
	const body = await readJson(request);
	const keys = (body.keys && typeof body.keys === 'object' ? body.keys : {}) as Record<string, unknown>;
	const subscription: SubscriptionBody = {
		endpoint: String(body.endpoint ?? ''),
		keys: { p256dh: String(keys.p256dh ?? ''), auth: String(keys.auth ?? '') },
		user_agent: String(body.user_agent ?? '').slice(0, 500)
	};
	try {
		return json(await saveDevice(locals.pb, subscription));
	} catch (err) {
		if (err instanceof ClientResponseError && err.status === 400) error(400, t.reminders.device.failed);
		throw err;
	}
};

export const DELETE: RequestHandler = async ({ locals, request }) => {
	const body = await readJson(request);
	const removed = await removeDeviceAt(locals.pb, String(body.endpoint ?? ''));
	return json({ removed });
};
