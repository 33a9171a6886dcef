// Time slots of an agenda: every timed item follows the one before it from the meeting's start.
// An item without a duration (a written orientation, "Eventuelt" without time) gets no slot and
// takes no time. pb_hooks/lib/agenda-times.js applies the same rule when it stores `starts`/`ends`;
// the editor uses this copy to show the slots live while the secretariat types.

/** One item in agenda order: its id and its duration in minutes (0, null or undefined: none). */
export interface SlotInput {
	id: string;
	duration: number | null | undefined;
}

/** An item's computed slot; `starts`/`ends` are null for an item without a duration. */
export interface Slot {
	id: string;
	starts: Date | null;
	ends: Date | null;
}

/** The slots of `items` (in agenda order) from `start`, and the instant the agenda ends. */
export function computeSlots(start: Date, items: SlotInput[]): { slots: Slot[]; end: Date } {
	let cursor = start.getTime();
	const slots = items.map(({ id, duration }) => {
		const minutes = duration && duration > 0 ? Math.round(duration) : 0;
		if (!minutes) return { id, starts: null, ends: null };
		const starts = new Date(cursor);
		cursor += minutes * 60_000;
		return { id, starts, ends: new Date(cursor) };
	});
	return { slots, end: new Date(cursor) };
}

/** The longest an item may last, in minutes (4 hours). */
export const MAX_DURATION = 240;
