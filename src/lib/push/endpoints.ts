// The app's own endpoints for push (not under /api/: that prefix was PocketBase's), shared by the
// pages and the service worker, and the body a subscription is posted with.

/** POST: this device's subscription (made or refreshed); DELETE: this device no longer wants push. */
export const DEVICE_PATH = '/paamindelser/enhed';

/** GET: the number of unread reminders and of open deadlines (the navigation count, the app badge). */
export const STATUS_PATH = '/paamindelser/status';

/** POST: marks one of the member's reminders read. */
export const readPath = (id: string) => `/paamindelser/${encodeURIComponent(id)}/laest`;

/** What the server stores of a subscription: where to send, its keys, and the device's user agent. */
export interface SubscriptionBody {
	endpoint: string;
	keys: { p256dh: string; auth: string };
	user_agent: string;
}

/** The body for DEVICE_PATH. */
export function subscriptionBody(subscription: PushSubscription, userAgent: string): SubscriptionBody {
	const json = subscription.toJSON();
	return {
		endpoint: subscription.endpoint,
		keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
		user_agent: userAgent
	};
}
