// The app with ten times Denmark's clusters in one PocketBase (21 clusters × 10, a few hundred
// people each): the same member's meeting page and attendance answers as on the demo data, to show
// that the API rules stay indexed lookups as the data grows. Run with `npm run bench -- --scale`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import PocketBase from 'pocketbase';
import { ROOT, tempDataDir } from '../scripts/lib/pocketbase.mjs';
import { startStack } from '../scripts/lib/stack.mjs';
import { measureMeetingPageLatency, measureTrackerLatency } from './page-latency.mjs';
import { quantile } from './measure.mjs';

const PORTS = { appPort: 4573, pbPort: 8691, smtpPort: 2925, inboxPort: 8625 };

/** @param {{ clusters?: number, people?: number }} [opts] */
export async function measureAtScale({ clusters = 210, people = 300 } = {}) {
	const data = tempDataDir('klyngeportal-bench-scale-');
	try {
		// The demo first (its accounts are the ones measured), then the country around it.
		const first = await startStack({ dataDir: data.dir, ...PORTS, rateLimits: false, log: () => {} });
		const member = first.logins.find((l) => l.role === 'co_chair') ?? first.logins[0];
		await first.stop();
		const fill = spawnSync(
			'python3',
			[join(ROOT, 'bench', 'fill-scale.py'), join(data.dir, 'data.db'), String(clusters), String(people), member.email],
			{ encoding: 'utf8' }
		);
		if (fill.status !== 0) throw new Error(`filling failed: ${fill.stderr}`);
		const filled = fill.stdout.trim();

		const stack = await startStack({ dataDir: data.dir, ...PORTS, rateLimits: false, log: () => {} });
		try {
			const page1 = await measureMeetingPageLatency(stack, { users: 1, requestsPerUser: 100 });
			const page10 = await measureMeetingPageLatency(stack, { users: 10, requestsPerUser: 20 });
			const tracker = await measureTrackerLatency(stack, { users: 1, requestsPerUser: 100 });

			// One member changing their answer to the next meeting, 50 times in a row.
			const pb = new PocketBase(stack.pbUrl);
			pb.autoCancellation(false);
			await pb.collection('users').authWithPassword(member.email, stack.demoPassword);
			const next = await pb.collection('meetings').getList(1, 1, { filter: 'starts > @now', sort: 'starts' });
			const meeting = next.items[0].id;
			const userId = /** @type {{ id: string }} */ (pb.authStore.record).id;
			const t0 = performance.now();
			const answer = await pb.collection('attendance').create({ meeting, user: userId, status: 'attending' });
			const create = performance.now() - t0;
			/** @type {number[]} */
			const times = [];
			for (let i = 0; i < 50; i++) {
				const t = performance.now();
				await pb.collection('attendance').update(answer.id, { status: i % 2 ? 'attending' : 'absent' });
				times.push(performance.now() - t);
			}
			times.sort((a, b) => a - b);
			return {
				filled,
				page1,
				page10,
				tracker,
				create,
				update: { p50: quantile(times, 0.5), p95: quantile(times, 0.95) }
			};
		} finally {
			await stack.stop();
		}
	} finally {
		data.remove();
	}
}
