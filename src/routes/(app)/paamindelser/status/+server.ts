import { json } from '@sveltejs/kit';
import { publicKey, unreadCount } from '$lib/server/my-reminders';
import { deadlinesFor } from '$lib/server/todo';
import type { RequestHandler } from './$types';

/**
 * Read once at app start (and when the app comes back into view), off every page's critical path:
 * the unread count in the navigation, the app badge (the member's open deadlines) and the VAPID key
 * the subscription is checked against.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const [unread, deadlines] = await Promise.all([
		unreadCount(locals.pb),
		deadlinesFor(locals.pb, locals.user!, new Date())
	]);
	return json(
		{ unread, deadlines: deadlines.length, publicKey: publicKey() },
		{ headers: { 'cache-control': 'private, no-store' } }
	);
};
