import { describe, expect, it } from 'vitest';
import { attachmentLabel, groupByOrganization, type MembershipRecord } from './meetings';
import type { MembershipsRoleOptions, OrganizationsSectorOptions } from './pocketbase-types';

let clock = 0;
function membership(
	name: string,
	role: MembershipsRoleOptions,
	organization: string,
	sector: OrganizationsSectorOptions
): MembershipRecord {
	clock++;
	return {
		id: `m${clock}`,
		role,
		created: `2026-01-01 00:00:${String(clock).padStart(2, '0')}.000Z`,
		expand: {
			user: {
				id: `u${clock}`,
				name,
				title: 'Direktør',
				department: '',
				expand: { organization: { name: organization, sector } }
			}
		}
	};
}

describe('participants grouped by organisation', () => {
	it('orders organisations as the minutes do: hospital, psychiatry, municipalities, general practice', () => {
		const blocks = groupByOrganization([
			membership('A', 'member', 'Viborg Kommune', 'kommune'),
			membership('B', 'member', 'Almen praksis', 'almen_praksis'),
			membership('C', 'member', 'Regionspsykiatrien', 'psykiatri'),
			membership('D', 'member', 'Silkeborg Kommune', 'kommune'),
			membership('E', 'member', 'Hospitalsenhed Midt', 'hospital')
		]);
		expect(blocks.map((b) => b.organization)).toEqual([
			'Hospitalsenhed Midt',
			'Regionspsykiatrien',
			'Silkeborg Kommune',
			'Viborg Kommune',
			'Almen praksis'
		]);
	});

	it('puts the chair and co-chairs first within an organisation and the secretariat last', () => {
		const [block] = groupByOrganization([
			membership('Sekretær', 'secretariat', 'Skive Kommune', 'kommune'),
			membership('Medlem', 'member', 'Skive Kommune', 'kommune'),
			membership('Medformand', 'co_chair', 'Skive Kommune', 'kommune')
		]);
		expect(block.people.map((p) => [p.name, p.role])).toEqual([
			['Medformand', 'co_chair'],
			['Medlem', 'member'],
			['Sekretær', 'secretariat']
		]);
	});

	it('skips memberships whose user the viewer may not see', () => {
		const hidden: MembershipRecord = { id: 'x', role: 'member', created: '2026-01-01 00:00:00.000Z' };
		expect(groupByOrganization([hidden])).toEqual([]);
	});
});

describe('attachment names', () => {
	it('drops the random suffix PocketBase adds to stored files', () => {
		expect(attachmentLabel('oplaeg_fleksible_indlaeggelser_3fq4clo0jr.pdf')).toBe('oplaeg_fleksible_indlaeggelser.pdf');
		expect(attachmentLabel('bilag_ab12cd34ef')).toBe('bilag');
	});

	it('leaves a name without such a suffix alone', () => {
		expect(attachmentLabel('referat.pdf')).toBe('referat.pdf');
		expect(attachmentLabel('kort_bilag.pdf')).toBe('kort_bilag.pdf');
	});
});
