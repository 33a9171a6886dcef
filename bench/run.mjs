#!/usr/bin/env node
// `npm run bench`: runs every benchmark against a fresh local stack and prints the figures.
// Figures, not pass/fail: the budgets are in ../shared/DESIGN.md and the latest figures in README.md.
import { buildIfStale } from '../scripts/lib/build.mjs';
import { tempDataDir } from '../scripts/lib/pocketbase.mjs';
import { startStack } from '../scripts/lib/stack.mjs';
import { startBareApp } from './bare-app.mjs';
import { formatClientSize, measureClientSize } from './client-size.mjs';
import { measureAttendanceWrites } from './attendance-writes.mjs';
import { formatLighthouse, measureLighthouse } from './lighthouse.mjs';
import { formatLoginTiming, measureLoginTiming } from './login-timing.mjs';
import { measureBarePageLatency, measureMeetingPageLatency, measureTrackerLatency } from './page-latency.mjs';
import { measureNominationWrites } from './nomination-writes.mjs';
import { formatServerLatency, measureServerLatency } from './server-latency.mjs';
import { measureOfflineOpen } from './offline-open.mjs';
import { cpuSeconds } from './measure.mjs';
import { measureAtScale } from './scale.mjs';
import { formatPushDispatch, measurePushDispatch } from './push-dispatch.mjs';
import { formatPushKill, measurePushKill } from './push-kill.mjs';
import { formatPlanAtScale, measurePlanAtScale } from './plan-scale.mjs';
import { formatImportSeed, measureImportSeed } from './import-seed.mjs';
import { formatEditorSave, measureEditorSave } from './editor-save.mjs';

buildIfStale();
if (process.argv.includes('--scale')) {
	const clusters = Number(process.env.BENCH_CLUSTERS ?? 210);
	console.log(`Klyngeportal at scale: ${clusters} clusters (10× Denmark's 21) — ${new Date().toISOString()}\n`);
	const r = await measureAtScale({ clusters });
	console.log(`Data: ${r.filled}, plus the demo`);
	for (const [label, p] of /** @type {const} */ ([
		['Meeting page (SSR, logged in), 1 user', r.page1],
		['Meeting page (SSR, logged in), 10 concurrent users', r.page10],
		["Nomination tracker (the secretariat's, SSR), 1 user", r.tracker]
	])) {
		console.log(`${label}: p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, ${p.errors} errors`);
	}
	console.log(
		`Attendance answer: create ${r.create.toFixed(1)} ms; change p50 ${r.update.p50.toFixed(1)} ms, p95 ${r.update.p95.toFixed(1)} ms`
	);
	process.exit(0);
}

const data = tempDataDir('klyngeportal-bench-');
const stack = await startStack({
	dataDir: data.dir,
	appPort: Number(process.env.BENCH_APP_PORT ?? 4273),
	pbPort: Number(process.env.BENCH_PB_PORT ?? 8491),
	smtpPort: 2825,
	inboxPort: 8425,
	rateLimits: false,
	// The reminder engine's ticks would only add noise to the page and write figures.
	reminders: false,
	log: () => {}
});
try {
	console.log(
		`Klyngeportal benchmarks — ${new Date().toISOString()}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`
	);
	const bareApp = await startBareApp();
	try {
		for (const line of formatClientSize(await measureClientSize(stack, { bareUrl: bareApp.url }))) console.log(line);
	} finally {
		await bareApp.stop();
	}
	for (const line of formatLighthouse(await measureLighthouse(stack))) console.log(line);
	for (const users of [1, 50]) {
		const sample = () => [cpuSeconds(stack.app.pid), cpuSeconds(stack.pocketbase.child.pid)];
		let before = sample();
		let after = before;
		const r = await measureMeetingPageLatency(stack, {
			users,
			requestsPerUser: users === 1 ? 200 : 20,
			around: { start: () => (before = sample()), end: () => (after = sample()) }
		});
		const perRequest = (/** @type {number} */ i) =>
			before[i] === null || after[i] === null
				? '?'
				: /** @type {number} */ (((after[i] - /** @type {number} */ (before[i])) * 1000) / r.requests).toFixed(1);
		console.log(
			`Meeting page (SSR, logged in), ${String(users).padStart(2)} concurrent user(s): p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ` +
				`${r.requests} requests, ${r.errors} errors, ${r.throughput.toFixed(0)} req/s ` +
				`(CPU per request: app ${perRequest(0)} ms, PocketBase ${perRequest(1)} ms)`
		);
	}
	const bare = await measureBarePageLatency(stack, { users: 1, requestsPerUser: 200 });
	const meeting = await measureMeetingPageLatency(stack, { users: 1, requestsPerUser: 200 });
	console.log(
		`Bare SvelteKit page (login, not logged in), 1 user: p50 ${bare.p50.toFixed(1)} ms, p95 ${bare.p95.toFixed(1)} ms; ` +
			`the meeting page measured right after it: p50 ${meeting.p50.toFixed(1)} ms — ratio ${(meeting.p50 / bare.p50).toFixed(1)}× (budget 5×)`
	);
	// Time to first byte and bytes on the wire, the meeting page and the bare page in turn.
	console.log(formatServerLatency(await measureServerLatency(stack)));
	const tracker = await measureTrackerLatency(stack, { users: 1, requestsPerUser: 200 });
	console.log(
		`Nomination tracker (the secretariat's, SSR), 1 user: p50 ${tracker.p50.toFixed(1)} ms, p95 ${tracker.p95.toFixed(1)} ms, ` +
			`${tracker.errors} errors — ${(tracker.p50 / bare.p50).toFixed(1)}× the bare page`
	);
	console.log(formatLoginTiming(await measureLoginTiming(stack)));
	const off = await measureOfflineOpen(stack, { runs: 20, port: Number(process.env.BENCH_OFFLINE_PORT ?? 4373) });
	const ms = (/** @type {number} */ x) => x.toFixed(0);
	console.log(
		`Saved meeting opened with the server stopped (${off.runs} runs): first contentful paint p50 ${ms(off.offline.fcp.p50)} ms, ` +
			`p95 ${ms(off.offline.fcp.p95)} ms (DOMContentLoaded p50 ${ms(off.offline.dcl.p50)} ms); the same page online through the ` +
			`same service worker: FCP p50 ${ms(off.online.fcp.p50)} ms — ratio ${(off.offline.fcp.p50 / off.online.fcp.p50).toFixed(2)}× (goal ≤ 300 ms)`
	);
	console.log(
		`Service worker: ${(off.swGzipBytes / 1024).toFixed(1)} KB gzip (budget 15 KB); shell precache ${(off.precacheBytes / 1024).toFixed(0)} KB (budget 1.5 MB)`
	);
} finally {
	await stack.stop();
	data.remove();
}

