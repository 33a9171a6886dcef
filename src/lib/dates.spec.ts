import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatMeetingTime,
	formatSortableDateTime,
	formatTime,
	formatTimeRange,
	localDateKey,
	parseInstant,
	toPocketBaseDate,
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
});
