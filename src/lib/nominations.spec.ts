import { describe, expect, it } from 'vitest';
import {
	answeredNone,
	deadlinePhrase,
	hasAnswered,
	isEligible,
	isOpenForMembers,
	seatsLeft,
	tally
} from './nominations';

const hospital = { id: 'orghemidt000001', sector: 'hospital' };
const silkeborg = { id: 'orgsilkeborg001', sector: 'kommune' };
/** 1 July 2020, the end of the day in Copenhagen (summer time). */
const JULY_1 = '2020-07-01 21:59:59.999Z';

describe('who may nominate in a call', () => {
	it('lets every organisation nominate in a call for all', () => {
		expect(isEligible({ eligibility: 'all' }, hospital)).toBe(true);
	});

	it('lets only organisations of the named sectors nominate', () => {
		const call = { eligibility: 'sectors', eligible_sectors: ['kommune', 'andet'] };
		expect(isEligible(call, silkeborg)).toBe(true);
		expect(isEligible(call, hospital)).toBe(false);
	});

	it('lets only the chosen organisations nominate', () => {
		const call = { eligibility: 'organizations', eligible_organizations: [hospital.id] };
		expect(isEligible(call, hospital)).toBe(true);
		expect(isEligible(call, silkeborg)).toBe(false);
	});

	it('lets no one without an organisation nominate', () => {
		expect(isEligible({ eligibility: 'all' }, null)).toBe(false);
		expect(isEligible({ eligibility: 'all' }, { id: '', sector: '' })).toBe(false);
	});
});

describe('whether a call takes members’ answers', () => {
	const now = new Date('2020-06-26T10:00:00Z');
	it('is open while the call is open and its deadline lies ahead', () => {
		expect(isOpenForMembers({ status: 'open', deadline: JULY_1 }, now)).toBe(true);
	});
	it('is closed after the deadline, for a closed call and for a draft', () => {
		expect(isOpenForMembers({ status: 'open', deadline: JULY_1 }, new Date('2020-07-01T22:00:00Z'))).toBe(false);
		expect(isOpenForMembers({ status: 'closed', deadline: JULY_1 }, now)).toBe(false);
		expect(isOpenForMembers({ status: 'draft', deadline: JULY_1 }, now)).toBe(false);
	});
});

describe('seats and answers from the tallies', () => {
	const tallies = [
		{ organization: hospital.id, forum: 'forum1', named: 1, none: 0 },
		{ organization: silkeborg.id, forum: '', named: 0, none: 1 }
	];
	it('counts the seats an organisation has left in a forum', () => {
		expect(seatsLeft(tallies, hospital.id, { id: 'forum1', quota: 2 })).toBe(1);
		expect(seatsLeft(tallies, hospital.id, { id: 'forum2', quota: 2 })).toBe(2);
		expect(seatsLeft(tallies, hospital.id, { id: 'forum1', quota: 1 })).toBe(0);
	});
	it('counts a named person and "melder ingen" as an answer, and nothing as none', () => {
		expect(hasAnswered(tallies, hospital.id)).toBe(true);
		expect(hasAnswered(tallies, silkeborg.id)).toBe(true);
		expect(hasAnswered(tallies, 'orgviborg000001')).toBe(false);
		expect(answeredNone(tallies, silkeborg.id)).toBe(true);
		expect(answeredNone(tallies, hospital.id)).toBe(false);
	});
});

describe('the deadline in Danish', () => {
	it('names the day and counts the days left', () => {
		expect(deadlinePhrase({ deadline: JULY_1 }, new Date('2020-06-26T10:00:00Z'))).toBe(
			'Senest onsdag den 1. juli 2020 — om 5 dage'
		);
	});
	it('says "i morgen" the day before and "i dag" on the day, by Copenhagen’s calendar', () => {
		// 22:30 UTC on 29 June is already 30 June in Copenhagen.
		expect(deadlinePhrase({ deadline: JULY_1 }, new Date('2020-06-29T22:30:00Z'))).toBe(
			'Senest onsdag den 1. juli 2020 — i morgen'
		);
		expect(deadlinePhrase({ deadline: JULY_1 }, new Date('2020-07-01T21:00:00Z'))).toBe(
			'Senest onsdag den 1. juli 2020 — i dag'
		);
	});
	it('says "udløbet" once the deadline has passed', () => {
		expect(deadlinePhrase({ deadline: JULY_1 }, new Date('2020-07-01T22:00:00Z'))).toBe(
			'Senest onsdag den 1. juli 2020 — udløbet'
		);
	});
	it('asks for an answer as soon as possible in an urgent call', () => {
		expect(deadlinePhrase({ deadline: JULY_1, urgent: true }, new Date('2020-06-26T10:00:00Z'))).toBe(
			'Hurtigst muligt og senest onsdag den 1. juli 2020 — om 5 dage'
		);
	});
	it('names a time that is not the end of the day, across the change to winter time', () => {
		// 25 October 2026 is the day clocks go back; 12.00 local is 11:00 UTC.
		expect(deadlinePhrase({ deadline: '2026-10-25 11:00:00.000Z' }, new Date('2026-10-24T12:00:00Z'))).toBe(
			'Senest søndag den 25. oktober 2026 kl. 12.00 — i morgen'
		);
	});
});

describe('tally', () => {
	it('counts the answers per organisation and forum, "none" apart', () => {
		expect(
			tally([
				{ organization: 'a', forum: 'f1', kind: 'nominee' },
				{ organization: 'a', forum: 'f1', kind: 'nominee' },
				{ organization: 'a', forum: 'f2', kind: 'nominee' },
				{ organization: 'b', forum: '', kind: 'none' }
			])
		).toEqual([
			{ organization: 'a', forum: 'f1', named: 2, none: 0 },
			{ organization: 'a', forum: 'f2', named: 1, none: 0 },
			{ organization: 'b', forum: '', named: 0, none: 1 }
		]);
		expect(tally([])).toEqual([]);
	});
});
