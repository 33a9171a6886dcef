// Planning reminders for ten times Denmark (210 clusters of 300 people: 63,000 people, 1,050 groups,
// 6,300 meetings, 2,100 nomination calls) in one pass: the planner's bulk reads, who must act, the
// moments and the writes through pb_hooks/planner.pb.js, timed; then a second pass over the same
// data, which must plan nothing new. The scale data is bench/fill-scale.py's, written straight into
// SQLite as for bench/scale.mjs. Run alone with `node bench/plan-scale.mjs` (BENCH_CLUSTERS to
// change the size).
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import PocketBase from 'pocketbase';
import { createServer } from 'vite';
import {
	ROOT,
	ensurePocketBase,
	freePort,
	startPocketBase,
	stopProcess,
	tempDataDir,
	upsertSuperuser
} from '../scripts/lib/pocketbase.mjs';

const ADMIN_EMAIL = 'bench@klyngeportal.local';
const ADMIN_PASSWORD = 'bench-superuser-password';
const TEMPLATE = 'skabelon@skala.example';

/**
 * The planner (TypeScript with $lib imports), loaded through Vite as the app server would run it.
 * @returns {Promise<{ planReminders: (pb: PocketBase, now: Date) => Promise<{ planned: number, cancelled: number, moved?: number }> , close: () => Promise<void> }>}
 */
async function loadPlanner() {
	const vite = await createServer({
		root: ROOT,
		logLevel: 'error',
		server: { middlewareMode: true, hmr: false, watch: null },
		appType: 'custom'
	});
	const mod = await vite.ssrLoadModule('/src/lib/server/reminders/planner.ts');
	return { planReminders: mod.planReminders, close: () => vite.close() };
}

/** @param {string} bin @param {string} dir */
async function start(bin, dir) {
	const server = await startPocketBase({ bin, dataDir: dir, port: await freePort(), env: { RATE_LIMITS: 'off' } });
	const admin = new PocketBase(server.url);
	admin.autoCancellation(false);
	await admin.collection('_superusers').authWithPassword(ADMIN_EMAIL, ADMIN_PASSWORD);
	return { server, admin };
}

/** @param {{ clusters?: number, people?: number }} [opts] */
export async function measurePlanAtScale({ clusters = 210, people = 300 } = {}) {
	const bin = await ensurePocketBase();
	const data = tempDataDir('klyngeportal-bench-plan-');
	const planner = await loadPlanner();
	try {
		upsertSuperuser(bin, data.dir, ADMIN_EMAIL, ADMIN_PASSWORD);
		// The migrations, and one account whose password hash every filled person gets.
		const first = await start(bin, data.dir);
		const org = await first.admin.collection('organizations').create({ name: 'Skabelon', sector: 'kommune' });
		await first.admin.collection('users').create({
			email: TEMPLATE,
			password: 'skabelon-password',
			passwordConfirm: 'skabelon-password',
			name: 'Skabelon',
			organization: org.id
		});
		await stopProcess(first.server.child);
		const fill = spawnSync(
			'python3',
			[join(ROOT, 'bench', 'fill-scale.py'), join(data.dir, 'data.db'), String(clusters), String(people), TEMPLATE],
			{ encoding: 'utf8' }
		);
		if (fill.status !== 0) throw new Error(`filling failed: ${fill.stderr}`);

		const { server, admin } = await start(bin, data.dir);
		try {
			const now = new Date();
			const t0 = performance.now();
			const firstPass = await planner.planReminders(admin, now);
			const firstSeconds = (performance.now() - t0) / 1000;
			const t1 = performance.now();
			const again = await planner.planReminders(admin, now);
			const againSeconds = (performance.now() - t1) / 1000;
			const rows = (await admin.collection('notifications').getList(1, 1, { filter: 'status = "pending"' })).totalItems;
			return {
				filled: fill.stdout.trim(),
				first: { ...firstPass, seconds: firstSeconds },
				again: { ...again, seconds: againSeconds },
				rows
			};
		} finally {
			await stopProcess(server.child);
		}
	} finally {
		await planner.close();
		data.remove();
	}
}

/** @param {Awaited<ReturnType<typeof measurePlanAtScale>>} r */
export function formatPlanAtScale(r) {
	return [
		`Data: ${r.filled}`,
		`Planning, first pass: ${r.first.seconds.toFixed(1)} s, ${r.first.planned} rows planned, ${r.first.cancelled} cancelled`,
		`Planning, second pass (same data): ${r.again.seconds.toFixed(1)} s, ${r.again.planned} planned, ${r.again.cancelled} cancelled`,
		`Pending rows in the outbox: ${r.rows}`
	].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const clusters = Number(process.env.BENCH_CLUSTERS ?? 210);
	console.log(`Reminder planning at scale: ${clusters} clusters — ${new Date().toISOString()}`);
	console.log(formatPlanAtScale(await measurePlanAtScale({ clusters })));
}
