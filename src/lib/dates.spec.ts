import { describe, expect, it } from 'vitest';
import {
	atLocalTime,
	formatDate,
	formatLongDate,
	formatDateTime,
	formatMeetingTime,
	formatSortableDateTime,
	formatTime,
	formatTimeRange,
	localDateKey,
	parseInstant,
	toPocketBaseDate,
	toTimeInput,
	zonedToInstant
} from './dates';

describe('Danish dates in Europe/Copenhagen', () => {
	it('formats the seed meeting as the minutes write it', () => {
		const start = '2020-06-12 06:00:00.000Z';
		const end = '2020-06-12 08:40:00.000Z';
		expect(formatMeetingTime(start, end)).toBe('fredag den 12. juni 2020 kl. 8.00-10.40');
		expect(formatDateTime(start)).toBe('fredag den 12. juni 2020 kl. 8.00');
		expect(formatDate(start)).toBe('12. juni 2020');
	});

	it('uses winter time (UTC+1) in December and summer time (UTC+2) in June', () => {
		expect(formatTime('2026-12-11T07:00:00Z')).toBe('8.00');
		expect(formatTime('2026-06-12T06:00:00Z')).toBe('8.00');
	});

	it('crosses the spring-forward change on 29 March 2026', () => {
		// 00:30 UTC is 01:30 CET; 01:30 UTC is 03:30 CEST — 02:xx never happens locally.
		expect(formatTime('2026-03-29T00:30:00Z')).toBe('1.30');
		expect(formatTime('2026-03-29T01:30:00Z')).toBe('3.30');
		expect(zonedToInstant('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
		expect(zonedToInstant('2026-03-28', '08:00').toISOString()).toBe('2026-03-28T07:00:00.000Z');
		expect(zonedToInstant('2026-03-30', '08:00').toISOString()).toBe('2026-03-30T06:00:00.000Z');
	});

	it('crosses the fall-back change on 25 October 2026', () => {
		expect(formatTime('2026-10-25T00:30:00Z')).toBe('2.30');
		expect(formatTime('2026-10-25T01:30:00Z')).toBe('2.30');
		expect(formatTime('2026-10-25T02:30:00Z')).toBe('3.30');
		expect(zonedToInstant('2026-10-26', '08:00').toISOString()).toBe('2026-10-26T07:00:00.000Z');
	});

	it('keeps the Copenhagen calendar day near midnight UTC', () => {
		expect(localDateKey('2026-06-30T22:30:00Z')).toBe('2026-07-01');
		expect(formatDate('2026-12-31T23:30:00Z')).toBe('1. januar 2027');
	});

	it('writes clock times without a leading zero, as the seed and the overview do', () => {
		expect(formatTime('2027-01-08T08:35:00Z')).toBe('9.35');
		expect(formatTime('2027-01-08T13:32:00Z')).toBe('14.32');
	});

	it('writes a Copenhagen time that spreadsheets sort as a date', () => {
		expect(formatSortableDateTime('2027-01-05 13:32:00.000Z')).toBe('2027-01-05 14:32');
		expect(formatSortableDateTime('2026-06-30T22:30:00Z')).toBe('2026-07-01 00:30');
	});

	it('writes time ranges in Danish', () => {
		expect(formatTimeRange('2020-06-12T06:00:00Z', '2020-06-12T06:10:00Z')).toBe('8.00-8.10');
		expect(formatTimeRange('2020-06-12T06:00:00Z', '')).toBe('');
	});

	it('writes both days of a meeting that spans midnight', () => {
		expect(formatMeetingTime('2026-12-10T16:00:00Z', '2026-12-11T08:00:00Z')).toBe(
			'torsdag den 10. december 2026 kl. 17.00 – fredag den 11. december 2026 kl. 9.00'
		);
	});

	it('parses PocketBase dates and rejects garbage', () => {
		expect(parseInstant('2020-06-12 06:00:00.000Z')?.toISOString()).toBe('2020-06-12T06:00:00.000Z');
		expect(parseInstant('')).toBeNull();
		expect(parseInstant('not a date')).toBeNull();
		expect(() => zonedToInstant('2020-xx-12', '08:00')).toThrow(RangeError);
		expect(toPocketBaseDate(new Date('2020-06-12T06:00:00Z'))).toBe('2020-06-12 06:00:00.000Z');
	});

	it('moves a wall-clock time in the spring-forward gap forward by an hour', () => {
		// 02:30 does not exist on 29 March 2026; clocks read 03:30 CEST at 01:30 UTC.
		expect(zonedToInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(zonedToInstant('2026-03-29', '01:59').toISOString()).toBe('2026-03-29T00:59:00.000Z');
		expect(atLocalTime('2026-03-29T10:00:00Z', '2.00')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
	});

	it('reads a wall-clock time in the repeated fall-back hour as winter time', () => {
		// 02:30 happens twice on 25 October 2026 (00:30 and 01:30 UTC); date-fns took the second.
		expect(zonedToInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T01:30:00.000Z');
		expect(zonedToInstant('2026-10-25', '01:59').toISOString()).toBe('2026-10-24T23:59:00.000Z');
		expect(zonedToInstant('2026-10-25', '03:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
	});

	it('writes midnight and the minutes after it as "0.00" and "0.40", the input as "00:40"', () => {
		expect(formatTime('2026-12-10T23:00:00Z')).toBe('0.00');
		expect(formatTime('2026-06-09T22:40:00Z')).toBe('0.40');
		expect(toTimeInput('2026-06-09T22:40:00Z')).toBe('00:40');
		expect(formatSortableDateTime('2026-12-10T23:00:00Z')).toBe('2026-12-11 00:00');
		expect(toTimeInput('')).toBe('');
	});

	it('changes the Copenhagen day at local midnight, not UTC midnight, in winter and summer', () => {
		expect(localDateKey('2026-12-10T22:59:00Z')).toBe('2026-12-10');
		expect(localDateKey('2026-12-10T23:00:00Z')).toBe('2026-12-11');
		expect(localDateKey('2026-06-09T21:59:00Z')).toBe('2026-06-09');
		expect(localDateKey('2026-06-09T22:00:00Z')).toBe('2026-06-10');
		expect(formatLongDate('2026-12-10T23:00:00Z')).toBe('fredag den 11. december 2026');
		expect(formatDateTime('2026-06-09T22:00:00Z')).toBe('onsdag den 10. juni 2026 kl. 0.00');
	});

	it('names every weekday and month in Danish, in lower case', () => {
		const days = [5, 6, 7, 8, 9, 10, 11].map((d) => formatLongDate(`2027-04-${String(d).padStart(2, '0')}T10:00:00Z`));
		expect(days.map((d) => d.split(' ')[0])).toEqual([
			'mandag',
			'tirsdag',
			'onsdag',
			'torsdag',
			'fredag',
			'lørdag',
			'søndag'
		]);
		const months = Array.from({ length: 12 }, (_, i) => formatDate(new Date(Date.UTC(2027, i, 15, 10))));
		expect(months.map((m) => m.split(' ')[1])).toEqual([
			'januar',
			'februar',
			'marts',
			'april',
			'maj',
			'juni',
			'juli',
			'august',
			'september',
			'oktober',
			'november',
			'december'
		]);
	});

	it('writes a meeting that ends at midnight as two days and one that crosses a clock change as one', () => {
		expect(formatMeetingTime('2026-12-10T21:00:00Z', '2026-12-10T23:00:00Z')).toBe(
			'torsdag den 10. december 2026 kl. 22.00 – fredag den 11. december 2026 kl. 0.00'
		);
		expect(formatMeetingTime('2026-10-25T00:30:00Z', '2026-10-25T02:30:00Z')).toBe(
			'søndag den 25. oktober 2026 kl. 2.30-3.30'
		);
	});

	it('finds a wall-clock time on the Copenhagen day of an instant near midnight', () => {
		// 23:30 UTC on 31 December is already 1 January in Copenhagen.
		expect(atLocalTime('2026-12-31T23:30:00Z', '09:45')?.toISOString()).toBe('2027-01-01T08:45:00.000Z');
		expect(atLocalTime('2026-12-31T23:30:00Z', '24:00')).toBeNull();
		expect(atLocalTime('2026-12-31T23:30:00Z', '')).toBeNull();
	});
});
