// Picking a group's members and the user's role from all of the group's memberships (the meeting
// page reads them in one back-relation expand): the same answers as the filters of `listMembers`
// and `roleIn` (ACTIVE_MEMBERSHIP) give PocketBase.
import { describe, expect, it } from 'vitest';
import { isActiveAt, ordinaryMembersAt, roleAt, type ExpandedMembership } from './memberships';

const NOW = new Date('2026-12-03T10:00:00.000Z');

let next = 0;
function membership(fields: Partial<ExpandedMembership> = {}): ExpandedMembership {
	next += 1;
	return {
		id: `m${String(next).padStart(14, '0')}`,
		role: 'member',
		created: '2026-01-01 00:00:00.000Z',
		user: `u${String(next).padStart(14, '0')}`,
		meeting: '',
		starts: '',
		ends: '',
		...fields
	} as ExpandedMembership;
}

describe('isActiveAt', () => {
	it.each([
		['no start and no end', '', '', true],
		['started before now', '2026-12-03 09:59:59.999Z', '', true],
		['starting exactly now', '2026-12-03 10:00:00.000Z', '', true],
		['starting later', '2026-12-03 10:00:00.001Z', '', false],
		['ending later', '', '2026-12-03 10:00:00.001Z', true],
		['ending exactly now', '', '2026-12-03 10:00:00.000Z', false],
		['ended before now', '2025-01-01 00:00:00.000Z', '2026-12-02 10:00:00.000Z', false],
		['with an unreadable start', 'i morgen', '', false],
		['with an unreadable end', '', 'aldrig', false]
	])('%s: %s', (_label, starts, ends, expected) => {
		expect(isActiveAt({ starts, ends }, NOW)).toBe(expected);
	});
});

describe('ordinaryMembersAt', () => {
	it('keeps active ordinary memberships and drops guests, ended, future and meeting-bound ones', () => {
		const member = membership();
		const secretariat = membership({ role: 'secretariat' });
		const chairUntilLater = membership({ role: 'chair', ends: '2027-01-01 00:00:00.000Z' });
		const guest = membership({ role: 'guest', meeting: 'meeting00000001' });
		const guestRoleWithoutMeeting = membership({ role: 'guest' });
		const former = membership({ starts: '2025-01-01 00:00:00.000Z', ends: '2026-12-01 00:00:00.000Z' });
		const future = membership({ starts: '2026-12-04 00:00:00.000Z' });
		const boundToMeeting = membership({ role: 'member', meeting: 'meeting00000001' });
		const all = [member, secretariat, chairUntilLater, guest, guestRoleWithoutMeeting, former, future, boundToMeeting];
		expect(ordinaryMembersAt(all, NOW).map((m) => m.id)).toEqual([member.id, secretariat.id, chairUntilLater.id]);
	});

	it('answers nothing for no memberships', () => {
		expect(ordinaryMembersAt([], NOW)).toEqual([]);
	});
});

describe('roleAt', () => {
	it("answers the user's active ordinary role", () => {
		const mine = membership({ role: 'co_chair' });
		expect(roleAt([membership(), mine, membership({ role: 'secretariat' })], mine.user, NOW)).toBe('co_chair');
	});

	it("answers '' for a guest of one meeting, a former member, a future one, and a stranger", () => {
		const guest = membership({ role: 'guest', meeting: 'meeting00000001' });
		const former = membership({ role: 'secretariat', ends: '2026-12-03 09:00:00.000Z' });
		const future = membership({ role: 'chair', starts: '2026-12-24 00:00:00.000Z' });
		const all = [guest, former, future, membership()];
		for (const m of [guest, former, future]) expect(roleAt(all, m.user, NOW)).toBe('');
		expect(roleAt(all, 'stranger0000000', NOW)).toBe('');
	});

	it("takes the user's ordinary membership, not a guest membership of theirs that comes first", () => {
		const user = 'person000000001';
		const asGuest = membership({ user, role: 'guest', meeting: 'meeting00000001' });
		const ordinary = membership({ user, role: 'member' });
		expect(roleAt([asGuest, ordinary], user, NOW)).toBe('member');
	});
});
