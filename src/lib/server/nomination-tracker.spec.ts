import { describe, expect, it } from 'vitest';
import { isEligible, trackerCounts, trackerRows, type EligibleOrganization } from './nomination-tracker';

const silkeborg: EligibleOrganization = { id: 'silkeborg', name: 'Silkeborg Kommune', sector: 'kommune' };
const viborg: EligibleOrganization = { id: 'viborg', name: 'Viborg Kommune', sector: 'kommune' };
const hemidt: EligibleOrganization = { id: 'hemidt', name: 'Hospitalsenhed Midt', sector: 'hospital' };
const fora = [
	{ id: 'f1', name: 'Administrativ/økonomi', position: 0, quota: 1, group: '', groupName: '' },
	{ id: 'f2', name: 'Faglig gruppe', position: 1, quota: 2, group: '', groupName: '' }
];
const nominee = (id: string, organization: string, forum: string, response: '' | 'confirmed' | 'declined' = '') => ({
	id,
	forum,
	organization,
	kind: 'nominee' as const,
	nominee_name: `Person ${id}`,
	nominee_title: '',
	nominee_email: '',
	nominee_phone: '',
	nominee_user: '',
	response,
	created: `2026-01-01 10:00:0${id.length}.000Z`
});

describe('isEligible', () => {
	it('lets every organisation, the named sectors or the chosen organisations nominate', () => {
		const call = { eligibility: 'sectors' as const, eligibleSectors: ['kommune' as const], eligibleOrganizations: [] };
		expect(isEligible(call, silkeborg)).toBe(true);
		expect(isEligible(call, hemidt)).toBe(false);
		expect(isEligible({ ...call, eligibility: 'all' }, hemidt)).toBe(true);
		expect(isEligible({ ...call, eligibility: 'organizations', eligibleOrganizations: ['viborg'] }, silkeborg)).toBe(
			false
		);
	});
});

describe('trackerRows', () => {
	it('shows named / quota per forum, "melder ingen" and not answered per organisation', () => {
		const rows = trackerRows(
			fora,
			[silkeborg, viborg, hemidt],
			[],
			[
				nominee('a', 'silkeborg', 'f2', 'confirmed'),
				nominee('b', 'silkeborg', 'f2', 'declined'),
				{ ...nominee('c', 'viborg', ''), kind: 'none' }
			]
		);
		expect(
			rows.map((r) => [r.organization.id, r.answered, r.none, r.cells.map((c) => `${c.named}/${c.quota}`)])
		).toEqual([
			['silkeborg', true, false, ['0/1', '2/2']],
			['viborg', true, true, ['0/1', '0/2']],
			['hemidt', false, false, ['0/1', '0/2']]
		]);
		expect(rows[0].cells[1].nominees.map((n) => n.response)).toEqual(['confirmed', 'declined']);
		expect(trackerCounts(rows)).toEqual({
			organizations: 3,
			answered: 2,
			none: 1,
			unanswered: 1,
			named: 2,
			confirmed: 1,
			declined: 1
		});
	});

	it('counts from the tallies what the reader may not see by name', () => {
		const rows = trackerRows(fora, [viborg], [{ organization: 'viborg', forum: 'f1', named: 1, none: 0 }], []);
		expect(rows[0].cells[0]).toMatchObject({ named: 1, nominees: [] });
		expect(rows[0].answered).toBe(true);
	});
});
