// Attendance answers as the pages use them: kinds, missed agenda items, and the Danish phrases.
import { formatClock, parseInstant } from '$lib/dates';
import { t } from '$lib/messages';

export const STATUSES = ['attending', 'absent', 'substitute', 'partial'] as const;
export type AttendanceStatus = (typeof STATUSES)[number];

export function isStatus(value: unknown): value is AttendanceStatus {
	return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export interface AnswerRecord {
	id: string;
	meeting: string;
	user: string;
	status: AttendanceStatus;
	substitute_name: string;
	substitute_title: string;
	substitute_email: string;
	arrives: string;
	leaves: string;
	note: string;
	answered_by: string;
	updated: string;
}

export interface TimedItem {
	position: number;
	title: string;
	starts: string;
	ends: string;
}

/**
 * The agenda items a member misses when present only from `arrives` to `leaves` (either may be
 * open): every timed item not wholly inside that span.
 */
export function missedItems<T extends TimedItem>(
	items: T[],
	arrives: string | Date | null,
	leaves: string | Date | null
): T[] {
	const from = parseInstant(arrives ?? null)?.getTime() ?? -Infinity;
	const to = parseInstant(leaves ?? null)?.getTime() ?? Infinity;
	return items.filter((item) => {
		const starts = parseInstant(item.starts)?.getTime();
		const ends = parseInstant(item.ends)?.getTime();
		if (starts === undefined || ends === undefined) return false;
		return starts < from || ends > to;
	});
}

/** "(fra kl. 9.15)", "(indtil kl. 9.45)" or "(kl. 9.15-9.45)" for a partial answer; "" otherwise. */
export function partialNote(arrives: string | null | undefined, leaves: string | null | undefined): string {
	const from = parseInstant(arrives ?? null);
	const to = parseInstant(leaves ?? null);
	if (from && to) return t.block.between(formatClock(from), formatClock(to));
	if (from) return t.block.from(formatClock(from));
	if (to) return t.block.until(formatClock(to));
	return '';
}
