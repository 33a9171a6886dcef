import { describe, expect, it } from 'vitest';
import { deadlineInstant } from './index';

describe('the instant a deadline ends, in Copenhagen', () => {
	it('ends a summer date at 23:59:59.999 CEST', () => {
		expect(deadlineInstant('2020-07-01').toISOString()).toBe('2020-07-01T21:59:59.999Z');
	});

	it('ends a winter date at 23:59:59.999 CET', () => {
		expect(deadlineInstant('2020-12-01').toISOString()).toBe('2020-12-01T22:59:59.999Z');
	});

	it('ends the spring-forward day (29 March 2020) in summer time', () => {
		expect(deadlineInstant('2020-03-29').toISOString()).toBe('2020-03-29T21:59:59.999Z');
		expect(deadlineInstant('2020-03-28').toISOString()).toBe('2020-03-28T22:59:59.999Z');
	});

	it('ends the fall-back day (25 October 2020) in winter time', () => {
		expect(deadlineInstant('2020-10-25').toISOString()).toBe('2020-10-25T22:59:59.999Z');
		expect(deadlineInstant('2020-10-24').toISOString()).toBe('2020-10-24T21:59:59.999Z');
	});

	it('uses the given minute when the text gives a time', () => {
		expect(deadlineInstant('2020-08-03', '12:00').toISOString()).toBe('2020-08-03T10:00:00.000Z');
		expect(deadlineInstant('2020-12-01', '09:30').toISOString()).toBe('2020-12-01T08:30:00.000Z');
		expect(deadlineInstant('2020-03-29', '03:00').toISOString()).toBe('2020-03-29T01:00:00.000Z');
		expect(deadlineInstant('2020-10-25', '12:00').toISOString()).toBe('2020-10-25T11:00:00.000Z');
	});
});
