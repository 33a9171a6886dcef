// What a tap on a notification does, decided by pure functions so that the cases are unit-tested
// (a test browser cannot tap a notification): open or focus the app at the exact page, or answer
// an attendance reminder from its "Deltager"/"Afbud" button without opening the app, and what the
// notification then says instead. The service worker (src/service-worker/push.ts) carries them out.
import { sw as swText } from '$lib/messages/da-reminders-sw';
import { FALLBACK_PATH, ownUrl, type NotificationData } from './notify';

/** An open window of the app, as `clients.matchAll` lists it. */
export interface WindowInfo {
	url: string;
	focused: boolean;
	visible: boolean;
}

export type AnswerStatus = 'attending' | 'absent';

export type ClickDecision =
	/** Focus `windows[index]` first (a navigation spends the tap's permission), then go to `url`. */
	| { do: 'focus'; index: number; url: string; navigate: boolean }
	/** No window of ours is open. */
	| { do: 'open'; url: string }
	/** Store the answer through the outbox; `url` is where a failure's notification leads. */
	| { do: 'answer'; status: AnswerStatus; meeting: string; url: string };

export interface Click {
	decision: ClickDecision;
	/** The outbox row to mark read, or null. */
	markRead: string | null;
}

const ANSWERS: readonly string[] = ['attending', 'absent'];

/** The meeting id of an attendance reminder (15 characters a-z0-9), or null. */
function meetingOf(data: NotificationData): string | null {
	return data.kind === 'attendance' && typeof data.subject === 'string' && /^[a-z0-9]{15}$/.test(data.subject)
		? data.subject
		: null;
}

function readData(raw: unknown, origin: string): NotificationData {
	const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<NotificationData>;
	const url = ownUrl(value.url, origin) ?? new URL(FALLBACK_PATH, origin).href;
	return {
		url,
		id: typeof value.id === 'string' && value.id ? value.id : undefined,
		kind: typeof value.kind === 'string' ? value.kind : undefined,
		subject: typeof value.subject === 'string' ? value.subject : undefined,
		actions: value.actions && typeof value.actions === 'object' ? value.actions : undefined
	};
}

/**
 * What a tap does. `action` is '' for the notification itself. An answer button acts only on an
 * attendance reminder; any other action (and 'open') opens its page. Of the open windows of our own
 * origin, one already showing the page is preferred, then the focused one, then a visible one.
 */
export function decideClick(action: string, rawData: unknown, windows: WindowInfo[], origin: string): Click {
	const data = readData(rawData, origin);
	const markRead = data.id ?? null;
	const meeting = meetingOf(data);
	if (ANSWERS.includes(action) && meeting) {
		return { decision: { do: 'answer', status: action as AnswerStatus, meeting, url: data.url }, markRead };
	}
	const url = (action && ownUrl(data.actions?.[action], origin)) || data.url;
	const ours = windows.map((w, index) => ({ ...w, index })).filter((w) => ownUrl(w.url, origin) !== null);
	const same = ours.find((w) => w.url === url);
	const pick = same ?? ours.find((w) => w.focused) ?? ours.find((w) => w.visible) ?? ours[0];
	if (!pick) return { decision: { do: 'open', url }, markRead };
	return { decision: { do: 'focus', index: pick.index, url, navigate: pick.url !== url }, markRead };
}

/** What became of an answer given from a notification. */
export type AnswerOutcome =
	{ outcome: 'sent' } | { outcome: 'queued' } | { outcome: 'refused'; reason: string } | { outcome: 'signed-out' };

/**
 * The meeting as a reminder's title names it: "Svar senest i morgen: Klyngestyregruppemøde fredag
 * den 8. januar" → "Klyngestyregruppemøde fredag den 8. januar".
 */
export function meetingFromTitle(title: string): string {
	const at = title.indexOf(': ');
	return (at >= 0 ? title.slice(at + 2) : title).trim();
}

/**
 * The notification that replaces an answered reminder: a confirmation, "waiting for the network",
 * or why it was not stored with a tap that opens the page to answer there. Same tag, so it takes
 * the reminder's place.
 */
export function answerConfirmation(
	result: AnswerOutcome,
	status: AnswerStatus,
	reminderTitle: string,
	url: string,
	tag: string | undefined
): { title: string; options: NotificationOptions & { data: NotificationData } } {
	const m = swText;
	const meeting = meetingFromTitle(reminderTitle);
	const base = { lang: 'da', dir: 'ltr' as const, tag, data: { url } };
	switch (result.outcome) {
		case 'sent':
			return { title: m.answered, options: { ...base, body: m.answeredBody(status, meeting) } };
		case 'queued':
			return { title: m.queued, options: { ...base, body: m.queuedBody } };
		case 'refused':
			return { title: m.notAnswered, options: { ...base, body: m.notAnsweredBody(result.reason) } };
		case 'signed-out':
			return { title: m.notAnswered, options: { ...base, body: m.signedOut } };
	}
}
