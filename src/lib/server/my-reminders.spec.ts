import { describe, expect, it } from 'vitest';
import { whenText } from './my-reminders';

describe('whenText', () => {
	// Thursday 3 December 2026, 10.15 in Copenhagen (UTC+1).
	const now = new Date('2026-12-03T09:15:00Z');

	it('says "i dag" and "i går" by the Copenhagen calendar day', () => {
		expect(whenText('2026-12-03 07:05:00.000Z', now)).toBe('i dag kl. 8.05');
		// 23.30 UTC on the 2nd is already the 3rd in Copenhagen.
		expect(whenText('2026-12-02 23:30:00.000Z', now)).toBe('i dag kl. 0.30');
		expect(whenText('2026-12-02 17:40:00.000Z', now)).toBe('i går kl. 18.40');
	});

	it('gives older times in full', () => {
		expect(whenText('2026-11-27 08:00:00.000Z', now)).toBe('fredag den 27. november 2026 kl. 9.00');
	});

	it('says nothing for a time never set', () => {
		expect(whenText('', now)).toBe('');
	});
});
