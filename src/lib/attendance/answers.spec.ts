import { describe, expect, it } from 'vitest';
import { describeAnswer, missedItems, partialNote } from './answers';

// The seed meeting's first items, Friday 12 June 2020 (CEST, UTC+2).
const items = [
	{ position: 1, title: 'Velkomst', starts: '2020-06-12 06:00:00.000Z', ends: '2020-06-12 06:10:00.000Z' },
	{ position: 2, title: 'Viden og forskning', starts: '2020-06-12 06:10:00.000Z', ends: '2020-06-12 06:20:00.000Z' },
	{ position: 7, title: 'IV-samarbejdsaftalen', starts: '2020-06-12 07:35:00.000Z', ends: '2020-06-12 07:55:00.000Z' },
	{ position: 8, title: 'COVID-19', starts: '2020-06-12 07:55:00.000Z', ends: '2020-06-12 08:25:00.000Z' },
	{ position: 11, title: 'Skriftlige orienteringer', starts: '', ends: '' }
];

describe('the agenda items a partial answer misses', () => {
	it('are those after leaving at 9.45, including the one running then', () => {
		expect(missedItems(items, null, '2020-06-12 07:45:00.000Z').map((i) => i.position)).toEqual([7, 8]);
	});

	it('are those before arriving at 8.15, including the one running then', () => {
		expect(missedItems(items, '2020-06-12 06:15:00.000Z', null).map((i) => i.position)).toEqual([1, 2]);
	});

	it('are none for the whole meeting, and never an item without a time slot', () => {
		expect(missedItems(items, '2020-06-12 06:00:00.000Z', '2020-06-12 08:40:00.000Z')).toEqual([]);
		expect(missedItems(items, null, null)).toEqual([]);
	});
});

describe('the note on a partial answer', () => {
	it('reads as the minutes write it', () => {
		expect(partialNote('', '2020-06-12 07:45:00.000Z')).toBe('indtil kl. 9.45');
		expect(partialNote('2020-06-12 07:00:00.000Z', '')).toBe('fra kl. 9.00');
		expect(partialNote('2020-06-12 06:15:00.000Z', '2020-06-12 07:45:00.000Z')).toBe('kl. 8.15-9.45');
		expect(partialNote('', '')).toBe('');
	});
});

describe('an answer shown back in full', () => {
	const blank = { substitute_name: '', substitute_title: '', arrives: '', leaves: '' };

	it('names the substitute', () => {
		expect(describeAnswer({ ...blank, status: 'substitute', substitute_name: 'Jens Hansen' })).toBe(
			'Afbud med suppleant: Jens Hansen'
		);
		expect(
			describeAnswer({ ...blank, status: 'substitute', substitute_name: 'Jens Hansen', substitute_title: 'overlæge' })
		).toBe('Afbud med suppleant: Jens Hansen, overlæge');
	});

	it('gives the times of a partial answer', () => {
		const partial = { ...blank, status: 'partial' as const };
		expect(
			describeAnswer({ ...partial, arrives: '2020-06-12 07:00:00.000Z', leaves: '2020-06-12 07:45:00.000Z' })
		).toBe('Deltager kl. 9.00–9.45');
		expect(describeAnswer({ ...partial, arrives: '2020-06-12 07:15:00.000Z' })).toBe('Deltager fra kl. 9.15');
		expect(describeAnswer({ ...partial, leaves: '2020-06-12 07:45:00.000Z' })).toBe('Deltager indtil kl. 9.45');
	});

	it('says just Deltager or Afbud for the one-tap answers', () => {
		expect(describeAnswer({ ...blank, status: 'attending' })).toBe('Deltager');
		expect(describeAnswer({ ...blank, status: 'absent' })).toBe('Afbud');
	});
});
