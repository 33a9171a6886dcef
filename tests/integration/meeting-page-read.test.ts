// The meeting page reads its meeting, the group's members and the user's role in one request (the
// memberships as a back-relation expand). Against a real PocketBase, for every kind of person, it
// shows exactly what the separate reads it replaced (`listMembers`, `roleIn`) show, so the
// memberships collection's rules still decide who sees whom.
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMeetingPage } from '$lib/server/meetings';
import { listMembers, roleIn, isLeader } from '$lib/server/memberships';
import { groupByOrganization } from '$lib/meetings';
import type { TypedPocketBase } from '$lib/pocketbase-types';
import {
	createCast,
	createMembership,
	createOrganization,
	createUser,
	daysFromNow,
	people,
	type Cast,
	type Who
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let server: TestPocketBase;
let cast: Cast;

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	// Memberships the page must leave out: one that has not begun, and a member who is also a guest.
	const org = await createOrganization(server.admin);
	const future = await createUser(server.admin, { organization: org.id, name: 'Frida Fremtid' });
	await createMembership(server.admin, {
		user: future.record.id,
		group: cast.groups.a.id,
		starts: daysFromNow(30)
	});
	await createMembership(server.admin, {
		user: cast.people.member.record.id,
		group: cast.groups.a.id,
		role: 'guest',
		meeting: cast.meetings.minutes.id
	});
});

afterAll(async () => {
	await server?.stop();
});

/** What the page showed with the separate reads. */
async function separately(pb: PocketBase, groupId: string, userId: string) {
	const [members, role] = await Promise.all([
		listMembers(pb, 'group = {:groupId}', { groupId }),
		roleIn(pb, userId, groupId)
	]);
	return { participants: groupByOrganization(members), canAnswer: !!role, isLeader: isLeader(role) };
}

/** Every name in a page's participant list. */
const names = (participants: ReturnType<typeof groupByOrganization>) =>
	participants.flatMap((block) => block.people.map((p) => p.name)).sort();

describe('the meeting page in one read', () => {
	const who = people('member', 'secretariat', 'guest', 'former', 'outsider');
	const meetings = ['published', 'other', 'draft', 'minutes'] as const;

	for (const [label, person] of who) {
		for (const which of meetings) {
			it(`shows ${label} on the ${which} meeting what the separate reads showed`, async () => {
				const p = cast.people[person as Exclude<Who, 'anon'>];
				const meeting = cast.meetings[which];
				const page = await getMeetingPage(p.pb as TypedPocketBase, meeting.id, p.record.id).catch(
					(err: { status?: number }) => err
				);
				let canSee = true;
				try {
					await p.pb.collection('meetings').getOne(meeting.id, { fields: 'id' });
				} catch {
					canSee = false;
				}
				if (!canSee) {
					expect(page).toMatchObject({ status: 404 });
					return;
				}
				if (!('participants' in page)) throw new Error(`expected the page, got ${JSON.stringify(page)}`);
				const before = await separately(p.pb, cast.groups.a.id, p.record.id);
				expect(page.participants).toEqual(before.participants);
				expect(page.attendance.canAnswer).toBe(before.canAnswer);
				expect(page.attendance.isLeader).toBe(before.isLeader);
			});
		}
	}

	it('lists the active members only, with the secretariat as a leader and the guest as no one', async () => {
		const member = await getMeetingPage(
			cast.as('member') as TypedPocketBase,
			cast.meetings.published.id,
			cast.people.member.record.id
		);
		expect(names(member.participants)).toEqual(['Mette Medlem', 'Sofie Sekretær']);
		expect(member.attendance).toMatchObject({ canAnswer: true, isLeader: false });

		const secretariat = await getMeetingPage(
			cast.as('secretariat') as TypedPocketBase,
			cast.meetings.published.id,
			cast.people.secretariat.record.id
		);
		expect(secretariat.attendance).toMatchObject({ canAnswer: true, isLeader: true });

		const guest = await getMeetingPage(
			cast.as('guest') as TypedPocketBase,
			cast.meetings.published.id,
			cast.people.guest.record.id
		);
		expect(guest.attendance).toMatchObject({ canAnswer: false, isLeader: false });
	});

	it("answers another group's member with a 404", async () => {
		await expect(
			getMeetingPage(cast.as('outsider') as TypedPocketBase, cast.meetings.published.id, cast.people.outsider.record.id)
		).rejects.toMatchObject({ status: 404 });
	});
});
