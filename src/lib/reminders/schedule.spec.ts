import { describe, expect, it } from 'vitest';
import { formatDateTime } from '$lib/dates';
import {
	attendanceMoments,
	followUpMoments,
	inQuietHours,
	meetingTomorrowMoments,
	momentKey,
	nominationMoments,
	notTooLate,
	shiftOutOfQuiet
} from './schedule';

const QUIET = { from: '21:00', to: '07:00' };
const NONE = { from: '00:00', to: '00:00' };
const at = (iso: string) => new Date(iso);
const local = (moments: { at: Date }[]) => moments.map((m) => formatDateTime(m.at));
const LONG_AGO = at('2026-01-01T00:00:00Z');

describe('attendance moments', () => {
	it('are 7 days and 1 day before the deadline, at its Copenhagen clock time', () => {
		// Thursday 7 January 2027 12.00 in Copenhagen (winter time).
		const deadline = at('2027-01-07T11:00:00Z');
		const moments = attendanceMoments(deadline, QUIET, LONG_AGO);
		expect(local(moments)).toEqual(['torsdag den 31. december 2026 kl. 12.00', 'onsdag den 6. januar 2027 kl. 12.00']);
		expect(moments.map((m) => m.key)).toEqual(['d-7@2027-01-07T11:00:00Z', 'd-1@2027-01-07T11:00:00Z']);
	});

	it('keep the clock time across the October change (a deadline on the Sunday it happens)', () => {
		// Sunday 31 October 2027 10.00 winter time (the clocks went back at 3.00 that night).
		const deadline = at('2027-10-31T09:00:00Z');
		const moments = attendanceMoments(deadline, QUIET, LONG_AGO);
		expect(local(moments)).toEqual(['søndag den 24. oktober 2027 kl. 10.00', 'lørdag den 30. oktober 2027 kl. 10.00']);
		// Summer time on the days before: 10.00 is 8.00 UTC, 25 hours before the deadline.
		expect(moments[1].at.toISOString()).toBe('2027-10-30T08:00:00.000Z');
	});

	it('keep the clock time across the March change', () => {
		// Monday 29 March 2027 10.00 summer time; Sunday 28 March the clocks went forward.
		const deadline = at('2027-03-29T08:00:00Z');
		const moments = attendanceMoments(deadline, QUIET, LONG_AGO);
		expect(local(moments)).toEqual(['mandag den 22. marts 2027 kl. 10.00', 'søndag den 28. marts 2027 kl. 10.00']);
		expect(moments[0].at.toISOString()).toBe('2027-03-22T09:00:00.000Z');
	});

	it('move out of the quiet hours to 07.30', () => {
		// Deadline Friday 8 January 2027 6.00: the moments at 6.00 are quiet.
		const moments = attendanceMoments(at('2027-01-08T05:00:00Z'), QUIET, LONG_AGO);
		expect(local(moments)).toEqual(['fredag den 1. januar 2027 kl. 7.30', 'torsdag den 7. januar 2027 kl. 7.30']);
	});

	it('a moved deadline gives new keys', () => {
		const before = attendanceMoments(at('2027-01-07T11:00:00Z'), QUIET, LONG_AGO).map((m) => m.key);
		const after = attendanceMoments(at('2027-01-07T12:00:00Z'), QUIET, LONG_AGO).map((m) => m.key);
		expect(after.filter((k) => before.includes(k))).toEqual([]);
		expect(momentKey('d-1', at('2027-01-07T12:00:00.000Z'))).toBe('d-1@2027-01-07T12:00:00Z');
	});
});

