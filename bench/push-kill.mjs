// Crash rounds for the dispatcher: each round queues `rows` due reminders, starts a dispatcher in a
// child process (tests/support/dispatch-child.mjs), kills it (SIGKILL) at a random moment while it
// sends, then lets another dispatcher take over once the dead one's leases run out. Counted from the
// push service's side (which decrypts every message and reads the row id in it): rows never sent
// (lost) and rows sent more than once (duplicated). A kill between a push service's 201 and the
// group commit that records it is the one window for a duplicate (at least once, by design; the
// topic and the tag make the device show it once).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import webpush from 'web-push';
import { inChunks, pbDate } from './measure.mjs';
import { withOwnPocketBase } from './own-pocketbase.mjs';

const ADMIN = { email: 'bench@klyngeportal.local', password: 'bench-superuser-password' };
const CHILD = fileURLToPath(new URL('../tests/support/dispatch-child.mjs', import.meta.url));

async function load(/** @type {string} */ path) {
	const { module } = await runnerImport(fileURLToPath(new URL(path, import.meta.url)), {
		configFile: false,
		logLevel: 'error'
	});
	return module;
}

/**
 * @param {{ rounds?: number, rows?: number, members?: number, leaseMs?: number }} [opts]
 */
export async function measurePushKill({ rounds = 20, rows = 200, members = 50, leaseMs = 2000 } = {}) {
	const { createDispatcher } = await load('../src/lib/server/reminders/dispatcher.ts');
	const { startPushService } = await load('../tests/support/push-service.ts');
	const push = await startPushService();
	const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:bench@klyngeportal.local' };
	try {
		return await withOwnPocketBase('klyngeportal-bench-pushkill-', {}, async ({ url, admin }) => {
			const org = await admin
				.collection('organizations')
				.create({ name: 'Benchkommune', short_name: 'Bench', sector: 'kommune' });
			const users = await inChunks(members, async (i) => {
				const user = await admin.collection('users').create({
					email: `kill-${i}@bench.klyngeportal.local`,
					password: 'bench-member-password',
					passwordConfirm: 'bench-member-password',
					name: `Medlem ${i}`,
					organization: org.id
				});
				const sub = push.createSubscription({ vapidKey: vapid.publicKey });
				await admin.collection('push_subscriptions').create({
					user: user.id,
					endpoint: sub.endpoint,
					p256dh: sub.keys.p256dh,
					auth: sub.keys.auth,
					last_seen: pbDate(Date.now())
				});
				return user.id;
			});
			const totals = {
				rows: 0,
				killedWhileSending: 0,
				lost: 0,
				duplicated: 0,
				duplicatedWithAnotherTopicOrTag: 0,
				recordedBeforeKill: 0
			};
			for (let round = 0; round < rounds; round++) {
				push.clear();
				const now = Date.now();
				const ids = await inChunks(rows, async (i) => {
					const r = await admin.collection('notifications').create({
						user: users[i % members],
						kind: 'attendance',
						// One reminder per member and deadline (a second within 6 hours is not sent).
						subject: `r${round}-m${i % 20}-${Math.floor(i / members)}`,
						moment: `kill-${round}-${i}`,
						origin: 'planner',
						due: pbDate(now - 60_000),
						expires: pbDate(now + 3600_000),
						payload: {
							web_push: 8030,
							notification: {
								title: 'Svar senest i morgen',
								body: 'Klyngestyregruppemøde fredag den 8. januar kl. 9.00',
								navigate: 'https://klyngeportal.example/moeder/m#svar',
								lang: 'da',
								dir: 'ltr',
								tag: `attendance-r${round}-m${i % 20}`
							}
						},
						status: 'pending',
						attempts: 0
					});
					return r.id;
				});
				const child = spawn(
					process.execPath,
					[
						CHILD,
						JSON.stringify({
							pbUrl: url,
							...ADMIN,
							vapid,
							caFile: push.certFile,
							owner: `doomed-${round}`,
							batchSize: 50,
							concurrency: 16,
							leaseMs,
							timeoutMs: 10_000
						})
					],
					{ stdio: ['ignore', 'pipe', 'inherit'] }
				);
				const exited = new Promise((resolve) => child.once('exit', resolve));
				await new Promise((resolve) => child.stdout.on('data', (d) => String(d).includes('ready') && resolve(null)));
				// Kill once a random number of its pushes (1 to 3/4 of the rows) have been taken.
				const killAt = 1 + Math.floor(Math.random() * ((rows * 3) / 4));
				const waitUntil = Date.now() + 20_000;
				while (push.delivered().length < killAt && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 1));
				child.kill('SIGKILL');
				await exited;
				const beforeRecovery = push.delivered().length;
				const recorded = await admin
					.collection('notifications')
					.getList(1, 1, { filter: `status = "sent" && moment ~ "kill-${round}-"`, fields: 'id' });
				if (beforeRecovery > 0 && beforeRecovery < rows) totals.killedWhileSending++;
				totals.recordedBeforeKill += recorded.totalItems;
				// Another dispatcher, once the dead one's leases have run out.
				await new Promise((r) => setTimeout(r, leaseMs + 100));
				await createDispatcher(admin, { vapid, agent: push.agent, log: () => {} }).run();
				const counts = new Map();
				/** @type {Map<string, string>} */
				const firstKey = new Map();
				for (const d of push.delivered()) {
					const n = /** @type {any} */ (d.payload)?.notification;
					const id = n?.data?.id;
					counts.set(id, (counts.get(id) ?? 0) + 1);
					// A repeat shows as one notification only with the same topic (push service) and tag (device).
					const key = `${d.endpoint} ${d.topic} ${n?.tag}`;
					if (!firstKey.has(id)) firstKey.set(id, key);
					else if (firstKey.get(id) !== key) totals.duplicatedWithAnotherTopicOrTag++;
				}
				totals.rows += rows;
				totals.lost += ids.filter((id) => !counts.has(id)).length;
				totals.duplicated += [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
			}
			const left = await admin.collection('notifications').getList(1, 1, { filter: 'status != "sent"', fields: 'id' });
			return { rounds, ...totals, notSentInOutbox: left.totalItems };
		});
	} finally {
		await push.close();
	}
}

/** @param {Awaited<ReturnType<typeof measurePushKill>>} r */
export function formatPushKill(r) {
	return [
		`Dispatcher crash rounds: ${r.rounds} rounds of ${r.rows / r.rounds} reminders, killed (SIGKILL) mid-send in ` +
			`${r.killedWhileSending}; after takeover ${r.lost} lost, ${r.duplicated} sent twice ` +
			`(${r.duplicatedWithAnotherTopicOrTag} of them with another topic or tag, i.e. shown twice; ` +
			`${r.recordedBeforeKill} recorded before the kills; ${r.notSentInOutbox} rows not sent in the outbox)`
	];
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(`Dispatcher crash rounds — ${new Date().toISOString()}, Node ${process.version}`);
	const rounds = Number(process.env.ROUNDS ?? 20);
	for (const line of formatPushKill(await measurePushKill({ rounds }))) console.log(line);
}
