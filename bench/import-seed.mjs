// Time of importing the seed minutes of 12 June 2020 (shared/seeds/004_…): the parse of the pasted
// text, the proposal with names matched to the group's members and its checks, and the save as a
// draft through the hook route (one transaction: the meeting, 11 items, minutes, decisions,
// follow-ups, guests and the audit entry) — as the app does it, against a PocketBase of its own.
// The app's TypeScript modules are loaded through Vite, as the app's server loads them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PocketBase from 'pocketbase';
import { createServer } from 'vite';
import { quantile } from './measure.mjs';
import { withOwnPocketBase } from './own-pocketbase.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = new URL('../src/lib/deadlines/fixtures/004_c119477d974f0948.txt', import.meta.url);
const PASSWORD = 'bench-secretariat-password';

/** Loads the app's import modules (TypeScript, `$lib` imports) without building the app. */
async function loadModules() {
	const vite = await createServer({
		root: ROOT,
		configFile: false,
		logLevel: 'silent',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, ws: false },
		resolve: { alias: { $lib: `${ROOT}src/lib` } }
	});
	try {
		const parser = await vite.ssrLoadModule('/src/lib/agenda/import/index.ts');
		const server = await vite.ssrLoadModule('/src/lib/server/import.ts');
		return { parser, server, close: () => vite.close() };
	} catch (err) {
		await vite.close();
		throw err;
	}
}

const stats = (/** @type {number[]} */ values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
};

/**
 * @param {{ runs?: number }} [opts]
 * @returns {Promise<{ runs: number, parseMs: { median: number, p95: number }, saveMs: { median: number, p95: number }, totalMs: { median: number, p95: number } }>}
 */
export async function measureImportSeed({ runs = 30 } = {}) {
	const seed = readFileSync(SEED, 'utf8');
	const modules = await loadModules();
	try {
		return await withOwnPocketBase('klyngeportal-bench-import-', {}, async ({ url, admin }) => {
			const org = await admin.collection('organizations').create({ name: 'Skive Kommune', sector: 'kommune' });
			const group = await admin.collection('groups').create({ name: 'Styregruppen (benchmark)', kind: 'styregruppe' });
			const email = 'sekretariat@bench.klyngeportal.local';
			const secretary = await admin.collection('users').create({
				email,
				password: PASSWORD,
				passwordConfirm: PASSWORD,
				verified: true,
				name: 'Helena Rahbek Pedersen',
				organization: org.id
			});
			await admin.collection('memberships').create({ user: secretary.id, group: group.id, role: 'secretariat' });
			for (const name of ['Lars Harder', 'Trine Brøcker', 'Katrine Gimm']) {
				const user = await admin.collection('users').create({
					email: `${name.split(' ')[0].toLowerCase()}@bench.klyngeportal.local`,
					password: PASSWORD,
					passwordConfirm: PASSWORD,
					name,
					organization: org.id
				});
				await admin.collection('memberships').create({ user: user.id, group: group.id, role: 'member' });
			}
			const pb = new PocketBase(url);
			pb.autoCancellation(false);
			await pb.collection('users').authWithPassword(email, PASSWORD);
			const members = await modules.server.groupMembers(pb, group.id);

			const parse = [];
			const save = [];
			const total = [];
			for (let i = 0; i < runs; i++) {
				const t0 = performance.now();
				const parsed = modules.parser.parseMeetingText(seed);
				if (!parsed.ok) throw new Error(parsed.error.message);
				const proposal = modules.server.proposalFrom(parsed.meeting, parsed.leftovers, members, group.id);
				const { errors, payload } = modules.server.checkProposal(proposal);
				if (Object.keys(errors).length) throw new Error(JSON.stringify(errors));
				const t1 = performance.now();
				const saved = await modules.server.saveImport(pb, payload);
				const t2 = performance.now();
				if (saved.items.length !== 11) throw new Error(`saved ${saved.items.length} items, not 11`);
				parse.push(t1 - t0);
				save.push(t2 - t1);
				total.push(t2 - t0);
			}
			return { runs, parseMs: stats(parse), saveMs: stats(save), totalMs: stats(total) };
		});
	} finally {
		await modules.close();
	}
}

/** One line per figure, for the benchmark report. */
export function formatImportSeed(/** @type {Awaited<ReturnType<typeof measureImportSeed>>} */ r) {
	const ms = (/** @type {{ median: number, p95: number }} */ s) =>
		`median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`;
	return [
		`Import of the seed minutes (${r.runs} runs)`,
		`  parse + proposal + checks: ${ms(r.parseMs)}`,
		`  save as draft (hook route, one transaction): ${ms(r.saveMs)}`,
		`  total: ${ms(r.totalMs)}`
	].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	console.log(formatImportSeed(await measureImportSeed()));
}
