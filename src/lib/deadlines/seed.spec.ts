import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDeadlines } from './index';

// The two seed documents, copied unchanged from the product's shared seeds (PDF text extractions).
const minutes = readFileSync(new URL('./fixtures/004_c119477d974f0948.txt', import.meta.url), 'utf8');
const statusTable = readFileSync(new URL('./fixtures/000_fdece8dc842a4da5.txt', import.meta.url), 'utf8');

describe('the seed minutes of 12 June 2020', () => {
	const found = detectDeadlines(minutes, { meetingDate: '2020-06-12' });

	it('finds exactly the three nomination calls of items 2, 5 and 7, once each', () => {
		expect(found.map((r) => [r.kind, r.deadline.date])).toEqual([
			['nomination', '2020-07-01'],
			['nomination', '2020-07-01'],
			['nomination', '2020-07-01']
		]);
	});

	it('reads item 2 as every organisation, one person, optional', () => {
		expect(found[0]).toMatchObject({
			actor: 'hver organisation',
			everyone: true,
			sectors: [],
			count: 1,
			fora: [],
			optional: true,
			action: 'melde 1 deltager indt til sekretariatet',
			deadline: { date: '2020-07-01', urgent: false, text: 'svarfrist 1. juli 2020' },
			sentence:
				'Såfremt man er interesseret i at deltage, kan hver organisation melde 1 deltager indt til sekretariatet (svarfrist 1. juli 2020)'
		});
	});

	it('reads item 5 as municipalities and others, required, for the working group', () => {
		expect(found[1]).toMatchObject({
			actor: 'Kommuner/Øvrige',
			everyone: false,
			sectors: ['kommune', 'andet'],
			count: null,
			fora: [],
			optional: false,
			action: 'melde deltagere til arbejdsgruppen ind til sekretariatet',
			deadline: { date: '2020-07-01', urgent: false, text: 'senest 1. juli 2020' }
		});
	});

	it('reads item 7 as municipalities, urgent, with the three fora listed before it', () => {
		expect(found[2]).toMatchObject({
			actor: 'kommuner',
			sectors: ['kommune'],
			fora: ['Administrativ/økonomi', 'Faglig gruppe', 'Strategisk (aftale niveau)'],
			optional: false,
			deadline: { date: '2020-07-01', urgent: true, text: 'hurtigst muligt og senest den 1. juli 2020' },
			sentence: 'kommuner melder deltagere ind til sekretariatet, hurtigst muligt og senest den 1. juli 2020'
		});
	});

	it('points each request at its first occurrence in the file', () => {
		for (const request of found) {
			expect(minutes.slice(request.start, request.end).replace(/\s+/g, ' ')).toBe(request.sentence);
			expect(request.start).toBeLessThan(minutes.indexOf('OPFØLGNINGSPUNKTER'));
		}
	});

	it('still finds only those three when the next meeting (11 September 2020) is known', () => {
		const withNext = detectDeadlines(minutes, { meetingDate: '2020-06-12', nextMeetingDate: '2020-09-11' });
		expect(withNext.map((r) => r.sentence)).toEqual(found.map((r) => r.sentence));
		expect(withNext.map((r) => r.deadline.date)).not.toContain('2020-09-11');
	});

	it('finds nothing when read as if the meeting were after the deadline', () => {
		expect(detectDeadlines(minutes, { meetingDate: '2020-07-02' })).toEqual([]);
	});
});

describe('the seed status table of April 2024', () => {
	it('finds no deadline: its dates are statuses, meetings and starts, and nobody is asked to act', () => {
		// "får en status på møde 12. april 2024", "Evalueres første gang ultimo januar 2024",
		// "Opstart september 2023": plans and history, not requests with a deadline.
		expect(detectDeadlines(statusTable, { meetingDate: '2024-04-12' })).toEqual([]);
		expect(detectDeadlines(statusTable, { meetingDate: '2023-01-01', nextMeetingDate: '2024-04-12' })).toEqual([]);
	});
});
