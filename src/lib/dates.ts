// Danish dates and times in Europe/Copenhagen, whatever the server's or phone's own time zone.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { da } from 'date-fns/locale/da';

export const TIME_ZONE = 'Europe/Copenhagen';

/** Parses a PocketBase date ("2020-06-12 06:00:00.000Z") or an ISO string; null when empty or invalid. */
export function parseInstant(value: string | Date | null | undefined): Date | null {
	if (!value) return null;
	const date = value instanceof Date ? value : new Date(value.replace(' ', 'T'));
	return Number.isNaN(date.getTime()) ? null : date;
}

function local(value: string | Date): TZDate {
	const date = parseInstant(value);
	if (!date) throw new RangeError(`Not a date: ${String(value)}`);
	return new TZDate(date, TIME_ZONE);
}

/** "fredag den 12. juni 2020" */
export function formatLongDate(value: string | Date): string {
	return format(local(value), "EEEE 'den' d. MMMM yyyy", { locale: da });
}

/** "12. juni 2020" */
export function formatDate(value: string | Date): string {
	return format(local(value), 'd. MMMM yyyy', { locale: da });
}

/**
 * "8.00", "9.35", "14.32": Danish clock times, with a full stop and no leading zero, as the minutes
 * and the secretariat write them. Every clock time the app shows goes through here.
 */
export function formatTime(value: string | Date): string {
	return format(local(value), 'H.mm');
}

/** "fredag den 12. juni 2020 kl. 8.00" */
export function formatDateTime(value: string | Date): string {
	return `${formatLongDate(value)} kl. ${formatTime(value)}`;
}

/** "8.00-10.40", or "" when either end is missing. */
export function formatTimeRange(
	start: string | Date | null | undefined,
	end: string | Date | null | undefined
): string {
	if (!parseInstant(start ?? null) || !parseInstant(end ?? null)) return '';
	return `${formatTime(start!)}-${formatTime(end!)}`;
}

/**
 * "fredag den 12. juni 2020 kl. 8.00-10.40" for a meeting on one day; both dates in full when it
 * spans several.
 */
export function formatMeetingTime(start: string | Date, end: string | Date | null | undefined): string {
	if (!parseInstant(end ?? null)) return formatDateTime(start);
	if (localDateKey(start) === localDateKey(end!)) {
		return `${formatLongDate(start)} kl. ${formatTimeRange(start, end)}`;
	}
	return `${formatDateTime(start)} – ${formatDateTime(end!)}`;
}

/** "2027-01-05 14:32": Copenhagen time that a spreadsheet sorts and reads as a date. */
export function formatSortableDateTime(value: string | Date): string {
	return format(local(value), 'yyyy-MM-dd HH:mm');
}

/** "2020-06-12": the calendar day in Copenhagen. */
export function localDateKey(value: string | Date): string {
	return format(local(value), 'yyyy-MM-dd');
}

/**
 * The instant of a Copenhagen wall-clock time, e.g. ("2020-06-12", "08:00") → 06:00 UTC.
 * Times that do not exist (the spring-forward hour) move forward, as clocks do.
 */
export function zonedToInstant(date: string, time = '00:00'): Date {
	const [y, m, d] = date.split('-').map(Number);
	const [hh, mm] = time.split(/[:.]/).map(Number);
	if ([y, m, d, hh, mm].some((n) => Number.isNaN(n))) throw new RangeError(`Not a date/time: ${date} ${time}`);
	return new Date(new TZDate(y, m - 1, d, hh, mm, 0, TIME_ZONE).getTime());
}

/** A PocketBase date string for an instant: "2020-06-12 06:00:00.000Z". */
export function toPocketBaseDate(date: Date): string {
	return date.toISOString().replace('T', ' ');
}

/** "08:00" — the value of an <input type="time"> for an instant. */
export function toTimeInput(value: string | Date | null | undefined): string {
	return value && parseInstant(value) ? format(local(value), 'HH:mm') : '';
}

/**
 * The instant at a wall-clock time ("09:45") on the Copenhagen day of `day`; null for an empty or
 * malformed time.
 */
export function atLocalTime(day: string | Date, time: string): Date | null {
	if (!/^\d{1,2}[:.]\d{2}$/.test(time.trim())) return null;
	const [hh, mm] = time.trim().split(/[:.]/).map(Number);
	if (hh > 23 || mm > 59) return null;
	return zonedToInstant(localDateKey(day), `${hh}:${mm}`);
}