// Attendance writes need no app server: they run against a PocketBase of their own, started after
// the stack above has stopped, so nothing else competes for the two cores while they are measured.
const members = 200;
const attendance = await measureAttendanceWrites({ members });
for (const [label, r] of /** @type {const} */ ([
	[`${members} members at once: create`, attendance.creates],
	[`${members} members at once: change`, attendance.updates],
	[`${members} members within 10 s: change`, attendance.spread]
])) {
	const cpu = r.cpuMsPerRequest === null ? '?' : r.cpuMsPerRequest.toFixed(1);
	console.log(
		`Attendance answers (own PocketBase), ${label}: p50 ${r.p50.toFixed(1)} ms, ` +
			`p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, ${r.errors} errors ` +
			`(round took ${r.wallMs.toFixed(0)} ms, PocketBase CPU ${cpu} ms per answer); budget p95 ≤ 30 ms` +
			(r.errors ? `\n  first errors: ${r.messages.join(' | ')}` : '')
	);
}
console.log(`Attendance answers, audit entries: ${attendance.auditEntries} (expected ${3 * members})`);
console.log(
	`Bare PocketBase (no rules, no hooks), ${members} creates at once: p50 ${attendance.bare.p50.toFixed(1)} ms, ` +
		`p95 ${attendance.bare.p95.toFixed(1)} ms, ${attendance.bare.errors} errors — attendance create burst p95 is ` +
		`${(attendance.creates.p95 / attendance.bare.p95).toFixed(1)}× that (budget 2×)`
);

const nominations = await measureNominationWrites({ orgs: 20, perOrg: 5 });
const nb = nominations.burst;
console.log(
	`Nominations, ${nominations.requests} members of 20 organisations in the same second (3 fora, 1 seat each): ` +
		`p50 ${nb.p50.toFixed(1)} ms, p95 ${nb.p95.toFixed(1)} ms, max ${nb.max.toFixed(1)} ms, ${nb.errors} errors ` +
		`(round took ${nb.wallMs.toFixed(0)} ms, PocketBase CPU ${nb.cpuMsPerRequest === null ? '?' : nb.cpuMsPerRequest.toFixed(1)} ms per request)` +
		(nb.errors ? `\n  first errors: ${nb.messages.join(' | ')}` : '')
);
console.log(
	`Bare PocketBase (no rules, no hooks), ${nominations.requests} creates at once: p50 ${nominations.bare.p50.toFixed(1)} ms, ` +
		`p95 ${nominations.bare.p95.toFixed(1)} ms — the nomination burst p95 is ${(nb.p95 / nominations.bare.p95).toFixed(1)}× that`
);
console.log(
	`Nominations stored ${nominations.stored} (expected ${nominations.expected}), refused as full ${nominations.refused}, ` +
		`seats over quota ${nominations.overQuota}, audit entries ${nominations.audit}, nominee mails ${nominations.mails}`
);

// Reminders (issue 9), each on a PocketBase (and push service) of its own: 1,000 reminders dispatched
// side by side with a bare web-push loop; dispatchers killed mid-send; planning at 10× national size.
for (const line of formatPushDispatch(await measurePushDispatch())) console.log(line);
for (const line of formatPushKill(await measurePushKill({ rounds: 10 }))) console.log(line);
console.log(formatPlanAtScale(await measurePlanAtScale({ clusters: Number(process.env.BENCH_CLUSTERS ?? 210) })));

// The secretariat's workspace (issue 10), each on a PocketBase of its own: importing the seed
// minutes; the agenda editor's save of a 20-item agenda beside bare PocketBase writes.
console.log(formatImportSeed(await measureImportSeed({ runs: 30 })));
console.log(formatEditorSave(await measureEditorSave()));
