// Reminders in the service worker: show each push (always, with Danish fallback text: Safari
// withdraws the permission of a push that shows nothing), set the app badge, open the exact page on
// a tap (focus an open window before navigating it) and answer an attendance reminder from its
// buttons through the outbox, with the member's own cookies, replacing it with a confirmation. The
// decisions are pure functions in src/lib/push (unit-tested); this file only carries them out.
import {
	answerConfirmation,
	decideClick,
	meetingFromTitle,
	type AnswerOutcome,
	type ClickDecision
} from '$lib/push/click';
import { notificationFor } from '$lib/push/notify';
import { readPath, subscriptionBody, DEVICE_PATH } from '$lib/push/endpoints';
import { enqueue, flushNow, SYNC_TAG } from '$lib/offline/outbox';
import { newRecordId, queuedNow } from '$lib/offline/outbox-flush.js';
import { BACKGROUND_HEADER } from '$lib/offline/names';
import { sw as swText } from '$lib/messages/da-reminders-sw';
import { currentUser } from './caching';

const ICON = '/icons/icon-192.png';
const BADGE = '/icons/monochrome-512.png';

/** The test hook of tests/e2e/push.spec.ts: a browser under test cannot tap a notification. */
export const TEST_ACTION_MESSAGE = 'notification-action';

type Badging = { setAppBadge?(n: number): Promise<void>; clearAppBadge?(): Promise<void> };

function setBadge(sw: ServiceWorkerGlobalScope, count: number | null): Promise<void> {
	const nav = sw.navigator as WorkerNavigator & Badging;
	if (count === null || !nav.setAppBadge) return Promise.resolve();
	return (count > 0 ? nav.setAppBadge(count) : (nav.clearAppBadge?.() ?? Promise.resolve())).catch(() => {});
}

/** A request the worker makes by itself: the member's cookies, but no renewal of them. */
function post(path: string, body?: unknown): Promise<Response> {
	return fetch(path, {
		method: 'POST',
		credentials: 'same-origin',
		headers: { 'content-type': 'application/json', [BACKGROUND_HEADER]: '1' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** Stores the answer the way the app's one-tap buttons do, through the outbox, and says how it went. */
async function answer(status: 'attending' | 'absent', meeting: string, title: string): Promise<AnswerOutcome> {
	const user = await currentUser();
	if (!user) return { outcome: 'signed-out' };
	const id = newRecordId();
	await enqueue({
		id,
		key: `attendance:${meeting}`,
		action: `/moeder/${meeting}/svar?/quick`,
		fields: [
			['status', status],
			['til', `/moeder/${meeting}`]
		],
		queuedAt: queuedNow(),
		userId: user,
		label: swText.outboxLabel(status, meetingFromTitle(title)),
		status: 'queued'
	});
	const report = await flushNow();
	if (report.sent.some((e) => e.id === id)) return { outcome: 'sent' };
	const refused = report.refused.find((e) => e.id === id);
	if (refused) return { outcome: 'refused', reason: refused.reason ?? '' };
	if (report.stoppedBy === 'login') return { outcome: 'signed-out' };
	return { outcome: 'queued' };
}

async function carryOut(
	sw: ServiceWorkerGlobalScope,
	decision: ClickDecision,
	windows: readonly WindowClient[],
	notification: Notification
): Promise<void> {
	if (decision.do === 'answer') {
		const result = await answer(decision.status, decision.meeting, notification.title);
		if (result.outcome === 'queued') {
			const sync = (sw.registration as ServiceWorkerRegistration & { sync?: { register(t: string): Promise<void> } })
				.sync;
			await sync?.register(SYNC_TAG).catch(() => {});
		}
		const shown = answerConfirmation(result, decision.status, notification.title, decision.url, notification.tag);
		notification.close();
		await sw.registration.showNotification(shown.title, { ...shown.options, icon: ICON, badge: BADGE });
		return;
	}
	notification.close();
	if (decision.do === 'focus') {
		try {
			// Focus first: navigating spends the tap's permission to focus and may leave a stale handle.
			const focused = await windows[decision.index].focus();
			if (decision.navigate) await focused.navigate(decision.url);
			return;
		} catch {
			// An uncontrolled window cannot be navigated: open the page instead.
		}
	}
	try {
		await sw.clients.openWindow(decision.url);
	} catch {
		// Not allowed here (no user activation left): the reminder is in the app's list.
	}
}

/** A tap on a notification or one of its buttons (`action` '' for the notification itself). */
async function handleClick(sw: ServiceWorkerGlobalScope, action: string, notification: Notification): Promise<void> {
	const windows = (await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })) as WindowClient[];
	const { decision, markRead } = decideClick(
		action,
		notification.data,
		windows.map((w) => ({ url: w.url, focused: w.focused, visible: w.visibilityState === 'visible' })),
		sw.location.origin
	);
	const read = markRead ? post(readPath(markRead)).catch(() => undefined) : Promise.resolve(undefined);
	await carryOut(sw, decision, windows, notification);
	await read;
}

/** A subscription the browser renewed by itself goes to the server as a device of the same member. */
async function resubscribe(sw: ServiceWorkerGlobalScope, event: ExtendableEvent): Promise<void> {
	const change = event as ExtendableEvent & {
		oldSubscription?: PushSubscription | null;
		newSubscription?: PushSubscription | null;
	};
	let subscription = change.newSubscription ?? null;
	const key = change.oldSubscription?.options.applicationServerKey;
	if (!subscription && key) {
		subscription = await sw.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
	}
	if (subscription) await post(DEVICE_PATH, subscriptionBody(subscription, sw.navigator.userAgent));
}

export function registerPush(sw: ServiceWorkerGlobalScope): void {
	sw.addEventListener('push', (event) => {
		let text: string | null = null;
		try {
			text = event.data?.text() ?? null;
		} catch {
			text = null;
		}
		const maxActions =
			typeof Notification === 'undefined' ? 0 : ((Notification as { maxActions?: number }).maxActions ?? 0);
		const shown = notificationFor(text, { origin: sw.location.origin, maxActions, icon: ICON, badge: BADGE });
		event.waitUntil(
			Promise.all([sw.registration.showNotification(shown.title, shown.options), setBadge(sw, shown.badge)])
		);
	});

	sw.addEventListener('notificationclick', (event) => {
		event.waitUntil(handleClick(sw, event.action, event.notification));
	});

	sw.addEventListener('pushsubscriptionchange', (event) => {
		(event as ExtendableEvent).waitUntil(resubscribe(sw, event as ExtendableEvent).catch(() => {}));
	});

	// Runs the tap handler for a shown notification, as a tap on `action` would: only a page of our
	// own origin can post this, and it acts only on a notification that is shown.
	sw.addEventListener('message', (event) => {
		const message = event.data as { type?: string; tag?: string; action?: string } | null;
		if (message?.type !== TEST_ACTION_MESSAGE) return;
		event.waitUntil(
			sw.registration.getNotifications({ tag: message.tag }).then(async (shown) => {
				if (shown[0]) await handleClick(sw, message.action ?? '', shown[0]);
				event.ports[0]?.postMessage({ ok: !!shown[0] });
			})
		);
	});
}
