// Dispatching reminders: 1,000 due outbox rows drained by the real dispatcher (claims with leases
// through PocketBase's dispatch routes, web-push sends, outcomes written back) to the local HTTPS push
// service, which decrypts every message. Side by side, in the same run and process, a bare loop of
// `web-push` sendNotification calls to the same devices with the same payloads and concurrency: the
// dispatcher's own cost is the difference. Goal (issue 9): ≤ 5 s, and ≥ 0.9× the bare throughput.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import webpush from 'web-push';
import { inChunks, pbDate } from './measure.mjs';
import { withOwnPocketBase } from './own-pocketbase.mjs';

/** Loads one of the app's TypeScript modules (the dispatcher, the test push service) in plain Node. */
async function load(/** @type {string} */ path) {
	const { module } = await runnerImport(fileURLToPath(new URL(path, import.meta.url)), {
		configFile: false,
		logLevel: 'error'
	});
	return module;
}

/**
 * @param {{ reminders?: number, members?: number, concurrency?: number, batchSize?: number }} [opts]
 */
export async function measurePushDispatch({
	reminders = 1000,
	members = 250,
	concurrency = 16,
	batchSize = Number(process.env.BENCH_PUSH_BATCH ?? 50)
} = {}) {
	const { createDispatcher } = await load('../src/lib/server/reminders/dispatcher.ts');
	const { startPushService } = await load('../tests/support/push-service.ts');
	const push = await startPushService();
	const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:bench@klyngeportal.local' };
	try {
		return await withOwnPocketBase('klyngeportal-bench-push-', {}, async ({ admin }) => {
			const org = await admin
				.collection('organizations')
				.create({ name: 'Benchkommune', short_name: 'Bench', sector: 'kommune' });
			const people = await inChunks(members, async (i) => {
				const user = await admin.collection('users').create({
					email: `push-${i}@bench.klyngeportal.local`,
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
					device: 'Chrome på Android',
					last_seen: pbDate(Date.now()),
					failures: 0
				});
				return { user: user.id, sub };
			});
			const now = Date.now();
			/** @param {number} i */
			const payloadOf = (i) => ({
				web_push: 8030,
				app_badge: 2,
				notification: {
					title: 'Svar senest i morgen: Klyngestyregruppemøde fredag den 8. januar',
					body: 'Meld deltagelse eller afbud til mødet i Midtklyngen kl. 9.00.',
					navigate: `https://klyngeportal.example/moeder/m${i % 50}#svar`,
					lang: 'da',
					dir: 'ltr',
					tag: `attendance-m${i % 50}`,
					actions: [
						{ action: 'attending', title: 'Deltager', navigate: `https://klyngeportal.example/moeder/m${i % 50}#svar` },
						{ action: 'absent', title: 'Afbud', navigate: `https://klyngeportal.example/moeder/m${i % 50}#svar` }
					]
				}
			});
			await inChunks(reminders, (i) =>
				admin.collection('notifications').create({
					user: people[i % members].user,
					kind: 'attendance',
					// Four deadlines per member: one reminder each (a second of one deadline within 6 hours is not sent).
					subject: `m${i % 50}-${Math.floor(i / members)}`,
					moment: `bench-${i}`,
					origin: 'planner',
					due: pbDate(now - 1000),
					expires: pbDate(now + 20 * 3600_000),
					payload: payloadOf(i),
					status: 'pending',
					attempts: 0
				})
			);

			/**
			 * The bare loop: `concurrency` workers sending the same payloads to the same devices, as
			 * web-push is normally called (`vapidDetails`: a JWT signed per send). With `reuseJwt`, the
			 * VAPID header is made once, as the dispatcher does: the bare floor of the dispatcher's work.
			 */
			const bare = async (reuseJwt = false) => {
				const audience = new URL(people[0].sub.endpoint).origin;
				const headers = webpush.getVapidHeaders(
					audience,
					vapid.subject,
					vapid.publicKey,
					vapid.privateKey,
					'aes128gcm',
					Math.floor(Date.now() / 1000) + 12 * 3600
				);
				const before = push.delivered().length;
				const start = performance.now();
				let next = 0;
				await Promise.all(
					Array.from({ length: concurrency }, async () => {
						while (next < reminders) {
							const i = next++;
							const payload = JSON.stringify(payloadOf(i));
							await webpush.sendNotification(people[i % members].sub, payload, {
								...(reuseJwt ? { headers: { ...headers } } : { vapidDetails: vapid }),
								TTL: 72_000,
								urgency: 'high',
								topic: `attendance-m${i % 50}`,
								agent: push.agent
							});
						}
					})
				);
				const seconds = (performance.now() - start) / 1000;
				if (push.delivered().length - before !== reminders) throw new Error('the bare loop lost pushes');
				return seconds;
			};

			// Warm both paths (TLS sessions, JIT) before measuring.
			await webpush.sendNotification(people[0].sub, '{}', { vapidDetails: vapid, TTL: 60, agent: push.agent });
			const bareBefore = await bare();
			push.clear();
			const dispatcher = createDispatcher(admin, {
				vapid,
				agent: push.agent,
				concurrency,
				batchSize,
				commitConcurrency: Number(process.env.BENCH_PUSH_COMMITS ?? 2),
				log: () => {}
			});
			const start = performance.now();
			const report = await dispatcher.run();
			const dispatchSeconds = (performance.now() - start) / 1000;
			const delivered = push.delivered();
			const ids = new Set(delivered.map((d) => /** @type {any} */ (d.payload)?.notification?.data?.id));
			const left = await admin.collection('notifications').getList(1, 1, { filter: 'status != "sent"', fields: 'id' });
			if (report.sent !== reminders || ids.size !== reminders || delivered.length !== reminders || left.totalItems) {
				throw new Error(
					`dispatch incomplete: ${report.sent} sent, ${ids.size} distinct delivered of ${delivered.length}, ${left.totalItems} not sent`
				);
			}
			const bareAfter = await bare();
			const bareSeconds = (bareBefore + bareAfter) / 2;
			const bareReusedJwtSeconds = await bare(true);
			return {
				reminders,
				members,
				concurrency,
				dispatchSeconds,
				bareSeconds,
				bareRuns: [bareBefore, bareAfter],
				dispatchPerSecond: reminders / dispatchSeconds,
				barePerSecond: reminders / bareSeconds,
				ratio: bareSeconds / dispatchSeconds,
				requests: report.requests,
				bareReusedJwtSeconds,
				ratioReusedJwt: bareReusedJwtSeconds / dispatchSeconds
			};
		});
	} finally {
		await push.close();
	}
}

/** @param {Awaited<ReturnType<typeof measurePushDispatch>>} r */
export function formatPushDispatch(r) {
	return [
		`Push dispatch: ${r.reminders} reminders to ${r.members} devices in ${r.dispatchSeconds.toFixed(2)} s ` +
			`(${r.dispatchPerSecond.toFixed(0)}/s; goal ≤ 5 s); bare web-push loop ${r.bareSeconds.toFixed(2)} s ` +
			`(${r.bareRuns.map((s) => s.toFixed(2)).join(' s, ')} s; ${r.barePerSecond.toFixed(0)}/s), ` +
			`concurrency ${r.concurrency}: ${r.ratio.toFixed(2)}× the bare throughput (goal ≥ 0.9×); ` +
			`${r.requests} requests to PocketBase`,
		`  against a bare loop that also reuses one VAPID JWT (as the dispatcher does): ${r.bareReusedJwtSeconds.toFixed(2)} s, ` +
			`${r.ratioReusedJwt.toFixed(2)}×`
	];
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(`Push dispatch benchmark — ${new Date().toISOString()}, Node ${process.version}`);
	for (const line of formatPushDispatch(await measurePushDispatch())) console.log(line);
}
