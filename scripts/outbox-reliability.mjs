#!/usr/bin/env node
// `npm run reliability`: 100 random drop-and-replay rounds of the outbox against a real PocketBase
// (with the demo data) and the built app, through the same flush module the phone uses
// (src/lib/offline/outbox-flush.js). Each round queues one to three answers (attendance, or a
// nomination; attendance through the one-tap buttons or the full answer form) for one member and
// breaks the way there in one of four ways:
//   killed-before  the app server is killed (SIGKILL) before the flush, then started again;
//   lost-response  the first post reaches the app and is written, and its response is cut off
//                  (a proxy in front of the app drops the connection once the app has answered);
//   killed-during  the app server is killed right after the first answer of the flush is sent;
//   unreachable    the proxy drops every connection before it reaches the app (no network).
// Then it flushes until nothing waits and counts, per answer, what PocketBase holds: lost (no record,
// or not the answer sent) and duplicated (more than one record, or more than one write in the audit
// log). Prints both; exits 1 unless both are 0 (and nothing was refused).
//
// Options: --rounds N (default 100), --seed N (default: random; printed, to replay a failure).
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { buildIfStale } from './lib/build.mjs';
import { ROOT, freePort, stopProcess, tempDataDir } from './lib/pocketbase.mjs';
import { startStack } from './lib/stack.mjs';
import { flushOutbox, memoryStore, newRecordId } from '../src/lib/offline/outbox-flush.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROUNDS = option('rounds', 100);
const SEED = option('seed', Math.floor(Math.random() * 2 ** 31));
const MODES = ['killed-before', 'lost-response', 'killed-during', 'unreachable'];

/** A small seeded generator (mulberry32), so that a failing run can be replayed with --seed. */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rand = random(SEED);
const pick = (list) => list[Math.floor(rand() * list.length)];

/** The built app on `port`, in front of `pbUrl`; killed and started again by the rounds. */
function appServer(port, pbUrl, origin) {
	/** @type {import('node:child_process').ChildProcess | null} */
	let child = null;
	const url = `http://127.0.0.1:${port}`;
	return {
		async start() {
			child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs')], {
				cwd: ROOT,
				env: {
					...process.env,
					PORT: String(port),
					HOST: '127.0.0.1',
					ORIGIN: origin,
					PB_URL: pbUrl,
					RATE_LIMITS: 'off'
				},
				stdio: ['ignore', 'ignore', 'inherit']
			});
			for (let i = 0; i < 200; i++) {
				if (child.exitCode !== null) throw new Error('the app server exited');
				try {
					if ((await fetch(`${url}/login`)).status < 500) return;
				} catch {
					// not listening yet
				}
				await new Promise((r) => setTimeout(r, 50));
			}
			throw new Error('the app server did not start');
		},
		/** Kills it outright, as a crash or a pulled plug would. */
		async kill() {
			if (child) await stopProcess(child, 'SIGKILL');
			child = null;
		},
		get running() {
			return child !== null;
		}
	};
}

/**
 * A proxy in front of the app that can cut connections: before forwarding (`unreachable`), or after
 * the app has answered (`drop`: the write happened, the response is lost). `afterResponse` runs once a
 * response has gone back (to kill the app mid-flush).
 */
function faultyProxy(appPort) {
	const state = {
		unreachable: false,
		dropNext: false,
		afterResponse: /** @type {null | (() => Promise<void>)} */ (null)
	};
	const server = createServer((req, res) => {
		if (state.unreachable) return void req.socket.destroy();
		const drop = state.dropNext;
		state.dropNext = false;
		const upstream = request(
			{ host: '127.0.0.1', port: appPort, path: req.url, method: req.method, headers: req.headers },
			(answer) => {
				const chunks = [];
				answer.on('data', (c) => chunks.push(c));
				answer.on('end', async () => {
					if (drop) return void req.socket.destroy();
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					res.end(Buffer.concat(chunks));
					const after = state.afterResponse;
					state.afterResponse = null;
					if (after) await after();
				});
			}
		);
		upstream.on('error', () => req.socket.destroy());
		req.pipe(upstream);
	});
	return { server, state };
}

