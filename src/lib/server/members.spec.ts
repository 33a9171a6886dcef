import { describe, expect, it } from 'vitest';
import { byOrganization, dayStart, endInstant, isRole, parseAddForm, periodText, type RosterPerson } from './members';

const now = new Date('2026-12-03T12:00:00Z');

describe('periodText', () => {
	it('says when a membership began and when it ends, in Copenhagen', () => {
		// 23.00 UTC on 31 January is 1 February in Copenhagen.
		expect(periodText('2026-01-31 23:00:00.000Z', '2027-02-28 23:00:00.000Z', now)).toBe(
			'fra 1. februar 2026 · slutter 1. marts 2027'
		);
	});

	it('says a coming membership begins, and an ended one ended', () => {
		expect(periodText('2027-01-31 23:00:00.000Z', '', now)).toBe('begynder 1. februar 2027');
		expect(periodText('', '2026-06-30 22:00:00.000Z', now)).toBe('sluttede 1. juli 2026');
	});

	it('says nothing for a membership without dates', () => {
		expect(periodText('', '', now)).toBe('');
	});
});

describe('byOrganization', () => {
	const person = (name: string): RosterPerson => ({
		id: name,
		userId: name,
		name,
		title: '',
		role: 'member',
		period: '',
		upcoming: false,
		isSelf: false
	});
	const org = (id: string, name: string) => ({ id, name, sector: 'kommune' });

	it('groups people by organisation, organisations by Danish name, people by position then name', () => {
		const grouped = byOrganization([
			{ person: person('Åse'), org: org('b', 'Århus Kommune'), position: 1 },
			{ person: person('Bo'), org: org('a', 'Skive Kommune'), position: 2 },
			{ person: person('Anna'), org: org('a', 'Skive Kommune'), position: 2 },
			{ person: person('Carl'), org: org('a', 'Skive Kommune'), position: 1 },
			{ person: person('Ingen'), org: undefined, position: 0 }
		]);
		expect(grouped.map((o) => [o.name, o.people.map((p) => p.name)])).toEqual([
			['Skive Kommune', ['Carl', 'Anna', 'Bo']],
			['Århus Kommune', ['Åse']],
			['Uden organisation', ['Ingen']]
		]);
	});
});

describe('dayStart', () => {
	it("turns a date input's day into the instant it begins in Copenhagen, summer and winter", () => {
		expect(dayStart('2027-02-01')).toBe('2027-01-31 23:00:00.000Z');
		expect(dayStart('2027-07-01')).toBe('2027-06-30 22:00:00.000Z');
	});

	it('refuses what is not a day', () => {
		expect(dayStart('1. februar')).toBeNull();
		expect(dayStart('2027-2-1')).toBeNull();
		expect(dayStart('')).toBeNull();
	});
});

describe('endInstant', () => {
	it('ends a membership as the day begins, or now when the day is today', () => {
		const at = new Date('2026-12-03T12:00:00Z');
		expect(endInstant('2027-03-01', at)).toBe('2027-02-28 23:00:00.000Z');
		expect(endInstant('2026-12-03', at)).toBe('2026-12-03 12:00:00.000Z');
		expect(endInstant('i dag', at)).toBeNull();
	});
});

describe('parseAddForm', () => {
	const form = (fields: Record<string, string>) => {
		const f = new FormData();
		for (const [k, v] of Object.entries(fields)) f.set(k, v);
		return f;
	};

	it('trims the fields and sends the start as an instant', () => {
		const { values, errors, body } = parseAddForm(
			form({ name: ' Nina ', email: ' nina@x.dk ', role: 'chair', organization: 'o', starts: '2027-02-01' })
		);
		expect(errors).toEqual({});
		expect(values).toMatchObject({ name: 'Nina', email: 'nina@x.dk', starts: '2027-02-01' });
		expect(body).toMatchObject({ name: 'Nina', role: 'chair', starts: '2027-01-31 23:00:00.000Z' });
	});

	it('refuses an unreadable start beside the field, and sends no start when none is given', () => {
		expect(parseAddForm(form({ starts: 'i morgen' })).errors).toEqual({ starts: 'Skriv en dato, fx 1. februar 2027.' });
		expect(parseAddForm(form({})).body.starts).toBe('');
	});
});

describe('isRole', () => {
	it('knows the five roles the secretariat gives, and not a guest', () => {
		expect(['member', 'chair', 'co_chair', 'secretariat', 'observer'].every(isRole)).toBe(true);
		expect(isRole('guest')).toBe(false);
		expect(isRole('king')).toBe(false);
	});
});
