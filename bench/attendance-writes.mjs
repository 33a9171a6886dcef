// Latency of attendance answers when every member of a large group answers at the same moment
// (say, right after the meeting is published): `members` members each create their answer at once,
// then all change it at once. Each write goes through the real API rules and hooks (validation,
// audit entry, substitute sync) of a PocketBase of its own, on a fresh temporary data directory,
// so nothing else competes for the machine while it is measured.
import PocketBase from 'pocketbase';
import { inChunks, pbDate, round } from './measure.mjs';
import { plainBurst, withOwnPocketBase } from './own-pocketbase.mjs';

const PASSWORD = 'bench-member-password';

/**
 * @param {{ members?: number }} [opts]
 */
export async function measureAttendanceWrites({ members = 200 } = {}) {
	return withOwnPocketBase('klyngeportal-bench-attendance-', {}, async ({ url, admin, pid }) => {
		// Setup, as the superuser: an organisation, a steering group, its members and an open meeting.
		const org = await admin
			.collection('organizations')
			.create({ name: 'Benchkommune', short_name: 'Bench', sector: 'kommune' });
		const group = await admin.collection('groups').create({ name: 'Styregruppen (benchmark)', kind: 'styregruppe' });
		const starts = Date.now() + 7 * 86_400_000;
		const meeting = await admin.collection('meetings').create({
			group: group.id,
			title: 'Styregruppemøde (benchmark)',
			starts: pbDate(starts),
			ends: pbDate(starts + 2 * 3_600_000),
			status: 'published'
		});
		const users = await inChunks(members, async (i) => {
			const email = `medlem${i + 1}@bench.klyngeportal.local`;
			const user = await admin.collection('users').create({
				email,
				password: PASSWORD,
				passwordConfirm: PASSWORD,
				verified: true,
				name: `Medlem ${i + 1}`,
				organization: org.id,
				locale: 'da'
			});
			await admin.collection('memberships').create({ user: user.id, group: group.id, role: 'member' });
			return { id: user.id, email };
		});
		// One client per member, logged in before the clock starts (bcrypt is not part of the figure).
		const clients = await inChunks(members, async (i) => {
			const pb = new PocketBase(url);
			pb.autoCancellation(false);
			await pb.collection('users').authWithPassword(users[i].email, PASSWORD);
			return pb;
		});

		// Everyone answers at once …
		/** @type {string[]} */
		const answerIds = new Array(members);
		const creates = await round(
			pid,
			clients.map((pb, i) => async () => {
				const answer = await pb
					.collection('attendance')
					.create({ meeting: meeting.id, user: users[i].id, status: 'attending' });
				answerIds[i] = answer.id;
			})
		);
		// … and then everyone changes their answer at once.
		const updates = await round(
			pid,
			clients.map(
				(pb, i) => () =>
					answerIds[i]
						? pb.collection('attendance').update(answerIds[i], { status: 'absent', note: 'Bliver forhindret.' })
						: Promise.reject(new Error('no answer to change'))
			)
		);

		// … and, as people really answer, once more each at a random moment within ten seconds
		// (20 answers a second: still far denser than a group answering after a meeting is published).
		const spread = await round(
			pid,
			clients.map((pb, i) => () => pb.collection('attendance').update(answerIds[i], { status: 'attending', note: '' })),
			10_000
		);

		// The baseline: the same clients, the same instant, a collection with no rules or hooks.
		const bare = await plainBurst(admin, clients, pid);

		const rows = (await admin.collection('attendance').getList(1, 1, { filter: `meeting = "${meeting.id}"` }))
			.totalItems;
		if (rows !== members) throw new Error(`expected ${members} attendance rows, found ${rows}`);
		const auditEntries = (await admin.collection('audit_log').getList(1, 1)).totalItems;
		return { creates, updates, spread, bare, auditEntries };
	});
}