/** Logs in through the app's password form and returns the cookie header of the session. */
async function logIn(base, origin, email, password) {
	const res = await fetch(`${base}/login?/password`, {
		method: 'POST',
		headers: {
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded',
			origin
		},
		body: new URLSearchParams({ email, password })
	});
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (!cookies.some((c) => c.split('=')[1])) throw new Error(`could not log in as ${email}`);
	return cookies.join('; ');
}

async function main() {
	buildIfStale({ log: (line) => console.error(line) });
	const data = tempDataDir('klyngeportal-reliability-');
	const [appPort, pbPort, smtpPort, inboxPort, ourAppPort, proxyPort] = await Promise.all(
		Array.from({ length: 6 }, freePort)
	);
	const stack = await startStack({
		dataDir: data.dir,
		appPort,
		pbPort,
		smtpPort,
		inboxPort,
		rateLimits: false,
		exemptLoopback: true,
		log: () => {}
	});
	const origin = `http://127.0.0.1:${proxyPort}`;
	const app = appServer(ourAppPort, stack.pbUrl, origin);
	const { server: proxy, state } = faultyProxy(ourAppPort);
	await new Promise((r) => proxy.listen(proxyPort, '127.0.0.1', () => r(undefined)));
	try {
		await app.start();
		const admin = new PocketBase(stack.pbUrl);
		admin.autoCancellation(false);
		await admin.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);

		// The steering group's ordinary members, meetings open for answers, and a call with room.
		const group = await admin
			.collection('groups')
			.getFirstListItem(admin.filter('name = {:n}', { n: 'Klyngestyregruppen for Midtklyngen' }));
		const memberships = await admin.collection('memberships').getFullList({
			filter: admin.filter('group = {:g} && role = "member" && meeting = ""', { g: group.id }),
			expand: 'user'
		});
		const members = memberships.map((m) => m.expand?.user).filter((u) => u && u.organization);
		const day = (d) => new Date(Date.now() + d * 86_400_000).toISOString().replace('T', ' ');
		const meetings = await Promise.all(
			Array.from({ length: Math.ceil((ROUNDS * 3) / members.length) + 1 }, (_, i) =>
				admin.collection('meetings').create({
					group: group.id,
					title: `Pålidelighedsmøde ${i + 1}`,
					status: 'published',
					starts: day(20 + i),
					ends: day(20 + i + 2 / 24)
				})
			)
		);
		const call = await admin.collection('nomination_calls').create({
			group: group.id,
			title: 'Pålidelighedsindkaldelse',
			eligibility: 'all',
			status: 'open',
			deadline: day(30)
		});
		// Fora with room (at most 50 people per organisation each): a nomination picks one at random.
		const fora = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				admin.collection('nomination_fora').create({ call: call.id, name: `Forum ${i + 1}`, quota: 50, position: i })
			)
		);

		const sessions = new Map();
		const session = async (user) => {
			if (!sessions.has(user.id)) sessions.set(user.id, await logIn(origin, origin, user.email, stack.demoPassword));
			return sessions.get(user.id);
		};
		/** Free (member, meeting) pairs: each attendance answer is a member's first for its meeting. */
		const pairs = meetings.flatMap((m) => members.map((u) => ({ meeting: m, user: u })));
		const pairsByUser = new Map(members.map((u) => [u.id, pairs.filter((p) => p.user.id === u.id)]));

		let lost = 0;
		let duplicated = 0;
		let refused = 0;
		let answers = 0;
		const modes = Object.fromEntries(MODES.map((m) => [m, 0]));
		for (let round = 0; round < ROUNDS; round++) {
			const user = pick(members.filter((u) => (pairsByUser.get(u.id) ?? []).length >= 3));
			const cookie = await session(user);
			const free = pairsByUser.get(user.id);
			const count = 1 + Math.floor(rand() * 3);
			const queuedAt = Date.now();
			/** @type {{ entry: import('../src/lib/offline/outbox-flush.js').OutboxEntry, check: () => Promise<[boolean, boolean]> }[]} */
			const planned = [];
			for (let i = 0; i < count; i++) {
				const id = newRecordId();
				const base = {
					id,
					queuedAt: new Date(queuedAt + i).toISOString(),
					userId: user.id,
					status: /** @type {const} */ ('queued')
				};
				if (rand() < 0.6) {
					const { meeting } = free.shift();
					const status = pick(['attending', 'absent']);
					const form = pick(['quick', 'save']);
					planned.push({
						entry: {
							...base,
							key: `attendance:${meeting.id}`,
							label: status,
							// The one-tap buttons, or the full answer form.
							action: `/moeder/${meeting.id}/svar?/${form}`,
							fields: [
								['status', status],
								['til', `/moeder/${meeting.id}`]
							]
						},
						check: async () => {
							const rows = await admin.collection('attendance').getFullList({
								filter: admin.filter('meeting = {:m} && user = {:u}', { m: meeting.id, u: user.id })
							});
							const writes = rows.length
								? await admin
										.collection('audit_log')
										.getFullList({ filter: admin.filter('record = {:r}', { r: rows[0].id }) })
								: [];
							return [rows.length === 0 || rows[0].status !== status, rows.length > 1 || writes.length > 1];
						}
					});
				} else {
					const name = `Pålidelig ${round}-${i}-${id}`;
					const forum = pick(fora);
					planned.push({
						entry: {
							...base,
							key: `nomination:${forum.id}:${id}`,
							label: name,
							action: `/indkaldelser/${call.id}?/nominate`,
							fields: [
								['forum', forum.id],
								['who', 'other'],
								['name', name],
								['title', 'Konsulent'],
								['email', `${id}@example.dk`]
							]
						},
						check: async () => {
							const rows = await admin.collection('nominations').getFullList({
								filter: admin.filter('call = {:c} && nominee_name = {:n}', { c: call.id, n: name })
							});
							return [rows.length === 0, rows.length > 1];
						}
					});
				}
			}
			const store = memoryStore(planned.map((p) => p.entry));
			const fetchFn = (url, init) => fetch(url, { ...init, headers: { ...init.headers, cookie, origin } });
			const flush = () => flushOutbox(store, fetchFn, { userId: user.id, base: origin });

			const mode = pick(MODES);
			modes[mode] += 1;
			if (mode === 'killed-before') {
				await app.kill();
				await flush();
				await app.start();
			} else if (mode === 'lost-response') {
				state.dropNext = true;
				await flush();
			} else if (mode === 'killed-during') {
				/** @type {Promise<void> | null} */
				let killed = null;
				state.afterResponse = () => (killed = app.kill());
				await flush();
				state.afterResponse = null;
				await killed;
				if (!app.running) await app.start();
			} else {
				state.unreachable = true;
				await flush();
				state.unreachable = false;
			}
			for (let attempt = 0; attempt < 5 && (await store.list()).some((e) => e.status === 'queued'); attempt++) {
				await flush();
			}
			const left = await store.list();
			refused += left.filter((e) => e.status === 'refused').length;
			for (const p of planned) {
				const [isLost, isDuplicated] = await p.check();
				if (isLost) lost += 1;
				if (isDuplicated) duplicated += 1;
				answers += 1;
			}
		}
		console.log(`Outbox reliability: ${ROUNDS} rounds, ${answers} answers, seed ${SEED}`);
		console.log(`  rounds by fault: ${MODES.map((m) => `${m} ${modes[m]}`).join(', ')}`);
		console.log(`  lost: ${lost}`);
		console.log(`  duplicated: ${duplicated}`);
		console.log(`  refused: ${refused}`);
		return lost === 0 && duplicated === 0 && refused === 0 ? 0 : 1;
	} finally {
		await app.kill();
		proxy.closeAllConnections();
		await new Promise((r) => proxy.close(() => r(undefined)));
		await stack.stop();
		data.remove();
	}
}

process.exitCode = await main();
