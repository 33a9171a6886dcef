// The reminder facts the app's frame shows on every page: the unread count in the navigation and the
// app badge (the member's open deadlines). Read once at app start and when the app comes back into
// view, never on a page's critical path. One instance per app, made by the root layout and handed
// down through context (it holds the signed-in user's counts).
import { createContext } from 'svelte';
import { STATUS_PATH } from './endpoints';
import { BACKGROUND_HEADER } from '$lib/offline/names';

export interface ReminderStatus {
	unread: number;
	deadlines: number;
	publicKey: string;
}

export class RemindersState {
	unread = $state(0);
	deadlines = $state<number | null>(null);
	publicKey = $state('');

	/** Reads the counts; null when they could not be read (offline, logged out). */
	async refresh(): Promise<ReminderStatus | null> {
		try {
			const response = await fetch(STATUS_PATH, { headers: { [BACKGROUND_HEADER]: '1' }, redirect: 'manual' });
			if (!response.ok) return null;
			const status = (await response.json()) as ReminderStatus;
			this.unread = status.unread;
			this.deadlines = status.deadlines;
			this.publicKey = status.publicKey;
			return status;
		} catch {
			return null;
		}
	}

	/** One reminder was opened in this tab. */
	markOneRead(): void {
		this.unread = Math.max(0, this.unread - 1);
	}
}

export const [getReminders, setReminders] = createContext<RemindersState>();
