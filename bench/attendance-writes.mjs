// Latency of attendance answers when every member of a large group answers at the same moment
// (say, right after the meeting is published): `members` members each create their answer at once,
// then all change it at once. Each write goes through the real API rules and hooks (validation,
// audit entry, substitute sync) of a PocketBase of its own, on a fresh temporary data directory,
// so nothing else competes for the machine while it is measured.
import { performance } from 'node:perf_hooks';
import PocketBase from 'pocketbase';
import { cpuSeconds, quantile } from './measure.mjs';
import {
	ensurePocketBase,
	freePort,
	startPocketBase,
	stopProcess,
	tempDataDir,
	upsertSuperuser
} from '../scripts/lib/pocketbase.mjs';

const ADMIN_EMAIL = 'bench@klyngeportal.local';
const ADMIN_PASSWORD = 'bench-superuser-password';
const PASSWORD = 'bench-member-password';
const CHUNK = 20;

/**
 * Runs `fn` for every index below `count`, `CHUNK` at a time.
 * @template T
 * @param {number} count @param {(i: number) => Promise<T>} fn
 * @returns {Promise<T[]>}
 */
async function inChunks(count, fn) {
	/** @type {T[]} */
	const out = [];
	for (let start = 0; start < count; start += CHUNK) {
		const batch = [];
		for (let i = start; i < Math.min(count, start + CHUNK); i++) batch.push(fn(i));
		out.push(...(await Promise.all(batch)));
	}
	return out;
}

const pbDate = (/** @type {number} */ ms) => new Date(ms).toISOString().replace('T', ' ');

/**
 * All clients fire one request each — at the same moment, or at random moments spread over
 * `spreadMs` — and the latency figures of the round come back.
 * @param {number | undefined} pid PocketBase's process id, for its CPU time during the round
 * @param {(() => Promise<unknown>)[]} requests
 * @param {number} [spreadMs]
 */
async function round(pid, requests, spreadMs = 0) {
	/** @type {number[]} */
	const times = [];
	let errors = 0;
	/** @type {string[]} */
	const messages = [];
	const cpuBefore = cpuSeconds(pid);
	const started = performance.now();
	await Promise.all(
		requests.map(async (request) => {
			if (spreadMs) await new Promise((r) => setTimeout(r, Math.random() * spreadMs));
			const t0 = performance.now();
			try {
				await request();
			} catch (err) {
				errors++;
				if (messages.length < 3) messages.push(String(/** @type {Error} */ (err).message ?? err));
			}
			times.push(performance.now() - t0);
		})
	);
	const wallMs = performance.now() - started;
	const cpuAfter = cpuSeconds(pid);
	times.sort((a, b) => a - b);
	return {
		p50: quantile(times, 0.5),
		p95: quantile(times, 0.95),
		max: times[times.length - 1],
		errors,
		/** Wall time of the whole round: the last answer is stored this long after the first was sent. */
		wallMs,
		/** PocketBase CPU time per request in this round, or null when /proc is not available. */
		cpuMsPerRequest: cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / requests.length,
		messages
	};
}

/**
 * @param {{ members?: number }} [opts]
 */
export async function measureAttendanceWrites({ members = 200 } = {}) {
	const bin = await ensurePocketBase();
	const data = tempDataDir('klyngeportal-bench-attendance-');
	/** @type {import('node:child_process').ChildProcess | undefined} */
	let child;
	try {
		upsertSuperuser(bin, data.dir, ADMIN_EMAIL, ADMIN_PASSWORD);
		const server = await startPocketBase({
			bin,
			dataDir: data.dir,
			port: await freePort(),
			env: { RATE_LIMITS: 'off' }
		});
		child = server.child;
		const admin = new PocketBase(server.url);
		admin.autoCancellation(false);
		await admin.collection('_superusers').authWithPassword(ADMIN_EMAIL, ADMIN_PASSWORD);

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
			const pb = new PocketBase(server.url);
			pb.autoCancellation(false);
			await pb.collection('users').authWithPassword(users[i].email, PASSWORD);
			return pb;
		});

		// Everyone answers at once …
		/** @type {string[]} */
		const answerIds = new Array(members);
		const creates = await round(
			child.pid,
			clients.map((pb, i) => async () => {
				const answer = await pb
					.collection('attendance')
					.create({ meeting: meeting.id, user: users[i].id, status: 'attending' });
				answerIds[i] = answer.id;
			})
		);
		// … and then everyone changes their answer at once.
		const updates = await round(
			child.pid,
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
			child.pid,
			clients.map((pb, i) => () => pb.collection('attendance').update(answerIds[i], { status: 'attending', note: '' })),
			10_000
		);

		const rows = (await admin.collection('attendance').getList(1, 1, { filter: `meeting = "${meeting.id}"` }))
			.totalItems;
		if (rows !== members) throw new Error(`expected ${members} attendance rows, found ${rows}`);
		const auditEntries = (await admin.collection('audit_log').getList(1, 1)).totalItems;
		return { creates, updates, spread, auditEntries };
	} finally {
		if (child) await stopProcess(child);
		data.remove();
	}
}
