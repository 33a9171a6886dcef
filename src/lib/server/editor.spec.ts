import { describe, expect, it } from 'vitest';
import { moved, parseHeader, parseNewItem } from './editor';

function form(fields: Record<string, string | string[]>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
	return f;
}

describe('moved', () => {
	it('swaps an item with its neighbour, and refuses a step past either end', () => {
		expect(moved(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
		expect(moved(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
		expect(moved(['a', 'b', 'c'], 'a', -1)).toBeNull();
		expect(moved(['a', 'b', 'c'], 'c', 1)).toBeNull();
		expect(moved(['a', 'b'], 'x', 1)).toBeNull();
	});
});

describe('parseHeader', () => {
	it('reads Copenhagen wall-clock times on the chosen day as instants', () => {
		const { errors, record } = parseHeader(
			form({
				title: 'Styregruppemøde',
				date: '2027-01-08',
				start_time: '08:00',
				end_time: '10.40',
				minute_takers: ['u1', 'u2'],
				attendance_days_before: '3',
				share_with_chairs: 'on'
			})
		);
		expect(errors).toEqual({});
		expect(record).toMatchObject({
			starts: '2027-01-08 07:00:00.000Z',
			ends: '2027-01-08 09:40:00.000Z',
			minute_takers: ['u1', 'u2'],
			attendance_days_before: 3,
			share_with_chairs: true
		});
	});

	it('puts a Danish message beside each field it cannot read', () => {
		const { errors } = parseHeader(
			form({ title: '', date: '2027-01-08', start_time: 'otte', end_time: '25:00', attendance_days_before: '-1' })
		);
		expect(errors).toEqual({
			title: 'Skriv en titel.',
			start_time: 'Skriv et klokkeslæt som 08.00.',
			end_time: 'Skriv et klokkeslæt som 08.00.',
			attendance_days_before: 'Skriv et helt antal dage fra 0 til 60, eller lad feltet stå tomt.'
		});
	});
});

describe('parseNewItem', () => {
	it('drops a typed "v/" before the presenter and leaves a blank duration blank', () => {
		const { values, errors } = parseNewItem(form({ title: 'Eventuelt', duration_minutes: '', presenter: 'v/ Sofie' }));
		expect(errors).toEqual({});
		expect(values).toMatchObject({ title: 'Eventuelt', duration_minutes: '', presenter: 'Sofie', kind: 'discussion' });
	});

	it('refuses a duration that is not whole minutes', () => {
		expect(parseNewItem(form({ title: 'X', duration_minutes: '1,5' })).errors.duration_minutes).toBe(
			'Skriv varigheden i hele minutter, eller lad feltet stå tomt.'
		);
	});
});
