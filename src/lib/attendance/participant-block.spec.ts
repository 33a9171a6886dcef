import { describe, expect, it } from 'vitest';
import demo from '../../../scripts/demo/midtklyngen.json';
import { zonedToInstant, toPocketBaseDate } from '$lib/dates';
import type { MembershipRecord } from '$lib/meetings';
import type { MembershipsRoleOptions, OrganizationsSectorOptions } from '$lib/pocketbase-types';
import type { AnswerRecord, AttendanceStatus } from './answers';
import { participantBlock } from './participant-block';

type DemoPerson = (typeof demo.people)[number];
const orgs = new Map(demo.organizations.map((o) => [o.key, o]));
const positions = new Map(demo.people.map((p, i) => [p.key, (i + 1) * 10]));
for (const a of demo.meeting.attendance as { person: string; listed_after?: string }[]) {
	if (a.listed_after) positions.set(a.person, (positions.get(a.listed_after) ?? 0) + 5);
}

function membership(p: DemoPerson, i: number): MembershipRecord {
	const org = orgs.get(p.organization)!;
	return {
		id: `m${i}`,
		// The demo file is JSON: its roles and sectors are plain strings to TypeScript.
		role: p.role as MembershipsRoleOptions,
		position: positions.get(p.key),
		created: `2026-01-01 00:00:${String(i).padStart(2, '0')}.000Z`,
		expand: {
			user: {
				id: p.key,
				name: p.name,
				title: p.title,
				department: p.department,
				expand: { organization: { name: org.name, sector: org.sector as OrganizationsSectorOptions } }
			}
		}
	};
}

function answer(a: (typeof demo.meeting.attendance)[number]): AnswerRecord {
	const raw = a as { person: string; status: string; leaves?: string; arrives?: string; substitute?: string };
	const status: AttendanceStatus =
		raw.status === 'absent_with_substitute'
			? 'substitute'
			: raw.status === 'absent'
				? 'absent'
				: raw.leaves
					? 'partial'
					: 'attending';
	const sub = demo.substitutes.find((s) => s.key === raw.substitute);
	const at = (time?: string) => (time ? toPocketBaseDate(zonedToInstant(demo.meeting.date, time)) : '');
	return {
		id: `a-${raw.person}`,
		meeting: 'seed',
		user: raw.person,
		status,
		substitute_name: sub?.name ?? '',
		substitute_title: sub?.title ?? '',
		substitute_email: '',
		arrives: at(raw.arrives),
		leaves: at(raw.leaves),
		note: '',
		answered_by: '',
		updated: ''
	};
}

const name = (key: string) => demo.people.find((p) => p.key === key)!.name;
const guests = demo.meeting.guests.map((g) => ({ name: g.name, title: g.title, organization: '' }));

describe('the participant block of the minutes', () => {
	const block = participantBlock(demo.people.map(membership), demo.meeting.attendance.map(answer), guests);
	const lines = block.split('\n');

	it("comes out like the seed minutes' header", () => {
		expect(lines.slice(0, 10)).toEqual([
			'Mødedeltagere:',
			'Hospitalsenhed Midt',
			`Hospitalsdirektør ${name('p01')} (medformand)`,
			`Sygeplejefaglig direktør ${name('p02')}`,
			`Oversygeplejerske ${demo.substitutes[0].name} (suppleant for ${name('p22')})`,
			`Oversygeplejerske ${name('p03')}, Medicinsk Afdeling`,
			`Oversygeplejerske ${name('p04')}, Diagnostisk Center`,
			`Oversygeplejerske ${name('p05')}, Kvindesygdomme og Fødsler`,
			`Økonomi & Planchef ${name('p06')}`,
			`Økonomi- og plankonsulent ${name('p07')}`
		]);
		expect(block).toContain(`\nRegionspsykiatrien\nLedende overlæge ${name('p08')} (indtil kl. 9.45)\n`);
		expect(block).toContain(`\nSkive Kommune\nSocial- og arbejdsmarkedsdirektør ${name('p12')} (medformand)\n`);
		expect(block).toContain(
			`\nAlmen praksis\nPraksiskoordinator ${name('p18')}\nPraksiskonsulent, PLO-M ${name('p19')}\n`
		);
	});

	it('lists the organisations in the order of the minutes', () => {
		const orgNames = lines.filter((l) => demo.organizations.some((o) => o.name === l));
		expect(orgNames).toEqual([
			'Hospitalsenhed Midt',
			'Regionspsykiatrien',
			'Silkeborg Kommune',
			'Skive Kommune',
			'Viborg Kommune',
			'Almen praksis'
		]);
	});

	it('ends with the guests and the apologies with their organisation or department', () => {
		const tail = block.slice(block.indexOf('Gæster:'));
		expect(tail).toBe(
			[
				'Gæster:',
				`Projektleder, ${demo.meeting.guests[0].name}`,
				`AC-fuldmægtig, ${demo.meeting.guests[1].name}`,
				'',
				'Afbud:',
				`Ledende overlæge ${name('p22')}, Akutafdelingen`,
				`Lægefaglig direktør ${name('p24')}, Hospitalsenhed Midt`,
				`Sygeplejefaglig direktør ${name('p21')}, Regionspsykiatrien`,
				`Sektionsleder for Familie og børnehandicap ${name('p23')}, Silkeborg Kommune`,
				`Pleje- og visitationschef ${name('p20')}, Skive Kommune`
			].join('\n')
		);
	});

	it('leaves out members who have not answered', () => {
		const partial = participantBlock(demo.people.map(membership), [answer(demo.meeting.attendance[0])], []);
		expect(partial).toBe(`Mødedeltagere:\nHospitalsenhed Midt\nHospitalsdirektør ${name('p01')} (medformand)`);
	});
});
