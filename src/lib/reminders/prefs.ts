// A member's reminder preferences (users.notification_prefs): per kind of reminder, how it goes out,
// and the quiet hours in which nothing is sent. Plain data, shared by the preferences page, the
// planner and the dispatcher. PocketBase's users hook checks the stored shape; a missing or partial
// value reads as the defaults here.

/** The kinds a member can choose for (the engine's `test` kind always goes to the device tested). */
export const PREF_KINDS = [
	'attendance',
	'nomination',
	'meeting_tomorrow',
	'agenda_published',
	'agenda_changed',
	'minutes_published',
	'follow_up'
] as const;
export type PrefKind = (typeof PREF_KINDS)[number];

/**
 * - push: to the member's devices, by e-mail instead when none works;
 * - email: by e-mail only;
 * - both: push and e-mail;
 * - none: not at all.
 */
export const CHANNELS = ['push', 'email', 'both', 'none'] as const;
export type ChannelChoice = (typeof CHANNELS)[number];

export interface QuietHours {
	/** "HH:MM", Copenhagen time; quiet from here … */
	from: string;
	/** … until here (the next morning when `to` < `from`); from = to means no quiet hours. */
	to: string;
}

export interface ReminderPrefs {
	channels: Record<PrefKind, ChannelChoice>;
	quiet: QuietHours;
}

export const DEFAULT_PREFS: ReminderPrefs = {
	channels: {
		attendance: 'push',
		nomination: 'push',
		meeting_tomorrow: 'push',
		agenda_published: 'push',
		agenda_changed: 'push',
		minutes_published: 'push',
		follow_up: 'push'
	},
	quiet: { from: '21:00', to: '07:00' }
};

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The preferences in force for a stored value: every missing or unreadable part is the default. */
export function resolvePrefs(raw: unknown): ReminderPrefs {
	const value = (raw && typeof raw === 'object' ? raw : {}) as {
		channels?: Record<string, unknown>;
		quiet?: { from?: unknown; to?: unknown };
	};
	const channels = { ...DEFAULT_PREFS.channels };
	for (const kind of PREF_KINDS) {
		const choice = value.channels?.[kind];
		if (typeof choice === 'string' && (CHANNELS as readonly string[]).includes(choice)) {
			channels[kind] = choice as ChannelChoice;
		}
	}
	const from = value.quiet?.from;
	const to = value.quiet?.to;
	const quiet =
		typeof from === 'string' && typeof to === 'string' && CLOCK.test(from) && CLOCK.test(to)
			? { from, to }
			: { ...DEFAULT_PREFS.quiet };
	return { channels, quiet };
}
