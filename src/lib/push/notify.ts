// From a push message to what the service worker shows: the Declarative Web Push JSON of
// src/lib/reminders/payload.ts mapped onto showNotification's title and options. Pure, so that every
// case (an unreadable payload, a foreign link, more actions than the platform shows) is unit-tested;
// the service worker (src/service-worker/push.ts) only calls it.
import { sw as swText } from '$lib/messages/da-reminders-sw';
import type { ReminderPayload } from '$lib/reminders/payload';

/** Where a tap goes, kept on the notification (its `data`), read back by the click handler. */
export interface NotificationData {
	/** Absolute URL of our own origin. */
	url: string;
	/** The outbox row (marked read when opened); absent for a fallback notification. */
	id?: string;
	kind?: string;
	subject?: string;
	/** Each action's own target, for a platform that opens it. */
	actions?: Record<string, string>;
}

/** What showNotification is called with. */
export interface Shown {
	title: string;
	options: NotificationOptions & {
		actions?: { action: string; title: string }[];
		timestamp?: number;
		renotify?: boolean;
		data: NotificationData;
	};
	/** The app badge to set (the member's open deadlines), or null to leave it. */
	badge: number | null;
}

/** The browser's limits and our own files. */
export interface ShowContext {
	/** The service worker's origin: links elsewhere are not followed. */
	origin: string;
	/** `Notification.maxActions` (0 where the platform shows none). */
	maxActions: number;
	icon: string;
	badge: string;
}

/** The notification's landing page for what cannot be read: the member's list of reminders. */
export const FALLBACK_PATH = '/paamindelser';

/** An absolute URL of our own origin for `value`, or null for anything else. */
export function ownUrl(value: unknown, origin: string): string | null {
	if (typeof value !== 'string' || !value) return null;
	try {
		const url = new URL(value, origin);
		return url.origin === origin ? url.href : null;
	} catch {
		return null;
	}
}

function parse(text: string | null): ReminderPayload | null {
	if (!text) return null;
	try {
		const value = JSON.parse(text) as Partial<ReminderPayload> | null;
		const n = value?.notification;
		if (!n || typeof n.title !== 'string' || !n.title.trim()) return null;
		return value as ReminderPayload;
	} catch {
		return null;
	}
}

/**
 * The notification for a push message's text. Always one: a payload that cannot be read still
 * shows a Danish notice (Safari withdraws the permission of a push that shows nothing).
 */
export function notificationFor(text: string | null, ctx: ShowContext): Shown {
	const payload = parse(text);
	const fallbackUrl = new URL(FALLBACK_PATH, ctx.origin).href;
	if (!payload) {
		return {
			title: swText.fallbackTitle,
			options: {
				body: swText.fallbackBody,
				lang: 'da',
				dir: 'ltr',
				icon: ctx.icon,
				badge: ctx.badge,
				data: { url: fallbackUrl }
			},
			badge: null
		};
	}
	const n = payload.notification;
	const url = ownUrl(n.navigate, ctx.origin) ?? fallbackUrl;
	const actionTargets: Record<string, string> = {};
	const actions: { action: string; title: string }[] = [];
	for (const a of Array.isArray(n.actions) ? n.actions : []) {
		if (typeof a?.action !== 'string' || typeof a.title !== 'string') continue;
		actionTargets[a.action] = ownUrl(a.navigate, ctx.origin) ?? url;
		if (actions.length < ctx.maxActions) actions.push({ action: a.action, title: a.title });
	}
	const data: NotificationData = { url };
	if (n.data && typeof n.data.id === 'string') {
		data.id = n.data.id;
		data.kind = String(n.data.kind ?? '');
		data.subject = String(n.data.subject ?? '');
	}
	if (Object.keys(actionTargets).length) data.actions = actionTargets;
	const options: Shown['options'] = {
		body: typeof n.body === 'string' ? n.body : '',
		lang: 'da',
		dir: 'ltr',
		icon: ctx.icon,
		badge: ctx.badge,
		data
	};
	if (typeof n.tag === 'string' && n.tag) {
		options.tag = n.tag;
		// A newer reminder about the same thing replaces the older one and is announced again.
		options.renotify = true;
	}
	if (typeof n.timestamp === 'number') options.timestamp = n.timestamp;
	if (actions.length) options.actions = actions;
	const badge =
		typeof payload.app_badge === 'number' && Number.isInteger(payload.app_badge) && payload.app_badge >= 0
			? payload.app_badge
			: null;
	return { title: n.title, options, badge };
}
