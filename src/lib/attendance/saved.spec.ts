import { describe, expect, it } from 'vitest';
import { afterSaving } from './saved';

describe('the address after saving an answer', () => {
	it('lands on the answer block of the meeting page with the saved flag', () => {
		expect(afterSaving('/moeder/abc123', 'abc123')).toBe('/moeder/abc123?gemt=abc123#svar');
	});

	it('lands on the answer block of home', () => {
		expect(afterSaving('/', 'abc123')).toBe('/?gemt=abc123#svar');
	});

	it('keeps the query of a page without an answer block and adds no anchor there', () => {
		expect(afterSaving('/moeder/abc123/fremmoede?x=1', 'abc123')).toBe('/moeder/abc123/fremmoede?x=1&gemt=abc123');
	});
});