describe('quiet hours', () => {
	it('run across midnight, from inclusive to exclusive', () => {
		expect(inQuietHours(at('2027-01-07T20:00:00Z'), QUIET)).toBe(true); // 21.00
		expect(inQuietHours(at('2027-01-07T19:59:00Z'), QUIET)).toBe(false); // 20.59
		expect(inQuietHours(at('2027-01-08T05:59:00Z'), QUIET)).toBe(true); // 6.59
		expect(inQuietHours(at('2027-01-08T06:00:00Z'), QUIET)).toBe(false); // 7.00
		expect(inQuietHours(at('2027-01-08T03:00:00Z'), NONE)).toBe(false);
	});

	it('that end later than 07.30 release at their end', () => {
		const late = { from: '22:00', to: '09:00' };
		// 23.00 on 7 January → 9.00 on the 8th.
		const shifted = shiftOutOfQuiet(at('2027-01-07T22:00:00Z'), at('2027-01-20T00:00:00Z'), late, LONG_AGO);
		expect(formatDateTime(shifted!)).toBe('fredag den 8. januar 2027 kl. 9.00');
	});

	it('in the daytime release at their end', () => {
		const lunch = { from: '12:00', to: '13:00' };
		const shifted = shiftOutOfQuiet(at('2027-01-07T11:30:00Z'), at('2027-01-20T00:00:00Z'), lunch, LONG_AGO);
		expect(formatDateTime(shifted!)).toBe('torsdag den 7. januar 2027 kl. 13.00');
	});

	it('move a moment to just before they start when the morning would be after the deadline', () => {
		// Quiet 21–7; a moment at 23.00 with the deadline 7.00 next morning goes at 20.45.
		const shifted = shiftOutOfQuiet(at('2027-01-07T22:00:00Z'), at('2027-01-08T06:00:00Z'), QUIET, LONG_AGO);
		expect(formatDateTime(shifted!)).toBe('torsdag den 7. januar 2027 kl. 20.45');
		// At 2.00 after midnight, the quiet hours started the evening before.
		const night = shiftOutOfQuiet(at('2027-01-08T01:00:00Z'), at('2027-01-08T06:00:00Z'), QUIET, LONG_AGO);
		expect(formatDateTime(night!)).toBe('torsdag den 7. januar 2027 kl. 20.45');
	});

	it('drop the moment when just before them is already past', () => {
		const now = at('2027-01-07T21:00:00Z'); // 22.00
		expect(shiftOutOfQuiet(at('2027-01-07T22:00:00Z'), at('2027-01-08T06:00:00Z'), QUIET, now)).toBeNull();
	});
});

describe('nomination moments', () => {
	it('are the opening, 3 days before and 07.30 on the last day', () => {
		const opened = at('2027-01-04T09:15:00Z');
		// Wednesday 20 January 2027 at the end of the day.
		const deadline = at('2027-01-20T22:59:00Z');
		const moments = nominationMoments(opened, deadline, QUIET, LONG_AGO);
		expect(moments.map((m) => m.rule)).toEqual(['opens', 'd-3', 'morning']);
		expect(local(moments)).toEqual([
			'mandag den 4. januar 2027 kl. 10.15',
			// 3 days before 23.59 is quiet: the next morning.
			'mandag den 18. januar 2027 kl. 7.30',
			'onsdag den 20. januar 2027 kl. 7.30'
		]);
	});

	it('never fall at or after the deadline (no morning when the deadline is before 07.30)', () => {
		const deadline = at('2027-01-20T06:00:00Z'); // 7.00
		const moments = nominationMoments(at('2027-01-04T09:00:00Z'), deadline, QUIET, LONG_AGO);
		expect(moments.map((m) => m.rule)).toEqual(['opens', 'd-3']);
		for (const m of moments) expect(m.at.getTime()).toBeLessThan(deadline.getTime());
	});

	it('keep only the later of two moments closer than six hours', () => {
		// Opened at 5.00 on the last day: the morning reminder follows 2.5 hours later.
		const deadline = at('2027-01-20T15:00:00Z');
		const moments = nominationMoments(at('2027-01-20T04:00:00Z'), deadline, NONE, LONG_AGO);
		expect(moments.map((m) => m.rule)).toEqual(['d-3', 'morning']);
	});

	it('that open in the quiet hours just before a morning deadline are dropped', () => {
		const now = at('2027-01-07T21:00:00Z'); // 22.00
		// (3 days before is long past: the grace decides about that one.)
		expect(nominationMoments(now, at('2027-01-08T06:00:00Z'), QUIET, now).map((m) => m.rule)).toEqual(['d-3']);
	});
});

describe('the day before a meeting and follow-ups', () => {
	it('meeting_tomorrow goes at 16.00 the day before, also across a DST change', () => {
		// Sunday 31 October 2027 9.00 (winter time); Saturday 16.00 is summer time.
		const moments = meetingTomorrowMoments(at('2027-10-31T08:00:00Z'), QUIET, LONG_AGO);
		expect(local(moments)).toEqual(['lørdag den 30. oktober 2027 kl. 16.00']);
		expect(moments[0].key).toBe('eve@2027-10-31T08:00:00Z');
	});

	it('follow-ups go 3 days before and the morning of the due date', () => {
		const due = at('2027-02-10T22:59:00Z'); // 23.59 on 10 February
		expect(local(followUpMoments(due, QUIET, LONG_AGO))).toEqual([
			// 3 days before is 23.59 on the 7th, quiet: the next morning.
			'mandag den 8. februar 2027 kl. 7.30',
			'onsdag den 10. februar 2027 kl. 7.30'
		]);
	});
});

describe('lateness', () => {
	it('a moment more than two hours past is not sent when first planned', () => {
		const now = at('2027-01-07T12:00:00Z');
		expect(notTooLate({ at: at('2027-01-07T10:30:00Z') }, now)).toBe(true);
		expect(notTooLate({ at: at('2027-01-07T09:59:00Z') }, now)).toBe(false);
	});
});
