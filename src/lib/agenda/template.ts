// "Nyt møde" from a template: the next meeting proposed from the group's last ones. Meetings keep
// their weekday and clock time in Copenhagen (summer or winter time alike), so dates are moved as
// wall-clock days, not as 24-hour steps.
import { localDateKey, toTimeInput, zonedToInstant } from '$lib/dates';

const DAY_MS = 86_400_000;
/** Without two earlier meetings, the next one is proposed eight weeks after the last. */
export const DEFAULT_INTERVAL_DAYS = 56;
/** Intervals longer than this (in weeks) between the last two meetings are not taken as the rhythm. */
export const MAX_INTERVAL_WEEKS = 26;

/** The calendar day `days` after a "YYYY-MM-DD" day. */
function addDays(day: string, days: number): string {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days between two calendar days (b − a). */
function daysBetween(a: string, b: string): number {
	return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/**
 * The proposed start of the next meeting: the last meeting's weekday and time, the interval between
 * the last two meetings (in whole weeks, one to 26), else eight weeks; repeated until it is after
 * `now`, so never in the past. `starts` are the group's meetings' starts, in any order.
 */
export function proposeNextStart(starts: Date[], now: Date): Date | null {
	const sorted = [...starts].sort((a, b) => b.getTime() - a.getTime());
	const last = sorted[0];
	if (!last) return null;
	const lastDay = localDateKey(last);
	const time = toTimeInput(last);
	let interval = DEFAULT_INTERVAL_DAYS;
	if (sorted[1]) {
		const weeks = Math.round(daysBetween(localDateKey(sorted[1]), lastDay) / 7);
		// A gap of more than half a year is a pause, not the group's rhythm.
		if (weeks >= 1 && weeks <= MAX_INTERVAL_WEEKS) interval = weeks * 7;
	}
	let day = addDays(lastDay, interval);
	while (zonedToInstant(day, time).getTime() <= now.getTime()) day = addDays(day, interval);
	return zonedToInstant(day, time);
}

/**
 * The attendance deadline for a meeting starting at `start` under the rule "N dage før": the end
 * of the Copenhagen day N days before the meeting's day (23:59:59.999). The same rule as
 * pb_hooks/lib/agenda-times.js, which stores it.
 */
export function attendanceDeadline(start: Date, daysBefore: number): Date {
	const day = addDays(localDateKey(start), -daysBefore);
	return new Date(zonedToInstant(addDays(day, 1), '00:00').getTime() - 1);
}
