// The member's side of reminders, read and written as the member (the per-request client): their
// push devices, their reminder preferences and the reminders they were sent. Writes the collections'
// rules do not allow go through PocketBase's own routes (pb_hooks/push.pb.js,
// pb_hooks/notifications.pb.js), which check that the rows are the member's.
import { ClientResponseError } from 'pocketbase';
import { formatDateTime, formatTime, localDateKey } from '$lib/dates';
import type { NotificationsResponse, PushSubscriptionsResponse, TypedPocketBase } from '$lib/pocketbase-types';
import type { SubscriptionBody } from '$lib/push/endpoints';
import type { ReminderPayload } from '$lib/reminders/payload';
import { resolvePrefs, type ReminderPrefs } from '$lib/reminders/prefs';
import { remindersPage } from '$lib/messages/da-reminders-page';
import { vapidPublicKey } from './reminders/vapid';

/** How many of the newest reminders the list shows. */
export const RECENT_LIMIT = 30;

/** The VAPID public key the browser subscribes with ('' when push is not set up on this server). */
export function publicKey(): string {
	return vapidPublicKey() ?? '';
}

/** "i dag kl. 9.12", "i går kl. 18.40" or "fredag den 4. december 2026 kl. 9.12". */
export function whenText(iso: string, now = new Date()): string {
	if (!iso) return '';
	const day = localDateKey(iso);
	if (day === localDateKey(now)) return `i dag kl. ${formatTime(iso)}`;
	if (day === localDateKey(new Date(now.getTime() - 86_400_000))) return `i går kl. ${formatTime(iso)}`;
	return formatDateTime(iso);
}

export interface Device {
	id: string;
	name: string;
	/** The push service address: the page marks the device it runs on by it. */
	endpoint: string;
	lastSeen: string;
}

/** The member's devices, the most recently seen first. */
export async function listDevices(pb: TypedPocketBase, now = new Date()): Promise<Device[]> {
	const rows = await pb
		.collection('push_subscriptions')
		.getFullList<Pick<PushSubscriptionsResponse, 'id' | 'device' | 'endpoint' | 'last_seen'>>({
			sort: '-last_seen',
			fields: 'id,device,endpoint,last_seen'
		});
	return rows.map((r) => ({
		id: r.id,
		name: r.device || remindersPage.devices.unnamed,
		endpoint: r.endpoint,
		lastSeen: whenText(r.last_seen, now)
	}));
}

/** Stores this device's subscription (or refreshes its last_seen); PocketBase checks the shape. */
export function saveDevice(pb: TypedPocketBase, body: SubscriptionBody): Promise<{ id: string; device: string }> {
	return pb.send('/api/klynge/push/subscriptions', { method: 'POST', body });
}

/** Removes one of the member's devices; false when it was not theirs or is gone. */
export async function removeDevice(pb: TypedPocketBase, id: string): Promise<boolean> {
	try {
		await pb.collection('push_subscriptions').delete(id);
		return true;
	} catch (err) {
		if (err instanceof ClientResponseError && err.status === 404) return false;
		throw err;
	}
}

/** Removes the member's device with this push address (the device turned push off). */
export async function removeDeviceAt(pb: TypedPocketBase, endpoint: string): Promise<boolean> {
	const own = await pb.collection('push_subscriptions').getFullList({ fields: 'id,endpoint' });
	const found = own.find((d) => d.endpoint === endpoint);
	return found ? removeDevice(pb, found.id) : false;
}

/** Queues a test push to one of the member's devices (the caller then kicks the engine). */
export function queueTest(pb: TypedPocketBase, id: string): Promise<{ queued: boolean; id: string }> {
	return pb.send(`/api/klynge/push/subscriptions/${encodeURIComponent(id)}/test`, { method: 'POST' });
}

/** The member's preferences, every missing part read as the default. */
export async function readPrefs(pb: TypedPocketBase, userId: string): Promise<ReminderPrefs> {
	const user = await pb.collection('users').getOne(userId, { fields: 'notification_prefs' });
	return resolvePrefs(user.notification_prefs);
}

/** Stores the member's preferences; PocketBase's users hook checks their shape. */
export async function savePrefs(pb: TypedPocketBase, userId: string, prefs: ReminderPrefs): Promise<void> {
	await pb.collection('users').update(userId, { notification_prefs: prefs });
}

export interface RecentReminder {
	id: string;
	title: string;
	body: string;
	when: string;
	/** How it went out, as a Danish phrase ("som push"). */
	how: string;
	unread: boolean;
}

type Row = Pick<NotificationsResponse<unknown>, 'id' | 'payload' | 'channel' | 'sent_at' | 'read_at'>;

/** The member's newest sent reminders (the collection's rule shows only those). */
export async function listRecent(pb: TypedPocketBase, now = new Date()): Promise<RecentReminder[]> {
	const page = await pb.collection('notifications').getList<Row>(1, RECENT_LIMIT, {
		sort: '-sent_at,-id',
		fields: 'id,payload,channel,sent_at,read_at',
		skipTotal: true
	});
	return page.items.map((r) => {
		const n = (r.payload as ReminderPayload | null)?.notification;
		return {
			id: r.id,
			title: n?.title ?? '',
			body: n?.body ?? '',
			when: whenText(r.sent_at, now),
			how: remindersPage.recent.via[r.channel] ?? '',
			unread: !r.read_at
		};
	});
}

/**
 * Marks one of the member's reminders read and says where it leads (the path of its page on this
 * app, or the list when it has none). Null when it is not theirs.
 */
export async function openReminder(pb: TypedPocketBase, id: string): Promise<string | null> {
	try {
		await pb.send(`/api/klynge/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
		const row = await pb.collection('notifications').getOne<Row>(id, { fields: 'id,payload' });
		const navigate = (row.payload as ReminderPayload | null)?.notification?.navigate;
		if (!navigate) return '/paamindelser';
		const url = new URL(navigate);
		return url.pathname + url.search + url.hash;
	} catch (err) {
		if (err instanceof ClientResponseError && err.status === 404) return null;
		if (err instanceof TypeError) return '/paamindelser';
		throw err;
	}
}

/** How many of the member's reminders are unread. */
export async function unreadCount(pb: TypedPocketBase): Promise<number> {
	const answer = await pb.send<{ unread: number }>('/api/klynge/notifications/unread', {});
	return answer.unread;
}
