import { describe, expect, it } from 'vitest';
import { fieldChanges, headline, showValue } from './history';

describe('the history view of an audit entry', () => {
	it('uses the entry’s own summary, else names the record and the action in Danish', () => {
		expect(headline({ collection: 'agenda_items', action: 'update', summary: 'Punkt 4: nyt bilag' })).toBe(
			'Punkt 4: nyt bilag'
		);
		expect(headline({ collection: 'agenda_items', action: 'update' })).toBe('Dagsordenspunkt ændret');
		expect(headline({ collection: 'attendance', action: 'create', summary: '' })).toBe('Fremmøde oprettet');
		expect(headline({ collection: 'something_new', action: 'delete' })).toBe('something_new slettet');
	});

	it('lists only the fields that changed, with Danish labels', () => {
		expect(
			fieldChanges({
				before: { title: 'Demens', presenter: 'Susanne', duration_minutes: 15 },
				after: { title: 'Demensvenlig klynge', presenter: 'Susanne', duration_minutes: 20 }
			})
		).toEqual([
			{ label: 'Titel', before: 'Demens', after: 'Demensvenlig klynge' },
			{ label: 'Varighed (minutter)', before: '15', after: '20' }
		]);
	});

	it('shows a created record’s fields against nothing, and a deleted one’s against nothing', () => {
		expect(fieldChanges({ before: null, after: { status: 'absent', note: '' } })).toEqual([
			{ label: 'Status', before: '(tom)', after: 'absent' }
		]);
		expect(fieldChanges({ before: { text: 'Gammel' }, after: null })).toEqual([
			{ label: 'Tekst', before: 'Gammel', after: '(tom)' }
		]);
	});

	it('shows values short: lists joined, long texts cut, booleans in Danish, whitespace folded', () => {
		expect(showValue(['a.pdf', 'b.pdf'])).toBe('a.pdf, b.pdf');
		expect(showValue(true)).toBe('ja');
		expect(showValue('linje 1\n\nlinje 2')).toBe('linje 1 linje 2');
		const long = showValue('x'.repeat(500));
		expect(long).toHaveLength(160);
		expect(long.endsWith('…')).toBe(true);
		expect(showValue([])).toBe('(tom)');
	});
});
