// The demo data: built from the seed minutes, idempotent, and with its groups kept apart.
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData, seedDemo } from '../../scripts/lib/seed.mjs';
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

	it('invents the names of people rather than using those in the minutes', () => {
		const text = JSON.stringify(loadDemoData());
		for (const surname of ['Kristensen', 'Harder', 'Rahbek', 'Gimm', 'Kallestrup', 'Schlünsen', 'Stouby']) {
			expect(text).not.toContain(surname);
		}
	});
});
