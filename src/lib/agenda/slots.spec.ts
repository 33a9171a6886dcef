import { describe, expect, it } from 'vitest';
import { computeSlots } from './slots';

const start = new Date('2027-01-08T07:00:00.000Z'); // Friday 8 January 2027, 08.00 in Copenhagen

describe('computeSlots', () => {
	it('puts each timed item right after the one before it, from the meeting’s start', () => {
		const { slots, end } = computeSlots(start, [
			{ id: 'a', duration: 10 },
			{ id: 'b', duration: 30 },
			{ id: 'c', duration: 15 }
		]);
		expect(slots.map((s) => [s.id, s.starts?.toISOString(), s.ends?.toISOString()])).toEqual([
			['a', '2027-01-08T07:00:00.000Z', '2027-01-08T07:10:00.000Z'],
			['b', '2027-01-08T07:10:00.000Z', '2027-01-08T07:40:00.000Z'],
			['c', '2027-01-08T07:40:00.000Z', '2027-01-08T07:55:00.000Z']
		]);
		expect(end.toISOString()).toBe('2027-01-08T07:55:00.000Z');
	});

	it('gives an item without a duration no slot and lets the next item start where the last timed one ended', () => {
		const { slots, end } = computeSlots(start, [
			{ id: 'a', duration: 20 },
			{ id: 'written', duration: 0 },
			{ id: 'none', duration: null },
			{ id: 'b', duration: 5 }
		]);
		expect(slots[1]).toEqual({ id: 'written', starts: null, ends: null });
		expect(slots[2]).toEqual({ id: 'none', starts: null, ends: null });
		expect(slots[3].starts?.toISOString()).toBe('2027-01-08T07:20:00.000Z');
		expect(end.toISOString()).toBe('2027-01-08T07:25:00.000Z');
	});

	it('ends an empty agenda at the meeting’s start', () => {
		expect(computeSlots(start, []).end.toISOString()).toBe(start.toISOString());
	});
});
