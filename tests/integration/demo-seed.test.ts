// The demo data: built from the seed minutes, idempotent, and with its groups kept apart.
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoId, loadDemoData, seedDemo } from '../../scripts/lib/seed.mjs';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let first: Awaited<ReturnType<typeof seedDemo>>;
const now = new Date('2026-11-29T12:00:00Z');

beforeAll(async () => {
	server = await startTestPocketBase();
	first = await seedDemo({ pbUrl: server.url, email: ADMIN_EMAIL, password: ADMIN_PASSWORD, now });
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

async function logIn(email: string) {
	const pb = new PocketBase(server.url);
	pb.autoCancellation(false);
	await pb.collection('users').authWithPassword(email, DEMO_PASSWORD);
	return pb;
}

describe('the demo data', () => {
	it('holds the meeting of 12 June 2020 with all eleven items and published minutes', async () => {
		const meeting = await server.admin.collection('meetings').getOne(first.meetingId);
		expect(meeting).toMatchObject({
			title: 'Klyngestyregruppemøde',
			starts: '2020-06-12 06:00:00.000Z',
			ends: '2020-06-12 08:40:00.000Z',
			status: 'minutes_published'
		});
		const items = await server.admin
			.collection('agenda_items')
			.getFullList({ filter: server.admin.filter('meeting = {:id}', { id: first.meetingId }), sort: 'position' });
		expect(items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(items[2].recommendation).toContain('Tager erfaringer og resultater til efterretning');
		const minutes = await server.admin.collection('item_minutes').getFullList();
		expect(minutes.length).toBeGreaterThanOrEqual(10);
	});

	it('creates nothing the second time', async () => {
		const again = await seedDemo({ pbUrl: server.url, email: ADMIN_EMAIL, password: ADMIN_PASSWORD, now });
		expect(first.created).toBeGreaterThan(100);
		expect(again.created).toBe(0);
	});

	it('dates the next meeting a few weeks ahead, on a weekday outside Christmas', async () => {
		const meetings = await server.admin.collection('meetings').getFullList({
			filter: server.admin.filter('group = {:g} && starts > {:now}', {
				g: first.steeringGroupId,
				now: now.toISOString().replace('T', ' ')
			})
		});
		expect(meetings).toHaveLength(1);
		const starts = new Date(meetings[0].starts.replace(' ', 'T'));
		const days = (starts.getTime() - now.getTime()) / 86_400_000;
		expect(days).toBeGreaterThan(14);
		expect(days).toBeLessThan(60);
		expect(starts.toISOString()).toBe('2027-01-08T07:00:00.000Z'); // Friday 8 January 2027, 08.00
	});

	it('keeps the theme group and the steering group apart', async () => {
		const logins = first.demoLogins;
		const steering = await logIn(logins.find((l) => l.role === 'co_chair')!.email);
		const theme = await logIn(logins.find((l) => l.who.includes('Temagruppen'))!.email);
		const steeringMeetings = await steering.collection('meetings').getFullList();
		const themeMeetings = await theme.collection('meetings').getFullList();
		expect(steeringMeetings.map((m) => m.group)).toEqual(steeringMeetings.map(() => first.steeringGroupId));
		expect(themeMeetings.map((m) => m.group)).toEqual([first.themeGroupId]);
		await expect(steering.collection('meetings').getOne(themeMeetings[0].id)).rejects.toMatchObject({ status: 404 });
	});

	it('holds the three open calls of items 2, 5 and 7, tied to their items and decisions, before the next meeting', async () => {
		const calls = await server.admin.collection('nomination_calls').getFullList({
			filter: server.admin.filter('group = {:g}', { g: first.steeringGroupId }),
			expand: 'item,decision,nomination_fora_via_call',
			sort: 'title'
		});
		const byItem = new Map(calls.map((c) => [c.expand?.item.position as number, c]));
		expect([...byItem.keys()].sort()).toEqual([2, 5, 7]);
		const [nextMeeting] = await server.admin.collection('meetings').getFullList({
			filter: server.admin.filter('group = {:g} && starts > {:now}', {
				g: first.steeringGroupId,
				now: now.toISOString().replace('T', ' ')
			})
		});
		for (const call of calls) {
			expect(call.status).toBe('open');
			expect(call.meeting).toBe(first.meetingId);
			expect(call.created_by).toBe(demoId('users:p07')); // Sofie Lindholm, the secretariat
			expect(call.opened_at).toMatch(/^\d{4}-\d\d-\d\d /);
			expect(call.source_text).toBe(call.expand?.decision.text);
			expect(call.source_text).toContain('1. juli 2020');
			const deadline = new Date(call.deadline.replace(' ', 'T'));
			expect(deadline.getTime()).toBeGreaterThan(now.getTime() + 7 * 86_400_000);
			expect(deadline.getTime()).toBeLessThan(new Date(nextMeeting.starts.replace(' ', 'T')).getTime());
		}
		// Wednesday 16 December 2026 and Wednesday 9 December 2026, the end of the day in Copenhagen.
		expect(byItem.get(2)?.deadline).toBe('2026-12-16 22:59:59.999Z');
		expect(byItem.get(7)?.deadline).toBe('2026-12-09 22:59:59.999Z');

		const fora = (position: number) =>
			(byItem.get(position)?.expand?.nomination_fora_via_call as { name: string; quota: number; position: number }[])
				.sort((a, b) => a.position - b.position)
				.map((f) => `${f.name}:${f.quota}`);
		expect(byItem.get(2)).toMatchObject({ eligibility: 'all', required: false, urgent: false });
		expect(fora(2)).toEqual(['Møde med Niels Overby:1']);
		expect(byItem.get(5)).toMatchObject({ eligibility: 'sectors', eligible_sectors: ['kommune', 'andet'] });
		expect(fora(5)).toEqual(['Arbejdsgruppen:2']);
		expect(byItem.get(7)).toMatchObject({ eligibility: 'sectors', eligible_sectors: ['kommune'], urgent: true });
		expect(fora(7)).toEqual(['Administrativ/økonomi:1', 'Faglig gruppe:1', 'Strategisk (aftale niveau):1']);
	});

	it('has some organisations answered: a confirmed nominee, a "melder ingen" and a named colleague', async () => {
		type Answer = {
			kind: string;
			nominee_name: string;
			response: string;
			expand?: { organization: { short_name: string }; forum?: { name: string } };
		};
		const calls = await server.admin.collection('nomination_calls').getFullList({
			filter: server.admin.filter('group = {:g}', { g: first.steeringGroupId }),
			expand: 'item,nominations_via_call.organization,nominations_via_call.forum'
		});
		const answers = calls
			.flatMap((c) =>
				((c.expand?.nominations_via_call ?? []) as Answer[]).map(
					(n) =>
						`${c.expand?.item.position} ${n.expand?.organization.short_name} ${n.kind} ${n.expand?.forum?.name ?? '-'} ${n.nominee_name || '-'} ${n.response || '-'}`
				)
			)
			.sort();
		expect(answers).toEqual([
			'2 Almen praksis nominee Møde med Niels Overby Mads Overgaard confirmed',
			'5 Skive none - - -',
			'7 Silkeborg nominee Faglig gruppe Inge Mose Kjeldsen -'
		]);
	});

	it('leaves Susanne (HE Midt) and Torben (Silkeborg) a call to answer, and shows it to them', async () => {
		for (const [email, open] of [
			['susanne.jensen@hemidt.example', ['Deltagere til mødet med Niels Overby']],
			[
				'torben.ravn@silkeborg.example',
				['Deltagere til arbejdsgruppen om demensvenlig klynge', 'Deltagere til mødet med Niels Overby']
			]
		] as const) {
			const pb = await logIn(email);
			const calls = await pb.collection('nomination_calls').getFullList({ sort: 'title' });
			expect(calls).toHaveLength(3);
			const tallies = await pb.collection('nomination_tallies').getFullList();
			const organization = pb.authStore.record?.organization;
			const sector = (await pb.collection('organizations').getOne(organization)).sector;
			const unanswered = calls
				.filter((c) => c.eligibility === 'all' || c.eligible_sectors.includes(sector))
				.filter((c) => !tallies.some((t) => t.call === c.id && t.organization === organization))
				.map((c) => c.title);
			expect(unanswered).toEqual(open);
		}
	});

	it('moves a call whose deadline has passed forward again when the demo starts later', async () => {
		const later = new Date('2027-03-01T12:00:00Z');
		await seedDemo({ pbUrl: server.url, email: ADMIN_EMAIL, password: ADMIN_PASSWORD, now: later });
		const calls = await server.admin
			.collection('nomination_calls')
			.getFullList({ filter: server.admin.filter('group = {:g}', { g: first.steeringGroupId }) });
		expect(calls).toHaveLength(3);
		for (const call of calls) {
			expect(new Date(call.deadline.replace(' ', 'T')).getTime()).toBeGreaterThan(later.getTime());
		}
	});

	it('invents the names of people rather than using those in the minutes', () => {
		const text = JSON.stringify(loadDemoData());
		for (const surname of ['Kristensen', 'Harder', 'Rahbek', 'Gimm', 'Kallestrup', 'Schlünsen', 'Stouby']) {
			expect(text).not.toContain(surname);
		}
	});
});
