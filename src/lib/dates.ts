// Danish dates and times in Europe/Copenhagen, whatever the server's or phone's own time zone.
// Built on Intl alone (no date library), so the pages that format dates ship no locale data: the
// browser and Node already carry Danish month and weekday names and the Copenhagen time-zone rules.

export const TIME_ZONE = 'Europe/Copenhagen';

/** Parses a PocketBase date ("2020-06-12 06:00:00.000Z") or an ISO string; null when empty or invalid. */
export function parseInstant(value: string | Date | null | undefined): Date | null {
	if (!value) return null;
	const date = value instanceof Date ? value : new Date(value.replace(' ', 'T'));
	return Number.isNaN(date.getTime()) ? null : date;
}

/** A Copenhagen wall-clock reading; month is 1-12. */
interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
}

// Formatters are costly to make and cheap to reuse: one of each, made on first use.
let numericFormat: Intl.DateTimeFormat | undefined;
let weekdayFormat: Intl.DateTimeFormat | undefined;
let monthFormat: Intl.DateTimeFormat | undefined;

function wallClockAt(date: Date): WallClock {
	numericFormat ??= new Intl.DateTimeFormat('en-US', {
		timeZone: TIME_ZONE,
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		hourCycle: 'h23'
	});
	const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
	for (const part of numericFormat.formatToParts(date)) {
		if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
	}
	// Some ICU versions write midnight as 24 even with h23.
	clock.hour %= 24;
	return clock;
}

function local(value: string | Date): { date: Date; clock: WallClock } {
	const date = parseInstant(value);
	if (!date) throw new RangeError(`Not a date: ${String(value)}`);
	return { date, clock: wallClockAt(date) };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

function weekdayName(date: Date): string {
	weekdayFormat ??= new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, weekday: 'long' });
	return weekdayFormat.format(date);
}

function monthName(date: Date): string {
	monthFormat ??= new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, month: 'long' });
	return monthFormat.format(date);
}

/** "fredag den 12. juni 2020" */
export function formatLongDate(value: string | Date): string {
	const { date, clock } = local(value);
	return `${weekdayName(date)} den ${clock.day}. ${monthName(date)} ${pad4(clock.year)}`;
}

/** "12. juni 2020" */
export function formatDate(value: string | Date): string {
	const { date, clock } = local(value);
	return `${clock.day}. ${monthName(date)} ${pad4(clock.year)}`;
}

/**
 * "8.00", "9.35", "14.32": Danish clock times, with a full stop and no leading zero, as the minutes
 * and the secretariat write them. Every clock time the app shows goes through here.
 */
export function formatTime(value: string | Date): string {
	const { clock } = local(value);
	return `${clock.hour}.${pad2(clock.minute)}`;
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
	const { clock } = local(value);
	return `${localKey(clock)} ${pad2(clock.hour)}:${pad2(clock.minute)}`;
}

function localKey(clock: WallClock): string {
	return `${pad4(clock.year)}-${pad2(clock.month)}-${pad2(clock.day)}`;
}

/** "2020-06-12": the calendar day in Copenhagen. */
export function localDateKey(value: string | Date): string {
	return localKey(local(value).clock);
}

/** Copenhagen's offset from UTC at an instant, in milliseconds (3 600 000 in winter). */
function offsetAt(epochMs: number): number {
	const c = wallClockAt(new Date(epochMs));
	// The wall clock read as if it were UTC, minus the instant; seconds are dropped on both sides.
	return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute) - Math.floor(epochMs / 60_000) * 60_000;
}

/**
 * The instant of a Copenhagen wall-clock time, e.g. ("2020-06-12", "08:00") → 06:00 UTC.
 * Times that do not exist (the spring-forward hour) move forward, as clocks do; a time that happens
 * twice (the fall-back hour) is its second, winter-time occurrence.
 */
export function zonedToInstant(date: string, time = '00:00'): Date {
	const [y, m, d] = date.split('-').map(Number);
	const [hh, mm] = time.split(/[:.]/).map(Number);
	if ([y, m, d, hh, mm].some((n) => Number.isNaN(n))) throw new RangeError(`Not a date/time: ${date} ${time}`);
	const asUtc = Date.UTC(y, m - 1, d, hh, mm);
	// The offset before and after any change near this wall-clock time (changes are ≥ months apart).
	const before = offsetAt(asUtc - 86_400_000);
	const after = offsetAt(asUtc + 86_400_000);
	if (before === after) return new Date(asUtc - before);
	const early = asUtc - before;
	const late = asUtc - after;
	// Fall-back (before > after): a reading in the repeated hour is taken in winter time (`late`).
	if (before > after) return new Date(offsetAt(late) === after ? late : early);
	// Spring-forward (before < after): a reading in the gap moves forward by the change.
	if (offsetAt(late) === after) return new Date(late);
	return new Date(early);
}

/** A PocketBase date string for an instant: "2020-06-12 06:00:00.000Z". */
export function toPocketBaseDate(date: Date): string {
	return date.toISOString().replace('T', ' ');
}

/** "08:00" — the value of an <input type="time"> for an instant. */
export function toTimeInput(value: string | Date | null | undefined): string {
	if (!value || !parseInstant(value)) return '';
	const { clock } = local(value);
	return `${pad2(clock.hour)}:${pad2(clock.minute)}`;
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
