import { describe, expect, it } from 'vitest';
import { danishClock, offlineStampText, savedWhen } from './stamp';

// 1 December 2026 is a Tuesday; Copenhagen is UTC+1 in winter, UTC+2 in summer.
const now = new Date('2026-12-03T10:00:00Z'); // Thursday 11.00 in Copenhagen

describe('offline stamp', () => {
	it('reads "i dag" with a Danish clock time for a copy saved today', () => {
		expect(offlineStampText(new Date('2026-12-03T13:32:00Z'), now)).toBe('Offline — viser indhold fra i dag kl. 14.32');
	});

	it('drops the leading zero of the hour and keeps two-digit minutes', () => {
		expect(danishClock(new Date('2026-12-03T07:05:00Z'))).toBe('8.05');
		expect(danishClock(new Date('2026-12-02T23:00:00Z'))).toBe('0.00');
	});

	it('counts days in Copenhagen, not UTC: 23.30 UTC on the 2nd is already the 3rd', () => {
		expect(savedWhen(new Date('2026-12-02T23:30:00Z'), now)).toBe('i dag kl. 0.30');
		expect(savedWhen(new Date('2026-12-02T22:30:00Z'), now)).toBe('i går kl. 23.30');
	});

	it('names the weekday within the last week and the full date before that', () => {
		expect(savedWhen(new Date('2026-12-01T13:32:00Z'), now)).toBe('tirsdag kl. 14.32');
		expect(savedWhen(new Date('2026-11-27T13:32:00Z'), now)).toBe('fredag kl. 14.32');
		expect(savedWhen(new Date('2026-11-26T13:32:00Z'), now)).toBe('26. november 2026 kl. 14.32');
	});

	it('uses summer time in summer', () => {
		expect(savedWhen(new Date('2026-06-12T06:00:00Z'), new Date('2026-06-12T12:00:00Z'))).toBe('i dag kl. 8.00');
	});
});
