// When reminders go out: the moments per deadline, in Copenhagen wall-clock time (DST-correct: "1 day
// before 10.00" is 10.00 local on the day before, across the October and March changes), moved out
// of the member's quiet hours, never at or after the deadline. Pure: the planner and the tests call
// it with plain instants.
import { TZDate } from '@date-fns/tz';
import { addDays, subDays } from 'date-fns';
import { TIME_ZONE } from '$lib/dates';
import type { QuietHours } from './prefs';

/** The rules a moment can come from; part of the outbox row's `moment` key. */
export type MomentRule = 'd-7' | 'd-3' | 'd-1' | 'opens' | 'morning' | 'eve';

/** One planned reminder of a deadline. */
export interface Moment {
	rule: MomentRule;
	/** The outbox `moment`: the rule and the deadline it was planned from ("d-1@2027-01-07T11:00:00Z"). */
	key: string;
	/** When it goes out, after the quiet hours moved it. */
	at: Date;
}

/**
 * A moment further in the past than this when the planner first sees it is not sent at all. Two
 * hours covers an app server being restarted or down for a while (the planner runs every 30 s), so
 * nothing due during a short outage is lost; a reminder much later than that would arrive at a time
 * of day nobody chose ("7 days before" at midnight, "the day before" the next morning) and the next
 * moment, the member's own list and the badge still tell them.
 */
export const LATE_GRACE_MS = 2 * 3600 * 1000;

/** Two moments of one deadline closer than this: only the later (more urgent) one is kept. */
export const MIN_GAP_MS = 6 * 3600 * 1000;

/** The morning clock a reminder moved out of night-time quiet hours goes at, and "the last day" goes at. */
const MORNING = 7 * 60 + 30;

/** How long before the quiet hours start a reminder that cannot wait for the morning goes. */
const BEFORE_QUIET_MIN = 15;

const minutesOf = (clock: string) => {
	const [h, m] = clock.split(':').map(Number);
	return h * 60 + m;
};

const zoned = (at: Date) => new TZDate(at.getTime(), TIME_ZONE);

/** The same zoned day at a wall-clock time (minutes after midnight). */
function atClock(day: TZDate, minutes: number): TZDate {
	const out = new TZDate(day.getTime(), TIME_ZONE);
	out.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0);
	return out;
}

/** The moment key: the rule and the deadline instant (to the second, UTC). */
export function momentKey(rule: string, deadline: Date): string {
	return `${rule}@${deadline.toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}

/** Whether an instant falls in the quiet hours (from ≤ t < to, across midnight when to < from). */
export function inQuietHours(at: Date, quiet: QuietHours): boolean {
	const from = minutesOf(quiet.from);
	const to = minutesOf(quiet.to);
	if (from === to) return false;
	const local = zoned(at);
	const t = local.getHours() * 60 + local.getMinutes();
	return from < to ? t >= from && t < to : t >= from || t < to;
}

/**
 * Moves a moment out of the quiet hours: to 07.30 after them (or their end, when that is later);
 * when that would be at or after the deadline, to just before they started instead (null when that
 * has passed by `now`). A moment outside the quiet hours stays.
 */
export function shiftOutOfQuiet(at: Date, deadline: Date, quiet: QuietHours, now: Date): Date | null {
	if (!inQuietHours(at, quiet)) return new Date(at.getTime());
	const from = minutesOf(quiet.from);
	const to = minutesOf(quiet.to);
	const local = zoned(at);
	const t = local.getHours() * 60 + local.getMinutes();
	// The quiet period that holds `at`: when it started and the day it ends.
	const overnight = from > to;
	const startDay = overnight && t < to ? subDays(local, 1) : local;
	const endDay = overnight && t >= from ? addDays(local, 1) : local;
	const after = atClock(endDay, Math.max(to, MORNING));
	if (after < deadline) return new Date(after.getTime());
	const before = atClock(startDay, from - BEFORE_QUIET_MIN);
	if (before <= now || before >= deadline) return null;
	return new Date(before.getTime());
}

/** Shifts, drops what is at or after the deadline, and keeps only the later of two close moments. */
function finish(raw: { rule: MomentRule; at: Date }[], deadline: Date, quiet: QuietHours, now: Date): Moment[] {
	const shifted = raw
		.map(({ rule, at }) => ({ rule, at: shiftOutOfQuiet(at, deadline, quiet, now) }))
		.filter((m): m is { rule: MomentRule; at: Date } => !!m.at && m.at < deadline)
		.sort((a, b) => a.at.getTime() - b.at.getTime());
	const kept: Moment[] = [];
	for (let i = shifted.length - 1; i >= 0; i--) {
		const m = shifted[i];
		if (kept.length && kept[0].at.getTime() - m.at.getTime() < MIN_GAP_MS) continue;
		kept.unshift({ rule: m.rule, key: momentKey(m.rule, deadline), at: m.at });
	}
	return kept;
}

/** Attendance: 7 days and 1 day before the deadline (the meeting's attendance deadline, else its start). */
export function attendanceMoments(deadline: Date, quiet: QuietHours, now: Date): Moment[] {
	const d = zoned(deadline);
	return finish(
		[
			{ rule: 'd-7', at: subDays(d, 7) },
			{ rule: 'd-1', at: subDays(d, 1) }
		],
		deadline,
		quiet,
		now
	);
}

/**
 * A nomination call: when it opens, 3 days before its deadline, and the morning of the last day
 * (07.30 on the deadline's date, if that is before the deadline).
 */
export function nominationMoments(opened: Date, deadline: Date, quiet: QuietHours, now: Date): Moment[] {
	const d = zoned(deadline);
	return finish(
		[
			{ rule: 'opens', at: opened },
			{ rule: 'd-3', at: subDays(d, 3) },
			{ rule: 'morning', at: atClock(d, MORNING) }
		],
		deadline,
		quiet,
		now
	);
}

/** The day before a meeting at 16.00 (the deadline is the meeting's start). */
export function meetingTomorrowMoments(starts: Date, quiet: QuietHours, now: Date): Moment[] {
	return finish([{ rule: 'eve', at: atClock(subDays(zoned(starts), 1), 16 * 60) }], starts, quiet, now);
}

/** A follow-up with a due date: 3 days before and the morning of the due date. */
export function followUpMoments(due: Date, quiet: QuietHours, now: Date): Moment[] {
	const d = zoned(due);
	return finish(
		[
			{ rule: 'd-3', at: subDays(d, 3) },
			{ rule: 'morning', at: atClock(d, MORNING) }
		],
		due,
		quiet,
		now
	);
}

/** Whether a moment should still be written when first planned at `now` (not more than the grace late). */
export const notTooLate = (m: { at: Date }, now: Date) => m.at.getTime() >= now.getTime() - LATE_GRACE_MS;
