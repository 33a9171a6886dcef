// What a reminder carries: Declarative Web Push JSON (notes/pwa-push-offline.md §2). Safari 18.4+
// shows it itself; our service worker renders the same JSON everywhere else. The planner stores it
// on the outbox row, the dispatcher sends it (and makes the fallback e-mail from it), the service
// worker shows it and acts on its actions.

/** The magic number Declarative Web Push looks for. */
export const DWP_MAGIC = 8030;

/** Payloads are kept under this many bytes of JSON (one 4096-byte record holds 3993). */
export const PAYLOAD_LIMIT = 2048;

/** An action button; `navigate` is where a platform without our service worker goes. */
export interface ReminderAction {
	/** 'attending' | 'absent' (attendance reminders) or 'open'. */
	action: string;
	title: string;
	navigate: string;
}

/** What our own service worker needs beyond what is shown. */
export interface ReminderData {
	/** The outbox row's id (marks it read when opened). */
	id: string;
	kind: string;
	/** The meeting, call or follow-up. */
	subject: string;
}

export interface ReminderPayload {
	web_push: typeof DWP_MAGIC;
	/** The number of the member's open deadlines, for the app badge. */
	app_badge?: number;
	notification: {
		title: string;
		body: string;
		/** Absolute URL of the exact page. */
		navigate: string;
		lang: 'da';
		dir: 'ltr';
		/** One per reminder subject: a newer reminder replaces an older one on the device. */
		tag: string;
		/** Milliseconds since the epoch. */
		timestamp?: number;
		actions?: ReminderAction[];
		data?: ReminderData;
	};
}
