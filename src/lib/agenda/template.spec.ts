import { describe, expect, it } from 'vitest';
import { attendanceDeadline, proposeNextStart } from './template';

const at = (iso: string) => new Date(iso);

describe('proposeNextStart', () => {
	it('keeps the interval between the last two meetings, on the same weekday and time', () => {
		// Fridays 08.00 (summer time), six weeks apart.
		const next = proposeNextStart([at('2026-05-01T06:00:00Z'), at('2026-06-12T06:00:00Z')], at('2026-06-13T10:00:00Z'));
		expect(next?.toISOString()).toBe('2026-07-24T06:00:00.000Z');
	});

	it('keeps the Copenhagen clock time across the change to winter time', () => {
		// Friday 9 October 2026 08.00 (summer) → eight weeks later Friday 4 December 08.00 (winter).
		const next = proposeNextStart([at('2026-10-09T06:00:00Z')], at('2026-10-10T00:00:00Z'));
		expect(next?.toISOString()).toBe('2026-12-04T07:00:00.000Z');
	});

	it('proposes eight weeks after a group’s only meeting', () => {
		const next = proposeNextStart([at('2027-01-08T07:00:00Z')], at('2027-01-09T00:00:00Z'));
		expect(next?.toISOString()).toBe('2027-03-05T07:00:00.000Z');
	});

	it('takes eight weeks when the last two meetings are more than half a year apart', () => {
		const next = proposeNextStart([at('2020-06-12T06:00:00Z'), at('2027-01-08T07:00:00Z')], at('2027-01-09T00:00:00Z'));
		expect(next?.toISOString()).toBe('2027-03-05T07:00:00.000Z');
	});

	it('never proposes a date in the past', () => {
		const now = at('2027-01-20T12:00:00Z');
		const next = proposeNextStart([at('2020-06-12T06:00:00Z')], now)!;
		expect(next.getTime()).toBeGreaterThan(now.getTime());
		expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(56 * 86_400_000);
		expect(new Intl.DateTimeFormat('da-DK', { weekday: 'long', timeZone: 'Europe/Copenhagen' }).format(next)).toBe(
			'fredag'
		);
	});

	it('proposes nothing for a group without meetings', () => {
		expect(proposeNextStart([], new Date())).toBeNull();
	});
});

describe('attendanceDeadline', () => {
	it('is the end of the Copenhagen day N days before the meeting', () => {
		// Friday 8 January 2027 08.00 → Tuesday 5 January 23:59:59.999 (winter time, UTC+1).
		expect(attendanceDeadline(at('2027-01-08T07:00:00Z'), 3).toISOString()).toBe('2027-01-05T22:59:59.999Z');
		// In summer time (UTC+2).
		expect(attendanceDeadline(at('2026-06-12T06:00:00Z'), 1).toISOString()).toBe('2026-06-11T21:59:59.999Z');
	});
});
