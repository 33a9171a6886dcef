import { describe, expect, it } from 'vitest';
import { checkCallForm, deadlineAt, emptyValues, readCallForm, type CallFormValues } from './call-form';

const NOW = new Date('2026-06-01T10:00:00Z');

function valid(overrides: Partial<CallFormValues> = {}): CallFormValues {
	return {
		...emptyValues('abcdefghijklmno'),
		title: 'Deltagere til arbejdsgruppen',
		fora: [{ id: '', name: 'Arbejdsgruppen', quota: '1' }],
		deadline_date: '2026-07-01',
		...overrides
	};
}

describe('deadlineAt', () => {
	it('reads a date alone as the end of that day in Copenhagen, summer and winter', () => {
		expect(deadlineAt('2020-07-01', '').toISOString()).toBe('2020-07-01T21:59:59.999Z');
		expect(deadlineAt('2020-12-01', '').toISOString()).toBe('2020-12-01T22:59:59.999Z');
	});

	it('ends the days of the clock changes at their own midnight', () => {
		expect(deadlineAt('2020-03-29', '').toISOString()).toBe('2020-03-29T21:59:59.999Z');
		expect(deadlineAt('2020-10-25', '').toISOString()).toBe('2020-10-25T22:59:59.999Z');
	});

	it('reads a date with a time as that minute', () => {
		expect(deadlineAt('2020-07-01', '12:00').toISOString()).toBe('2020-07-01T10:00:00.000Z');
	});
});

describe('checkCallForm', () => {
	it('accepts a complete call and builds its record and fora', () => {
		const checked = checkCallForm(valid({ urgent: true, required: 'yes' }), { now: NOW });
		expect(checked.errors).toEqual({});
		expect(checked.record).toMatchObject({ urgent: true, required: true, deadline: '2026-07-01 21:59:59.999Z' });
		expect(checked.fora).toEqual([{ id: '', name: 'Arbejdsgruppen', quota: 1, position: 0 }]);
	});

	it('refuses an empty title, a quota of 0, no fora and a deadline in the past, each beside its field', () => {
		const { errors } = checkCallForm(
			valid({ title: '', fora: [{ id: '', name: '', quota: '0' }], deadline_date: '2026-05-31' }),
			{ now: NOW }
		);
		expect(errors).toEqual({
			title: 'Skriv en titel.',
			forum_name_0: 'Skriv mindst ét forum.',
			deadline_date: 'Fristen er overskredet. Vælg en dato efter i dag.'
		});
		expect(checkCallForm(valid({ fora: [{ id: '', name: 'A', quota: '0' }] }), { now: NOW }).errors).toEqual({
			forum_quota_0: 'Skriv et antal pladser fra 1 til 50.'
		});
	});

	it('refuses a day the calendar does not have and a time the clock does not have', () => {
		expect(checkCallForm(valid({ deadline_date: '2027-02-29' }), { now: NOW }).errors).toEqual({
			deadline_date: 'Den dato findes ikke. Vælg en dag i kalenderen.'
		});
		expect(checkCallForm(valid({ deadline_date: '2028-02-29' }), { now: NOW }).errors).toEqual({});
		expect(checkCallForm(valid({ deadline_time: '24:00' }), { now: NOW }).errors).toEqual({
			deadline_time: 'Skriv et klokkeslæt, fx 12:00.'
		});
		expect(checkCallForm(valid({ deadline_time: '9.35' }), { now: NOW }).errors).toEqual({});
	});

	it('keeps a past deadline that was not changed (editing an old call)', () => {
		const old = valid({ deadline_date: '2020-07-01' });
		expect(checkCallForm(old, { now: NOW, deadlineChanged: false }).errors).toEqual({});
	});

	it('asks for a sector or an organisation when the call is limited to them', () => {
		expect(checkCallForm(valid({ eligibility: 'sectors' }), { now: NOW }).errors).toEqual({
			sectors: 'Vælg mindst én sektor.'
		});
		expect(checkCallForm(valid({ eligibility: 'organizations' }), { now: NOW }).errors).toEqual({
			organizations: 'Vælg mindst én organisation.'
		});
	});

	it('removes an existing forum whose name is cleared and ignores blank spare rows', () => {
		const checked = checkCallForm(
			valid({
				fora: [
					{ id: 'aaaaaaaaaaaaaaa', name: '', quota: '1' },
					{ id: '', name: 'Faglig gruppe', quota: '2' },
					{ id: '', name: '', quota: '1' }
				]
			}),
			{ now: NOW }
		);
		expect(checked.removed).toEqual(['aaaaaaaaaaaaaaa']);
		expect(checked.fora).toEqual([{ id: '', name: 'Faglig gruppe', quota: 2, position: 0 }]);
	});
});

describe('readCallForm', () => {
	it('reads the forum rows in order and drops unknown sectors and malformed ids', () => {
		const form = new FormData();
		form.set('title', ' Titel ');
		form.set('eligibility', 'sectors');
		for (const s of ['kommune', 'andet', 'mars']) form.append('sectors', s);
		form.append('organizations', 'not-an-id');
		form.set('forum_name_0', 'A');
		form.set('forum_quota_0', '2');
		form.set('forum_id_0', 'x');
		form.set('forum_name_1', 'B');
		form.set('forum_quota_1', '1');
		const values = readCallForm(form);
		expect(values.title).toBe('Titel');
		expect(values.sectors).toEqual(['kommune', 'andet']);
		expect(values.organizations).toEqual([]);
		expect(values.fora).toEqual([
			{ id: '', name: 'A', quota: '2' },
			{ id: '', name: 'B', quota: '1' }
		]);
	});
});
